import { latestMessage } from '../../domain/case-lifecycle';
import type { CaseRecord } from '../../domain/case-record';
import { formatLongDate, londonDate, workingDayCalendar } from '../../domain/calendar';
import { NEED_LABELS } from '../../domain/intake';
import { quorumOf, tallyOf } from '../../domain/panel';
import type { PanelPostView } from '../../ports/notification-cards';
import { nameOfKey } from '../triage/alert-view';
import type { TriageDeps } from '../triage/triage-deps';
import { panelRoster } from './panel-members';

/** What was shown beside a refused click: a line at the top, problems by field, what was typed. */
export interface PanelForm {
  notice?: PanelPostView['notice'];
  errors?: Record<string, string>;
  kept?: Record<string, string>;
}

const plural = (n: number, what: string): string => `${n} ${what}${n === 1 ? '' : 's'}`;

/** The Panel channel card's content for a case as it is now: facts without pupil details, the tally, who voted what, the decision. */
export async function panelPostView(deps: TriageDeps, record: CaseRecord, form: PanelForm = {}): Promise<PanelPostView> {
  const [setting, settings, services, roster] = await Promise.all([
    deps.directory.getSetting(record.settingId),
    deps.directory.frontDoorSettings(),
    deps.directory.listServices(),
    panelRoster(deps.directory),
  ]);
  const today = londonDate(deps.clock.now());
  const summary = latestMessage(record, 'panel-summary');
  const { votes, decision, meetingDate } = record.panel;
  const quorum = quorumOf(votes, roster);
  const open = decision === null && record.status === 'panel';
  const serviceName = (id: string): string => services.find((s) => s.id === id)?.name ?? id;
  const dueWords = record.panelDue ? `${formatLongDate(record.panelDue, today)}${open ? ` (${workingDayCalendar(settings.closureDays).describeDue(record.panelDue, today)})` : ''}` : 'not set';
  let statusText: string;
  if (decision) statusText = decision.outcome === 'agreed' ? 'Decided: package agreed. Voting is closed.' : 'Decided: not agreed, with alternative advice. Voting is closed.';
  else if (!open) statusText = 'No longer with the panel. Voting is closed.';
  else if (quorum.reached) statusText = `Quorum reached (${plural(quorum.counted, 'vote')}): the chair can record the decision. Votes can still be changed.`;
  else statusText = `${plural(quorum.counted, 'vote')} of the ${quorum.needed} needed before the chair can decide`;
  return {
    ref: record.ref,
    settingName: setting?.name ?? record.settingId,
    phase: record.phase,
    needLabel: `${NEED_LABELS[record.primaryNeed]} (${record.primaryNeed})`,
    panelDueText: dueWords,
    escalatedBy: await nameOfKey(deps.directory, summary?.byKey ?? record.claimantKey),
    summary: summary?.text ?? '',
    proposedPackage: latestMessage(record, 'proposed-package')?.text ?? '',
    statusText,
    meetingText: meetingDate && open ? `On the agenda for the panel meeting on ${formatLongDate(meetingDate, today)}` : '',
    tally: (({ support, supportWithChanges, doNotSupport }) => ({ support, supportWithChanges, doNotSupport }))(tallyOf(votes)),
    votes: await Promise.all(votes.map(async (v) => ({ name: await nameOfKey(deps.directory, v.byKey), choice: v.choice, comment: v.comment }))),
    open,
    canDecide: open && quorum.reached,
    decision: decision
      ? {
          outcome: decision.outcome,
          decidedBy: await nameOfKey(deps.directory, decision.byKey),
          when: formatLongDate(londonDate(new Date(decision.at)), today),
          package: decision.package.map((i) => ({ service: serviceName(i.serviceId), action: i.action, lead: i.lead })),
          schoolWords: decision.schoolWords,
        }
      : null,
    services: services.map((s) => ({ id: s.id, name: s.name })),
    notice: form.notice ?? null,
    errors: form.errors ?? {},
    kept: form.kept ?? {},
  };
}
