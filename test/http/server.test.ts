import { loadConfig } from '../../src/config';
import { startBot, type RunningBot } from '../../src/main';
import type { Store } from '../../src/ports/store';
import { openStore } from '../../src/store/open-store';
import { personalMessage, SENCO, STRANGER } from '../support/activities';
import { recordingLogger } from '../support/bot-harness';
import { startFakeConnector, type FakeConnector } from '../support/fake-connector';
import { makeTempDir } from '../support/temp-dir';

let dir: { path: string; remove(): Promise<void> };
let connector: FakeConnector;
let bot: RunningBot;
let base: string;
const logger = recordingLogger();

function config(extra: Record<string, string> = {}) {
  return loadConfig({ APP_MODE: 'local', PORT: '0', SQLITE_PATH: `${dir.path}/frontdoor.db`, LOG_LEVEL: 'silent', ...extra });
}

async function post(body: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  return { status: res.status, text: await res.text() };
}

/** What a refused request must not leave behind: state, conversations, access requests. */
async function storeFootprint(store: Store) {
  const state = await store.readState(['msteams/28:bot/users/29:00000000-0000-0000-0000-000000000101']);
  return { state: Object.keys(state).length, access: (await store.listAccessRequests('pending')).length };
}

beforeAll(async () => {
  dir = await makeTempDir();
  connector = await startFakeConnector();
  bot = await startBot(config(), { logger });
  base = `http://127.0.0.1:${bot.port}`;
});
afterAll(async () => {
  await bot.shutdown();
  await connector.close();
  await dir.remove();
});

describe('HTTP', () => {
  it('says the process is up and the store reachable', async () => {
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });

  it('answers a SENCO’s message with the welcome card through the connector', async () => {
    const before = connector.received.length;
    const res = await post(JSON.stringify(personalMessage({ ...SENCO, text: 'hi', serviceUrl: connector.url })));
    expect(res.status).toBe(200);
    await connector.waitFor(before + 1);
    expect(JSON.stringify(connector.received[before]?.activity)).toContain('Welcome to the SEND Front Door, Priya');
  });

  it('refuses malformed JSON clearly, without a stack trace', async () => {
    const res = await post('{"type": "message", ');
    expect(res.status).toBe(400);
    expect(JSON.parse(res.text)).toEqual({ code: 'InvalidJson', message: 'The request body is not valid JSON.' });
    expect(res.text).not.toMatch(/\bat \S+ \(/);
  });

  it('refuses a body that is not an activity', async () => {
    const res = await post(JSON.stringify({ hello: 'world' }));
    expect(res.status).toBe(400);
    expect(JSON.parse(res.text).code).toBe('InvalidActivity');
  });

  it('refuses an oversized body and stores nothing', async () => {
    const store = await openStore({ kind: 'sqlite', path: `${dir.path}/frontdoor.db` });
    const before = await storeFootprint(store);
    const huge = personalMessage({ ...STRANGER, text: 'x'.repeat(300 * 1024), serviceUrl: connector.url });
    const res = await post(JSON.stringify(huge));
    expect(res.status).toBe(413);
    expect(JSON.parse(res.text).code).toBe('PayloadTooLarge');
    expect(await storeFootprint(store)).toEqual(before);
    await store.close();
  });

  it('refuses an activity from a tenant not on the allowlist, logs it, and stores nothing', async () => {
    const store = await openStore({ kind: 'sqlite', path: `${dir.path}/frontdoor.db` });
    const before = await storeFootprint(store);
    const sent = connector.received.length;
    const res = await post(JSON.stringify(personalMessage({ ...SENCO, text: 'hi', serviceUrl: connector.url, tenantId: 'f0000000-0000-0000-0000-00000000dead' })));
    expect(res.status).toBe(403);
    expect(JSON.parse(res.text).code).toBe('TenantNotAllowed');
    expect(logger.lines).toContainEqual(expect.objectContaining({ event: 'http.refused', fields: expect.objectContaining({ reason: 'tenant-not-allowed' }) }));
    expect(await storeFootprint(store)).toEqual(before);
    expect(connector.received.length).toBe(sent);
    await store.close();
  });
});

describe('production mode', () => {
  it('refuses a call with no token (401) and stores nothing', async () => {
    const prod = await startBot(
      config({ APP_MODE: 'local', MICROSOFT_APP_ID: '11111111-2222-3333-4444-555555555555', MICROSOFT_APP_TYPE: 'UserAssignedMSI', MICROSOFT_APP_TENANT_ID: '00000000-0000-0000-0000-0000000000aa', SQLITE_PATH: `${dir.path}/prod.db` }),
      { logger: recordingLogger() },
    );
    try {
      const res = await fetch(`http://127.0.0.1:${prod.port}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(personalMessage({ ...STRANGER, text: 'hi', serviceUrl: connector.url })),
      });
      expect(res.status).toBe(401);
      expect(await res.text()).not.toMatch(/\bat \S+ \(/);
    } finally {
      await prod.shutdown();
    }
    const store = await openStore({ kind: 'sqlite', path: `${dir.path}/prod.db` });
    expect(await store.listAccessRequests('pending')).toEqual([]);
    expect(Object.keys(await store.readState(['msteams/28:bot/users/29:00000000-0000-0000-0000-0000000009ff']))).toEqual([]);
    await store.close();
  });
});
