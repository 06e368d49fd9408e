import { TurnContext, type Activity, type CloudAdapterBase } from 'botbuilder';
import { z } from 'zod';
import type { Clock } from '../ports/clock';
import type { Notification, NotificationCard, Notifier, SendOutcome } from '../ports/notifier';
import type { ConversationStore } from '../ports/store';
import { connectorOf, type CallOptions, type ConnectorCalls } from './notify/connector-calls';
import { outcomeOfConnectorError } from './notify/connector-error';
import { asConversationReference, parseStoredReference, tenantOfReference, type StoredReference } from './notify/stored-reference';
import { cardAttachment } from './render-card';

export interface BotNotifierDeps {
  /** The running adapter (TeamsAdapter / CloudAdapter): its proactive calls reach the Bot Connector. */
  adapter: CloudAdapterBase;
  /** The bot's app id; empty in local mode, where the adapter runs without authentication. */
  appId: string;
  store: ConversationStore;
  clock: Clock;
  /** Longest wait for one Bot Connector call; keep it under the dispatcher's sendBudgetMs. */
  timeoutMs?: number;
}

type Failure = Exclude<SendOutcome, { ok: true }>;
const fail = (reason: string, permanent: boolean): Failure => (permanent ? { ok: false, reason, permanent } : { ok: false, reason });

/** Said with a message sent again after a process died mid-send: Teams gives no way to know whether the first arrived. */
export const MAY_REPEAT_NOTE = 'Sent again after a fault on our side: if you already have this message, please ignore the repeat.';

const message = (card: NotificationCard | undefined, text: string | undefined, mayRepeat = false): Partial<Activity> => {
  const said = [text, mayRepeat ? MAY_REPEAT_NOTE : undefined].filter((part) => part !== undefined).join('\n\n');
  return {
    type: 'message',
    ...(said !== '' ? { text: said } : {}),
    ...(card ? { attachments: [cardAttachment(card)] } : {}),
  };
};

/** The conversation id of a post's thread: what Teams returns, with ";messageid=" added when missing. */
const threadIdOf = (channelId: string, created: { id?: string; activityId?: string }): string | undefined => {
  if (created.id?.includes(';messageid=')) return created.id;
  return created.activityId ? `${channelId};messageid=${created.activityId}` : created.id;
};

/** Sends outbox notifications through the Bot Framework's proactive calls. One call per send: it never retries. */
export function botNotifier(deps: BotNotifierDeps): Notifier {
  const { adapter, appId, store, clock } = deps;
  const timeoutMs = deps.timeoutMs ?? 15_000;

  const referenceFor = async (key: string): Promise<StoredReference | 'missing' | 'invalid'> => {
    const record = await store.getConversation(key);
    if (!record) return 'missing';
    return parseStoredReference(record.reference) ?? 'invalid';
  };

  /** Runs one Bot Connector call in a proactive turn, aborted after timeoutMs (its own timer, always cleared). */
  const withConnector = async (reference: StoredReference, call: (connector: ConnectorCalls, options: CallOptions) => Promise<void>): Promise<SendOutcome> => {
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), timeoutMs);
    try {
      await adapter.continueConversationAsync(appId, asConversationReference(reference), (context) => call(connectorOf(context), { abortSignal: abort.signal }));
      return { ok: true };
    } catch (err) {
      return outcomeOfConnectorError(err, clock.now().getTime());
    } finally {
      clearTimeout(timer);
    }
  };

  const postToChannel = async (n: Extract<Notification, { kind: 'channel-post' }>, reference: StoredReference): Promise<SendOutcome> => {
    const tenantId = tenantOfReference(reference);
    let created: { id?: string; activityId?: string } = {};
    const outcome = await withConnector(reference, async (connector, options) => {
      created = await connector.createConversation(
        {
          isGroup: true,
          bot: { id: reference.bot?.id ?? '', name: reference.bot?.name ?? '' },
          channelData: { channel: { id: n.target }, ...(tenantId ? { tenant: { id: tenantId } } : {}) },
          ...(tenantId ? { tenantId } : {}),
          activity: message(n.card, undefined, n.mayRepeat) as Activity,
        },
        options,
      );
    });
    if (!outcome.ok || !n.alertKey) return outcome;
    const threadId = threadIdOf(n.target, created);
    if (!threadId || !created.activityId) return fail('post-without-activity-id', true);
    // If this save fails the item is retried and the post may appear twice: at least once, never lost.
    await store.saveConversation({
      key: n.alertKey,
      reference: { ...reference, conversation: { ...reference.conversation, id: threadId, conversationType: 'channel', isGroup: true }, activityId: created.activityId },
      updatedAt: clock.now().toISOString(),
    });
    return outcome;
  };

  return {
    async send(n) {
      const key = n.target;
      const reference = await referenceFor(key);
      if (reference === 'invalid') return fail('invalid-conversation-reference', true);
      if (reference === 'missing') {
        // A post not yet delivered may still be in the outbox, so updates and replies wait for it.
        if (n.kind === 'card-update' || n.kind === 'thread-reply') return fail('alert-not-posted', false);
        return fail(n.kind === 'channel-post' ? 'no-channel-reference' : 'no-conversation-reference', true);
      }
      const conversationId = reference.conversation.id;
      switch (n.kind) {
        case 'personal-message':
        case 'thread-reply':
          return withConnector(reference, async (c, options) => void (await c.sendToConversation(conversationId, message(n.card, n.text, n.mayRepeat), options)));
        case 'card-update': {
          const activityId = reference.activityId;
          if (!activityId) return fail('alert-without-activity-id', true);
          // A retried older update must not overwrite a newer card: the post remembers which update it shows,
          // by the case's revision (older items without one: by when they were queued).
          const showingOrder = typeof reference.cardOrder === 'number' ? reference.cardOrder : undefined;
          const showing = typeof reference.cardQueuedAt === 'string' ? reference.cardQueuedAt : undefined;
          const stale = n.order !== undefined && showingOrder !== undefined ? showingOrder >= n.order : showing !== undefined && showing > n.createdAt;
          if (stale) return { ok: true };
          const outcome = await withConnector(reference, async (c, options) => void (await c.updateActivity(conversationId, activityId, { ...message(n.card, undefined), id: activityId }, options)));
          const shown = { cardQueuedAt: n.createdAt, ...(n.order !== undefined ? { cardOrder: n.order } : {}) };
          if (outcome.ok) await store.saveConversation({ key, reference: { ...reference, ...shown }, updatedAt: clock.now().toISOString() });
          return outcome;
        }
        case 'channel-post':
          return postToChannel(n, reference);
      }
    },
  };
}

const teamsChannelData = z
  .object({ channel: z.object({ id: z.string().min(1) }).partial().optional(), team: z.object({ id: z.string().min(1) }).partial().optional() })
  .passthrough();

/**
 * Keeps the reference of a Teams channel the bot sees (installed in a team, or a message in a
 * channel), under the channel id, so channel posts can be created there later. Returns the
 * channel id, or undefined when the activity is not from a team channel. Call it before each turn.
 */
export async function rememberChannelConversation(context: TurnContext, store: ConversationStore, clock: Clock): Promise<string | undefined> {
  const { activity } = context;
  const channelData = teamsChannelData.safeParse(activity.channelData ?? {});
  const data = channelData.success ? channelData.data : {};
  if (activity.conversation?.conversationType !== 'channel' && !data.team?.id) return undefined;
  const channelId = data.channel?.id ?? activity.conversation?.id?.split(';')[0];
  if (!channelId) return undefined;
  const existing = await store.getConversation(channelId);
  const known = existing ? parseStoredReference(existing.reference) : undefined;
  if (known && known.serviceUrl === activity.serviceUrl) return channelId;
  const reference = TurnContext.getConversationReference(activity);
  delete reference.activityId;
  reference.conversation = { ...reference.conversation, name: reference.conversation?.name ?? '', id: channelId, conversationType: 'channel', isGroup: true };
  await store.saveConversation({
    key: channelId,
    reference: JSON.parse(JSON.stringify(reference)) as Record<string, unknown>,
    updatedAt: clock.now().toISOString(),
  });
  return channelId;
}
