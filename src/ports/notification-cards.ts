/** What a channel alert about a new request may show: never the pupil's details. */
export interface DutyAlertView {
  ref: string;
  settingName: string;
  phase: string;
  needLabel: string;
  needArea: string;
  urgency: string;
  dueText: string;
  channel: string;
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

/** Renders the cards that notifications carry; the Teams layer provides it. */
export interface NotificationCards {
  dutyAlert(view: DutyAlertView): Record<string, unknown>;
  closedAlert(view: ClosedAlertView): Record<string, unknown>;
  draftExpiry(view: DraftExpiryView): Record<string, unknown>;
}
