import type { IsoDate } from './iso-date';

/** The zone every deadline is counted in: the authority works to the clock in England. */
export const LONDON_TIME_ZONE = 'Europe/London';

const londonParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: LONDON_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  hourCycle: 'h23',
});

function partsOf(instant: Date): { date: IsoDate; hour: number } {
  if (Number.isNaN(instant.getTime())) throw new RangeError('instant must be a valid Date');
  const parts = Object.fromEntries(londonParts.formatToParts(instant).map((p) => [p.type, p.value]));
  return { date: `${parts['year']}-${parts['month']}-${parts['day']}`, hour: Number(parts['hour']) };
}

/** The date on a London wall clock at the instant (23:30 UTC on a summer evening is the next day). */
export function londonDate(instant: Date): IsoDate {
  return partsOf(instant).date;
}

/** Morning or afternoon on a London wall clock: 'AM' before 12:00, 'PM' from 12:00. */
export function londonSession(instant: Date): 'AM' | 'PM' {
  return partsOf(instant).hour < 12 ? 'AM' : 'PM';
}
