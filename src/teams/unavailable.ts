/** What a person reads when nothing could be saved: the store is down, and nothing was half-written. */
export const UNAVAILABLE = {
  title: 'We could not save that',
  text: 'Please try again in a minute. Nothing was changed, and what you typed is still on this card.',
} as const;

/** What a person reads when a turn failed for any other reason (the details go to the log only). */
export const FAILED = {
  title: 'Something went wrong on our side',
  text: 'Please try again. If it keeps happening, phone the front door.',
} as const;
