import fc from 'fast-check';
import { slidingWindowLimiter, TEAMS_CONVERSATION_LIMITS, type RateWindow } from '../../../src/app/outbox/rate-limiter';
import { maxInAnyWindow } from './support/window-check';

const T0 = Date.parse('2026-12-07T10:00:00Z');

/** Sends as fast as the limiter lets: each call at the earliest instant it allows. */
function sendGreedily(count: number, windows: readonly RateWindow[]): number[] {
  const limiter = slidingWindowLimiter(windows);
  const sent: number[] = [];
  let now = T0;
  while (sent.length < count) {
    const got = limiter.tryAcquire('conv', now);
    if (got.ok) sent.push(now);
    else now = got.retryAtMs;
  }
  return sent;
}

describe('sliding-window rate limiter', () => {
  it('lets 7 calls through in one instant and holds the 8th until the first second has passed', () => {
    const limiter = slidingWindowLimiter(TEAMS_CONVERSATION_LIMITS);
    for (let i = 0; i < 7; i += 1) expect(limiter.tryAcquire('conv', T0)).toEqual({ ok: true });
    expect(limiter.tryAcquire('conv', T0 + 999)).toEqual({ ok: false, retryAtMs: T0 + 1_000 });
    expect(limiter.tryAcquire('conv', T0 + 1_000)).toEqual({ ok: true });
    // 8 calls in the last 2 s: the 9th waits for the 2-second window.
    expect(limiter.tryAcquire('conv', T0 + 1_500)).toEqual({ ok: false, retryAtMs: T0 + 2_000 });
  });

  it('counts each conversation on its own', () => {
    const limiter = slidingWindowLimiter(TEAMS_CONVERSATION_LIMITS);
    for (let i = 0; i < 7; i += 1) limiter.tryAcquire('a', T0);
    expect(limiter.tryAcquire('a', T0).ok).toBe(false);
    expect(limiter.tryAcquire('b', T0).ok).toBe(true);
  });

  it('sending flat out keeps to 7/1 s, 8/2 s, 60/30 s and 1800/hour, and reaches the hourly cap', () => {
    const sent = sendGreedily(1_801, TEAMS_CONVERSATION_LIMITS);
    for (const w of TEAMS_CONVERSATION_LIMITS) expect(maxInAnyWindow(sent, w.windowMs)).toBeLessThanOrEqual(w.limit);
    expect(sent[60]! - sent[0]!).toBeGreaterThanOrEqual(30_000);
    // The 1801st call waits a full hour after the first.
    expect(sent[1_800]! - sent[0]!).toBeGreaterThanOrEqual(3_600_000);
    expect(sent[1_799]! - sent[0]!).toBeLessThan(3_600_000);
  });

  it('widens every window by the margin', () => {
    const limiter = slidingWindowLimiter([{ limit: 1, windowMs: 1_000 }], { marginMs: 250 });
    limiter.tryAcquire('conv', T0);
    expect(limiter.tryAcquire('conv', T0 + 1_100)).toEqual({ ok: false, retryAtMs: T0 + 1_250 });
  });

  it('holds a conversation blocked by a Retry-After, then lets it go', () => {
    const limiter = slidingWindowLimiter(TEAMS_CONVERSATION_LIMITS);
    limiter.blockUntil('conv', T0 + 5_000);
    expect(limiter.tryAcquire('conv', T0 + 4_999)).toEqual({ ok: false, retryAtMs: T0 + 5_000 });
    expect(limiter.tryAcquire('conv', T0 + 5_000).ok).toBe(true);
  });

  it('forgets quiet conversations when pruned, and lets them send again at once', () => {
    const limiter = slidingWindowLimiter([{ limit: 1, windowMs: 1_000 }]);
    limiter.tryAcquire('conv', T0);
    limiter.prune(T0 + 1_000);
    expect(limiter.nextFreeAt('conv', T0 + 1_000)).toBe(T0 + 1_000);
  });

  it('grants a call exactly when granting it keeps every window within its limit (any arrival pattern)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 700 }), { minLength: 1, maxLength: 300 }), (gaps) => {
        const limiter = slidingWindowLimiter(TEAMS_CONVERSATION_LIMITS);
        const granted: number[] = [];
        let now = T0;
        for (const gap of gaps) {
          now += gap;
          const wouldFit = TEAMS_CONVERSATION_LIMITS.every((w) => maxInAnyWindow([...granted, now], w.windowMs) <= w.limit);
          const got = limiter.tryAcquire('conv', now);
          expect(got.ok).toBe(wouldFit);
          if (got.ok) granted.push(now);
          else expect(TEAMS_CONVERSATION_LIMITS.every((w) => maxInAnyWindow([...granted, got.retryAtMs], w.windowMs) <= w.limit)).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });
});
