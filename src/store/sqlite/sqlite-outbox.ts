import type { Database } from 'better-sqlite3';
import type { AuditEvent, AuditStore, OutboxItem, OutboxStore } from '../../ports/store';
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
  const selectDue = db.prepare<[string, string, number], DocRow>(
    `SELECT doc FROM outbox WHERE status = 'pending' AND next_attempt_at <= ? AND (lease_until IS NULL OR lease_until <= ?)
     ORDER BY next_attempt_at, id LIMIT ?`,
  );
  const selectOne = db.prepare<[string], DocRow>('SELECT doc FROM outbox WHERE id = ?');
  const saveItem = db.prepare('UPDATE outbox SET status = @status, next_attempt_at = @nextAttemptAt, lease_until = @leaseUntil, doc = @doc WHERE id = @id');
  const save = (item: OutboxItem) => saveItem.run({ ...item, doc: JSON.stringify(item) });

  const enqueue = db.transaction((items: OutboxItem[]) => items.forEach(insertOutbox));
  const lease = db.transaction((now: string, owner: string, leaseUntil: string, limit: number) =>
    selectDue.all(now, now, limit).map((row) => {
      const leased: OutboxItem = { ...toOutboxItem(row), leaseOwner: owner, leaseUntil };
      save(leased);
      return leased;
    }),
  );
  const complete = db.transaction((id: string, owner: string, outcome: Parameters<OutboxStore['completeAttempt']>[2]) => {
    const row = selectOne.get(id);
    if (!row) return false;
    const item = toOutboxItem(row);
    if (item.leaseOwner !== owner) return false;
    save({
      ...item,
      status: outcome.status,
      attempts: item.attempts + 1,
      nextAttemptAt: outcome.nextAttemptAt ?? item.nextAttemptAt,
      lastError: outcome.error ?? null,
      leaseOwner: null,
      leaseUntil: null,
    });
    return true;
  });

  return {
    enqueue: (items) => guarded(() => enqueue.immediate(items)),
    leaseDue: (now, owner, leaseUntil, limit) => guarded(() => lease.immediate(now, owner, leaseUntil, limit)),
    completeAttempt: (id, owner, outcome) => guarded(() => complete.immediate(id, owner, outcome)),
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
