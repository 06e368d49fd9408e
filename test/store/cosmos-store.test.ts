import { randomUUID } from 'node:crypto';
import { createCosmosClient, safeId, type CosmosConfig } from '../../src/store/cosmos/cosmos-client';
import { COSMOS_CONTAINERS } from '../../src/store/cosmos/containers';
import { openCosmosStore } from '../../src/store/cosmos/cosmos-store';
import { openStore } from '../../src/store/open-store';
import { StoreConflictError, StoreUnavailableError } from '../../src/ports/store';
import { startCosmosServer, testServerConfig } from '../support/cosmos-server';
import { aCase } from './mothers';
import { describeStoreContract } from './store-contract';

let server: { endpoint: string; close(): Promise<void> };

beforeAll(async () => {
  server = await startCosmosServer();
});
afterAll(async () => {
  await server.close();
});

/** A config for a database on the test server. */
const configFor = (database: string, createIfMissing = true): CosmosConfig => testServerConfig(server.endpoint, database, createIfMissing);

describeStoreContract('Cosmos DB', async () => {
  const store = await openStore(configFor(`contract-${randomUUID()}`));
  return { store, cleanup: () => store.close() };
});

describe('Cosmos DB store setup', () => {
  it('opens an existing database without creating anything when createIfMissing is false', async () => {
    const database = `existing-${randomUUID()}`;
    const creator = await openCosmosStore(configFor(database));
    const record = aCase();
    await creator.createCase(record);
    await creator.close();

    const reader = await openCosmosStore(configFor(database, false));
    expect((await reader.getCase(record.ref))?.value).toEqual(record);
    await reader.close();
  });

  it('refuses to open a missing database when it may not create it', async () => {
    await expect(openCosmosStore(configFor(`missing-${randomUUID()}`, false))).rejects.toThrow(/does not exist/);
  });

  it('reports StoreUnavailableError when nothing answers', async () => {
    const down = await startCosmosServer();
    const config = { ...configFor(`down-${randomUUID()}`), endpoint: down.endpoint };
    const store = await openCosmosStore(config);
    await down.close();
    await expect(store.ping()).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(store.getCase('FD-2026-00001')).rejects.toBeInstanceOf(StoreUnavailableError);
    await store.close();
  });
});

describe('Cosmos DB submission markers', () => {
  it('answers a duplicate in flight with a conflict, and takes over a marker left by a creator that died', async () => {
    const config = configFor(`markers-${randomUUID()}`);
    const store = await openCosmosStore(config);
    const client = createCosmosClient(config);
    try {
      const cases = client.database(config.database).container(COSMOS_CONTAINERS.cases.name);
      const key = 'tenant:requester-1/draft-9';
      // A creator wrote its marker for FD-2026-00500 at 09:00 and never wrote the case.
      await cases.items.create({ id: safeId(key), pk: `submission:${key}`, type: 'submission', ref: 'FD-2026-00500', submittedAt: '2026-03-02T09:00:00.000Z' });

      const soon = aCase({ submissionKey: key, submittedAt: '2026-03-02T09:00:20.000Z' });
      await expect(store.createCase(soon)).rejects.toBeInstanceOf(StoreConflictError);
      expect(await store.getCase(soon.ref)).toBeUndefined();

      const later = aCase({ submissionKey: key, submittedAt: '2026-03-02T09:05:00.000Z' });
      const taken = await store.createCase(later);
      expect(taken.created).toBe(true);
      const again = await store.createCase(aCase({ submissionKey: key, submittedAt: '2026-03-02T09:30:00.000Z' }));
      expect(again).toEqual({ case: taken.case, created: false });
    } finally {
      client.dispose();
      await store.close();
    }
  });
});
