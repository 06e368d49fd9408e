import type { CaseRecord } from '../../domain/case-record';
import type { AuditEvent, OutboxItem } from '../../ports/store';
import { newOutboxItem } from '../outbox/notifications';
import { dutyAlertView } from './alert-view';
import type { TriageDeps } from './triage-deps';

/** The audit event for an action on a case: who, when, what; never pupil details. */
export function auditOf(deps: TriageDeps, actorKey: string, action: string, record: CaseRecord, detail: AuditEvent['detail'] = {}): AuditEvent {
  return { id: deps.ids.next(), at: deps.clock.now().toISOString(), actorKey, action, caseRef: record.ref, detail };
}

/** The Duty channel card, brought up to date for everyone. */
export async function alertUpdate(deps: TriageDeps, record: CaseRecord): Promise<OutboxItem> {
  const card = deps.cards.dutyAlert(await dutyAlertView(deps.directory, record, deps.clock.now()));
  return newOutboxItem(deps, 'card-update', `alert:${record.ref}`, { card: { ...card, type: 'AdaptiveCard' }, order: record.revision }, record.ref);
}

/** A card in someone's personal chat about this case. */
export function personalCard(deps: TriageDeps, userKey: string, record: CaseRecord, card: Record<string, unknown>): OutboxItem {
  return newOutboxItem(deps, 'personal-message', userKey, { card: { ...card, type: 'AdaptiveCard' } }, record.ref);
}

/**
 * Who hears about a case for the school: the requester (for phone or email requests, the admin who
 * logged it) while they are still listed and the bot can reach them in Teams; otherwise every other
 * member of the setting's staff the bot can reach. With nobody reachable it is still the requester,
 * so the undelivered message shows up as a dead letter for administrators.
 */
export async function schoolRecipients(deps: TriageDeps, record: CaseRecord): Promise<string[]> {
  const [tenantId, aadObjectId] = record.requesterKey.split(':');
  const reachable = async (key: string): Promise<boolean> => (await deps.store.getConversation(key)) !== undefined;
  const requester = await deps.directory.getPerson(aadObjectId ?? '');
  if (requester && (await reachable(record.requesterKey))) return [record.requesterKey];
  const staff = (await deps.directory.listPeople())
    .filter((p) => p.roles.includes('setting-staff') && p.settingId === record.settingId && p.aadObjectId !== undefined)
    .map((p) => `${tenantId}:${p.aadObjectId}`.toLowerCase())
    .filter((key) => key !== record.requesterKey);
  const others = (await Promise.all(staff.map(async (key) => ((await reachable(key)) ? key : undefined)))).filter((k): k is string => k !== undefined);
  return others.length > 0 ? others : [record.requesterKey];
}

/** A card for the school, to each of its recipients. */
export async function cardToSchool(deps: TriageDeps, record: CaseRecord, card: Record<string, unknown>): Promise<OutboxItem[]> {
  return (await schoolRecipients(deps, record)).map((key) => personalCard(deps, key, record, card));
}

/** Words for the school, in plain language, in its own chat. */
export function tellSchool(deps: TriageDeps, record: CaseRecord, title: string, text: string): Promise<OutboxItem[]> {
  return cardToSchool(deps, record, deps.cards.schoolUpdate({ title, text }));
}
