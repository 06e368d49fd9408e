import type { Activity, ConversationParameters, TurnContext } from 'botbuilder';

/** Per-call options: the notifier aborts a call that takes too long. */
export interface CallOptions {
  abortSignal?: AbortSignal;
}

/** The Bot Connector calls the notifier makes; botbuilder's ConnectorClient has them. */
export interface ConnectorCalls {
  sendToConversation(conversationId: string, activity: Partial<Activity>, options?: CallOptions): Promise<{ id?: string }>;
  updateActivity(conversationId: string, activityId: string, activity: Partial<Activity>, options?: CallOptions): Promise<{ id?: string }>;
  createConversation(parameters: ConversationParameters, options?: CallOptions): Promise<{ id?: string; activityId?: string }>;
}

interface PipelineOwner {
  client?: { pipeline?: { removePolicy?: (options: { name: string }) => unknown } };
}

/**
 * The connector client of a proactive turn, without the SDK's own retry policy. That policy retries
 * 429s and 5xx three times inside one call, sleeping in between: calls the rate limiter never sees,
 * and waits that hold a dispatcher's slot. The dispatcher retries instead, by the store's clock.
 */
export function connectorOf(context: TurnContext): ConnectorCalls {
  const client = context.turnState.get<{ conversations?: ConnectorCalls } & PipelineOwner>(context.adapter.ConnectorClientKey);
  const pipeline = client?.client?.pipeline;
  if (!client?.conversations || typeof pipeline?.removePolicy !== 'function') {
    throw new Error('The Bot Connector client does not have the shape this notifier was written for (botbuilder 4.23).');
  }
  pipeline.removePolicy({ name: 'defaultRetryPolicy' });
  return client.conversations;
}
