import type { CaseRecord } from '../../domain/case-record';
import { revised } from '../../domain/revised';
import { formatLongDate, type IsoDate, type WorkingDayCalendar } from '../../domain/calendar';
import { newOutboxItem } from '../outbox/notifications';
import { auditOf } from '../triage/case-effects';
import type { TriageDeps } from '../triage/triage-deps';
import { retryingCaseWrite } from './retrying-write';

/**
 * Reminds the panel, in the agenda post's thread, on the working day before a meeting. Sent once:
 * the reminder is recorded (panel.meetingReminded) on the meeting's first case by reference, in the
 * same versioned write that queues it, and a meeting any of whose cases is marked is skipped.
 * Returns the meeting dates reminded.
 */
export async function remindPanelMeetings(deps: TriageDeps, cases: CaseRecord[], calendar: WorkingDayCalendar, today: IsoDate): Promise<IsoDate[]> {
  if (!calendar.isWorkingDay(today)) return [];
  const tomorrow = calendar.addWorkingDaysToDate(today, 1);
  const onAgenda = cases.filter((c) => c.status === 'panel' && c.panel.decision === null && c.panel.meetingDate === tomorrow);
  if (onAgenda.length === 0 || onAgenda.some((c) => c.panel.meetingReminded === tomorrow)) return [];
  const refs = onAgenda.map((c) => c.ref).sort();
  const sent = await retryingCaseWrite(deps.store, refs[0], async (found) => {
    if (found.value.panel.meetingReminded === tomorrow || found.value.panel.meetingDate !== tomorrow) return { result: false };
    const record: CaseRecord = revised(found.value, { panel: { ...found.value.panel, meetingReminded: tomorrow } });
    const text = `Reminder: the panel meets on ${formatLongDate(tomorrow, today)}. On the agenda: ${refs.join(', ')}. Votes can still be cast on each case's card.`;
    const reminder = newOutboxItem(deps, 'thread-reply', `agenda:${tomorrow}`, { text }, null, `agenda:${tomorrow}:reminder`);
    return { write: { record, effects: { audit: [auditOf(deps, 'system', 'panel.meeting-reminded', record, { meetingDate: tomorrow })], outbox: [reminder] } }, result: true };
  });
  return sent ? [tomorrow] : [];
}
