import { NEED_CODES, PHASES, type NeedCode, type Phase } from '../case-record';
import type { CaseTally } from './case-tally';
import { percentage, percentileOfCounts } from './percentiles';
import { monthsIn, type Period } from './periods';

/** The way a case went: what the duty team did with it, or that it is still open. */
export const ROUTES = ['services', 'advice', 'panel', 'withdrawn', 'open', 'no-service'] as const;
export type Route = (typeof ROUTES)[number];

const STILL_OPEN = new Set(['submitted', 'claimed', 'awaiting-school']);

/**
 * A group's route. Withdrawn first (whatever happened before), then panel (escalated), then
 * services (routed), then advice; still open; anything else ended with no service fitted.
 */
export function routeOf(t: Pick<CaseTally, 'status' | 'routed' | 'panel'>): Route {
  if (t.status === 'withdrawn') return 'withdrawn';
  if (t.panel) return 'panel';
  if (t.routed) return 'services';
  if (t.status === 'advised') return 'advice';
  if (STILL_OPEN.has(t.status)) return 'open';
  return 'no-service';
}

/** The kinds of unmet need: the panel did not agree a package, or a case ended with no service fitted. */
export type UnmetKind = 'panel-not-agreed' | 'closed-no-service';

/**
 * Unmet need, as the cases record it: the panel's decision was "not agreed" (whatever else happened,
 * unless withdrawn), or a case ended with no service, advice, agreed package or panel outcome.
 */
export function unmetKind(t: Pick<CaseTally, 'status' | 'routed' | 'panel' | 'panelOutcome'>): UnmetKind | undefined {
  if (t.status === 'withdrawn') return undefined;
  if (t.panelOutcome === 'not-agreed') return 'panel-not-agreed';
  if (t.routed || t.panelOutcome === 'agreed') return undefined;
  if (t.panel) return t.status === 'closed' ? 'closed-no-service' : undefined;
  return routeOf(t) === 'no-service' ? 'closed-no-service' : undefined;
}

/** Every figure the insight card shows, for one period. */
export interface InsightFigures {
  period: Period;
  total: number;
  byNeed: Array<{ need: NeedCode; count: number }>;
  byPhase: Array<{ phase: Phase; count: number }>;
  byMonth: Array<{ month: string; count: number }>;
  routes: Record<Route, number>;
  response: {
    answered: number;
    median: number | undefined;
    p90: number | undefined;
    withinSetTime: number;
    withinShare: number | undefined;
    /** How many first responses took each number of working days; 5 holds 5 or more. */
    histogram: Array<{ days: number; count: number }>;
  };
  panelByMonth: Array<{ month: string; cases: number; panel: number; share: number | undefined }>;
  /** What the panel decided on the period's cases: a package agreed, not agreed, or no decision yet. */
  panelOutcomes: { agreed: number; notAgreed: number; awaiting: number; agreedShare: number | undefined };
  unmet: { panelNotAgreed: number; closedNoService: number; byNeed: Array<{ need: NeedCode; count: number }> };
}

const countBy = <K extends string>(keys: readonly K[], tallies: readonly CaseTally[], keyOf: (t: CaseTally) => K) => {
  const counts = new Map<K, number>(keys.map((k) => [k, 0]));
  for (const t of tallies) counts.set(keyOf(t), (counts.get(keyOf(t)) ?? 0) + t.count);
  return counts;
};

/** The figures from the store's tallies for the period (tallies outside its months are ignored). */
export function insightFigures(period: Period, tallies: readonly CaseTally[]): InsightFigures {
  const months = monthsIn(period);
  const sum = (list: readonly CaseTally[]) => list.reduce((total, t) => total + t.count, 0);
  const inPeriod = tallies.filter((t) => months.includes(t.month));
  const needs = countBy(NEED_CODES, inPeriod, (t) => t.primaryNeed);
  const phases = countBy(PHASES, inPeriod, (t) => t.phase);
  const perMonth = countBy(months, inPeriod, (t) => t.month);
  const panelPerMonth = countBy(months, inPeriod.filter((t) => t.panel), (t) => t.month);
  const routes = Object.fromEntries(countBy(ROUTES, inPeriod, routeOf)) as Record<Route, number>;
  const answered = inPeriod.filter((t) => t.firstResponseDays !== null);
  const histogram = answered.map((t) => ({ value: t.firstResponseDays ?? 0, count: t.count }));
  const answeredCount = answered.reduce((sum, t) => sum + t.count, 0);
  const within = answered.filter((t) => t.withinSetTime === true).reduce((sum, t) => sum + t.count, 0);
  const unmet = inPeriod.filter((t) => unmetKind(t) !== undefined);
  const agreed = sum(inPeriod.filter((t) => t.panelOutcome === 'agreed'));
  const notAgreed = sum(inPeriod.filter((t) => t.panelOutcome === 'not-agreed'));
  const unmetNeeds = countBy(NEED_CODES, unmet, (t) => t.primaryNeed);
  const nonZeroByCount = <K extends string>(counts: Map<K, number>) =>
    [...counts].filter(([, count]) => count > 0).sort((a, b) => b[1] - a[1]);

  return {
    period,
    total: sum(inPeriod),
    byNeed: nonZeroByCount(needs).map(([need, count]) => ({ need, count })),
    byPhase: [...phases].filter(([, count]) => count > 0).map(([phase, count]) => ({ phase, count })),
    byMonth: months.map((month) => ({ month, count: perMonth.get(month) ?? 0 })),
    routes,
    response: {
      answered: answeredCount,
      median: percentileOfCounts(histogram, 50),
      p90: percentileOfCounts(histogram, 90),
      withinSetTime: within,
      withinShare: percentage(within, answeredCount),
      histogram: answeredCount === 0 ? [] : [0, 1, 2, 3, 4, 5].map((d) => ({ days: d, count: histogram.filter((h) => (d === 5 ? h.value >= 5 : h.value === d)).reduce((n, h) => n + h.count, 0) })),
    },
    panelByMonth: months.map((month) => {
      const cases = perMonth.get(month) ?? 0;
      const panel = panelPerMonth.get(month) ?? 0;
      return { month, cases, panel, share: percentage(panel, cases) };
    }),
    panelOutcomes: {
      agreed,
      notAgreed,
      awaiting: sum(inPeriod.filter((t) => t.panel && t.panelOutcome === null && t.status === 'panel')),
      agreedShare: percentage(agreed, agreed + notAgreed),
    },
    unmet: {
      panelNotAgreed: sum(unmet.filter((t) => unmetKind(t) === 'panel-not-agreed')),
      closedNoService: sum(unmet.filter((t) => unmetKind(t) === 'closed-no-service')),
      byNeed: nonZeroByCount(unmetNeeds).map(([need, count]) => ({ need, count })),
    },
  };
}
