import { URGENCIES } from '../case-record';
import { booleanField, choiceField, isTicked } from './fields';

export const URGENCY_LABELS: Readonly<Record<(typeof URGENCIES)[number], string>> = {
  routine: 'Routine',
  soon: 'Soon',
  urgent: 'Urgent',
};

/** Why the form asks for consent, for the card. */
export const CONSENT_REASON =
  "The services can only see the pupil's details with the agreement of their parents or carers. Tick to confirm they have agreed.";

/** What the form says when a child may be at risk; the card shows the authority's safeguarding contact with it. */
export const SAFEGUARDING_NOTICE =
  'If you think a child may be at risk of harm, do not use this form: contact the safeguarding team now.';

const CONSENT_MESSAGE =
  "Parents or carers must agree before you send this request: the services can only see the pupil's details with their agreement";

/**
 * True when the school has ticked that a child may be at risk: the form stops here and the bot shows
 * the safeguarding contact at once (safeguarding concerns never go through the front door). Reads raw
 * card inputs, so it works before, and whatever, the rest of the step validates.
 */
export function mustShowSafeguardingContact(rawInputs: unknown): boolean {
  return typeof rawInputs === 'object' && rawInputs !== null && isTicked((rawInputs as Record<string, unknown>)['childAtRisk']);
}

/** Step 6: consent, the safeguarding question and urgency. */
export function consentShape() {
  return {
    parentalConsent: booleanField(CONSENT_MESSAGE).refine((given) => given, CONSENT_MESSAGE),
    childAtRisk: booleanField('Tick the box only if a child may be at risk').refine((atRisk) => !atRisk, SAFEGUARDING_NOTICE),
    urgency: choiceField(URGENCIES, 'Choose how urgent this is: routine, soon or urgent'),
  };
}
