import { applyAction } from '../../domain/case-lifecycle';
import type { CaseRecord } from '../../domain/case-record';
import { workingDayCalendar } from '../../domain/calendar';
import { DomainError } from '../../domain/errors';
import { assertOpenForPanel, decisionProblems, isPanelChair, panelDecision, quorumOf, type PanelDecision } from '../../domain/panel';
import type { Service } from '../../domain/reference';
import type { OutboxItem } from '../../ports/store';
import type { Actor } from '../actor';
import { newOutboxItem } from '../outbox/notifications';
import { alertUpdate, auditOf, tellSchool } from '../triage/case-effects';
import type { TriageDeps } from '../triage/triage-deps';
import { keptDecision, readDecisionForm } from './decision-form';
import { panelUpdate } from './panel-effects';
import { panelRoster } from './panel-members';
import { retryingCaseWrite } from './retrying-write';

export type DecisionOutcome = { kind: 'decided'; record: CaseRecord } | { kind: 'invalid'; record: CaseRecord; errors: Record<string, string>; kept: Record<string, string> };

/**
 * The chair records the panel's decision once quorum is reached: the case moves to 'decided' and the
 * card locks; in the same write the Panel and Duty cards are updated, the Duty alert's thread hears
 * the outcome, and the school is told in plain words. Refused (case unchanged) from anyone but the
 * chair, a second time, before quorum, and with an incomplete package or empty words.
 */
export async function recordPanelDecision(deps: TriageDeps, actor: Actor, ref: unknown, inputs: Record<string, unknown>): Promise<DecisionOutcome> {
  if (!isPanelChair(actor.person.roles)) throw new DomainError('PANEL.NOT_CHAIR', 'Only the panel chair records the decision');
  const [roster, services, settings] = await Promise.all([panelRoster(deps.directory), deps.directory.listServices(), deps.directory.frontDoorSettings()]);
  const catalogueIds = new Set(services.map((s) => s.id));
  return retryingCaseWrite<DecisionOutcome>(deps.store, ref, async (found) => {
    assertOpenForPanel(found.value);
    const quorum = quorumOf(found.value.panel.votes, roster);
    if (!quorum.reached) throw new DomainError('PANEL.NO_QUORUM', `${quorum.counted} of ${quorum.needed} votes`);
    const { outcome, input } = readDecisionForm(inputs);
    const errors = outcome === undefined ? { outcome: 'Choose whether the panel agreed a package' } : decisionProblems({ outcome, ...input }, catalogueIds);
    if (outcome === undefined || Object.keys(errors).length > 0) return { result: { kind: 'invalid', record: found.value, errors, kept: keptDecision(inputs) } };
    const at = deps.clock.now().toISOString();
    const calendar = workingDayCalendar(settings.closureDays);
    const decision = panelDecision(found.value, { outcome, ...input }, { byKey: actor.key, at, memberKeys: roster, catalogueIds, calendar });
    const record = applyAction(found.value, { type: 'decide', by: actor.key, at, decision }, calendar);
    const audit = auditOf(deps, actor.key, 'panel.decided', record, { outcome, services: decision.measures.services.join(','), workingDays: decision.measures.workingDaysToDecision });
    return {
      write: { record, effects: { audit: [audit], outbox: [await panelUpdate(deps, record), await alertUpdate(deps, record), ...(await decisionNotices(deps, actor, record, decision, services))] } },
      result: { kind: 'decided', record },
    };
  });
}

/** The Duty alert's thread hears the outcome (no pupil details); the school reads the package or the advice. */
async function decisionNotices(deps: TriageDeps, actor: Actor, record: CaseRecord, decision: PanelDecision, services: Service[]): Promise<OutboxItem[]> {
  const name = (id: string): Service | undefined => services.find((s) => s.id === id);
  const lines = decision.package.map((i) => {
    const service = name(i.serviceId);
    const contact = service?.contact.email ?? service?.contact.phone;
    return `• ${service?.name ?? i.serviceId}: ${i.action} (lead: ${i.lead}${contact ? `, ${contact}` : ''})`;
  });
  const agreed = decision.outcome === 'agreed';
  const thread = agreed
    ? `Panel decision for ${record.ref}: package agreed with ${decision.package.map((i) => name(i.serviceId)?.name ?? i.serviceId).join(', ')}. Recorded by ${actor.person.name}.`
    : `Panel decision for ${record.ref}: no package agreed; alternative advice sent to the school. Recorded by ${actor.person.name}.`;
  const school = agreed
    ? `The panel of service managers has agreed a package of support:\n\n${lines.join('\n')}\n\n${decision.schoolWords}`
    : `The panel of service managers did not agree a package of support. Their advice:\n\n${decision.schoolWords}`;
  return [
    newOutboxItem(deps, 'thread-reply', `alert:${record.ref}`, { text: thread }, record.ref),
    ...(await tellSchool(deps, record, `${record.ref}: the panel's decision`, school)),
  ];
}
