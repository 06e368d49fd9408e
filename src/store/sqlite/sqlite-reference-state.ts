import type { Database } from 'better-sqlite3';
import {
  StoreConflictError,
  type AccessOutcome,
  type AccessRequest,
  type AccessRequestStore,
  type CaseWriteEffects,
  type ReferenceStore,
  type StateStore,
  type Versioned,
} from '../../ports/store';
import { accessRequestSchema, decidedAccessRequest, mergeAccessRequest, referenceItemSchema, startsPendingRequest, stateValueSchema } from '../records';
import { guarded, parseJson } from './sqlite-database';
import { insertAuditStatement, insertOutboxStatement } from './sqlite-outbox';

type ReferenceItem = { id: string } & Record<string, unknown>;

/** Reference data, turn state and access requests, on SQLite. */
export function sqliteReferenceStateStore(db: Database): ReferenceStore & StateStore & AccessRequestStore {
  const deleteKind = db.prepare('DELETE FROM reference_items WHERE kind = ?');
  const insertItem = db.prepare('INSERT INTO reference_items (kind, id, doc) VALUES (?, ?, ?)');
  const replaceKind = db.transaction((kind: string, items: ReadonlyArray<ReferenceItem>) => {
    deleteKind.run(kind);
    for (const item of items) insertItem.run(kind, referenceItemSchema.parse(item).id, JSON.stringify(item));
  });

  const stateByKey = db.prepare<[string], { doc: string; version: number }>('SELECT doc, version FROM state WHERE key = ?');
  const upsertState = db.prepare<[string, string], { version: number }>(
    'INSERT INTO state (key, doc, version) VALUES (?, ?, 1) ON CONFLICT (key) DO UPDATE SET doc = excluded.doc, version = version + 1 RETURNING version',
  );
  const createState = db.prepare<[string, string], { version: number }>('INSERT INTO state (key, doc, version) VALUES (?, ?, 1) ON CONFLICT (key) DO NOTHING RETURNING version');
  const replaceState = db.prepare<[string, string, number], { version: number }>(
    'UPDATE state SET doc = ?, version = version + 1 WHERE key = ? AND version = ? RETURNING version',
  );
  const writeState = db.transaction((key: string, value: Record<string, unknown>, expectedVersion: string | null | undefined) => {
    const doc = JSON.stringify(stateValueSchema.parse(value));
    if (expectedVersion === undefined || expectedVersion === '*') return String(upsertState.get(key, doc)?.version);
    if (expectedVersion === null) {
      const created = createState.get(key, doc);
      if (!created) throw new StoreConflictError(`State ${key} exists already`);
      return String(created.version);
    }
    const expected = Number(expectedVersion);
    const row = replaceState.get(doc, key, Number.isInteger(expected) ? expected : -1);
    if (!row) throw new StoreConflictError(`State ${key} changed since version ${expectedVersion}`);
    return String(row.version);
  });

  const accessByUser = db.prepare<[string], { doc: string }>('SELECT doc FROM access_requests WHERE user_key = ?');
  const saveAccess = db.prepare(
    `INSERT INTO access_requests (user_key, status, requested_at, doc) VALUES (@userKey, @status, @requestedAt, @doc)
     ON CONFLICT (user_key) DO UPDATE SET status = excluded.status, requested_at = excluded.requested_at, doc = excluded.doc`,
  );
  const insertOutbox = insertOutboxStatement(db);
  const insertAudit = insertAuditStatement(db);
  const writeEffects = (effects: CaseWriteEffects | undefined) => {
    for (const item of effects?.outbox ?? []) insertOutbox(item);
    for (const event of effects?.audit ?? []) insertAudit(event);
  };
  const storedAccess = (userKey: string): AccessRequest | undefined => {
    const row = accessByUser.get(userKey);
    return row ? accessRequestSchema.parse(parseJson(row.doc)) : undefined;
  };
  const saveAccessRow = (request: AccessRequest): AccessRequest => {
    const parsed = accessRequestSchema.parse(request);
    saveAccess.run({ userKey: parsed.userKey, status: parsed.status, requestedAt: parsed.requestedAt, doc: JSON.stringify(parsed) });
    return parsed;
  };
  const upsertAccess = db.transaction((request: AccessRequest, effects: CaseWriteEffects | undefined) => {
    const existing = storedAccess(request.userKey);
    const merged = saveAccessRow(mergeAccessRequest(existing, request));
    if (startsPendingRequest(existing, merged)) writeEffects(effects);
    return merged;
  });
  const decideAccess = db.transaction((userKey: string, outcome: AccessOutcome, effects: CaseWriteEffects | undefined) => {
    const existing = storedAccess(userKey);
    const decided = decidedAccessRequest(existing, outcome);
    if (decided === undefined) return { decided: false, request: existing };
    const saved = saveAccessRow(decided);
    writeEffects(effects);
    return { decided: true, request: saved };
  });

  return {
    replaceReference: (kind, items) => guarded(() => replaceKind.immediate(kind, items)),
    getReference: (kind, id) =>
      guarded(() => {
        const row = db.prepare<[string, string], { doc: string }>('SELECT doc FROM reference_items WHERE kind = ? AND id = ?').get(kind, id);
        return row ? referenceItemSchema.parse(parseJson(row.doc)) : undefined;
      }),
    listReference: (kind) =>
      guarded(() =>
        db
          .prepare<[string], { doc: string }>('SELECT doc FROM reference_items WHERE kind = ? ORDER BY id')
          .all(kind)
          .map((row) => referenceItemSchema.parse(parseJson(row.doc))),
      ),
    readState: (keys) =>
      guarded(() => {
        const found: Record<string, Versioned<Record<string, unknown>>> = {};
        for (const key of keys) {
          const row = stateByKey.get(key);
          if (row) found[key] = { value: stateValueSchema.parse(parseJson(row.doc)), version: String(row.version) };
        }
        return found;
      }),
    writeState: (key, value, expectedVersion) => guarded(() => writeState.immediate(key, value, expectedVersion)),
    deleteState: (keys) =>
      guarded(() => {
        const remove = db.prepare('DELETE FROM state WHERE key = ?');
        db.transaction(() => keys.forEach((key) => remove.run(key)))();
      }),
    upsertAccessRequest: (request, effects) => guarded(() => upsertAccess.immediate(request, effects)),
    decideAccessRequest: (userKey, outcome, effects) => guarded(() => decideAccess.immediate(userKey, outcome, effects)),
    listAccessRequests: (status) =>
      guarded(() =>
        db
          .prepare<[string], { doc: string }>('SELECT doc FROM access_requests WHERE status = ? ORDER BY requested_at, user_key')
          .all(status)
          .map((row) => accessRequestSchema.parse(parseJson(row.doc))),
      ),
  };
}
