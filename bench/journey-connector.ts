import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Notifications the bot delivered to the stand-in connector, by kind of call. */
export interface ConnectorTally {
  /** New channel threads (POST /v3/conversations: the duty channel's alert cards). */
  threads: number;
  /** Messages into a conversation (a school's or a professional's personal chat, a thread reply). */
  messages: number;
  /** Card updates (PUT .../activities/{id}: the alert card showing who claimed it). */
  updates: number;
}

/** A Bot Connector stand-in for the journey: accepts every call the bot's notifier makes, at once. */
export interface JourneyConnector {
  url: string;
  tally(): ConnectorTally;
  close(): Promise<void>;
}

async function drain(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** The channel a new thread is created in (as Teams names the thread after it), or a stand-in. */
function channelOf(body: string): string {
  try {
    const id = (JSON.parse(body) as { channelData?: { channel?: { id?: unknown } } }).channelData?.channel?.id;
    return typeof id === 'string' ? id : '19:bench-channel@thread.tacv2';
  } catch {
    return '19:bench-channel@thread.tacv2';
  }
}

const MEMBER_PATH = /^\/v3\/conversations\/[^/]+\/members\/([^/]+)$/;
const ACTIVITIES_PATH = /^\/v3\/conversations\/[^/]+\/activities(?:\/[^/]+)?$/;
const CONVERSATIONS_PATH = /^\/v3\/conversations\/?$/;

/**
 * Starts on 127.0.0.1 at a free port. Unlike bench-connector.ts it also creates channel threads
 * and takes card updates, so the duty channel's alerts are delivered, not dead-lettered; it keeps
 * no replies (every journey turn is an invoke, answered in its HTTP response).
 */
export async function startJourneyConnector(): Promise<JourneyConnector> {
  const tally: ConnectorTally = { threads: 0, messages: 0, updates: 0 };
  let n = 0;
  const answer = (res: ServerResponse, status: number, body?: unknown): void => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(body === undefined ? undefined : JSON.stringify(body));
  };
  const server: Server = createServer((req, res) => {
    drain(req).then(
      (body) => {
        const path = (req.url ?? '').split('?')[0] ?? '';
        const member = MEMBER_PATH.exec(path);
        if (req.method === 'GET' && member) {
          const id = decodeURIComponent(member[1] ?? '');
          return answer(res, 200, { id, name: 'Bench User', userPrincipalName: 'bench.user@example.sch.uk', email: 'bench.user@example.sch.uk' });
        }
        if (req.method === 'POST' && CONVERSATIONS_PATH.test(path)) {
          tally.threads += 1;
          n += 1;
          return answer(res, 201, { id: `${channelOf(body)};messageid=${n}`, activityId: `${n}` });
        }
        if ((req.method === 'POST' || req.method === 'PUT') && ACTIVITIES_PATH.test(path)) {
          if (req.method === 'POST') tally.messages += 1;
          else tally.updates += 1;
          return answer(res, 200, { id: `activity-${++n}` });
        }
        answer(res, 404);
      },
      () => answer(res, 400),
    );
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    tally: () => ({ ...tally }),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
