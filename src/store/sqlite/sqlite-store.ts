import { StoreUnavailableError, type Store } from '../../ports/store';
import { sqliteCaseStore } from './sqlite-cases';
import { checkWritable, guarded, openSqliteDatabase } from './sqlite-database';
import { sqliteDraftAndConversationStore } from './sqlite-drafts';
import { sqliteOutboxAndAuditStore } from './sqlite-outbox';
import { sqliteReferenceStateStore } from './sqlite-reference-state';
import { sqliteReportingStore } from './sqlite-reporting';

/** How long a readiness check waits for another connection's write lock before calling the database unavailable. */
const PING_GIVE_UP_MS = 250;

/** The embedded store: one SQLite file (or ':memory:'), safe for several processes on one file. */
export function openSqliteStore(path: string): Store {
  const db = openSqliteDatabase(path);
  return {
    ...sqliteCaseStore(db),
    ...sqliteReportingStore(db),
    ...sqliteDraftAndConversationStore(db),
    ...sqliteOutboxAndAuditStore(db),
    ...sqliteReferenceStateStore(db),
    ping: async () => {
      try {
        await guarded(() => checkWritable(db), PING_GIVE_UP_MS);
      } catch (error) {
        throw new StoreUnavailableError('The SQLite database does not answer', { cause: error });
      }
    },
    close: async () => {
      if (db.open) db.close();
    },
  };
}
