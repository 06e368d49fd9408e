import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Latency figures of one set of turns, in milliseconds (NaN when there were no turns). */
export interface LatencySummary {
  count: number;
  mean: number;
  p50: number;
  p90: number;
  p99: number;
  min: number;
  max: number;
}

/** The nearest-rank percentile (p in 0..100) of values already sorted ascending; NaN when empty. */
export function percentile(sortedAscending: readonly number[], p: number): number {
  if (sortedAscending.length === 0) return Number.NaN;
  if (p < 0 || p > 100) throw new RangeError(`percentile must be between 0 and 100, not ${p}`);
  const rank = Math.max(1, Math.ceil((p / 100) * sortedAscending.length));
  return sortedAscending[rank - 1] ?? Number.NaN;
}

/** p50, p90, p99, mean, min and max of a set of latencies (in any order). */
export function summarise(latencies: readonly number[]): LatencySummary {
  const sorted = [...latencies].sort((a, b) => a - b);
  const count = sorted.length;
  const mean = count === 0 ? Number.NaN : sorted.reduce((sum, v) => sum + v, 0) / count;
  return {
    count,
    mean,
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
    min: sorted[0] ?? Number.NaN,
    max: sorted[count - 1] ?? Number.NaN,
  };
}

/** Completed items per second over a window of elapsedMs; NaN for an empty window. */
export function throughputPerSecond(count: number, elapsedMs: number): number {
  return elapsedMs > 0 ? (count * 1000) / elapsedMs : Number.NaN;
}

/** a ÷ b, or NaN when either is missing or b is zero. */
export function ratio(a: number, b: number): number {
  return Number.isFinite(a) && Number.isFinite(b) && b !== 0 ? a / b : Number.NaN;
}

/** A number for a table: fixed decimals, or "-" when it is not a number. */
export function fmt(value: number, decimals = 1): string {
  return Number.isFinite(value) ? value.toFixed(decimals) : '-';
}

/** A ratio as "0.52×", or "-". */
export function fmtRatio(value: number): string {
  return Number.isFinite(value) ? `${value.toFixed(2)}×` : '-';
}

/** Columns padded to their widest cell (first column left-aligned, the rest right-aligned). */
export function formatTable(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string[] {
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((row) => (row[i] ?? '').length)));
  const line = (row: readonly string[]): string =>
    row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
}

/** Runs a full garbage collection when the flag can be set at run time, so RSS starts settled. */
export function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as unknown;
  if (typeof gc === 'function') (gc as () => void)();
}

/** Memory in bytes: the process's resident set and the JS heap in use. */
export interface MemoryReading {
  rss: number;
  heapUsed: number;
}

/** Peak memory seen between start and stop, and the readings at start and at stop. */
export interface MemoryPeaks {
  start: MemoryReading;
  peak: MemoryReading;
  end: MemoryReading;
}

/** Samples memory until stopped. */
export interface MemorySampler {
  /** Stops; call collectGarbage() first for an `end` that counts only what is still held. */
  stop(): MemoryPeaks;
}

function readMemory(): MemoryReading {
  const { rss, heapUsed } = process.memoryUsage();
  return { rss, heapUsed };
}

/** Starts sampling memory every intervalMs (the timer does not keep the process alive). */
export function sampleMemory(intervalMs = 50, read: () => MemoryReading = readMemory): MemorySampler {
  const start = read();
  const peak = { ...start };
  const take = (): void => {
    const now = read();
    peak.rss = Math.max(peak.rss, now.rss);
    peak.heapUsed = Math.max(peak.heapUsed, now.heapUsed);
  };
  const timer = setInterval(take, intervalMs);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      const end = read();
      peak.rss = Math.max(peak.rss, end.rss);
      peak.heapUsed = Math.max(peak.heapUsed, end.heapUsed);
      return { start, peak: { ...peak }, end };
    },
  };
}

/** Bytes as mebibytes with one decimal. */
export function mebibytes(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(1);
}
