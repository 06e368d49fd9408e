import type { Clock } from '../../ports/clock';
import type { Logger } from '../../ports/logger';
import type { Notification, Notifier, SendOutcome } from '../../ports/notifier';
import type { AttemptOutcome, OutboxItem, OutboxStore } from '../../ports/store';
import { backoffDelayMs, DEFAULT_BACKOFF, type BackoffOptions } from './backoff';
import { parseNotification } from './notifications';
import { slidingWindowLimiter, TEAMS_APP_LIMITS, TEAMS_CONVERSATION_LIMITS, type RateWindow } from './rate-limiter';

export interface DispatcherDeps {
  store: OutboxStore;
  notifier: Notifier;
  clock: Clock;
  logger: Logger;
}

export interface DispatcherOptions {
  /** Unique per process: the lease owner written on every item this dispatcher takes. */
  owner: string;
  /** How long a leased item stays ours; another process takes it only after that. */
  leaseMs?: number;
  /** Most items held (leased, not yet settled) at once. */
  batchSize?: number;
  /** Most items of one conversation leased at once, so a busy or throttled one cannot fill the batch. */
  perConversation?: number;
  /** Attempts before an item is dead-lettered. */
  maxAttempts?: number;
  backoff?: BackoffOptions;
  /** The longest a send may take: no send starts with less lease than this left. */
  sendBudgetMs?: number;
  /** Conversations served at once (sends to one conversation are always one after another). */
  concurrency?: number;
  conversationLimits?: readonly RateWindow[];
  appLimits?: readonly RateWindow[];
  /** Added to every rate window, for network jitter between this process and Teams. */
  limiterMarginMs?: number;
  /** A Retry-After longer than this is cut to it. */
  maxRetryAfterMs?: number;
  /** Jitter source in [0, 1). */
  random?: () => number;
}

/** What one tick did, for tests, the bench and logs. */
export interface TickReport {
  leased: number;
  attempted: number;
  delivered: number;
  retrying: number;
  dead: number;
  /** Items kept leased in memory, waiting for a free slot in their conversation. */
  waiting: number;
  /** Items given back unattempted, due again when their conversation has room (no attempt is counted). */
  letGo: number;
  lostLeases: number;
}

export interface OutboxDispatcher {
  /** Leases due items, sends those their conversation's limits allow, records each outcome. */
  tick(): Promise<TickReport>;
  /** Ticks every intervalMs until stop(). */
  start(intervalMs: number): void;
  /** Stops ticking; resolves when the tick in flight has finished. */
  stop(): Promise<void>;
}

interface Held {
  item: OutboxItem;
  notification: Notification | undefined;
  leaseUntilMs: number;
}

const APP_KEY = '*';

/**
 * Delivers the outbox. Rate limits are counted per process: two processes could together exceed
 * a conversation's limit. Leases bound that (each holds at most batchSize items, and an item is
 * sent by one process only), and a 429's Retry-After pauses that conversation in the process that
 * got it. Items waiting for a slot keep their lease in memory; if no slot frees before the lease
 * would run out, they are given back unattempted, due when the slot frees. Each conversation has at
 * most perConversation items held, and none is leased while its earlier ones wait, so one throttled
 * conversation (a busy Duty channel) never holds up the others.
 *
 * Before each send the item is marked as started. A process killed mid-send leaves the mark; the next
 * holder sends again with a note that it may be a repeat: Teams cannot say whether the first arrived,
 * and a repeated message is better than a lost one.
 */
export function createOutboxDispatcher(deps: DispatcherDeps, options: DispatcherOptions): OutboxDispatcher {
  const { store, notifier, clock, logger } = deps;
  const leaseMs = options.leaseMs ?? 120_000;
  const batchSize = options.batchSize ?? 100;
  const perConversation = options.perConversation ?? 10;
  const maxAttempts = options.maxAttempts ?? 8;
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  const sendBudgetMs = options.sendBudgetMs ?? 30_000;
  const concurrency = Math.max(1, options.concurrency ?? 4);
  const maxRetryAfterMs = options.maxRetryAfterMs ?? 3_600_000;
  const random = options.random ?? Math.random;
  const margin = { marginMs: options.limiterMarginMs ?? 100 };
  const conversations = slidingWindowLimiter(options.conversationLimits ?? TEAMS_CONVERSATION_LIMITS, margin);
  const app = slidingWindowLimiter(options.appLimits ?? TEAMS_APP_LIMITS, margin);
  const held = new Map<string, Held>();

  const acquire = (target: string, nowMs: number): { ok: true } | { ok: false; retryAtMs: number } => {
    const free = Math.max(conversations.nextFreeAt(target, nowMs), app.nextFreeAt(APP_KEY, nowMs));
    if (free > nowMs) return { ok: false, retryAtMs: free };
    conversations.tryAcquire(target, nowMs);
    app.tryAcquire(APP_KEY, nowMs);
    return { ok: true };
  };

  const record = async (item: OutboxItem, outcome: AttemptOutcome, report: TickReport): Promise<void> => {
    try {
      if (!(await store.completeAttempt(item, options.owner, outcome))) {
        report.lostLeases += 1;
        logger.warn('outbox.lease-lost', { id: item.id });
      }
    } catch (err) {
      // The lease runs out and the item is tried again: delivery is at least once while the store is down.
      logger.error('outbox.record-failed', { id: item.id, errorName: err instanceof Error ? err.name : typeof err });
    }
  };

  const deadLetter = async (item: OutboxItem, attempts: number, reason: string, report: TickReport): Promise<void> => {
    report.dead += 1;
    logger.warn('outbox.dead-lettered', { id: item.id, kind: item.kind, caseRef: item.caseRef, attempts, reason });
    await record(item, { status: 'dead', error: reason }, report);
  };

  const settle = async (entry: Held & { notification: Notification }, outcome: SendOutcome, report: TickReport): Promise<void> => {
    const { item } = entry;
    if (outcome.ok) {
      report.delivered += 1;
      return record(item, { status: 'delivered' }, report);
    }
    const attempts = item.attempts + 1;
    if (outcome.permanent === true || attempts >= maxAttempts) return deadLetter(item, attempts, outcome.reason, report);
    const nowMs = clock.now().getTime();
    const retryAfterMs = Math.min(Math.max(outcome.retryAfterMs ?? 0, 0), maxRetryAfterMs);
    if (retryAfterMs > 0) conversations.blockUntil(item.target, nowMs + retryAfterMs);
    const waitMs = Math.max(backoffDelayMs(attempts, backoff, random), retryAfterMs);
    report.retrying += 1;
    const inDoubt = entry.notification.mayRepeat;
    return record(item, { status: 'pending', nextAttemptAt: new Date(nowMs + waitMs).toISOString(), error: outcome.reason, inDoubt }, report);
  };

  /** Gives the item back unattempted; if the store cannot be reached, its lease runs out instead. */
  const letGo = async (item: OutboxItem, dueAtMs: number, report: TickReport): Promise<void> => {
    held.delete(item.id);
    report.letGo += 1;
    try {
      await store.releaseLease(item, options.owner, new Date(dueAtMs).toISOString());
    } catch (err) {
      logger.warn('outbox.release-failed', { id: item.id, errorName: err instanceof Error ? err.name : typeof err });
    }
  };

  /** Marks the send as started; false (send nothing) when the lease is lost or the store cannot be reached. */
  const markStarted = async (item: OutboxItem, report: TickReport): Promise<boolean> => {
    try {
      if (await store.startAttempt(item, options.owner, clock.now().toISOString())) return true;
      report.lostLeases += 1;
      logger.warn('outbox.lease-lost', { id: item.id });
    } catch (err) {
      logger.error('outbox.start-failed', { id: item.id, errorName: err instanceof Error ? err.name : typeof err });
    }
    return false;
  };

  const send = async (notification: Notification): Promise<SendOutcome> => {
    try {
      return await notifier.send(notification);
    } catch (err) {
      return { ok: false, reason: `notifier-error:${err instanceof Error ? err.name : typeof err}` };
    }
  };

  /** Sends one conversation's items in order, as its limits allow. */
  const serveConversation = async (entries: Held[], report: TickReport): Promise<void> => {
    for (const entry of entries) {
      const nowMs = clock.now().getTime();
      if (entry.leaseUntilMs - nowMs < sendBudgetMs) {
        await letGo(entry.item, nowMs, report);
        continue;
      }
      const { notification } = entry;
      if (!notification) {
        held.delete(entry.item.id);
        await deadLetter(entry.item, entry.item.attempts, 'invalid-payload', report);
        continue;
      }
      const slot = acquire(entry.item.target, nowMs);
      if (!slot.ok) {
        if (slot.retryAtMs + sendBudgetMs > entry.leaseUntilMs) await letGo(entry.item, slot.retryAtMs, report);
        continue;
      }
      held.delete(entry.item.id);
      if (!(await markStarted(entry.item, report))) continue;
      report.attempted += 1;
      await settle({ ...entry, notification }, await send(notification), report);
    }
  };

  const runTick = async (): Promise<TickReport> => {
    const report: TickReport = { leased: 0, attempted: 0, delivered: 0, retrying: 0, dead: 0, waiting: 0, letGo: 0, lostLeases: 0 };
    const now = clock.now();
    conversations.prune(now.getTime());
    app.prune(now.getTime());
    const room = batchSize - held.size;
    if (room > 0) {
      const leaseUntil = new Date(now.getTime() + leaseMs);
      const waitingTargets = [...new Set([...held.values()].map((entry) => entry.item.target))];
      const leased = await store.leaseDue(now.toISOString(), options.owner, leaseUntil.toISOString(), room, { perTarget: perConversation, skipTargets: waitingTargets });
      report.leased = leased.length;
      for (const item of leased) held.set(item.id, { item, notification: parseNotification(item), leaseUntilMs: leaseUntil.getTime() });
    }
    const byTarget = new Map<string, Held[]>();
    for (const entry of held.values()) byTarget.set(entry.item.target, [...(byTarget.get(entry.item.target) ?? []), entry]);
    const queues = [...byTarget.values()];
    let next = 0;
    const worker = async (): Promise<void> => {
      for (let queue = queues[next++]; queue; queue = queues[next++]) await serveConversation(queue, report);
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, queues.length) }, worker));
    report.waiting = held.size;
    return report;
  };

  let inFlight: Promise<unknown> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  let running = false;

  const tick = (): Promise<TickReport> => {
    const run = inFlight.then(runTick, runTick);
    inFlight = run.catch(() => undefined);
    return run;
  };

  const loop = (intervalMs: number): void => {
    timer = setTimeout(() => {
      tick()
        .catch((err: unknown) => logger.error('outbox.tick-failed', { errorName: err instanceof Error ? err.name : typeof err }))
        .finally(() => {
          if (running) loop(intervalMs);
        });
    }, intervalMs);
    timer.unref();
  };

  return {
    tick,
    start(intervalMs) {
      if (running) return;
      running = true;
      loop(intervalMs);
    },
    async stop() {
      running = false;
      if (timer) clearTimeout(timer);
      await inFlight;
    },
  };
}
