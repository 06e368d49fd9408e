import { storeDirectory } from '../../../src/app/directory';
import { sweepDrafts } from '../../../src/app/intake/expire-drafts';
import { importReferenceData } from '../../../src/app/reference-data/import-reference-data';
import { loadReferenceData } from '../../../src/app/reference-data/load-reference-data';
import type { Draft, Store } from '../../../src/ports/store';
import { openStore } from '../../../src/store/open-store';
import { notificationCards } from '../../../src/teams/notification-cards';

const DAY = 24 * 60 * 60 * 1000;
const START = Date.parse('2026-11-02T09:00:00Z'); // data/front-door.yaml keeps drafts 30 days
let store: Store;
let now = START;

function sweeper() {
  let n = 0;
  return { store, directory: storeDirectory(store), clock: { now: () => new Date(now) }, ids: { next: () => `audit-${now}-${++n}` }, cards: notificationCards };
}

function draft(id: string, overrides: Partial<Draft> = {}): Draft {
  const at = new Date(START).toISOString();
  return { id, ownerKey: 'tenant:priya', step: 'need', answers: { initials: 'JS' }, createdAt: at, updatedAt: at, ...overrides };
}

async function notices(): Promise<number> {
  return (await store.listOutbox('pending', 100)).filter((i) => i.kind === 'personal-message').length;
}

beforeEach(async () => {
  store = await openStore({ kind: 'sqlite', path: ':memory:' });
  await importReferenceData(store, await loadReferenceData('data'));
  now = START;
});
afterEach(async () => {
  await store.close();
});

describe('removing old unfinished requests', () => {
  it('tells the owner three days before, once, then deletes it', async () => {
    await store.saveDraft(draft('d1'), null);
    now = START + 20 * DAY;
    expect(await sweepDrafts(sweeper())).toEqual({ noticed: 0, removed: 0 });
    now = START + 27.5 * DAY;
    expect(await sweepDrafts(sweeper())).toEqual({ noticed: 1, removed: 0 });
    const [notice] = await store.listOutbox('pending', 10);
    expect(notice).toMatchObject({ kind: 'personal-message', target: 'tenant:priya' });
    expect(JSON.stringify(notice?.payload)).toContain('Pupil JS · Step 3 of 7: Area of need');
    expect(JSON.stringify(notice?.payload)).toContain('will be deleted on Wednesday 2 December');
    now = START + 28 * DAY;
    expect(await sweepDrafts(sweeper())).toEqual({ noticed: 0, removed: 0 });
    now = START + 30.1 * DAY;
    expect(await sweepDrafts(sweeper())).toEqual({ noticed: 0, removed: 0 });
    expect(await store.getDraft('d1')).toBeDefined();
    now = START + 30.6 * DAY;
    expect(await sweepDrafts(sweeper())).toEqual({ noticed: 0, removed: 1 });
    expect(await store.getDraft('d1')).toBeUndefined();
    expect(await notices()).toBe(1);
  });

  it('never deletes a draft it has not warned about, even one long past its time', async () => {
    await store.saveDraft(draft('d2'), null);
    now = START + 60 * DAY;
    expect(await sweepDrafts(sweeper())).toEqual({ noticed: 1, removed: 0 });
    now = START + 62 * DAY;
    expect(await sweepDrafts(sweeper())).toEqual({ noticed: 0, removed: 0 });
    now = START + 63 * DAY;
    expect(await sweepDrafts(sweeper())).toEqual({ noticed: 0, removed: 1 });
  });

  it('starts the clock again when the owner carries on after the notice', async () => {
    await store.saveDraft(draft('d3'), null);
    now = START + 28 * DAY;
    await sweepDrafts(sweeper());
    const noticed = await store.getDraft('d3');
    if (!noticed) throw new Error('draft missing');
    await store.saveDraft({ ...noticed.value, updatedAt: new Date(now).toISOString() }, noticed.version);
    now = START + 35 * DAY;
    expect(await sweepDrafts(sweeper())).toEqual({ noticed: 0, removed: 0 });
    expect(await store.getDraft('d3')).toBeDefined();
  });

  it('removes a sent request’s tombstone at the keeping time, without a notice', async () => {
    await store.saveDraft(draft('d4', { answers: { $submitted: true, $reservedRef: 'FD-2026-00001' } }), null);
    now = START + 31 * DAY;
    expect(await sweepDrafts(sweeper())).toEqual({ noticed: 0, removed: 1 });
    expect(await notices()).toBe(0);
  });

  it('sends one notice when two sweepers run at the same moment', async () => {
    await store.saveDraft(draft('d5'), null);
    now = START + 28 * DAY;
    const results = await Promise.all([sweepDrafts(sweeper()), sweepDrafts(sweeper())]);
    expect(results.reduce((sum, r) => sum + r.noticed, 0)).toBeLessThanOrEqual(1);
    expect(await notices()).toBe(1);
  });
});
