import type { CaseRecord } from '../../domain/case-record';
import { DomainError } from '../../domain/errors';
import { isPanelMember } from '../../domain/panel';
import type { Actor } from '../actor';
import { auditOf, personalCard } from '../triage/case-effects';
import type { TriageDeps } from '../triage/triage-deps';
import { triageView, viewerOf } from '../triage/triage-view';

/** A panel member opens the full request: sent to their personal chat only, and the view audited. */
export async function openPanelCase(deps: TriageDeps, actor: Actor, ref: unknown): Promise<CaseRecord> {
  if (!isPanelMember(actor.person.roles)) throw new DomainError('PANEL.NOT_MEMBER', 'Only panel members open the full request');
  const found = typeof ref === 'string' ? await deps.store.getCase(ref) : undefined;
  if (!found || (found.value.status !== 'panel' && found.value.status !== 'decided')) throw new DomainError('CASE.NOT_FOUND', 'No such case at the panel');
  const record = found.value;
  await deps.store.appendAudit(auditOf(deps, actor.key, 'case.viewed', record, { via: 'panel' }));
  await deps.store.enqueue([personalCard(deps, actor.key, record, deps.cards.triage(await triageView(deps, viewerOf(actor), record)))]);
  return record;
}
