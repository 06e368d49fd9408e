import type { Store } from '../../ports/store';
import { connectCosmos, type CosmosConfig, type CosmosHandles } from './cosmos-client';
import { cosmosCaseStore } from './cosmos-cases';
import { cosmosDraftAndConversationStore } from './cosmos-drafts';
import { cosmosCall } from './cosmos-errors';
import { cosmosOutboxAndAuditStore } from './cosmos-outbox';
import { cosmosReferenceStore } from './cosmos-reference';
import { cosmosReportingStore } from './cosmos-reporting';
import { cosmosStateAndAccessStore } from './cosmos-state';

/** The Store on already-connected Cosmos DB handles. */
export function cosmosStoreOn(handles: CosmosHandles): Store {
  const { containers } = handles;
  return {
    ...cosmosCaseStore(containers.cases, containers.counters),
    ...cosmosReportingStore(containers.cases, containers.counters),
    ...cosmosOutboxAndAuditStore(containers.cases),
    ...cosmosDraftAndConversationStore(containers.drafts, containers.conversations),
    ...cosmosReferenceStore(containers.reference),
    ...cosmosStateAndAccessStore(containers.state, containers.accessRequests, containers.cases),
    ping: () =>
      cosmosCall('ping', async () => {
        await handles.database.read();
      }),
    close: async () => {
      handles.client.dispose();
    },
  };
}

/** Connects to Cosmos DB (creating the database and containers when allowed) and returns the Store. */
export async function openCosmosStore(config: CosmosConfig): Promise<Store> {
  return cosmosStoreOn(await connectCosmos(config));
}
