/** The steps of the request form, in order: one Adaptive Card each. */
export const INTAKE_STEP_IDS = ['requester', 'pupil', 'need', 'concern', 'help', 'consent', 'review'] as const;
export type IntakeStepId = (typeof INTAKE_STEP_IDS)[number];

/** The card inputs each step asks for (the review step asks for none). */
export const STEP_FIELDS = {
  requester: ['settingId', 'requesterName', 'requesterRole', 'requesterEmail', 'requesterPhone'],
  pupil: ['initials', 'yearGroup', 'dateOfBirth', 'senStatus', 'upn'],
  need: ['primaryNeed', 'secondaryNeed'],
  concern: ['concern', 'triedSoFar', 'reviewCycles', 'whatChanged', 'otherAgencies'],
  help: ['helpWanted'],
  consent: ['parentalConsent', 'childAtRisk', 'urgency'],
  review: [],
} as const satisfies Record<IntakeStepId, readonly string[]>;

export type RequestField = (typeof STEP_FIELDS)[Exclude<IntakeStepId, 'review'>][number];

/** Every field of a request, in form order. */
export const REQUEST_FIELDS: readonly RequestField[] = INTAKE_STEP_IDS.flatMap((id) => STEP_FIELDS[id]);

export const STEP_TITLES: Readonly<Record<IntakeStepId, string>> = {
  requester: 'About you',
  pupil: 'About the pupil',
  need: 'Area of need',
  concern: 'Your concern',
  help: 'Help wanted',
  consent: 'Consent and urgency',
  review: 'Check and send',
};

/** True for a step id (card data is never trusted). */
export function isIntakeStepId(value: unknown): value is IntakeStepId {
  return typeof value === 'string' && (INTAKE_STEP_IDS as readonly string[]).includes(value);
}

/** The step after this one, or undefined after review. */
export function nextStep(id: IntakeStepId): IntakeStepId | undefined {
  return INTAKE_STEP_IDS[INTAKE_STEP_IDS.indexOf(id) + 1];
}

/** The step before this one, or undefined before the first. */
export function previousStep(id: IntakeStepId): IntakeStepId | undefined {
  const index = INTAKE_STEP_IDS.indexOf(id);
  return index === 0 ? undefined : INTAKE_STEP_IDS[index - 1];
}

/** The progress line for the card: "Step 2 of 7: About the pupil". */
export function stepProgress(id: IntakeStepId): string {
  return `Step ${INTAKE_STEP_IDS.indexOf(id) + 1} of ${INTAKE_STEP_IDS.length}: ${STEP_TITLES[id]}`;
}

/** The step that asks for a field (to send the user back to it from review). */
export function stepOfField(field: string): IntakeStepId | undefined {
  return INTAKE_STEP_IDS.find((id) => (STEP_FIELDS[id] as readonly string[]).includes(field));
}
