/** At most `limit` calls in any span of `windowMs` milliseconds. */
export interface RateWindow {
  limit: number;
  windowMs: number;
}

/** Teams' published per-bot, per-conversation limits. */
export const TEAMS_CONVERSATION_LIMITS: readonly RateWindow[] = Object.freeze([
  { limit: 7, windowMs: 1_000 },
  { limit: 8, windowMs: 2_000 },
  { limit: 60, windowMs: 30_000 },
  { limit: 1_800, windowMs: 3_600_000 },
]);

/** Teams' published global limit per app per tenant, across all conversations. */
export const TEAMS_APP_LIMITS: readonly RateWindow[] = Object.freeze([{ limit: 50, windowMs: 1_000 }]);

export type Acquired = { ok: true } | { ok: false; retryAtMs: number };

/** Sliding-window counters per key (a conversation), in one process. Time is passed in, in epoch ms. */
export interface RateLimiter {
  /** Records a call for the key at `nowMs` if every window has room; otherwise says when one frees. */
  tryAcquire(key: string, nowMs: number): Acquired;
  /** The earliest instant at or after nowMs at which a call for the key would be allowed. */
  nextFreeAt(key: string, nowMs: number): number;
  /** Lets no call for the key through before `untilMs` (a 429's Retry-After). */
  blockUntil(key: string, untilMs: number): void;
  /** Forgets keys with nothing in their longest window, to bound memory. */
  prune(nowMs: number): void;
}

/**
 * The limiter. `marginMs` widens every window a little, because a call counted here at t reaches
 * Teams a few milliseconds later and network jitter can bunch calls together at the far end.
 */
export function slidingWindowLimiter(windows: readonly RateWindow[], options: { marginMs?: number } = {}): RateLimiter {
  const margin = options.marginMs ?? 0;
  const widths = windows.map((w) => ({ limit: w.limit, span: w.windowMs + margin }));
  const longest = Math.max(0, ...widths.map((w) => w.span));
  const history = new Map<string, number[]>();
  const blocked = new Map<string, number>();

  const nextFreeAt = (key: string, nowMs: number): number => {
    const calls = history.get(key) ?? [];
    let at = Math.max(nowMs, blocked.get(key) ?? 0);
    for (const { limit, span } of widths) {
      // A call at t is inside the window until t + span; with `limit` calls in it, the oldest of
      // the most recent `limit` must leave first.
      const oldestThatMustLeave = calls[calls.length - limit];
      if (oldestThatMustLeave !== undefined) at = Math.max(at, oldestThatMustLeave + span);
    }
    return at;
  };

  return {
    nextFreeAt,
    tryAcquire(key, nowMs) {
      const free = nextFreeAt(key, nowMs);
      if (free > nowMs) return { ok: false, retryAtMs: free };
      const calls = history.get(key) ?? [];
      // Kept in time order even if the clock steps back a little.
      let at = calls.length;
      while (at > 0 && (calls[at - 1] ?? 0) > nowMs) at -= 1;
      calls.splice(at, 0, nowMs);
      while (calls.length > 0 && (calls[0] ?? 0) + longest <= nowMs) calls.shift();
      history.set(key, calls);
      return { ok: true };
    },
    blockUntil(key, untilMs) {
      blocked.set(key, Math.max(untilMs, blocked.get(key) ?? 0));
    },
    prune(nowMs) {
      for (const [key, calls] of history) {
        const last = calls[calls.length - 1];
        if (last === undefined || last + longest <= nowMs) history.delete(key);
      }
      for (const [key, until] of blocked) if (until <= nowMs) blocked.delete(key);
    },
  };
}
