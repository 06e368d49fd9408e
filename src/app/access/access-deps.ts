import type { Clock } from '../../ports/clock';
import type { Directory } from '../../ports/directory';
import type { Ids } from '../../ports/ids';
import type { NotificationCards } from '../../ports/notification-cards';
import type { AccessRequestStore, AuditStore } from '../../ports/store';

/** What the access use cases are given: the store, the directory, time, ids and the notice card. */
export interface AccessDeps {
  store: AccessRequestStore & AuditStore;
  directory: Directory;
  clock: Clock;
  ids: Ids;
  cards: Pick<NotificationCards, 'accessNotice'>;
}
