import type { CaseRecord } from '../domain/case-record';
import type { Person, Service } from '../domain/reference';

/** What a channel alert about a request may show: never the pupil's details. */
export interface DutyAlertView {
  ref: string;
  settingName: string;
  phase: string;
  needLabel: string;
  needArea: string;
  urgency: string;
  dueText: string;
  channel: string;
  /** Where the request is: "Waiting for someone to claim it", "Claimed by Sam Patel at 10:04"... */
  statusText: string;
  claimable: boolean;
  /** "On duty now: <at>Sam Patel</at>", with the matching mentions; empty once claimed. */
  mentionText: string;
  mentions: Array<{ id: string; name: string }>;
}

/** A channel alert once its request is closed: what happened, never why in the school's words. */
export interface ClosedAlertView {
  ref: string;
  settingName: string;
  statusText: string;
}

/** A personal notice that an unfinished request is about to be deleted. */
export interface DraftExpiryView {
  draftId: string;
  label: string;
  deleteOn: string;
  maxAgeDays: number;
}

/** The full request for the person handling it, with what they can do next. */
export interface TriageView {
  record: CaseRecord;
  settingName: string;
  statusText: string;
  dueText: string;
  /** The catalogue, the services whose need codes and phases match first. */
  services: Array<{ service: Service; suggested: boolean }>;
  colleagues: Person[];
  names: Record<string, string>;
  canTriage: boolean;
  canHandOver: boolean;
  errors: Record<string, string>;
  kept: Record<string, string>;
}

/** A plain-words update for the school's chat. */
export interface SchoolUpdateView {
  title: string;
  text: string;
}

export interface SchoolQuestionView {
  ref: string;
  askedBy: string;
  question: string;
  answer: string;
  error: string;
}

/** What the Panel channel sees of an escalated case: no pupil details. */
export interface PanelPostView {
  ref: string;
  settingName: string;
  phase: string;
  needLabel: string;
  panelDueText: string;
  escalatedBy: string;
  summary: string;
  proposedPackage: string;
}

/** Renders the cards that notifications carry; the Teams layer provides it. */
export interface NotificationCards {
  dutyAlert(view: DutyAlertView): Record<string, unknown>;
  closedAlert(view: ClosedAlertView): Record<string, unknown>;
  draftExpiry(view: DraftExpiryView): Record<string, unknown>;
  triage(view: TriageView): Record<string, unknown>;
  schoolUpdate(view: SchoolUpdateView): Record<string, unknown>;
  schoolQuestion(view: SchoolQuestionView): Record<string, unknown>;
  panelPost(view: PanelPostView): Record<string, unknown>;
}
