import type { NotificationCards } from '../ports/notification-cards';
import { noticeCard } from './cards';
import { panelAgendaCard, panelPostCard } from './panel-cards';
import { renderCard } from './render-card';
import { triageCard } from './triage-cards';

/** The cards notifications carry, rendered from cards/ like every other card. */
export const notificationCards: NotificationCards = {
  dutyAlert: (view) => renderCard('duty-alert', view),
  closedAlert: (view) => renderCard('duty-alert-closed', view),
  draftExpiry: (view) => renderCard('draft-expiry', view),
  triage: (view) => triageCard(view),
  schoolUpdate: (view) => noticeCard(view.title, view.text),
  schoolQuestion: (view) => renderCard('school-question', view),
  panelPost: (view) => panelPostCard(view),
  panelAgenda: (view) => panelAgendaCard(view),
  deadlineNotice: (view) => renderCard('deadline-notice', view),
  accessNotice: (view) => renderCard('admin-access-notice', view),
};
