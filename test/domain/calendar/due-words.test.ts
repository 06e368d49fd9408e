import { formatLongDate, workingDayCalendar } from '../../../src/domain/calendar';

const calendar = workingDayCalendar();

describe('describeDue', () => {
  it.each([
    ['2026-12-07', '2026-12-07', 'due today'],
    ['2026-12-08', '2026-12-07', 'due tomorrow'],
    ['2026-12-10', '2026-12-07', 'due in 3 working days'],
    ['2026-12-07', '2026-12-04', 'due in 1 working day'], // Friday, due Monday
    ['2026-12-30', '2026-12-24', 'due in 2 working days'], // over Christmas
    ['2026-12-04', '2026-12-07', 'overdue by 1 working day'], // due Friday, today Monday
    ['2026-12-03', '2026-12-07', 'overdue by 2 working days'],
    ['2026-12-24', '2026-12-29', 'overdue by 1 working day'], // over Christmas
    ['2026-12-11', '2026-12-12', 'overdue since Friday 11 December'], // Saturday after a Friday deadline
    ['2026-12-13', '2026-12-11', 'due on Sunday 13 December'], // a due date that is not a working day
  ])('due %s seen on %s: "%s"', (due, today, words) => {
    expect(calendar.describeDue(due, today)).toBe(words);
  });

  it('counts closure days out', () => {
    expect(workingDayCalendar(['2026-12-08']).describeDue('2026-12-10', '2026-12-07')).toBe('due in 2 working days');
  });
});

describe('formatLongDate', () => {
  it('writes the weekday, day and month', () => {
    expect(formatLongDate('2026-12-09')).toBe('Wednesday 9 December');
    expect(formatLongDate('2026-12-09', '2026-12-01')).toBe('Wednesday 9 December');
  });

  it('adds the year when it is not the year of today', () => {
    expect(formatLongDate('2027-01-04', '2026-12-30')).toBe('Monday 4 January 2027');
    expect(formatLongDate('2025-12-31', '2026-01-02')).toBe('Wednesday 31 December 2025');
  });
});
