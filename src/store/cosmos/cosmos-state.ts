import type { Container } from '@azure/cosmos';
import { z } from 'zod';
import { StoreConflictError, type AccessRequestStore, type StateStore, type Versioned } from '../../ports/store';
import { accessRequestSchema, mergeAccessRequest, stateValueSchema } from '../records';
import { safeId } from './cosmos-client';
import { deleteDoc, etagOf, queryAll, readDoc, toJsonObject } from './cosmos-docs';
import { cosmosCall, cosmosStatus } from './cosmos-errors';

const stateDocSchema = z.object({ value: stateValueSchema, _etag: z.string() });
const MAX_UPSERT_ATTEMPTS = 5;

/** Turn state (ETag-versioned key-value) and access requests, on Cosmos DB. Keys are escaped into ids. */
export function cosmosStateAndAccessStore(state: Container, accessRequests: Container): StateStore & AccessRequestStore {
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
    upsertAccessRequest: (request) =>
      cosmosCall('save access request', async () => {
        const id = safeId(request.userKey);
        // Read, merge, then write only if nobody else wrote in between; a lost race reads again.
        for (let attempt = 1; attempt <= MAX_UPSERT_ATTEMPTS; attempt += 1) {
          const doc = await readDoc(accessRequests, id, id);
          const merged = accessRequestSchema.parse(mergeAccessRequest(doc === undefined ? undefined : accessRequestSchema.parse(doc), request));
          const body = toJsonObject({ ...merged, id });
          try {
            if (doc === undefined) await accessRequests.items.create(body);
            else await accessRequests.item(id, id).replace(body, { accessCondition: { type: 'IfMatch', condition: etagOf(doc) } });
            return merged;
          } catch (error) {
            const status = cosmosStatus(error);
            if (status !== 409 && status !== 412) throw error;
          }
        }
        throw new StoreConflictError(`Access request for ${request.userKey} keeps changing`);
      }),
    listAccessRequests: (status) =>
      cosmosCall('list access requests', async () => {
        const docs = await queryAll(accessRequests, 'SELECT * FROM c WHERE c.status = @s ORDER BY c.requestedAt ASC, c.userKey ASC', [{ name: '@s', value: status }]);
        return docs.map((doc) => accessRequestSchema.parse(doc));
      }),
  };
}
