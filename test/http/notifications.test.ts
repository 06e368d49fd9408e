import { loadConfig } from '../../src/config';
import { startBot, type RunningBot } from '../../src/main';
import { openStore } from '../../src/store/open-store';
import { recordingLogger } from '../support/bot-harness';
import { startFakeConnector, type FakeConnector } from '../support/fake-connector';
import { FORM_STEPS, VALID_STEP_INPUTS } from '../support/intake-answers';
import { makeTempDir } from '../support/temp-dir';
import { personalMessage, SENCO } from '../support/activities';

let dir: Awaited<ReturnType<typeof makeTempDir>>;
let connector: FakeConnector;
let bot: RunningBot;

beforeAll(async () => {
  dir = await makeTempDir();
  connector = await startFakeConnector();
  bot = await startBot(loadConfig({ PORT: '0', SQLITE_PATH: `${dir.path}/fd.db`, LOG_LEVEL: 'silent' }), { logger: recordingLogger() });
});
afterAll(async () => {
  await bot.shutdown();
  await connector.close();
  await dir.remove();
});

async function post(activity: Record<string, unknown>): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${bot.port}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
  return res.text();
}

function invoke(verb: string, data: Record<string, unknown>): Record<string, unknown> {
  return { ...personalMessage({ ...SENCO, text: '', serviceUrl: connector.url }), type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb, data } } };
}

async function until(condition: () => Promise<boolean> | boolean, what: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

describe('the duty alert through the real server, outbox and connector', () => {
  it('is posted to the Duty channel even when Teams fails the first attempt, and never counted as sent when it was not', async () => {
    const start = await post(invoke('intakeStart', { channel: 'teams' }));
    const draftId = /"draftId":"([^"]+)"/.exec(start)?.[1];
    for (const step of FORM_STEPS) await post(invoke('intakeNext', { draftId, step, ...VALID_STEP_INPUTS[step] }));
    connector.failNext({ status: 500 });
    expect(await post(invoke('intakeSubmit', { draftId }))).toContain('FD-2026-00001');

    await until(() => connector.calls.some((c) => c.operation === 'create' && c.status === 200), 'the alert to be posted');
    const creates = connector.calls.filter((c) => c.operation === 'create');
    expect(creates.map((c) => c.status)).toEqual([500, 200]);
    expect(creates[1]?.conversationId).toBe('19:front-door-duty@thread.tacv2');
    expect(JSON.stringify(creates[1]?.activity)).toContain('New request FD-2026-00001');

    const store = await openStore({ kind: 'sqlite', path: `${dir.path}/fd.db` });
    await until(async () => (await store.listOutbox('delivered', 10)).some((i) => i.id === 'FD-2026-00001:duty-alert'), 'the outbox to record the delivery');
    expect((await store.listOutbox('delivered', 10)).find((i) => i.id === 'FD-2026-00001:duty-alert')?.attempts).toBe(2);
    await store.close();
  }, 30_000);

  it('answers a plain message even while the outbox is busy', async () => {
    expect(await post(personalMessage({ ...SENCO, text: 'hi', serviceUrl: connector.url }))).toBe('');
  });
});
