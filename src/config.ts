import { z } from 'zod';

/** The Playground's tenant: the only one allowed by default in local mode. */
export const LOCAL_TENANT_ID = '00000000-0000-0000-0000-0000000000aa';

const list = z
  .string()
  .transform((s) => s.split(',').map((v) => v.trim()).filter((v) => v.length > 0));
const flag = z.enum(['true', 'false']).transform((v) => v === 'true');
const optionalText = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

const envSchema = z.object({
  APP_MODE: z.enum(['local', 'production']).default('local'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  HOST: optionalText,
  STORE: z.enum(['sqlite', 'cosmos']).optional(),
  SQLITE_PATH: z.string().min(1).default('./data/frontdoor.db'),
  COSMOS_ENDPOINT: optionalText,
  COSMOS_DATABASE: z.string().min(1).default('frontdoor'),
  COSMOS_KEY: optionalText,
  COSMOS_CREATE_IF_MISSING: flag.default('false'),
  COSMOS_TLS_INSECURE: flag.default('false'),
  AZURE_CLIENT_ID: optionalText,
  MICROSOFT_APP_ID: optionalText,
  MICROSOFT_APP_TYPE: z.enum(['UserAssignedMSI', 'SingleTenant', 'MultiTenant']).optional(),
  MICROSOFT_APP_TENANT_ID: optionalText,
  MICROSOFT_APP_PASSWORD: optionalText,
  BOT_OPENID_METADATA_URL: optionalText,
  ALLOWED_TENANT_IDS: list.optional(),
  REFERENCE_DATA_DIR: z.string().min(1).default('./data'),
  MAX_BODY_BYTES: z.coerce.number().int().min(1024).max(10_000_000).default(256 * 1024),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(120_000).default(10_000),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  APPLICATIONINSIGHTS_CONNECTION_STRING: optionalText,
});

export type StoreConfig =
  | { kind: 'sqlite'; path: string }
  | {
      kind: 'cosmos';
      endpoint: string;
      database: string;
      /** Only for the emulator or test server; production uses managed identity. */
      key: string | undefined;
      managedIdentityClientId: string | undefined;
      createIfMissing: boolean;
      tlsInsecure: boolean;
    };

export type BotAuthConfig =
  | { kind: 'anonymous' }
  | {
      kind: 'azure';
      appId: string;
      appType: 'UserAssignedMSI' | 'SingleTenant' | 'MultiTenant';
      tenantId: string | undefined;
      password: string | undefined;
      /** OpenID metadata whose keys sign incoming channel tokens; unset: the public Bot Framework's. */
      openIdMetadataUrl: string | undefined;
    };

export interface Config {
  mode: 'local' | 'production';
  port: number;
  host: string;
  store: StoreConfig;
  botAuth: BotAuthConfig;
  allowedTenantIds: readonly string[];
  referenceDataDir: string;
  maxBodyBytes: number;
  shutdownGraceMs: number;
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  /** Application Insights connection string; telemetry is off when unset. */
  telemetryConnectionString: string | undefined;
}

/** Every environment variable the app reads (documented in .env.example). */
export const ENV_NAMES = Object.keys(envSchema.shape);

/** Thrown when the environment cannot make a working config; the message names every problem. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Configuration is not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** https always; plain http only to this machine and only outside production (a test key set). */
function openIdMetadataUrlProblem(value: string | undefined, production: boolean): string | undefined {
  if (value === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'BOT_OPENID_METADATA_URL must be an absolute URL';
  }
  if (url.protocol === 'https:') return undefined;
  if (url.protocol === 'http:' && !production && LOOPBACK_HOSTS.has(url.hostname)) return undefined;
  return production ? 'BOT_OPENID_METADATA_URL must use https in production' : 'BOT_OPENID_METADATA_URL must use https (http only for 127.0.0.1 outside production)';
}

/** Reads and checks the environment. The only place that knows environment variable names. */
export function loadConfig(env: Record<string, string | undefined>): Readonly<Config> {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  const problems: string[] = [];
  const production = e.APP_MODE === 'production';
  const storeKind = e.STORE ?? (production ? 'cosmos' : 'sqlite');

  if (production) {
    if (!e.MICROSOFT_APP_ID) problems.push('MICROSOFT_APP_ID is required in production');
    if (!e.MICROSOFT_APP_TYPE) problems.push('MICROSOFT_APP_TYPE is required in production (UserAssignedMSI, SingleTenant or MultiTenant)');
    if (e.MICROSOFT_APP_TYPE !== 'MultiTenant' && !e.MICROSOFT_APP_TENANT_ID) {
      problems.push('MICROSOFT_APP_TENANT_ID is required in production unless MICROSOFT_APP_TYPE is MultiTenant');
    }
    if (e.MICROSOFT_APP_TYPE && e.MICROSOFT_APP_TYPE !== 'UserAssignedMSI' && !e.MICROSOFT_APP_PASSWORD) {
      problems.push(`MICROSOFT_APP_PASSWORD is required when MICROSOFT_APP_TYPE is ${e.MICROSOFT_APP_TYPE}`);
    }
    if (storeKind !== 'cosmos') problems.push('STORE must be cosmos in production');
    if (!e.ALLOWED_TENANT_IDS || e.ALLOWED_TENANT_IDS.length === 0) {
      problems.push('ALLOWED_TENANT_IDS is required in production (comma-separated Microsoft 365 tenant ids)');
    }
  }
  if (storeKind === 'cosmos' && !e.COSMOS_ENDPOINT) problems.push('COSMOS_ENDPOINT is required when STORE is cosmos');
  if (production && e.COSMOS_KEY) problems.push('COSMOS_KEY must not be set in production: use managed identity');
  if (production && e.COSMOS_TLS_INSECURE) problems.push('COSMOS_TLS_INSECURE must not be true in production');
  const metadataProblem = openIdMetadataUrlProblem(e.BOT_OPENID_METADATA_URL, production);
  if (metadataProblem) problems.push(metadataProblem);
  if (problems.length > 0) throw new ConfigError(problems);

  const store: StoreConfig =
    storeKind === 'sqlite'
      ? { kind: 'sqlite', path: e.SQLITE_PATH }
      : {
          kind: 'cosmos',
          endpoint: e.COSMOS_ENDPOINT ?? '',
          database: e.COSMOS_DATABASE,
          key: e.COSMOS_KEY,
          managedIdentityClientId: e.AZURE_CLIENT_ID ?? (e.MICROSOFT_APP_TYPE === 'UserAssignedMSI' ? e.MICROSOFT_APP_ID : undefined),
          createIfMissing: e.COSMOS_CREATE_IF_MISSING,
          tlsInsecure: e.COSMOS_TLS_INSECURE,
        };
  const botAuth: BotAuthConfig =
    e.MICROSOFT_APP_ID && e.MICROSOFT_APP_TYPE
      ? { kind: 'azure', appId: e.MICROSOFT_APP_ID, appType: e.MICROSOFT_APP_TYPE, tenantId: e.MICROSOFT_APP_TENANT_ID, password: e.MICROSOFT_APP_PASSWORD, openIdMetadataUrl: e.BOT_OPENID_METADATA_URL }
      : { kind: 'anonymous' };

  return Object.freeze({
    mode: e.APP_MODE,
    port: e.PORT,
    host: e.HOST ?? (production ? '0.0.0.0' : '127.0.0.1'),
    store: Object.freeze(store),
    botAuth: Object.freeze(botAuth),
    allowedTenantIds: Object.freeze(e.ALLOWED_TENANT_IDS ?? [LOCAL_TENANT_ID]),
    referenceDataDir: e.REFERENCE_DATA_DIR,
    maxBodyBytes: e.MAX_BODY_BYTES,
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
    logLevel: e.LOG_LEVEL,
    telemetryConnectionString: e.APPLICATIONINSIGHTS_CONNECTION_STRING,
  });
}
