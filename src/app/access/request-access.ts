import { z } from 'zod';
import { userKey, type UserIdentity } from '../../domain/roles';
import { textField } from '../../domain/intake/fields';
import type { Clock } from '../../ports/clock';
import type { Ids } from '../../ports/ids';
import type { AccessRequestStore, AuditStore } from '../../ports/store';

export const accessRequestInput = z.object({
  settingName: textField({ label: 'Your school or setting', max: 120, empty: 'Enter your school or setting' }),
  jobRole: textField({ label: 'Your role', max: 80, empty: 'Enter your role' }),
});
export type AccessRequestInput = z.input<typeof accessRequestInput>;

export type RequestAccessResult =
  | { ok: true; alreadyPending: boolean }
  | { ok: false; errors: Partial<Record<keyof AccessRequestInput, string>> };

interface Deps {
  store: AccessRequestStore & AuditStore;
  clock: Clock;
  ids: Ids;
}

/** An unknown user asks to be linked to their setting; a front-door admin approves it later. */
export async function requestAccess(deps: Deps, who: UserIdentity, raw: unknown): Promise<RequestAccessResult> {
  const parsed = accessRequestInput.safeParse(raw);
  if (!parsed.success) {
    const errors: Partial<Record<keyof AccessRequestInput, string>> = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as keyof AccessRequestInput;
      errors[field] ??= issue.message;
    }
    return { ok: false, errors };
  }
  const now = deps.clock.now().toISOString();
  const key = userKey(who);
  const saved = await deps.store.upsertAccessRequest({
    userKey: key,
    name: who.name ?? 'Unknown',
    email: who.userPrincipalName ?? null,
    message: `${parsed.data.jobRole} at ${parsed.data.settingName}`,
    requestedAt: now,
    status: 'pending',
  });
  await deps.store.appendAudit({ id: deps.ids.next(), at: now, actorKey: key, action: 'access.requested', caseRef: null, detail: {} });
  return { ok: true, alreadyPending: saved.requestedAt !== now };
}
