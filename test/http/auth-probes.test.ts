import { MicrosoftAppCredentials } from 'botframework-connector';
import { ConfigError, LOCAL_TENANT_ID, loadConfig } from '../../src/config';
import { userKey } from '../../src/domain/roles';
import { startBot, type RunningBot } from '../../src/main';
import type { Store } from '../../src/ports/store';
import { openStore } from '../../src/store/open-store';
import { personalMessage, SENCO } from '../support/activities';
import { recordingLogger } from '../support/bot-harness';
import { startFakeConnector, type FakeConnector } from '../support/fake-connector';
import { BOT_FRAMEWORK_ISSUER, startJwtIssuer, type JwtIssuer } from '../support/jwt-issuer';
import { makeTempDir } from '../support/temp-dir';

const APP_ID = '11111111-2222-3333-4444-555555555555';
const HOME_TENANT = '99999999-0000-0000-0000-000000000001';
const OTHER_TENANT = 'f0000000-0000-0000-0000-00000000dead';
const STACK_LINE = /\bat \S+ \(/;

let dir: { path: string; remove(): Promise<void> };
let connector: FakeConnector;
let issuer: JwtIssuer;
let bot: RunningBot;
let store: Store;
const logger = recordingLogger();

/** Claims as the Bot Connector puts them on a token for this bot; each probe spoils one. */
function claims(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const now = Math.floor(Date.now() / 1000);
  return { iss: BOT_FRAMEWORK_ISSUER, aud: APP_ID, serviceurl: connector.url, nbf: now - 60, iat: now - 60, exp: now + 3600, ...overrides };
}

function hello(tenantId = LOCAL_TENANT_ID): Record<string, unknown> {
  return personalMessage({ ...SENCO, text: 'hi', serviceUrl: connector.url, tenantId });
}

async function post(activity: Record<string, unknown>, token?: string): Promise<{ status: number; text: string }> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token !== undefined) headers.authorization = `Bearer ${token}`;
  const res = await fetch(`http://127.0.0.1:${bot.port}/api/messages`, { method: 'POST', headers, body: JSON.stringify(activity) });
  return { status: res.status, text: await res.text() };
}

interface Footprint {
  state: number;
  conversations: number;
  accessRequests: number;
  outbox: number;
  connectorCalls: number;
}

/** Everything a turn by the sender would leave: turn state, conversation reference, access requests, outbox, connector calls. */
async function storeFootprint(): Promise<Footprint> {
  const stateKeys = [`msteams/28:bot/users/29:${SENCO.aadObjectId}`, `msteams/28:bot/conversations/a:${SENCO.aadObjectId}`];
  const conversations = await Promise.all(
    [LOCAL_TENANT_ID, OTHER_TENANT].map((tenantId) => store.getConversation(userKey({ tenantId, aadObjectId: SENCO.aadObjectId }))),
  );
  return {
    state: Object.keys(await store.readState(stateKeys)).length,
    conversations: conversations.filter((c) => c !== undefined).length,
    accessRequests: (await store.listAccessRequests('pending')).length,
    outbox: (await store.listOutbox('pending', 100)).length + (await store.listOutbox('delivered', 100)).length,
    connectorCalls: connector.calls.length,
  };
}

beforeAll(async () => {
  // botbuilder reports every refused token on console.error; the HTTP status is what is under test.
  jest.spyOn(console, 'error').mockImplementation(() => undefined);
  // The reply needs an outgoing token from login.microsoftonline.com, which is out of reach here:
  // only that call is stubbed; the incoming token check below runs unchanged.
  jest.spyOn(MicrosoftAppCredentials.prototype, 'getToken').mockResolvedValue('outgoing-test-token');
  dir = await makeTempDir();
  connector = await startFakeConnector();
  issuer = await startJwtIssuer();
  const config = loadConfig({
    APP_MODE: 'local',
    PORT: '0',
    SQLITE_PATH: `${dir.path}/frontdoor.db`,
    LOG_LEVEL: 'silent',
    MICROSOFT_APP_ID: APP_ID,
    MICROSOFT_APP_TYPE: 'SingleTenant',
    MICROSOFT_APP_TENANT_ID: HOME_TENANT,
    MICROSOFT_APP_PASSWORD: 'not-a-real-secret',
    ALLOWED_TENANT_IDS: LOCAL_TENANT_ID,
    BOT_OPENID_METADATA_URL: issuer.metadataUrl,
  });
  bot = await startBot(config, { logger });
  store = await openStore({ kind: 'sqlite', path: `${dir.path}/frontdoor.db` });
});
afterAll(async () => {
  await store.close();
  await bot.shutdown();
  await issuer.close();
  await connector.close();
  await dir.remove();
  jest.restoreAllMocks();
});

describe('authentication and tenancy probes against the real bot', () => {
  /** Each probe spoils one thing; the reason in the answer shows it was refused for that thing. */
  const refusals: Array<[string, () => Record<string, unknown>, () => string | undefined, number, RegExp]> = [
    ['no token', () => hello(), () => undefined, 401, /not authorized/],
    ['a token that is not a JWT', () => hello(), () => 'not-a-token', 401, /No valid identity/],
    ['an expired token', () => hello(), () => issuer.sign(claims({ exp: Math.floor(Date.now() / 1000) - 3600 })), 401, /expired/],
    ['a token for another bot (wrong audience)', () => hello(), () => issuer.sign(claims({ aud: '99999999-9999-9999-9999-999999999999' })), 401, /Invalid AppId/],
    ['a token from another issuer', () => hello(), () => issuer.sign(claims({ iss: 'https://sts.windows.net/attacker/' })), 401, /No valid identity/],
    ['a token signed by another key under the trusted key id', () => hello(), () => issuer.sign(claims(), { foreignKey: true }), 401, /token is not valid/],
    ['a token signed by a key the key set does not hold', () => hello(), () => issuer.sign(claims(), { foreignKey: true, kid: 'unknown-key' }), 401, /Signing Key could not be retrieved/],
    ['a token issued for another service URL', () => hello(), () => issuer.sign(claims({ serviceurl: 'https://smba.attacker.example/' })), 401, /ServiceUrl claim/],
    ['a valid token from a tenant not on the allowlist', () => hello(OTHER_TENANT), () => issuer.sign(claims()), 403, /TenantNotAllowed/],
  ];

  it.each(refusals)('refuses %s, without a stack trace, and stores and sends nothing', async (_name, activity, token, status, reason) => {
    const before = await storeFootprint();
    const res = await post(activity(), token());
    expect(res.status).toBe(status);
    expect(res.text).toMatch(reason);
    expect(res.text).not.toMatch(STACK_LINE);
    expect(await storeFootprint()).toEqual(before);
  });

  it('fetched the keys from the configured key set, not the public one', () => {
    expect(issuer.fetches.metadata).toBeGreaterThan(0);
    expect(issuer.fetches.keys).toBeGreaterThan(0);
  });

  it('accepts a valid token from an allowed tenant: the turn runs and the reply reaches the connector', async () => {
    const before = await storeFootprint();
    const sent = connector.received.length;
    const res = await post(hello(), issuer.sign(claims()));
    expect(res.status).toBe(200);
    await connector.waitFor(sent + 1);
    expect(JSON.stringify(connector.received[sent]?.activity)).toContain('Welcome to the SEND Front Door, Priya');
    const after = await storeFootprint();
    expect(after.state).toBeGreaterThan(before.state);
    expect(after.conversations).toBe(before.conversations + 1);
  });
});

describe('BOT_OPENID_METADATA_URL', () => {
  const production = {
    APP_MODE: 'production',
    STORE: 'cosmos',
    COSMOS_ENDPOINT: 'https://frontdoor.documents.azure.com:443/',
    MICROSOFT_APP_ID: APP_ID,
    MICROSOFT_APP_TYPE: 'UserAssignedMSI',
    MICROSOFT_APP_TENANT_ID: HOME_TENANT,
    ALLOWED_TENANT_IDS: HOME_TENANT,
  };
  const local = { APP_MODE: 'local', MICROSOFT_APP_ID: APP_ID, MICROSOFT_APP_TYPE: 'UserAssignedMSI', MICROSOFT_APP_TENANT_ID: HOME_TENANT };
  const problemsOf = (env: Record<string, string>): string[] => {
    try {
      loadConfig(env);
      return [];
    } catch (err) {
      if (err instanceof ConfigError) return err.problems;
      throw err;
    }
  };
  const urlOf = (env: Record<string, string>): string | undefined => {
    const auth = loadConfig(env).botAuth;
    return auth.kind === 'azure' ? auth.openIdMetadataUrl : undefined;
  };

  it('is unset by default: the public Bot Framework metadata', () => {
    expect(urlOf(production)).toBeUndefined();
  });

  it('takes an https URL in production', () => {
    const url = 'https://login.botframework.azure.us/v1/.well-known/openidconfiguration';
    expect(urlOf({ ...production, BOT_OPENID_METADATA_URL: url })).toBe(url);
  });

  it('refuses plain http in production, even to this machine', () => {
    expect(problemsOf({ ...production, BOT_OPENID_METADATA_URL: 'http://127.0.0.1:9999/.well-known/openidconfiguration' })).toEqual([
      'BOT_OPENID_METADATA_URL must use https in production',
    ]);
  });

  it('allows plain http only to this machine outside production', () => {
    expect(urlOf({ ...local, BOT_OPENID_METADATA_URL: 'http://127.0.0.1:9999/keys' })).toBe('http://127.0.0.1:9999/keys');
    expect(problemsOf({ ...local, BOT_OPENID_METADATA_URL: 'http://keys.example.com/openid' })).toEqual([
      'BOT_OPENID_METADATA_URL must use https (http only for 127.0.0.1 outside production)',
    ]);
    expect(problemsOf({ ...local, BOT_OPENID_METADATA_URL: 'not a url' })).toEqual(['BOT_OPENID_METADATA_URL must be an absolute URL']);
  });
});
