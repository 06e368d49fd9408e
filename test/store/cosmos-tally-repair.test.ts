import { randomUUID } from 'node:crypto';
import { connectCosmos, type CosmosHandles } from '../../src/store/cosmos/cosmos-client';
import { cosmosReportingStore } from '../../src/store/cosmos/cosmos-reporting';
import { cosmosStoreOn } from '../../src/store/cosmos/cosmos-store';
import { repairTallies } from '../../src/store/cosmos/cosmos-tally-repair';
import { tallyEntry } from '../../src/store/cosmos/cosmos-tallies';
import { startCosmosServer } from '../support/cosmos-server';
import { aCase } from './mothers';

let server: { endpoint: string; close(): Promise<void> };
let handles: CosmosHandles;
beforeAll(async () => {
  server = await startCosmosServer();
  handles = await connectCosmos({
    kind: 'cosmos',
    endpoint: server.endpoint,
    database: `repair-${randomUUID()}`,
    key: 'test-server-key',
    managedIdentityClientId: undefined,
    createIfMissing: true,
    tlsInsecure: true,
  });
});
afterAll(async () => {
  handles.client.dispose();
  await server.close();
});

const YEAR = { from: '2025-08-31T23:00:00.000Z', to: '2026-08-31T23:00:00.000Z' };

describe('repairing Cosmos DB insight tallies', () => {
  it('puts back entries a failed tally write left missing or stale, so the insight figures match the cases again', async () => {
    const store = cosmosStoreOn(handles);
    const reporting = cosmosReportingStore(handles.containers.cases, handles.containers.counters);
    const records = Array.from({ length: 23 }, (_, i) => aCase({ submittedAt: `2026-0${1 + (i % 3)}-1${i % 10}T10:00:00.000Z`, primaryNeed: i % 2 === 0 ? 'ASD' : 'SEMH' }));
    for (const record of records) await store.createCase(record);
    const claimed = records[3]!;
    const stored = await store.getCase(claimed.ref);
    await store.updateCase({ ...claimed, status: 'claimed', claimantKey: 'tenant:duty-1' }, stored!.version);
    const truth = await reporting.tallyCases(YEAR);

    // What failed tally writes leave behind: a whole month missing, an entry missing, an entry stale.
    const tally = (month: string) => handles.containers.counters.item(`tally-${month}`, `tally-${month}`);
    await tally('2026-02').delete();
    await tally('2026-01').patch([{ op: 'remove', path: `/cases/${records[0]!.ref}` }]);
    await tally('2026-01').patch([{ op: 'set', path: `/cases/${claimed.ref}`, value: tallyEntry(claimed) }]); // as before the claim
    expect(await reporting.tallyCases(YEAR)).not.toEqual(truth);

    const report = await repairTallies(handles.containers.cases, handles.containers.counters, 7);
    // February's 8 cases, January's missing entry and its stale one.
    expect(report).toEqual({ casesRead: 23, entriesSet: 10 });
    expect(await reporting.tallyCases(YEAR)).toEqual(truth);
    expect(await repairTallies(handles.containers.cases, handles.containers.counters)).toEqual({ casesRead: 23, entriesSet: 0 });
  });
});
