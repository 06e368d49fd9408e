import { type CaseRecord, isOpen } from '../../domain/case-record';
import { revised } from '../../domain/revised';
import { DomainError } from '../../domain/errors';
import { textField } from '../../domain/intake/fields';
import type { NotificationCards } from '../../ports/notification-cards';
import { StoreConflictError } from '../../ports/store';
import { hasRole, type Actor } from '../actor';
import type { IntakeDeps } from '../intake/intake-deps';
import { newOutboxItem } from '../outbox/notifications';
import { visibleCase } from './case-access';

const reasonField = textField({ label: 'The reason', max: 1000, multiline: true, empty: 'Tell us briefly why you are withdrawing the request' });

export type WithdrawOutcome = { kind: 'withdrawn'; record: CaseRecord } | { kind: 'invalid'; record: CaseRecord; reason: string; error: string };

/** Only the requester, or staff of the same setting, withdraw an open request. */
function mayWithdraw(actor: Actor, record: CaseRecord): boolean {
  return record.requesterKey === actor.key || (hasRole(actor, 'setting-staff') && actor.person.settingId === record.settingId);
}

/** Withdraws an open request with a reason; the Duty channel card says so (without the reason). */
export async function withdrawRequest(deps: IntakeDeps & { cards: NotificationCards }, actor: Actor, ref: unknown, rawReason: unknown): Promise<WithdrawOutcome> {
  const found = await visibleCase(deps.store, actor, ref);
  if (!mayWithdraw(actor, found.value)) throw new DomainError('CASE.NOT_ALLOWED', 'Only the setting withdraws its requests');
  if (!isOpen(found.value.status)) throw new DomainError('CASE.NOT_OPEN', 'Case is not open');
  const parsed = reasonField.safeParse(rawReason);
  if (!parsed.success) {
    return { kind: 'invalid', record: found.value, reason: typeof rawReason === 'string' ? rawReason.slice(0, 1000) : '', error: parsed.error.issues[0]?.message ?? 'Check the reason' };
  }
  const at = deps.clock.now().toISOString();
  const record: CaseRecord = revised(found.value, { status: 'withdrawn', updatedAt: at, withdrawal: { at, byKey: actor.key, reason: parsed.data } });
  const setting = await deps.directory.getSetting(record.settingId);
  const closed = deps.cards.closedAlert({ ref: record.ref, settingName: setting?.name ?? record.settingId, statusText: 'Withdrawn by the school' });
  try {
    await deps.store.updateCase(record, found.version, {
      audit: [{ id: deps.ids.next(), at, actorKey: actor.key, action: 'case.withdrawn', caseRef: record.ref, detail: {} }],
      outbox: [newOutboxItem(deps, 'card-update', `alert:${record.ref}`, { card: { ...closed, type: 'AdaptiveCard' }, order: record.revision }, record.ref, `${record.ref}:withdrawn`)],
    });
  } catch (err) {
    if (err instanceof StoreConflictError) throw new DomainError('CASE.CHANGED', 'The case changed while withdrawing');
    throw err;
  }
  return { kind: 'withdrawn', record };
}
