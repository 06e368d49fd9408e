/** The most calls found in any span [t, t + windowMs) of the sorted-or-not instants (epoch ms). */
export function maxInAnyWindow(instants: readonly number[], windowMs: number): number {
  const sorted = [...instants].sort((a, b) => a - b);
  let max = 0;
  let start = 0;
  for (let end = 0; end < sorted.length; end += 1) {
    while ((sorted[start] ?? 0) <= (sorted[end] ?? 0) - windowMs) start += 1;
    max = Math.max(max, end - start + 1);
  }
  return max;
}

/** The instants grouped by a key (a conversation). */
export function groupInstants<T>(items: readonly T[], keyOf: (item: T) => string, at: (item: T) => number): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  for (const item of items) groups.set(keyOf(item), [...(groups.get(keyOf(item)) ?? []), at(item)]);
  return groups;
}
