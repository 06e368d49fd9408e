import { z } from 'zod';
import { StoreConflictError, type StateStore } from '../../ports/store';

/** The state key of the deadline sweep's lease. */
export const DEADLINE_LEASE_KEY = 'lease/deadline-sweep';

const FREE = { owner: '', expiresAt: new Date(0).toISOString() };
const leaseSchema = z.object({ owner: z.string(), expiresAt: z.string().datetime({ offset: true }) });

/** A lease held by this process: who, until when, and the version it was written at. */
export interface Lease {
  key: string;
  owner: string;
  takenAt: number;
  expiresAt: number;
  version: string;
}

/** Writes the lease at `version` (null: only if there is none yet); undefined when someone else wrote first. */
async function writeLease(store: StateStore, key: string, owner: string, now: Date, ttlMs: number, version: string | null): Promise<Lease | undefined> {
  const expiresAt = now.getTime() + ttlMs;
  try {
    const written = await store.writeState(key, { owner, expiresAt: new Date(expiresAt).toISOString() }, version);
    return { key, owner, takenAt: now.getTime(), expiresAt, version: written };
  } catch (err) {
    if (err instanceof StoreConflictError) return undefined;
    throw err;
  }
}

/**
 * Takes the lease for `owner` until now + ttlMs when it is free, expired or already the owner's;
 * undefined when someone else holds it or takes it first. Taken with optimistic concurrency (the
 * very first take is a create-only write), so of two processes racing for it exactly one wins.
 */
export async function takeLease(store: StateStore, key: string, owner: string, now: Date, ttlMs: number): Promise<Lease | undefined> {
  const found = (await store.readState([key]))[key];
  const current = found ? leaseSchema.safeParse(found.value) : undefined;
  if (current?.success && current.data.owner !== '' && current.data.owner !== owner && Date.parse(current.data.expiresAt) > now.getTime()) return undefined;
  return writeLease(store, key, owner, now, ttlMs, found?.version ?? null);
}

/** Extends a lease this process holds; undefined when it was lost (expired and taken over). */
export function renewLease(store: StateStore, lease: Lease, now: Date, ttlMs: number): Promise<Lease | undefined> {
  return writeLease(store, lease.key, lease.owner, now, ttlMs, lease.version);
}

/** Gives the lease up so another process may sweep at once; nothing happens if it was already lost. */
export async function releaseLease(store: StateStore, lease: Lease): Promise<void> {
  try {
    await store.writeState(lease.key, FREE, lease.version);
  } catch (err) {
    if (!(err instanceof StoreConflictError)) throw err;
  }
}
