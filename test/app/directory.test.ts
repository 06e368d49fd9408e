import { join } from 'node:path';
import { DIRECTORY_REFRESH_MS, forgetDirectorySnapshots, storeDirectory } from '../../src/app/directory';
import { importReferenceData } from '../../src/app/reference-data/import-reference-data';
import { loadReferenceData } from '../../src/app/reference-data/load-reference-data';
import type { AccessRequest, ReferenceStore, Store } from '../../src/ports/store';
import { openStore } from '../../src/store/open-store';
import { aService, inMemoryReferenceStore, SAMPLE_PEOPLE, SAMPLE_TENANT_ID, sampleReferenceData } from '../support/reference-fixtures';

const stores: Array<[string, () => Promise<{ store: ReferenceStore; close(): Promise<void> }>]> = [
  ['an in-memory store', async () => ({ store: inMemoryReferenceStore(), close: async () => undefined })],
  [
    'the SQLite store',
    async () => {
      const store = await openStore({ kind: 'sqlite', path: ':memory:' });
      return { store, close: () => store.close() };
    },
  ],
];

describe.each(stores)('the directory over %s', (_name, open) => {
  let opened: Awaited<ReturnType<typeof open>>;
  beforeEach(async () => {
    opened = await open();
    await importReferenceData(opened.store, sampleReferenceData());
  });
  afterEach(() => opened.close());
  const directory = () => storeDirectory(opened.store);

  it('finds a person by AAD object id, whatever its case, with their roles and setting', async () => {
    const priya = await directory().findPerson({ tenantId: SAMPLE_TENANT_ID, aadObjectId: SAMPLE_PEOPLE.priya.toUpperCase() });
    expect(priya).toMatchObject({ name: 'Priya Shah', roles: ['setting-staff'], settingId: '900001' });
    expect(await directory().findPerson({ tenantId: SAMPLE_TENANT_ID, aadObjectId: '00000000-0000-0000-0000-000000000999' })).toBeUndefined();
  });

  it('finds a person listed only by UPN by their UPN, ignoring case', async () => {
    const helen = await directory().findPerson({ tenantId: SAMPLE_TENANT_ID, aadObjectId: '11111111-2222-3333-4444-555555555555', userPrincipalName: 'HELEN.CARTER@littleacorns.example.org.uk' });
    expect(helen).toMatchObject({ name: 'Helen Carter', settingId: 'EY123456' });
  });

  it('does not match by UPN a person whose listed AAD object id is different', async () => {
    const impostor = await directory().findPerson({ tenantId: SAMPLE_TENANT_ID, aadObjectId: '11111111-2222-3333-4444-555555555555', userPrincipalName: 'priya.shah@oakfield.example.sch.uk' });
    expect(impostor).toBeUndefined();
  });

  it('gets settings by URN or Ofsted id and lists them by name', async () => {
    expect(await directory().getSetting('900001')).toMatchObject({ name: 'Oakfield Primary School', phase: 'primary' });
    expect(await directory().getSetting('ey123456')).toMatchObject({ name: 'Little Acorns Day Nursery', phase: 'early-years' });
    expect(await directory().getSetting('900999')).toBeUndefined();
    expect((await directory().listSettings()).map((s) => s.name)).toEqual(['Hartwell Academy', 'Little Acorns Day Nursery', 'Oakfield Primary School']);
  });

  it('lists services in the order the catalogue keeps them', async () => {
    const services = [aService({ id: 'zeta', name: 'Zeta' }), aService({ id: 'alpha', name: 'Alpha' }), aService({ id: 'mu', name: 'Mu' })];
    await importReferenceData(opened.store, sampleReferenceData({ services }));
    expect(await directory().listServices()).toEqual(services);
  });

  it('says who is on duty now, in London time, with dated entries taking over', async () => {
    const rota = sampleReferenceData().rota;
    rota.dates.push({ date: '2026-07-07', session: 'AM', personIds: [SAMPLE_PEOPLE.alex, SAMPLE_PEOPLE.sam] });
    await importReferenceData(opened.store, sampleReferenceData({ rota }));
    const names = async (at: string) => (await directory().onDuty(new Date(at))).map((p) => p.name);
    expect(await names('2026-12-07T09:00:00Z')).toEqual(['Sam Patel']);
    expect(await names('2026-12-07T12:30:00Z')).toEqual(['Alex Morgan']);
    expect(await names('2026-07-06T11:30:00Z')).toEqual(['Alex Morgan']);
    expect(await names('2026-07-07T08:00:00Z')).toEqual(['Alex Morgan', 'Sam Patel']);
    expect(await names('2026-12-12T09:00:00Z')).toEqual([]);
  });

  it('gives the front-door settings, and says plainly when none are loaded', async () => {
    expect(await directory().frontDoorSettings()).toEqual(sampleReferenceData().frontDoor);
    await opened.store.replaceReference('front-door', []);
    await expect(directory().frontDoorSettings()).rejects.toMatchObject({ code: 'REFERENCE.NOT_LOADED' });
  });

  it('refuses a stored record that does not fit its schema rather than guessing', async () => {
    await opened.store.replaceReference('person', [{ id: SAMPLE_PEOPLE.sam, name: 'Sam Patel', roles: ['wizard'] }]);
    await expect(directory().findPerson({ tenantId: SAMPLE_TENANT_ID, aadObjectId: SAMPLE_PEOPLE.sam })).rejects.toMatchObject({ code: 'REFERENCE.CORRUPT' });
  });

  it('forgets people removed from the data when it is imported again', async () => {
    const data = sampleReferenceData();
    await importReferenceData(opened.store, { ...data, people: data.people.filter((p) => p.id !== SAMPLE_PEOPLE.dana) });
    expect(await directory().findPerson({ tenantId: SAMPLE_TENANT_ID, aadObjectId: SAMPLE_PEOPLE.dana })).toBeUndefined();
    expect(await directory().getPerson(SAMPLE_PEOPLE.jo)).toMatchObject({ name: 'Jo Okafor' });
  });
});

describe('the shipped data/ folder, imported', () => {
  it('lets the local user at the keyboard in with every role, at Oakfield Primary School', async () => {
    const store = inMemoryReferenceStore();
    await importReferenceData(store, await loadReferenceData(join(__dirname, '..', '..', 'data')));
    const directory = storeDirectory(store);
    const alex = await directory.findPerson({ tenantId: SAMPLE_TENANT_ID, aadObjectId: SAMPLE_PEOPLE.alex, userPrincipalName: 'alex.morgan@example-la.gov.uk' });
    expect(alex?.roles).toHaveLength(8);
    expect(await directory.getSetting(alex?.settingId ?? '')).toMatchObject({ name: 'Oakfield Primary School' });
    expect((await directory.listServices())[0]?.name).toBe('Educational Psychology Service');
    expect(await directory.getPerson((await directory.frontDoorSettings()).dutyManagerId)).toMatchObject({ name: 'Jo Okafor' });
    expect(store.kinds().sort()).toEqual(['front-door', 'person', 'rota', 'service', 'setting']);
  });
});

describe('the directory with approved access requests', () => {
  const NEWCOMER = '00000000-0000-0000-0000-0000000009ff';
  const newcomerKey = `${SAMPLE_TENANT_ID}:${NEWCOMER}`;
  let store: Store;
  let now: number;
  const clock = { now: () => new Date(now) };
  const approve = async (request: Partial<AccessRequest> & { userKey: string }, settingId = '900005') => {
    await store.upsertAccessRequest({ name: 'Robin Newcomer', email: 'robin.newcomer@hartwell.example.sch.uk', message: 'SENCO at Hartwell', requestedAt: '2026-12-07T09:00:00.000Z', status: 'pending', ...request });
    await store.decideAccessRequest(request.userKey, { status: 'approved', decision: { byKey: 'admin', at: '2026-12-07T10:00:00.000Z', settingId, reason: null } });
  };
  const findNewcomer = (directory: ReturnType<typeof storeDirectory>) => directory.findPerson({ tenantId: SAMPLE_TENANT_ID, aadObjectId: NEWCOMER });
  beforeEach(async () => {
    now = Date.parse('2026-12-07T10:00:00Z');
    store = await openStore({ kind: 'sqlite', path: ':memory:' });
    await importReferenceData(store, sampleReferenceData());
  });
  afterEach(() => store.close());

  it('knows an approved person as setting staff of the setting they were approved for', async () => {
    await approve({ userKey: newcomerKey });
    const directory = storeDirectory(store, clock);
    expect(await findNewcomer(directory)).toEqual({ id: NEWCOMER, aadObjectId: NEWCOMER, upn: 'robin.newcomer@hartwell.example.sch.uk', name: 'Robin Newcomer', roles: ['setting-staff'], settingId: '900005' });
    expect((await directory.listPeople()).map((p) => p.name)).toContain('Robin Newcomer');
  });

  it('keeps the same approval after the reference data is imported again at start-up', async () => {
    await approve({ userKey: newcomerKey });
    await importReferenceData(store, sampleReferenceData());
    expect(await findNewcomer(storeDirectory(store, clock))).toMatchObject({ settingId: '900005' });
  });

  it('knows nobody from a pending or refused request', async () => {
    await store.upsertAccessRequest({ userKey: newcomerKey, name: 'Robin Newcomer', email: null, message: null, requestedAt: '2026-12-07T09:00:00.000Z', status: 'pending' });
    expect(await findNewcomer(storeDirectory(store, clock))).toBeUndefined();
    await store.decideAccessRequest(newcomerKey, { status: 'refused', decision: { byKey: 'admin', at: '2026-12-07T10:00:00.000Z', settingId: null, reason: null } });
    expect(await findNewcomer(storeDirectory(store, clock))).toBeUndefined();
  });

  it('lets a person listed in data/ win over an approval, by AAD id or by UPN', async () => {
    await approve({ userKey: `${SAMPLE_TENANT_ID}:${SAMPLE_PEOPLE.priya}`, name: 'Priya Approved' });
    await approve({ userKey: `${SAMPLE_TENANT_ID}:11111111-2222-3333-4444-555555555555`, name: 'Helen Approved', email: 'helen.carter@littleacorns.example.org.uk' });
    const directory = storeDirectory(store, clock);
    expect(await directory.findPerson({ tenantId: SAMPLE_TENANT_ID, aadObjectId: SAMPLE_PEOPLE.priya })).toMatchObject({ name: 'Priya Shah', settingId: '900001' });
    const helen = await directory.findPerson({ tenantId: SAMPLE_TENANT_ID, aadObjectId: '11111111-2222-3333-4444-555555555555', userPrincipalName: 'helen.carter@littleacorns.example.org.uk' });
    expect(helen).toMatchObject({ name: 'Helen Carter', settingId: 'EY123456' });
  });

  it('drops an approval whose setting is no longer in the data', async () => {
    await approve({ userKey: newcomerKey }, '900999');
    expect(await findNewcomer(storeDirectory(store, clock))).toBeUndefined();
  });

  it('sees an approval made elsewhere within its 30-second cache', async () => {
    const directory = storeDirectory(store, clock);
    expect(await findNewcomer(directory)).toBeUndefined();
    await approve({ userKey: newcomerKey });
    now += DIRECTORY_REFRESH_MS - 1;
    expect(await findNewcomer(directory)).toBeUndefined();
    now += 1;
    expect(await findNewcomer(directory)).toMatchObject({ name: 'Robin Newcomer' });
  });

  it('sees it at once in every directory over the store after forgetDirectorySnapshots', async () => {
    const directory = storeDirectory(store, clock);
    const other = storeDirectory(store, clock);
    expect(await findNewcomer(directory)).toBeUndefined();
    expect(await findNewcomer(other)).toBeUndefined();
    await approve({ userKey: newcomerKey });
    forgetDirectorySnapshots(store);
    expect(await findNewcomer(directory)).toMatchObject({ name: 'Robin Newcomer' });
    expect(await findNewcomer(other)).toMatchObject({ name: 'Robin Newcomer' });
  });
});
