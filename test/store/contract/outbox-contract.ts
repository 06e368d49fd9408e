import type { Store } from '../../../src/ports/store';
import { anAuditEvent, anOutboxItem } from '../mothers';

const NOW = '2026-03-02T10:00:00.000Z';
const LEASE_END = '2026-03-02T10:05:00.000Z';

/** Audit trail and outbox leases. */
export function describeOutboxContract(store: () => Store): void {
  describe('audit', () => {
    it("appends events and lists a case's events oldest first", async () => {
      const later = anAuditEvent({ caseRef: 'FD-2026-00042', at: '2026-03-02T10:00:00.000Z', action: 'case.claimed' });
      const earlier = anAuditEvent({ caseRef: 'FD-2026-00042', at: '2026-03-02T09:00:00.000Z' });
      await store().appendAudit(later);
      await store().appendAudit(earlier);
      await store().appendAudit(anAuditEvent({ caseRef: 'FD-2026-00043' }));
      await store().appendAudit(anAuditEvent({ caseRef: null, action: 'access.approved' }));
      expect(await store().listAudit('FD-2026-00042')).toEqual([earlier, later]);
    });
  });

  describe('outbox', () => {
    it('leases due pending items only, and lists by status', async () => {
      const due = anOutboxItem({ nextAttemptAt: '2026-03-02T09:00:00.000Z' });
      const future = anOutboxItem({ nextAttemptAt: '2026-03-03T09:00:00.000Z' });
      const dead = anOutboxItem({ status: 'dead' });
      await store().enqueue([due, future, dead]);
      const leased = await store().leaseDue(NOW, 'worker-a', LEASE_END, 10);
      expect(leased).toEqual([{ ...due, leaseOwner: 'worker-a', leaseUntil: LEASE_END }]);
      expect(await store().leaseDue(NOW, 'worker-b', LEASE_END, 10)).toEqual([]);
      expect((await store().listOutbox('pending', 10)).map((i) => i.id).sort()).toEqual([due.id, future.id].sort());
      expect(await store().listOutbox('dead', 10)).toEqual([dead]);
    });

    it('never leases one item to two owners at once', async () => {
      const items = Array.from({ length: 6 }, () => anOutboxItem());
      await store().enqueue(items);
      const [a, b] = await Promise.all([store().leaseDue(NOW, 'worker-a', LEASE_END, 10), store().leaseDue(NOW, 'worker-b', LEASE_END, 10)]);
      const ids = [...a!, ...b!].map((i) => i.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.sort()).toEqual(items.map((i) => i.id).sort());
    });

    it('respects the limit and lets an expired lease be taken again', async () => {
      await store().enqueue([anOutboxItem(), anOutboxItem()]);
      const first = await store().leaseDue(NOW, 'worker-a', LEASE_END, 1);
      expect(first).toHaveLength(1);
      const afterExpiry = '2026-03-02T10:06:00.000Z';
      const retaken = await store().leaseDue(afterExpiry, 'worker-b', '2026-03-02T10:11:00.000Z', 10);
      expect(retaken.map((i) => i.leaseOwner)).toEqual(['worker-b', 'worker-b']);
      expect(retaken.map((i) => i.id)).toContain(first[0]!.id);
      expect(await store().completeAttempt(first[0]!, 'worker-a', { status: 'delivered' })).toBe(false);
    });

    it('records an attempt for the lease owner only', async () => {
      const item = anOutboxItem();
      await store().enqueue([item]);
      await store().leaseDue(NOW, 'worker-a', LEASE_END, 10);
      expect(await store().completeAttempt(item, 'worker-b', { status: 'delivered' })).toBe(false);
      expect(await store().completeAttempt({ id: 'outbox-missing', caseRef: null }, 'worker-a', { status: 'delivered' })).toBe(false);

      const retryAt = '2026-03-02T10:30:00.000Z';
      expect(await store().completeAttempt(item, 'worker-a', { status: 'pending', nextAttemptAt: retryAt, error: 'HTTP 502' })).toBe(true);
      expect(await store().listOutbox('pending', 10)).toEqual([
        { ...item, attempts: 1, nextAttemptAt: retryAt, lastError: 'HTTP 502', leaseOwner: null, leaseUntil: null },
      ]);
      expect(await store().leaseDue(NOW, 'worker-a', LEASE_END, 10)).toEqual([]);

      const [again] = await store().leaseDue(retryAt, 'worker-c', '2026-03-02T10:35:00.000Z', 10);
      expect(again?.id).toBe(item.id);
      expect(await store().completeAttempt(item, 'worker-c', { status: 'delivered' })).toBe(true);
      expect(await store().listOutbox('pending', 10)).toEqual([]);
      expect(await store().listOutbox('delivered', 10)).toEqual([
        { ...item, attempts: 2, nextAttemptAt: retryAt, lastError: null, status: 'delivered', leaseOwner: null, leaseUntil: null },
      ]);
    });

    it('leases at most perTarget items of one target, oldest first, and none from skipped targets', async () => {
      const duty = Array.from({ length: 5 }, (_, i) => anOutboxItem({ target: 'duty', nextAttemptAt: `2026-03-02T09:0${i}:00.000Z` }));
      const priya = anOutboxItem({ target: 'priya', nextAttemptAt: '2026-03-02T09:09:00.000Z' });
      const panel = anOutboxItem({ target: 'panel', nextAttemptAt: '2026-03-02T09:08:00.000Z' });
      await store().enqueue([...duty, priya, panel]);
      const leased = await store().leaseDue(NOW, 'worker-a', LEASE_END, 10, { perTarget: 2, skipTargets: ['panel'] });
      expect(leased.map((i) => i.id)).toEqual([duty[0]!.id, duty[1]!.id, priya.id]);
      const rest = await store().leaseDue(NOW, 'worker-b', LEASE_END, 10, { skipTargets: ['priya'] });
      expect(rest.map((i) => i.id)).toEqual([duty[2]!.id, duty[3]!.id, duty[4]!.id, panel.id]);
    });

    it('marks an attempt as started for the lease holder, and its outcome clears the mark', async () => {
      const item = anOutboxItem({ caseRef: 'FD-2026-00042' }); // kept with its case where the database partitions by case
      await store().enqueue([item]);
      await store().leaseDue(NOW, 'worker-a', LEASE_END, 10);
      expect(await store().startAttempt(item, 'worker-b', NOW)).toBe(false);
      expect(await store().startAttempt(item, 'worker-a', NOW)).toBe(true);
      // The holder dies mid-send: whoever takes the item next sees that Teams may already have it.
      const [retaken] = await store().leaseDue('2026-03-02T10:06:00.000Z', 'worker-b', '2026-03-02T10:11:00.000Z', 10);
      expect(retaken).toMatchObject({ id: item.id, attemptStartedAt: NOW, attempts: 0 });
      expect(await store().completeAttempt(item, 'worker-b', { status: 'delivered' })).toBe(true);
      expect(await store().listOutbox('delivered', 10)).toEqual([expect.objectContaining({ id: item.id, attemptStartedAt: null, attempts: 1 })]);
    });

    it('keeps the mark through a failed retry while in doubt, and clears it after a failure that was not', async () => {
      const [doubted, plain] = [anOutboxItem(), anOutboxItem()];
      await store().enqueue([doubted, plain]);
      await store().leaseDue(NOW, 'worker-a', LEASE_END, 10);
      for (const item of [doubted, plain]) await store().startAttempt(item, 'worker-a', NOW);
      const retryAt = '2026-03-02T10:30:00.000Z';
      await store().completeAttempt(doubted, 'worker-a', { status: 'pending', nextAttemptAt: retryAt, error: 'HTTP 500', inDoubt: true });
      await store().completeAttempt(plain, 'worker-a', { status: 'pending', nextAttemptAt: retryAt, error: 'HTTP 500' });
      const pending = await store().listOutbox('pending', 10);
      expect(pending.find((i) => i.id === doubted.id)?.attemptStartedAt).toBe(NOW);
      expect(pending.find((i) => i.id === plain.id)?.attemptStartedAt).toBeNull();
    });

    it('lets the lease holder give an item back unattempted, due again when it says', async () => {
      const item = anOutboxItem();
      await store().enqueue([item]);
      await store().leaseDue(NOW, 'worker-a', LEASE_END, 10);
      const later = '2026-03-02T10:01:00.000Z';
      expect(await store().releaseLease(item, 'worker-b', later)).toBe(false);
      expect(await store().releaseLease(item, 'worker-a', later)).toBe(true);
      expect(await store().leaseDue(NOW, 'worker-b', LEASE_END, 10)).toEqual([]);
      const [again] = await store().leaseDue(later, 'worker-b', LEASE_END, 10);
      expect(again).toEqual({ ...item, nextAttemptAt: later, leaseOwner: 'worker-b', leaseUntil: LEASE_END });
      expect(await store().completeAttempt(item, 'worker-a', { status: 'delivered' })).toBe(false);
    });

    it('puts a dead letter back in the queue with its attempts counted afresh, and only a dead one', async () => {
      const dead = anOutboxItem({ status: 'dead', attempts: 8, lastError: 'HTTP 403' });
      const pending = anOutboxItem();
      await store().enqueue([dead, pending]);
      expect(await store().retryDead(pending, NOW)).toBe(false);
      expect(await store().retryDead({ id: 'outbox-missing', caseRef: null }, NOW)).toBe(false);
      expect(await store().retryDead(dead, NOW)).toBe(true);
      expect(await store().retryDead(dead, NOW)).toBe(false);
      expect(await store().listOutbox('dead', 10)).toEqual([]);
      const leased = await store().leaseDue(NOW, 'worker-a', LEASE_END, 10);
      expect(leased.find((i) => i.id === dead.id)).toEqual({ ...dead, status: 'pending', attempts: 0, nextAttemptAt: NOW, leaseOwner: 'worker-a', leaseUntil: LEASE_END });
    });
  });
}
