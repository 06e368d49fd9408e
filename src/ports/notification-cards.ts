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
  /** Where the vote is: "2 votes of the 3 needed", "Quorum reached: the chair can decide", "Decided". */
  statusText: string;
  /** "On the agenda for Tuesday 15 December", or empty. */
  meetingText: string;
  tally: { support: number; supportWithChanges: number; doNotSupport: number };
  /** Who voted what, so members can see it. */
  votes: Array<{ name: string; choice: 'support' | 'support-with-changes' | 'do-not-support'; comment: string }>;
  /** No decision yet: votes can still be cast or changed. */
  open: boolean;
  /** Quorum reached and no decision yet: the chair's decision form is shown. */
  canDecide: boolean;
  decision: { outcome: 'agreed' | 'not-agreed'; decidedBy: string; when: string; package: Array<{ service: string; action: string; lead: string }>; schoolWords: string } | null;
  /** The service catalogue, for the chair's package. */
  services: Array<{ id: string; name: string }>;
  /** A line at the top of the card: why a click changed nothing, or what happened. */
  notice: { text: string; tone: 'problem' | 'info' } | null;
  /** Problems beside the fields (voteComment, outcome, package, schoolWords) and what was typed. */
  errors: Record<string, string>;
  kept: Record<string, string>;
}

/** A panel meeting's agenda for the Panel channel: the cases the chair put on it, no pupil details. */
export interface PanelAgendaView {
  meetingDateText: string;
  chairName: string;
  items: Array<{ ref: string; settingName: string; needLabel: string; panelDueText: string; votesText: string }>;
}

/** A reminder or an escalation about a response time: to the claimant, the Duty or Panel channel, the duty manager. */
export interface DeadlineNoticeView {
  /** "FD-2026-00001: first reply due tomorrow". */
  title: string;
  text: string;
  /** 'Attention' for a breach, 'Default' for a reminder. */
  tone: 'Attention' | 'Default';
  /** Reference, setting, need, due date in words: never the pupil's details. */
  facts: Array<{ label: string; value: string }>;
  ref: string;
  /** Offer "Open the case" (for the claimant or the duty manager, not in a channel). */
  canOpen: boolean;
}

/** A personal notice about access: to front-door admins (someone asked) or to the person who asked (the answer). */
export interface AccessNoticeView {
  title: string;
  text: string;
  facts: Array<{ label: string; value: string }>;
  /** The button it offers: the access requests (admins), the menu (an approved person), or none. */
  button: 'access-requests' | 'menu' | 'none';
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
  panelAgenda(view: PanelAgendaView): Record<string, unknown>;
  deadlineNotice(view: DeadlineNoticeView): Record<string, unknown>;
  accessNotice(view: AccessNoticeView): Record<string, unknown>;
}
