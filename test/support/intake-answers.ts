import { STEP_FIELDS } from '../../src/domain/intake';

/** A SENCO's valid answers for each step of the form, as the cards send them (strings). */
export const VALID_STEP_INPUTS = {
  requester: { requesterName: 'Priya Shah', requesterRole: 'senco', requesterEmail: 'priya.shah@oakfield.example.sch.uk', requesterPhone: '01632 960123' },
  pupil: { initials: 'J.S.', yearGroup: 'Y3', dateOfBirth: '05/2018', senStatus: 'sen-support', upn: '' },
  need: { primaryNeed: 'SLCN', secondaryNeed: 'SEMH' },
  concern: {
    concern: 'J finds it very hard to follow spoken instructions in class and often withdraws.',
    triedSoFar: 'Visual timetable; small-group language sessions.',
    reviewCycles: '2',
    whatChanged: 'Some progress with vocabulary.',
    otherAgencies: '',
  },
  help: { helpWanted: 'advice,assessment' },
  consent: { childAtRisk: 'false', parentalConsent: 'true', urgency: 'routine' },
} satisfies { [K in Exclude<keyof typeof STEP_FIELDS, 'review'>]: Record<(typeof STEP_FIELDS)[K][number], string> | Partial<Record<(typeof STEP_FIELDS)[K][number], string>> };

export const FORM_STEPS = ['requester', 'pupil', 'need', 'concern', 'help', 'consent'] as const;
