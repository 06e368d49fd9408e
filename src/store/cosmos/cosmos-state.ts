import type { Container } from '@azure/cosmos';
import { z } from 'zod';
import { StoreConflictError, type AccessRequest, type AccessRequestStore, type CaseWriteEffects, type StateStore, type Versioned } from '../../ports/store';
import { accessRequestSchema, decidedAccessRequest, mergeAccessRequest, startsPendingRequest, stateValueSchema } from '../records';
import { auditDoc, outboxDoc } from './cosmos-outbox';
import { safeId } from './cosmos-client';
import { deleteDoc, etagOf, queryAll, readDoc, toJsonObject } from './cosmos-docs';
import { cosmosCall, cosmosStatus } from './cosmos-errors';

const stateDocSchema = z.object({ value: stateValueSchema, _etag: z.string() });
const MAX_UPSERT_ATTEMPTS = 5;

/** Turn state (ETag-versioned key-value) and access requests (their effects in the cases container), on Cosmos DB. Keys are escaped into ids. */
export function cosmosStateAndAccessStore(state: Container, accessRequests: Container, cases: Container): StateStore & AccessRequestStore {
  const idOf = (userKey: string) => safeId(userKey);
  /** Creates (no doc read) or replaces (the doc read, by ETag) the request; false when someone wrote first. */
  const writeIfUnchanged = async (request: AccessRequest, doc: unknown): Promise<boolean> => {
    const id = idOf(request.userKey);
    const body = toJsonObject({ ...request, id });
    try {
      if (doc === undefined) await accessRequests.items.create(body);
      else await accessRequests.item(id, id).replace(body, { accessCondition: { type: 'IfMatch', condition: etagOf(doc) } });
      return true;
    } catch (error) {
      const status = cosmosStatus(error);
      if (status === 409 || status === 412) return false;
      throw error;
    }
  };
  /**
   * Access requests live in their own container, so their effects cannot join the write's batch:
   * each is created once (an item already there is left as it is), just before a new request's
   * write (so the admins are told even if the process stops in between; the person's retry finds
   * the request pending and queues nothing more) and just after a decision's (only the winner's).
   */
  const writeEffects = async (effects: CaseWriteEffects | undefined): Promise<void> => {
    const docs = [...(effects?.outbox ?? []).map(outboxDoc), ...(effects?.audit ?? []).map(auditDoc)];
    for (const doc of docs) {
      try {
        await cases.items.create(doc);
      } catch (error) {
        if (cosmosStatus(error) !== 409) throw error;
      }
    }
  };
  return {
    readState: (keys) =>
      cosmosCall('read state', async () => {
        const found: Record<string, Versioned<Record<string, unknown>>> = {};
        const docs = await Promise.all(keys.map((key) => readDoc(state, safeId(key), safeId(key))));
        keys.forEach((key, i) => {
          const doc = docs[i];
          if (doc === undefined) return;
          const parsed = stateDocSchema.parse(doc);
          found[key] = { value: parsed.value, version: parsed._etag };
        });
        return found;
      }),
    writeState: (key, value, expectedVersion) =>
      cosmosCall(`write state ${key}`, async () => {
        const id = safeId(key);
        const body = toJsonObject({ id, key, value: stateValueSchema.parse(value) });
        if (expectedVersion === undefined || expectedVersion === '*') return etagOf((await state.items.upsert(body)).resource);
        // A create of an id that exists is a 409, which cosmosCall turns into StoreConflictError.
        if (expectedVersion === null) return etagOf((await state.items.create(body)).resource);
        try {
          const response = await state.item(id, id).replace(body, { accessCondition: { type: 'IfMatch', condition: expectedVersion } });
          return etagOf(response.resource);
        } catch (error) {
          if (cosmosStatus(error) === 404) throw new StoreConflictError(`State ${key} does not exist at version ${expectedVersion}`);
          throw error;
        }
      }),
    deleteState: (keys) =>
      cosmosCall('delete state', async () => {
        await Promise.all(keys.map((key) => deleteDoc(state, safeId(key), safeId(key))));
      }),
    upsertAccessRequest: (request, effects) =>
      cosmosCall('save access request', async () => {
        // Read, merge, then write only if nobody else wrote in between; a lost race reads again.
        for (let attempt = 1; attempt <= MAX_UPSERT_ATTEMPTS; attempt += 1) {
          const doc = await readDoc(accessRequests, idOf(request.userKey), idOf(request.userKey));
          const existing = doc === undefined ? undefined : accessRequestSchema.parse(doc);
          const merged = accessRequestSchema.parse(mergeAccessRequest(existing, request));
          if (startsPendingRequest(existing, merged)) await writeEffects(effects);
          if (await writeIfUnchanged(merged, doc)) return merged;
        }
        throw new StoreConflictError(`Access request for ${request.userKey} keeps changing`);
      }),
    decideAccessRequest: (userKey, outcome, effects) =>
      cosmosCall('decide access request', async () => {
        for (let attempt = 1; attempt <= MAX_UPSERT_ATTEMPTS; attempt += 1) {
          const doc = await readDoc(accessRequests, idOf(userKey), idOf(userKey));
          const existing = doc === undefined ? undefined : accessRequestSchema.parse(doc);
          const decided = decidedAccessRequest(existing, outcome);
          if (decided === undefined) return { decided: false, request: existing };
          if (await writeIfUnchanged(accessRequestSchema.parse(decided), doc)) {
            await writeEffects(effects);
            return { decided: true, request: accessRequestSchema.parse(decided) };
          }
        }
        throw new StoreConflictError(`Access request for ${userKey} keeps changing`);
      }),
    listAccessRequests: (status) =>
      cosmosCall('list access requests', async () => {
        const docs = await queryAll(accessRequests, 'SELECT * FROM c WHERE c.status = @s ORDER BY c.requestedAt ASC, c.userKey ASC', [{ name: '@s', value: status }]);
        return docs.map((doc) => accessRequestSchema.parse(doc));
      }),
  };
}
