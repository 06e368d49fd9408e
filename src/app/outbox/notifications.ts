import { z } from 'zod';
import type { Clock } from '../../ports/clock';
import type { Ids } from '../../ports/ids';
import type { Notification, NotificationCard } from '../../ports/notifier';
import type { OutboxItem } from '../../ports/store';

const card: z.ZodType<NotificationCard> = z.object({ type: z.literal('AdaptiveCard') }).passthrough();
const key = z.string().min(1).max(500);

/** The payload each outbox item kind carries, checked on every read from the store. */
const payloadSchemas = {
  'personal-message': z.object({ card, text: z.string().max(4000).optional() }),
  'channel-post': z.object({ card, alertKey: key.optional() }),
  'card-update': z.object({ card, order: z.number().int().min(0).optional() }),
  'thread-reply': z
    .object({ card: card.optional(), text: z.string().max(4000).optional() })
    .refine((p) => p.card !== undefined || p.text !== undefined, 'a thread reply needs a card or text'),
} as const;

/** What each kind's payload holds, for whoever queues a notification. */
export type NotificationPayload<K extends Notification['kind']> = z.infer<(typeof payloadSchemas)[K]>;

/** Reads an outbox item as a typed notification; undefined when its kind, target or payload is not valid. */
export function parseNotification(item: OutboxItem): Notification | undefined {
  const target = key.safeParse(item.target);
  if (!target.success) return undefined;
  const base = { id: item.id, caseRef: item.caseRef, createdAt: item.createdAt, mayRepeat: item.attemptStartedAt !== null, target: target.data };
  switch (item.kind) {
    case 'personal-message': {
      const p = payloadSchemas['personal-message'].safeParse(item.payload);
      return p.success ? { ...base, kind: item.kind, ...p.data } : undefined;
    }
    case 'channel-post': {
      const p = payloadSchemas['channel-post'].safeParse(item.payload);
      return p.success ? { ...base, kind: item.kind, ...p.data } : undefined;
    }
    case 'card-update': {
      const p = payloadSchemas['card-update'].safeParse(item.payload);
      return p.success ? { ...base, kind: item.kind, ...p.data } : undefined;
    }
    case 'thread-reply': {
      const p = payloadSchemas['thread-reply'].safeParse(item.payload);
      return p.success ? { ...base, kind: item.kind, ...p.data } : undefined;
    }
    default:
      return undefined;
  }
}

/** A new pending outbox item, due now, for a case write's effects or OutboxStore.enqueue. */
export function newOutboxItem<K extends Notification['kind']>(
  ports: { clock: Clock; ids: Ids },
  kind: K,
  target: string,
  payload: NotificationPayload<K>,
  caseRef: string | null = null,
  /** A fixed id makes queueing idempotent: the same notice queued twice is one item. */
  id: string = ports.ids.next(),
): OutboxItem {
  const now = ports.clock.now().toISOString();
  return {
    id,
    kind,
    target,
    payload: payloadSchemas[kind].parse(payload) as Record<string, unknown>,
    caseRef,
    status: 'pending',
    attempts: 0,
    nextAttemptAt: now,
    leaseOwner: null,
    leaseUntil: null,
    lastError: null,
    attemptStartedAt: null,
    createdAt: now,
  };
}
