import type { Database } from 'better-sqlite3';
import type { AuditEvent, AuditStore, LeaseFilter, OutboxItem, OutboxStore } from '../../ports/store';
import { completed, released, requeued } from '../outbox-changes';
import { auditEventSchema, outboxItemSchema } from '../records';
import { guarded, parseJson } from './sqlite-database';

interface DocRow {
  doc: string;
}

const toOutboxItem = (row: DocRow): OutboxItem => outboxItemSchema.parse(parseJson(row.doc));
const toAuditEvent = (row: DocRow): AuditEvent => auditEventSchema.parse(parseJson(row.doc));

/** Prepares the insert of a new outbox item; shared with case writes so effects join their transaction. */
export function insertOutboxStatement(db: Database): (item: OutboxItem) => void {
  const insert = db.prepare(
    `INSERT INTO outbox (id, case_ref, status, next_attempt_at, lease_until, created_at, doc)
     VALUES (@id, @caseRef, @status, @nextAttemptAt, @leaseUntil, @createdAt, @doc)`,
  );
  return (item) => {
    const parsed = outboxItemSchema.parse(item);
    insert.run({ ...parsed, doc: JSON.stringify(parsed) });
  };
}

/** Prepares the insert of an audit event; shared with case writes so effects join their transaction. */
export function insertAuditStatement(db: Database): (event: AuditEvent) => void {
  const insert = db.prepare('INSERT INTO audit (id, case_ref, at, doc) VALUES (@id, @caseRef, @at, @doc)');
  return (event) => {
    const parsed = auditEventSchema.parse(event);
    insert.run({ id: parsed.id, caseRef: parsed.caseRef, at: parsed.at, doc: JSON.stringify(parsed) });
  };
}

/** The outbox (with leases) and the audit trail, on SQLite. Instants compare as ISO-8601 UTC strings. */
export function sqliteOutboxAndAuditStore(db: Database): OutboxStore & AuditStore {
  const insertOutbox = insertOutboxStatement(db);
  const insertAudit = insertAuditStatement(db);
  // Due items, at most perTarget per target (oldest due first), none from the skipped targets.
  const selectDue = db.prepare<[string, string, string, number, number], DocRow>(
    `SELECT doc FROM (
       SELECT doc, next_attempt_at, id,
              ROW_NUMBER() OVER (PARTITION BY json_extract(doc, '$.target') ORDER BY next_attempt_at, id) AS nth
       FROM outbox
       WHERE status = 'pending' AND next_attempt_at <= ? AND (lease_until IS NULL OR lease_until <= ?)
         AND json_extract(doc, '$.target') NOT IN (SELECT value FROM json_each(?)))
     WHERE nth <= ? ORDER BY next_attempt_at, id LIMIT ?`,
  );
  const selectOne = db.prepare<[string], DocRow>('SELECT doc FROM outbox WHERE id = ?');
  const saveItem = db.prepare('UPDATE outbox SET status = @status, next_attempt_at = @nextAttemptAt, lease_until = @leaseUntil, doc = @doc WHERE id = @id');
  const save = (item: OutboxItem) => saveItem.run({ ...item, doc: JSON.stringify(item) });

  /** Reads the item, and saves what `change` makes of it; false when it is missing or `change` declines. */
  const changeItem = db.transaction((id: string, change: (item: OutboxItem) => OutboxItem | undefined) => {
    const row = selectOne.get(id);
    const changed = row ? change(toOutboxItem(row)) : undefined;
    if (changed) save(changed);
    return changed !== undefined;
  });
  const asHolder = (owner: string, change: (item: OutboxItem) => OutboxItem) => (item: OutboxItem) =>
    item.leaseOwner === owner && item.status === 'pending' ? change(item) : undefined;

  const enqueue = db.transaction((items: OutboxItem[]) => items.forEach(insertOutbox));
  const lease = db.transaction((now: string, owner: string, leaseUntil: string, limit: number, filter: LeaseFilter) =>
    selectDue.all(now, now, JSON.stringify(filter.skipTargets ?? []), filter.perTarget ?? limit, limit).map((row) => {
      const leased: OutboxItem = { ...toOutboxItem(row), leaseOwner: owner, leaseUntil };
      save(leased);
      return leased;
    }),
  );

  return {
    enqueue: (items) => guarded(() => enqueue.immediate(items)),
    leaseDue: (now, owner, leaseUntil, limit, filter = {}) => guarded(() => (limit <= 0 ? [] : lease.immediate(now, owner, leaseUntil, limit, filter))),
    startAttempt: (ref, owner, at) => guarded(() => changeItem.immediate(ref.id, asHolder(owner, (item) => ({ ...item, attemptStartedAt: at })))),
    completeAttempt: (ref, owner, outcome) => guarded(() => changeItem.immediate(ref.id, asHolder(owner, (item) => completed(item, outcome)))),
    releaseLease: (ref, owner, nextAttemptAt) => guarded(() => changeItem.immediate(ref.id, asHolder(owner, (item) => released(item, nextAttemptAt)))),
    retryDead: (ref, at) => guarded(() => changeItem.immediate(ref.id, (item) => (item.status === 'dead' ? requeued(item, at) : undefined))),
    listOutbox: (status, limit) =>
      guarded(() =>
        db
          .prepare<[string, number], DocRow>('SELECT doc FROM outbox WHERE status = ? ORDER BY next_attempt_at, id LIMIT ?')
          .all(status, limit)
          .map(toOutboxItem),
      ),
    appendAudit: (event) => guarded(() => insertAudit(event)),
    listAudit: (caseRef) =>
      guarded(() => db.prepare<[string], DocRow>('SELECT doc FROM audit WHERE case_ref = ? ORDER BY at, id').all(caseRef).map(toAuditEvent)),
  };
}
