import type { CaseRecord } from '../../domain/case-record';
import { DomainError } from '../../domain/errors';
import type { Store } from '../../ports/store';
import { hasRole, type Actor } from '../actor';

export const PAGE_SIZE = 10;

export interface RequestsPage {
  items: CaseRecord[];
  page: number;
  pages: number;
  total: number;
}

/** The actor's setting's requests, newest first, ten at a time. */
export async function mySettingRequests(store: Store, actor: Actor, page: unknown): Promise<RequestsPage> {
  const settingId = actor.person.settingId;
  if (!hasRole(actor, 'setting-staff') || !settingId) throw new DomainError('CASE.NOT_ALLOWED', 'Only staff linked to a setting follow its requests');
  const wanted = typeof page === 'number' || typeof page === 'string' ? Math.max(0, Math.floor(Number(page)) || 0) : 0;
  const result = await store.listCasesBySetting(settingId, { offset: wanted * PAGE_SIZE, limit: PAGE_SIZE });
  return { items: result.items, page: wanted, pages: Math.max(1, Math.ceil(result.total / PAGE_SIZE)), total: result.total };
}
