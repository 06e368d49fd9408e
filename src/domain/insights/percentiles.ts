/**
 * The p-th percentile (0 < p <= 100) by the nearest-rank method: the smallest value with at least
 * p% of the values at or below it. Undefined for no values.
 */
export function percentile(values: readonly number[], p: number): number | undefined {
  return percentileOfCounts(values.map((value) => ({ value, count: 1 })), p);
}

/** The same percentile from a histogram (value, how many), so counts from the store need no expanding. */
export function percentileOfCounts(histogram: ReadonlyArray<{ value: number; count: number }>, p: number): number | undefined {
  if (!(p > 0 && p <= 100)) throw new RangeError(`percentile must be above 0 and at most 100, got ${p}`);
  const sorted = histogram.filter((h) => h.count > 0).sort((a, b) => a.value - b.value);
  const total = sorted.reduce((sum, h) => sum + h.count, 0);
  if (total === 0) return undefined;
  const rank = Math.ceil((p / 100) * total);
  let seen = 0;
  for (const h of sorted) {
    seen += h.count;
    if (seen >= rank) return h.value;
  }
  return sorted[sorted.length - 1]?.value;
}

/** A share as a whole percentage (0 to 100), or undefined when there is nothing to share. */
export function percentage(part: number, whole: number): number | undefined {
  return whole === 0 ? undefined : Math.round((part / whole) * 100);
}
