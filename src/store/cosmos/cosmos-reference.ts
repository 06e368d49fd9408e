import { randomUUID } from 'node:crypto';
import type { Container, OperationInput } from '@azure/cosmos';
import { z } from 'zod';
import type { ReferenceStore } from '../../ports/store';
import { referenceItemSchema } from '../records';
import { safeId } from './cosmos-client';
import { queryAll, readDoc, runBatch, toJsonObject } from './cosmos-docs';
import { cosmosCall, cosmosStatus } from './cosmos-errors';

/**
 * Reference data, one partition per kind. A batch holds at most 100 operations, so a kind is
 * replaced by generations: the new items are written under a fresh generation id, then the
 * kind's pointer document is switched to it (IfMatch; one write, so readers see old or new, never
 * a mix), then the previous generation is deleted. A writer that loses the pointer race removes
 * its own generation. Items are kept whole under `item`, so their fields never clash with ours.
 */
const POINTER_ID = 'current-generation';
const CHUNK = 50;
const pointerSchema = z.object({ generation: z.string(), _etag: z.string() });
const itemDocSchema = z.object({ itemId: z.string(), item: referenceItemSchema });

const itemDocId = (generation: string, id: string) => `${generation}.${safeId(id)}`;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/** Reference data on Cosmos DB. */
export function cosmosReferenceStore(reference: Container): ReferenceStore {
  const readPointer = async (kind: string) => {
    const doc = await readDoc(reference, POINTER_ID, kind);
    return doc === undefined ? undefined : pointerSchema.parse(doc);
  };
  const deleteGeneration = async (kind: string, generation: string) => {
    const ids = z.array(z.string()).parse(await queryAll(reference, "SELECT VALUE c.id FROM c WHERE c.type = 'item' AND c.generation = @g", [{ name: '@g', value: generation }], kind));
    for (const group of chunks(ids)) {
      await runBatch(reference, kind, group.map((id): OperationInput => ({ operationType: 'Delete', id })), `delete ${kind} generation`);
    }
  };

  async function replace(kind: string, items: ReadonlyArray<{ id: string } & Record<string, unknown>>) {
    const previous = await readPointer(kind);
    const generation = randomUUID();
    for (const group of chunks(items)) {
      const operations = group.map((item): OperationInput => {
        const parsed = referenceItemSchema.parse(item);
        return { operationType: 'Create', resourceBody: toJsonObject({ id: itemDocId(generation, parsed.id), kind, type: 'item', generation, itemId: parsed.id, item: parsed }) };
      });
      await runBatch(reference, kind, operations, `write ${kind} reference data`);
    }
    const pointer = toJsonObject({ id: POINTER_ID, kind, type: 'pointer', generation });
    try {
      if (previous) await reference.item(POINTER_ID, kind).replace(pointer, { accessCondition: { type: 'IfMatch', condition: previous._etag } });
      else await reference.items.create(pointer);
    } catch (error) {
      const status = cosmosStatus(error);
      if (status !== 409 && status !== 412) throw error;
      await deleteGeneration(kind, generation);
      return;
    }
    if (previous) await deleteGeneration(kind, previous.generation);
  }

  return {
    replaceReference: (kind, items) => cosmosCall(`replace ${kind} reference data`, () => replace(kind, items)),
    getReference: (kind, id) =>
      cosmosCall(`read ${kind} reference data`, async () => {
        const pointer = await readPointer(kind);
        if (!pointer) return undefined;
        const doc = await readDoc(reference, itemDocId(pointer.generation, id), kind);
        return doc === undefined ? undefined : itemDocSchema.parse(doc).item;
      }),
    listReference: (kind) =>
      cosmosCall(`list ${kind} reference data`, async () => {
        const pointer = await readPointer(kind);
        if (!pointer) return [];
        const docs = await queryAll(reference, "SELECT * FROM c WHERE c.type = 'item' AND c.generation = @g", [{ name: '@g', value: pointer.generation }], kind);
        return docs
          .map((doc) => itemDocSchema.parse(doc))
          .sort((a, b) => (a.itemId < b.itemId ? -1 : a.itemId > b.itemId ? 1 : 0))
          .map((doc) => doc.item);
      }),
  };
}
