import type { OutboxItem, OutboxStore } from '../../ports/store';

/** A notification that could not be delivered, as an administrator sees it: no card content. */
export interface DeadLetter {
  id: string;
  kind: string;
  /** The user key, channel id or alert key it was for. */
  target: string;
  caseRef: string | null;
  attempts: number;
  /** Why the last attempt failed, as a code (e.g. http-404:ConversationNotFound). */
  lastError: string | null;
  createdAt: string;
  /** When it was last due: the last attempt was at or after this instant. */
  lastDueAt: string;
}

const toDeadLetter = (item: OutboxItem): DeadLetter => ({
  id: item.id,
  kind: item.kind,
  target: item.target,
  caseRef: item.caseRef,
  attempts: item.attempts,
  lastError: item.lastError,
  createdAt: item.createdAt,
  lastDueAt: item.nextAttemptAt,
});

/** The dead-lettered notifications, for the administrators' view, oldest due first. */
export async function listDeadLetters(store: Pick<OutboxStore, 'listOutbox'>, limit = 200): Promise<DeadLetter[]> {
  return (await store.listOutbox('dead', limit)).map(toDeadLetter);
}
