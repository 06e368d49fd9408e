import { z } from 'zod';
import { mayAdminister } from '../../domain/menu';
import type { Clock } from '../../ports/clock';
import type { Ids } from '../../ports/ids';
import type { AuditStore, OutboxStore } from '../../ports/store';
import type { Actor } from '../actor';

/** The "Try again" button's data. */
export const retryInput = z.object({ id: z.string().trim().min(1).max(200) });

export type RetryOutcome = { kind: 'forbidden' } | { kind: 'retried'; caseRef: string | null } | { kind: 'not-dead' };

/**
 * Puts an undelivered message back in the queue, due now and with its tries counted afresh;
 * audited as outbox.retried. Front-door admins and administrators only.
 */
export async function retryDeadLetter(deps: { store: Pick<OutboxStore, 'listOutbox' | 'retryDead'> & AuditStore; clock: Clock; ids: Ids }, actor: Actor, id: string): Promise<RetryOutcome> {
  if (!mayAdminister(actor.person.roles, 'deadLetters')) return { kind: 'forbidden' };
  const dead = (await deps.store.listOutbox('dead', 1000)).find((item) => item.id === id);
  const at = deps.clock.now().toISOString();
  if (dead === undefined || !(await deps.store.retryDead(dead, at))) return { kind: 'not-dead' };
  await deps.store.appendAudit({ id: deps.ids.next(), at, actorKey: actor.key, action: 'outbox.retried', caseRef: dead.caseRef, detail: { outboxId: id, kind: dead.kind, attempts: dead.attempts } });
  return { kind: 'retried', caseRef: dead.caseRef };
}
