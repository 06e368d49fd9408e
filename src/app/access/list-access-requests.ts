import { mayAdminister } from '../../domain/menu';
import type { Setting } from '../../domain/reference';
import type { AccessRequest } from '../../ports/store';
import type { Actor } from '../actor';
import type { AccessDeps } from './access-deps';

/** Most requests one card lists, so it stays within Teams' card size. */
export const MAX_LISTED_REQUESTS = 10;

/** What the "Access requests" card shows: the oldest pending requests and the settings to choose from. */
export interface AccessRequestsView {
  requests: AccessRequest[];
  /** How many are pending in all (the card lists at most MAX_LISTED_REQUESTS). */
  total: number;
  settings: Setting[];
}

/** The pending requests, oldest first, for a front-door admin; undefined for anyone else. */
export async function listAccessRequestsFor(deps: Pick<AccessDeps, 'store' | 'directory'>, actor: Actor): Promise<AccessRequestsView | undefined> {
  if (!mayAdminister(actor.person.roles, 'accessRequests')) return undefined;
  const [pending, settings] = await Promise.all([deps.store.listAccessRequests('pending'), deps.directory.listSettings()]);
  return { requests: pending.slice(0, MAX_LISTED_REQUESTS), total: pending.length, settings };
}
