import { join } from 'node:path';
import { createOutboxDispatcher, type DispatcherOptions } from '../../../src/app/outbox/dispatcher';
import { listDeadLetters } from '../../../src/app/outbox/list-dead-letters';
import { TEAMS_CONVERSATION_LIMITS } from '../../../src/app/outbox/rate-limiter';
import type { Notifier } from '../../../src/ports/notifier';
import type { Store } from '../../../src/ports/store';
import { openStore } from '../../../src/store/open-store';
import { recordingLogger } from '../../support/bot-harness';
import { makeTempDir } from '../../support/temp-dir';
import { manualClock, type ManualClock } from './support/manual-clock';
import { fakeNotifier, personalMessages } from './support/outbox-fakes';
import { maxInAnyWindow } from './support/window-check';

let store: Store;
let clock: ManualClock;
let logger: ReturnType<typeof recordingLogger>;

beforeEach(async () => {
  store = await openStore({ kind: 'sqlite', path: ':memory:' });
  clock = manualClock();
  logger = recordingLogger();
});
afterEach(() => store.close());

const dispatcher = (notifier: Notifier, options: Partial<DispatcherOptions> = {}, on: Store = store) =>
  createOutboxDispatcher({ store: on, notifier, clock, logger }, { owner: 'worker-a', random: () => 0, ...options });

const statusOf = async (id: string, on: Store = store) => {
  for (const status of ['pending', 'delivered', 'dead'] as const) {
    const found = (await on.listOutbox(status, 5_000)).find((i) => i.id === id);
    if (found) return found;
  }
  throw new Error(`no item ${id}`);
};

describe('outbox dispatcher', () => {
  it('delivers due items once and marks them delivered', async () => {
    const items = personalMessages(clock, 3);
    await store.enqueue(items);
    const notifier = fakeNotifier(clock);
    const d = dispatcher(notifier);
    expect(await d.tick()).toMatchObject({ leased: 3, attempted: 3, delivered: 3 });
    expect(await d.tick()).toMatchObject({ leased: 0, attempted: 0 });
    expect(notifier.calls.map((c) => c.id)).toEqual(items.map((i) => i.id));
    expect((await store.listOutbox('delivered', 10)).map((i) => i.attempts)).toEqual([1, 1, 1]);
  });

  it('retries a failed send after an exponential, jittered wait', async () => {
    const [item] = personalMessages(clock, 1);
    await store.enqueue([item!]);
    const notifier = fakeNotifier(clock, (_n, before) => (before < 2 ? { ok: false, reason: 'http-500' } : { ok: true }));
    const d = dispatcher(notifier, { backoff: { baseMs: 2_000, capMs: 60_000 } });
    await d.tick();
    expect(await statusOf(item!.id)).toMatchObject({ status: 'pending', attempts: 1, lastError: 'http-500', nextAttemptAt: '2026-12-07T10:00:01.000Z' });
    clock.advance(999);
    await d.tick();
    expect(notifier.calls).toHaveLength(1);
    clock.advance(1);
    await d.tick();
    // Second failure: the wait doubles.
    expect(await statusOf(item!.id)).toMatchObject({ attempts: 2, nextAttemptAt: '2026-12-07T10:00:03.000Z' });
    clock.advance(2_000);
    await d.tick();
    expect(await statusOf(item!.id)).toMatchObject({ status: 'delivered', attempts: 3 });
  });

  it("honours a 429's Retry-After, and holds the rest of that conversation until then", async () => {
    const items = personalMessages(clock, 2);
    const other = personalMessages(clock, 1, 'tenant:person-2', 'other');
    await store.enqueue([...items, ...other]);
    const notifier = fakeNotifier(clock, (n, before) => (n.id === items[0]!.id && before === 0 ? { ok: false, reason: 'http-429', retryAfterMs: 30_000 } : { ok: true }));
    const d = dispatcher(notifier);
    await d.tick();
    expect(await statusOf(items[0]!.id)).toMatchObject({ status: 'pending', nextAttemptAt: '2026-12-07T10:00:30.000Z' });
    expect(notifier.calls.map((c) => c.id)).toEqual([items[0]!.id, other[0]!.id]);
    clock.advance(29_000);
    await d.tick();
    expect(notifier.calls).toHaveLength(2);
    clock.advance(1_000);
    await d.tick();
    await d.tick();
    expect(notifier.calls.slice(2).map((c) => c.id).sort()).toEqual(items.map((i) => i.id).sort());
    expect(await store.listOutbox('delivered', 10)).toHaveLength(3);
  });

  it('dead-letters after the configured number of attempts, logs no card content, and shows it to administrators', async () => {
    const [item] = personalMessages(clock, 1);
    await store.enqueue([item!]);
    const notifier = fakeNotifier(clock, () => ({ ok: false, reason: 'http-503' }));
    const d = dispatcher(notifier, { maxAttempts: 3 });
    for (let i = 0; i < 10; i += 1) {
      await d.tick();
      clock.advance(60_000);
    }
    expect(notifier.calls).toHaveLength(3);
    expect(await statusOf(item!.id)).toMatchObject({ status: 'dead', attempts: 3, lastError: 'http-503' });
    const logged = logger.lines.filter((l) => l.event === 'outbox.dead-lettered');
    expect(logged).toEqual([{ level: 'warn', event: 'outbox.dead-lettered', fields: { id: item!.id, kind: 'personal-message', caseRef: 'FD-2026-00042', attempts: 3, reason: 'http-503' } }]);
    expect(JSON.stringify(logger.lines)).not.toContain('claimed');
    const dead = await listDeadLetters(store);
    expect(dead).toEqual([expect.objectContaining({ id: item!.id, kind: 'personal-message', target: 'tenant:person-1', attempts: 3, lastError: 'http-503' })]);
    expect(JSON.stringify(dead)).not.toContain('claimed');
  });

  it('dead-letters at once on a permanent failure (a 4xx other than 429)', async () => {
    const [item] = personalMessages(clock, 1);
    await store.enqueue([item!]);
    const notifier = fakeNotifier(clock, () => ({ ok: false, reason: 'http-404:ConversationNotFound', permanent: true }));
    await dispatcher(notifier).tick();
    expect(await statusOf(item!.id)).toMatchObject({ status: 'dead', attempts: 1, lastError: 'http-404:ConversationNotFound' });
  });

  it('dead-letters an item whose payload is not a notification, without sending it', async () => {
    const [item] = personalMessages(clock, 1);
    await store.enqueue([{ ...item!, payload: { card: 'not a card' } }]);
    const notifier = fakeNotifier(clock);
    await dispatcher(notifier).tick();
    expect(notifier.calls).toHaveLength(0);
    expect(await statusOf(item!.id)).toMatchObject({ status: 'dead', lastError: 'invalid-payload' });
  });

  it('treats a notifier that throws as a failure to retry', async () => {
    const [item] = personalMessages(clock, 1);
    await store.enqueue([item!]);
    const notifier = fakeNotifier(clock, () => Promise.reject(new TypeError('boom')));
    await dispatcher(notifier).tick();
    expect(await statusOf(item!.id)).toMatchObject({ status: 'pending', attempts: 1, lastError: 'notifier-error:TypeError' });
  });

  it('never sends one conversation more than Teams allows, and does not count waiting as an attempt', async () => {
    const items = personalMessages(clock, 70);
    await store.enqueue(items);
    const notifier = fakeNotifier(clock);
    const d = dispatcher(notifier);
    expect(await d.tick()).toMatchObject({ leased: 10, attempted: 7, waiting: 3 });
    for (let i = 0; i < 400 && notifier.calls.length < 70; i += 1) {
      clock.advance(250);
      await d.tick();
    }
    const times = notifier.calls.map((c) => c.at);
    for (const w of TEAMS_CONVERSATION_LIMITS) expect(maxInAnyWindow(times, w.windowMs)).toBeLessThanOrEqual(w.limit);
    // 70 messages need more than one 30-second window.
    expect(Math.max(...times) - Math.min(...times)).toBeGreaterThanOrEqual(30_000);
    expect((await store.listOutbox('delivered', 100)).every((i) => i.attempts === 1)).toBe(true);
    expect(new Set(notifier.calls.map((c) => c.id)).size).toBe(70);
  });

  it('gives an item back unattempted when no slot frees before its lease ends; it is sent when the slot frees', async () => {
    const items = personalMessages(clock, 62);
    await store.enqueue(items);
    const notifier = fakeNotifier(clock);
    // 60 go out in the first 30 s; the last two have no slot before their 20-second lease ends.
    const d = dispatcher(notifier, { leaseMs: 20_000, sendBudgetMs: 5_000, perConversation: 100 });
    let letGo = 0;
    for (let i = 0; i < 300 && notifier.calls.length < 62; i += 1) {
      letGo += (await d.tick()).letGo;
      clock.advance(250);
    }
    expect(letGo).toBeGreaterThanOrEqual(2);
    // Not 20 s later when the lease would have run out: as soon as the 30-second window has room.
    expect(notifier.calls.at(-1)!.at - notifier.calls[0]!.at).toBeLessThan(31_000);
    expect(new Set(notifier.calls.map((c) => c.id)).size).toBe(62);
    expect(notifier.calls).toHaveLength(62);
    expect((await store.listOutbox('delivered', 100)).every((i) => i.attempts === 1)).toBe(true);
  });

  it('keeps personal messages moving while the Duty channel works through a backlog', async () => {
    const duty = personalMessages(clock, 300, '19:duty@thread.tacv2', 'duty');
    await store.enqueue(duty);
    clock.advance(1_000);
    const [receipt] = personalMessages(clock, 1, 'tenant:senco', 'receipt');
    await store.enqueue([receipt!]);
    const notifier = fakeNotifier(clock);
    const d = dispatcher(notifier);
    await d.tick();
    await d.tick();
    // The school's receipt goes out at once, not after the 300 channel posts Teams lets through at 2 a second.
    expect(notifier.callsFor(receipt!.id)).toBe(1);
    expect(notifier.calls.filter((c) => c.target === '19:duty@thread.tacv2').length).toBeLessThanOrEqual(7);
  });

  it('marks each send as started, and says a send may repeat only when a process died in the middle of one', async () => {
    const [inDoubt, untouched] = personalMessages(clock, 2);
    await store.enqueue([inDoubt!, untouched!]);
    // A process leased both, started sending the first, and was killed before it heard back.
    await store.leaseDue(clock.now().toISOString(), 'killed-process', new Date(clock.now().getTime() + 60_000).toISOString(), 10);
    expect(await store.startAttempt(inDoubt!, 'killed-process', clock.now().toISOString())).toBe(true);
    clock.advance(61_000);
    const notifier = fakeNotifier(clock);
    await dispatcher(notifier).tick();
    expect(notifier.calls.map((c) => [c.id, c.mayRepeat])).toEqual([
      [inDoubt!.id, true],
      [untouched!.id, false],
    ]);
    expect((await store.listOutbox('delivered', 10)).map((i) => i.attemptStartedAt)).toEqual([null, null]);
  });

  it('still says a send may repeat after the resend of a doubtful one fails, until it is delivered', async () => {
    const [item] = personalMessages(clock, 1);
    await store.enqueue([item!]);
    await store.leaseDue(clock.now().toISOString(), 'killed-process', new Date(clock.now().getTime() + 60_000).toISOString(), 10);
    await store.startAttempt(item!, 'killed-process', clock.now().toISOString());
    clock.advance(61_000);
    const notifier = fakeNotifier(clock, (_n, before) => (before === 0 ? { ok: false, reason: 'http-500' } : { ok: true }));
    const d = dispatcher(notifier, { backoff: { baseMs: 1_000, capMs: 1_000 } });
    await d.tick();
    clock.advance(1_000);
    await d.tick();
    expect(notifier.calls.map((c) => c.mayRepeat)).toEqual([true, true]);
    expect(await statusOf(item!.id)).toMatchObject({ status: 'delivered', attemptStartedAt: null });
  });

  it('sends nothing it could not first mark as started', async () => {
    const [item] = personalMessages(clock, 1);
    await store.enqueue([item!]);
    const failing: Store = Object.assign(Object.create(store) as Store, { startAttempt: () => Promise.reject(new Error('database is locked')) });
    const notifier = fakeNotifier(clock);
    expect(await dispatcher(notifier, {}, failing).tick()).toMatchObject({ leased: 1, attempted: 0 });
    expect(notifier.calls).toHaveLength(0);
    expect(logger.lines.map((l) => l.event)).toContain('outbox.start-failed');
  });

  it('two dispatchers on one store file never send an item twice', async () => {
    const dir = await makeTempDir('outbox-');
    const path = join(dir.path, 'frontdoor.db');
    const storeA = await openStore({ kind: 'sqlite', path });
    const storeB = await openStore({ kind: 'sqlite', path });
    try {
      const items = [...Array.from({ length: 20 }, (_, k) => personalMessages(clock, 10, `tenant:person-${k}`, `p${k}`)).flat()];
      await storeA.enqueue(items);
      // One notifier for both processes, failing now and then and yielding between calls so the two interleave.
      const notifier = fakeNotifier(clock, async (_n, before) => {
        await new Promise((resolve) => setImmediate(resolve));
        return before === 0 && Math.random() < 0.2 ? { ok: false, reason: 'http-500' } : { ok: true };
      });
      const sentBy = { a: 0, b: 0 };
      const via = (name: 'a' | 'b'): Notifier => ({ send: (n) => ((sentBy[name] += 1), notifier.send(n)) });
      const a = dispatcher(via('a'), { owner: 'process-a', batchSize: 30 }, storeA);
      const b = dispatcher(via('b'), { owner: 'process-b', batchSize: 30 }, storeB);
      for (let i = 0; i < 200 && (await storeA.listOutbox('delivered', 500)).length < 200; i += 1) {
        await Promise.all([a.tick(), b.tick()]);
        clock.advance(500);
      }
      const delivered = await storeB.listOutbox('delivered', 500);
      expect(delivered).toHaveLength(200);
      const successes = new Map<string, number>();
      for (const item of delivered) successes.set(item.id, item.attempts);
      for (const item of items) {
        // Each item was sent once per recorded attempt: never by both processes for one attempt.
        expect(notifier.callsFor(item.id)).toBe(successes.get(item.id));
      }
      expect(sentBy.a).toBeGreaterThan(20);
      expect(sentBy.b).toBeGreaterThan(20);
    } finally {
      await storeA.close();
      await storeB.close();
      await dir.remove();
    }
  });

  it('after a restart, the new process resumes every pending item once the old leases run out', async () => {
    const dir = await makeTempDir('outbox-');
    const path = join(dir.path, 'frontdoor.db');
    const before = await openStore({ kind: 'sqlite', path });
    const items = personalMessages(clock, 20);
    await before.enqueue(items);
    const notifier = fakeNotifier(clock, (n, previous) => (n.id === items[0]!.id && previous === 0 ? { ok: false, reason: 'http-500' } : { ok: true }));
    // The first process sends 7 (one fails), holds 13 for the next second, then dies.
    expect(await dispatcher(notifier, { owner: 'old-process', leaseMs: 60_000, perConversation: 20 }, before).tick()).toMatchObject({ attempted: 7, waiting: 13 });
    await before.close();

    const after = await openStore({ kind: 'sqlite', path });
    try {
      const restarted = dispatcher(notifier, { owner: 'new-process', leaseMs: 60_000 }, after);
      clock.advance(5_000);
      expect(await restarted.tick()).toMatchObject({ attempted: 1 }); // only the failed one is free: the rest are still leased
      clock.advance(60_000);
      for (let i = 0; i < 40; i += 1) {
        await restarted.tick();
        clock.advance(1_000);
      }
      expect(await after.listOutbox('delivered', 50)).toHaveLength(20);
      for (const item of items) expect(notifier.callsFor(item.id)).toBe(item.id === items[0]!.id ? 2 : 1);
    } finally {
      await after.close();
      await dir.remove();
    }
  });

  it('start() ticks on a timer and stop() waits for the send in flight', async () => {
    await store.enqueue(personalMessages(clock, 1));
    let release: () => void = () => undefined;
    let started: () => void = () => undefined;
    const sending = new Promise<void>((resolve) => (started = resolve));
    const notifier = fakeNotifier(clock, async () => {
      started();
      await new Promise<void>((resolve) => (release = resolve));
      return { ok: true };
    });
    const d = dispatcher(notifier);
    d.start(5);
    await sending;
    let stopped = false;
    const stopping = d.stop().then(() => (stopped = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(await store.listOutbox('delivered', 10)).toHaveLength(1);
  });
});
