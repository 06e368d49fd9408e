import { backoffDelayMs } from '../../../src/app/outbox/backoff';

const options = { baseMs: 2_000, capMs: 60_000 };

describe('exponential backoff with jitter', () => {
  it('doubles from the base, between half and all of it', () => {
    expect([1, 2, 3, 4].map((n) => backoffDelayMs(n, options, () => 0))).toEqual([1_000, 2_000, 4_000, 8_000]);
    expect([1, 2, 3, 4].map((n) => backoffDelayMs(n, options, () => 0.999999))).toEqual([2_000, 4_000, 8_000, 16_000]);
  });

  it('never waits longer than the cap, even after many failures', () => {
    expect(backoffDelayMs(8, options, () => 0.999999)).toBe(60_000);
    expect(backoffDelayMs(500, options, () => 0.5)).toBe(45_000);
  });

  it('spreads retries of items that failed together', () => {
    const waits = [0.1, 0.4, 0.7, 0.95].map((r) => backoffDelayMs(3, options, () => r));
    expect(new Set(waits).size).toBe(4);
    for (const w of waits) expect(w).toBeGreaterThanOrEqual(4_000);
  });
});
