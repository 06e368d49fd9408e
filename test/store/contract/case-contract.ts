import { StoreConflictError, type Store } from '../../../src/ports/store';
import { aCase, anAuditEvent, anOutboxItem } from '../mothers';

/** Cases: versions, idempotent creation, atomic effects, reference numbers, list queries. */
export function describeCaseContract(store: () => Store): void {
  describe('cases', () => {
    it('creates a case and reads it back with a version', async () => {
      const record = aCase();
      const created = await store().createCase(record);
      expect(created.created).toBe(true);
      expect(created.case.value).toEqual(record);
      const read = await store().getCase(record.ref);
      expect(read).toEqual({ value: record, version: created.case.version });
      expect(typeof read?.version).toBe('string');
      expect(await store().getCase('FD-2026-99999')).toBeUndefined();
    });

    it('updates at the current version and refuses a stale version without changing anything', async () => {
      const record = aCase();
      const { case: first } = await store().createCase(record);
      const claimed = { ...record, status: 'claimed' as const, claimantKey: 'tenant:duty-1' };
      const second = await store().updateCase(claimed, first.version);
      expect(second.value).toEqual(claimed);
      expect(second.version).not.toBe(first.version);

      const stale = { ...record, status: 'withdrawn' as const };
      await expect(store().updateCase(stale, first.version, { audit: [anAuditEvent({ caseRef: record.ref })] })).rejects.toBeInstanceOf(StoreConflictError);
      expect(await store().getCase(record.ref)).toEqual(second);
      expect(await store().listAudit(record.ref)).toEqual([]);
    });

    it('returns the first case for a repeated submission key, without repeating its effects', async () => {
      const record = aCase();
      const effects = { outbox: [anOutboxItem({ caseRef: record.ref })], audit: [anAuditEvent({ caseRef: record.ref })] };
      const first = await store().createCase(record, effects);
      const retry = aCase({ submissionKey: record.submissionKey });
      const second = await store().createCase(retry, {
        outbox: [anOutboxItem({ caseRef: retry.ref })],
        audit: [anAuditEvent({ caseRef: retry.ref })],
      });
      expect(second.created).toBe(false);
      expect(second.case).toEqual(first.case);
      expect(await store().getCase(retry.ref)).toBeUndefined();
      expect(await store().listOutbox('pending', 10)).toEqual(effects.outbox);
      expect(await store().listAudit(record.ref)).toEqual(effects.audit);
      expect(await store().listAudit(retry.ref)).toEqual([]);
    });

    it('writes effects with the case, and none when the case write is a conflict', async () => {
      const record = aCase();
      const outbox = [anOutboxItem({ caseRef: record.ref })];
      const audit = [anAuditEvent({ caseRef: record.ref })];
      await store().createCase(record, { outbox, audit });
      expect(await store().listOutbox('pending', 10)).toEqual(outbox);
      expect(await store().listAudit(record.ref)).toEqual(audit);

      const clash = aCase({ ref: record.ref });
      await expect(
        store().createCase(clash, { outbox: [anOutboxItem({ caseRef: record.ref })], audit: [anAuditEvent({ caseRef: record.ref })] }),
      ).rejects.toBeInstanceOf(StoreConflictError);
      expect(await store().getCase(record.ref)).toEqual(expect.objectContaining({ value: record }));
      expect(await store().listOutbox('pending', 10)).toEqual(outbox);
      expect(await store().listAudit(record.ref)).toEqual(audit);

      // The clashing submission key stays free: a later create with it succeeds.
      const retried = await store().createCase(aCase({ submissionKey: clash.submissionKey }));
      expect(retried.created).toBe(true);
    });

    it('writes effects with an update', async () => {
      const record = aCase();
      const { case: first } = await store().createCase(record);
      const item = anOutboxItem({ caseRef: record.ref, kind: 'card-update' });
      const event = anAuditEvent({ caseRef: record.ref, action: 'case.claimed' });
      await store().updateCase({ ...record, status: 'claimed' }, first.version, { outbox: [item], audit: [event] });
      expect(await store().listOutbox('pending', 10)).toEqual([item]);
      expect(await store().listAudit(record.ref)).toEqual([event]);
    });

    it('gives 20 concurrent callers the numbers 1 to 20, each year on its own', async () => {
      const numbers = await Promise.all(Array.from({ length: 20 }, () => store().nextReferenceNumber(2026)));
      expect([...numbers].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
      expect(await store().nextReferenceNumber(2027)).toBe(1);
      expect(await store().nextReferenceNumber(2026)).toBe(21);
    });

    it('lists a setting newest first, a page at a time, with the total', async () => {
      const days = ['01', '05', '03', '04', '02'];
      for (const day of days) await store().createCase(aCase({ settingId: 'setting-elm', submittedAt: `2026-03-${day}T09:00:00.000Z` }));
      await store().createCase(aCase({ settingId: 'setting-ash' }));
      const first = await store().listCasesBySetting('setting-elm', { offset: 0, limit: 2 });
      const second = await store().listCasesBySetting('setting-elm', { offset: 2, limit: 2 });
      const last = await store().listCasesBySetting('setting-elm', { offset: 4, limit: 2 });
      expect(first.total).toBe(5);
      expect(second.total).toBe(5);
      const submitted = [...first.items, ...second.items, ...last.items].map((c) => c.submittedAt.slice(8, 10));
      expect(submitted).toEqual(['05', '04', '03', '02', '01']);
      expect(await store().listCasesBySetting('setting-none', { offset: 0, limit: 5 })).toEqual({ items: [], total: 0 });
    });

    it('lists cases in given statuses, oldest first, up to a limit', async () => {
      const old = aCase({ status: 'claimed', submittedAt: '2026-03-01T09:00:00.000Z' });
      const mid = aCase({ status: 'submitted', submittedAt: '2026-03-02T09:00:00.000Z' });
      const recent = aCase({ status: 'submitted', submittedAt: '2026-03-03T09:00:00.000Z' });
      const closed = aCase({ status: 'closed', submittedAt: '2026-02-01T09:00:00.000Z' });
      for (const c of [recent, closed, old, mid]) await store().createCase(c);
      const refs = async (limit: number) => (await store().listCasesByStatus(['submitted', 'claimed'], limit)).map((c) => c.ref);
      expect(await refs(10)).toEqual([old.ref, mid.ref, recent.ref]);
      expect(await refs(2)).toEqual([old.ref, mid.ref]);
      expect(await store().listCasesByStatus(['panel'], 10)).toEqual([]);
    });

    it("lists a claimant's cases in given statuses, soonest due first", async () => {
      const claimant = 'tenant:duty-7';
      const later = aCase({ claimantKey: claimant, status: 'claimed', firstResponseDue: '2026-03-20' });
      const sooner = aCase({ claimantKey: claimant, status: 'awaiting-school', firstResponseDue: '2026-03-10' });
      const done = aCase({ claimantKey: claimant, status: 'closed', firstResponseDue: '2026-03-01' });
      const someoneElse = aCase({ claimantKey: 'tenant:duty-8', status: 'claimed', firstResponseDue: '2026-03-05' });
      for (const c of [later, done, someoneElse, sooner]) await store().createCase(c);
      const mine = await store().listCasesByClaimant(claimant, ['claimed', 'awaiting-school']);
      expect(mine.map((c) => c.ref)).toEqual([sooner.ref, later.ref]);
    });
  });
}
