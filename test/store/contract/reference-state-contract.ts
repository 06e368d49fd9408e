import { StoreConflictError, type Store } from '../../../src/ports/store';
import { anAccessRequest, anAuditEvent, anOutboxItem } from '../mothers';

/** Reference data, turn state and access requests. */
export function describeReferenceStateContract(store: () => Store): void {
  describe('reference data', () => {
    it('replaces a kind wholesale and reads items by id', async () => {
      await store().replaceReference('settings', [
        { id: 'oak', name: 'Oak Primary', type: 'school' },
        { id: 'elm', name: 'Elm Academy' },
      ]);
      await store().replaceReference('services', [{ id: 'ep', name: 'Educational Psychology' }]);
      await store().replaceReference('settings', [
        { id: 'elm', name: 'Elm Academy Trust', kind: 'academy' },
        { id: 'ash', name: 'Ash Nursery' },
      ]);
      expect(await store().getReference('settings', 'oak')).toBeUndefined();
      expect(await store().getReference('settings', 'elm')).toEqual({ id: 'elm', name: 'Elm Academy Trust', kind: 'academy' });
      const settings = await store().listReference('settings');
      expect(settings.map((s) => s['id']).sort()).toEqual(['ash', 'elm']);
      expect(await store().listReference('services')).toEqual([{ id: 'ep', name: 'Educational Psychology' }]);
      await store().replaceReference('services', []);
      expect(await store().listReference('services')).toEqual([]);
    });
  });

  describe('state', () => {
    const key = 'msteams/19:abc@thread/conversation';

    it('writes, reads with versions, and refuses stale writes', async () => {
      expect(await store().readState([key])).toEqual({});
      const v1 = await store().writeState(key, { step: 1 });
      const v2 = await store().writeState(key, { step: 2 }, v1);
      expect(v2).not.toBe(v1);
      await expect(store().writeState(key, { step: 99 }, v1)).rejects.toBeInstanceOf(StoreConflictError);
      expect(await store().readState([key, 'other'])).toEqual({ [key]: { value: { step: 2 }, version: v2 } });
      const v3 = await store().writeState(key, { step: 3 }, '*');
      expect((await store().readState([key]))[key]).toEqual({ value: { step: 3 }, version: v3 });
    });

    it('refuses a versioned write to a missing key, and deletes keys', async () => {
      const v1 = await store().writeState(key, { step: 1 });
      await expect(store().writeState('user/missing', { step: 1 }, v1)).rejects.toBeInstanceOf(StoreConflictError);
      await store().writeState('user/other', { theme: 'dark' }, undefined);
      await store().deleteState([key, 'never-written']);
      expect(await store().readState([key, 'user/other', 'user/missing'])).toEqual({
        'user/other': { value: { theme: 'dark' }, version: expect.any(String) },
      });
    });

    it('creates only when absent: of two creates racing for one key, exactly one wins', async () => {
      const results = await Promise.allSettled([store().writeState('lease/x', { owner: 'a' }, null), store().writeState('lease/x', { owner: 'b' }, null)]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const refused = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
      expect(refused?.reason).toBeInstanceOf(StoreConflictError);
      const winner = results.find((r): r is PromiseFulfilledResult<string> => r.status === 'fulfilled');
      expect((await store().readState(['lease/x']))['lease/x']?.version).toBe(winner?.value);
    });
  });

  describe('access requests', () => {
    it('keeps the first request date while pending, and lists by status', async () => {
      const first = anAccessRequest({ requestedAt: '2026-03-01T10:00:00.000Z' });
      expect(await store().upsertAccessRequest(first)).toEqual(first);
      const again = { ...first, message: 'Still waiting', requestedAt: '2026-03-05T10:00:00.000Z' };
      expect(await store().upsertAccessRequest(again)).toEqual({ ...again, requestedAt: first.requestedAt });
      const other = anAccessRequest({ requestedAt: '2026-03-02T10:00:00.000Z' });
      await store().upsertAccessRequest(other);
      expect((await store().listAccessRequests('pending')).map((r) => r.userKey).sort()).toEqual([first.userKey, other.userKey].sort());

      await store().upsertAccessRequest({ ...other, status: 'refused' });
      expect(await store().listAccessRequests('refused')).toEqual([{ ...other, status: 'refused' }]);
      const reasked = { ...other, status: 'pending' as const, requestedAt: '2026-04-01T10:00:00.000Z' };
      expect(await store().upsertAccessRequest(reasked)).toEqual(reasked);
      expect(await store().listAccessRequests('approved')).toEqual([]);
    });

    const approval = (settingId = '900001') => ({ status: 'approved' as const, decision: { byKey: 'tenant:admin-1', at: '2026-03-03T09:00:00.000Z', settingId, reason: null } });
    const pendingOutbox = async () => (await store().listOutbox('pending', 100)).map((i) => i.id).sort();

    it('writes the effects of a new pending request once, not when it is asked again', async () => {
      const request = anAccessRequest();
      await store().upsertAccessRequest(request, { outbox: [anOutboxItem({ id: 'tell-admin-1' })], audit: [anAuditEvent()] });
      await store().upsertAccessRequest({ ...request, requestedAt: '2026-03-04T10:00:00.000Z' }, { outbox: [anOutboxItem({ id: 'tell-admin-2' })] });
      expect(await pendingOutbox()).toEqual(['tell-admin-1']);
    });

    it('decides a pending request once, with its effects; a second decision changes nothing and says what is stored', async () => {
      const request = anAccessRequest();
      await store().upsertAccessRequest(request);
      const first = await store().decideAccessRequest(request.userKey, approval(), { outbox: [anOutboxItem({ id: 'tell-requester' })], audit: [anAuditEvent({ action: 'access.approved' })] });
      expect(first).toEqual({ decided: true, request: { ...request, ...approval() } });
      const second = await store().decideAccessRequest(request.userKey, { status: 'refused', decision: { ...approval().decision, settingId: null, reason: 'No' } }, { outbox: [anOutboxItem({ id: 'tell-again' })] });
      expect(second).toEqual({ decided: false, request: { ...request, ...approval() } });
      expect(await store().listAccessRequests('approved')).toEqual([{ ...request, ...approval() }]);
      expect(await store().listAccessRequests('pending')).toEqual([]);
      expect(await pendingOutbox()).toEqual(['tell-requester']);
      expect(await store().decideAccessRequest('tenant:nobody', approval())).toEqual({ decided: false, request: undefined });
    });

    it('lets exactly one of two racing decisions win', async () => {
      const request = anAccessRequest();
      await store().upsertAccessRequest(request);
      const results = await Promise.all([
        store().decideAccessRequest(request.userKey, approval('900001'), { outbox: [anOutboxItem({ id: 'race-1' })] }),
        store().decideAccessRequest(request.userKey, approval('900005'), { outbox: [anOutboxItem({ id: 'race-2' })] }),
      ]);
      expect(results.filter((r) => r.decided)).toHaveLength(1);
      const [stored] = await store().listAccessRequests('approved');
      expect(results.map((r) => r.request?.decision?.settingId)).toEqual([stored?.decision?.settingId, stored?.decision?.settingId]);
      expect(await pendingOutbox()).toHaveLength(1);
    });

    it('takes an approval back only from an approved request, with its effects', async () => {
      const request = anAccessRequest();
      await store().upsertAccessRequest(request);
      const removal = { status: 'refused' as const, decision: { ...approval().decision, settingId: null, reason: 'Access removed' }, from: 'approved' as const };
      expect((await store().decideAccessRequest(request.userKey, removal)).decided).toBe(false); // still pending: nothing to take back
      await store().decideAccessRequest(request.userKey, approval());
      const removed = await store().decideAccessRequest(request.userKey, removal, { outbox: [anOutboxItem({ id: 'tell-removed' })] });
      expect(removed).toEqual({ decided: true, request: { ...request, status: 'refused', decision: removal.decision } });
      expect(await store().listAccessRequests('approved')).toEqual([]);
      expect((await store().decideAccessRequest(request.userKey, removal)).decided).toBe(false);
      expect(await pendingOutbox()).toEqual(['tell-removed']);
    });

    it('keeps an approval, and writes no effects, when the person asks again', async () => {
      const request = anAccessRequest();
      await store().upsertAccessRequest(request);
      await store().decideAccessRequest(request.userKey, approval());
      expect(await store().upsertAccessRequest({ ...request, requestedAt: '2026-03-09T10:00:00.000Z' }, { outbox: [anOutboxItem({ id: 'not-sent' })] })).toEqual({ ...request, ...approval() });
      expect(await pendingOutbox()).toEqual([]);
    });
  });
}
