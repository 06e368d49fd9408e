import { applyAction } from '../../domain/case-lifecycle';
import type { CaseRecord } from '../../domain/case-record';
import { DomainError } from '../../domain/errors';
import { StoreConflictError } from '../../ports/store';
import { hasRole, type Actor } from '../actor';
import { nameOfKey } from './alert-view';
import { alertUpdate, auditOf, personalCard, tellSchool } from './case-effects';
import type { TriageDeps } from './triage-deps';
import { triageView } from './triage-view';

export type ClaimOutcome = { kind: 'claimed'; record: CaseRecord } | { kind: 'taken'; record: CaseRecord; by: string };

/**
 * Claims a case for the actor: exactly one claimant, enforced by the store's optimistic
 * concurrency. Whoever loses the race is told who has it. In the same write: the channel card
 * update, the full request to the claimant privately (an audited view), and a word to the school.
 */
export async function claimCase(deps: TriageDeps, actor: Actor, ref: unknown): Promise<ClaimOutcome> {
  if (!hasRole(actor, 'duty-professional', 'duty-manager')) throw new DomainError('CASE.NOT_ALLOWED', 'Only duty professionals claim cases');
  const found = typeof ref === 'string' ? await deps.store.getCase(ref) : undefined;
  if (!found) throw new DomainError('CASE.NOT_FOUND', 'No such case');
  if (found.value.claimantKey !== null) return taken(deps, actor, found.value);
  if (found.value.status !== 'submitted') throw new DomainError('CASE.NOT_OPEN', 'Case is not waiting to be claimed');
  const record = applyAction(found.value, { type: 'claim', by: actor.key, at: deps.clock.now().toISOString() });
  try {
    await deps.store.updateCase(record, found.version, {
      audit: [auditOf(deps, actor.key, 'case.claimed', record), auditOf(deps, actor.key, 'case.viewed', record)],
      outbox: [
        await alertUpdate(deps, record),
        personalCard(deps, actor.key, record, deps.cards.triage(await triageView(deps, { key: actor.key, roles: actor.person.roles }, record))),
        ...(await tellSchool(deps, record, `${record.ref}: a specialist is looking at your request`, `${actor.person.name} from the front door duty team has picked up your request and will be in touch.`)),
      ],
    });
  } catch (err) {
    if (!(err instanceof StoreConflictError)) throw err;
    const latest = await deps.store.getCase(record.ref);
    if (!latest) throw err;
    return taken(deps, actor, latest.value);
  }
  return { kind: 'claimed', record };
}

async function taken(deps: TriageDeps, actor: Actor, record: CaseRecord): Promise<ClaimOutcome> {
  if (record.claimantKey === actor.key) return { kind: 'claimed', record };
  return { kind: 'taken', record, by: await nameOfKey(deps.directory, record.claimantKey) };
}
