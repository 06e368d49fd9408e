import { loadConfig } from '../../src/config';
import { startBot } from '../../src/main';
import { openStore } from '../../src/store/open-store';
import { personalMessage, SENCO } from '../support/activities';
import { recordingLogger } from '../support/bot-harness';
import { startFakeConnector } from '../support/fake-connector';
import { makeTempDir } from '../support/temp-dir';

describe('shutting down (what SIGTERM does)', () => {
  it('finishes the turn in flight, refuses new connections, then closes the store', async () => {
    const dir = await makeTempDir();
    const connector = await startFakeConnector();
    const bot = await startBot(loadConfig({ PORT: '0', SQLITE_PATH: `${dir.path}/fd.db`, LOG_LEVEL: 'silent', SHUTDOWN_GRACE_MS: '20000' }), { logger: recordingLogger() });
    const url = `http://127.0.0.1:${bot.port}/api/messages`;
    const release = connector.hold();
    const held = connector.waitForHeld();
    const inFlight = fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(personalMessage({ ...SENCO, text: 'hi', serviceUrl: connector.url })) });
    await held; // the turn is now waiting on Teams, mid-reply

    let stopped = false;
    const stopping = bot.shutdown().then(() => (stopped = true));
    await expect(fetch(`http://127.0.0.1:${bot.port}/healthz`)).rejects.toThrow();
    expect(stopped).toBe(false);

    release();
    expect((await inFlight).status).toBe(200);
    await stopping;
    expect(connector.received.some((r) => JSON.stringify(r.activity).includes('Welcome to the SEND Front Door'))).toBe(true);

    const again = await openStore({ kind: 'sqlite', path: `${dir.path}/fd.db` });
    expect(Object.keys(await again.readState(['msteams/28:bot/users/29:00000000-0000-0000-0000-000000000101']))).toHaveLength(1);
    await again.close();
    await connector.close();
    await dir.remove();
  });
});
