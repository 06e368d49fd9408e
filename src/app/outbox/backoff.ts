/** Exponential backoff settings: the first retry waits about baseMs, doubling up to capMs. */
export interface BackoffOptions {
  baseMs: number;
  capMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 2_000, capMs: 10 * 60_000 };

/**
 * The wait before the next try after `failedAttempts` failures (1 or more): "equal jitter", so
 * the wait lies in [d/2, d] with d = min(cap, base·2^(n-1)). The half that is random keeps
 * retries from many items apart; the fixed half keeps the growth exponential.
 */
export function backoffDelayMs(failedAttempts: number, options: BackoffOptions, random: () => number): number {
  const exponent = Math.max(0, failedAttempts - 1);
  const ceiling = Math.min(options.capMs, options.baseMs * 2 ** Math.min(exponent, 30));
  const r = Math.min(Math.max(random(), 0), 1);
  return Math.round(ceiling / 2 + (ceiling / 2) * r);
}
