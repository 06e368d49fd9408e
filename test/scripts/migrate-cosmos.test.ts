import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { migrateSqliteToCosmos } from '../../scripts/migrate-cosmos';
import { CASE_STATUSES } from '../../src/domain/case-record';
import type { Store } from '../../src/ports/store';
import { connectCosmos, type CosmosConfig } from '../../src/store/cosmos/cosmos-client';
import { readDoc } from '../../src/store/cosmos/cosmos-docs';
import { openCosmosStore } from '../../src/store/cosmos/cosmos-store';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store';
import { startCosmosServer, testServerConfig } from '../support/cosmos-server';
import { makeTempDir } from '../support/temp-dir';
import { aCase, aDraft, anAccessRequest, anAuditEvent, anOutboxItem } from '../store/mothers';

let server: { endpoint: string; close(): Promise<void> };
let temp: { path: string; remove(): Promise<void> };
beforeAll(async () => {
  server = await startCosmosServer();
  temp = await makeTempDir('frontdoor-migrate-');
});
afterAll(async () => {
  await server.close();
  await temp.remove();
});

const cosmosConfig = (): CosmosConfig => testServerConfig(server.endpoint, `migrate-${randomUUID()}`);

/** A SQLite trial with some of everything, written through the port. */
async function fillTrial(store: Store) {
  const claimed = aCase({ status: 'claimed', claimantKey: 'tenant:duty-1', updatedAt: '2026-03-03T10:00:00.000Z' });
  const submitted = aCase();
  const audit = anAuditEvent({ caseRef: claimed.ref, action: 'case.claimed' });
  const outbox = anOutboxItem({ caseRef: claimed.ref });
  await store.createCase(claimed, { audit: [audit], outbox: [outbox] });
  await store.createCase(submitted);
  await store.appendAudit(anAuditEvent());
  await store.enqueue([anOutboxItem({ status: 'delivered', attempts: 1 })]);
  await store.saveDraft(aDraft(), null);
  await store.saveDraft(aDraft({ ownerKey: 'tenant:requester-2' }), null);
  await store.saveConversation({ key: '19:duty/channel?x#y', reference: { conversation: { id: '19:duty' } }, updatedAt: '2026-03-01T09:00:00.000Z' });
  await store.writeState('msteams/conv-1/conversation', { step: 'need' });
  await store.upsertAccessRequest(anAccessRequest());
  await store.upsertAccessRequest(anAccessRequest({ status: 'approved' }));
  await store.replaceReference('settings', [{ id: '100001', name: 'Oak Primary' }, { id: '100002', name: 'Elm Academy' }]);
  await store.replaceReference('services', [{ id: 'ep', name: 'Educational Psychology' }]);
  await store.nextReferenceNumber(2026);
  await store.nextReferenceNumber(2026);
  await store.nextReferenceNumber(2026);
  return { claimed, submitted, audit };
}

/** Everything a store holds that the port can list, for comparing two stores. */
async function snapshot(store: Store, refs: string[], draftOwners: string[]) {
  return {
    cases: await Promise.all(refs.map(async (ref) => (await store.getCase(ref))?.value)),
    byStatus: await store.listCasesByStatus(CASE_STATUSES, 100),
    audit: await Promise.all(refs.map((ref) => store.listAudit(ref))),
    outbox: [...(await store.listOutbox('pending', 100)), ...(await store.listOutbox('delivered', 100))],
    drafts: (await Promise.all(draftOwners.map((o) => store.listDrafts(o)))).flat().map((d) => d.value),
    conversation: await store.getConversation('19:duty/channel?x#y'),
    state: Object.values(await store.readState(['msteams/conv-1/conversation'])).map((v) => v.value),
    access: [...(await store.listAccessRequests('pending')), ...(await store.listAccessRequests('approved'))],
    settings: await store.listReference('settings'),
    services: await store.listReference('services'),
  };
}

describe('npm run migrate:cosmos', () => {
  it('moves every record into Cosmos DB, and a second run changes nothing', async () => {
    const path = join(temp.path, `trial-${randomUUID()}.db`);
    const sqlite = openSqliteStore(path);
    const { claimed, submitted } = await fillTrial(sqlite);
    const refs = [claimed.ref, submitted.ref];
    const owners = ['tenant:requester-1', 'tenant:requester-2'];
    const expected = await snapshot(sqlite, refs, owners);
    await sqlite.close();

    const config = cosmosConfig();
    const first = await migrateSqliteToCosmos(path, config);
    expect(first).toEqual({
      cases: { copied: 2, updated: 0, unchanged: 0 },
      audit: { copied: 2, updated: 0, unchanged: 0 },
      outbox: { copied: 2, updated: 0, unchanged: 0 },
      drafts: { copied: 2, updated: 0, unchanged: 0 },
      conversations: { copied: 1, updated: 0, unchanged: 0 },
      state: { copied: 1, updated: 0, unchanged: 0 },
      accessRequests: { copied: 2, updated: 0, unchanged: 0 },
      'reference:services': { copied: 1, updated: 0, unchanged: 0 },
      'reference:settings': { copied: 1, updated: 0, unchanged: 0 },
      counters: { copied: 1, updated: 0, unchanged: 0 },
    });

    const cosmos = await openCosmosStore({ ...config, createIfMissing: false });
    try {
      expect(await snapshot(cosmos, refs, owners)).toEqual(expected);
      // The next reference number continues the trial's sequence instead of reusing FD-2026-00001.
      expect(await cosmos.nextReferenceNumber(2026)).toBe(4);

      const versionsBefore = await Promise.all(refs.map(async (ref) => (await cosmos.getCase(ref))?.version));
      const second = await migrateSqliteToCosmos(path, config);
      for (const outcome of Object.values(second)) expect(outcome).toMatchObject({ copied: 0, updated: 0 });
      expect(Object.keys(second).sort()).toEqual(Object.keys(first).sort());
      expect(await snapshot(cosmos, refs, owners)).toEqual(expected);
      expect(await Promise.all(refs.map(async (ref) => (await cosmos.getCase(ref))?.version))).toEqual(versionsBefore);
      expect(await cosmos.nextReferenceNumber(2026)).toBe(5);
    } finally {
      await cosmos.close();
    }
  });

  it('keeps what moved on in Cosmos DB, and brings across what moved on in SQLite', async () => {
    const path = join(temp.path, `trial-${randomUUID()}.db`);
    const sqlite = openSqliteStore(path);
    const { claimed, submitted } = await fillTrial(sqlite);
    const config = cosmosConfig();
    await migrateSqliteToCosmos(path, config);

    // After the first run the trial kept going a little (a case was advised) ...
    const inSqlite = await sqlite.getCase(submitted.ref);
    if (!inSqlite) throw new Error('case missing');
    await sqlite.updateCase({ ...inSqlite.value, status: 'claimed', claimantKey: 'tenant:duty-2', updatedAt: '2026-03-04T09:00:00.000Z' }, inSqlite.version);
    await sqlite.close();
    // ... while Cosmos DB already had a later change to another case and delivered the pending outbox item.
    const cosmos = await openCosmosStore({ ...config, createIfMissing: false });
    const handles = await connectCosmos({ ...config, createIfMissing: false });
    try {
      const inCosmos = await cosmos.getCase(claimed.ref);
      if (!inCosmos) throw new Error('case missing');
      await cosmos.updateCase({ ...inCosmos.value, status: 'advised', updatedAt: '2026-03-05T09:00:00.000Z' }, inCosmos.version);
      const [leased] = await cosmos.leaseDue('2026-03-05T09:00:00.000Z', 'instance-a', '2026-03-05T09:01:00.000Z', 10);
      if (!leased) throw new Error('nothing to lease');
      await cosmos.completeAttempt(leased, 'instance-a', { status: 'delivered' });

      const report = await migrateSqliteToCosmos(path, config);
      expect(report.cases).toEqual({ copied: 0, updated: 1, unchanged: 1 });
      expect(report.outbox).toEqual({ copied: 0, updated: 0, unchanged: 2 });
      expect((await cosmos.getCase(submitted.ref))?.value).toMatchObject({ status: 'claimed', claimantKey: 'tenant:duty-2' });
      expect((await cosmos.getCase(claimed.ref))?.value.status).toBe('advised');
      expect(await cosmos.listOutbox('pending', 10)).toEqual([]);
      expect(await readDoc(handles.containers.counters, 'reference-2026', 'reference-2026')).toMatchObject({ last: 3 });
    } finally {
      handles.client.dispose();
      await cosmos.close();
    }
  });

  it('refuses a file that is not there instead of creating an empty one', async () => {
    const missing = join(temp.path, 'missing.db');
    await expect(migrateSqliteToCosmos(missing, cosmosConfig())).rejects.toThrow(/Cannot open the SQLite file .*missing\.db/);
    expect(existsSync(missing)).toBe(false);
  });
});
