import type { CaseTally } from '../../../src/domain/insights/case-tally';
import { insightFigures } from '../../../src/domain/insights/insight-figures';
import { insightsCard } from '../../../src/teams/insight-cards';

const tally = (overrides: Partial<CaseTally>): CaseTally => ({
  month: '2026-10',
  phase: 'primary',
  primaryNeed: 'SEMH',
  status: 'decided',
  routed: false,
  panel: true,
  panelOutcome: null,
  firstResponseDays: 2,
  withinSetTime: true,
  count: 1,
  ...overrides,
});
const AUTUMN = { from: '2026-09-01', to: '2026-12-31', label: 'Autumn term 2026' };

/** The card's sections as a manager reads them: each title with its sentence, and its chart's data. */
function sections(card: unknown): Array<{ title: string; words: string; chart: unknown }> {
  const body = (card as { body: Array<{ type: string; items?: Array<Record<string, unknown>> }> }).body;
  return body
    .filter((b) => b.type === 'Container' && b.items)
    .map((b) => {
      const items = b.items ?? [];
      return { title: String(items[0]?.text), words: String(items[items.length - 1]?.text), chart: items.find((i) => String(i.type).startsWith('Chart.'))?.data };
    });
}

describe('the insights card shows the panel outcomes', () => {
  const figures = insightFigures(AUTUMN, [
    tally({ panelOutcome: 'agreed', count: 6 }),
    tally({ panelOutcome: 'not-agreed', primaryNeed: 'ASD', count: 2 }),
    tally({ status: 'panel', count: 1 }),
    tally({ panel: false, status: 'closed', primaryNeed: 'HI', count: 1 }),
  ]);
  const card = sections(insightsCard(figures, 2));

  it('has a Panel outcomes chart and sentence: agreed against not agreed, and those waiting', () => {
    const outcomes = card.find((s) => s.title === 'Panel outcomes');
    expect(outcomes?.words).toBe('The panel agreed a package for 6 and did not agree 2 (75% agreed). 1 request still waits for a decision.');
    expect(outcomes?.chart).toEqual([
      { legend: 'Package agreed', value: 6 },
      { legend: 'Not agreed', value: 2 },
      { legend: 'Awaiting decision', value: 1 },
    ]);
  });

  it('counts only "not agreed" panels as unmet need, beside cases closed with no service', () => {
    const unmet = card.find((s) => s.title === 'Unmet need');
    expect(unmet?.words).toBe('3 requests ended with no service: 2 where the panel did not agree a package, 1 closed with none fitted. Most for ASD.');
  });

  it('says when the panel decided nothing in the period', () => {
    const quiet = sections(insightsCard(insightFigures(AUTUMN, [tally({ panel: false, status: 'advised' })]), 2));
    expect(quiet.find((s) => s.title === 'Panel outcomes')?.words).toBe('The panel decided no requests in this period.');
  });
});
