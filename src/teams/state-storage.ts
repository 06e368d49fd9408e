import type { Storage, StoreItems } from 'botbuilder';
import type { StateStore } from '../ports/store';

/**
 * Teams AI turn state kept in the app's own store (SQLite or Cosmos DB), so two bot
 * processes on one store share conversation and user state. ETags give optimistic concurrency.
 */
export class StoreBackedStorage implements Storage {
  constructor(private readonly store: StateStore) {}

  async read(keys: string[]): Promise<StoreItems> {
    const found = await this.store.readState(keys);
    const items: StoreItems = {};
    for (const [key, entry] of Object.entries(found)) items[key] = { ...entry.value, eTag: entry.version };
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    for (const [key, item] of Object.entries(changes)) {
      const { eTag, ...value } = (item ?? {}) as Record<string, unknown>;
      const expected = typeof eTag === 'string' ? eTag : undefined;
      const version = await this.store.writeState(key, value, expected);
      if (item && typeof item === 'object') (item as Record<string, unknown>).eTag = version;
    }
  }

  async delete(keys: string[]): Promise<void> {
    await this.store.deleteState(keys);
  }
}
