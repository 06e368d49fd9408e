import { addCalendarDays } from '../../domain/calendar';
import { DomainError } from '../../domain/errors';
import { londonMidnight } from '../../domain/insights/case-facts';
import type { SubmittedRange } from '../../domain/insights/case-tally';
import { insightFigures, type InsightFigures } from '../../domain/insights/insight-figures';
import type { Period } from '../../domain/insights/periods';
import { mayUse } from '../../domain/menu';
import type { ReportingStore } from '../../ports/store';
import type { Actor } from '../actor';

/** The submission instants of a period of London dates (both inclusive). */
export function rangeOf(period: Pick<Period, 'from' | 'to'>): SubmittedRange {
  return { from: londonMidnight(period.from), to: londonMidnight(addCalendarDays(period.to, 1)) };
}

/** The insight figures for the period: managers and duty managers only; one tally read from the store. */
export async function buildInsights(store: ReportingStore, actor: Actor, period: Period): Promise<InsightFigures> {
  if (!mayUse(actor.person.roles, 'insights')) throw new DomainError('INSIGHTS.NOT_ALLOWED', 'Only managers see insights');
  return insightFigures(period, await store.tallyCases(rangeOf(period)));
}
