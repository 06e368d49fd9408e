import { ConfigError, loadConfig, type Config } from './config';
import { storeDirectory } from './app/directory';
import { importReferenceData } from './app/reference-data/import-reference-data';
import { loadReferenceData, ReferenceDataError } from './app/reference-data/load-reference-data';
import { createHttpServer } from './http/server';
import { describeError, jsonLogger } from './logging/json-logger';
import { sweepDrafts } from './app/intake/expire-drafts';
import { sweepRetention } from './app/retention/sweep-retention';
import { startDeadlineSweeper } from './app/deadlines/deadline-sweeper';
import { notificationCards } from './teams/notification-cards';
import { systemClock, type Clock } from './ports/clock';
import { randomIds, type Ids } from './ports/ids';
import type { Logger } from './ports/logger';
import { openStore } from './store/open-store';
import { createTeamsAdapter } from './teams/adapter';
import { startTelemetry } from './telemetry';
import { createBotApp } from './teams/bot-app';
import { createOutboxDispatcher } from './app/outbox/dispatcher';
import { botNotifier } from './teams/bot-notifier';

/** How often old unfinished requests are looked for (each is noticed days before it goes). */
const DRAFT_SWEEP_INTERVAL_MS = 60 * 60 * 1000;
/** How often response-time reminders and escalations are looked for (one process at a time sweeps). */
const DEADLINE_SWEEP_INTERVAL_MS = 5 * 60 * 1000;
/** How often closed cases past the retention period are anonymised (each is one versioned write, so several processes may sweep). */
const RETENTION_SWEEP_INTERVAL_MS = 24 * 60 * 60 * 1000;

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
  const clock = overrides.clock ?? systemClock;
  const deps = { mode: config.mode, store, directory: storeDirectory(store, clock), clock, ids: overrides.ids ?? randomIds, logger };
  const http = createHttpServer({ config, adapter, app: createBotApp(deps, adapter), store, logger });
  const { port } = await http.listen();
  logger.info('server.listening', { port, host: config.host, mode: config.mode, store: config.store.kind });
  const notifier = botNotifier({ adapter, appId: config.botAuth.kind === 'azure' ? config.botAuth.appId : '', store, clock: deps.clock });
  const outbox = createOutboxDispatcher({ store, notifier, clock: deps.clock, logger }, { owner: `outbox-${deps.ids.next()}` });
  outbox.start(1_000);
  const sweepDraftsNow = () => sweepDrafts({ ...deps, cards: notificationCards }).catch((err: unknown) => logger.error('drafts.sweep-failed', describeError(err)));
  const sweeper = setInterval(sweepDraftsNow, DRAFT_SWEEP_INTERVAL_MS);
  sweeper.unref();
  const sweepRetentionNow = () => sweepRetention(deps).catch((err: unknown) => logger.error('retention.sweep-failed', describeError(err)));
  const retention = setInterval(sweepRetentionNow, RETENTION_SWEEP_INTERVAL_MS);
  retention.unref();
  const deadlines = startDeadlineSweeper({ ...deps, cards: notificationCards }, { owner: `deadlines-${deps.ids.next()}`, intervalMs: DEADLINE_SWEEP_INTERVAL_MS });
  return {
    port,
    shutdown: async () => {
      clearInterval(sweeper);
      clearInterval(retention);
      await deadlines.stop();
      await outbox.stop();
      await http.shutdown();
    },
  };
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
  const telemetry = startTelemetry(config.telemetryConnectionString, jsonLogger(config.logLevel), {
    managedIdentityClientId: config.store.kind === 'cosmos' ? config.store.managedIdentityClientId : undefined,
  });
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
    bot
      .shutdown()
      .then(() => telemetry.shutdown())
      .then(
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
