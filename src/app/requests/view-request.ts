import type { CaseRecord } from '../../domain/case-record';
import type { AuditEvent } from '../../ports/store';
import type { Actor } from '../actor';
import type { IntakeDeps } from '../intake/intake-deps';
import { visibleCase } from './case-access';

export interface RequestView {
  record: CaseRecord;
  version: string;
  timeline: AuditEvent[];
}

/** The full request and its timeline, for someone allowed to see it; each view is written to the audit trail. */
export async function viewRequest(deps: IntakeDeps, actor: Actor, ref: unknown): Promise<RequestView> {
  const found = await visibleCase(deps.store, actor, ref);
  const at = deps.clock.now().toISOString();
  await deps.store.appendAudit({ id: deps.ids.next(), at, actorKey: actor.key, action: 'case.viewed', caseRef: found.value.ref, detail: {} });
  return { record: found.value, version: found.version, timeline: await deps.store.listAudit(found.value.ref) };
}
