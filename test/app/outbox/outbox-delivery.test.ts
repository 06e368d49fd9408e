import { runDeliveryScenario, type ScenarioFigures } from './support/delivery-scenario';

describe('1,000 notifications through the real bot notifier, with 30% of calls failing', () => {
  let figures: ScenarioFigures;
  beforeAll(async () => {
    figures = await runDeliveryScenario({ notifications: 1_000, conversations: 20, failureShare: 0.3 });
  }, 60_000);

  it('delivers every notification exactly once, none dead-lettered', () => {
    expect(figures.delivered).toBe(1_000);
    expect(figures.duplicates).toBe(0);
    expect(figures.deadLettered).toBe(0);
  });

  it('met real failures on the way: throttling with Retry-After and server errors', () => {
    expect(figures.throttled).toBeGreaterThan(50);
    expect(figures.serverErrors).toBeGreaterThan(50);
    expect(figures.attempts).toBe(1_000 + figures.throttled + figures.serverErrors);
  });

  it("never put any conversation over Teams' limits (7/1 s, 8/2 s, 60/30 s, 1800/h), nor the app over 50/s", () => {
    // Teams' published numbers, written out here so that loosening the limiter's table fails this test.
    const teams = new Map([[1_000, 7], [2_000, 8], [30_000, 60], [3_600_000, 1_800]]);
    expect(figures.worstWindows.map((w) => w.windowMs)).toEqual([...teams.keys()]);
    for (const w of figures.worstWindows) expect(w.max).toBeLessThanOrEqual(teams.get(w.windowMs)!);
    expect(figures.worstAppSecond.max).toBeLessThanOrEqual(50);
    // The limits bind: some conversation used the full per-second allowance.
    expect(figures.worstWindows[0]!.max).toBe(7);
  });
});
