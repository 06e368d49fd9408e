import { isBankHoliday } from './bank-holidays';
import { describeDueDate } from './due-words';
import { addCalendarDays, assertIsoDate, isWeekend, toDayNumber, type IsoDate } from './iso-date';
import { londonDate } from './london-time';

/** Working days: Monday to Friday, except England and Wales bank holidays and the authority's closure days. */
export interface WorkingDayCalendar {
  /** The closure days this calendar was built with, sorted. */
  readonly closureDays: readonly IsoDate[];
  isWorkingDay(date: IsoDate): boolean;
  /**
   * The due date n working days after the event: counts whole working days AFTER the event's London
   * date (so the hour within that date never matters). n = 0 gives the event's London date when it is
   * a working day, otherwise the next working day.
   */
  addWorkingDays(from: Date, n: number): IsoDate;
  /** As addWorkingDays, from a date rather than an instant. */
  addWorkingDaysToDate(from: IsoDate, n: number): IsoDate;
  /**
   * Working days d with a < d ≤ b (negative, counted the same way, when b is before a); so
   * workingDaysBetween(d, addWorkingDaysToDate(d, n)) = n for n ≥ 1.
   */
  workingDaysBetween(a: IsoDate, b: IsoDate): number;
  /**
   * The due date moved later by exactly the working days the clock was paused. The paused working days
   * are the working days from the London date of `pausedFrom` (included) up to the London date of
   * `pausedUntil` (excluded): the day the school is asked counts as paused, the day it answers does
   * not. Pausing and resuming on the same London date pauses nothing; a resume before the pause
   * (clock skew between instances) also pauses nothing.
   */
  extendByPausedWorkingDays(due: IsoDate, pausedFrom: Date, pausedUntil: Date): IsoDate;
  /** Words for a due date seen from today: "due today", "due in 3 working days", "overdue by 1 working day"… */
  describeDue(due: IsoDate, today: IsoDate): string;
}

/** Longest run of non-working days tolerated before we assume the closure days are wrong. */
const MAX_NON_WORKING_RUN = 366;

function assertCount(n: number): void {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`working days must be a whole number ≥ 0, got ${n}`);
}

function buildCalendar(closureDays: readonly IsoDate[]): WorkingDayCalendar {
  const closures = new Set(closureDays);

  const isWorkingDay = (date: IsoDate): boolean => {
    assertIsoDate(date);
    return !isWeekend(date) && !isBankHoliday(date) && !closures.has(date);
  };

  const nextWorkingDay = (after: IsoDate): IsoDate => {
    let date = addCalendarDays(after, 1);
    for (let run = 0; !isWorkingDay(date); run += 1) {
      if (run > MAX_NON_WORKING_RUN) throw new RangeError(`no working day within a year after ${after}`);
      date = addCalendarDays(date, 1);
    }
    return date;
  };

  const addWorkingDaysToDate = (from: IsoDate, n: number): IsoDate => {
    assertIsoDate(from, 'from');
    assertCount(n);
    if (n === 0) return isWorkingDay(from) ? from : nextWorkingDay(from);
    let date = from;
    for (let counted = 0; counted < n; counted += 1) date = nextWorkingDay(date);
    return date;
  };

  const countAfterUpTo = (a: IsoDate, b: IsoDate): number => {
    let count = 0;
    for (let date = addCalendarDays(a, 1); date <= b; date = addCalendarDays(date, 1)) if (isWorkingDay(date)) count += 1;
    return count;
  };

  const workingDaysBetween = (a: IsoDate, b: IsoDate): number => {
    assertIsoDate(a, 'a');
    assertIsoDate(b, 'b');
    return a <= b ? countAfterUpTo(a, b) : -countAfterUpTo(b, a);
  };

  const extendByPausedWorkingDays = (due: IsoDate, pausedFrom: Date, pausedUntil: Date): IsoDate => {
    assertIsoDate(due, 'due');
    const first = londonDate(pausedFrom);
    const resumed = londonDate(pausedUntil);
    if (resumed <= first) return due;
    // Working days in [first, resumed) = working days in (first - 1, resumed - 1].
    const paused = countAfterUpTo(addCalendarDays(first, -1), addCalendarDays(resumed, -1));
    return paused === 0 ? due : addWorkingDaysToDate(due, paused);
  };

  const calendar: WorkingDayCalendar = {
    closureDays: [...closures].sort(),
    isWorkingDay,
    addWorkingDays: (from, n) => addWorkingDaysToDate(londonDate(from), n),
    addWorkingDaysToDate,
    workingDaysBetween,
    extendByPausedWorkingDays,
    describeDue: (due, today) => describeDueDate(calendar, due, today),
  };
  return calendar;
}

const calendars = new Map<string, WorkingDayCalendar>();
/** Closure-day sets come from configuration, so few; the bound only stops a runaway caller growing the cache. */
const MAX_CACHED_CALENDARS = 32;

/**
 * The calendar for a set of closure days ('YYYY-MM-DD'; order and repeats do not matter). Built once per
 * set and reused; the bank-holiday year tables behind it are shared and cached.
 */
export function workingDayCalendar(closureDays: readonly IsoDate[] = []): WorkingDayCalendar {
  closureDays.forEach((d) => assertIsoDate(d, 'closure day'));
  const key = [...new Set(closureDays)].sort().join(',');
  const cached = calendars.get(key);
  if (cached) return cached;
  const calendar = buildCalendar(closureDays);
  if (calendars.size >= MAX_CACHED_CALENDARS) calendars.clear();
  calendars.set(key, calendar);
  return calendar;
}

/** Days between two dates, for callers that need calendar (not working) days. */
export function calendarDaysBetween(a: IsoDate, b: IsoDate): number {
  return toDayNumber(b) - toDayNumber(a);
}
