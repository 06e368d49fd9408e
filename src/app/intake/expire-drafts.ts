import { formatLongDate, londonDate } from '../../domain/calendar';
import type { NotificationCards } from '../../ports/notification-cards';
import { StoreConflictError, type Draft } from '../../ports/store';
import { newOutboxItem } from '../outbox/notifications';
import { draftLabel, isSubmitted } from './drafts';
import type { IntakeDeps } from './intake-deps';

/** How many days' notice the owner gets before an unfinished request is deleted. */
export const NOTICE_DAYS = 3;
const DAY_MS = 24 * 60 * 60 * 1000;
const NOTICE = '$expiryNotice';

export interface SweepResult {
  noticed: number;
  removed: number;
}

/** When the notice for this version of the draft was sent, if it was. */
function noticeSentAt(draft: Draft): number | undefined {
  const notice = draft.answers[NOTICE] as { for?: unknown; at?: unknown } | undefined;
  return notice?.for === draft.updatedAt && typeof notice.at === 'string' ? Date.parse(notice.at) : undefined;
}

/**
 * Unfinished requests are deleted after the authority's keeping time, and never without notice:
 * the owner is told NOTICE_DAYS before, and deletion waits at least that long after the notice.
 * A notice is for one version of the draft (its updatedAt), so carrying on with the form starts the
 * clock again. Sent requests' tombstones go at the keeping time without notice. Safe to run from
 * several processes at once: notices have fixed outbox ids, and each change is a versioned write.
 */
export async function sweepDrafts(deps: IntakeDeps & { cards: NotificationCards }, limit = 200): Promise<SweepResult> {
  const settings = await deps.directory.frontDoorSettings();
  const now = deps.clock.now().getTime();
  const keepMs = settings.draftMaxAgeDays * DAY_MS;
  const noticeMs = Math.min(NOTICE_DAYS * DAY_MS, keepMs / 2);
  const result: SweepResult = { noticed: 0, removed: 0 };
  for (const draft of await deps.store.listDraftsUpdatedBefore(new Date(now - keepMs + noticeMs).toISOString(), limit)) {
    const deleteAt = deletionTime(draft, keepMs, noticeMs);
    if (deleteAt !== undefined && deleteAt <= now) {
      await deps.store.deleteDraft(draft.id);
      await deps.store.appendAudit({ id: deps.ids.next(), at: new Date(now).toISOString(), actorKey: 'system', action: 'draft.expired', caseRef: null, detail: { sent: isSubmitted(draft) } });
      result.removed += 1;
    } else if (deleteAt === undefined && (await notify(deps, draft, now, Math.max(Date.parse(draft.updatedAt) + keepMs, now + noticeMs), settings.draftMaxAgeDays))) {
      result.noticed += 1;
    }
  }
  return result;
}

/** When the draft may go: undefined while its owner has not been told yet. */
function deletionTime(draft: Draft, keepMs: number, noticeMs: number): number | undefined {
  const expiresAt = Date.parse(draft.updatedAt) + keepMs;
  if (isSubmitted(draft)) return expiresAt;
  const noticed = noticeSentAt(draft);
  return noticed === undefined ? undefined : Math.max(expiresAt, noticed + noticeMs);
}

async function notify(deps: IntakeDeps & { cards: NotificationCards }, draft: Draft, now: number, deleteAt: number, maxAgeDays: number): Promise<boolean> {
  const today = londonDate(new Date(now));
  const card = deps.cards.draftExpiry({ draftId: draft.id, label: draftLabel(draft, today), deleteOn: formatLongDate(londonDate(new Date(deleteAt)), today), maxAgeDays });
  try {
    await deps.store.enqueue([newOutboxItem(deps, 'personal-message', draft.ownerKey, { card: { ...card, type: 'AdaptiveCard' } }, null, `${draft.id}:expiry-notice:${draft.updatedAt}`)]);
  } catch (err) {
    if (!(err instanceof StoreConflictError)) throw err; // another sweeper queued this very notice
  }
  const current = await deps.store.getDraft(draft.id);
  if (!current || current.value.updatedAt !== draft.updatedAt) return false;
  try {
    await deps.store.saveDraft({ ...current.value, answers: { ...current.value.answers, [NOTICE]: { for: draft.updatedAt, at: new Date(now).toISOString() } } }, current.version);
    return true;
  } catch (err) {
    if (err instanceof StoreConflictError) return false;
    throw err;
  }
}
