/** A calendar date with no time or zone, written 'YYYY-MM-DD'. */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** True when the text is a real calendar date in 'YYYY-MM-DD' form ('2026-02-30' is not). */
export function isIsoDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Throws a RangeError unless the text is a real 'YYYY-MM-DD' date; a programming error, not user input. */
export function assertIsoDate(text: string, what = 'date'): void {
  if (!isIsoDate(text)) throw new RangeError(`${what} must be a real date written YYYY-MM-DD, got "${text}"`);
}

/** Days since 1970-01-01 for a date (no zone: the date is taken as a UTC midnight). */
export function toDayNumber(date: IsoDate): number {
  assertIsoDate(date);
  return Math.round(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS);
}

/** The date of a day number (the inverse of toDayNumber). */
export function fromDayNumber(dayNumber: number): IsoDate {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

/** The date `days` calendar days later (earlier when negative). */
export function addCalendarDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Day of the week: 0 Sunday … 6 Saturday. */
export function dayOfWeek(date: IsoDate): number {
  return new Date(toDayNumber(date) * DAY_MS).getUTCDay();
}

/** True on Saturday and Sunday. */
export function isWeekend(date: IsoDate): boolean {
  const day = dayOfWeek(date);
  return day === 0 || day === 6;
}
