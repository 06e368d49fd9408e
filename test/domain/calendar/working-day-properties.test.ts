import fc from 'fast-check';
import { addCalendarDays, isBankHoliday, isWeekend, londonDate, workingDayCalendar } from '../../../src/domain/calendar';

const HOUR_MS = 3_600_000;
const instant = fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2035-12-31T23:59:59Z'), noInvalidDate: true });
const isoDate = fc.integer({ min: 0, max: 365 * 15 }).map((offset) => addCalendarDays('2020-01-01', offset));
const closureDays = fc.array(isoDate, { maxLength: 20 });
const count = fc.integer({ min: 0, max: 60 });

describe('working-day calendar properties', () => {
  it('a due date never falls on a weekend, a bank holiday or a closure day', () => {
    fc.assert(
      fc.property(instant, count, closureDays, (from, n, closures) => {
        const due = workingDayCalendar(closures).addWorkingDays(from, n);
        return !isWeekend(due) && !isBankHoliday(due) && !closures.includes(due) && due >= londonDate(from);
      }),
    );
  });

  it('counting back with workingDaysBetween gives n for n ≥ 1', () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: 1, max: 60 }), closureDays, (from, n, closures) => {
        const calendar = workingDayCalendar(closures);
        return calendar.workingDaysBetween(from, calendar.addWorkingDaysToDate(from, n)) === n;
      }),
    );
  });

  it('is monotonic in n (strictly from n = 1)', () => {
    fc.assert(
      fc.property(instant, count, count, closureDays, (from, a, b, closures) => {
        const calendar = workingDayCalendar(closures);
        const [low, high] = a <= b ? [a, b] : [b, a];
        const early = calendar.addWorkingDays(from, low);
        const late = calendar.addWorkingDays(from, high);
        return low >= 1 && low < high ? early < late : early <= late;
      }),
    );
  });

  it('is monotonic in the start', () => {
    fc.assert(
      fc.property(instant, instant, count, closureDays, (a, b, n, closures) => {
        const calendar = workingDayCalendar(closures);
        const [first, second] = a <= b ? [a, b] : [b, a];
        return calendar.addWorkingDays(first, n) <= calendar.addWorkingDays(second, n);
      }),
    );
  });

  it('does not depend on the hour within one London date', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: -24 * HOUR_MS, max: 24 * HOUR_MS }), count, closureDays, (from, shift, n, closures) => {
        const other = new Date(from.getTime() + shift);
        fc.pre(londonDate(other) === londonDate(from));
        const calendar = workingDayCalendar(closures);
        return calendar.addWorkingDays(other, n) === calendar.addWorkingDays(from, n);
      }),
    );
  });

  it('pausing never brings a deadline earlier, and moves it by exactly the paused working days', () => {
    fc.assert(
      fc.property(instant, count, instant, fc.integer({ min: 0, max: 30 * 24 * HOUR_MS }), closureDays, (submitted, n, pause, length, closures) => {
        const calendar = workingDayCalendar(closures);
        const due = calendar.addWorkingDays(submitted, n);
        const resume = new Date(pause.getTime() + length);
        const moved = calendar.extendByPausedWorkingDays(due, pause, resume);
        const pausedDays = calendar.workingDaysBetween(addCalendarDays(londonDate(pause), -1), addCalendarDays(londonDate(resume), -1));
        return moved >= due && calendar.workingDaysBetween(due, moved) === pausedDays;
      }),
    );
  });
});
