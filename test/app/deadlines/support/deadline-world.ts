import { actorFor, type Actor } from '../../../../src/app/actor';
import type { DeadlineDeps } from '../../../../src/app/deadlines/deadline-deps';
import { storeDirectory } from '../../../../src/app/directory';
import { startDraft } from '../../../../src/app/intake/drafts';
import { fillStep } from '../../../../src/app/intake/fill-step';
import { submitRequest } from '../../../../src/app/intake/submit-request';
import { importReferenceData } from '../../../../src/app/reference-data/import-reference-data';
import { loadReferenceData } from '../../../../src/app/reference-data/load-reference-data';
import { LOCAL_TENANT_ID } from '../../../../src/config';
import type { ReferenceData } from '../../../../src/domain/reference';
import { userKey } from '../../../../src/domain/roles';
import type { Logger } from '../../../../src/ports/logger';
import type { OutboxItem, Store } from '../../../../src/ports/store';
import { openStore } from '../../../../src/store/open-store';
import { notificationCards } from '../../../../src/teams/notification-cards';
import { FORM_STEPS, VALID_STEP_INPUTS } from '../../../support/intake-answers';
import { manualClock, type ManualClock } from '../../outbox/support/manual-clock';

/** The sample people (data/people.yaml) the scenarios use. */
export const PEOPLE = {
  priya: '00000000-0000-0000-0000-000000000101',
  sam: '00000000-0000-0000-0000-000000000102',
  jo: '00000000-0000-0000-0000-000000000103',
} as const;
export type PersonName = keyof typeof PEOPLE;
export const keyOf = (who: PersonName): string => userKey({ tenantId: LOCAL_TENANT_ID, aadObjectId: PEOPLE[who] });

export const silentLogger: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };

let referenceData: Promise<ReferenceData> | undefined;
/** data/ parsed once per test file. */
export function sampleData(): Promise<ReferenceData> {
  referenceData ??= loadReferenceData('data');
  return referenceData;
}

/** One bot process's view: its own store connection, the shared clock. */
export function processDeps(store: Store, clock: ManualClock, name: string): DeadlineDeps {
  let n = 0;
  return { store, directory: storeDirectory(store), clock, ids: { next: () => `${name}-${++n}` }, cards: notificationCards, logger: silentLogger };
}

export interface World {
  store: Store;
  clock: ManualClock;
  deps: DeadlineDeps;
  actor(who: PersonName): Promise<Actor>;
  /** Priya sends a complete request at the clock's time; returns its reference. */
  submit(): Promise<string>;
  /** Outbox items the deadline sweep queued (their ids start "deadline:"), oldest first. */
  deadlineItems(): Promise<OutboxItem[]>;
  close(): Promise<void>;
}

/** An in-memory store with the shipped reference data (closure days 29–31 December 2026) and a clock set to `startIso`. */
export async function openWorld(startIso: string): Promise<World> {
  const store = await openStore({ kind: 'sqlite', path: ':memory:' });
  await importReferenceData(store, await sampleData());
  const clock = manualClock(startIso);
  const deps = processDeps(store, clock, 'bot');
  const actor = async (who: PersonName): Promise<Actor> => {
    const found = await actorFor(deps.directory, { tenantId: LOCAL_TENANT_ID, aadObjectId: PEOPLE[who] });
    if (!found) throw new Error(`${who} is missing from data/`);
    return found;
  };
  return {
    store,
    clock,
    deps,
    actor,
    submit: async () => {
      const priya = await actor('priya');
      const draft = await startDraft(deps, priya, 'teams', {});
      for (const step of FORM_STEPS) await fillStep(deps, priya, 'next', { draftId: draft.value.id, step, inputs: VALID_STEP_INPUTS[step] });
      const outcome = await submitRequest(deps, priya, draft.value.id);
      if (outcome.kind !== 'receipt') throw new Error('the request was not accepted');
      return outcome.record.ref;
    },
    deadlineItems: async () => (await store.listOutbox('pending', 1000)).filter((i) => i.id.startsWith('deadline:')),
    close: () => store.close(),
  };
}

/** "kind → target: text" for each item, to read what went where. */
export function summary(items: OutboxItem[]): string[] {
  return items.map((i) => `${i.kind} → ${i.target}`);
}
