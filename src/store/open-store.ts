import type { StoreConfig } from '../config';
import type { Store } from '../ports/store';
import { openCosmosStore } from './cosmos/cosmos-store';
import { openSqliteStore } from './sqlite/sqlite-store';

/** Opens the configured store: SQLite (the embedded default) or Cosmos DB. */
export async function openStore(config: StoreConfig): Promise<Store> {
  switch (config.kind) {
    case 'sqlite':
      return openSqliteStore(config.path);
    case 'cosmos':
      return openCosmosStore(config);
  }
}
