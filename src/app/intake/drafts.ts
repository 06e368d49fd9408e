import { DomainError } from '../../domain/errors';
import { formatLongDate, londonDate } from '../../domain/calendar';
import { INTAKE_STEP_IDS, isIntakeStepId, stepProgress, type IntakeStepId } from '../../domain/intake';
import type { Draft, Versioned } from '../../ports/store';
import { hasRole, type Actor } from '../actor';
import type { IntakeDeps } from './intake-deps';

/** How a request reached the front door: the school in Teams, or an admin typing in a call or email. */
export type IntakeChannel = 'teams' | 'phone' | 'email';

/** Keys the form keeps beside the school's answers in a draft; never shown as answers. */
export const DRAFT_META = { channel: '$channel', reservedRef: '$reservedRef', submitted: '$submitted' } as const;

export function draftChannel(draft: Draft): IntakeChannel {
  const value = draft.answers[DRAFT_META.channel];
  return value === 'phone' || value === 'email' ? value : 'teams';
}

export function draftStep(draft: Draft): IntakeStepId {
  return isIntakeStepId(draft.step) ? draft.step : INTAKE_STEP_IDS[0];
}

/** Only setting staff and front-door admins make requests. */
export function assertMayRequest(actor: Actor): void {
  if (!hasRole(actor, 'setting-staff', 'front-door-admin')) throw new DomainError('INTAKE.NOT_ALLOWED', 'Only school staff and front-door admins make requests');
}

/** The actor's own draft; anyone else's, or a missing one, is "not found" alike (no probing). */
export async function ownDraft(deps: IntakeDeps, actor: Actor, draftId: unknown): Promise<Versioned<Draft>> {
  const found = typeof draftId === 'string' && draftId.length <= 100 ? await deps.store.getDraft(draftId) : undefined;
  if (!found || found.value.ownerKey !== actor.key) throw new DomainError('DRAFT.NOT_FOUND', 'No such draft for this user');
  return found;
}

/** Starts a new request, prefilled with what Teams and the directory know about the person. */
export async function startDraft(deps: IntakeDeps, actor: Actor, channel: IntakeChannel, prefill: { email?: string }): Promise<Versioned<Draft>> {
  assertMayRequest(actor);
  if (channel !== 'teams' && !hasRole(actor, 'front-door-admin')) throw new DomainError('INTAKE.NOT_ALLOWED', 'Only front-door admins log phone or email requests');
  if (channel === 'teams' && !actor.person.settingId) throw new DomainError('INTAKE.NO_SETTING', 'Only staff linked to a setting make requests in Teams');
  const now = deps.clock.now().toISOString();
  const answers: Record<string, unknown> =
    channel === 'teams'
      ? { settingId: actor.person.settingId ?? '', requesterName: actor.person.name, requesterEmail: prefill.email ?? '', [DRAFT_META.channel]: channel }
      : { [DRAFT_META.channel]: channel };
  const draft: Draft = { id: deps.ids.next(), ownerKey: actor.key, step: INTAKE_STEP_IDS[0], answers, createdAt: now, updatedAt: now };
  return deps.store.saveDraft(draft, null);
}

/** True for a draft that has been sent (kept only so a late retry gets its receipt). */
export function isSubmitted(draft: Draft): boolean {
  return draft.answers[DRAFT_META.submitted] === true;
}

/** The actor's unfinished drafts, most recently touched first. */
export async function listOwnDrafts(deps: IntakeDeps, actor: Actor): Promise<Draft[]> {
  const drafts = await deps.store.listDrafts(actor.key);
  return drafts.map((d) => d.value).filter((d) => !isSubmitted(d)).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
}

/** Discards a draft the actor owns. */
export async function discardDraft(deps: IntakeDeps, actor: Actor, draftId: unknown): Promise<void> {
  const draft = await ownDraft(deps, actor, draftId);
  await deps.store.deleteDraft(draft.value.id);
}

/** How an unfinished request is named to its owner: "Pupil JS · Step 3 of 7: Area of need · saved Monday 7 December". */
export function draftLabel(draft: Draft, today: string): string {
  const initials = typeof draft.answers.initials === 'string' ? draft.answers.initials.trim() : '';
  const who = initials ? `Pupil ${initials}` : 'New request';
  return `${who} · ${stepProgress(draftStep(draft))} · saved ${formatLongDate(londonDate(new Date(draft.updatedAt)), today)}`;
}
