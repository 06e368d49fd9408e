import type { Directory } from '../ports/directory';
import type { Clock } from '../ports/clock';
import type { Ids } from '../ports/ids';
import type { Logger } from '../ports/logger';
import type { Store } from '../ports/store';

/** What the Teams routes are given: ports only, so route tests use the real store and fakes. */
export interface BotDeps {
  /** local: the Playground stands in for Teams (see channel-references.ts). */
  mode: 'local' | 'production';
  store: Store;
  directory: Directory;
  clock: Clock;
  ids: Ids;
  logger: Logger;
}
