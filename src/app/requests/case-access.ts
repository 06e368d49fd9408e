import type { CaseRecord } from '../../domain/case-record';
import { DomainError } from '../../domain/errors';
import type { Store, Versioned } from '../../ports/store';
import { hasRole, type Actor } from '../actor';

/** Setting staff see their own setting's requests; the authority's roles see any. */
export function maySeeCase(actor: Actor, record: CaseRecord): boolean {
  if (hasRole(actor, 'front-door-admin', 'duty-manager', 'manager')) return true;
  return hasRole(actor, 'setting-staff') && actor.person.settingId === record.settingId;
}

/** A case the actor may see; one they may not is "not found" alike, so references cannot be probed. */
export async function visibleCase(store: Store, actor: Actor, ref: unknown): Promise<Versioned<CaseRecord>> {
  const found = typeof ref === 'string' && ref.length <= 20 ? await store.getCase(ref) : undefined;
  if (!found || !maySeeCase(actor, found.value)) throw new DomainError('CASE.NOT_FOUND', 'No such case for this user');
  return found;
}
