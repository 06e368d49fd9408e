import type { Application } from '@microsoft/teams-ai';
import type { TeamsAdapter } from '@microsoft/teams-ai';
import restify from 'restify';
import { z } from 'zod';
import type { Config } from '../config';
import { describeError } from '../logging/json-logger';
import type { Logger } from '../ports/logger';
import type { Store } from '../ports/store';
import { tenantOf } from '../teams/identity';
import type { BotTurnState } from '../teams/turn-state';
import { readJsonBody } from './read-json-body';

interface ServerDeps {
  config: Readonly<Config>;
  adapter: TeamsAdapter;
  app: Application<BotTurnState>;
  store: Store;
  logger: Logger;
}

export interface HttpServer {
  server: restify.Server;
  listen(): Promise<{ port: number }>;
  /** Stops taking requests, waits for turns in flight (up to the grace period), then closes the store. */
  shutdown(): Promise<void>;
}

const activityEnvelope = z.object({ type: z.string().min(1) }).passthrough();
const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/** The bot's HTTP face: /api/messages, /healthz and /readyz. */
export function createHttpServer(deps: ServerDeps): HttpServer {
  const { config, logger } = deps;
  const server = restify.createServer({ name: 'send-front-door', handleUncaughtExceptions: false });
  let inFlight = 0;
  let drained: (() => void) | undefined;

  const refuse = (res: restify.Response, status: number, code: string, message: string): void => {
    res.status(status);
    res.json({ code, message });
  };

  server.get('/healthz', async (_req, res) => {
    res.json({ status: 'up' });
  });

  server.get('/readyz', async (_req, res) => {
    try {
      await deps.store.ping();
      res.json({ status: 'ready' });
    } catch {
      refuse(res, 503, 'StoreUnavailable', 'The store cannot be reached.');
    }
  });

  server.post('/api/messages', async (req, res) => {
    inFlight += 1;
    try {
      if (config.botAuth.kind === 'anonymous' && !LOOPBACK.has(req.socket.remoteAddress ?? '')) {
        logger.warn('http.refused', { reason: 'anonymous-not-loopback' });
        return refuse(res, 403, 'Forbidden', 'Anonymous calls are accepted only from this machine.');
      }
      const read = await readJsonBody(req, config.maxBodyBytes);
      if (!read.ok) return refuse(res, read.status, read.code, read.message);
      const envelope = activityEnvelope.safeParse(read.body);
      if (!envelope.success) return refuse(res, 400, 'InvalidActivity', 'The body is not a Bot Framework activity.');
      const tenant = tenantOf(envelope.data as { conversation?: { tenantId?: string }; channelData?: unknown });
      if (!tenant || !config.allowedTenantIds.includes(tenant)) {
        logger.warn('http.refused', { reason: 'tenant-not-allowed', tenantId: tenant ?? null });
        return refuse(res, 403, 'TenantNotAllowed', 'This organisation is not set up to use the SEND Front Door.');
      }
      (req as { body?: unknown }).body = envelope.data;
      await deps.adapter.process(req, res, async (context) => {
        await deps.app.run(context);
      });
    } catch (err) {
      logger.error('http.failed', describeError(err));
      if (!res.headersSent) refuse(res, 500, 'InternalError', 'Something went wrong.');
    } finally {
      inFlight -= 1;
      if (inFlight === 0) drained?.();
    }
  });

  return {
    server,
    listen: () =>
      new Promise((resolve) => {
        server.listen(config.port, config.host, () => {
          const address = server.address();
          resolve({ port: typeof address === 'object' && address ? address.port : config.port });
        });
      }),
    shutdown: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      if (inFlight > 0) {
        await Promise.race([
          new Promise<void>((resolve) => (drained = resolve)),
          new Promise<void>((resolve) => setTimeout(resolve, config.shutdownGraceMs).unref()),
        ]);
      }
      server.server.closeAllConnections?.();
      await closed;
      await deps.store.close();
    },
  };
}
