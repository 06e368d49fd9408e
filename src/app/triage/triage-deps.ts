import type { NotificationCards } from '../../ports/notification-cards';
import type { IntakeDeps } from '../intake/intake-deps';

/** What the duty team's use cases need: the store, directory, time, ids, and the cards notifications carry. */
export type TriageDeps = IntakeDeps & { cards: NotificationCards };
