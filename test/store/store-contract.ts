import type { Store } from '../../src/ports/store';
import { describeCaseContract } from './contract/case-contract';
import { describeDraftContract } from './contract/draft-contract';
import { describeOutboxContract } from './contract/outbox-contract';
import { describeReferenceStateContract } from './contract/reference-state-contract';
import { describeReportingContract } from './contract/reporting-contract';

/** What a contract run needs: a fresh, empty store and a way to dispose of it. */
export type MakeStore = () => Promise<{ store: Store; cleanup(): Promise<void> }>;

/** The behaviour every Store adapter must show; each adapter's test file runs it. */
export function describeStoreContract(name: string, makeStore: MakeStore): void {
  describe(`${name} store contract`, () => {
    let current: { store: Store; cleanup(): Promise<void> } | undefined;
    beforeEach(async () => {
      current = await makeStore();
    });
    afterEach(async () => {
      await current?.cleanup();
      current = undefined;
    });
    const store = (): Store => {
      if (!current) throw new Error('store not opened');
      return current.store;
    };

    it('answers ping', async () => {
      await expect(store().ping()).resolves.toBeUndefined();
    });
    describeCaseContract(store);
    describeDraftContract(store);
    describeOutboxContract(store);
    describeReferenceStateContract(store);
    describeReportingContract(store);
  });
}
