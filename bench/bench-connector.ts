import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';

/** One activity the bot sent, and when it arrived (performance.now() milliseconds). */
export interface ArrivedReply {
  at: number;
  activity: Record<string, unknown>;
}

/**
 * A stand-in for the Bot Connector on 127.0.0.1 for benchmarks: it answers at once and hands each
 * reply to whoever is waiting on that conversation, with its arrival time.
 */
export interface BenchConnector {
  /** The serviceUrl to put on activities. */
  url: string;
  /** Resolves with the next reply to arrive for the conversation (register before posting the turn). */
  nextReply(conversationId: string): Promise<ArrivedReply>;
  /** Stops waiting for the conversation's reply (turn failed) and drops replies that nobody awaited; returns how many were dropped. */
  settle(conversationId: string): number;
  /** Every activity received so far. */
  received(): number;
  close(): Promise<void>;
}

interface Mailbox {
  waiting: Array<(reply: ArrivedReply) => void>;
  unclaimed: ArrivedReply[];
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const MEMBER_PATH = /^\/v3\/conversations\/[^/]+\/members\/([^/]+)$/;
const ACTIVITIES_PATH = /^\/v3\/conversations\/([^/]+)\/activities(?:\/[^/]+)?$/;

/** Starts the connector on 127.0.0.1 at a free port. */
export async function startBenchConnector(): Promise<BenchConnector> {
  const mailboxes = new Map<string, Mailbox>();
  const mailbox = (id: string): Mailbox => {
    let box = mailboxes.get(id);
    if (!box) mailboxes.set(id, (box = { waiting: [], unclaimed: [] }));
    return box;
  };
  let total = 0;
  let n = 0;

  const server: Server = createServer((req, res) => {
    readBody(req).then(
      (body) => {
        const at = performance.now();
        const path = (req.url ?? '').split('?')[0] ?? '';
        const member = MEMBER_PATH.exec(path);
        if (req.method === 'GET' && member) {
          // TeamsInfo.getMember: answer as Teams would, so the bot does not wait on an error path.
          const id = decodeURIComponent(member[1] ?? '');
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ id, name: 'Bench User', userPrincipalName: 'bench.user@example.sch.uk', email: 'bench.user@example.sch.uk' }));
          return;
        }
        const match = ACTIVITIES_PATH.exec(path);
        if (req.method !== 'POST' || !match) {
          res.writeHead(404);
          res.end();
          return;
        }
        let activity: Record<string, unknown>;
        try {
          activity = JSON.parse(body) as Record<string, unknown>;
        } catch {
          res.writeHead(400);
          res.end();
          return;
        }
        total += 1;
        const box = mailbox(decodeURIComponent(match[1] ?? ''));
        const waiter = box.waiting.shift();
        if (waiter) waiter({ at, activity });
        else box.unclaimed.push({ at, activity });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: `activity-${++n}` }));
      },
      () => {
        res.writeHead(400);
        res.end();
      },
    );
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/`,
    nextReply(conversationId) {
      const box = mailbox(conversationId);
      const early = box.unclaimed.shift();
      if (early) return Promise.resolve(early);
      return new Promise((resolve) => box.waiting.push(resolve));
    },
    settle(conversationId) {
      const box = mailboxes.get(conversationId);
      if (!box) return 0;
      const dropped = box.unclaimed.length;
      box.waiting.length = 0;
      box.unclaimed.length = 0;
      return dropped;
    },
    received: () => total,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
