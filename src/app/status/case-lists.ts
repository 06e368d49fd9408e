import { OPEN_STATUSES, type CaseRecord } from '../../domain/case-record';
import { DomainError } from '../../domain/errors';
import type { Store } from '../../ports/store';
import { hasRole, type Actor } from '../actor';

/** The most open cases a list card loads; the card says when there are more. */
export const LIST_LIMIT = 200;

/** Whose open cases a person sees: everyone's, their own queue's, or their setting's. */
export type ListScope = 'all' | 'queue' | 'setting';

/** The scope of the actor's lists: managers and duty managers all, duty professionals their queue, setting staff their setting. */
export function listScope(actor: Actor): ListScope {
  if (hasRole(actor, 'manager', 'duty-manager')) return 'all';
  if (hasRole(actor, 'duty-professional')) return 'queue';
  if (hasRole(actor, 'setting-staff') && actor.person.settingId) return 'setting';
  throw new DomainError('STATUS.NOT_ALLOWED', 'No role that may list cases');
}

/** Open cases the actor may see, oldest first; `more` when the list was cut at LIST_LIMIT. */
export async function openCases(store: Store, actor: Actor): Promise<{ scope: ListScope; cases: CaseRecord[]; more: boolean }> {
  const scope = listScope(actor);
  if (scope === 'all') {
    const cases = await store.listCasesByStatus(OPEN_STATUSES, LIST_LIMIT + 1);
    return { scope, cases: cases.slice(0, LIST_LIMIT), more: cases.length > LIST_LIMIT };
  }
  if (scope === 'queue') return { scope, cases: await store.listCasesByClaimant(actor.key, OPEN_STATUSES), more: false };
  const page = await store.listCasesBySetting(actor.person.settingId ?? '', { offset: 0, limit: LIST_LIMIT });
  const cases = page.items.filter((c) => OPEN_STATUSES.includes(c.status)).sort((a, b) => a.submittedAt.localeCompare(b.submittedAt));
  return { scope, cases, more: page.total > LIST_LIMIT };
}

/** What makes an open case overdue on the London date `today`, or undefined when it is not. */
export function overdueReason(record: CaseRecord, today: string): { kind: 'first-response' | 'panel'; due: string } | undefined {
  const awaitingFirstResponse = record.firstResponseAt === null && (record.status === 'submitted' || record.status === 'claimed');
  if (awaitingFirstResponse && record.firstResponseDue !== null && record.firstResponseDue < today) return { kind: 'first-response', due: record.firstResponseDue };
  if (record.status === 'panel' && record.panelDue !== null && record.panelDue < today) return { kind: 'panel', due: record.panelDue };
  return undefined;
}

/** Open cases past their response time (first response or panel decision), most overdue first. */
export async function overdueCases(store: Store, actor: Actor, today: string): Promise<{ scope: ListScope; cases: CaseRecord[]; more: boolean }> {
  const open = await openCases(store, actor);
  const dueOf = (c: CaseRecord) => overdueReason(c, today)?.due ?? '';
  const cases = open.cases.filter((c) => overdueReason(c, today) !== undefined).sort((a, b) => dueOf(a).localeCompare(dueOf(b)) || a.ref.localeCompare(b.ref));
  return { scope: open.scope, cases, more: open.more };
}
