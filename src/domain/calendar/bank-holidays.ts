import Holidays from 'date-holidays';
import type { IsoDate } from './iso-date';

let holidays: Holidays | undefined;
const byYear = new Map<number, ReadonlySet<IsoDate>>();

/**
 * England and Wales bank holidays in the year (date-holidays 'GB'/'ENG', type 'public', substitute
 * days included). Computed once per year and cached: the rules do not change while the process runs.
 */
export function bankHolidaysIn(year: number): ReadonlySet<IsoDate> {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError(`year must be a four-digit year, got ${year}`);
  const cached = byYear.get(year);
  if (cached) return cached;
  holidays ??= new Holidays('GB', 'ENG');
  const dates = new Set(
    holidays
      .getHolidays(year)
      .filter((h) => h.type === 'public')
      .map((h) => h.date.slice(0, 10)),
  );
  byYear.set(year, dates);
  return dates;
}

/** True when the date is an England and Wales bank holiday (including a substitute day). */
export function isBankHoliday(date: IsoDate): boolean {
  return bankHolidaysIn(Number(date.slice(0, 4))).has(date);
}
