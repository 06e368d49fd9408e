import { StoreConflictError, StoreUnavailableError } from '../../ports/store';

/** The HTTP status of a Cosmos DB error, or undefined when the request never got an answer. */
export function cosmosStatus(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, statusCode } = error as { code?: unknown; statusCode?: unknown };
  if (typeof code === 'number') return code;
  if (typeof statusCode === 'number') return statusCode;
  return undefined;
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'TimeoutError']);

/** True when the failure means "the database could not be reached" rather than "the request was wrong". */
export function isUnavailable(error: unknown): boolean {
  const status = cosmosStatus(error);
  if (status !== undefined) return status === 408 || status === 429 || status === 503 || status >= 500;
  if (typeof error !== 'object' || error === null) return false;
  const { code, name } = error as { code?: unknown; name?: unknown };
  return (typeof code === 'string' && NETWORK_CODES.has(code)) || name === 'TimeoutError' || name === 'AbortError' || name === 'RestError';
}

/** Turns an SDK failure into the port's errors: 409/412 → conflict, unreachable → unavailable. */
export function toStoreError(error: unknown, what: string): unknown {
  if (error instanceof StoreConflictError || error instanceof StoreUnavailableError) return error;
  const status = cosmosStatus(error);
  if (status === 409 || status === 412) return new StoreConflictError(`${what}: the stored version has changed or the key is taken`);
  if (isUnavailable(error)) return new StoreUnavailableError(`${what}: Cosmos DB is not available`, { cause: error });
  return error;
}

/** Runs one store operation, mapping SDK failures to the port's errors. */
export async function cosmosCall<T>(what: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toStoreError(error, what);
  }
}
