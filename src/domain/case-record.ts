import { z } from 'zod';
import { EMPTY_PANEL, panelStateSchema } from './panel';

/** School-census codes for the primary area of need. */
export const NEED_CODES = ['SpLD', 'MLD', 'SLD', 'PMLD', 'SEMH', 'SLCN', 'HI', 'VI', 'MSI', 'PD', 'ASD', 'OTH', 'NSA'] as const;
export type NeedCode = (typeof NEED_CODES)[number];

export const PHASES = ['early-years', 'primary', 'secondary', 'post-16', 'all-through', 'special', 'other'] as const;
export type Phase = (typeof PHASES)[number];

export const URGENCIES = ['routine', 'soon', 'urgent'] as const;

/** Where a case is in its life. Open statuses are those a duty professional still has to act on. */
export const CASE_STATUSES = ['submitted', 'claimed', 'awaiting-school', 'routed', 'advised', 'panel', 'decided', 'withdrawn', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export const OPEN_STATUSES: readonly CaseStatus[] = ['submitted', 'claimed', 'awaiting-school', 'panel'];

export const INTAKE_CHANNELS = ['teams', 'phone', 'email'] as const;

const isoInstant = z.string().datetime({ offset: true });
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const MESSAGE_KINDS = ['route-note', 'advice', 'question', 'school-reply', 'panel-summary', 'proposed-package'] as const;
export const caseMessageSchema = z.object({ at: isoInstant, byKey: z.string().min(1), kind: z.enum(MESSAGE_KINDS), text: z.string() });
export type CaseMessage = z.infer<typeof caseMessageSchema>;

/** Response-time figures for reporting, set at the first response; the paused total grows at each resume. */
export const caseMeasuresSchema = z.object({
  /** Working days from the submission's London date to the first response's (0: the same day). */
  firstResponseWorkingDays: z.number().int().min(0),
  /** Elapsed hours from submission to first response, to one decimal place. */
  firstResponseHours: z.number().min(0),
  /** Whether the first response came by the first-response due date. */
  withinSetTime: z.boolean(),
  /** Working days the case has waited for the school, in total. */
  pausedWorkingDays: z.number().int().min(0),
});
export type CaseMeasures = z.infer<typeof caseMeasuresSchema>;

/**
 * A case as stored. The envelope fields are what the store indexes and queries;
 * `request` holds the school's answers (its shape is the intake form's, parsed there).
 */
export const caseRecordSchema = z.object({
  ref: z.string().regex(/^FD-\d{4}-\d{5}$/),
  submissionKey: z.string().min(1),
  settingId: z.string().min(1),
  status: z.enum(CASE_STATUSES),
  channel: z.enum(INTAKE_CHANNELS),
  requesterKey: z.string().min(1),
  claimantKey: z.string().nullable(),
  phase: z.enum(PHASES),
  primaryNeed: z.enum(NEED_CODES),
  urgency: z.enum(URGENCIES),
  submittedAt: isoInstant,
  updatedAt: isoInstant,
  firstResponseDue: isoDate.nullable(),
  request: z.record(z.string(), z.unknown()),
  /** When it was first claimed, and when the school first heard back (for the response-time figures). */
  claimedAt: isoInstant.nullable().default(null),
  firstResponseAt: isoInstant.nullable().default(null),
  /** Set while the case waits for the school: the response clock is paused from then. */
  pausedSince: isoInstant.nullable().default(null),
  /** Services the duty professional routed the case to (catalogue ids). */
  routedTo: z.array(z.string()).default([]),
  /** The panel's decision deadline, once escalated. */
  panelDue: isoDate.nullable().default(null),
  /** What was said about the case, in people's own words: advice, questions, replies, notes. Never shown in a channel. */
  messages: z.array(caseMessageSchema).default([]),
  /** Set when the school withdraws the request: who, when and why (the reason is never put in a channel). */
  withdrawal: z.object({ at: isoInstant, byKey: z.string().min(1), reason: z.string() }).nullable().default(null),
  /** Reminders and escalations already queued, by key ('first-response:reminder:2026-12-08'): each goes once. */
  deadlineEvents: z.array(z.string().min(1)).default([]),
  /** Response-time figures, once the school has had its first response. */
  measures: caseMeasuresSchema.nullable().default(null),
  /** The panel's votes, meeting date and decision, once escalated (see domain/panel.ts). */
  panel: panelStateSchema.default(() => ({ ...EMPTY_PANEL })),
  /** When the pupil's details and the free text were removed after the retention period (domain/retention.ts). */
  anonymisedAt: isoInstant.nullable().default(null),
  /**
   * How many times the case has changed since it was created. Every change adds one (domain/revised.ts),
   * and writes are checked against the stored version, so it orders a case's channel card updates
   * whatever the instances' clocks say.
   */
  revision: z.number().int().min(0).default(0),
});
export type CaseRecord = z.output<typeof caseRecordSchema>;

/** What a newly submitted case has not got yet. */
export const NEW_CASE_DEFAULTS = {
  claimedAt: null,
  firstResponseAt: null,
  pausedSince: null,
  routedTo: [],
  panelDue: null,
  messages: [],
  withdrawal: null,
  deadlineEvents: [],
  measures: null,
  panel: EMPTY_PANEL,
  anonymisedAt: null,
  revision: 0,
} as const satisfies Partial<CaseRecord>;

/** A case's status in the words a school reads. */
export const STATUS_WORDS: Readonly<Record<CaseStatus, string>> = {
  submitted: 'Sent: waiting for a specialist to pick it up',
  claimed: 'A specialist is looking at it',
  'awaiting-school': 'Waiting for your reply',
  routed: 'Passed to a service',
  advised: 'Advice given',
  panel: 'With the panel of service managers',
  decided: 'The panel has decided',
  withdrawn: 'Withdrawn',
  closed: 'Closed',
};

export function isOpen(status: CaseStatus): boolean {
  return OPEN_STATUSES.includes(status);
}
