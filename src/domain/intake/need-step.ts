import { z } from 'zod';
import { NEED_CODES } from '../case-record';
import { choiceField, optionalField } from './fields';

/** Step 3: the main area of need and, optionally, a second one. */
export function needShape() {
  return {
    primaryNeed: choiceField(NEED_CODES, "Choose the pupil's main area of need"),
    secondaryNeed: optionalField(choiceField(NEED_CODES, 'Choose a second area of need from the list, or leave it blank')),
  };
}

/** The second area of need, when given, must differ from the first. */
export function checkNeedsDiffer(answers: { primaryNeed: string; secondaryNeed?: string | undefined }, ctx: z.RefinementCtx): void {
  if (answers.secondaryNeed !== undefined && answers.secondaryNeed === answers.primaryNeed) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['secondaryNeed'], message: 'The second area of need must be different from the main one, or leave it blank' });
  }
}
