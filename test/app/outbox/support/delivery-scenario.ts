import { performance } from 'node:perf_hooks';
import { createOutboxDispatcher } from '../../../../src/app/outbox/dispatcher';
import { newOutboxItem } from '../../../../src/app/outbox/notifications';
import { TEAMS_APP_LIMITS, TEAMS_CONVERSATION_LIMITS } from '../../../../src/app/outbox/rate-limiter';
import type { Logger } from '../../../../src/ports/logger';
import type { OutboxItem } from '../../../../src/ports/store';
import { openStore } from '../../../../src/store/open-store';
import { createTeamsAdapter } from '../../../../src/teams/adapter';
import { botNotifier } from '../../../../src/teams/bot-notifier';
import { startFakeConnector } from '../../../support/fake-connector';
import { seededRandom } from '../../../../src/domain/seeded-random';
import { manualClock } from './manual-clock';
import { groupInstants, maxInAnyWindow } from './window-check';

export interface ScenarioOptions {
  notifications?: number;
  /** Personal chats; the rest of `conversations` are channels. */
  conversations?: number;
  channels?: number;
  failureShare?: number;
  seed?: number;
  /** How far the test's clock moves between dispatcher ticks. */
  tickMs?: number;
  maxAttempts?: number;
}

/** What a run of the real dispatcher and bot notifier against the fake connector came to. */
export interface ScenarioFigures {
  notifications: number;
  conversations: number;
  /** Notifications that reached their conversation at least once. */
  delivered: number;
  /** Extra deliveries beyond the first, over all notifications. */
  duplicates: number;
  deadLettered: number;
  /** Calls made to the connector, failed ones included. */
  attempts: number;
  throttled: number;
  serverErrors: number;
  /** Per window: the most calls any one conversation got in any span of that length, and Teams' limit. */
  worstWindows: Array<{ windowMs: number; limit: number; max: number }>;
  /** The most calls across all conversations in any one second, and the app-wide limit. */
  worstAppSecond: { limit: number; max: number };
  /** Time on the test's clock from the first tick to the last delivery. */
  simulatedMs: number;
  /** Time on the test's clock by which half, and 99%, of the notifications were delivered. */
  deliveredByMs: { p50: number; p99: number };
  realMs: number;
  ticks: number;
}

const TENANT = '00000000-0000-0000-0000-0000000000aa';
const silent: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };
const MARKER = /Notification (n-\d+)/;

/** Queues the notifications round-robin over the conversations, 1 in 5 channel posts carrying an alert key. */
function queue(clock: ReturnType<typeof manualClock>, count: number, targets: Array<{ key: string; channel: boolean }>): OutboxItem[] {
  let n = 0;
  const ids = { next: () => `n-${String(++n).padStart(5, '0')}` };
  return Array.from({ length: count }, (_, k) => {
    const target = targets[k % targets.length]!;
    const card = { type: 'AdaptiveCard' as const, version: '1.5', body: [{ type: 'TextBlock', text: `Notification n-${String(k + 1).padStart(5, '0')}` }] };
    return target.channel
      ? newOutboxItem({ clock, ids }, 'channel-post', target.key, k % 5 === 0 ? { card, alertKey: `alert:${k}` } : { card }, `FD-2026-${k}`)
      : newOutboxItem({ clock, ids }, 'personal-message', target.key, { card }, `FD-2026-${k}`);
  });
}

/**
 * 1,000 notifications over ~20 conversations through the real dispatcher, the real bot notifier
 * and botbuilder's adapter, into the fake connector on 127.0.0.1 that fails a share of calls with
 * 429 (Retry-After) or 500. The dispatcher's clock and the connector's call log share one fake
 * clock, which the loop moves on between ticks: real HTTP, simulated seconds.
 */
export async function runDeliveryScenario(options: ScenarioOptions = {}): Promise<ScenarioFigures> {
  const count = options.notifications ?? 1_000;
  const total = options.conversations ?? 20;
  const channels = options.channels ?? 5;
  const clock = manualClock();
  const connector = await startFakeConnector({ clock, failures: { share: options.failureShare ?? 0.3, seed: options.seed ?? 7, retryAfterSeconds: 2 } });
  const store = await openStore({ kind: 'sqlite', path: ':memory:' });
  try {
    const bot = { id: '28:bot', name: 'SEND Front Door' };
    const targets = Array.from({ length: total }, (_, i) => (i < total - channels ? { key: `${TENANT}:person-${i}`, channel: false } : { key: `19:channel-${i}@thread.tacv2`, channel: true }));
    for (const t of targets) {
      const conversation = t.channel ? { id: t.key, conversationType: 'channel', isGroup: true, tenantId: TENANT } : { id: `a:chat-${t.key}`, conversationType: 'personal', tenantId: TENANT };
      await store.saveConversation({ key: t.key, reference: { serviceUrl: connector.url, channelId: 'msteams', conversation, bot }, updatedAt: clock.now().toISOString() });
    }
    await store.enqueue(queue(clock, count, targets));

    const notifier = botNotifier({ adapter: createTeamsAdapter({ kind: 'anonymous' }), appId: '', store, clock });
    const dispatcher = createOutboxDispatcher({ store, notifier, clock, logger: silent }, { owner: 'scenario', maxAttempts: options.maxAttempts ?? 12, random: seededRandom(options.seed ?? 7) });
    const started = clock.ms();
    const realStart = performance.now();
    let settled = 0;
    let ticks = 0;
    let lastDelivery = started;
    while (settled < count && clock.ms() - started < 30 * 60_000) {
      const report = await dispatcher.tick();
      ticks += 1;
      settled += report.delivered + report.dead;
      if (report.delivered > 0) lastDelivery = clock.ms();
      clock.advance(options.tickMs ?? 250);
    }
    const realMs = performance.now() - realStart;

    const deliveries = new Map<string, number>();
    const deliveredAt: number[] = [];
    for (const call of connector.calls) {
      const id = call.status === 200 ? MARKER.exec(JSON.stringify(call.activity))?.[1] : undefined;
      if (id) deliveries.set(id, (deliveries.get(id) ?? 0) + 1);
      if (id) deliveredAt.push(call.at - started);
    }
    deliveredAt.sort((x, y) => x - y);
    const percentile = (p: number): number => deliveredAt[Math.max(0, Math.ceil(p * deliveredAt.length) - 1)] ?? 0;
    const byConversation = groupInstants(connector.calls, (c) => c.conversationId, (c) => c.at);
    const worst = (windowMs: number): number => Math.max(0, ...[...byConversation.values()].map((times) => maxInAnyWindow(times, windowMs)));
    const appLimit = TEAMS_APP_LIMITS[0]!;
    return {
      notifications: count,
      conversations: total,
      delivered: deliveries.size,
      duplicates: [...deliveries.values()].reduce((sum, n) => sum + n - 1, 0),
      deadLettered: (await store.listOutbox('dead', count)).length,
      attempts: connector.calls.length,
      throttled: connector.calls.filter((c) => c.status === 429).length,
      serverErrors: connector.calls.filter((c) => c.status === 500).length,
      worstWindows: TEAMS_CONVERSATION_LIMITS.map((w) => ({ windowMs: w.windowMs, limit: w.limit, max: worst(w.windowMs) })),
      worstAppSecond: { limit: appLimit.limit, max: maxInAnyWindow(connector.calls.map((c) => c.at), appLimit.windowMs) },
      simulatedMs: lastDelivery - started,
      deliveredByMs: { p50: percentile(0.5), p99: percentile(0.99) },
      realMs,
      ticks,
    };
  } finally {
    await store.close();
    await connector.close();
  }
}
