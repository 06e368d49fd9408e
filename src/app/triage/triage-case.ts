import { z } from 'zod';
import { applyAction, type CaseAction } from '../../domain/case-lifecycle';
import type { CaseRecord } from '../../domain/case-record';
import { formatLongDate, londonDate, workingDayCalendar } from '../../domain/calendar';
import { DomainError } from '../../domain/errors';
import { textField } from '../../domain/intake/fields';
import { StoreConflictError, type OutboxItem } from '../../ports/store';
import type { Actor } from '../actor';
import { panelPost } from '../panel/panel-effects';
import { nameOfKey } from './alert-view';
import { alertUpdate, auditOf, cardToSchool, personalCard, tellSchool } from './case-effects';
import type { TriageDeps } from './triage-deps';
import { mayTriage, triageView, viewerOf } from './triage-view';

export const TRIAGE_DECISIONS = ['route', 'advise', 'ask-school', 'escalate', 'release', 'reassign'] as const;
export type TriageDecision = (typeof TRIAGE_DECISIONS)[number];

const message = (empty: string) => textField({ label: 'The message', max: 4000, multiline: true, empty });
const INPUTS = {
  route: z.object({ services: z.unknown(), message: message('Write a short note for the school: which service, and what happens next') }),
  advise: z.object({ message: message('Write the advice the school will read') }),
  'ask-school': z.object({ message: message('Write the question for the school') }),
  escalate: z.object({
    summary: textField({ label: 'The summary', max: 4000, multiline: true, empty: 'Write a summary of the case for the panel' }),
    proposedPackage: textField({ label: 'The proposed package', max: 4000, multiline: true, empty: 'Propose a package of support for the panel to consider' }),
  }),
  release: z.object({}),
  reassign: z.object({ reassignTo: textField({ label: 'The person', max: 200, empty: 'Choose who to hand the case over to' }) }),
} as const;

export type TriageOutcome = { kind: 'done'; record: CaseRecord } | { kind: 'invalid'; record: CaseRecord; errors: Record<string, string>; kept: Record<string, string> };

const KEPT_FIELDS = ['services', 'message', 'summary', 'proposedPackage', 'reassignTo'] as const;
function keptOf(inputs: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(KEPT_FIELDS.map((f) => [f, typeof inputs[f] === 'string' ? (inputs[f] as string).slice(0, 4000) : '']));
}

/**
 * One decision on a claimed case by its claimant or a duty manager: checked on the server,
 * stored with optimistic concurrency, and in the same write the channel card is updated and
 * the school told in plain words.
 */
export async function triageCase(deps: TriageDeps, actor: Actor, ref: unknown, decision: TriageDecision, inputs: Record<string, unknown>): Promise<TriageOutcome> {
  const found = typeof ref === 'string' ? await deps.store.getCase(ref) : undefined;
  if (!found) throw new DomainError('CASE.NOT_FOUND', 'No such case');
  if (!mayTriage(viewerOf(actor), found.value)) throw new DomainError('CASE.NOT_CLAIMANT', 'Only the claimant or a duty manager acts on this case');
  const invalid = (errors: Record<string, string>): TriageOutcome => ({ kind: 'invalid', record: found.value, errors, kept: keptOf(inputs) });

  const parsed = INPUTS[decision].safeParse(inputs);
  if (!parsed.success) return invalid(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])));
  const at = deps.clock.now().toISOString();
  const settings = await deps.directory.frontDoorSettings();
  let action: CaseAction;
  switch (decision) {
    case 'route': {
      const catalogue = await deps.directory.listServices();
      const chosen = String(inputs.services ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '');
      if (chosen.length === 0) return invalid({ services: 'Choose at least one service' });
      if (chosen.some((id) => !catalogue.some((s) => s.id === id))) return invalid({ services: 'Choose services from the list' });
      action = { type: 'route', by: actor.key, at, services: chosen, note: (parsed.data as { message: string }).message };
      break;
    }
    case 'advise':
      action = { type: 'advise', by: actor.key, at, advice: (parsed.data as { message: string }).message };
      break;
    case 'ask-school':
      action = { type: 'ask-school', by: actor.key, at, question: (parsed.data as { message: string }).message };
      break;
    case 'escalate': {
      const { summary, proposedPackage } = parsed.data as { summary: string; proposedPackage: string };
      const panelDue = workingDayCalendar(settings.closureDays).addWorkingDays(deps.clock.now(), settings.responseTimes.panelDecision);
      action = { type: 'escalate', by: actor.key, at, summary, proposedPackage, panelDue };
      break;
    }
    case 'release':
      action = { type: 'release', by: actor.key, at };
      break;
    case 'reassign': {
      const to = await deps.directory.getPerson((parsed.data as { reassignTo: string }).reassignTo);
      if (!to || !to.roles.includes('duty-professional') || !to.aadObjectId) return invalid({ reassignTo: 'Choose a duty professional from the list' });
      action = { type: 'reassign', by: actor.key, at, to: `${actor.identity.tenantId}:${to.aadObjectId}`.toLowerCase() };
      break;
    }
  }
  const record = applyAction(found.value, action, workingDayCalendar(settings.closureDays));
  try {
    await deps.store.updateCase(record, found.version, {
      audit: [auditOf(deps, actor.key, `case.${decision}`, record, decision === 'route' ? { services: record.routedTo.join(',') } : {})],
      outbox: [await alertUpdate(deps, record), ...(await notificationsFor(deps, actor, record, action))],
    });
  } catch (err) {
    if (err instanceof StoreConflictError) throw new DomainError('CASE.CHANGED', 'The case changed meanwhile');
    throw err;
  }
  return { kind: 'done', record };
}

/** Who hears what after a decision. */
async function notificationsFor(deps: TriageDeps, actor: Actor, record: CaseRecord, action: CaseAction): Promise<OutboxItem[]> {
  const today = londonDate(deps.clock.now());
  switch (action.type) {
    case 'route': {
      const names = (await deps.directory.listServices()).filter((s) => action.services.includes(s.id)).map((s) => `${s.name} (${s.contact.email ?? s.contact.phone ?? ''})`);
      return tellSchool(deps, record, `${record.ref}: passed to ${names.length === 1 ? 'a service' : 'services'}`, `We have passed your request to ${names.join(' and ')}. ${action.note}`);
    }
    case 'advise':
      return tellSchool(deps, record, `${record.ref}: advice from the front door`, `${action.advice}\n\nThis request is now closed. If you need more help, make a new request.`);
    case 'ask-school':
      return cardToSchool(deps, record, deps.cards.schoolQuestion({ ref: record.ref, askedBy: actor.person.name, question: action.question, answer: '', error: '' }));
    case 'escalate': {
      // The Panel channel's voting card, kept under panel:<ref> so each vote updates it.
      return [
        await panelPost(deps, record),
        ...(await tellSchool(deps, record, `${record.ref}: going to the panel`, `Your request needs support from more than one service, so it goes to a panel of service managers. They will decide by ${formatLongDate(action.panelDue, today)}.`)),
      ];
    }
    case 'reassign': {
      const view = await triageView(deps, { key: action.to, roles: ['duty-professional'] }, record);
      return [
        personalCard(deps, action.to, record, deps.cards.triage(view)),
        personalCard(deps, action.to, record, deps.cards.schoolUpdate({ title: `${record.ref} handed to you`, text: `${actor.person.name} handed this case to you.` })),
      ];
    }
    case 'release':
      return [];
    default:
      return tellSchool(deps, record, record.ref, `Updated by ${await nameOfKey(deps.directory, actor.key)}.`);
  }
}
