import { performance } from 'node:perf_hooks';
import { LOCAL_TENANT_ID } from '../src/config';
import { VERBS } from '../src/teams/verbs';
import { checkInvokeCard, invokeActivity, type BenchConversation, type BenchPerson, type DriveResult } from './http-driver';
import { journeyPlanner, SUBMIT_LABEL, type IntakeStep } from './intake';
import { botConnections, sliceRecorder, type BenchServiceUrl, type BotConnections } from './slice-recorder';

/** Labels of the duty team's turns. */
export const CLAIM_LABEL = 'claim';
export const ROUTE_LABEL = 'route';
/** A professional's first turn: "my queue" in their personal chat (in the warm-up, unless there is none). */
export const QUEUE_LABEL = 'my queue';

/** The service every bench case is routed to (data/services.yaml: every need and phase). */
export const ROUTE_SERVICE = 'educational-psychology';

/** The Teams duty channel of data/front-door.yaml, where the claim button sits. */
const DUTY_CHANNEL = { teamId: '19:isend-team@thread.tacv2', channelId: '19:front-door-duty@thread.tacv2' } as const;

const CASE_REF = /FD-\d{4}-\d{5}/;

/** What the schools and duty team have done so far, over all slices. */
export interface JourneyCounts {
  submitted: number;
  claimed: number;
  routed: number;
}

/** Schools requesting and duty professionals claiming and routing on one bot; state carries over between slices. */
export interface JourneyWorld {
  /** Every actor works until the slice ends; turns started in the first warmupMs are not measured. */
  runSlice(warmupMs: number, durationMs: number): Promise<DriveResult>;
  counts(): JourneyCounts;
  close(): void;
}

export interface JourneyWorldOptions {
  botUrl: string;
  connector: BenchServiceUrl;
  runId: string;
  schools: readonly BenchPerson[];
  duty: readonly BenchPerson[];
  journey: readonly IntakeStep[];
  turnTimeoutMs?: number;
}

/** Refs of submitted cases, handed to one duty professional each; a take gives up at its deadline. */
function refQueue(): { push(ref: string): void; take(deadline: number): Promise<string | undefined>; size(): number } {
  const refs: string[] = [];
  const waiting: Array<(ref: string | undefined) => void> = [];
  return {
    push(ref) {
      const waiter = waiting.shift();
      if (waiter) waiter(ref);
      else refs.push(ref);
    },
    take(deadline) {
      const ref = refs.shift();
      if (ref !== undefined || deadline <= performance.now()) return Promise.resolve(ref);
      return new Promise((resolve) => {
        const give = (r: string | undefined): void => {
          clearTimeout(timer);
          resolve(r);
        };
        const timer = setTimeout(() => {
          const at = waiting.indexOf(give);
          if (at >= 0) waiting.splice(at, 1);
          resolve(undefined);
        }, deadline - performance.now());
        waiting.push(give);
      });
    },
    size: () => refs.length,
  };
}

/** The same Action.Execute as `invokeActivity`, pressed on the card in the duty channel. */
function channelInvoke(conversation: BenchConversation, verb: string, data: Record<string, unknown>, serviceUrl: string): Record<string, unknown> {
  return {
    ...invokeActivity(conversation, verb, data, serviceUrl),
    conversation: { id: `${DUTY_CHANNEL.channelId};messageid=1`, conversationType: 'channel', tenantId: LOCAL_TENANT_ID, isGroup: true },
    channelData: { tenant: { id: LOCAL_TENANT_ID }, team: { id: DUTY_CHANNEL.teamId }, channel: { id: DUTY_CHANNEL.channelId } },
  };
}

/** A duty turn's check: an Adaptive Card that shows the text. */
function shows(text: string): (body: unknown) => string | undefined {
  return (body) => checkInvokeCard(body) ?? (JSON.stringify(body).includes(text) ? undefined : `the card did not show "${text}"`);
}

function conversationOf(runId: string, kind: string, person: BenchPerson, index: number): BenchConversation {
  return { index, conversationId: `a:bench-${runId}-${kind}-${index}`, userId: `29:bench-${runId}-${kind}-${index}`, person };
}

/** Sets up the schools' and duty team's conversations on one bot (nothing is sent until a slice runs). */
export function journeyWorld(options: JourneyWorldOptions): JourneyWorld {
  const connections: BotConnections = botConnections(options.botUrl, options.connector, options.schools.length + options.duty.length, options.turnTimeoutMs);
  const serviceUrl = options.connector.url;
  const planner = journeyPlanner(options.journey);
  const schools = options.schools.map((p, i) => ({ conversation: conversationOf(options.runId, 'school', p, i), previous: undefined as unknown, turn: 0 }));
  // Each professional first opens "my queue" in their personal chat, so the bot has that chat for their cards.
  const duty = options.duty.map((p, i) => ({ conversation: conversationOf(options.runId, 'duty', p, i), introduced: false, pending: undefined as { ref: string; next: 'claim' | 'route' } | undefined }));
  const queue = refQueue();
  const counts: JourneyCounts = { submitted: 0, claimed: 0, routed: 0 };

  const runSlice = async (warmupMs: number, durationMs: number): Promise<DriveResult> => {
    const slice = sliceRecorder(connections, warmupMs, durationMs);
    const { stopAt } = slice;

    const school = async (s: (typeof schools)[number]): Promise<void> => {
      while (performance.now() < stopAt) {
        const plan = planner(s.conversation, s.turn, s.previous);
        s.turn += 1;
        if (plan.kind !== 'invoke') throw new Error('the request journey is all Action.Execute');
        s.previous = await slice.turn(plan, invokeActivity(s.conversation, plan.verb, plan.data, serviceUrl));
        if (plan.label !== SUBMIT_LABEL || s.previous === undefined) continue;
        const ref = CASE_REF.exec(JSON.stringify(s.previous))?.[0];
        if (ref === undefined) slice.fail(`${SUBMIT_LABEL}: no case ref on the receipt`);
        else {
          counts.submitted += 1;
          queue.push(ref);
        }
      }
    };

    const professional = async (d: (typeof duty)[number]): Promise<void> => {
      while (performance.now() < stopAt) {
        if (!d.introduced) {
          const plan = { label: QUEUE_LABEL, kind: 'invoke', verb: VERBS.myQueue, data: {} } as const;
          d.introduced = (await slice.turn(plan, invokeActivity(d.conversation, plan.verb, plan.data, serviceUrl))) !== undefined;
          continue;
        }
        if (!d.pending) {
          const ref = await queue.take(stopAt);
          if (ref === undefined) return;
          d.pending = { ref, next: 'claim' };
        }
        const { ref, next } = d.pending;
        if (next === 'claim') {
          const plan = { label: CLAIM_LABEL, kind: 'invoke', verb: VERBS.claimCase, data: { ref }, check: shows(`Claimed by ${d.conversation.person.name}`) } as const;
          const claimed = (await slice.turn(plan, channelInvoke(d.conversation, plan.verb, plan.data, serviceUrl))) !== undefined;
          // A failed claim is counted as an error and the case left unclaimed.
          d.pending = claimed ? { ref, next: 'route' } : undefined;
          if (claimed) counts.claimed += 1;
        } else {
          const data = { ref, services: ROUTE_SERVICE, message: 'Routed to the Educational Psychology Service: a link EP will call you this week.' };
          const plan = { label: ROUTE_LABEL, kind: 'invoke', verb: VERBS.triageRoute, data, check: shows('Note to the school') } as const;
          if ((await slice.turn(plan, invokeActivity(d.conversation, plan.verb, plan.data, serviceUrl))) !== undefined) counts.routed += 1;
          d.pending = undefined;
        }
      }
    };

    await Promise.all([...schools.map(school), ...duty.map(professional)]);
    return slice.finish();
  };

  return { runSlice, counts: () => ({ ...counts }), close: () => connections.agent.destroy() };
}

/** The echo bot's Action.Execute on as many conversations, driven the same way (one agent for the run). */
export function echoWorld(options: { botUrl: string; connector: BenchServiceUrl; runId: string; person: BenchPerson; conversations: number; verb: string }): Omit<JourneyWorld, 'counts'> {
  const connections = botConnections(options.botUrl, options.connector, options.conversations);
  const conversations = Array.from({ length: options.conversations }, (_, i) => conversationOf(options.runId, 'echo', options.person, i));
  let turns = 0;
  const runSlice = async (warmupMs: number, durationMs: number): Promise<DriveResult> => {
    const slice = sliceRecorder(connections, warmupMs, durationMs);
    const loop = async (conversation: BenchConversation): Promise<void> => {
      while (performance.now() < slice.stopAt) {
        const data = { conversation: conversation.index, turn: (turns += 1) };
        await slice.turn({ label: 'echo', kind: 'invoke', verb: options.verb, data }, invokeActivity(conversation, options.verb, data, options.connector.url));
      }
    };
    await Promise.all(conversations.map(loop));
    return slice.finish();
  };
  return { runSlice, close: () => connections.agent.destroy() };
}
