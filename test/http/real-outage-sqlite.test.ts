import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { createOutboxDispatcher } from '../../src/app/outbox/dispatcher';
import { storeDirectory } from '../../src/app/directory';
import { loadConfig } from '../../src/config';
import { CASE_STATUSES } from '../../src/domain/case-record';
import { createHttpServer, type HttpServer } from '../../src/http/server';
import type { Notification, Notifier } from '../../src/ports/notifier';
import { StoreUnavailableError, type Store } from '../../src/ports/store';
import { openStore } from '../../src/store/open-store';
import { createTeamsAdapter } from '../../src/teams/adapter';
import { createBotApp } from '../../src/teams/bot-app';
import { cardText, recordingLogger, startBotHarness, type BotHarness } from '../support/bot-harness';
import { FORM_STEPS, VALID_STEP_INPUTS } from '../support/intake-answers';
import { timed } from '../support/timed';
import { makeTempDir } from '../support/temp-dir';

/** The 5 s a save keeps trying under a lock, plus room for a noisy machine: the longest a user waits. */
const USER_WAIT_BOUND_MS = 8_000;
const clock = { now: () => new Date('2026-12-07T10:00:00Z') };


describe('the SQLite file locked by another connection (BEGIN EXCLUSIVE)', () => {
  let dir: Awaited<ReturnType<typeof makeTempDir>>;
  let path: string;
  let store: Store;
  let bot: BotHarness;
  let http: HttpServer;
  let port: number;
  let locker: Database.Database;

  beforeAll(async () => {
    dir = await makeTempDir();
    path = `${dir.path}/frontdoor.db`;
    store = await openStore({ kind: 'sqlite', path });
    bot = await startBotHarness({ store, clock });
    const config = loadConfig({ PORT: '0', LOG_LEVEL: 'silent' });
    const adapter = createTeamsAdapter(config.botAuth);
    const deps = { mode: 'local' as const, store, directory: storeDirectory(store), clock, ids: { next: () => randomUUID() }, logger: recordingLogger() };
    http = createHttpServer({ config, adapter, app: createBotApp(deps, adapter), store, logger: deps.logger });
    port = (await http.listen()).port;
    locker = new Database(path);
  });
  afterEach(() => {
    if (locker.inTransaction) locker.exec('ROLLBACK');
  });
  afterAll(async () => {
    locker.close();
    await bot.close();
    await http.shutdown(); // closes the store
    await dir.remove();
  });

  const lock = (): void => void locker.exec('BEGIN EXCLUSIVE');
  const unlock = (): void => void locker.exec('ROLLBACK');
  const readyz = async (): Promise<number> => (await fetch(`http://127.0.0.1:${port}/readyz`)).status;

  it('fails /readyz quickly while the lock is held, and passes again once it is let go', async () => {
    expect(await readyz()).toBe(200);
    lock();
    const locked = await timed(readyz);
    expect(locked.result).toBe(503);
    expect(locked.ms).toBeLessThan(2_000);
    await expect(store.ping()).rejects.toBeInstanceOf(StoreUnavailableError);
    unlock();
    expect(await readyz()).toBe(200);
  });

  it('answers an intake Next with "We could not save that", keeps the typed answers, and leaves the draft as it was', async () => {
    const first = JSON.stringify(await bot.execute('priya', 'requestSupport'));
    const draftId = /"draftId":"([^"]+)"/.exec(first)?.[1] ?? '';
    const before = await store.getDraft(draftId);
    expect(before).toBeDefined();
    const typed = { draftId, step: 'requester', ...VALID_STEP_INPUTS.requester, requesterPhone: '01632 960999' };

    lock();
    const { result: card, ms } = await timed(() => bot.execute('priya', 'intakeNext', typed));
    expect(cardText(card)).toContain('We could not save that');
    expect(cardText(card)).toContain('Step 1 of 7');
    expect(JSON.stringify(card)).toContain('"value":"01632 960999"');
    expect(ms).toBeLessThan(USER_WAIT_BOUND_MS);
    unlock();
    expect(await store.getDraft(draftId)).toEqual(before);
    expect(cardText(await bot.execute('priya', 'intakeNext', typed))).toContain('Step 2 of 7');
  }, 30_000);

  it('keeps answering everyone while a save waits for the lock, and the save goes through when the lock is let go in time', async () => {
    const first = JSON.stringify(await bot.execute('priya', 'requestSupport'));
    const draftId = /"draftId":"([^"]+)"/.exec(first)?.[1] ?? '';
    lock();
    let saved = false;
    const saving = bot.execute('priya', 'intakeNext', { draftId, step: 'requester', ...VALID_STEP_INPUTS.requester }).finally(() => (saved = true));
    // The save is waiting off the event loop: the server still answers at once.
    const health = await timed(() => fetch(`http://127.0.0.1:${port}/healthz`));
    expect(health.result.status).toBe(200);
    expect(health.ms).toBeLessThan(1_000);
    expect(saved).toBe(false);
    unlock();
    // A lock held briefly (a backup, another instance's write) costs the user a moment, not an error.
    expect(cardText(await saving)).toContain('Step 2 of 7');
  }, 30_000);

  it('writes nothing for a submit under the lock; once it is let go the same submit makes one case and the outbox delivers its alert', async () => {
    const sent: Notification[] = [];
    const notifier: Notifier = { send: async (n) => (sent.push(n), { ok: true }) };
    const dispatcher = createOutboxDispatcher({ store, notifier, clock, logger: recordingLogger() }, { owner: `outbox-${randomUUID()}` });
    const start = JSON.stringify(await bot.execute('priya', 'requestSupport'));
    const draftId = /"draftId":"([^"]+)"/.exec(start)?.[1] ?? '';
    for (const step of FORM_STEPS) await bot.execute('priya', 'intakeNext', { draftId, step, ...VALID_STEP_INPUTS[step] });
    const draftBefore = await store.getDraft(draftId);
    const casesBefore = await store.listCasesByStatus(CASE_STATUSES, 100);
    const outboxBefore = await store.listOutbox('pending', 100);

    lock();
    const { result: refused, ms } = await timed(() => bot.executeAnswer('priya', 'intakeSubmit', { draftId }));
    // The review card stays as it is, Send still on it, with the words beneath.
    expect(refused).toEqual({ type: 'application/vnd.microsoft.activity.message', value: expect.stringContaining('We could not save that') });
    expect(ms).toBeLessThan(USER_WAIT_BOUND_MS);
    await expect(dispatcher.tick()).rejects.toBeInstanceOf(StoreUnavailableError);
    // Reads still work under the lock (WAL): nothing was written.
    expect(await store.getDraft(draftId)).toEqual(draftBefore);
    expect(await store.listCasesByStatus(CASE_STATUSES, 100)).toEqual(casesBefore);
    expect(await store.listOutbox('pending', 100)).toEqual(outboxBefore);

    unlock();
    const receipt = cardText(await bot.execute('priya', 'intakeSubmit', { draftId }));
    expect(receipt).toContain('Request sent');
    const ref = /FD-\d{4}-\d{5}/.exec(receipt)?.[0] ?? '';
    expect(cardText(await bot.execute('priya', 'intakeSubmit', { draftId }))).toContain(ref);
    const cases = await store.listCasesByStatus(CASE_STATUSES, 100);
    expect(cases.filter((c) => c.submissionKey === draftId).map((c) => c.ref)).toEqual([ref]);
    expect(cases).toHaveLength(casesBefore.length + 1);
    expect((await store.listAudit(ref)).filter((e) => e.action === 'case.submitted')).toHaveLength(1);
    expect((await dispatcher.tick()).delivered).toBe(1);
    expect(sent.filter((n) => n.caseRef === ref).map((n) => n.kind)).toEqual(['channel-post']);
  }, 30_000);
});
