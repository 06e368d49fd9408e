import { addCalendarDays, londonDate, type IsoDate, type WorkingDayCalendar } from './calendar';
import type { CaseMeasures, CaseRecord } from './case-record';

/** The stages with a set response time. The school's reply has a reminder only: the clock is paused meanwhile. */
export const DEADLINE_STAGES = ['first-response', 'school-reply', 'panel-decision'] as const;
export type DeadlineStage = (typeof DEADLINE_STAGES)[number];
export type DeadlineStep = 'reminder' | 'breach';

/** What the sweep needs from the front door's settings. */
export interface DeadlinePolicy {
  /** Working days of waiting for the school before it is reminded. */
  schoolReplyReminder: number;
  /** How many working days before a due date the reminder goes: 1 is the last working day before it. */
  remindWorkingDaysBefore: number;
}

/** A reminder or escalation to send once. `due` is the due date, or for the school's reply the reminder date. */
export interface DeadlineEvent {
  key: string;
  stage: DeadlineStage;
  step: DeadlineStep;
  due: IsoDate;
}

/** Statuses in which the duty team owes the school an answer against firstResponseDue. */
const FIRST_RESPONSE_STATUSES: ReadonlySet<CaseRecord['status']> = new Set(['submitted', 'claimed']);
/** Longest walk back through non-working days when finding a reminder date (a year of closures is a data error). */
const MAX_WALK_BACK = 400;

/** The key a case records once the event is queued: stage, step and date, so a moved due date gets new events. */
export function deadlineKey(stage: DeadlineStage, step: DeadlineStep, due: IsoDate): string {
  return `${stage}:${step}:${due}`;
}

/** The working day n working days before the due date (the due date itself for n = 0). */
export function reminderDate(calendar: WorkingDayCalendar, due: IsoDate, workingDaysBefore: number): IsoDate {
  if (!Number.isSafeInteger(workingDaysBefore) || workingDaysBefore < 0) throw new RangeError(`working days before must be a whole number ≥ 0, got ${workingDaysBefore}`);
  let date = due;
  for (let counted = 0, walked = 0; counted < workingDaysBefore; walked += 1) {
    if (walked > MAX_WALK_BACK * Math.max(1, workingDaysBefore)) throw new RangeError(`no working day found before ${due}`);
    date = addCalendarDays(date, -1);
    if (calendar.isWorkingDay(date)) counted += 1;
  }
  return date;
}

/** The date the school is reminded, for a case waiting for it since the instant. */
export function schoolReminderDate(calendar: WorkingDayCalendar, pausedSince: string, policy: DeadlinePolicy): IsoDate {
  return calendar.addWorkingDays(new Date(pausedSince), policy.schoolReplyReminder);
}

/** Reminder until the due date, breach from the first working day after it. */
function dueDateEvents(calendar: WorkingDayCalendar, stage: DeadlineStage, due: IsoDate, today: IsoDate, policy: DeadlinePolicy): DeadlineEvent[] {
  if (calendar.workingDaysBetween(due, today) >= 1) return [{ key: deadlineKey(stage, 'breach', due), stage, step: 'breach', due }];
  if (today <= due && today >= reminderDate(calendar, due, policy.remindWorkingDaysBefore)) return [{ key: deadlineKey(stage, 'reminder', due), stage, step: 'reminder', due }];
  return [];
}

/**
 * The reminders and escalations a case is owed on a London date and has not had yet. Only on working
 * days (nobody is reminded on a Saturday or a bank holiday; a missed reminder goes the next working day
 * while the due date has not passed). Depends on the date alone, never the hour.
 */
export function deadlineEventsDue(record: CaseRecord, calendar: WorkingDayCalendar, policy: DeadlinePolicy, today: IsoDate): DeadlineEvent[] {
  if (!calendar.isWorkingDay(today)) return [];
  let events: DeadlineEvent[] = [];
  if (FIRST_RESPONSE_STATUSES.has(record.status) && record.firstResponseDue !== null) {
    events = dueDateEvents(calendar, 'first-response', record.firstResponseDue, today, policy);
  } else if (record.status === 'panel' && record.panelDue !== null) {
    events = dueDateEvents(calendar, 'panel-decision', record.panelDue, today, policy);
  } else if (record.status === 'awaiting-school' && record.pausedSince !== null) {
    const remindOn = schoolReminderDate(calendar, record.pausedSince, policy);
    if (today >= remindOn) events = [{ key: deadlineKey('school-reply', 'reminder', remindOn), stage: 'school-reply', step: 'reminder', due: remindOn }];
  }
  return events.filter((e) => !record.deadlineEvents.includes(e.key));
}

/**
 * Working days the clock was paused: from the London date of the pause (included) to the London date
 * of the resume (excluded), as WorkingDayCalendar.extendByPausedWorkingDays counts them.
 */
export function pausedWorkingDays(calendar: WorkingDayCalendar, pausedFrom: Date, pausedUntil: Date): number {
  const first = londonDate(pausedFrom);
  const resumed = londonDate(pausedUntil);
  if (resumed <= first) return 0;
  return calendar.workingDaysBetween(addCalendarDays(first, -1), addCalendarDays(resumed, -1));
}

/** The case once the school answers: due dates moved later by exactly the paused working days, and the pause counted. */
export function resumeClock(record: CaseRecord, pausedSince: string | null, resumedAt: string, calendar: WorkingDayCalendar): CaseRecord {
  if (pausedSince === null) return record;
  const from = new Date(pausedSince);
  const until = new Date(resumedAt);
  const days = pausedWorkingDays(calendar, from, until);
  if (days === 0) return record;
  const move = (due: IsoDate | null): IsoDate | null => (due === null ? null : calendar.extendByPausedWorkingDays(due, from, until));
  return {
    ...record,
    firstResponseDue: move(record.firstResponseDue),
    panelDue: move(record.panelDue),
    measures: record.measures === null ? null : { ...record.measures, pausedWorkingDays: record.measures.pausedWorkingDays + days },
  };
}

/** The response-time figures at the first response (made at `respondedAt`) to a case. */
export function firstResponseMeasures(record: CaseRecord, respondedAt: string, calendar: WorkingDayCalendar): CaseMeasures {
  const submitted = new Date(record.submittedAt);
  const responded = new Date(respondedAt);
  const respondedOn = londonDate(responded);
  return {
    firstResponseWorkingDays: Math.max(0, calendar.workingDaysBetween(londonDate(submitted), respondedOn)),
    firstResponseHours: Math.max(0, Math.round((responded.getTime() - submitted.getTime()) / 360_000) / 10),
    withinSetTime: record.firstResponseDue === null || respondedOn <= record.firstResponseDue,
    pausedWorkingDays: 0,
  };
}
