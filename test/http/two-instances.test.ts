import { loadConfig } from '../../src/config';
import { startBot, type RunningBot } from '../../src/main';
import { userKey } from '../../src/domain/roles';
import { openStore } from '../../src/store/open-store';
import { personalMessage, SENCO } from '../support/activities';
import { recordingLogger } from '../support/bot-harness';
import { startFakeConnector, type FakeConnector } from '../support/fake-connector';
import { VALID_STEP_INPUTS } from '../support/intake-answers';
import { makeTempDir } from '../support/temp-dir';

let dir: Awaited<ReturnType<typeof makeTempDir>>;
let connector: FakeConnector;
let a: RunningBot;
let b: RunningBot;

beforeAll(async () => {
  dir = await makeTempDir();
  connector = await startFakeConnector();
  const config = loadConfig({ PORT: '0', SQLITE_PATH: `${dir.path}/shared.db`, LOG_LEVEL: 'silent' });
  a = await startBot(config, { logger: recordingLogger() });
  b = await startBot(config, { logger: recordingLogger() });
});
afterAll(async () => {
  await a.shutdown();
  await b.shutdown();
  await connector.close();
  await dir.remove();
});

async function post(bot: RunningBot, activity: Record<string, unknown>): Promise<{ status: number; body: string }> {
  const res = await fetch(`http://127.0.0.1:${bot.port}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
  return { status: res.status, body: await res.text() };
}

function invoke(verb: string, data: Record<string, unknown>): Record<string, unknown> {
  return { ...personalMessage({ ...SENCO, text: '', serviceUrl: connector.url }), type: 'invoke', name: 'adaptiveCard/action', text: undefined, value: { action: { type: 'Action.Execute', verb, data } } };
}

describe('two bot processes on one SQLite file', () => {
  it('share turn state: the second does not save again what the first already saved', async () => {
    expect((await post(a, personalMessage({ ...SENCO, text: 'hi', serviceUrl: connector.url }))).status).toBe(200);
    const store = await openStore({ kind: 'sqlite', path: `${dir.path}/shared.db` });
    const key = userKey({ tenantId: '00000000-0000-0000-0000-0000000000aa', aadObjectId: SENCO.aadObjectId });
    const saved = await store.getConversation(key);
    expect(saved).toBeDefined();
    expect((await post(b, personalMessage({ ...SENCO, text: 'hello again', serviceUrl: connector.url }))).status).toBe(200);
    expect(await store.getConversation(key)).toEqual(saved);
    await store.close();
  });

  it('carry one request form across both: started on one, continued on the other', async () => {
    const start = await post(a, invoke('requestSupport', {}));
    expect(start.status).toBe(200);
    const draftId = /"verb":"intakeNext","style":"positive","data":\{"draftId":"([^"]+)"/.exec(start.body)?.[1];
    expect(draftId).toBeDefined();
    const next = await post(b, invoke('intakeNext', { draftId, step: 'requester', ...VALID_STEP_INPUTS.requester }));
    expect(next.status).toBe(200);
    expect(next.body).toContain('Step 2 of 7: About the pupil');
  });
});
