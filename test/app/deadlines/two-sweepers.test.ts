import type { DeadlineDeps } from '../../../src/app/deadlines/deadline-deps';
import { sweepDeadlines } from '../../../src/app/deadlines/sweep-deadlines';
import { importReferenceData } from '../../../src/app/reference-data/import-reference-data';
import { workingDayCalendar } from '../../../src/domain/calendar';
import { StoreUnavailableError, type Store } from '../../../src/ports/store';
import { openStore } from '../../../src/store/open-store';
import { makeTempDir } from '../../support/temp-dir';
import { seededRandom } from '../../../src/domain/seeded-random';
import { manualClock, type ManualClock } from '../outbox/support/manual-clock';
import { act, dayAfter, dyingStore, randomScript, submittedCase, type Script } from './support/chaos';
import { processDeps, sampleData } from './support/deadline-world';

const FIRST_DAY = '2026-12-01';
const DAYS = 140; // through Christmas 2026, the closure days, Easter 2027 and the March clock change
const CASES = 24;
const LEASE_MS = 2 * 60_000;

interface Plan {
  cases: Array<{ submitDay: number; hour: number; script: Script }>;
}

function planFor(seed: number): Plan {
  const random = seededRandom(seed);
  const calendar = workingDayCalendar(['2026-12-29', '2026-12-30', '2026-12-31']);
  return { cases: Array.from({ length: CASES }, () => ({ submitDay: Math.floor(random() * (DAYS - 30)), hour: Math.floor(random() * 7), script: randomScript(random, calendar) })) };
}

/** Submissions and the people's actions due on a day, at 07:00 UTC before any sweep. */
async function liveDay(store: Store, clock: ManualClock, plan: Plan, day: number): Promise<void> {
  const calendar = workingDayCalendar((await sampleData()).frontDoor.closureDays);
  const date = dayAfter(FIRST_DAY, day);
  clock.set(`${date}T07:00:00.000Z`);
  for (const [i, c] of plan.cases.entries()) {
    const ref = `FD-2026-${String(i + 1).padStart(5, '0')}`;
    if (c.submitDay === day) await store.createCase(submittedCase(i + 1, `${date}T0${c.hour}:30:00.000Z`, calendar));
    for (const step of c.script) if (c.submitDay + step.day === day) await act(store, ref, step.action(clock.now().toISOString()), calendar);
  }
}

/** Outbox ids without their unique tail: "deadline:<ref>:<stage>:<step>:<date>:<recipient>", with how often each was queued. */
async function queuedByKey(store: Store): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const item of await store.listOutbox('pending', 10_000)) {
    if (!item.id.startsWith('deadline:')) continue;
    const key = item.id.slice(0, item.id.lastIndexOf(':'));
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** The same days with one well-behaved sweeper sweeping once a day: what should be sent. */
async function referenceRun(plan: Plan): Promise<Map<string, number>> {
  const store = await openStore({ kind: 'sqlite', path: ':memory:' });
  await importReferenceData(store, await sampleData());
  const clock = manualClock();
  const deps = processDeps(store, clock, 'reference');
  for (let day = 0; day < DAYS; day += 1) {
    await liveDay(store, clock, plan, day);
    clock.set(`${dayAfter(FIRST_DAY, day)}T12:00:00.000Z`);
    await sweepDeadlines(deps, { owner: 'reference', leaseMs: LEASE_MS });
  }
  const queued = await queuedByKey(store);
  await store.close();
  return queued;
}

describe('two bot processes sweeping one database, crashing at random', () => {
  it.each([11, 2027])('queues each reminder and escalation exactly once (seed %i)', async (seed) => {
    const plan = planFor(seed);
    const expected = await referenceRun(plan);
    const kinds = new Set([...expected.keys()].map((k) => k.split(':').slice(2, 4).join(':')));
    expect([...kinds].sort()).toEqual(['first-response:breach', 'first-response:reminder', 'panel-decision:breach', 'panel-decision:reminder', 'school-reply:reminder']);

    const dir = await makeTempDir();
    const connections = [await openStore({ kind: 'sqlite', path: `${dir.path}/fd.db` }), await openStore({ kind: 'sqlite', path: `${dir.path}/fd.db` })] as const;
    await importReferenceData(connections[0], await sampleData());
    const clock = manualClock();
    const random = seededRandom(seed * 7919);
    const restarts: [number, number] = [0, 0];
    const tally = { crashed: 0, refused: 0, ran: 0 };

    /** One sweep by process p, which dies after a few writes when `crash` is set; a dead process restarts under a new owner. */
    const sweep = async (p: 0 | 1, crash: boolean): Promise<void> => {
      const store = dyingStore(connections[p], { clock, random, slowMs: 50_000, ...(crash ? { writesBeforeCrash: Math.floor(random() * 5) } : {}) });
      const deps: DeadlineDeps = processDeps(store, clock, `p${p}-${restarts[p]}`);
      try {
        const result = await sweepDeadlines(deps, { owner: `p${p}-${restarts[p]}`, leaseMs: LEASE_MS });
        tally[result.ran ? 'ran' : 'refused'] += 1;
      } catch (err) {
        expect(err).toBeInstanceOf(StoreUnavailableError);
        tally.crashed += 1;
        restarts[p] += 1;
      }
    };

    for (let day = 0; day < DAYS; day += 1) {
      await liveDay(connections[0], clock, plan, day);
      for (let round = 0; round < 3; round += 1) {
        clock.advance(Math.floor(random() * 3 * LEASE_MS));
        const mode = random();
        const p = random() < 0.5 ? 0 : 1;
        if (mode < 0.3) await sweep(p, false);
        else if (mode < 0.6) await Promise.all([sweep(0, random() < 0.2), sweep(1, random() < 0.2)]);
        else await sweep(p, true);
      }
      clock.set(`${dayAfter(FIRST_DAY, day)}T20:00:00.000Z`); // every lease has run out: a last sweep of the day
      await sweep(0, false);
    }

    expect(tally.crashed).toBeGreaterThan(40);
    expect(tally.refused).toBeGreaterThan(40);
    const queued = await queuedByKey(connections[0]);
    expect([...queued.entries()].filter(([, n]) => n !== 1)).toEqual([]);
    expect([...queued.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const store of connections) await store.close();
    await dir.remove();
  });
});
