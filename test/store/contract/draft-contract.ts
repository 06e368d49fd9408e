import { StoreConflictError, type Store } from '../../../src/ports/store';
import { aDraft } from '../mothers';

/** Drafts and conversation references. */
export function describeDraftContract(store: () => Store): void {
  describe('drafts', () => {
    it('creates, saves at the current version, and refuses a stale save', async () => {
      const draft = aDraft();
      const created = await store().saveDraft(draft, null);
      expect(created.value).toEqual(draft);
      await expect(store().saveDraft(draft, null)).rejects.toBeInstanceOf(StoreConflictError);

      const moved = { ...draft, step: 'needs', answers: { yearGroup: 4, need: 'SLCN' }, updatedAt: '2026-03-01T11:00:00.000Z' };
      const saved = await store().saveDraft(moved, created.version);
      expect(saved.version).not.toBe(created.version);
      await expect(store().saveDraft({ ...draft, step: 'stale' }, created.version)).rejects.toBeInstanceOf(StoreConflictError);
      expect(await store().getDraft(draft.id)).toEqual(saved);
      expect(await store().getDraft('draft-missing')).toBeUndefined();
    });

    it("lists one owner's drafts only", async () => {
      const mine = [aDraft({ ownerKey: 'tenant:me' }), aDraft({ ownerKey: 'tenant:me' })];
      await store().saveDraft(aDraft({ ownerKey: 'tenant:other' }), null);
      for (const d of mine) await store().saveDraft(d, null);
      const listed = await store().listDrafts('tenant:me');
      expect(listed.map((d) => d.value.id).sort()).toEqual(mine.map((d) => d.id).sort());
      expect(listed.every((d) => typeof d.version === 'string')).toBe(true);
      expect(await store().listDrafts('tenant:nobody')).toEqual([]);
    });

    it('lists drafts last updated before an instant, across owners, and deletes them', async () => {
      const stale = [aDraft({ ownerKey: 'tenant:a', updatedAt: '2026-01-01T00:00:00.000Z' }), aDraft({ ownerKey: 'tenant:b', updatedAt: '2026-01-02T00:00:00.000Z' })];
      const fresh = aDraft({ ownerKey: 'tenant:a', updatedAt: '2026-03-01T00:00:00.000Z' });
      for (const d of [fresh, ...stale]) await store().saveDraft(d, null);
      const old = await store().listDraftsUpdatedBefore('2026-02-01T00:00:00.000Z', 10);
      expect(old.map((d) => d.id).sort()).toEqual(stale.map((d) => d.id).sort());
      expect(await store().listDraftsUpdatedBefore('2026-02-01T00:00:00.000Z', 1)).toHaveLength(1);

      for (const d of old) await store().deleteDraft(d.id);
      expect(await store().getDraft(stale[0]!.id)).toBeUndefined();
      expect((await store().listDrafts('tenant:a')).map((d) => d.value.id)).toEqual([fresh.id]);
      await expect(store().deleteDraft('draft-missing')).resolves.toBeUndefined();
    });
  });

  describe('conversations', () => {
    it('saves, replaces and reads a conversation reference by key', async () => {
      const key = '19:duty/channel?#x@thread.tacv2';
      expect(await store().getConversation(key)).toBeUndefined();
      await store().saveConversation({ key, reference: { conversation: { id: 'a' } }, updatedAt: '2026-03-01T00:00:00.000Z' });
      const latest = { key, reference: { conversation: { id: 'b' } }, updatedAt: '2026-03-02T00:00:00.000Z' };
      await store().saveConversation(latest);
      expect(await store().getConversation(key)).toEqual(latest);
    });
  });
}
