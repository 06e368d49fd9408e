import { formatLongDate, londonDate, type IsoDate, type WorkingDayCalendar } from '../../domain/calendar';
import { latestMessage } from '../../domain/case-lifecycle';
import type { CaseRecord } from '../../domain/case-record';
import type { DeadlineEvent } from '../../domain/deadlines';
import { NEED_LABELS, URGENCY_LABELS } from '../../domain/intake';
import type { FrontDoorSettings } from '../../domain/reference';
import { userKey } from '../../domain/roles';
import type { DeadlineNoticeView } from '../../ports/notification-cards';
import type { Notification, NotificationCard } from '../../ports/notifier';
import type { OutboxItem } from '../../ports/store';
import { newOutboxItem, type NotificationPayload } from '../outbox/notifications';
import { alertUpdate } from '../triage/case-effects';
import { nameOfKey } from '../triage/alert-view';
import type { DeadlineDeps } from './deadline-deps';

/** What every notice of one sweep shares. */
export interface NoticeContext {
  deps: DeadlineDeps;
  settings: FrontDoorSettings;
  calendar: WorkingDayCalendar;
  today: IsoDate;
}

/** Who a notice is for, in its outbox id: `deadline:<ref>:<event key>:<to>:<unique>`. */
type Recipient = 'claimant' | 'duty-channel' | 'panel-channel' | 'duty-manager' | 'school' | 'alert-card';
type ItemOf = <K extends Notification['kind']>(to: Recipient, kind: K, target: string, payload: NotificationPayload<K>) => OutboxItem;
type CardOf = (view: Omit<DeadlineNoticeView, 'facts' | 'ref'>) => Promise<NotificationCard>;

const STAGE_WORDS = { 'first-response': 'first reply', 'panel-decision': 'panel decision', 'school-reply': 'school’s answer' } as const;

/**
 * The outbox items for one reminder or escalation. Reminders go to the claimant, or to the Duty
 * channel (under the case's alert) while nobody has claimed it; the panel's reminder also goes under
 * its Panel post. A breach goes to the duty manager personally and turns the alert card overdue.
 * The school is reminded with its question again, ready to answer. No card carries pupil details.
 */
export async function deadlineNotices(ctx: NoticeContext, record: CaseRecord, event: DeadlineEvent): Promise<OutboxItem[]> {
  const { deps } = ctx;
  const item: ItemOf = (to, kind, target, payload) => newOutboxItem({ clock: deps.clock, ids: outboxIds(deps, record, event, to) }, kind, target, payload, record.ref);
  const card: CardOf = async (view) => ({ ...deps.cards.deadlineNotice({ ...view, ref: record.ref, facts: await factsOf(ctx, record, event) }), type: 'AdaptiveCard' });
  const due = `${formatLongDate(event.due, ctx.today)} (${ctx.calendar.describeDue(event.due, ctx.today)})`;
  const what = STAGE_WORDS[event.stage];

  if (event.stage === 'school-reply') return schoolReminders(ctx, record, item, card);
  if (event.step === 'reminder') {
    const words = ctx.calendar.describeDue(event.due, ctx.today);
    const items: OutboxItem[] = [];
    if (record.claimantKey !== null) {
      const text = event.stage === 'panel-decision' ? `The panel’s decision on ${record.ref} is due by ${due}. Please check the chair has it in hand.` : `Please give the school a first reply by ${due}: route the request, give advice, ask a question or take it to the panel.`;
      items.push(item('claimant', 'personal-message', record.claimantKey, { card: await card({ title: `${record.ref}: ${what} ${words}`, text, tone: 'Default', canOpen: true }) }));
    } else {
      const text = `Nobody has claimed ${record.ref} yet, and its first reply is due by ${due}. Claim it from the card above.`;
      items.push(item('duty-channel', 'thread-reply', `alert:${record.ref}`, { card: await card({ title: `Reminder: ${record.ref} ${words}`, text, tone: 'Default', canOpen: false }) }));
    }
    if (event.stage === 'panel-decision') {
      const text = `The panel’s decision on ${record.ref} is due by ${due}.`;
      items.push(item('panel-channel', 'thread-reply', `panel:${record.ref}`, { card: await card({ title: `Reminder: panel decision ${words}`, text, tone: 'Default', canOpen: false }) }));
    }
    return items;
  }
  const who = record.claimantKey === null ? 'Nobody has claimed it.' : `${await nameOfKey(deps.directory, record.claimantKey)} has it.`;
  const breach = { title: `${record.ref}: ${what} overdue`, text: `The ${what} for ${record.ref} was due by ${due}. ${who}`, tone: 'Attention' as const };
  const manager = await dutyManagerKey(ctx, record);
  return [
    manager === undefined
      ? item('duty-channel', 'thread-reply', `alert:${record.ref}`, { card: await card({ ...breach, canOpen: false }) })
      : item('duty-manager', 'personal-message', manager, { card: await card({ ...breach, canOpen: true }) }),
    await alertUpdate({ ...deps, ids: outboxIds(deps, record, event, 'alert-card') }, record),
  ];
}

/** The school gets its question again with a reminder; the claimant hears that it was reminded. */
async function schoolReminders(ctx: NoticeContext, record: CaseRecord, item: ItemOf, card: CardOf): Promise<OutboxItem[]> {
  const { deps } = ctx;
  const question = latestMessage(record, 'question');
  const asked = question ? formatLongDate(londonDate(new Date(question.at)), ctx.today) : 'earlier';
  const askedBy = await nameOfKey(deps.directory, question?.byKey ?? record.claimantKey);
  const school = deps.cards.schoolQuestion({ ref: record.ref, askedBy, question: question?.text ?? '', answer: '', error: '' });
  const items = [
    item('school', 'personal-message', record.requesterKey, {
      card: { ...school, type: 'AdaptiveCard' },
      text: `A reminder: we are still waiting for your answer about ${record.ref}, asked on ${asked}. We will carry on as soon as you reply.`,
    }),
  ];
  if (record.claimantKey !== null) {
    const text = `You asked the school a question about ${record.ref} on ${asked}. We have reminded them today; the response clock stays paused until they answer.`;
    items.push(item('claimant', 'personal-message', record.claimantKey, { card: await card({ title: `${record.ref}: still waiting for the school`, text, tone: 'Default', canOpen: true }) }));
  }
  return items;
}

/** Outbox ids that say which case, event and recipient they are for (unique all the same). */
function outboxIds(deps: DeadlineDeps, record: CaseRecord, event: DeadlineEvent, to: Recipient): { next(): string } {
  return { next: () => `deadline:${record.ref}:${event.key}:${to}:${deps.ids.next()}` };
}

/** The duty manager's user key, in the tenant of the duty team (the claimant's, else the requester's). */
async function dutyManagerKey(ctx: NoticeContext, record: CaseRecord): Promise<string | undefined> {
  const manager = await ctx.deps.directory.getPerson(ctx.settings.dutyManagerId);
  const tenantId = (record.claimantKey ?? record.requesterKey).split(':')[0];
  return manager?.aadObjectId && tenantId ? userKey({ tenantId, aadObjectId: manager.aadObjectId }) : undefined;
}

/** What the notice shows about the case: the envelope only, never the pupil. */
async function factsOf(ctx: NoticeContext, record: CaseRecord, event: DeadlineEvent): Promise<DeadlineNoticeView['facts']> {
  const setting = await ctx.deps.directory.getSetting(record.settingId);
  const when =
    event.stage === 'school-reply'
      ? { label: 'Waiting since', value: record.pausedSince === null ? '' : formatLongDate(londonDate(new Date(record.pausedSince)), ctx.today) }
      : { label: 'Due', value: `${formatLongDate(event.due, ctx.today)} (${ctx.calendar.describeDue(event.due, ctx.today)})` };
  return [
    { label: 'Request', value: record.ref },
    { label: 'Setting', value: setting?.name ?? record.settingId },
    { label: 'Need', value: `${NEED_LABELS[record.primaryNeed]} (${record.primaryNeed})` },
    { label: 'Urgency', value: URGENCY_LABELS[record.urgency] },
    when,
    { label: 'Claimed by', value: record.claimantKey === null ? 'Nobody yet' : await nameOfKey(ctx.deps.directory, record.claimantKey) },
  ];
}
