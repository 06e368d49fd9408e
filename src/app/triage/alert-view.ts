import type { CaseRecord } from '../../domain/case-record';
import { formatLongDate, londonDate, workingDayCalendar } from '../../domain/calendar';
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
  const due = record.firstResponseDue;
  const dueWords = due ? workingDayCalendar(settings.closureDays).describeDue(due, today) : '';
  return {
    ref: record.ref,
    settingName: setting?.name ?? record.settingId,
    phase: record.phase,
    needLabel: `${NEED_LABELS[record.primaryNeed]} (${record.primaryNeed})`,
    needArea: needAreaOf(record.primaryNeed).label,
    urgency: URGENCY_LABELS[record.urgency],
    dueText: due ? `First reply due by ${formatLongDate(due, today)} (${dueWords})` : '',
    channel: CHANNEL_WORDS[record.channel],
    statusText: await statusText(directory, record),
    claimable: record.status === 'submitted',
    mentionText,
    mentions,
  };
}
