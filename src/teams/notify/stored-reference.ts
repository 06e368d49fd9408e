import type { ConversationReference } from 'botbuilder';
import { z } from 'zod';

const account = z.object({ id: z.string().min(1), name: z.string().optional() }).passthrough();

/** A conversation reference as the bot stored it; parsed on every read. */
const storedReferenceSchema = z
  .object({
    serviceUrl: z.string().url(),
    channelId: z.string().min(1),
    conversation: z
      .object({ id: z.string().min(1), tenantId: z.string().optional(), conversationType: z.string().optional(), isGroup: z.boolean().optional() })
      .passthrough(),
    bot: account.optional(),
    user: account.optional(),
    activityId: z.string().optional(),
  })
  .passthrough();

export type StoredReference = z.infer<typeof storedReferenceSchema>;

/** The stored reference, or undefined when it is not one the bot can use. */
export function parseStoredReference(value: unknown): StoredReference | undefined {
  const parsed = storedReferenceSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/** The reference as botbuilder takes it. */
export function asConversationReference(reference: StoredReference): Partial<ConversationReference> {
  const { conversation, bot, user } = reference;
  return {
    ...reference,
    conversation: {
      ...conversation,
      name: typeof conversation.name === 'string' ? conversation.name : '',
      isGroup: conversation.isGroup ?? false,
      conversationType: conversation.conversationType ?? '',
    },
    bot: bot ? { ...bot, name: bot.name ?? '' } : undefined,
    user: user ? { ...user, name: user.name ?? '' } : undefined,
  };
}

/** The tenant a stored reference belongs to, wherever Teams put it. */
export function tenantOfReference(reference: StoredReference): string | undefined {
  const fromChannelData = (reference as { channelData?: { tenant?: { id?: unknown } } }).channelData?.tenant?.id;
  return reference.conversation.tenantId ?? (typeof fromChannelData === 'string' ? fromChannelData : undefined);
}
