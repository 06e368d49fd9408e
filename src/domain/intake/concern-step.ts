import { textField, wholeNumberField } from './fields';

/** Step 4: the concern in the school's words, and what has been tried (assess, plan, do, review). */
export function concernShape() {
  return {
    concern: textField({
      label: 'Your concern',
      min: 20,
      max: 4000,
      multiline: true,
      empty: 'Describe your concern about the pupil',
      tooShort: 'Tell us a little more about your concern: at least 20 characters',
    }),
    triedSoFar: textField({ label: 'What you have tried', max: 4000, multiline: true }),
    reviewCycles: wholeNumberField(0, 20, 0, 'Enter how many assess, plan, do, review cycles you have completed: a whole number from 0 to 20'),
    whatChanged: textField({ label: 'What changed', max: 2000, multiline: true }),
    otherAgencies: textField({ label: 'Other agencies involved', max: 1000, multiline: true }),
  };
}
