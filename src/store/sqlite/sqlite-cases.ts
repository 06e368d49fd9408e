import type { Database } from 'better-sqlite3';
import { caseRecordSchema, type CaseRecord } from '../../domain/case-record';
import { StoreConflictError, type CaseStore, type CaseWriteEffects, type Versioned } from '../../ports/store';
import { guarded, parseJson } from './sqlite-database';
import { insertAuditStatement, insertOutboxStatement } from './sqlite-outbox';

interface CaseRow {
  doc: string;
  version: number;
}

function toVersionedCase(row: CaseRow): Versioned<CaseRecord> {
  return { value: caseRecordSchema.parse(parseJson(row.doc)), version: String(row.version) };
}

/** Cases and the yearly reference counters, on SQLite. */
export function sqliteCaseStore(db: Database): CaseStore {
  const byRef = db.prepare<[string], CaseRow>('SELECT doc, version FROM cases WHERE ref = ?');
  const bySubmissionKey = db.prepare<[string], CaseRow>('SELECT doc, version FROM cases WHERE submission_key = ?');
  const insertCase = db.prepare(
    `INSERT INTO cases (ref, submission_key, setting_id, status, claimant_key, first_response_due, submitted_at, doc, version)
     VALUES (@ref, @submissionKey, @settingId, @status, @claimantKey, @firstResponseDue, @submittedAt, @doc, 1)`,
  );
  const updateCaseRow = db.prepare(
    `UPDATE cases SET submission_key = @submissionKey, setting_id = @settingId, status = @status, claimant_key = @claimantKey,
       first_response_due = @firstResponseDue, submitted_at = @submittedAt, doc = @doc, version = version + 1
     WHERE ref = @ref AND version = @expected`,
  );
  const bumpCounter = db.prepare<[number], { last: number }>(
    'INSERT INTO reference_counters (year, last) VALUES (?, 1) ON CONFLICT (year) DO UPDATE SET last = last + 1 RETURNING last',
  );
  const insertOutbox = insertOutboxStatement(db);
  const insertAudit = insertAuditStatement(db);

  const caseParams = (record: CaseRecord) => ({
    ref: record.ref,
    submissionKey: record.submissionKey,
    settingId: record.settingId,
    status: record.status,
    claimantKey: record.claimantKey,
    firstResponseDue: record.firstResponseDue,
    submittedAt: record.submittedAt,
    doc: JSON.stringify(caseRecordSchema.parse(record)),
  });
  const writeEffects = (effects: CaseWriteEffects | undefined) => {
    for (const item of effects?.outbox ?? []) insertOutbox(item);
    for (const event of effects?.audit ?? []) insertAudit(event);
  };

  const create = db.transaction((record: CaseRecord, effects: CaseWriteEffects | undefined) => {
    const existing = bySubmissionKey.get(record.submissionKey);
    if (existing) return { case: toVersionedCase(existing), created: false };
    if (byRef.get(record.ref)) throw new StoreConflictError(`Case ${record.ref} already exists for another submission`);
    insertCase.run(caseParams(record));
    writeEffects(effects);
    return { case: { value: caseRecordSchema.parse(record), version: '1' }, created: true };
  });
  const update = db.transaction((record: CaseRecord, expectedVersion: string, effects: CaseWriteEffects | undefined) => {
    const expected = Number(expectedVersion);
    const result = updateCaseRow.run({ ...caseParams(record), expected: Number.isInteger(expected) ? expected : -1 });
    if (result.changes !== 1) throw new StoreConflictError(`Case ${record.ref} changed since version ${expectedVersion}`);
    writeEffects(effects);
    const row = byRef.get(record.ref);
    if (!row) throw new StoreConflictError(`Case ${record.ref} vanished during update`);
    return toVersionedCase(row);
  });
  const nextNumber = db.transaction((year: number) => {
    const row = bumpCounter.get(year);
    if (!row) throw new Error('Reference counter did not return a value');
    return row.last;
  });

  return {
    nextReferenceNumber: (year) => guarded(() => nextNumber.immediate(year)),
    createCase: (record, effects) => guarded(() => create.immediate(record, effects)),
    getCase: (ref) =>
      guarded(() => {
        const row = byRef.get(ref);
        return row ? toVersionedCase(row) : undefined;
      }),
    updateCase: (record, expectedVersion, effects) => guarded(() => update.immediate(record, expectedVersion, effects)),
    listCasesBySetting: (settingId, page) =>
      guarded(() => {
        const rows = db
          .prepare<[string, number, number], CaseRow>(
            'SELECT doc, version FROM cases WHERE setting_id = ? ORDER BY submitted_at DESC, ref DESC LIMIT ? OFFSET ?',
          )
          .all(settingId, page.limit, page.offset);
        const total = db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM cases WHERE setting_id = ?').get(settingId)?.n ?? 0;
        return { items: rows.map((row) => toVersionedCase(row).value), total };
      }),
    listCasesByStatus: (statuses, limit) =>
      guarded(() => {
        if (statuses.length === 0) return [];
        const marks = statuses.map(() => '?').join(', ');
        const rows = db
          .prepare<unknown[], CaseRow>(`SELECT doc, version FROM cases WHERE status IN (${marks}) ORDER BY submitted_at ASC, ref ASC LIMIT ?`)
          .all(...statuses, limit);
        return rows.map((row) => toVersionedCase(row).value);
      }),
    listCasesByClaimant: (claimantKey, statuses) =>
      guarded(() => {
        if (statuses.length === 0) return [];
        const marks = statuses.map(() => '?').join(', ');
        // NULL due dates sort first, as they do in Cosmos DB, so both adapters agree.
        const rows = db
          .prepare<unknown[], CaseRow>(
            `SELECT doc, version FROM cases WHERE claimant_key = ? AND status IN (${marks}) ORDER BY first_response_due ASC, ref ASC`,
          )
          .all(claimantKey, ...statuses);
        return rows.map((row) => toVersionedCase(row).value);
      }),
  };
}
