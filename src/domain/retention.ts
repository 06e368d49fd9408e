import { type CaseRecord, isOpen } from './case-record';
import { revised } from './revised';
import type { PanelState } from './panel';

/** What replaces free text the case schema requires to be a string (messages, reasons, comments, decision words). */
export const REMOVED_TEXT = '[removed]';

/**
 * The school's answers an anonymised case keeps: categories that identify nobody and that reporting
 * may count. Anything else (names, contact details, initials, date of birth, year group, UPN, the
 * concern and every other free-text answer, and any answer added to the form later) is dropped.
 */
export const KEPT_REQUEST_ANSWERS = [
  'settingId',
  'requesterRole',
  'senStatus',
  'primaryNeed',
  'secondaryNeed',
  'reviewCycles',
  'helpWanted',
  'urgency',
  'parentalConsent',
  'childAtRisk',
] as const;

/** The request of an anonymised case: a marker and the kept answers (readers that parse the full request find it fails, and show none). */
export function anonymisedRequest(request: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const kept: Record<string, unknown> = { anonymised: true };
  for (const key of KEPT_REQUEST_ANSWERS) if (request[key] !== undefined) kept[key] = request[key];
  return kept;
}

const removed = (text: string): string => (text === '' ? '' : REMOVED_TEXT);

function anonymisedPanel(panel: PanelState): PanelState {
  const decision = panel.decision;
  return {
    ...panel,
    votes: panel.votes.map((vote) => ({ ...vote, comment: removed(vote.comment) })),
    decision:
      decision === null
        ? null
        : {
            ...decision,
            schoolWords: REMOVED_TEXT,
            package: decision.package.map((item) => ({ serviceId: item.serviceId, action: REMOVED_TEXT, lead: REMOVED_TEXT })),
          },
  };
}

/**
 * The case with every pupil detail and all free text removed, and everything reporting uses kept:
 * the envelope (setting, phase, need, urgency, status, channel, dates), routes, measures, the panel's
 * outcome, measures and vote choices, message kinds and times. People's keys stay (they are staff,
 * and they decide who may open the case). `updatedAt` stays the closing time; `anonymisedAt` records
 * the removal. Anonymising an anonymised case changes nothing.
 */
export function anonymise(record: CaseRecord, at: string): CaseRecord {
  if (record.anonymisedAt !== null) return record;
  return revised(record, {
    request: anonymisedRequest(record.request),
    messages: record.messages.map((message) => ({ ...message, text: removed(message.text) })),
    withdrawal: record.withdrawal === null ? null : { ...record.withdrawal, reason: removed(record.withdrawal.reason) },
    panel: anonymisedPanel(record.panel),
    anonymisedAt: at,
  });
}

/** The instant `months` calendar months after `iso` (UTC), the day clamped to the month's end: 31 January + 1 is 28 or 29 February. */
export function addCalendarMonths(iso: string, months: number): Date {
  const start = new Date(iso);
  const target = new Date(start.getTime());
  target.setUTCDate(1);
  target.setUTCMonth(start.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(start.getUTCDate(), lastDay));
  return target;
}

/**
 * When a case's retention period ends: `retentionMonths` after it closed. A closed case cannot be
 * changed, so its last change (updatedAt) is taken as its closing time; anything written after the
 * closing only makes that later, so a case is never anonymised early.
 */
export function retentionEndsAt(record: CaseRecord, retentionMonths: number): Date {
  return addCalendarMonths(record.updatedAt, retentionMonths);
}

/** Whether a case is closed, not yet anonymised, and its retention period has ended by `now`. */
export function isDueForAnonymising(record: CaseRecord, now: Date, retentionMonths: number): boolean {
  if (isOpen(record.status) || record.anonymisedAt !== null) return false;
  return retentionEndsAt(record, retentionMonths).getTime() <= now.getTime();
}
