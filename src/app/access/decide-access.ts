import { z } from 'zod';
import { mayAdminister } from '../../domain/menu';
import type { Setting } from '../../domain/reference';
import { optionalField, textField } from '../../domain/intake/fields';
import type { AccessOutcome, AccessRequest } from '../../ports/store';
import type { Actor } from '../actor';
import { forgetDirectorySnapshots } from '../directory';
import { nameOfKey } from '../triage/alert-view';
import type { AccessDeps } from './access-deps';
import { noticeToRequester } from './access-notices';

/** An admin's answer as the card sends it: whose request, and the setting (approve) or an optional reason (refuse). */
export const decisionInput = z.object({
  userKey: z.string().trim().min(1).max(300),
  settingId: optionalField(z.string().trim().min(1).max(40)),
  reason: optionalField(textField({ label: 'The reason', max: 500, multiline: true })),
});
export type DecisionInput = z.output<typeof decisionInput>;

/** Whose access to take back, as the card sends it. */
export const removalInput = z.object({ userKey: z.string().trim().min(1).max(300) });

export type DecideOutcome =
  | { kind: 'forbidden' }
  /** Nothing changed: the answer needs fixing (e.g. no setting chosen). */
  | { kind: 'invalid'; problem: string }
  | { kind: 'decided'; request: AccessRequest; settingName: string | null }
  /** Someone (perhaps another admin) decided it first, or there is no such request. */
  | { kind: 'already'; request: AccessRequest | undefined; byName: string };

/** Links the person to the setting as setting staff; they are told in their own chat. Front-door admins only. */
export async function approveAccess(deps: AccessDeps, actor: Actor, input: DecisionInput): Promise<DecideOutcome> {
  if (!mayAdminister(actor.person.roles, 'accessRequests')) return { kind: 'forbidden' };
  const setting: Setting | undefined = input.settingId === undefined ? undefined : await deps.directory.getSetting(input.settingId);
  if (setting === undefined) return { kind: 'invalid', problem: input.settingId === undefined ? 'Choose the setting they work for' : 'That setting is not in the directory: choose one from the list' };
  const outcome: AccessOutcome = { status: 'approved', decision: { byKey: actor.key, at: deps.clock.now().toISOString(), settingId: setting.id, reason: null } };
  return decide(deps, actor, input.userKey, outcome, (request) => noticeToRequester(deps, request, { settingName: setting.name }), setting.name);
}

/** Refuses the request, with an optional reason the person is told, and the front door's phone number. Front-door admins only. */
export async function refuseAccess(deps: AccessDeps, actor: Actor, input: DecisionInput): Promise<DecideOutcome> {
  if (!mayAdminister(actor.person.roles, 'accessRequests')) return { kind: 'forbidden' };
  const reason = input.reason ?? null;
  const outcome: AccessOutcome = { status: 'refused', decision: { byKey: actor.key, at: deps.clock.now().toISOString(), settingId: null, reason } };
  const { phone } = await deps.directory.frontDoorSettings();
  return decide(deps, actor, input.userKey, outcome, (request) => noticeToRequester(deps, request, { refused: true, reason, phone }), null);
}

/** What the person is told, and what the store keeps, when an approval is taken back. */
export const ACCESS_REMOVED = 'Access removed by a front-door administrator';

/** Takes an approval back: the person is unknown to the bot again (at once here, within 30 s on other instances) and is told. Front-door admins only. */
export async function removeAccess(deps: AccessDeps, actor: Actor, userKey: string): Promise<DecideOutcome> {
  if (!mayAdminister(actor.person.roles, 'accessRequests')) return { kind: 'forbidden' };
  const approved = (await deps.store.listAccessRequests('approved')).find((r) => r.userKey === userKey);
  if (approved === undefined) return already(deps, await findRequest(deps, userKey));
  const outcome: AccessOutcome = { status: 'refused', from: 'approved', decision: { byKey: actor.key, at: deps.clock.now().toISOString(), settingId: null, reason: ACCESS_REMOVED } };
  const { phone } = await deps.directory.frontDoorSettings();
  const audit = { id: deps.ids.next(), at: outcome.decision.at, actorKey: actor.key, action: 'access.removed', caseRef: null, detail: { userKey, settingId: approved.decision?.settingId ?? null } };
  const result = await deps.store.decideAccessRequest(userKey, outcome, { outbox: [noticeToRequester(deps, approved, { removed: true, phone })], audit: [audit] });
  if (!result.decided || result.request === undefined) return already(deps, result.request);
  forgetDirectorySnapshots(deps.store);
  return { kind: 'decided', request: result.request, settingName: null };
}

async function decide(
  deps: AccessDeps,
  actor: Actor,
  userKey: string,
  outcome: AccessOutcome,
  notice: (request: AccessRequest) => ReturnType<typeof noticeToRequester>,
  settingName: string | null,
): Promise<DecideOutcome> {
  const pending = (await deps.store.listAccessRequests('pending')).find((r) => r.userKey === userKey);
  if (pending === undefined) return already(deps, await findRequest(deps, userKey));
  const audit = {
    id: deps.ids.next(),
    at: outcome.decision.at,
    actorKey: actor.key,
    action: `access.${outcome.status}`,
    caseRef: null,
    detail: { userKey, settingId: outcome.decision.settingId, reasonGiven: outcome.decision.reason !== null },
  };
  const result = await deps.store.decideAccessRequest(userKey, outcome, { outbox: [notice(pending)], audit: [audit] });
  if (!result.decided || result.request === undefined) return already(deps, result.request);
  if (outcome.status === 'approved') forgetDirectorySnapshots(deps.store);
  return { kind: 'decided', request: result.request, settingName };
}

async function findRequest(deps: AccessDeps, userKey: string): Promise<AccessRequest | undefined> {
  for (const status of ['approved', 'refused'] as const) {
    const found = (await deps.store.listAccessRequests(status)).find((r) => r.userKey === userKey);
    if (found) return found;
  }
  return undefined;
}

async function already(deps: AccessDeps, request: AccessRequest | undefined): Promise<DecideOutcome> {
  return { kind: 'already', request, byName: await nameOfKey(deps.directory, request?.decision?.byKey ?? null) };
}
