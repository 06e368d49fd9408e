import { londonDate, type IsoDate } from '../../domain/calendar';
import { DomainError } from '../../domain/errors';
import { REQUEST_FIELDS, STEP_FIELDS, isIntakeStepId, mustShowSafeguardingContact, nextStep, previousStep, validateStep, type IntakeContext, type IntakeStepId } from '../../domain/intake';
import type { Draft, Versioned } from '../../ports/store';
import { StoreConflictError } from '../../ports/store';
import type { Actor } from '../actor';
import { draftChannel, draftStep, isSubmitted, ownDraft } from './drafts';
import type { IntakeDeps } from './intake-deps';

/** What the form shows next. */
export type FormView =
  | { kind: 'step'; draft: Draft; step: IntakeStepId; errors: Record<string, string> }
  | { kind: 'safeguarding'; draft: Draft }
  | { kind: 'saved'; draft: Draft };

export type FormMove = 'next' | 'back' | 'save' | 'edit' | 'resume';

/** Only the card inputs of the step, as text; anything else a card sends is dropped. */
function stepInputs(step: IntakeStepId, inputs: Record<string, unknown>): Record<string, unknown> {
  const fields: readonly string[] = step === 'review' ? [] : STEP_FIELDS[step];
  const picked: Record<string, unknown> = {};
  for (const field of fields) {
    const value = inputs[field];
    if (typeof value === 'string') picked[field] = value.slice(0, 20_000);
    else if (typeof value === 'boolean' || typeof value === 'number') picked[field] = String(value);
  }
  return picked;
}

/** In Teams, staff always ask for their own setting, whatever a card sends back. */
function withOwnSetting(actor: Actor, draft: Draft, step: IntakeStepId, inputs: Record<string, unknown>): Record<string, unknown> {
  return draftChannel(draft) === 'teams' && step === 'requester' ? { ...inputs, settingId: actor.person.settingId ?? '' } : inputs;
}

/** Today's London date is worked out only if a step reads it (the pupil's age): most steps do not. */
async function validationContext(deps: IntakeDeps, settingId: unknown): Promise<IntakeContext> {
  const id = typeof settingId === 'string' ? settingId.trim() : '';
  const known = id !== '' && (await deps.directory.getSetting(id)) !== undefined;
  const now = deps.clock.now();
  let today: IsoDate | undefined;
  return {
    get today() {
      return (today ??= londonDate(now));
    },
    isKnownSetting: (candidate: string) => known && candidate === id,
  };
}

async function save(deps: IntakeDeps, current: Versioned<Draft>, changes: Partial<Draft>): Promise<Draft> {
  const draft = { ...current.value, ...changes, updatedAt: deps.clock.now().toISOString() };
  await deps.store.saveDraft(draft, current.version);
  return draft;
}

/**
 * One button press on the form: what the user typed is always kept in the draft first; Next moves on
 * only when the step is valid. A double click finds the draft already moved and shows where it is.
 */
export async function fillStep(deps: IntakeDeps, actor: Actor, move: FormMove, data: { draftId: unknown; step: unknown; inputs: Record<string, unknown> }): Promise<FormView> {
  const current = await ownDraft(deps, actor, data.draftId);
  if (isSubmitted(current.value)) throw new DomainError('DRAFT.ALREADY_SENT', 'This draft has been sent');
  if (move === 'resume') return { kind: 'step', draft: current.value, step: draftStep(current.value), errors: {} };
  if (!isIntakeStepId(data.step)) throw new DomainError('INTAKE.BAD_STEP', 'Unknown form step');
  const step = data.step;
  const typed = withOwnSetting(actor, current.value, step, stepInputs(step, data.inputs));
  const answers = { ...current.value.answers, ...typed };
  try {
    if (move === 'edit') return { kind: 'step', draft: await save(deps, current, { step }), step, errors: {} };
    if (move === 'save') return { kind: 'saved', draft: await save(deps, current, { answers }) };
    if (move === 'back') {
      const to = previousStep(step) ?? step;
      return { kind: 'step', draft: await save(deps, current, { answers, step: to }), step: to, errors: {} };
    }
    if (step === 'consent' && mustShowSafeguardingContact(typed)) return { kind: 'safeguarding', draft: await save(deps, current, { answers, step }) };
    const toCheck = step === 'review' ? Object.fromEntries(REQUEST_FIELDS.map((f) => [f, answers[f]])) : typed;
    const result = validateStep(step, toCheck, await validationContext(deps, answers.settingId));
    if (!result.ok) return { kind: 'step', draft: await save(deps, current, { answers, step }), step, errors: result.errors };
    const to = nextStep(step) ?? step;
    return { kind: 'step', draft: await save(deps, current, { answers, step: to }), step: to, errors: {} };
  } catch (err) {
    if (!(err instanceof StoreConflictError)) throw err;
    const latest = await ownDraft(deps, actor, data.draftId);
    return { kind: 'step', draft: latest.value, step: draftStep(latest.value), errors: {} };
  }
}
