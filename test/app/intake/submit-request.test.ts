import { storeDirectory } from '../../../src/app/directory';
import { startDraft } from '../../../src/app/intake/drafts';
import { fillStep } from '../../../src/app/intake/fill-step';
import { submitRequest } from '../../../src/app/intake/submit-request';
import { importReferenceData } from '../../../src/app/reference-data/import-reference-data';
import { loadReferenceData } from '../../../src/app/reference-data/load-reference-data';
import { actorFor } from '../../../src/app/actor';
import { LOCAL_TENANT_ID } from '../../../src/config';
import { StoreConflictError, StoreUnavailableError, type Store } from '../../../src/ports/store';
import { openStore } from '../../../src/store/open-store';
import { FORM_STEPS, VALID_STEP_INPUTS } from '../../support/intake-answers';
import { fakeCards } from '../../support/fake-cards';
import { makeTempDir } from '../../support/temp-dir';


async function deps(store: Store, at: string) {
  let n = 0;
  return { store, directory: storeDirectory(store), clock: { now: () => new Date(at) }, ids: { next: () => `${at}-${++n}` }, cards: fakeCards };
}

async function completedDraft(d: Awaited<ReturnType<typeof deps>>) {
  const actor = await actorFor(d.directory, { tenantId: LOCAL_TENANT_ID, aadObjectId: '00000000-0000-0000-0000-000000000101' });
  if (!actor) throw new Error('Priya is missing from data/');
  const draft = await startDraft(d, actor, 'teams', {});
  for (const step of FORM_STEPS) await fillStep(d, actor, 'next', { draftId: draft.value.id, step, inputs: VALID_STEP_INPUTS[step] });
  return { actor, draftId: draft.value.id };
}

describe('submitting a request', () => {
  it('makes exactly one case and one duty alert from many simultaneous submits, across two store connections', async () => {
    const dir = await makeTempDir();
    const one = await openStore({ kind: 'sqlite', path: `${dir.path}/fd.db` });
    const two = await openStore({ kind: 'sqlite', path: `${dir.path}/fd.db` });
    await importReferenceData(one, await loadReferenceData('data'));
    const a = await deps(one, '2026-12-07T10:00:00Z');
    const b = await deps(two, '2026-12-07T10:00:00Z');
    const { actor, draftId } = await completedDraft(a);

    const outcomes = await Promise.all(Array.from({ length: 10 }, (_, i) => submitRequest(i % 2 ? a : b, actor, draftId)));
    const refs = new Set(outcomes.map((o) => (o.kind === 'receipt' ? o.record.ref : 'invalid')));
    expect([...refs]).toHaveLength(1);
    expect((await one.listCasesBySetting('900001', { offset: 0, limit: 10 })).total).toBe(1);
    expect(await one.listOutbox('pending', 10)).toHaveLength(1);
    await one.close();
    await two.close();
    await dir.remove();
  });

  it('says "try again" when the reference is held but no case shows yet, and the retry makes the one case', async () => {
    const store = await openStore({ kind: 'sqlite', path: ':memory:' });
    await importReferenceData(store, await loadReferenceData('data'));
    const d = await deps(store, '2026-12-07T10:00:00Z');
    const { actor, draftId } = await completedDraft(d);
    // As after a Cosmos DB write cut off between its submission marker and the case: the key is taken, no case yet.
    const held: Store = Object.assign(Object.create(store) as Store, { createCase: () => Promise.reject(new StoreConflictError('submission key taken')) });
    await expect(submitRequest({ ...d, store: held }, actor, draftId)).rejects.toBeInstanceOf(StoreUnavailableError);
    expect((await store.listCasesBySetting('900001', { offset: 0, limit: 10 })).total).toBe(0);
    const retry = await submitRequest(d, actor, draftId);
    expect(retry.kind).toBe('receipt');
    expect((await store.listCasesBySetting('900001', { offset: 0, limit: 10 })).total).toBe(1);
    await store.close();
  });

  it('counts the due date in working days: on Christmas Eve, past the bank holidays and the authority’s closure days', async () => {
    // data/front-door.yaml closes the service 29–31 December; 25, 28 December and 1 January are bank holidays.
    const store = await openStore({ kind: 'sqlite', path: ':memory:' });
    await importReferenceData(store, await loadReferenceData('data'));
    const d = await deps(store, '2026-12-24T10:00:00Z');
    const { actor, draftId } = await completedDraft(d);
    const outcome = await submitRequest(d, actor, draftId);
    expect(outcome).toMatchObject({ kind: 'receipt', dueInWords: 'by Tuesday 5 January 2027', record: { firstResponseDue: '2027-01-05' } });
    await store.close();
  });
});
