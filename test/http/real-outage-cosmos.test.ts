import { randomUUID } from 'node:crypto';
import { createOutboxDispatcher, type OutboxDispatcher } from '../../src/app/outbox/dispatcher';
import { storeDirectory } from '../../src/app/directory';
import { loadConfig } from '../../src/config';
import { CASE_STATUSES } from '../../src/domain/case-record';
import { createHttpServer, type HttpServer } from '../../src/http/server';
import type { Notification, Notifier } from '../../src/ports/notifier';
import type { Store } from '../../src/ports/store';
import { openStore } from '../../src/store/open-store';
import { createTeamsAdapter } from '../../src/teams/adapter';
import { createBotApp } from '../../src/teams/bot-app';
import { cardText, recordingLogger, startBotHarness, type BotHarness } from '../support/bot-harness';
import { FORM_STEPS, VALID_STEP_INPUTS } from '../support/intake-answers';
import { timed } from '../support/timed';
import { waitUntil } from '../e2e/support/wait-until';
import { startCosmosBehindCutProxy, type CutMode } from '../support/tcp-cut-proxy';

/** The longest a person may wait for an answer while the database is cut off. */
const USER_WAIT_BOUND_MS = 8_000;
const clock = { now: () => new Date('2026-12-07T10:00:00Z') };



describe.each<[string, CutMode]>([
  ['refused (nothing listens)', 'refuse'],
  ['hanging (connections accepted, never answered)', 'hang'],
])('Cosmos DB cut off by the network, connections %s', (_name, mode) => {
  let cosmos: Awaited<ReturnType<typeof startCosmosBehindCutProxy>>;
  let store: Store;
  let direct: Store;
  let bot: BotHarness;
  let http: HttpServer;
  let port: number;

  beforeAll(async () => {
    cosmos = await startCosmosBehindCutProxy();
    const database = `outage-${randomUUID()}`;
    const cosmosConfig = { kind: 'cosmos' as const, database, key: 'test-server-key', managedIdentityClientId: undefined, createIfMissing: true, tlsInsecure: true };
    store = await openStore({ ...cosmosConfig, endpoint: cosmos.endpoint });
    direct = await openStore({ ...cosmosConfig, endpoint: cosmos.directEndpoint, createIfMissing: false });
    bot = await startBotHarness({ store, clock });
    const config = loadConfig({ PORT: '0', LOG_LEVEL: 'silent' });
    const adapter = createTeamsAdapter(config.botAuth);
    const deps = { mode: 'local' as const, store, directory: storeDirectory(store), clock, ids: { next: () => randomUUID() }, logger: recordingLogger() };
    http = createHttpServer({ config, adapter, app: createBotApp(deps, adapter), store, logger: deps.logger });
    port = (await http.listen()).port;
  }, 30_000);
  afterEach(async () => {
    await cosmos.proxy.restore();
  });
  afterAll(async () => {
    await bot.close();
    await http.shutdown(); // closes the store
    await direct.close();
    await cosmos.close();
  });

  const readyz = async (): Promise<number> => (await fetch(`http://127.0.0.1:${port}/readyz`)).status;

  it('fails /readyz within a bounded time while cut, and passes again after restore without a restart', async () => {
    expect(await readyz()).toBe(200);
    await cosmos.proxy.cut(mode);
    const cut = await timed(readyz);
    expect(cut.result).toBe(503);
    expect(cut.ms).toBeLessThan(10_000);
    await cosmos.proxy.restore();
    expect(await readyz()).toBe(200);
  }, 30_000);

  it('answers an intake Next with "We could not save that" within seconds, keeps the typed answers, and leaves the draft as it was', async () => {
    const first = JSON.stringify(await bot.execute('priya', 'requestSupport'));
    const draftId = /"draftId":"([^"]+)"/.exec(first)?.[1] ?? '';
    const before = await direct.getDraft(draftId);
    expect(before).toBeDefined();
    const typed = { draftId, step: 'requester', ...VALID_STEP_INPUTS.requester, requesterPhone: '01632 960999' };

    await cosmos.proxy.cut(mode);
    const { result: card, ms } = await timed(() => bot.execute('priya', 'intakeNext', typed));
    expect(cardText(card)).toContain('We could not save that');
    expect(cardText(card)).toContain('Step 1 of 7');
    expect(JSON.stringify(card)).toContain('"value":"01632 960999"');
    expect(JSON.stringify(card)).toContain(`"draftId":"${draftId}"`);
    expect(ms).toBeLessThan(USER_WAIT_BOUND_MS);
    expect(await direct.getDraft(draftId)).toEqual(before);

    await cosmos.proxy.restore();
    expect(cardText(await bot.execute('priya', 'intakeNext', typed))).toContain('Step 2 of 7');
    expect((await direct.getDraft(draftId))?.value.answers).toMatchObject({ requesterPhone: '01632 960999' });
  }, 30_000);

  it('writes nothing for a submit during the cut; after restore the same submit makes one case, and the dispatcher that ran through the cut delivers its alert', async () => {
    const sent: Notification[] = [];
    const notifier: Notifier = { send: async (n) => (sent.push(n), { ok: true }) };
    const logger = recordingLogger();
    const dispatcher: OutboxDispatcher = createOutboxDispatcher({ store, notifier, clock, logger }, { owner: `outbox-${randomUUID()}` });
    const start = JSON.stringify(await bot.execute('priya', 'requestSupport'));
    const draftId = /"draftId":"([^"]+)"/.exec(start)?.[1] ?? '';
    for (const step of FORM_STEPS) await bot.execute('priya', 'intakeNext', { draftId, step, ...VALID_STEP_INPUTS[step] });
    const draftBefore = await direct.getDraft(draftId);
    const casesBefore = await direct.listCasesByStatus(CASE_STATUSES, 100);
    const outboxBefore = await direct.listOutbox('pending', 100);

    await cosmos.proxy.cut(mode);
    dispatcher.start(20);
    try {
      const { result: refused, ms } = await timed(() => bot.executeAnswer('priya', 'intakeSubmit', { draftId }));
      // The review card stays as it is, Send still on it, with the words beneath.
      expect(refused).toEqual({ type: 'application/vnd.microsoft.activity.message', value: expect.stringContaining('We could not save that') });
      expect(ms).toBeLessThan(USER_WAIT_BOUND_MS);
      await waitUntil('the dispatcher to meet the cut', async () => logger.lines.some((l) => l.event === 'outbox.tick-failed'), 20_000);
      expect(await direct.getDraft(draftId)).toEqual(draftBefore);
      expect(await direct.listCasesByStatus(CASE_STATUSES, 100)).toEqual(casesBefore);
      expect(await direct.listOutbox('pending', 100)).toEqual(outboxBefore);

      await cosmos.proxy.restore();
      const receipt = cardText(await bot.execute('priya', 'intakeSubmit', { draftId }));
      expect(receipt).toContain('Request sent');
      const ref = /FD-\d{4}-\d{5}/.exec(receipt)?.[0] ?? '';
      expect(cardText(await bot.execute('priya', 'intakeSubmit', { draftId }))).toContain(ref);
      const cases = await direct.listCasesByStatus(CASE_STATUSES, 100);
      expect(cases.filter((c) => c.submissionKey === draftId).map((c) => c.ref)).toEqual([ref]);
      expect(cases).toHaveLength(casesBefore.length + 1);
      expect((await direct.listAudit(ref)).filter((e) => e.action === 'case.submitted')).toHaveLength(1);
      await waitUntil('the duty alert to be delivered after restore', async () => sent.some((n) => n.caseRef === ref && n.kind === 'channel-post'), 20_000);
      expect(sent.filter((n) => n.caseRef === ref)).toHaveLength(1);
      await waitUntil('the alert to be marked delivered', async () => (await direct.listOutbox('delivered', 100)).some((i) => i.caseRef === ref), 20_000);
    } finally {
      await dispatcher.stop();
    }
  }, 45_000);
});
