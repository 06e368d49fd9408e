import { z } from 'zod';
import { concernShape } from './concern-step';
import { consentShape } from './consent-step';
import { helpShape } from './help-step';
import type { IntakeContext } from './intake-context';
import { checkNeedsDiffer, needShape } from './need-step';
import { pupilShape } from './pupil-step';
import { requesterShape } from './requester-step';
import { fullRequestSchema } from './school-request';
import { REQUEST_FIELDS, STEP_FIELDS, type IntakeStepId } from './steps';

/**
 * The context of the parse in hand, for schemas built once. A zod parse is synchronous and the
 * shapes read their context only while parsing, so one slot serves every parse, one at a time.
 */
class ContextSlot implements IntakeContext {
  private current: IntakeContext | undefined;

  get today(): IntakeContext['today'] {
    return this.inUse().today;
  }

  isKnownSetting(settingId: string): boolean {
    return this.inUse().isKnownSetting(settingId);
  }

  /** Runs the parse with this context in the slot. */
  parseWith<T>(context: IntakeContext, parse: () => T): T {
    const previous = this.current;
    this.current = context;
    try {
      return parse();
    } finally {
      this.current = previous;
    }
  }

  private inUse(): IntakeContext {
    if (!this.current) throw new Error('an intake schema was used outside validateStep');
    return this.current;
  }
}

const slot = new ContextSlot();

/** Each step's schema over a context the shapes read while parsing. */
function stepSchemas(context: IntakeContext) {
  return {
    requester: z.object(requesterShape(context)),
    pupil: z.object(pupilShape(context)),
    need: z.object(needShape()).superRefine(checkNeedsDiffer),
    concern: z.object(concernShape()),
    help: z.object(helpShape()),
    consent: z.object(consentShape()),
    review: fullRequestSchema(context),
  };
}

/** Built once: building a step's schema cost several times more than parsing with it. */
const STEP_SCHEMAS = stepSchemas(slot);

/** The answers each step gives once valid. */
export type StepAnswers = { [S in IntakeStepId]: z.output<ReturnType<typeof stepSchemas>[S]> };

/** A step's outcome: its typed answers, or one plain-English message per field and the inputs as typed. */
export type StepResult<S extends IntakeStepId> =
  | { ok: true; answers: StepAnswers[S] }
  | { ok: false; errors: Record<string, string>; kept: Record<string, unknown> };

function fieldsOf(stepId: IntakeStepId): readonly string[] {
  return stepId === 'review' ? REQUEST_FIELDS : STEP_FIELDS[stepId];
}

/**
 * Validates one step's card inputs (strings or missing; other keys are ignored). The review step takes
 * all the answers so far and checks the whole request. On failure `kept` holds the step's inputs as
 * they arrived, so the card can show them again next to the messages.
 */
export function validateStep<S extends IntakeStepId>(stepId: S, rawInputs: unknown, context: IntakeContext): StepResult<S> {
  const inputs: Record<string, unknown> = typeof rawInputs === 'object' && rawInputs !== null && !Array.isArray(rawInputs) ? { ...rawInputs } : {};
  // TypeScript cannot follow a generic key into the map; StepAnswers is defined from the same map.
  const schema = STEP_SCHEMAS[stepId] as unknown as z.ZodType<StepAnswers[S], z.ZodTypeDef, unknown>;
  const parsed = slot.parseWith(context, () => schema.safeParse(inputs));
  if (parsed.success) return { ok: true, answers: parsed.data };
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? 'form');
    errors[field] ??= issue.message;
  }
  const kept = Object.fromEntries(fieldsOf(stepId).filter((f) => f in inputs).map((f) => [f, inputs[f]]));
  return { ok: false, errors, kept };
}
