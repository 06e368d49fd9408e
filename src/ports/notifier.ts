/** An Adaptive Card as JSON, as it goes into a message. */
export interface NotificationCard {
  type: 'AdaptiveCard';
  [key: string]: unknown;
}

interface NotificationBase {
  /** The outbox item's id, for logs. */
  id: string;
  caseRef: string | null;
  /** When it was queued: of two card updates to one post, the later-queued one wins. */
  createdAt: string;
  /** An earlier attempt may have reached Teams (its process died mid-send): the message says it may be a repeat. */
  mayRepeat: boolean;
}

/** A card (and optional text) in a person's personal chat; target is their user key. */
export interface PersonalMessage extends NotificationBase {
  kind: 'personal-message';
  target: string;
  card: NotificationCard;
  text?: string;
}

/** A new post in a Teams channel; target is the channel id. With alertKey, the post can later be updated or replied to. */
export interface ChannelPost extends NotificationBase {
  kind: 'channel-post';
  target: string;
  card: NotificationCard;
  alertKey?: string;
}

/** Replaces the card of an earlier channel post for everyone; target is the post's alertKey. */
export interface CardUpdate extends NotificationBase {
  kind: 'card-update';
  target: string;
  card: NotificationCard;
  /** The case's revision the card shows: of two updates to one post, the higher wins, whatever the clocks said. */
  order?: number;
}

/** A reply in the thread of an earlier channel post; target is the post's alertKey. */
export interface ThreadReply extends NotificationBase {
  kind: 'thread-reply';
  target: string;
  card?: NotificationCard;
  text?: string;
}

export type Notification = PersonalMessage | ChannelPost | CardUpdate | ThreadReply;
export type NotificationKind = Notification['kind'];

/** What one delivery attempt came to. retryAfterMs: the service said when to try again; permanent: never retry. */
export type SendOutcome = { ok: true } | { ok: false; reason: string; retryAfterMs?: number; permanent?: boolean };

/** Delivers one notification to Teams, once; never retries by itself (the outbox dispatcher does). */
export interface Notifier {
  send(notification: Notification): Promise<SendOutcome>;
}
