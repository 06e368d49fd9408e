import type { CaseRecord } from '../../domain/case-record';
import { formatLongDate, londonDate, workingDayCalendar, type IsoDate, type WorkingDayCalendar } from '../../domain/calendar';
import { NEED_LABELS, URGENCY_LABELS, needAreaOf } from '../../domain/intake';
import type { Person } from '../../domain/reference';
import type { Directory } from '../../ports/directory';
import type { DutyAlertView } from '../../ports/notification-cards';

const CHANNEL_WORDS: Record<CaseRecord['channel'], string> = { teams: 'Teams', phone: 'Phone', email: 'Email' };

/** The name the directory has for a user key (tenant:aadObjectId), for cards. */
export async function nameOfKey(directory: Directory, key: string | null): Promise<string> {
  if (!key) return 'nobody';
  const person = await directory.getPerson(key.split(':').pop() ?? '');
  return person?.name ?? 'someone';
}

function londonTime(instant: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(instant));
}

/** Where a case is, in the Duty channel's words (never the school's or the pupil's details). */
async function statusText(directory: Directory, record: CaseRecord): Promise<string> {
  const who = await nameOfKey(directory, record.claimantKey);
  switch (record.status) {
    case 'submitted':
      return 'Waiting for someone to claim it';
    case 'claimed':
      return `Claimed by ${who} at ${londonTime(record.claimedAt ?? record.updatedAt)}`;
    case 'awaiting-school':
      return `Waiting for the school to answer ${who}'s question`;
    case 'routed':
      return `Routed to a service by ${who}`;
    case 'advised':
      return `Advice given by ${who}: closed`;
    case 'panel':
      return `Escalated to the panel by ${who}`;
    case 'decided':
      return 'Decided by the panel';
    case 'withdrawn':
      return 'Withdrawn by the school';
    case 'closed':
      return 'Closed';
  }
}

/** The due date the Duty channel watches, in words ("… (overdue by 2 working days)"); none once the case has moved on. */
function dueText(record: CaseRecord, calendar: WorkingDayCalendar, today: IsoDate): string {
  const words = (what: string, due: IsoDate): string => `${what} due by ${formatLongDate(due, today)} (${calendar.describeDue(due, today)})`;
  if ((record.status === 'submitted' || record.status === 'claimed') && record.firstResponseDue) return words('First reply', record.firstResponseDue);
  if (record.status === 'panel' && record.panelDue) return words('Panel decision', record.panelDue);
  if (record.status === 'awaiting-school') return 'The response clock is paused until the school answers';
  return '';
}

function mentionsOf(people: Person[]): Array<{ id: string; name: string }> {
  return people.filter((p) => p.aadObjectId !== undefined).map((p) => ({ id: p.aadObjectId ?? p.id, name: p.name }));
}

/** The Duty channel card's content for a case as it is now; unclaimed cases mention whoever is on duty. */
export async function dutyAlertView(directory: Directory, record: CaseRecord, now: Date): Promise<DutyAlertView> {
  const [setting, settings] = await Promise.all([directory.getSetting(record.settingId), directory.frontDoorSettings()]);
  const today = londonDate(now);
  let mentions: Array<{ id: string; name: string }> = [];
  let mentionText = '';
  if (record.status === 'submitted') {
    const onDuty = await directory.onDuty(now);
    if (onDuty.length > 0) {
      mentions = mentionsOf(onDuty);
      mentionText = `On duty now: ${onDuty.map((p) => (p.aadObjectId ? `<at>${p.name}</at>` : p.name)).join(', ')}`;
    } else {
      const manager = await directory.getPerson(settings.dutyManagerId);
      mentions = manager ? mentionsOf([manager]) : [];
      mentionText = manager ? `Nobody is on the rota now, so this goes to the duty manager: <at>${manager.name}</at>` : 'Nobody is on the rota now.';
    }
  }
  const calendar = workingDayCalendar(settings.closureDays);
  return {
    ref: record.ref,
    settingName: setting?.name ?? record.settingId,
    phase: record.phase,
    needLabel: `${NEED_LABELS[record.primaryNeed]} (${record.primaryNeed})`,
    needArea: needAreaOf(record.primaryNeed).label,
    urgency: URGENCY_LABELS[record.urgency],
    dueText: dueText(record, calendar, today),
    channel: CHANNEL_WORDS[record.channel],
    statusText: await statusText(directory, record),
    claimable: record.status === 'submitted',
    mentionText,
    mentions,
  };
}
