import { mayAdminister } from '../../domain/menu';
import type { Setting } from '../../domain/reference';
import type { AccessRequest } from '../../ports/store';
import type { Actor } from '../actor';
import { nameOfKey } from '../triage/alert-view';
import type { AccessDeps } from './access-deps';

/** Most requests one card lists, so it stays within Teams' card size. */
export const MAX_LISTED_REQUESTS = 10;
/** Most approvals the "People given access" card lists. */
export const MAX_LISTED_APPROVALS = 20;

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

/** Someone a front-door admin gave access, as the "People given access" card lists them. */
export interface ApprovedPerson {
  request: AccessRequest;
  settingName: string;
  approvedByName: string;
}

/** Everyone given access through a request, most recently approved first (at most `limit`), for a front-door admin; undefined for anyone else. */
export async function listApprovedFor(deps: Pick<AccessDeps, 'store' | 'directory'>, actor: Actor, limit = MAX_LISTED_APPROVALS): Promise<{ people: ApprovedPerson[]; total: number } | undefined> {
  if (!mayAdminister(actor.person.roles, 'accessRequests')) return undefined;
  const approved = (await deps.store.listAccessRequests('approved')).sort((a, b) => (b.decision?.at ?? '').localeCompare(a.decision?.at ?? ''));
  const people = await Promise.all(
    approved.slice(0, limit).map(async (request) => ({
      request,
      settingName: (await deps.directory.getSetting(request.decision?.settingId ?? ''))?.name ?? 'a setting no longer listed',
      approvedByName: await nameOfKey(deps.directory, request.decision?.byKey ?? null),
    })),
  );
  return { people, total: approved.length };
}
