import { Agent } from 'node:http';
import { performance } from 'node:perf_hooks';
import { checkInvokeCard, postJson, type DriveResult, type TurnPlan } from './http-driver';

/** The Bot Connector stand-in the bot sends its notifications to. */
export interface BenchServiceUrl {
  url: string;
  /** Drops replies kept for the conversation (bench-connector.ts keeps them; the journey's connector does not). */
  settle?(conversationId: string): number;
}

/** An Action.Execute turn's plan. */
export type InvokePlan = TurnPlan & { kind: 'invoke' };

/**
 * Keep-alive connections to one bot, kept for the whole run. drive() opens a fresh agent per
 * slice; at 100+ conversations about half of those new connections wait ~2 s for their first
 * answer while the rest keep the server busy, which would land in the measured figures.
 * Idle sockets are dropped after 4 s, before the server's 5 s keep-alive timeout.
 */
export interface BotConnections {
  agent: Agent;
  url: URL;
  connector: BenchServiceUrl;
  turnTimeoutMs: number;
}

export function botConnections(botUrl: string, connector: BenchServiceUrl, sockets: number, turnTimeoutMs = 10_000): BotConnections {
  const url = new URL(botUrl);
  if (url.hostname !== '127.0.0.1') throw new Error('The bench driver only talks to 127.0.0.1.');
  return { agent: new Agent({ keepAlive: true, maxSockets: sockets, timeout: 4_000 }), url, connector, turnTimeoutMs };
}

/** One slice's turns: each posted, checked and (after the warm-up) timed, as drive() records them. */
export interface SliceRecorder {
  measureFrom: number;
  stopAt: number;
  /** Posts the activity; the checked answer body, or undefined after a failure (counted as an error). */
  turn(plan: InvokePlan, activity: Record<string, unknown>): Promise<unknown>;
  /** Counts a problem found after the turn (e.g. a receipt with no case ref). */
  fail(problem: string): void;
  finish(): DriveResult;
}

export function sliceRecorder(connections: BotConnections, warmupMs: number, durationMs: number): SliceRecorder {
  const measureFrom = performance.now() + warmupMs;
  const result: DriveResult = { samples: [], windowMs: 0, turnsStarted: 0, errors: 0, firstErrors: [], extraReplies: 0 };
  let lastEnd = measureFrom;
  const fail = (problem: string): void => {
    result.errors += 1;
    if (result.firstErrors.length < 5 && !result.firstErrors.includes(problem)) result.firstErrors.push(problem);
  };
  return {
    measureFrom,
    stopAt: measureFrom + durationMs,
    fail,
    async turn(plan, activity) {
      result.turnsStarted += 1;
      const startedAt = performance.now();
      let problem: string | undefined;
      let body: unknown;
      try {
        const answer = await postJson(connections.agent, connections.url, JSON.stringify(activity), connections.turnTimeoutMs);
        if (answer.status < 200 || answer.status > 299) problem = `HTTP ${answer.status}`;
        else {
          body = JSON.parse(answer.body) as unknown;
          problem = (plan.check ?? checkInvokeCard)(body);
        }
      } catch (err) {
        problem = err instanceof Error ? err.message : String(err);
      }
      const endedAt = performance.now();
      // Notifications the bot sent meanwhile (to the school, the channel) are dropped, as drive() does for invokes.
      connections.connector.settle?.(String((activity.conversation as { id?: unknown } | undefined)?.id));
      if (problem !== undefined) {
        fail(`${plan.label}: ${problem}`);
        return undefined;
      }
      if (startedAt >= measureFrom) {
        result.samples.push({ label: plan.label, latencyMs: endedAt - startedAt });
        lastEnd = Math.max(lastEnd, endedAt);
      }
      return body;
    },
    finish() {
      result.windowMs = lastEnd - measureFrom;
      return result;
    },
  };
}
