import { londonDate } from '../calendar';
import type { CaseRecord } from '../case-record';
import type { CaseTally } from './case-tally';

/** The facts of one case that the insight figures count (the tally group it falls in). */
export function caseFacts(record: CaseRecord): Omit<CaseTally, 'count'> {
  return {
    month: londonDate(new Date(record.submittedAt)).slice(0, 7),
    phase: record.phase,
    primaryNeed: record.primaryNeed,
    status: record.status,
    routed: record.routedTo.length > 0,
    panel: record.panelDue !== null,
    panelOutcome: record.panel.decision?.outcome ?? null,
    firstResponseDays: record.measures?.firstResponseWorkingDays ?? null,
    withinSetTime: record.measures?.withinSetTime ?? null,
  };
}

/** The instant London's day begins (midnight on a London wall clock), ISO in UTC. */
export function londonMidnight(date: string): string {
  const utcMidnight = Date.parse(`${date}T00:00:00.000Z`);
  if (Number.isNaN(utcMidnight)) throw new RangeError(`not a date: ${date}`);
  const hourEarlier = new Date(utcMidnight - 3_600_000);
  // In summer time London's midnight is 23:00 UTC the day before.
  return (londonDate(hourEarlier) === date ? hourEarlier : new Date(utcMidnight)).toISOString();
}
