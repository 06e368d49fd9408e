import type { CaseRecord } from '../../domain/case-record';
import { DomainError } from '../../domain/errors';
import { parseReference } from '../../domain/reference-number';
import type { Store } from '../../ports/store';
import { hasRole, type Actor } from '../actor';

/** Who sees every case's status: the authority's roles. Setting staff see their own setting's only. */
export function seesEveryStatus(actor: Actor): boolean {
  return hasRole(actor, 'manager', 'duty-manager', 'duty-professional', 'front-door-admin');
}

/** Whether the actor may see this case's status. */
export function maySeeStatus(actor: Actor, record: CaseRecord): boolean {
  if (seesEveryStatus(actor)) return true;
  return hasRole(actor, 'setting-staff') && actor.person.settingId !== undefined && actor.person.settingId === record.settingId;
}

/** Refuses anyone with no role that may look up a status (setting staff may, for their own setting). */
export function assertMayLookUp(actor: Actor): void {
  if (!seesEveryStatus(actor) && !hasRole(actor, 'setting-staff')) throw new DomainError('STATUS.NOT_ALLOWED', 'No role that may see a status');
}

/**
 * The case a message or button names, if the actor may see it. A case they may not see is "not
 * found" alike, so references cannot be probed; anyone with no status role at all is refused.
 */
export async function caseStatus(store: Store, actor: Actor, text: unknown): Promise<CaseRecord> {
  assertMayLookUp(actor);
  const ref = typeof text === 'string' && text.length <= 200 ? parseReference(text) : undefined;
  if (!ref) throw new DomainError('STATUS.NO_REFERENCE', 'No reference in the text');
  const found = await store.getCase(ref);
  if (!found || !maySeeStatus(actor, found.value)) throw new DomainError('CASE.NOT_FOUND', 'No such case for this user');
  return found.value;
}
