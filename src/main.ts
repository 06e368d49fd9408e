import { ConfigError, loadConfig, type Config } from './config';
import { storeDirectory } from './app/directory';
import { importReferenceData } from './app/reference-data/import-reference-data';
import { loadReferenceData, ReferenceDataError } from './app/reference-data/load-reference-data';
import { createHttpServer } from './http/server';
import { jsonLogger } from './logging/json-logger';
import { systemClock, type Clock } from './ports/clock';
import { randomIds, type Ids } from './ports/ids';
import type { Logger } from './ports/logger';
import { openStore } from './store/open-store';
import { createTeamsAdapter } from './teams/adapter';
import { createBotApp } from './teams/bot-app';

export interface RunningBot {
  port: number;
  shutdown(): Promise<void>;
}

/** Wires config, store, reference data, Teams and HTTP together, and starts listening. */
export async function startBot(
  config: Readonly<Config>,
  overrides: { clock?: Clock; ids?: Ids; logger?: Logger } = {},
): Promise<RunningBot> {
  const logger = overrides.logger ?? jsonLogger(config.logLevel);
  const referenceData = await loadReferenceData(config.referenceDataDir);
  const store = await openStore(config.store);
  try {
    await importReferenceData(store, referenceData);
  } catch (err) {
    await store.close();
    throw err;
  }
  const adapter = createTeamsAdapter(config.botAuth);
  const deps = { store, directory: storeDirectory(store), clock: overrides.clock ?? systemClock, ids: overrides.ids ?? randomIds, logger };
  const http = createHttpServer({ config, adapter, app: createBotApp(deps, adapter), store, logger });
  const { port } = await http.listen();
  logger.info('server.listening', { port, host: config.host, mode: config.mode, store: config.store.kind });
  return { port, shutdown: () => http.shutdown() };
}

async function main(): Promise<void> {
  let config: Readonly<Config>;
  try {
    config = loadConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`SEND Front Door cannot start.\n${err.message}\n`);
      process.exit(78);
    }
    throw err;
  }
  let bot: RunningBot;
  try {
    bot = await startBot(config);
  } catch (err) {
    if (err instanceof ReferenceDataError) {
      process.stderr.write(`SEND Front Door cannot start: the reference data in ${config.referenceDataDir} has problems.\n${err.message}\n`);
      process.exit(78);
    }
    throw err;
  }
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), level: 'info', event: 'server.stopping', signal })}\n`);
    bot.shutdown().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

if (require.main === module) {
  main().catch((err: unknown) => {
    process.stderr.write(`SEND Front Door stopped: ${err instanceof Error ? `${err.name}: ${err.message}` : String(err)}\n`);
    process.exit(1);
  });
}
