import { OPEN_STATUSES, type CaseRecord } from '../../domain/case-record';
import { DomainError } from '../../domain/errors';
import type { Store } from '../../ports/store';
import { hasRole, type Actor } from '../actor';

/** A duty professional's claimed open cases, soonest due first. */
export async function myQueue(store: Store, actor: Actor): Promise<CaseRecord[]> {
  if (!hasRole(actor, 'duty-professional', 'duty-manager')) throw new DomainError('CASE.NOT_ALLOWED', 'Only the duty team has a queue');
  return store.listCasesByClaimant(actor.key, OPEN_STATUSES);
}
