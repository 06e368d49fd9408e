import { insightFigures } from '../../src/domain/insights/insight-figures';
import { insightsCard, statusCard, statusListCard } from '../../src/teams/insight-cards';
import { renderCard, type AdaptiveCardJson } from '../../src/teams/render-card';
import { aCase } from '../store/mothers';

/** One rendering of each insight and status card, with realistic data (for test/teams/cards.test.ts). */
export function insightAndStatusCards(): Record<'insights' | 'status' | 'status-lookup' | 'status-list' | 'status-suggestions', AdaptiveCardJson> {
  const record = aCase({ ref: 'FD-2026-00001', status: 'routed', routedTo: ['educational-psychology'], panelDue: '2026-12-21' });
  const tallies = [
    { month: '2026-10', phase: 'primary' as const, primaryNeed: 'SEMH' as const, status: 'routed' as const, routed: true, panel: false, panelOutcome: null, firstResponseDays: 1, withinSetTime: true, count: 4 },
    { month: '2026-11', phase: 'secondary' as const, primaryNeed: 'ASD' as const, status: 'decided' as const, routed: false, panel: true, panelOutcome: 'not-agreed' as const, firstResponseDays: 3, withinSetTime: false, count: 1 },
  ];
  return {
    insights: insightsCard(insightFigures({ from: '2026-09-01', to: '2026-12-31', label: 'Autumn term 2026' }, tallies), 2),
    status: statusCard(record, { settingName: 'Oakfield Primary School', claimantName: 'Sam Patel', serviceNames: ['Educational Psychology Service'] }, '2026-12-07', () => 'due tomorrow', true),
    'status-lookup': renderCard('status-lookup', { ref: 'banana', error: '"banana" is not a reference.', canList: true }),
    'status-list': statusListCard('overdue', { scope: 'all', cases: [aCase({ firstResponseDue: '2026-12-01' })], more: false }, () => 'Oakfield Primary School', '2026-12-07'),
    'status-suggestions': renderCard('status-suggestions', { said: 'insihgts', text: 'Did you mean "insights"?', suggestions: [{ title: 'insights', command: 'insights' }] }),
  };
}
