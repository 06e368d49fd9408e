import { ConfigError, ENV_NAMES, loadConfig } from '../../src/config';
import { bicepParams, blockAfter, isStringLiteral, readInfra, topLevelEntries, unquote } from './bicep-text';

/**
 * The Web App's settings in infra/main.bicep, checked against src/config.ts: the names
 * loadConfig requires in production are all set, and the settings (with sample values for the
 * deployment-time expressions) give a valid production config that signs in as the identity.
 */
const main = readInfra('main.bicep');
const settings = topLevelEntries(blockAfter(main, 'var appSettings = {'));
const params = bicepParams(main);

const CLIENT_ID = '5b1f0e42-1111-4a3c-9a55-000000000001';
const HOME_TENANT = '7c2d9e13-2222-4b4d-8b66-000000000002';
const COSMOS_ENDPOINT = 'https://sendfd-cosmos-abc123.documents.azure.com:443/';
const CONNECTION_STRING = `InstrumentationKey=${CLIENT_ID};IngestionEndpoint=https://uksouth-1.in.applicationinsights.azure.com/`;

/** What each deployment-time expression stands for; a new expression must be added here. */
const SAMPLE_VALUES: Record<string, string> = {
  'identity.properties.clientId': CLIENT_ID,
  'identity.properties.tenantId': HOME_TENANT,
  'cosmos.outputs.endpoint': COSMOS_ENDPOINT,
  'monitoring.outputs.connectionString': CONNECTION_STRING,
  "join(union([tenant().tenantId], allowedTenantIds), ',')": HOME_TENANT,
};

/** Settings the platform or the telemetry SDK read, not loadConfig. */
const PLATFORM_SETTINGS = ['APPLICATIONINSIGHTS_CONNECTION_STRING', 'ApplicationInsightsAgent_EXTENSION_VERSION', 'WEBSITE_RUN_FROM_PACKAGE', 'SCM_DO_BUILD_DURING_DEPLOYMENT'];

/** The value a setting's expression takes: a literal, a parameter's default, or a sample. */
function sampleValue(expression: string): string {
  if (isStringLiteral(expression)) return unquote(expression);
  const param = params.get(expression);
  if (param?.defaultExpression !== undefined) return unquote(param.defaultExpression);
  const sample = SAMPLE_VALUES[expression];
  if (sample === undefined) throw new Error(`No sample value for the app setting expression ${expression}`);
  return sample;
}

const env = Object.fromEntries([...settings].map(([name, expression]) => [name, sampleValue(expression)]));

/** The names loadConfig reports missing when production mode is asked for with nothing else. */
function requiredInProduction(): string[] {
  try {
    loadConfig({ APP_MODE: 'production' });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return ENV_NAMES.filter((name) => error.problems.some((problem) => problem.startsWith(`${name} `)));
  }
  throw new Error('loadConfig accepted an empty production environment');
}

describe('infra/main.bicep app settings', () => {
  it('sets every variable production config requires', () => {
    const required = ['APP_MODE', ...requiredInProduction()];
    expect(required).toEqual(expect.arrayContaining(['MICROSOFT_APP_ID', 'MICROSOFT_APP_TYPE', 'COSMOS_ENDPOINT', 'ALLOWED_TENANT_IDS']));
    const missing = required.filter((name) => !settings.has(name));
    expect(missing).toEqual([]);
  });

  it('gives a production config that uses the managed identity for the bot and Cosmos DB', () => {
    const config = loadConfig(env);
    expect(config.mode).toBe('production');
    expect(config.botAuth).toEqual({ kind: 'azure', appId: CLIENT_ID, appType: 'UserAssignedMSI', tenantId: HOME_TENANT, password: undefined });
    expect(config.store).toMatchObject({ kind: 'cosmos', endpoint: COSMOS_ENDPOINT, database: 'frontdoor', key: undefined, managedIdentityClientId: CLIENT_ID, createIfMissing: false, tlsInsecure: false });
    expect(config.allowedTenantIds).toContain(HOME_TENANT);
    expect(config.host).toBe('0.0.0.0');
  });

  it('sets nothing the app does not read, so a misspelt name cannot hide', () => {
    const unknown = [...settings.keys()].filter((name) => !ENV_NAMES.includes(name) && !PLATFORM_SETTINGS.includes(name));
    expect(unknown).toEqual([]);
  });

  it('sends telemetry to the Application Insights the template creates', () => {
    expect(settings.get('APPLICATIONINSIGHTS_CONNECTION_STRING')).toBe('monitoring.outputs.connectionString');
  });

  it('holds no secret: no password, no account key, no key lookups anywhere in infra/', () => {
    expect(settings.has('MICROSOFT_APP_PASSWORD')).toBe(false);
    expect(settings.has('COSMOS_KEY')).toBe(false);
    const everything = ['main.bicep', 'modules/app-service.bicep', 'modules/bot.bicep', 'modules/cosmos.bicep', 'modules/monitoring.bicep'].map(readInfra).join('\n');
    expect(everything).not.toMatch(/listKeys\(|listConnectionStrings\(|primaryMasterKey|@secure\(\)/);
  });
});
