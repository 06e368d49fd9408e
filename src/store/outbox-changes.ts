import type { AttemptOutcome, OutboxItem } from '../ports/store';

/** The item after its lease holder records an attempt's outcome: one more attempt, the lease cleared, the in-doubt mark kept only while in doubt. */
export function completed(item: OutboxItem, outcome: AttemptOutcome): OutboxItem {
  return {
    ...item,
    status: outcome.status,
    attempts: item.attempts + 1,
    nextAttemptAt: outcome.nextAttemptAt ?? item.nextAttemptAt,
    lastError: outcome.error ?? null,
    leaseOwner: null,
    leaseUntil: null,
    attemptStartedAt: outcome.status === 'pending' && outcome.inDoubt === true ? item.attemptStartedAt : null,
  };
}

/** The item given back unattempted: no attempt counted, due again at nextAttemptAt. */
export function released(item: OutboxItem, nextAttemptAt: string): OutboxItem {
  return { ...item, nextAttemptAt, leaseOwner: null, leaseUntil: null };
}

/** A dead-lettered item queued again with a fresh count of attempts; its last error is kept for the record until it is tried. */
export function requeued(item: OutboxItem, at: string): OutboxItem {
  return { ...item, status: 'pending', attempts: 0, nextAttemptAt: at, leaseOwner: null, leaseUntil: null, attemptStartedAt: null };
}
