import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { createHttpsServer } from '@vercel/cosmosdb-server';
import type { CosmosConfig } from '../../src/store/cosmos/cosmos-client';

/** The store config for a database on the test server (a fresh one unless named), created on first use. */
export function testServerConfig(endpoint: string, database = `test-${randomUUID()}`, createIfMissing = true): CosmosConfig {
  return { kind: 'cosmos', endpoint, database, key: 'test-server-key', managedIdentityClientId: undefined, createIfMissing, tlsInsecure: true };
}

/** Starts @vercel/cosmosdb-server in this process on 127.0.0.1 and a free port (TLS, self-signed). */
export async function startCosmosServer(): Promise<{ endpoint: string; close(): Promise<void> }> {
  const server = createHttpsServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `https://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
