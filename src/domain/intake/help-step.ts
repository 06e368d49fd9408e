import { multiChoiceField } from './fields';

export const HELP_KINDS = ['advice', 'assessment', 'training', 'direct-work', 'not-sure'] as const;
export type HelpKind = (typeof HELP_KINDS)[number];
export const HELP_KIND_LABELS: Readonly<Record<HelpKind, string>> = {
  advice: 'Advice or a consultation',
  assessment: 'An assessment',
  training: 'Training or capacity-building for staff',
  'direct-work': 'Direct work with the pupil',
  'not-sure': 'Not sure',
};

/** Step 5: what help the school wants; "not sure" is a fine answer. */
export function helpShape() {
  return {
    helpWanted: multiChoiceField(HELP_KINDS, "Choose at least one kind of help, or 'Not sure'"),
  };
}
