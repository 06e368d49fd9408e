import type { Clock } from '../../ports/clock';
import type { Directory } from '../../ports/directory';
import type { Ids } from '../../ports/ids';
import type { Store } from '../../ports/store';

/** What the request-form use cases need. */
export interface IntakeDeps {
  store: Store;
  directory: Directory;
  clock: Clock;
  ids: Ids;
}
