import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { LOCAL_TENANT_ID } from '../src/config';
import type { ArrivedReply, BenchConnector } from './bench-connector';

/** The person a bench conversation speaks as (a people.yaml id, so the real bot knows them). */
export interface BenchPerson {
  aadObjectId: string;
  name: string;
}

/** One simulated personal chat: its own conversation id and Teams user id, so turn state is its own. */
export interface BenchConversation {
  index: number;
  conversationId: string;
  userId: string;
  person: BenchPerson;
}

/** What a turn sends; `check` returns a problem to count the turn as an error, or undefined. */
export type TurnPlan =
  | { label: string; kind: 'message'; text: string; check?: (reply: Record<string, unknown>) => string | undefined }
  | { label: string; kind: 'invoke'; verb: string; data: Record<string, unknown>; check?: (body: unknown) => string | undefined };

export interface DriveOptions {
  /** The bot's base URL, e.g. http://127.0.0.1:4321 (only 127.0.0.1 is allowed). */
  botUrl: string;
  connector: BenchConnector;
  person: BenchPerson;
  /** Distinguishes conversation ids between runs on the same bot. */
  runId: string;
  /** Conversations driven at once, each one turn at a time. */
  conversations: number;
  /** Turns started in this first stretch are not measured (JIT, first-turn state, caches). */
  warmupMs: number;
  /** Turns started in this stretch after the warm-up are measured; none start after it. */
  durationMs: number;
  /** A hard bound on turns started in all, whatever the time. */
  maxTurns?: number;
  turnTimeoutMs?: number;
  /**
   * The conversation's turnNumber-th turn (0-based, counted per conversation). `previous` is what
   * the last turn got back (the invoke answer body, or the reply activity), undefined after a failure.
   */
  plan(conversation: BenchConversation, turnNumber: number, previous: unknown): TurnPlan;
}

/** A measured turn: latency from POST to the reply (messages: at the connector; invokes: the HTTP response). */
export interface TurnSample {
  label: string;
  latencyMs: number;
}

export interface DriveResult {
  samples: TurnSample[];
  /** From the end of the warm-up to the end of the last measured turn. */
  windowMs: number;
  turnsStarted: number;
  errors: number;
  /** Up to five distinct error descriptions. */
  firstErrors: string[];
  /** Replies beyond the first of a message turn (dropped, not measured). */
  extraReplies: number;
}

/** A Teams personal-chat message for the conversation. */
export function messageActivity(conversation: BenchConversation, text: string, serviceUrl: string): Record<string, unknown> {
  return { ...baseActivity(conversation, serviceUrl), type: 'message', text };
}

/** A Teams Action.Execute invoke for the conversation. */
export function invokeActivity(conversation: BenchConversation, verb: string, data: Record<string, unknown>, serviceUrl: string): Record<string, unknown> {
  return { ...baseActivity(conversation, serviceUrl), type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' } };
}

let activitySeq = 0;
function baseActivity(conversation: BenchConversation, serviceUrl: string): Record<string, unknown> {
  const { person } = conversation;
  return {
    id: `bench-${++activitySeq}`,
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl,
    from: { id: conversation.userId, name: person.name, aadObjectId: person.aadObjectId },
    recipient: { id: '28:bot', name: 'SEND Front Door' },
    conversation: { id: conversation.conversationId, conversationType: 'personal', tenantId: LOCAL_TENANT_ID },
    channelData: { tenant: { id: LOCAL_TENANT_ID } },
  };
}

interface HttpAnswer {
  status: number;
  body: string;
  endedAt: number;
}

/** POSTs one activity to the bot's /api/messages on 127.0.0.1 through the agent; the status, body and when it ended. */
export function postJson(agent: Agent, url: URL, body: string, timeoutMs: number): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(
      { agent, host: '127.0.0.1', port: url.port, path: '/api/messages', method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), endedAt: performance.now() }));
        res.on('error', reject);
      },
    );
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end(body);
  });
}

/** Posts one turn; resolves with its latency or a problem. */
async function runTurn(options: DriveOptions, agent: Agent, url: URL, conversation: BenchConversation, plan: TurnPlan): Promise<{ latencyMs: number; answer: unknown } | { problem: string }> {
  const { connector } = options;
  const activity =
    plan.kind === 'message' ? messageActivity(conversation, plan.text, connector.url) : invokeActivity(conversation, plan.verb, plan.data, connector.url);
  let reply: ArrivedReply | undefined;
  // The bot's reply reaches the connector before its HTTP answer: the turn awaits the send.
  if (plan.kind === 'message') void connector.nextReply(conversation.conversationId).then((r) => (reply = r));
  const startedAt = performance.now();
  const answer = await postJson(agent, url, JSON.stringify(activity), options.turnTimeoutMs ?? 10_000);
  if (answer.status < 200 || answer.status > 299) return { problem: `${plan.label}: HTTP ${answer.status}` };
  if (plan.kind === 'invoke') {
    let body: unknown;
    try {
      body = JSON.parse(answer.body) as unknown;
    } catch {
      return { problem: `${plan.label}: the invoke answer is not JSON` };
    }
    const problem = plan.check ? plan.check(body) : checkInvokeCard(body);
    return problem ? { problem: `${plan.label}: ${problem}` } : { latencyMs: answer.endedAt - startedAt, answer: body };
  }
  if (!reply) return { problem: `${plan.label}: the turn ended with no reply at the connector` };
  const problem = plan.check?.(reply.activity);
  return problem ? { problem: `${plan.label}: ${problem}` } : { latencyMs: reply.at - startedAt, answer: reply.activity };
}

/** The default invoke check: an Adaptive Card came back with status 200. */
export function checkInvokeCard(body: unknown): string | undefined {
  const answer = body as { statusCode?: unknown; type?: unknown; value?: unknown } | null;
  if (answer?.statusCode !== 200) return `invoke status ${String(answer?.statusCode)}`;
  if (answer.type !== 'application/vnd.microsoft.card.adaptive' || typeof answer.value !== 'object') return 'no Adaptive Card in the invoke answer';
  return undefined;
}

/** Drives N conversations against the bot for a bounded time, each one turn at a time. */
export async function drive(options: DriveOptions): Promise<DriveResult> {
  const url = new URL(options.botUrl);
  if (url.hostname !== '127.0.0.1') throw new Error('The bench driver only talks to 127.0.0.1.');
  const agent = new Agent({ keepAlive: true, maxSockets: options.conversations });
  const maxTurns = options.maxTurns ?? 500_000;
  const measureFrom = performance.now() + options.warmupMs;
  const stopAt = measureFrom + options.durationMs;
  const result: DriveResult = { samples: [], windowMs: 0, turnsStarted: 0, errors: 0, firstErrors: [], extraReplies: 0 };
  let lastEnd = measureFrom;

  const worker = async (conversation: BenchConversation): Promise<void> => {
    let previous: unknown;
    for (let turn = 0; performance.now() < stopAt && result.turnsStarted < maxTurns; turn += 1) {
      result.turnsStarted += 1;
      const plan = options.plan(conversation, turn, previous);
      const startedAt = performance.now();
      const outcome = await runTurn(options, agent, url, conversation, plan).catch((err: unknown) => ({
        problem: `${plan.label}: ${err instanceof Error ? err.message : String(err)}`,
      }));
      const dropped = options.connector.settle(conversation.conversationId);
      if (plan.kind === 'message') result.extraReplies += dropped;
      previous = 'problem' in outcome ? undefined : outcome.answer;
      if ('problem' in outcome) {
        result.errors += 1;
        if (result.firstErrors.length < 5 && !result.firstErrors.includes(outcome.problem)) result.firstErrors.push(outcome.problem);
      } else if (startedAt >= measureFrom) {
        result.samples.push({ label: plan.label, latencyMs: outcome.latencyMs });
        lastEnd = Math.max(lastEnd, performance.now());
      }
    }
  };

  const conversations = Array.from({ length: options.conversations }, (_, index) => ({
    index,
    conversationId: `a:bench-${options.runId}-${index}`,
    userId: `29:bench-${options.runId}-${index}`,
    person: options.person,
  }));
  try {
    await Promise.all(conversations.map(worker));
  } finally {
    agent.destroy();
  }
  result.windowMs = lastEnd - measureFrom;
  return result;
}
