import { randomUUID } from 'node:crypto';
import type { Container } from '@azure/cosmos';
import { connectCosmos, type CosmosHandles } from '../../src/store/cosmos/cosmos-client';
import { cosmosReportingStore } from '../../src/store/cosmos/cosmos-reporting';
import { cosmosStoreOn } from '../../src/store/cosmos/cosmos-store';
import { monthsOf, tallyEntry } from '../../src/store/cosmos/cosmos-tallies';
import { repairTallies } from '../../src/store/cosmos/cosmos-tally-repair';
import { startCosmosServer, testServerConfig } from '../support/cosmos-server';
import { aCase } from './mothers';

let server: { endpoint: string; close(): Promise<void> };
let handles: CosmosHandles;
beforeAll(async () => {
  server = await startCosmosServer();
  handles = await connectCosmos(testServerConfig(server.endpoint, `tallies-${randomUUID()}`));
});
afterAll(async () => {
  handles.client.dispose();
  await server.close();
});

/** A container that counts the calls made through it: point reads, queries and writes. */
function counting(container: Container): { container: Container; calls: string[] } {
  const calls: string[] = [];
  const items = new Proxy(container.items, {
    get(target, name, receiver) {
      const value: unknown = Reflect.get(target, name, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        calls.push(`items.${String(name)}`);
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  const proxy = new Proxy(container, {
    get(target, name, receiver) {
      if (name === 'items') return items;
      if (name === 'item') {
        return (id: string, pk: string) => {
          calls.push(`item(${id})`);
          return target.item(id, pk);
        };
      }
      return Reflect.get(target, name, receiver) as unknown;
    },
  });
  return { container: proxy, calls };
}

describe('Cosmos DB insight tallies', () => {
  it('builds a year of tallies from one point read per month, with no query of the cases', async () => {
    const store = cosmosStoreOn(handles);
    const months = ['2025-09', '2025-10', '2026-01', '2026-03', '2026-07'];
    for (const [i, month] of months.entries()) {
      await store.createCase(aCase({ submittedAt: `${month}-1${i}T10:00:00.000Z`, primaryNeed: 'ASD' }));
    }
    const cases = counting(handles.containers.cases);
    const counters = counting(handles.containers.counters);
    const reporting = cosmosReportingStore(cases.container, counters.container);

    const tallies = await reporting.tallyCases({ from: '2025-08-31T23:00:00.000Z', to: '2026-08-31T23:00:00.000Z' });

    expect(tallies.map((t) => [t.month, t.primaryNeed, t.count])).toEqual(months.map((m) => [m, 'ASD', 1]));
    expect(cases.calls).toEqual([]);
    expect(counters.calls).toHaveLength(12);
    expect(counters.calls.every((c) => c.startsWith('item(tally-'))).toBe(true);
  });

  it('keeps one entry per case however often it is written', async () => {
    const store = cosmosStoreOn(handles);
    const record = aCase({ submittedAt: '2024-05-14T10:00:00.000Z' });
    const { case: created } = await store.createCase(record);
    const claimed = await store.updateCase({ ...record, status: 'claimed', claimantKey: 'tenant:duty-1' }, created.version);
    await store.updateCase({ ...claimed.value, status: 'advised' }, claimed.version);
    const tallies = await store.tallyCases({ from: '2024-05-01T00:00:00.000Z', to: '2024-06-01T00:00:00.000Z' });
    expect(tallies.map((t) => [t.status, t.count])).toEqual([['advised', 1]]);
  });

  it("carries the panel's outcome in each case's entry, and reads entries written before it as no outcome", async () => {
    const store = cosmosStoreOn(handles);
    const decision = { at: '2023-02-20T15:00:00.000Z', byKey: 'tenant:chair', outcome: 'not-agreed' as const, package: [], schoolWords: 'Advice' };
    const measures = { escalatedAt: '2023-02-06T10:00:00.000Z', hoursToDecision: 341, workingDaysToDecision: 10, withinSetTime: true, outcome: 'not-agreed' as const, services: [], votes: { support: 0, supportWithChanges: 1, doNotSupport: 2 } };
    const notAgreed = aCase({ submittedAt: '2023-02-03T10:00:00.000Z', status: 'decided', panelDue: '2023-02-21', panel: { votes: [], meetingDate: null, meetingReminded: null, decision: { ...decision, measures } } });
    expect(tallyEntry(notAgreed).split('|')).toHaveLength(9);
    expect(tallyEntry(notAgreed).endsWith('|not-agreed')).toBe(true);
    await store.createCase(notAgreed);
    // An entry as written before the outcome was kept: eight fields.
    await handles.containers.counters.item('tally-2023-02', 'tally-2023-02').patch([{ op: 'set', path: '/cases/FD-2023-09999', value: '2023-02-06T10:00:00.000Z|primary|ASD|decided|0|1|2|1' }]);

    const tallies = await store.tallyCases({ from: '2023-02-01T00:00:00.000Z', to: '2023-03-01T00:00:00.000Z' });

    expect(tallies.map((t) => [t.primaryNeed, t.status, t.panelOutcome, t.count])).toEqual([
      ['ASD', 'decided', null, 1],
      ['SLCN', 'decided', 'not-agreed', 1],
    ]);
  });

  it('reads the London months a range touches', () => {
    expect(monthsOf({ from: '2025-12-31T23:30:00.000Z', to: '2026-02-01T00:00:00.000Z' })).toEqual(['2025-12', '2026-01']);
    expect(monthsOf({ from: '2026-03-31T23:00:00.000Z', to: '2026-04-30T23:00:00.000Z' })).toEqual(['2026-04']);
    expect(monthsOf({ from: '2026-04-01T00:00:00.000Z', to: '2026-04-01T00:00:00.000Z' })).toEqual([]);
  });
});

const YEAR = { from: '2025-08-31T23:00:00.000Z', to: '2026-08-31T23:00:00.000Z' };

describe('repairing Cosmos DB insight tallies', () => {
  it('puts back entries a failed tally write left missing or stale, so the insight figures match the cases again', async () => {
    // A database of its own: the repair reads every case in it.
    const own = await connectCosmos(testServerConfig(server.endpoint, `repair-${randomUUID()}`));
    const store = cosmosStoreOn(own);
    const reporting = cosmosReportingStore(own.containers.cases, own.containers.counters);
    const records = Array.from({ length: 23 }, (_, i) => aCase({ submittedAt: `2026-0${1 + (i % 3)}-1${i % 10}T10:00:00.000Z`, primaryNeed: i % 2 === 0 ? 'ASD' : 'SEMH' }));
    for (const record of records) await store.createCase(record);
    const claimed = records[3]!;
    const stored = await store.getCase(claimed.ref);
    await store.updateCase({ ...claimed, status: 'claimed', claimantKey: 'tenant:duty-1' }, stored!.version);
    const truth = await reporting.tallyCases(YEAR);

    // What failed tally writes leave behind: a whole month missing, an entry missing, an entry stale.
    const tally = (month: string) => own.containers.counters.item(`tally-${month}`, `tally-${month}`);
    await tally('2026-02').delete();
    await tally('2026-01').patch([{ op: 'remove', path: `/cases/${records[0]!.ref}` }]);
    await tally('2026-01').patch([{ op: 'set', path: `/cases/${claimed.ref}`, value: tallyEntry(claimed) }]); // as before the claim
    expect(await reporting.tallyCases(YEAR)).not.toEqual(truth);

    const report = await repairTallies(own.containers.cases, own.containers.counters, 7);
    // February's 8 cases, January's missing entry and its stale one.
    expect(report).toEqual({ casesRead: 23, entriesSet: 10 });
    expect(await reporting.tallyCases(YEAR)).toEqual(truth);
    expect(await repairTallies(own.containers.cases, own.containers.counters)).toEqual({ casesRead: 23, entriesSet: 0 });
    own.client.dispose();
  });
});
