import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { Database as SqliteDatabase } from 'better-sqlite3';
import { StoreConflictError, StoreUnavailableError } from '../../ports/store';
import { applyMigrations } from './migrations';

/** How long SQLite itself waits for a lock, blocking the event loop: kept short. */
const BLOCKING_BUSY_WAIT_MS = 20;
/** How long a call keeps trying while the database is locked before it is "unavailable". */
const BUSY_GIVE_UP_MS = 5_000;

/** Opens (creating if needed) the database file, sets WAL, busy timeout and foreign keys, and migrates it. */
export function openSqliteDatabase(path: string): SqliteDatabase {
  try {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    const db = new Database(path);
    if (path !== ':memory:') db.pragma('journal_mode = WAL');
    db.pragma(`busy_timeout = ${BLOCKING_BUSY_WAIT_MS}`);
    db.pragma('foreign_keys = ON');
    applyMigrations(db);
    return db;
  } catch (error) {
    throw new StoreUnavailableError(`Cannot open the SQLite database at ${path}`, { cause: error });
  }
}

/**
 * Throws unless the database can be read and a write could start now. `SELECT 1` alone touches no
 * file, so it passes while another process holds the write lock and every save fails; this takes
 * the write lock and lets it go at once.
 */
export function checkWritable(db: SqliteDatabase): void {
  db.exec('BEGIN IMMEDIATE');
  try {
    db.prepare('SELECT count(*) FROM sqlite_master').get();
  } finally {
    db.exec('ROLLBACK');
  }
}

const UNAVAILABLE_CODES = new Set(['SQLITE_BUSY', 'SQLITE_LOCKED', 'SQLITE_CANTOPEN', 'SQLITE_IOERR', 'SQLITE_FULL', 'SQLITE_READONLY']);

/**
 * Runs a synchronous database call: key clashes become StoreConflictError, file trouble
 * StoreUnavailableError. While another connection holds the write lock, the call is tried again
 * after short pauses off the event loop (other turns, /healthz and /readyz carry on) until
 * giveUpMs have passed. Trying again is safe: a busy call changed nothing (a transaction is
 * rolled back whole; a write transaction meets the lock at BEGIN IMMEDIATE, before any change).
 */
export async function guarded<T>(work: () => T, giveUpMs = BUSY_GIVE_UP_MS): Promise<T> {
  const startedAt = Date.now();
  for (let pauseMs = 5; ; pauseMs = Math.min(pauseMs * 2, 100)) {
    try {
      return work();
    } catch (error) {
      if (!isBusy(error) || Date.now() - startedAt >= giveUpMs) throw toStoreError(error);
    }
    await new Promise((resolve) => setTimeout(resolve, pauseMs));
  }
}

function isBusy(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}

function toStoreError(error: unknown): unknown {
  // Duck-typed, not instanceof: better-sqlite3's native part keeps the error class of the first
  // copy of the module loaded in the process (jest loads one per test file).
  if (typeof error !== 'object' || error === null) return error;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && /^SQLITE_CONSTRAINT_(PRIMARYKEY|UNIQUE)$/.test(code)) {
    return new StoreConflictError(`A record with that key already exists (${code})`);
  }
  const closed = /database connection is not open/i.test(String((error as { message?: unknown }).message));
  if (closed || (typeof code === 'string' && UNAVAILABLE_CODES.has(code.split('_').slice(0, 2).join('_')))) {
    return new StoreUnavailableError('The SQLite database is not available', { cause: error });
  }
  return error;
}

/** Parses a JSON column. */
export function parseJson(text: unknown): unknown {
  if (typeof text !== 'string') throw new Error('Expected a JSON text column');
  return JSON.parse(text) as unknown;
}
