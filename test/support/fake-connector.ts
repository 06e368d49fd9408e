import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedActivity {
  conversationId: string;
  activity: Record<string, unknown>;
}

/** A stand-in for the Bot Connector service on 127.0.0.1: records what the bot sends. */
export interface FakeConnector {
  url: string;
  received: ReceivedActivity[];
  /** Makes the next sends wait until the returned function is called. */
  hold(): () => void;
  /** Resolves when `count` activities have arrived in total. */
  waitFor(count: number): Promise<void>;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startFakeConnector(): Promise<FakeConnector> {
  const received: ReceivedActivity[] = [];
  const waiters: Array<{ count: number; resolve: () => void }> = [];
  let gate: Promise<void> | undefined;
  let n = 0;
  const server: Server = createServer(async (req, res) => {
    const body = await readBody(req);
    if (gate) await gate;
    const match = /\/v3\/conversations\/([^/]+)\/activities/.exec(req.url ?? '');
    if (req.method === 'POST' && match) {
      received.push({ conversationId: decodeURIComponent(match[1] ?? ''), activity: JSON.parse(body) as Record<string, unknown> });
      for (const w of waiters.filter((w) => received.length >= w.count)) w.resolve();
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: `activity-${++n}` }));
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    received,
    hold() {
      let release = (): void => undefined;
      gate = new Promise<void>((resolve) => (release = resolve));
      return () => {
        gate = undefined;
        release();
      };
    },
    waitFor: (count) => (received.length >= count ? Promise.resolve() : new Promise((resolve) => waiters.push({ count, resolve }))),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
