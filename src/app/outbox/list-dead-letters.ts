import { mayAdminister } from '../../domain/menu';
import type { Clock } from '../../ports/clock';
import type { Directory } from '../../ports/directory';
import type { OutboxItem, OutboxStore } from '../../ports/store';
import { whenInWords } from '../access/access-notices';
import type { Actor } from '../actor';

/** A notification that could not be delivered, as an administrator sees it: no card content. */
export interface DeadLetter {
  id: string;
  kind: string;
  /** The user key, channel id or alert key it was for. */
  target: string;
  caseRef: string | null;
  attempts: number;
  /** Why the last attempt failed, as a code (e.g. http-404:ConversationNotFound). */
  lastError: string | null;
  createdAt: string;
  /** When it was last due: the last attempt was at or after this instant. */
  lastDueAt: string;
}

const toDeadLetter = (item: OutboxItem): DeadLetter => ({
  id: item.id,
  kind: item.kind,
  target: item.target,
  caseRef: item.caseRef,
  attempts: item.attempts,
  lastError: item.lastError,
  createdAt: item.createdAt,
  lastDueAt: item.nextAttemptAt,
});

/** The dead-lettered notifications, for the administrators' view, oldest due first. */
export async function listDeadLetters(store: Pick<OutboxStore, 'listOutbox'>, limit = 200): Promise<DeadLetter[]> {
  return (await store.listOutbox('dead', limit)).map(toDeadLetter);
}

/** A dead letter in plain words for the "Undelivered messages" card: never the message's content. */
export interface DeadLetterView {
  id: string;
  what: string;
  caseRef: string;
  to: string;
  tries: string;
  why: string;
  when: string;
}

const KIND_WORDS: Record<string, string> = {
  'personal-message': 'Personal message',
  'channel-post': 'Post in a channel',
  'card-update': 'Update to a channel card',
  'thread-reply': 'Reply in a channel thread',
};

/** Why a send failed, in words an admin can act on; unknown codes are shown as they are. */
export function failureInWords(code: string | null): string {
  if (code === null) return 'no reason was recorded';
  const [head = ''] = code.split(':');
  if (code === 'http-404:ConversationNotFound' || code === 'no-conversation-reference') return 'this person has not opened a chat with the bot yet';
  if (code === 'no-channel-reference') return 'the bot has not been added to that channel yet';
  if (code === 'invalid-conversation-reference') return 'the saved chat details are damaged: the person should say hello to the bot again';
  if (code === 'alert-not-posted') return 'the channel post it belongs to was never delivered';
  if (code === 'alert-without-activity-id' || code === 'post-without-activity-id') return 'Teams did not say where the channel post went';
  if (code === 'invalid-payload') return 'the message was damaged and cannot be sent as it is';
  if (head === 'network') return 'Teams could not be reached';
  if (head === 'notifier-error') return 'an error in the bot while sending';
  if (head === 'http-403') return 'Teams refused it: the bot may have been blocked or removed from the chat';
  if (head === 'http-404') return 'the chat or channel no longer exists in Teams';
  if (head === 'http-429') return 'Teams was too busy every time we tried';
  if (head === 'http-401') return 'the bot could not sign in to Teams';
  if (head === 'http-400' || head === 'http-413') return 'Teams would not accept the message';
  if (/^http-5\d\d$/.test(head)) return 'Teams was not working every time we tried';
  return `an unexpected problem (${code})`;
}

/** Whom the message was for: a person's name from the directory, or the channel. */
async function recipientInWords(directory: Directory, channels: { duty: string; panel: string }, target: string): Promise<string> {
  if (target === channels.duty || target.startsWith('alert:')) return 'the Duty channel';
  if (target === channels.panel || target.startsWith('panel:')) return 'the Panel channel';
  const person = await directory.getPerson(target.split(':').pop() ?? '');
  return person?.name ?? 'someone no longer in the directory';
}

/** The dead letters in plain words for a front-door admin or administrator; undefined for anyone else. */
export async function deadLettersFor(
  deps: { store: Pick<OutboxStore, 'listOutbox'>; directory: Directory; clock: Clock },
  actor: Actor,
  limit = 50,
): Promise<{ items: DeadLetterView[]; more: boolean } | undefined> {
  if (!mayAdminister(actor.person.roles, 'deadLetters')) return undefined;
  const [letters, settings] = await Promise.all([listDeadLetters(deps.store, limit + 1), deps.directory.frontDoorSettings()]);
  const channels = { duty: settings.teams.dutyChannelId, panel: settings.teams.panelChannelId };
  const now = deps.clock.now();
  const items = await Promise.all(
    letters.slice(0, limit).map(async (letter) => ({
      id: letter.id,
      what: KIND_WORDS[letter.kind] ?? 'Message',
      caseRef: letter.caseRef ?? 'none',
      to: await recipientInWords(deps.directory, channels, letter.target),
      tries: letter.attempts === 1 ? '1 try' : `${letter.attempts} tries`,
      why: failureInWords(letter.lastError),
      when: whenInWords(letter.lastDueAt, now),
    })),
  );
  return { items, more: letters.length > limit };
}
