import type { Container } from '@azure/cosmos';
import { StoreConflictError, type ConversationStore, type Draft, type DraftStore, type Versioned } from '../../ports/store';
import { conversationRecordSchema, draftSchema } from '../records';
import { safeId } from './cosmos-client';
import { deleteDoc, etagOf, queryAll, readDoc, toJsonObject } from './cosmos-docs';
import { cosmosCall, cosmosStatus } from './cosmos-errors';

const toVersionedDraft = (doc: unknown): Versioned<Draft> => ({ value: draftSchema.parse(doc), version: etagOf(doc) });

/** Drafts (partitioned by owner; ids from the Ids port) and conversation references, on Cosmos DB. */
export function cosmosDraftAndConversationStore(drafts: Container, conversations: Container): DraftStore & ConversationStore {
  const findDraft = async (id: string) => {
    const [doc] = await queryAll(drafts, 'SELECT * FROM c WHERE c.id = @id', [{ name: '@id', value: id }]);
    return doc;
  };

  return {
    getDraft: (id) =>
      cosmosCall(`read draft ${id}`, async () => {
        const doc = await findDraft(id);
        return doc === undefined ? undefined : toVersionedDraft(doc);
      }),
    listDrafts: (ownerKey) =>
      cosmosCall('list drafts', async () => {
        const docs = await queryAll(drafts, 'SELECT * FROM c WHERE c.ownerKey = @o ORDER BY c.updatedAt DESC, c.id ASC', [{ name: '@o', value: ownerKey }], ownerKey);
        return docs.map(toVersionedDraft);
      }),
    saveDraft: (draft, expectedVersion) =>
      cosmosCall(`save draft ${draft.id}`, async () => {
        const body = toJsonObject(draftSchema.parse(draft));
        try {
          const response =
            expectedVersion === null
              ? await drafts.items.create(body)
              : await drafts.item(draft.id, draft.ownerKey).replace(body, { accessCondition: { type: 'IfMatch', condition: expectedVersion } });
          return toVersionedDraft(response.resource);
        } catch (error) {
          if (cosmosStatus(error) === 404) throw new StoreConflictError(`Draft ${draft.id} no longer exists`);
          throw error;
        }
      }),
    deleteDraft: (id) =>
      cosmosCall(`delete draft ${id}`, async () => {
        const doc = await findDraft(id);
        if (doc !== undefined) await deleteDoc(drafts, id, draftSchema.parse(doc).ownerKey);
      }),
    listDraftsUpdatedBefore: (instant, limit) =>
      cosmosCall('list old drafts', async () => {
        if (limit <= 0) return [];
        const docs = await queryAll(drafts, 'SELECT TOP @n * FROM c WHERE c.updatedAt < @i ORDER BY c.updatedAt ASC, c.id ASC', [
          { name: '@n', value: limit },
          { name: '@i', value: instant },
        ]);
        return docs.map((doc) => draftSchema.parse(doc));
      }),
    saveConversation: (record) =>
      cosmosCall('save conversation', async () => {
        const parsed = conversationRecordSchema.parse(record);
        await conversations.items.upsert(toJsonObject({ ...parsed, id: safeId(parsed.key) }));
      }),
    getConversation: (key) =>
      cosmosCall('read conversation', async () => {
        const doc = await readDoc(conversations, safeId(key), safeId(key));
        return doc === undefined ? undefined : conversationRecordSchema.parse(doc);
      }),
  };
}
