import type { NotificationCards } from '../ports/notification-cards';
import { renderCard } from './render-card';

/** The cards notifications carry, rendered from cards/ like every other card. */
export const notificationCards: NotificationCards = {
  dutyAlert: (view) => renderCard('duty-alert', view),
  closedAlert: (view) => renderCard('duty-alert-closed', view),
  draftExpiry: (view) => renderCard('draft-expiry', view),
};
