import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { Database as SqliteDatabase } from 'better-sqlite3';
import { StoreConflictError, StoreUnavailableError } from '../../ports/store';
import { applyMigrations } from './migrations';

/** Opens (creating if needed) the database file, sets WAL, busy timeout and foreign keys, and migrates it. */
export function openSqliteDatabase(path: string): SqliteDatabase {
  try {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    const db = new Database(path);
    if (path !== ':memory:') db.pragma('journal_mode = WAL');
    db.pragma('busy_timeout = 5000');
    db.pragma('foreign_keys = ON');
    applyMigrations(db);
    return db;
  } catch (error) {
    throw new StoreUnavailableError(`Cannot open the SQLite database at ${path}`, { cause: error });
  }
}

/** How long a readiness check waits for another connection's write lock before calling the database unavailable. */
const PING_BUSY_TIMEOUT_MS = 250;

/**
 * Throws unless the database can be read and a write could start now. `SELECT 1` alone touches no
 * file, so it passes while another process holds the write lock and every save fails; this takes
 * the write lock (waiting briefly, not the full busy timeout) and lets it go at once.
 */
export function checkWritable(db: SqliteDatabase): void {
  const busyTimeout = Number(db.pragma('busy_timeout', { simple: true }));
  db.pragma(`busy_timeout = ${PING_BUSY_TIMEOUT_MS}`);
  try {
    db.exec('BEGIN IMMEDIATE');
    try {
      db.prepare('SELECT count(*) FROM sqlite_master').get();
    } finally {
      db.exec('ROLLBACK');
    }
  } finally {
    db.pragma(`busy_timeout = ${busyTimeout}`);
  }
}

const UNAVAILABLE_CODES = new Set(['SQLITE_BUSY', 'SQLITE_LOCKED', 'SQLITE_CANTOPEN', 'SQLITE_IOERR', 'SQLITE_FULL', 'SQLITE_READONLY']);

/** Runs a synchronous database call: key clashes become StoreConflictError, file trouble StoreUnavailableError. */
export function guarded<T>(work: () => T): Promise<T> {
  try {
    return Promise.resolve(work());
  } catch (error) {
    return Promise.reject(toStoreError(error));
  }
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
