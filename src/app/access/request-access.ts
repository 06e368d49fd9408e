import { z } from 'zod';
import { userKey, type UserIdentity } from '../../domain/roles';
import { textField } from '../../domain/intake/fields';
import type { AccessRequest } from '../../ports/store';
import type { AccessDeps } from './access-deps';
import { noticesToAdmins } from './access-notices';

export const accessRequestInput = z.object({
  settingName: textField({ label: 'Your school or setting', max: 120, empty: 'Enter your school or setting' }),
  jobRole: textField({ label: 'Your role', max: 80, empty: 'Enter your role' }),
});
export type AccessRequestInput = z.input<typeof accessRequestInput>;

export type RequestAccessResult =
  | { ok: true; alreadyPending: boolean; alreadyApproved: boolean }
  | { ok: false; errors: Partial<Record<keyof AccessRequestInput, string>> };

/**
 * An unknown user asks to be linked to their setting. Every front-door admin is sent a personal
 * message, queued in the same write as the request (asking again while pending sends nothing more).
 */
export async function requestAccess(deps: AccessDeps, who: UserIdentity, raw: unknown): Promise<RequestAccessResult> {
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
  const request: AccessRequest = {
    userKey: key,
    name: who.name ?? 'Unknown',
    email: who.userPrincipalName ?? null,
    message: `${parsed.data.jobRole} at ${parsed.data.settingName}`,
    requestedAt: now,
    status: 'pending',
  };
  const saved = await deps.store.upsertAccessRequest(request, { outbox: await noticesToAdmins(deps, request, who.tenantId) });
  await deps.store.appendAudit({ id: deps.ids.next(), at: now, actorKey: key, action: 'access.requested', caseRef: null, detail: {} });
  return { ok: true, alreadyPending: saved.status === 'pending' && saved.requestedAt !== now, alreadyApproved: saved.status === 'approved' };
}
