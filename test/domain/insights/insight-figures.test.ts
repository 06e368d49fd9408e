import type { CaseTally } from '../../../src/domain/insights/case-tally';
import { insightFigures, routeOf, unmetKind } from '../../../src/domain/insights/insight-figures';

const tally = (overrides: Partial<CaseTally>): CaseTally => ({
  month: '2026-10',
  phase: 'primary',
  primaryNeed: 'SEMH',
  status: 'submitted',
  routed: false,
  panel: false,
  panelOutcome: null,
  firstResponseDays: null,
  withinSetTime: null,
  count: 1,
  ...overrides,
});
const AUTUMN = { from: '2026-09-01', to: '2026-12-31', label: 'Autumn term 2026' };

describe('insight figures', () => {
  const tallies = [
    tally({ count: 4 }),
    tally({ month: '2026-09', primaryNeed: 'ASD', status: 'routed', routed: true, firstResponseDays: 1, withinSetTime: true, count: 6 }),
    tally({ month: '2026-09', phase: 'secondary', status: 'panel', panel: true, firstResponseDays: 2, withinSetTime: true, count: 2 }),
    tally({ month: '2026-11', phase: 'secondary', status: 'decided', panel: true, panelOutcome: 'not-agreed', firstResponseDays: 5, withinSetTime: false, count: 1 }),
    tally({ month: '2026-11', status: 'advised', firstResponseDays: 0, withinSetTime: true, count: 3 }),
    tally({ month: '2026-11', status: 'closed', primaryNeed: 'HI', firstResponseDays: 3, withinSetTime: false, count: 1 }),
    tally({ month: '2026-12', status: 'withdrawn', count: 2 }),
    tally({ month: '2025-12', count: 50 }),
  ];
  const figures = insightFigures(AUTUMN, tallies);

  it('counts demand by need (busiest first), by phase and by every month of the period', () => {
    expect(figures.total).toBe(19);
    expect(figures.byNeed).toEqual([
      { need: 'SEMH', count: 12 },
      { need: 'ASD', count: 6 },
      { need: 'HI', count: 1 },
    ]);
    expect(figures.byPhase).toEqual([
      { phase: 'primary', count: 16 },
      { phase: 'secondary', count: 3 },
    ]);
    expect(figures.byMonth).toEqual([
      { month: '2026-09', count: 8 },
      { month: '2026-10', count: 4 },
      { month: '2026-11', count: 5 },
      { month: '2026-12', count: 2 },
    ]);
  });

  it('counts the routes taken', () => {
    expect(figures.routes).toEqual({ services: 6, advice: 3, panel: 3, withdrawn: 2, open: 4, 'no-service': 1 });
    expect(routeOf({ status: 'withdrawn', routed: true, panel: true })).toBe('withdrawn');
  });

  it('gives the median and 90th percentile of working days to a first response, and the share in time', () => {
    // 3×0, 6×1, 2×2, 1×3, 1×5 → 13 answered; median 1, p90 3 (12th of 13).
    expect(figures.response).toEqual({
      answered: 13,
      median: 1,
      p90: 3,
      withinSetTime: 11,
      withinShare: 85,
      histogram: [0, 1, 2, 3, 4, 5].map((days, i) => ({ days, count: [3, 6, 2, 1, 0, 1][i] })),
    });
  });

  it('gives the share to panel by month, with no share for a month with no cases', () => {
    expect(figures.panelByMonth.map((m) => [m.month, m.panel, m.share])).toEqual([
      ['2026-09', 2, 25],
      ['2026-10', 0, 0],
      ['2026-11', 1, 20],
      ['2026-12', 0, 0],
    ]);
    expect(insightFigures({ from: '2027-01-01', to: '2027-01-31', label: 'January 2027' }, []).panelByMonth).toEqual([{ month: '2027-01', cases: 0, panel: 0, share: undefined }]);
  });

  it('shows unmet need: the panel not agreeing a package, and cases closed with none', () => {
    expect(figures.unmet).toEqual({ panelNotAgreed: 1, closedNoService: 1, byNeed: [{ need: 'SEMH', count: 1 }, { need: 'HI', count: 1 }] });
  });

  it('has no response figures before anyone has answered', () => {
    expect(insightFigures(AUTUMN, [tally({})]).response).toEqual({ answered: 0, median: undefined, p90: undefined, withinSetTime: 0, withinShare: undefined, histogram: [] });
  });
});

describe('panel outcomes', () => {
  const decided = { status: 'decided' as const, panel: true };
  const tallies = [
    tally({ ...decided, panelOutcome: 'agreed', primaryNeed: 'ASD', count: 7 }),
    tally({ ...decided, panelOutcome: 'not-agreed', primaryNeed: 'SEMH', count: 2 }),
    tally({ ...decided, panelOutcome: 'not-agreed', primaryNeed: 'ASD', status: 'closed', count: 1 }),
    tally({ status: 'panel', panel: true, count: 3 }),
    tally({ status: 'closed', panel: true, count: 1 }),
    tally({ month: '2026-10', status: 'decided', panel: true, panelOutcome: 'not-agreed', count: 0 }),
  ];
  const figures = insightFigures(AUTUMN, tallies);

  it('counts agreed against not agreed, and the cases still waiting for the panel', () => {
    expect(figures.panelOutcomes).toEqual({ agreed: 7, notAgreed: 3, awaiting: 3, agreedShare: 70 });
    expect(insightFigures(AUTUMN, [tally({ status: 'panel', panel: true })]).panelOutcomes).toEqual({ agreed: 0, notAgreed: 0, awaiting: 1, agreedShare: undefined });
  });

  it('counts "the panel did not agree" as unmet need, never an agreed package', () => {
    expect(figures.unmet).toEqual({ panelNotAgreed: 3, closedNoService: 1, byNeed: [{ need: 'SEMH', count: 3 }, { need: 'ASD', count: 1 }] });
    expect(unmetKind({ status: 'decided', routed: false, panel: true, panelOutcome: 'agreed' })).toBeUndefined();
    expect(unmetKind({ status: 'decided', routed: false, panel: true, panelOutcome: 'not-agreed' })).toBe('panel-not-agreed');
    expect(unmetKind({ status: 'panel', routed: false, panel: true, panelOutcome: null })).toBeUndefined();
    expect(unmetKind({ status: 'withdrawn', routed: false, panel: true, panelOutcome: 'not-agreed' })).toBeUndefined();
  });
});
