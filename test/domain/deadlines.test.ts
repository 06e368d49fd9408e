import fc from 'fast-check';
import { addCalendarDays, londonDate, workingDayCalendar } from '../../src/domain/calendar';
import { applyAction } from '../../src/domain/case-lifecycle';
import type { CaseRecord } from '../../src/domain/case-record';
import { deadlineEventsDue, firstResponseMeasures, pausedWorkingDays, reminderDate, resumeClock, type DeadlinePolicy } from '../../src/domain/deadlines';
import { aCase } from '../store/mothers';

const CLOSURES = ['2026-12-29', '2026-12-30', '2026-12-31'];
const calendar = workingDayCalendar(CLOSURES);
const policy: DeadlinePolicy = { schoolReplyReminder: 3, remindWorkingDaysBefore: 1 };
const keys = (record: CaseRecord, today: string) => deadlineEventsDue(record, calendar, policy, today).map((e) => e.key);

const isoDate = fc.integer({ min: 0, max: 365 * 3 }).map((offset) => addCalendarDays('2026-01-01', offset));
const instant = fc.date({ min: new Date('2026-01-01T00:00:00Z'), max: new Date('2028-12-31T23:59:59Z'), noInvalidDate: true });
const closureDays = fc.array(isoDate, { maxLength: 10 });
/** An open case in any swept state, with due dates and a pause anywhere in 2026 to 2028. */
const openCase = fc
  .record({ status: fc.constantFrom('submitted', 'claimed', 'awaiting-school', 'panel', 'routed' as const), due: isoDate, since: instant, sent: fc.boolean() })
  .map(({ status, due, since, sent }) =>
    aCase({
      status,
      claimantKey: status === 'submitted' ? null : 'tenant:sam',
      firstResponseDue: due,
      panelDue: status === 'panel' ? due : null,
      pausedSince: status === 'awaiting-school' ? since.toISOString() : null,
      deadlineEvents: sent ? [`first-response:reminder:${due}`] : [],
    }),
  );

describe('deadline properties', () => {
  it('never fires a reminder or escalation on a weekend, bank holiday or closure day', () => {
    fc.assert(
      fc.property(openCase, isoDate, closureDays, fc.integer({ min: 0, max: 3 }), (record, today, closures, before) => {
        const cal = workingDayCalendar(closures);
        const events = deadlineEventsDue(record, cal, { ...policy, remindWorkingDaysBefore: before }, today);
        return events.length === 0 || cal.isWorkingDay(today);
      }),
    );
  });

  it('puts every reminder date on a working day before the due date', () => {
    fc.assert(
      fc.property(isoDate, closureDays, fc.integer({ min: 1, max: 5 }), (due, closures, before) => {
        const cal = workingDayCalendar(closures);
        const on = reminderDate(cal, due, before);
        return cal.isWorkingDay(on) && on < due && cal.workingDaysBetween(on, due) === before - (cal.isWorkingDay(due) ? 0 : 1);
      }),
    );
  });

  it('never brings a deadline earlier by pausing, and moves it by exactly the paused working days', () => {
    fc.assert(
      fc.property(instant, instant, fc.integer({ min: 0, max: 30 }), closureDays, (from, until, n, closures) => {
        const cal = workingDayCalendar(closures);
        const due = cal.addWorkingDays(from, n);
        const record = aCase({ status: 'claimed', firstResponseDue: due, panelDue: due, measures: { firstResponseWorkingDays: 0, firstResponseHours: 1, withinSetTime: true, pausedWorkingDays: 2 } });
        const resumed = resumeClock(record, from.toISOString(), until.toISOString(), cal);
        const paused = pausedWorkingDays(cal, from, until);
        const moved = resumed.firstResponseDue ?? '';
        expect(moved >= due).toBe(true);
        expect(resumed.panelDue).toBe(moved);
        expect(cal.workingDaysBetween(due, moved)).toBe(paused);
        expect(resumed.measures?.pausedWorkingDays).toBe(2 + paused);
      }),
    );
  });

  it('gives the same events whatever the hour of the sweep within a London date, across clock changes', () => {
    fc.assert(
      fc.property(openCase, isoDate, fc.integer({ min: -60, max: 24 * 60 }), fc.integer({ min: -60, max: 24 * 60 }), (record, date, a, b) => {
        const at = (minutes: number) => new Date(Date.parse(`${date}T00:00:00Z`) + minutes * 60_000);
        fc.pre(londonDate(at(a)) === date && londonDate(at(b)) === date);
        expect(keys(record, londonDate(at(a)))).toEqual(keys(record, londonDate(at(b))));
      }),
    );
  });
});

describe('reminders and escalations across Christmas 2026', () => {
  // Submitted on Christmas Eve: due Wednesday 30 December without the closure days, Tuesday 5 January with them.
  const submitted = applyAction(aCase({ submittedAt: '2026-12-24T10:00:00.000Z', firstResponseDue: calendar.addWorkingDays(new Date('2026-12-24T10:00:00Z'), 2) }), {
    type: 'claim',
    by: 'tenant:sam',
    at: '2026-12-24T11:00:00.000Z',
  });

  it('reminds on the last working day before the due date and escalates on the first working day after it', () => {
    expect(submitted.firstResponseDue).toBe('2027-01-05');
    const byDay = ['2026-12-24', '2026-12-28', '2026-12-31', '2027-01-01', '2027-01-02', '2027-01-04', '2027-01-05', '2027-01-06', '2027-01-07'].map((d) => [d, keys(submitted, d)]);
    expect(byDay).toEqual([
      ['2026-12-24', []],
      ['2026-12-28', []],
      ['2026-12-31', []],
      ['2027-01-01', []],
      ['2027-01-02', []],
      ['2027-01-04', ['first-response:reminder:2027-01-05']],
      ['2027-01-05', ['first-response:reminder:2027-01-05']],
      ['2027-01-06', ['first-response:breach:2027-01-05']],
      ['2027-01-07', ['first-response:breach:2027-01-05']],
    ]);
  });

  it('sends each once: what the case has recorded is not due again', () => {
    const reminded = { ...submitted, deadlineEvents: ['first-response:reminder:2027-01-05'] };
    expect(keys(reminded, '2027-01-05')).toEqual([]);
    expect(keys({ ...reminded, deadlineEvents: [...reminded.deadlineEvents, 'first-response:breach:2027-01-05'] }, '2027-01-08')).toEqual([]);
  });

  it('reminds the school three working days into the wait, counting past Christmas and the closure days', () => {
    const asked = applyAction(submitted, { type: 'ask-school', by: 'tenant:sam', at: '2026-12-24T15:00:00.000Z', question: 'Lunchtimes?' }, calendar);
    expect(keys(asked, '2027-01-04')).toEqual([]);
    expect(keys(asked, '2027-01-05')).toEqual([]); // Thu 24 Dec + 3 working days: 4, 5, 6 January
    expect(keys(asked, '2027-01-06')).toEqual(['school-reply:reminder:2027-01-06']);
    expect(keys(asked, '2027-01-11')).toEqual(['school-reply:reminder:2027-01-06']);
  });
});

describe('the paused clock and the measures', () => {
  it('moves the first reply and its reminders by the working days waited over Easter 2027 and the March clock change', () => {
    let record = aCase({ submittedAt: '2027-03-22T09:00:00.000Z', firstResponseDue: '2027-03-24' });
    record = applyAction(record, { type: 'claim', by: 'tenant:sam', at: '2027-03-22T09:30:00.000Z' }, calendar);
    record = applyAction(record, { type: 'ask-school', by: 'tenant:sam', at: '2027-03-23T16:00:00.000Z', question: 'Which lessons?' }, calendar);
    expect(record.measures).toEqual({ firstResponseWorkingDays: 1, firstResponseHours: 31, withinSetTime: true, pausedWorkingDays: 0 });
    // Paused Tue 23, Wed 24, Thu 25 (Good Friday and Easter Monday do not count); answered Tue 30 at 00:30 BST.
    record = applyAction(record, { type: 'school-reply', by: 'tenant:priya', at: '2027-03-29T23:30:00.000Z', answer: 'Maths' }, calendar);
    // Wed 24 moved 3 working days on: Thu 25, Tue 30, Wed 31.
    expect(record).toMatchObject({ status: 'claimed', pausedSince: null, firstResponseDue: '2027-03-31', measures: { pausedWorkingDays: 3 } });
    expect(keys(record, '2027-03-29')).toEqual([]);
    expect(keys(record, '2027-03-30')).toEqual(['first-response:reminder:2027-03-31']);
    expect(keys(record, '2027-04-01')).toEqual(['first-response:breach:2027-03-31']);
  });

  it('records late first responses as outside the set time, in working days and elapsed hours', () => {
    const record = aCase({ submittedAt: '2026-10-22T15:00:00.000Z', firstResponseDue: '2026-10-26' });
    // Across the October clock change: Thursday 16:00 BST to Tuesday 10:00 GMT is 115 hours.
    expect(firstResponseMeasures(record, '2026-10-27T10:00:00.000Z', calendar)).toEqual({ firstResponseWorkingDays: 3, firstResponseHours: 115, withinSetTime: false, pausedWorkingDays: 0 });
    const advised = applyAction(applyAction(record, { type: 'claim', by: 's', at: '2026-10-23T08:00:00.000Z' }), { type: 'advise', by: 's', at: '2026-10-23T09:00:00.000Z', advice: 'Try visuals' }, calendar);
    expect(advised.measures).toMatchObject({ firstResponseWorkingDays: 1, withinSetTime: true });
    const later = applyAction({ ...advised, status: 'claimed' }, { type: 'route', by: 's', at: '2026-11-20T09:00:00.000Z', services: ['eps'], note: 'n' }, calendar);
    expect(later.measures).toEqual(advised.measures);
  });

  it('stops first-response reminders while the school is asked, and escalates a late panel decision', () => {
    const waiting = aCase({ status: 'awaiting-school', claimantKey: 'tenant:sam', firstResponseDue: '2026-12-09', pausedSince: '2026-12-08T10:00:00.000Z' });
    expect(keys(waiting, '2026-12-10')).toEqual([]);
    const panel = aCase({ status: 'panel', claimantKey: 'tenant:sam', firstResponseDue: '2026-12-09', panelDue: '2026-12-21' });
    expect(keys(panel, '2026-12-18')).toEqual(['panel-decision:reminder:2026-12-21']);
    expect(keys(panel, '2026-12-22')).toEqual(['panel-decision:breach:2026-12-21']);
    expect(keys(aCase({ status: 'routed', firstResponseDue: '2026-12-09' }), '2026-12-22')).toEqual([]);
  });
});
