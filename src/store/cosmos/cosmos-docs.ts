import type { Container, JSONObject, OperationInput, PartitionKey, SqlParameter } from '@azure/cosmos';
import { z } from 'zod';
import { StoreConflictError } from '../../ports/store';
import { cosmosStatus } from './cosmos-errors';

/** A plain JSON copy of a value, typed as the SDK wants documents. */
export function toJsonObject(value: object): JSONObject {
  return JSON.parse(JSON.stringify(value)) as JSONObject;
}

const etagSchema = z.object({ _etag: z.string().min(1) });

/** The ETag of a document read back from Cosmos DB. */
export function etagOf(doc: unknown): string {
  return etagSchema.parse(doc)._etag;
}

/** Runs a parameterised query (cross-partition unless a partition key is given) and returns every row. */
export async function queryAll(container: Container, query: string, parameters: SqlParameter[], partitionKey?: PartitionKey): Promise<unknown[]> {
  const iterator = container.items.query<unknown>({ query, parameters }, partitionKey === undefined ? {} : { partitionKey });
  const { resources } = await iterator.fetchAll();
  return resources;
}

/** Reads one document, or undefined when it does not exist. */
export async function readDoc(container: Container, id: string, partitionKey: PartitionKey): Promise<unknown> {
  try {
    const { resource, statusCode } = await container.item(id, partitionKey).read<JSONObject>();
    return statusCode === 404 ? undefined : resource;
  } catch (error) {
    if (cosmosStatus(error) === 404) return undefined;
    throw error;
  }
}

/** Deletes one document; a document already gone is fine. */
export async function deleteDoc(container: Container, id: string, partitionKey: PartitionKey): Promise<void> {
  try {
    await container.item(id, partitionKey).delete();
  } catch (error) {
    if (cosmosStatus(error) !== 404) throw error;
  }
}

/**
 * Runs a TransactionalBatch and returns the ETag of each operation, or throws for the first failure
 * (409/412/404 → StoreConflictError). Put the operation that may fail FIRST: real Cosmos DB rolls the
 * whole batch back, but @vercel/cosmosdb-server applies operations one by one and only skips those
 * after a failure, so a failing first operation is the only order that is atomic on both.
 */
export async function runBatch(container: Container, partitionKey: string, operations: OperationInput[], what: string): Promise<(string | undefined)[]> {
  // Each operation names its partition too: the test server reads it per operation for Replace/Delete.
  const response = await container.items.batch(
    operations.map((op) => ({ ...op, partitionKey })),
    partitionKey,
  );
  const results = response.result ?? [];
  const failed = results.find((r) => r.statusCode >= 400 && r.statusCode !== 424);
  if (failed || results.length !== operations.length) {
    const status = failed?.statusCode ?? response.code;
    if (status === 409 || status === 412 || status === 404) throw new StoreConflictError(`${what}: the stored version has changed or the key is taken`);
    throw Object.assign(new Error(`${what}: batch failed with status ${String(status)}`), { code: status });
  }
  return results.map((r) => r.eTag);
}
