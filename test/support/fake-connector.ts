import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { seededRandom } from '../../src/domain/seeded-random';

export interface ReceivedActivity {
  conversationId: string;
  activity: Record<string, unknown>;
}

/** One call to the fake connector, whatever its answer. */
export interface ConnectorCall {
  /** The clock's time when the call arrived, in epoch ms. */
  at: number;
  operation: 'create' | 'send' | 'update';
  /** The conversation the call counts against: for a create, the channel it posts in. */
  conversationId: string;
  status: number;
  /** The activity sent, created or updated. */
  activity: Record<string, unknown>;
}

export interface FakeConnectorOptions {
  /** Time for the call log (e.g. a test's fake clock); real time otherwise. */
  clock?: { now(): Date };
  /** Answers a share of calls with a failure: half 429 with Retry-After, half 500. */
  failures?: { share: number; seed?: number; retryAfterSeconds?: number };
}

/** A stand-in for the Bot Connector service on 127.0.0.1: records what the bot sends. */
export interface FakeConnector {
  url: string;
  /** Activities delivered to conversations (sends and thread replies that succeeded). */
  received: ReceivedActivity[];
  /** Every create, send and update call, failed or not, in arrival order. */
  calls: ConnectorCall[];
  /** Answers the next calls with these statuses, in order (e.g. 429 with Retry-After, 404), before any random failures. */
  failNext(...answers: Array<{ status: number; retryAfterSeconds?: number }>): void;
  /** Makes the next sends wait until the returned function is called. */
  hold(): () => void;
  /** Resolves when `count` activities have arrived in total. */
  waitFor(count: number): Promise<void>;
  /** Resolves when a send is waiting at the gate set by hold(). */
  waitForHeld(): Promise<void>;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}


const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
};

export async function startFakeConnector(options: FakeConnectorOptions = {}): Promise<FakeConnector> {
  const received: ReceivedActivity[] = [];
  const calls: ConnectorCall[] = [];
  const waiters: Array<{ count: number; resolve: () => void }> = [];
  const now = (): number => (options.clock ? options.clock.now().getTime() : Date.now());
  const random = seededRandom(options.failures?.seed ?? 1);
  const forced: Array<{ status: number; retryAfterSeconds?: number }> = [];
  let gate: Promise<void> | undefined;
  let heldWaiters: Array<() => void> = [];
  let n = 0;

  /** A failure to answer with, or undefined to succeed. */
  const injectedFailure = (): { status: number; headers: Record<string, string> } | undefined => {
    const next = forced.shift();
    if (next) return { status: next.status, headers: next.retryAfterSeconds === undefined ? {} : { 'retry-after': String(next.retryAfterSeconds) } };
    const share = options.failures?.share ?? 0;
    if (share <= 0 || random() >= share) return undefined;
    if (random() < 0.5) return { status: 500, headers: {} };
    return { status: 429, headers: { 'retry-after': String(options.failures?.retryAfterSeconds ?? 1) } };
  };

  const server: Server = createServer(async (req, res) => {
    const body = await readBody(req);
    if (gate) {
      heldWaiters.forEach((resolve) => resolve());
      heldWaiters = [];
      await gate;
    }
    const url = req.url ?? '';
    const activityPath = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/.exec(url);
    const isCreate = req.method === 'POST' && /^\/v3\/conversations\/?$/.test(url);
    const operation = isCreate ? 'create' : req.method === 'POST' && activityPath ? 'send' : req.method === 'PUT' && activityPath?.[2] ? 'update' : undefined;
    if (!operation) {
      // Not writeHead(...).end(): restify, loaded in the same process by the bot, patches writeHead to return nothing.
      res.statusCode = 404;
      res.end();
      return;
    }
    const parsed = JSON.parse(body) as Record<string, unknown>;
    const channelOfCreate = (parsed.channelData as { channel?: { id?: string } } | undefined)?.channel?.id ?? 'new-conversation';
    const conversationId = isCreate ? channelOfCreate : decodeURIComponent(activityPath?.[1] ?? '');
    const activity = isCreate ? ((parsed.activity as Record<string, unknown> | undefined) ?? {}) : parsed;
    const failure = injectedFailure();
    calls.push({ at: now(), operation, conversationId, status: failure?.status ?? 200, activity });
    if (failure) {
      const code = failure.status === 429 ? 'Throttled' : failure.status === 404 ? 'ConversationNotFound' : 'ServiceError';
      json(res, failure.status, { error: { code, message: 'injected' } }, failure.headers);
      return;
    }
    if (operation === 'create') {
      const activityId = `${++n}`;
      json(res, 200, { id: `${conversationId};messageid=${activityId}`, activityId });
      return;
    }
    if (operation === 'update') {
      json(res, 200, { id: activityPath?.[2] });
      return;
    }
    received.push({ conversationId, activity });
    for (const w of waiters.filter((w) => received.length >= w.count)) w.resolve();
    json(res, 200, { id: `activity-${++n}` });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    received,
    calls,
    failNext(...answers) {
      forced.push(...answers);
    },
    hold() {
      let release = (): void => undefined;
      gate = new Promise<void>((resolve) => (release = resolve));
      return () => {
        gate = undefined;
        release();
      };
    },
    waitForHeld: () => new Promise((resolve) => heldWaiters.push(resolve)),
    waitFor: (count) => (received.length >= count ? Promise.resolve() : new Promise((resolve) => waiters.push({ count, resolve }))),
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
