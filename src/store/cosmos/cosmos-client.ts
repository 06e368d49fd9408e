import { Agent } from 'node:https';
import { CosmosClient, type ConnectionPolicy, type Container, type CosmosClientOptions, type Database, type IndexingPolicy } from '@azure/cosmos';
import { DefaultAzureCredential } from '@azure/identity';
import type { StoreConfig } from '../../config';
import { COSMOS_CONTAINERS, type CosmosContainerKey } from './containers';
import { StoreUnavailableError } from '../../ports/store';
import { cosmosCall, cosmosStatus } from './cosmos-errors';

export type CosmosConfig = Extract<StoreConfig, { kind: 'cosmos' }>;

/** The database and one handle per container. */
export interface CosmosHandles {
  client: CosmosClient;
  database: Database;
  containers: Record<CosmosContainerKey, Container>;
}

/** The longest one request to Cosmos DB may take; then the store is unavailable and the user reads "try again". */
export const COSMOS_REQUEST_TIMEOUT_MS = 5_000;

/**
 * Bounds how long a person waits when Cosmos DB cannot be reached. The SDK's defaults wait 60 s per
 * request and, with endpoint discovery on, retry a timed-out read up to 120 times (two hours).
 * The account has one region (infra/modules/cosmos.bicep), so discovery has nowhere to fail over
 * to: it is off, and a hung request fails once, after COSMOS_REQUEST_TIMEOUT_MS. Throttling (429)
 * is still retried as the server asks, for at most 5 s in all. Revisit if a second region is added.
 */
export const COSMOS_CONNECTION_POLICY: Readonly<ConnectionPolicy> = Object.freeze({
  requestTimeout: COSMOS_REQUEST_TIMEOUT_MS,
  enableEndpointDiscovery: false,
  retryOptions: { maxRetryAttemptCount: 9, maxWaitTimeInSeconds: 5 },
});

/** Builds the client: an account key for the emulator or test server, managed identity otherwise. */
export function createCosmosClient(config: CosmosConfig): CosmosClient {
  const options: CosmosClientOptions = { endpoint: config.endpoint, connectionPolicy: { ...COSMOS_CONNECTION_POLICY, retryOptions: { ...COSMOS_CONNECTION_POLICY.retryOptions } } };
  if (config.key) options.key = config.key;
  else options.aadCredentials = new DefaultAzureCredential({ managedIdentityClientId: config.managedIdentityClientId });
  if (config.tlsInsecure) options.agent = new Agent({ rejectUnauthorized: false });
  return new CosmosClient(options);
}

/** A mutable copy of a container's indexing policy, as the SDK's types want. */
function indexingPolicyOf(key: CosmosContainerKey): IndexingPolicy {
  return JSON.parse(JSON.stringify(COSMOS_CONTAINERS[key].indexingPolicy)) as IndexingPolicy;
}

/** Connects; with createIfMissing, creates the database and containers that are not there yet. */
export async function connectCosmos(config: CosmosConfig): Promise<CosmosHandles> {
  const client = createCosmosClient(config);
  const keys = Object.keys(COSMOS_CONTAINERS) as CosmosContainerKey[];
  try {
    const database = await cosmosCall('open database', async () => {
      if (!config.createIfMissing) {
        const missing = new StoreUnavailableError(`Cosmos DB database ${config.database} does not exist and COSMOS_CREATE_IF_MISSING is false`);
        try {
          const { statusCode } = await client.database(config.database).read();
          if (statusCode === 404) throw missing;
        } catch (error) {
          throw cosmosStatus(error) === 404 ? missing : error;
        }
        return client.database(config.database);
      }
      const { database: created } = await client.databases.createIfNotExists({ id: config.database });
      for (const key of keys) {
        const spec = COSMOS_CONTAINERS[key];
        await created.containers.createIfNotExists({ id: spec.name, partitionKey: { paths: [spec.partitionKey] }, indexingPolicy: indexingPolicyOf(key) });
      }
      return created;
    });
    const containers = Object.fromEntries(keys.map((key) => [key, database.container(COSMOS_CONTAINERS[key].name)])) as Record<CosmosContainerKey, Container>;
    return { client, database, containers };
  } catch (error) {
    client.dispose();
    throw error;
  }
}

/** Cosmos DB ids may not hold '/', '\\', '?' or '#'; this escapes them (and '~', '%') reversibly as ~XX. */
export function safeId(key: string): string {
  return key.replace(/[~/\\?#%]/g, (c) => `~${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
