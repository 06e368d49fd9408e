import type { CaseRecord } from '../../domain/case-record';
import { revised } from '../../domain/revised';
import { formatLongDate, londonDate, workingDayCalendar } from '../../domain/calendar';
import { DomainError } from '../../domain/errors';
import { NEED_LABELS } from '../../domain/intake';
import { assertOpenForPanel, isPanelChair, tallyOf } from '../../domain/panel';
import { isoDateSchema } from '../../domain/reference';
import type { PanelAgendaView } from '../../ports/notification-cards';
import type { Actor } from '../actor';
import { newOutboxItem } from '../outbox/notifications';
import { auditOf } from '../triage/case-effects';
import type { TriageDeps } from '../triage/triage-deps';
import { panelUpdate } from './panel-effects';
import { retryingCaseWrite } from './retrying-write';

/** Most cases one list shows. */
const LIST_LIMIT = 100;

/** Cases waiting for the panel (no decision yet), oldest first: for the chair only. */
export async function casesAwaitingPanel(deps: TriageDeps, actor: Actor): Promise<CaseRecord[]> {
  if (!isPanelChair(actor.person.roles)) throw new DomainError('PANEL.NOT_CHAIR', 'Only the panel chair plans meetings');
  return (await deps.store.listCasesByStatus(['panel'], LIST_LIMIT)).filter((c) => c.panel.decision === null);
}

export type ScheduleOutcome =
  | { kind: 'scheduled'; meetingDate: string; cases: CaseRecord[] }
  | { kind: 'invalid'; errors: Record<string, string>; kept: Record<string, string>; waiting: CaseRecord[] };

/**
 * The chair puts chosen cases on a meeting's agenda: each case keeps the meeting date (its Panel
 * card says so), and the agenda for that date, every case on it, is posted to the Panel channel.
 */
export async function schedulePanelMeeting(deps: TriageDeps, actor: Actor, rawRefs: unknown, rawDate: unknown): Promise<ScheduleOutcome> {
  const waiting = await casesAwaitingPanel(deps, actor);
  const settings = await deps.directory.frontDoorSettings();
  const calendar = workingDayCalendar(settings.closureDays);
  const today = londonDate(deps.clock.now());
  const refs = [...new Set((typeof rawRefs === 'string' ? rawRefs : '').split(',').map((r) => r.trim()).filter((r) => r !== ''))];
  const date = isoDateSchema.safeParse(rawDate);
  const errors: Record<string, string> = {};
  if (refs.length === 0) errors.refs = 'Choose at least one case for the meeting';
  else if (refs.some((r) => !waiting.some((c) => c.ref === r))) errors.refs = 'Choose cases from the list: one of them is no longer waiting for the panel';
  if (!date.success) errors.meetingDate = 'Choose the meeting date';
  else if (date.data < today || !calendar.isWorkingDay(date.data)) errors.meetingDate = 'Choose a working day from today on';
  if (Object.keys(errors).length > 0) return { kind: 'invalid', errors, kept: { refs: refs.join(','), meetingDate: typeof rawDate === 'string' ? rawDate.slice(0, 10) : '' }, waiting };
  const meetingDate = date.data as string;

  for (const ref of refs) {
    await retryingCaseWrite(deps.store, ref, async (found) => {
      assertOpenForPanel(found.value);
      const record: CaseRecord = revised(found.value, { updatedAt: deps.clock.now().toISOString(), panel: { ...found.value.panel, meetingDate } });
      return { write: { record, effects: { audit: [auditOf(deps, actor.key, 'panel.scheduled', record, { meetingDate })], outbox: [await panelUpdate(deps, record)] } }, result: undefined };
    });
  }
  const onAgenda = (await deps.store.listCasesByStatus(['panel'], LIST_LIMIT)).filter((c) => c.panel.decision === null && c.panel.meetingDate === meetingDate);
  const card = deps.cards.panelAgenda(await agendaView(deps, actor.person.name, meetingDate, onAgenda));
  await deps.store.enqueue([newOutboxItem(deps, 'channel-post', settings.teams.panelChannelId, { card: { ...card, type: 'AdaptiveCard' }, alertKey: `agenda:${meetingDate}` })]);
  return { kind: 'scheduled', meetingDate, cases: onAgenda };
}

/** The agenda card's content: each case's reference, setting, need, due date and votes so far. */
export async function agendaView(deps: TriageDeps, chairName: string, meetingDate: string, cases: CaseRecord[]): Promise<PanelAgendaView> {
  const today = londonDate(deps.clock.now());
  const settings = new Map((await deps.directory.listSettings()).map((s) => [s.id, s.name]));
  return {
    meetingDateText: formatLongDate(meetingDate, today),
    chairName,
    items: cases.map((c) => ({
      ref: c.ref,
      settingName: settings.get(c.settingId) ?? c.settingId,
      needLabel: `${NEED_LABELS[c.primaryNeed]} (${c.primaryNeed})`,
      panelDueText: c.panelDue ? formatLongDate(c.panelDue, today) : 'not set',
      votesText: `${tallyOf(c.panel.votes).total} vote${c.panel.votes.length === 1 ? '' : 's'} so far`,
    })),
  };
}
