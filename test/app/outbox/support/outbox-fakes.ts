import { newOutboxItem, type NotificationPayload } from '../../../../src/app/outbox/notifications';
import type { Clock } from '../../../../src/ports/clock';
import type { Notification, Notifier, SendOutcome } from '../../../../src/ports/notifier';
import type { OutboxItem } from '../../../../src/ports/store';

/** One call the fake notifier received. */
export interface NotifierCall {
  id: string;
  kind: Notification['kind'];
  target: string;
  at: number;
  mayRepeat: boolean;
}

/** A hand-written Notifier: answers each call with `answer(notification, how many times this id was sent before)`. */
export function fakeNotifier(
  clock: Clock,
  answer: (n: Notification, previousCalls: number) => SendOutcome | Promise<SendOutcome> = () => ({ ok: true }),
): Notifier & { calls: NotifierCall[]; callsFor(id: string): number } {
  const calls: NotifierCall[] = [];
  const callsFor = (id: string): number => calls.filter((c) => c.id === id).length;
  return {
    calls,
    callsFor,
    async send(n) {
      const previous = callsFor(n.id);
      calls.push({ id: n.id, kind: n.kind, target: n.target, at: clock.now().getTime(), mayRepeat: n.mayRepeat });
      return answer(n, previous);
    },
  };
}

const card = (text: string): NotificationPayload<'personal-message'>['card'] => ({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text }] });

/** `count` personal messages to one person, with ids n-001, n-002... */
export function personalMessages(clock: Clock, count: number, target = 'tenant:person-1', prefix = 'n'): OutboxItem[] {
  let n = 0;
  const ids = { next: () => `${prefix}-${String(++n).padStart(3, '0')}` };
  return Array.from({ length: count }, () => newOutboxItem({ clock, ids }, 'personal-message', target, { card: card('Your request was claimed') }, 'FD-2026-00042'));
}
