import type { NotificationCards } from '../../src/ports/notification-cards';

/** Cards that just carry their view, so app tests can read what a notification was built from. */
export const fakeCards: NotificationCards = {
  dutyAlert: (view) => ({ type: 'AdaptiveCard', card: 'duty-alert', view }),
  closedAlert: (view) => ({ type: 'AdaptiveCard', card: 'closed-alert', view }),
  draftExpiry: (view) => ({ type: 'AdaptiveCard', card: 'draft-expiry', view }),
  triage: (view) => ({ type: 'AdaptiveCard', card: 'triage', ref: view.record.ref, canTriage: view.canTriage, errors: view.errors }),
  schoolUpdate: (view) => ({ type: 'AdaptiveCard', card: 'school-update', view }),
  schoolQuestion: (view) => ({ type: 'AdaptiveCard', card: 'school-question', view }),
  panelPost: (view) => ({ type: 'AdaptiveCard', card: 'panel-post', view }),
  panelAgenda: (view) => ({ type: 'AdaptiveCard', card: 'panel-agenda', view }),
  deadlineNotice: (view) => ({ type: 'AdaptiveCard', card: 'deadline-notice', view }),
  accessNotice: (view) => ({ type: 'AdaptiveCard', card: 'access-notice', view }),
};
