import { sweepDeadlines } from '../../../src/app/deadlines/sweep-deadlines';
import { DEADLINE_LEASE_KEY, releaseLease, renewLease, takeLease } from '../../../src/app/deadlines/sweep-lease';
import type { Store } from '../../../src/ports/store';
import { openStore } from '../../../src/store/open-store';
import { makeTempDir } from '../../support/temp-dir';
import { openWorld, processDeps, type World } from './support/deadline-world';

const MINUTE = 60_000;
let world: World;
afterEach(async () => {
  await world.close();
});

describe('the deadline sweep lease', () => {
  it('lets one holder at a time, renewed by its holder and taken over only once it expires', async () => {
    world = await openWorld('2026-12-07T10:00:00Z');
    const at = (minutes: number) => new Date(Date.parse('2026-12-07T10:00:00Z') + minutes * MINUTE);
    const a = await takeLease(world.store, DEADLINE_LEASE_KEY, 'a', at(0), 2 * MINUTE);
    expect(a).toBeDefined();
    expect(await takeLease(world.store, DEADLINE_LEASE_KEY, 'b', at(1), 2 * MINUTE)).toBeUndefined();
    const renewed = a && (await renewLease(world.store, a, at(1.5), 2 * MINUTE));
    expect(await takeLease(world.store, DEADLINE_LEASE_KEY, 'b', at(3), 2 * MINUTE)).toBeUndefined(); // renewed until 3.5
    const b = await takeLease(world.store, DEADLINE_LEASE_KEY, 'b', at(3.6), 2 * MINUTE);
    expect(b).toBeDefined();
    if (!renewed) throw new Error('renewal failed');
    expect(await renewLease(world.store, renewed, at(3.7), 2 * MINUTE)).toBeUndefined(); // a was too slow: b has it now
    await releaseLease(world.store, renewed); // a's late release leaves b's lease alone
    expect(await takeLease(world.store, DEADLINE_LEASE_KEY, 'c', at(4), 2 * MINUTE)).toBeUndefined();
  });

  it('gives the lease to exactly one of two processes racing for it on one database file', async () => {
    world = await openWorld('2026-12-07T10:00:00Z');
    const dir = await makeTempDir();
    const one = await openStore({ kind: 'sqlite', path: `${dir.path}/fd.db` });
    const two = await openStore({ kind: 'sqlite', path: `${dir.path}/fd.db` });
    try {
      for (let round = 0; round < 20; round += 1) {
        const now = new Date(Date.parse('2026-12-07T10:00:00Z') + round * 10 * MINUTE);
        const won = await Promise.all([takeLease(one, DEADLINE_LEASE_KEY, `one-${round}`, now, MINUTE), takeLease(two, DEADLINE_LEASE_KEY, `two-${round}`, now, MINUTE)]);
        expect(won.filter((lease) => lease !== undefined)).toHaveLength(1);
      }
    } finally {
      await one.close();
      await two.close();
      await dir.remove();
    }
  });

  it('gives the very first lease to one process even when the other read the empty store before it was taken', async () => {
    world = await openWorld('2026-12-07T10:00:00Z');
    const now = world.clock.now();
    let aHasTaken: () => void = () => undefined;
    const afterA = new Promise<void>((resolve) => (aHasTaken = resolve));
    // Process b reads "no lease yet", then is slow: a takes the lease before b writes.
    const slowB: Store = Object.assign(Object.create(world.store) as Store, {
      readState: async (keys: string[]) => {
        const found = await world.store.readState(keys);
        await afterA;
        return found;
      },
    });
    const b = takeLease(slowB, DEADLINE_LEASE_KEY, 'b', now, MINUTE);
    const a = await takeLease(world.store, DEADLINE_LEASE_KEY, 'a', now, MINUTE);
    aHasTaken();
    expect(a).toBeDefined();
    expect(await b).toBeUndefined();
  });

  it('skips a sweep while another process holds the lease, sweeps after it expires, and frees it after sweeping', async () => {
    world = await openWorld('2026-12-07T10:00:00Z'); // Monday: due Wednesday 9 December, reminded on Tuesday
    await world.submit();
    world.clock.set('2026-12-08T09:00:00Z');
    await takeLease(world.store, DEADLINE_LEASE_KEY, 'crashed-process', world.clock.now(), 2 * MINUTE);
    const other = processDeps(world.store, world.clock, 'other');
    expect(await sweepDeadlines(other, { owner: 'other', leaseMs: 2 * MINUTE })).toEqual({ ran: false, queued: [] });
    expect(await world.deadlineItems()).toEqual([]);
    world.clock.advance(2 * MINUTE + 1);
    expect(await sweepDeadlines(other, { owner: 'other', leaseMs: 2 * MINUTE })).toEqual({ ran: true, queued: ['FD-2026-00001 first-response:reminder:2026-12-09'] });
    expect(await world.deadlineItems()).toHaveLength(1);
    expect(await sweepDeadlines(world.deps, { owner: 'bot', leaseMs: 2 * MINUTE })).toEqual({ ran: true, queued: [] });
  });
});
