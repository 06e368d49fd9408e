import { bankHolidaysIn, workingDayCalendar } from '../../../src/domain/calendar';

const calendar = workingDayCalendar();

describe('bank holidays from date-holidays (England and Wales)', () => {
  it('lists the 2026 bank holidays, with the Boxing Day substitute on Monday 28 December', () => {
    expect([...bankHolidaysIn(2026)].sort()).toEqual([
      '2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-26', '2026-12-28',
    ]);
  });

  it('lists Good Friday 26 March and Easter Monday 29 March 2027, and both Christmas substitutes', () => {
    expect([...bankHolidaysIn(2027)].sort()).toEqual([
      '2027-01-01', '2027-03-26', '2027-03-29', '2027-05-03', '2027-05-31', '2027-08-30', '2027-12-25', '2027-12-26', '2027-12-27', '2027-12-28',
    ]);
  });

  it('leaves out observances such as Mother’s Day and Easter Sunday', () => {
    expect(bankHolidaysIn(2027).has('2027-03-07')).toBe(false);
    expect(bankHolidaysIn(2027).has('2027-03-28')).toBe(false);
  });
});

describe('isWorkingDay', () => {
  it.each([
    ['2026-12-24', true, 'Christmas Eve, a Thursday'],
    ['2026-12-25', false, 'Christmas Day'],
    ['2026-12-26', false, 'Boxing Day, a Saturday'],
    ['2026-12-28', false, 'the Boxing Day substitute'],
    ['2026-12-29', true, 'the Tuesday after'],
    ['2027-03-26', false, 'Good Friday 2027'],
    ['2027-03-29', false, 'Easter Monday 2027'],
    ['2027-03-30', true, 'the Tuesday after Easter'],
    ['2026-12-05', false, 'a Saturday'],
    ['2026-12-06', false, 'a Sunday'],
  ])('%s is %s (%s)', (date, expected) => {
    expect(calendar.isWorkingDay(date)).toBe(expected);
  });

  it('does not count a closure day the authority adds, and only in the calendar built with it', () => {
    const closed = workingDayCalendar(['2026-11-02']);
    expect(closed.isWorkingDay('2026-11-02')).toBe(false);
    expect(calendar.isWorkingDay('2026-11-02')).toBe(true);
  });

  it('builds one calendar per set of closure days, whatever their order', () => {
    expect(workingDayCalendar(['2026-11-02', '2026-07-20'])).toBe(workingDayCalendar(['2026-07-20', '2026-11-02', '2026-07-20']));
    expect(workingDayCalendar(['2026-11-02'])).not.toBe(calendar);
  });

  it('refuses a date that does not exist', () => {
    expect(() => calendar.isWorkingDay('2026-02-30')).toThrow(RangeError);
    expect(() => workingDayCalendar(['2026-13-01'])).toThrow(RangeError);
  });
});

describe('addWorkingDays: whole working days after the London date of the event', () => {
  it('a request on Thursday 24 December 2026 at 10:00 is due on Wednesday 30 December', () => {
    // Fri 25 (Christmas), Sat, Sun, Mon 28 (Boxing Day substitute) do not count: Tue 29 is 1, Wed 30 is 2.
    expect(calendar.addWorkingDays(new Date('2026-12-24T10:00:00Z'), 2)).toBe('2026-12-30');
    expect(calendar.addWorkingDays(new Date('2026-12-24T10:00:00Z'), 1)).toBe('2026-12-29');
  });

  it('crosses New Year: Thursday 31 December 2026 + 2 is Tuesday 5 January 2027', () => {
    expect(calendar.addWorkingDays(new Date('2026-12-31T15:00:00Z'), 2)).toBe('2027-01-05');
  });

  it('skips Good Friday and Easter Monday 2027: Thursday 25 March + 2 is Wednesday 31 March', () => {
    expect(calendar.addWorkingDays(new Date('2027-03-25T09:00:00Z'), 1)).toBe('2027-03-30');
    expect(calendar.addWorkingDays(new Date('2027-03-25T09:00:00Z'), 2)).toBe('2027-03-31');
  });

  it('takes 23:30 UTC on a summer Thursday as Friday in London', () => {
    // Thursday 22 October 2026 23:30 UTC is Friday 00:30 BST: Mon 26 is 1, Tue 27 is 2.
    expect(calendar.addWorkingDays(new Date('2026-10-22T23:30:00Z'), 2)).toBe('2026-10-27');
    // An hour earlier it is still Thursday in London: Fri 23 is 1, Mon 26 is 2.
    expect(calendar.addWorkingDays(new Date('2026-10-22T22:30:00Z'), 2)).toBe('2026-10-26');
  });

  it('takes 23:30 UTC after the October clock change as the same evening in London', () => {
    // Clocks go back on Sunday 25 October 2026; Thursday 29 October 23:30 UTC is 23:30 GMT Thursday.
    expect(calendar.addWorkingDays(new Date('2026-10-29T23:30:00Z'), 2)).toBe('2026-11-02');
  });

  it('counts an event at the October clock change on the Sunday', () => {
    expect(calendar.addWorkingDays(new Date('2026-10-24T23:30:00Z'), 1)).toBe('2026-10-26'); // 00:30 BST Sunday
    expect(calendar.addWorkingDays(new Date('2026-10-25T00:59:00Z'), 1)).toBe('2026-10-26'); // 01:59 BST Sunday
    expect(calendar.addWorkingDays(new Date('2026-10-25T01:00:00Z'), 1)).toBe('2026-10-26'); // 01:00 GMT Sunday
  });

  it('counts across the March clock change, which falls the day before Easter Monday 2027', () => {
    // Sunday 28 March 2027 23:30 UTC is 00:30 BST on Easter Monday: Tue 30 is 1, Wed 31 is 2.
    expect(calendar.addWorkingDays(new Date('2027-03-28T23:30:00Z'), 2)).toBe('2027-03-31');
  });

  it('skips a closure day the authority adds', () => {
    const closed = workingDayCalendar(['2026-11-02']);
    expect(closed.addWorkingDays(new Date('2026-10-29T10:00:00Z'), 2)).toBe('2026-11-03');
    const closedNewYearsEve = workingDayCalendar(['2026-12-31']);
    expect(calendar.addWorkingDays(new Date('2026-12-24T10:00:00Z'), 3)).toBe('2026-12-31');
    expect(closedNewYearsEve.addWorkingDays(new Date('2026-12-24T10:00:00Z'), 3)).toBe('2027-01-04');
  });

  it('counts from the weekend to the following working days', () => {
    expect(calendar.addWorkingDays(new Date('2026-12-05T12:00:00Z'), 2)).toBe('2026-12-08'); // Sat → Mon 1, Tue 2
    expect(calendar.addWorkingDays(new Date('2026-12-05T12:00:00Z'), 0)).toBe('2026-12-07'); // 0: next working day
    expect(calendar.addWorkingDays(new Date('2026-12-07T12:00:00Z'), 0)).toBe('2026-12-07'); // 0 on a working day: that day
  });

  it('refuses a negative or fractional number of days', () => {
    expect(() => calendar.addWorkingDays(new Date('2026-12-07T12:00:00Z'), -1)).toThrow(RangeError);
    expect(() => calendar.addWorkingDays(new Date('2026-12-07T12:00:00Z'), 1.5)).toThrow(RangeError);
    expect(() => calendar.addWorkingDays(new Date('not a date'), 1)).toThrow(RangeError);
  });
});

describe('workingDaysBetween', () => {
  it('counts working days after the first date up to and including the second', () => {
    expect(calendar.workingDaysBetween('2026-12-24', '2026-12-30')).toBe(2);
    expect(calendar.workingDaysBetween('2026-12-07', '2026-12-07')).toBe(0);
    expect(calendar.workingDaysBetween('2026-12-04', '2026-12-07')).toBe(1); // Fri → Mon
    expect(calendar.workingDaysBetween('2026-12-30', '2026-12-24')).toBe(-2);
  });
});

describe('extendByPausedWorkingDays', () => {
  it('moves the due date by the working days from the pause date up to, not including, the resume date', () => {
    // Paused Monday 7 and Tuesday 8 December; the school answered on Wednesday 9: 2 days.
    expect(calendar.extendByPausedWorkingDays('2026-12-10', new Date('2026-12-07T09:00:00Z'), new Date('2026-12-09T14:00:00Z'))).toBe(
      '2026-12-14',
    );
  });

  it('pauses nothing when the school answers the same day', () => {
    expect(calendar.extendByPausedWorkingDays('2026-12-10', new Date('2026-12-07T09:00:00Z'), new Date('2026-12-07T16:00:00Z'))).toBe(
      '2026-12-10',
    );
  });

  it('pauses nothing over a weekend', () => {
    expect(calendar.extendByPausedWorkingDays('2026-12-10', new Date('2026-12-05T09:00:00Z'), new Date('2026-12-07T09:00:00Z'))).toBe(
      '2026-12-10',
    );
  });

  it('counts only working days over Christmas', () => {
    // Paused Wed 23 to Tue 29 December 2026: Wed 23 and Thu 24 count; 25, 26, 27, 28 do not.
    expect(calendar.extendByPausedWorkingDays('2026-12-30', new Date('2026-12-23T10:00:00Z'), new Date('2026-12-29T10:00:00Z'))).toBe(
      '2027-01-04',
    );
  });

  it('uses London dates for the pause and the resume', () => {
    // Monday 6 July 2026 23:30 UTC is Tuesday in London: paused Tue 7 only, resumed Wed 8.
    expect(calendar.extendByPausedWorkingDays('2026-07-10', new Date('2026-07-06T23:30:00Z'), new Date('2026-07-08T09:00:00Z'))).toBe(
      '2026-07-13',
    );
  });

  it('pauses nothing when the resume is before the pause', () => {
    expect(calendar.extendByPausedWorkingDays('2026-12-10', new Date('2026-12-09T09:00:00Z'), new Date('2026-12-07T09:00:00Z'))).toBe(
      '2026-12-10',
    );
  });
});
