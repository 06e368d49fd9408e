import type { Database } from 'better-sqlite3';
import { StoreConflictError, type ConversationStore, type Draft, type DraftStore, type Versioned } from '../../ports/store';
import { conversationRecordSchema, draftSchema } from '../records';
import { guarded, parseJson } from './sqlite-database';

interface DraftRow {
  doc: string;
  version: number;
}

interface DraftParams {
  id: string;
  ownerKey: string;
  updatedAt: string;
  doc: string;
}

const toVersionedDraft = (row: DraftRow): Versioned<Draft> => ({ value: draftSchema.parse(parseJson(row.doc)), version: String(row.version) });

/** Drafts (optimistic versions) and conversation references, on SQLite. */
export function sqliteDraftAndConversationStore(db: Database): DraftStore & ConversationStore {
  const byId = db.prepare<[string], DraftRow>('SELECT doc, version FROM drafts WHERE id = ?');
  const insert = db.prepare<DraftParams, { version: number }>(
    'INSERT INTO drafts (id, owner_key, updated_at, doc, version) VALUES (@id, @ownerKey, @updatedAt, @doc, 1) ON CONFLICT (id) DO NOTHING RETURNING version',
  );
  const replace = db.prepare<DraftParams & { expected: number }, { version: number }>(
    'UPDATE drafts SET owner_key = @ownerKey, updated_at = @updatedAt, doc = @doc, version = version + 1 WHERE id = @id AND version = @expected RETURNING version',
  );
  // One statement writes the draft and gives its new version: the saved draft is the document
  // just written (checked by the schema before writing), so it is not read back and parsed again.
  const save = db.transaction((draft: Draft, expectedVersion: string | null): Versioned<Draft> => {
    const parsed = draftSchema.parse(draft);
    const doc = JSON.stringify(parsed);
    const params = { id: parsed.id, ownerKey: parsed.ownerKey, updatedAt: parsed.updatedAt, doc };
    let row: { version: number } | undefined;
    if (expectedVersion === null) {
      row = insert.get(params);
      if (!row) throw new StoreConflictError(`Draft ${draft.id} already exists`);
    } else {
      const expected = Number(expectedVersion);
      row = replace.get({ ...params, expected: Number.isInteger(expected) ? expected : -1 });
      if (!row) throw new StoreConflictError(`Draft ${draft.id} changed since version ${expectedVersion}`);
    }
    return { value: JSON.parse(doc) as Draft, version: String(row.version) };
  });
  const saveConversation = db.prepare('INSERT INTO conversations (key, doc) VALUES (@key, @doc) ON CONFLICT (key) DO UPDATE SET doc = excluded.doc');

  return {
    getDraft: (id) =>
      guarded(() => {
        const row = byId.get(id);
        return row ? toVersionedDraft(row) : undefined;
      }),
    listDrafts: (ownerKey) =>
      guarded(() =>
        db.prepare<[string], DraftRow>('SELECT doc, version FROM drafts WHERE owner_key = ? ORDER BY updated_at DESC, id').all(ownerKey).map(toVersionedDraft),
      ),
    saveDraft: (draft, expectedVersion) => guarded(() => save.immediate(draft, expectedVersion)),
    deleteDraft: (id) =>
      guarded(() => {
        db.prepare('DELETE FROM drafts WHERE id = ?').run(id);
      }),
    listDraftsUpdatedBefore: (instant, limit) =>
      guarded(() =>
        db
          .prepare<[string, number], DraftRow>('SELECT doc, version FROM drafts WHERE updated_at < ? ORDER BY updated_at, id LIMIT ?')
          .all(instant, limit)
          .map((row) => toVersionedDraft(row).value),
      ),
    saveConversation: (record) =>
      guarded(() => {
        const parsed = conversationRecordSchema.parse(record);
        saveConversation.run({ key: parsed.key, doc: JSON.stringify(parsed) });
      }),
    getConversation: (key) =>
      guarded(() => {
        const row = db.prepare<[string], { doc: string }>('SELECT doc FROM conversations WHERE key = ?').get(key);
        return row ? conversationRecordSchema.parse(parseJson(row.doc)) : undefined;
      }),
  };
}
