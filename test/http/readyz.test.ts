import { storeDirectory } from '../../src/app/directory';
import { importReferenceData } from '../../src/app/reference-data/import-reference-data';
import { loadReferenceData } from '../../src/app/reference-data/load-reference-data';
import { loadConfig } from '../../src/config';
import { createHttpServer } from '../../src/http/server';
import { openStore } from '../../src/store/open-store';
import { createTeamsAdapter } from '../../src/teams/adapter';
import { createBotApp } from '../../src/teams/bot-app';
import { recordingLogger } from '../support/bot-harness';
import { switchableStore } from '../support/switchable-store';

describe('/readyz', () => {
  it('fails while the store cannot be reached and recovers by itself when it returns', async () => {
    const real = await openStore({ kind: 'sqlite', path: ':memory:' });
    await importReferenceData(real, await loadReferenceData('data'));
    const outage = switchableStore(real);
    const config = loadConfig({ PORT: '0', LOG_LEVEL: 'silent' });
    const adapter = createTeamsAdapter(config.botAuth);
    const logger = recordingLogger();
    const deps = { mode: 'local' as const, store: outage.store, directory: storeDirectory(outage.store), clock: { now: () => new Date() }, ids: { next: () => Math.random().toString(36) }, logger };
    const http = createHttpServer({ config, adapter, app: createBotApp(deps, adapter), store: outage.store, logger });
    const { port } = await http.listen();
    const ready = async () => {
      const res = await fetch(`http://127.0.0.1:${port}/readyz`);
      return { status: res.status, body: (await res.json()) as unknown };
    };
    expect(await ready()).toEqual({ status: 200, body: { status: 'ready' } });
    outage.down();
    expect(await ready()).toEqual({ status: 503, body: { code: 'StoreUnavailable', message: 'The store cannot be reached.' } });
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    outage.up();
    expect((await ready()).status).toBe(200);
    await http.shutdown();
  });
});
