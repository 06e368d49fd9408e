import { actorFor, type Actor } from '../../../src/app/actor';
import { storeDirectory } from '../../../src/app/directory';
import { castPanelVote } from '../../../src/app/panel/cast-vote';
import { importReferenceData } from '../../../src/app/reference-data/import-reference-data';
import { loadReferenceData } from '../../../src/app/reference-data/load-reference-data';
import type { TriageDeps } from '../../../src/app/triage/triage-deps';
import { LOCAL_TENANT_ID } from '../../../src/config';
import { StoreConflictError, type Store } from '../../../src/ports/store';
import { openStore } from '../../../src/store/open-store';
import { fakeCards } from '../../support/fake-cards';
import { makeTempDir } from '../../support/temp-dir';
import { aCase } from '../../store/mothers';

const MEMBERS = ['100', '103', '104', '109', '110'].map((n) => `00000000-0000-0000-0000-000000000${n}`);
const CHOICES = ['support', 'support-with-changes', 'do-not-support', 'support', 'support'] as const;

let dir: Awaited<ReturnType<typeof makeTempDir>>;
let stores: Store[];
let conflicts = 0;

/** The store, counting the optimistic-concurrency conflicts its case writes meet. */
function countingConflicts(store: Store): Store {
  return {
    ...store,
    updateCase: async (record, version, effects) => {
      try {
        return await store.updateCase(record, version, effects);
      } catch (err) {
        if (err instanceof StoreConflictError) conflicts += 1;
        throw err;
      }
    },
  };
}

beforeAll(async () => {
  dir = await makeTempDir();
  const path = `${dir.path}/panel.db`;
  stores = [await openStore({ kind: 'sqlite', path }), await openStore({ kind: 'sqlite', path })];
  await importReferenceData(stores[0]!, await loadReferenceData('data'));
});
afterAll(async () => {
  for (const store of stores) await store.close();
  await dir.remove();
});

describe('five panel members voting at the same moment, through two connections to one SQLite file', () => {
  it('counts every vote exactly once', async () => {
    const ref = 'FD-2026-00042';
    await stores[0]!.createCase(aCase({ ref, settingId: '900001', status: 'panel', claimantKey: `${LOCAL_TENANT_ID}:sam`, panelDue: '2026-12-21' }));
    let n = 0;
    const depsOf = (store: Store): TriageDeps => ({
      store: countingConflicts(store),
      directory: storeDirectory(store),
      clock: { now: () => new Date('2026-12-07T10:00:00Z') },
      ids: { next: () => `id-${++n}` },
      cards: fakeCards,
    });
    const deps = stores.map(depsOf);
    const actors = await Promise.all(MEMBERS.map((aadObjectId) => actorFor(deps[0]!.directory, { tenantId: LOCAL_TENANT_ID, aadObjectId }))) as Actor[];
    expect(actors.every((a) => a !== undefined)).toBe(true);

    const outcomes = await Promise.all(actors.map((actor, i) => castPanelVote(deps[i % 2]!, actor, ref, CHOICES[i], 'Reason given')));
    expect(outcomes.map((o) => o.kind)).toEqual(['voted', 'voted', 'voted', 'voted', 'voted']);
    expect(conflicts).toBeGreaterThan(0);

    const stored = (await stores[1]!.getCase(ref))?.value;
    expect(stored?.panel.votes.map((v) => v.byKey).sort()).toEqual(actors.map((a) => a.key).sort());
    expect(stored?.panel.votes.map((v) => v.choice).sort()).toEqual([...CHOICES].sort());
    expect((await stores[0]!.listAudit(ref)).filter((e) => e.action === 'panel.voted')).toHaveLength(5);
    const updates = (await stores[1]!.listOutbox('pending', 100)).filter((i) => i.target === `panel:${ref}`);
    expect(updates).toHaveLength(5);
    const tallies = updates.map((u) => (u.payload.card as { view: { tally: { support: number; supportWithChanges: number; doNotSupport: number } } }).view.tally);
    expect(tallies).toContainEqual({ support: 3, supportWithChanges: 1, doNotSupport: 1 });
  });
});
