import { randomUUID } from 'node:crypto';

/** New unique ids, from outside, so tests can replay exactly. */
export interface Ids {
  next(): string;
}

export const randomIds: Ids = { next: () => randomUUID() };
