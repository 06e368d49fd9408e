import type { CaseRecord } from '../../domain/case-record';
import { DomainError } from '../../domain/errors';
import type { TriageView } from '../../ports/notification-cards';
import type { Actor } from '../actor';
import { auditOf } from './case-effects';
import type { TriageDeps } from './triage-deps';
import { mayTriage, triageView, viewerOf } from './triage-view';

/** The full details of a case for its claimant or a duty manager; each view goes to the audit trail. */
export async function openTriage(deps: TriageDeps, actor: Actor, ref: unknown, form: { errors?: Record<string, string>; kept?: Record<string, string> } = {}): Promise<TriageView> {
  const found = typeof ref === 'string' ? await deps.store.getCase(ref) : undefined;
  if (!found || !mayTriage(viewerOf(actor), found.value)) throw new DomainError('CASE.NOT_FOUND', 'No such case for this user');
  await deps.store.appendAudit(auditOf(deps, actor.key, 'case.viewed', found.value));
  return triageView(deps, viewerOf(actor), found.value, form);
}

/** The triage view of a case already loaded (after a decision), without a second audit entry. */
export function viewAfterDecision(deps: TriageDeps, actor: Actor, record: CaseRecord, form: { errors?: Record<string, string>; kept?: Record<string, string> } = {}): Promise<TriageView> {
  return triageView(deps, viewerOf(actor), record, form);
}
