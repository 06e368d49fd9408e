import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startBenchConnector, type BenchConnector } from '../../bench/bench-connector';
import { drive, type DriveOptions, type TurnPlan } from '../../bench/http-driver';
import { journeyPlanner } from '../../bench/intake';

interface Seen {
  conversationId: string;
  userId: string;
  type: string;
  data?: Record<string, unknown>;
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
}

function postReply(serviceUrl: string, conversationId: string, text: string): Promise<void> {
  const url = new URL(`v3/conversations/${encodeURIComponent(conversationId)}/activities`, serviceUrl);
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers: { 'content-type': 'application/json' } }, (res) => res.resume().on('end', resolve));
    req.on('error', reject);
    req.end(JSON.stringify({ type: 'message', text }));
  });
}

/**
 * A tiny bot: replies "re: <text>" through the connector; "fail" gets HTTP 500, "silent" no reply.
 * Invokes get a card with a "next" button carrying a draft id; verb "broken" gets status 500.
 */
async function startTinyBot(): Promise<{ url: string; seen: Seen[]; overlaps: () => number; close(): Promise<void> }> {
  const seen: Seen[] = [];
  const inFlight = new Set<string>();
  let overlaps = 0;
  const server: Server = createServer(async (req, res) => {
    const activity = await readJson(req);
    const conversationId = (activity.conversation as { id: string }).id;
    if (inFlight.has(conversationId)) overlaps += 1;
    inFlight.add(conversationId);
    const action = (activity.value as { action?: { verb: string; data: Record<string, unknown> } } | undefined)?.action;
    seen.push({ conversationId, userId: (activity.from as { id: string }).id, type: String(activity.type), data: action?.data });
    const answer = async (): Promise<[number, unknown]> => {
      if (activity.type === 'invoke') {
        if (action?.verb === 'broken') return [200, { statusCode: 500 }];
        const card = { type: 'AdaptiveCard', actions: [{ type: 'Action.Execute', title: 'Next', verb: 'next', data: { draftId: `d-${conversationId}` } }] };
        return [200, { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card }];
      }
      if (activity.text === 'fail') return [500, {}];
      if (activity.text !== 'silent') await postReply(String(activity.serviceUrl), conversationId, `re: ${String(activity.text)}`);
      return [200, {}];
    };
    const [status, body] = await answer();
    inFlight.delete(conversationId);
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    overlaps: () => overlaps,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

let connector: BenchConnector;
let bot: Awaited<ReturnType<typeof startTinyBot>>;

beforeEach(async () => {
  connector = await startBenchConnector();
  bot = await startTinyBot();
});
afterEach(async () => {
  await bot.close();
  await connector.close();
});

function options(plan: DriveOptions['plan'], extra: Partial<DriveOptions> = {}): DriveOptions {
  const person = { aadObjectId: '00000000-0000-0000-0000-000000000101', name: 'Priya Shah' };
  return { botUrl: bot.url, connector, person, runId: 't', conversations: 3, warmupMs: 0, durationMs: 60_000, maxTurns: 30, plan, ...extra };
}

const hello: TurnPlan = { label: 'hello', kind: 'message', text: 'hello', check: (r) => (r.text === 're: hello' ? undefined : 'wrong reply') };

describe('the bench HTTP driver', () => {
  it('measures every turn of each conversation, one turn at a time, each conversation with its own ids', async () => {
    const result = await drive(options(() => hello));
    expect(result.errors).toBe(0);
    expect(result.turnsStarted).toBe(30);
    expect(result.samples).toHaveLength(30);
    expect(result.samples.every((s) => s.label === 'hello' && s.latencyMs > 0)).toBe(true);
    expect(new Set(bot.seen.map((s) => s.conversationId)).size).toBe(3);
    expect(new Set(bot.seen.map((s) => s.userId)).size).toBe(3);
    expect(bot.overlaps()).toBe(0);
    expect(result.windowMs).toBeGreaterThan(0);
  });

  it('counts failed turns as errors and says what failed', async () => {
    const plans: TurnPlan[] = [
      { label: 'refused', kind: 'message', text: 'fail' },
      { label: 'unanswered', kind: 'message', text: 'silent' },
      { label: 'wrong', kind: 'message', text: 'hello', check: () => 'not the welcome card' },
      { label: 'broken', kind: 'invoke', verb: 'broken', data: {} },
    ];
    const result = await drive(options((_c, turn) => plans[turn] ?? hello, { conversations: 1, maxTurns: 4 }));
    expect(result.samples).toHaveLength(0);
    expect(result.errors).toBe(4);
    expect(result.firstErrors).toEqual([
      'refused: HTTP 500',
      'unanswered: the turn ended with no reply at the connector',
      'wrong: not the welcome card',
      'broken: invoke status 500',
    ]);
  });

  it('stops by itself when the time is up, leaving warm-up turns out of the figures', async () => {
    const result = await drive(options(() => hello, { warmupMs: 150, durationMs: 300, maxTurns: undefined }));
    expect(result.errors).toBe(0);
    expect(result.samples.length).toBeGreaterThan(0);
    expect(result.turnsStarted).toBeGreaterThan(result.samples.length);
  });

  it('presses the button of the card the last turn returned, with the inputs of the step', async () => {
    const plan = journeyPlanner([
      { label: 'start', verb: 'start', inputs: () => ({}) },
      { label: 'next', verb: 'next', inputs: (_c, journey) => ({ answer: `journey ${journey}` }) },
    ]);
    const result = await drive(options(plan, { conversations: 1, maxTurns: 4 }));
    expect(result.errors).toBe(0);
    expect(result.samples.map((s) => s.label)).toEqual(['start', 'next', 'start', 'next']);
    const conversationId = bot.seen[0]?.conversationId;
    expect(bot.seen.map((s) => s.data)).toEqual([{}, { draftId: `d-${conversationId}`, answer: 'journey 0' }, {}, { draftId: `d-${conversationId}`, answer: 'journey 1' }]);
  });

  it('talks only to 127.0.0.1', async () => {
    await expect(drive(options(() => hello, { botUrl: 'http://example.com:80' }))).rejects.toThrow('only talks to 127.0.0.1');
  });
});
