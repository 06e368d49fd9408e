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
  return newOutboxItem(deps, 'card-update', `alert:${record.ref}`, { card: { ...card, type: 'AdaptiveCard' } }, record.ref);
}

/** A card in someone's personal chat about this case. */
export function personalCard(deps: TriageDeps, userKey: string, record: CaseRecord, card: Record<string, unknown>): OutboxItem {
  return newOutboxItem(deps, 'personal-message', userKey, { card: { ...card, type: 'AdaptiveCard' } }, record.ref);
}

/** Words for the school, in its own chat (the requester's; for phone or email requests, the admin who logged it). */
export function tellSchool(deps: TriageDeps, record: CaseRecord, title: string, text: string): OutboxItem {
  return personalCard(deps, record.requesterKey, record, deps.cards.schoolUpdate({ title, text }));
}
