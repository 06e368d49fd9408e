import { LOCAL_TENANT_ID } from '../../src/config';
import type { CaseRecord } from '../../src/domain/case-record';
import { userKey } from '../../src/domain/roles';
import type { Store } from '../../src/ports/store';
import { PEOPLE, type PersonName } from '../support/bot-harness';
import { NEXT_REF, WORLD_CASES } from './fuzz-world';

/** Every case a run can touch: the world's four and the two a run could submit. */
export const WATCHED_REFS = [...Object.values(WORLD_CASES), NEXT_REF, 'FD-2026-00006'];

/** What a role could change, read back from the store: cases, each person's drafts, pending notifications, access requests. */
export interface WorldSnapshot {
  cases: Map<string, CaseRecord | undefined>;
  /** Serialised, so any change shows; keyed by ref. */
  caseText: Map<string, string>;
  drafts: Map<PersonName, string>;
  pendingOutbox: number;
  accessRequests: string;
}

export const keyOf = (who: PersonName): string => userKey({ tenantId: LOCAL_TENANT_ID, aadObjectId: PEOPLE[who].aadObjectId });

export async function snapshotWorld(store: Store): Promise<WorldSnapshot> {
  const cases = new Map<string, CaseRecord | undefined>();
  const caseText = new Map<string, string>();
  for (const ref of WATCHED_REFS) {
    const found = await store.getCase(ref);
    cases.set(ref, found?.value);
    caseText.set(ref, JSON.stringify(found ?? null));
  }
  const drafts = new Map<PersonName, string>();
  for (const who of Object.keys(PEOPLE) as PersonName[]) drafts.set(who, JSON.stringify(await store.listDrafts(keyOf(who))));
  const pendingOutbox = (await store.listOutbox('pending', 10_000)).length;
  const accessRequests = JSON.stringify(await Promise.all((['pending', 'approved', 'refused'] as const).map((s) => store.listAccessRequests(s))));
  return { cases, caseText, drafts, pendingOutbox, accessRequests };
}

/** One thing that differs between two snapshots. */
export type WorldChange = { kind: 'case'; ref: string; before: CaseRecord | undefined } | { kind: 'drafts'; owner: PersonName } | { kind: 'outbox' } | { kind: 'access' };

export function changesBetween(before: WorldSnapshot, after: WorldSnapshot): WorldChange[] {
  const changes: WorldChange[] = [];
  for (const ref of WATCHED_REFS) if (before.caseText.get(ref) !== after.caseText.get(ref)) changes.push({ kind: 'case', ref, before: before.cases.get(ref) });
  for (const [owner, text] of before.drafts) if (after.drafts.get(owner) !== text) changes.push({ kind: 'drafts', owner });
  if (before.pendingOutbox !== after.pendingOutbox) changes.push({ kind: 'outbox' });
  if (before.accessRequests !== after.accessRequests) changes.push({ kind: 'access' });
  return changes;
}
