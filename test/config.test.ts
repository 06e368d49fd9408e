import { readFileSync } from 'node:fs';
import { ConfigError, ENV_NAMES, LOCAL_TENANT_ID, loadConfig } from '../src/config';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  throw new Error('expected the config to be refused');
}

describe('loadConfig', () => {
  it('runs locally with no settings at all: SQLite under data/, loopback, the Playground tenant', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      mode: 'local',
      port: 3978,
      host: '127.0.0.1',
      store: { kind: 'sqlite', path: './data/frontdoor.db' },
      botAuth: { kind: 'anonymous' },
      allowedTenantIds: [LOCAL_TENANT_ID],
    });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('refuses production without credentials, naming every missing setting', () => {
    const problems = problemsOf({ APP_MODE: 'production' });
    expect(problems.join('\n')).toEqual(expect.stringContaining('MICROSOFT_APP_ID'));
    for (const name of ['MICROSOFT_APP_ID', 'MICROSOFT_APP_TYPE', 'MICROSOFT_APP_TENANT_ID', 'ALLOWED_TENANT_IDS', 'COSMOS_ENDPOINT']) {
      expect(problems.some((p) => p.startsWith(name))).toBe(true);
    }
  });

  it('accepts production with a user-assigned managed identity and no secrets', () => {
    const config = loadConfig({
      APP_MODE: 'production',
      MICROSOFT_APP_ID: 'aaaaaaaa-0000-0000-0000-000000000001',
      MICROSOFT_APP_TYPE: 'UserAssignedMSI',
      MICROSOFT_APP_TENANT_ID: 'bbbbbbbb-0000-0000-0000-000000000002',
      COSMOS_ENDPOINT: 'https://frontdoor.documents.azure.com:443/',
      ALLOWED_TENANT_IDS: 'bbbbbbbb-0000-0000-0000-000000000002, cccccccc-0000-0000-0000-000000000003',
    });
    expect(config.host).toBe('0.0.0.0');
    expect(config.store).toMatchObject({ kind: 'cosmos', key: undefined, managedIdentityClientId: 'aaaaaaaa-0000-0000-0000-000000000001' });
    expect(config.allowedTenantIds).toEqual(['bbbbbbbb-0000-0000-0000-000000000002', 'cccccccc-0000-0000-0000-000000000003']);
  });

  it('refuses a Cosmos DB key or insecure TLS in production', () => {
    const problems = problemsOf({
      APP_MODE: 'production',
      MICROSOFT_APP_ID: 'a',
      MICROSOFT_APP_TYPE: 'UserAssignedMSI',
      MICROSOFT_APP_TENANT_ID: 't',
      COSMOS_ENDPOINT: 'https://x',
      COSMOS_KEY: 'secret',
      COSMOS_TLS_INSECURE: 'true',
      ALLOWED_TENANT_IDS: 't',
    });
    expect(problems).toEqual(['COSMOS_KEY must not be set in production: use managed identity', 'COSMOS_TLS_INSECURE must not be true in production']);
  });

  it('asks for a password only for secret-based app types', () => {
    const problems = problemsOf({ APP_MODE: 'production', MICROSOFT_APP_ID: 'a', MICROSOFT_APP_TYPE: 'SingleTenant', MICROSOFT_APP_TENANT_ID: 't', COSMOS_ENDPOINT: 'https://x', ALLOWED_TENANT_IDS: 't' });
    expect(problems).toEqual(['MICROSOFT_APP_PASSWORD is required when MICROSOFT_APP_TYPE is SingleTenant']);
  });

  it('names a malformed value', () => {
    expect(problemsOf({ PORT: 'eighty' })[0]).toMatch(/^PORT:/);
    expect(problemsOf({ STORE: 'postgres' })[0]).toMatch(/^STORE:/);
  });
});

describe('.env.example', () => {
  it('documents every variable the app reads', () => {
    const text = readFileSync('.env.example', 'utf8');
    const documented = new Set([...text.matchAll(/^#?\s?([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]));
    expect(ENV_NAMES.filter((name) => !documented.has(name))).toEqual([]);
  });
});
