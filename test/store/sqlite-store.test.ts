import { join } from 'node:path';
import Database from 'better-sqlite3';
import { applyMigrations, MIGRATIONS } from '../../src/store/sqlite/migrations';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store';
import { StoreConflictError, StoreUnavailableError } from '../../src/ports/store';
import { makeTempDir } from '../support/temp-dir';
import { aCase, anOutboxItem } from './mothers';
import { describeStoreContract } from './store-contract';

describeStoreContract('SQLite', async () => {
  const dir = await makeTempDir('frontdoor-sqlite-');
  const store = openSqliteStore(join(dir.path, 'nested', 'frontdoor.db'));
  return {
    store,
    cleanup: async () => {
      await store.close();
      await dir.remove();
    },
  };
});

describe('SQLite store on one file from two instances', () => {
  it('shares writes and never hands out the same reference number twice', async () => {
    const dir = await makeTempDir('frontdoor-sqlite-');
    const path = join(dir.path, 'shared.db');
    const one = openSqliteStore(path);
    const two = openSqliteStore(path);
    try {
      const record = aCase();
      await one.createCase(record);
      expect((await two.getCase(record.ref))?.value).toEqual(record);
      const duplicate = await two.createCase(aCase({ submissionKey: record.submissionKey }));
      expect(duplicate.created).toBe(false);

      const stream = (store: typeof one) => Promise.all(Array.from({ length: 25 }, () => store.nextReferenceNumber(2026)));
      const [a, b] = await Promise.all([stream(one), stream(two)]);
      const all = [...a, ...b].sort((x, y) => x - y);
      expect(all).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    } finally {
      await one.close();
      await two.close();
      await dir.remove();
    }
  });

  it('works in memory, and reports itself unavailable once closed', async () => {
    const store = openSqliteStore(':memory:');
    await store.ping();
    expect(await store.nextReferenceNumber(2026)).toBe(1);
    await store.close();
    await expect(store.ping()).rejects.toBeInstanceOf(StoreUnavailableError);
  });
});

describe('SQLite migrations', () => {
  it('applies each migration once and records it', async () => {
    const dir = await makeTempDir('frontdoor-sqlite-');
    const path = join(dir.path, 'migrated.db');
    try {
      const first = new Database(path);
      expect(applyMigrations(first)).toEqual(MIGRATIONS.map((m) => m.version));
      expect(applyMigrations(first)).toEqual([]);
      const extra = { version: 999, name: 'test column', sql: 'ALTER TABLE drafts ADD COLUMN note TEXT' };
      expect(applyMigrations(first, [...MIGRATIONS, extra])).toEqual([999]);
      const recorded = first.prepare('SELECT version FROM schema_migrations ORDER BY version').all();
      expect(recorded).toEqual([...MIGRATIONS.map((m) => ({ version: m.version })), { version: 999 }]);
      expect(first.pragma('journal_mode', { simple: true })).toBe('delete');
      first.close();

      const store = openSqliteStore(path);
      const draft = { id: 'draft-1', ownerKey: 'tenant:me', step: 'pupil', answers: {}, createdAt: '2026-03-01T00:00:00.000Z', updatedAt: '2026-03-01T00:00:00.000Z' };
      await store.saveDraft(draft, null);
      expect((await store.getDraft('draft-1'))?.value).toEqual(draft);
      await store.close();
      const reopened = new Database(path);
      expect(reopened.pragma('journal_mode', { simple: true })).toBe('wal');
      reopened.close();
    } finally {
      await dir.remove();
    }
  });

  it('rolls a failing migration back whole', async () => {
    const db = new Database(':memory:');
    const broken = { version: 900, name: 'broken', sql: 'CREATE TABLE half_done (id TEXT); CREATE TABLE nope (' };
    expect(() => applyMigrations(db, [...MIGRATIONS, broken])).toThrow();
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'half_done'").get()).toBeUndefined();
    expect(db.prepare('SELECT version FROM schema_migrations').all()).toEqual(MIGRATIONS.map((m) => ({ version: m.version })));
    db.close();
  });
});

describe('SQLite key clashes', () => {
  it('reports a repeated outbox id as a conflict and writes nothing of that batch', async () => {
    const store = openSqliteStore(':memory:');
    try {
      const item = anOutboxItem();
      await store.enqueue([item]);
      await expect(store.enqueue([anOutboxItem(), item])).rejects.toBeInstanceOf(StoreConflictError);
      expect(await store.listOutbox('pending', 10)).toEqual([item]);
    } finally {
      await store.close();
    }
  });
});
