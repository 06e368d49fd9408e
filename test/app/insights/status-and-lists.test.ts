import type { Actor } from '../../../src/app/actor';
import { buildInsights, rangeOf } from '../../../src/app/insights/build-insights';
import { openCases, overdueReason } from '../../../src/app/status/case-lists';
import { caseStatus } from '../../../src/app/status/status-access';
import type { Role } from '../../../src/domain/roles';
import { openStore } from '../../../src/store/open-store';
import type { Store } from '../../../src/ports/store';
import { aCase } from '../../store/mothers';

const actor = (roles: Role[], settingId?: string): Actor => ({
  key: 'tenant:someone',
  identity: { tenantId: 'tenant', aadObjectId: 'someone' },
  person: { id: 'someone', name: 'Some One', roles, ...(settingId ? { settingId } : {}) } as Actor['person'],
});

let store: Store;
beforeEach(async () => {
  store = await openStore({ kind: 'sqlite', path: ':memory:' });
});
afterEach(async () => {
  await store.close();
});

describe('who sees what', () => {
  it('refuses a status look-up to a panel member with no other role, and insights to a duty professional', async () => {
    const record = aCase();
    await store.createCase(record);
    await expect(caseStatus(store, actor(['panel-member']), record.ref)).rejects.toMatchObject({ code: 'STATUS.NOT_ALLOWED' });
    await expect(openCases(store, actor(['panel-member']))).rejects.toMatchObject({ code: 'STATUS.NOT_ALLOWED' });
    await expect(buildInsights(store, actor(['duty-professional']), { from: '2026-01-01', to: '2026-12-31', label: '2026' })).rejects.toMatchObject({ code: 'INSIGHTS.NOT_ALLOWED' });
    expect((await caseStatus(store, actor(['front-door-admin']), `about ${record.ref}`)).ref).toBe(record.ref);
  });

  it('treats setting staff with no setting as seeing no case', async () => {
    const record = aCase();
    await store.createCase(record);
    await expect(caseStatus(store, actor(['setting-staff']), record.ref)).rejects.toMatchObject({ code: 'CASE.NOT_FOUND' });
  });
});

describe('overdue', () => {
  it('is a first reply past its date with no reply yet, or a panel decision past its date', () => {
    const today = '2026-12-07';
    expect(overdueReason(aCase({ firstResponseDue: '2026-12-04' }), today)).toEqual({ kind: 'first-response', due: '2026-12-04' });
    expect(overdueReason(aCase({ firstResponseDue: '2026-12-07' }), today)).toBeUndefined();
    expect(overdueReason(aCase({ status: 'awaiting-school', firstResponseDue: '2026-12-01', firstResponseAt: '2026-12-01T10:00:00.000Z' }), today)).toBeUndefined();
    expect(overdueReason(aCase({ status: 'panel', panelDue: '2026-12-06', firstResponseAt: '2026-11-20T10:00:00.000Z' }), today)).toEqual({ kind: 'panel', due: '2026-12-06' });
  });
});

describe('insight periods as instants', () => {
  it('starts and ends each period at midnight in London', () => {
    expect(rangeOf({ from: '2026-07-01', to: '2026-07-31' })).toEqual({ from: '2026-06-30T23:00:00.000Z', to: '2026-07-31T23:00:00.000Z' });
    expect(rangeOf({ from: '2026-09-01', to: '2026-12-31' })).toEqual({ from: '2026-08-31T23:00:00.000Z', to: '2027-01-01T00:00:00.000Z' });
  });

  it('counts a case sent just after midnight on 1 April (London) in April, not March', async () => {
    const manager = actor(['manager']);
    await store.createCase(aCase({ submittedAt: '2026-03-31T23:30:00.000Z' }));
    const march = await buildInsights(store, manager, { from: '2026-03-01', to: '2026-03-31', label: 'March' });
    const april = await buildInsights(store, manager, { from: '2026-04-01', to: '2026-04-30', label: 'April' });
    expect([march.total, april.total]).toEqual([0, 1]);
  });
});
