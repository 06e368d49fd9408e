import { randomUUID } from 'node:crypto';
import { loadConfig, LOCAL_TENANT_ID, type Config } from '../../src/config';
import { userKey } from '../../src/domain/roles';
import { startBot, type RunningBot } from '../../src/main';
import type { Store } from '../../src/ports/store';
import { openStore } from '../../src/store/open-store';
import { cardText, PEOPLE, recordingLogger, type PersonName } from '../support/bot-harness';
import { startCosmosServer } from '../support/cosmos-server';
import { startFakeConnector, type FakeConnector } from '../support/fake-connector';
import { FORM_STEPS, VALID_STEP_INPUTS } from '../support/intake-answers';
import { startRoundRobinProxy, type RoundRobinProxy } from '../support/round-robin-proxy';
import { makeTempDir } from '../support/temp-dir';

/** Where a card was clicked: the person's own chat, the Duty channel or the Panel channel. */
type Place = 'personal' | 'duty' | 'panel';

const CHANNELS = { duty: '19:front-door-duty@thread.tacv2', panel: '19:isend-team@thread.tacv2' } as const;
const SCHOOL_CHAT = `a:${PEOPLE.priya.aadObjectId}`;

/** One store for both bots: its environment, and how to remove it afterwards. */
interface SharedStore {
  env: Record<string, string>;
  remove(): Promise<void>;
}

async function sqliteFile(): Promise<SharedStore> {
  const dir = await makeTempDir();
  return { env: { STORE: 'sqlite', SQLITE_PATH: `${dir.path}/shared.db` }, remove: () => dir.remove() };
}

async function cosmosDatabase(): Promise<SharedStore> {
  const server = await startCosmosServer();
  return {
    env: { STORE: 'cosmos', COSMOS_ENDPOINT: server.endpoint, COSMOS_KEY: 'test-server-key', COSMOS_DATABASE: `journey-${randomUUID()}`, COSMOS_TLS_INSECURE: 'true', COSMOS_CREATE_IF_MISSING: 'true' },
    remove: () => server.close(),
  };
}

/** Waits until the condition holds, checking again on each turn of the event loop (no sleeps). */
async function until(condition: () => Promise<boolean> | boolean, what: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

describe.each([
  ['SQLite (one file)', sqliteFile],
  ['the Cosmos test server (a fresh database)', cosmosDatabase],
])('the whole journey on two bot processes behind a round-robin proxy, on %s', (_name, makeStore) => {
  let shared: SharedStore;
  let config: Readonly<Config>;
  let connector: FakeConnector;
  let bots: RunningBot[] = [];
  let proxy: RoundRobinProxy;
  let store: Store;

  beforeAll(async () => {
    shared = await makeStore();
    connector = await startFakeConnector();
    config = loadConfig({ PORT: '0', LOG_LEVEL: 'silent', ...shared.env });
    bots = [await startBot(config, { logger: recordingLogger() }), await startBot(config, { logger: recordingLogger() })];
    proxy = await startRoundRobinProxy(bots.map((b) => b.port));
    store = await openStore(config.store);
  }, 30_000);
  afterAll(async () => {
    await store.close();
    await proxy.close();
    for (const bot of bots) await bot.shutdown();
    await connector.close();
    await shared.remove();
  });

  /** An Action.Execute as Teams posts it from a card in the given place. */
  function invoke(who: PersonName, verb: string, data: Record<string, unknown>, place: Place = 'personal'): Record<string, unknown> {
    const person = PEOPLE[who];
    const channel = place === 'personal' ? undefined : CHANNELS[place];
    return {
      type: 'invoke',
      name: 'adaptiveCard/action',
      id: `invoke-${randomUUID()}`,
      channelId: 'msteams',
      serviceUrl: connector.url,
      from: { id: `29:${person.aadObjectId}`, name: person.name, aadObjectId: person.aadObjectId },
      recipient: { id: '28:bot', name: 'SEND Front Door' },
      conversation: channel
        ? { id: `${channel};messageid=1`, conversationType: 'channel', tenantId: LOCAL_TENANT_ID, isGroup: true }
        : { id: `a:${person.aadObjectId}`, conversationType: 'personal', tenantId: LOCAL_TENANT_ID },
      channelData: channel ? { tenant: { id: LOCAL_TENANT_ID }, team: { id: CHANNELS.panel }, channel: { id: channel } } : { tenant: { id: LOCAL_TENANT_ID } },
      value: { action: { type: 'Action.Execute', verb, data } },
    };
  }

  /** Clicks a card button through the proxy; returns the text of the card that comes back. */
  async function click(who: PersonName, verb: string, data: Record<string, unknown>, place: Place = 'personal'): Promise<string> {
    const res = await fetch(proxy.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(invoke(who, verb, data, place)) });
    const body = await res.text();
    expect(res.status).toBe(200);
    return cardText(JSON.parse(body));
  }

  /** Priya fills in the whole request form and sends it; returns the receipt's text. */
  async function requestSupport(): Promise<string> {
    const res = await fetch(proxy.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(invoke('priya', 'intakeStart', { channel: 'teams' })) });
    const draftId = /"draftId":"([^"]+)"/.exec(await res.text())?.[1];
    expect(draftId).toBeDefined();
    for (const step of FORM_STEPS) await click('priya', 'intakeNext', { draftId, step, ...VALID_STEP_INPUTS[step] });
    return click('priya', 'intakeSubmit', { draftId });
  }

  const referenceIn = (receipt: string): string => {
    const ref = /FD-\d{4}-\d{5}/.exec(receipt)?.[0];
    if (!ref) throw new Error(`no reference in the receipt: ${receipt}`);
    return ref;
  };
  const keyOf = (who: PersonName): string => userKey({ tenantId: LOCAL_TENANT_ID, aadObjectId: PEOPLE[who].aadObjectId });
  const toSchool = (): string => JSON.stringify(connector.received.filter((r) => r.conversationId === SCHOOL_CHAT).map((r) => r.activity));
  /** How many messages the school received that say this (each once: two dispatchers must not both send it). */
  const schoolMessagesSaying = (words: string): number => connector.received.filter((r) => r.conversationId === SCHOOL_CHAT && JSON.stringify(r.activity).includes(words)).length;

  it('takes a request from the school to a service, and a second one through the panel to a decision', async () => {
    const routedReceipt = await requestSupport();
    const routedRef = referenceIn(routedReceipt);
    expect(await click('sam', 'claimCase', { ref: routedRef }, 'duty')).toMatch(/Claimed by Sam Patel at \d\d:\d\d/);
    expect(await click('sam', 'triageRoute', { ref: routedRef, services: 'educational-psychology', message: 'They will call you this week.' })).toContain('Routed to a service by Sam Patel');

    const panelRef = referenceIn(await requestSupport());
    expect(Number(panelRef.slice(-5))).toBe(Number(routedRef.slice(-5)) + 1);
    expect(await click('ravi', 'claimCase', { ref: panelRef }, 'duty')).toMatch(/Claimed by Ravi Kumar at \d\d:\d\d/);
    expect(await click('sam', 'claimCase', { ref: panelRef }, 'duty')).toContain('Claimed by Ravi Kumar');
    await click('ravi', 'triageEscalate', { ref: panelRef, summary: 'Needs several services.', proposedPackage: 'EP assessment and SALT.' });
    expect(await click('jo', 'panelVote', { ref: panelRef, choice: 'support', voteComment: '' }, 'panel')).toContain('1 vote of the 3 needed');
    expect(await click('chris', 'panelVote', { ref: panelRef, choice: 'support-with-changes', voteComment: 'Add a review at six weeks.' }, 'panel')).toContain('2 votes of the 3 needed');
    const quorum = await click('maya', 'panelVote', { ref: panelRef, choice: 'support', voteComment: '' }, 'panel');
    expect(quorum).toContain('Support 2 · Support with changes 1 · Do not support 0');
    expect(quorum).toContain('Quorum reached (3 votes)');
    const decided = await click(
      'jo',
      'panelDecide',
      { ref: panelRef, outcome: 'agreed', service1: 'educational-psychology', action1: 'Assessment in school', lead1: 'Chris Evans', schoolWords: 'An educational psychologist will visit in January.' },
      'panel',
    );
    expect(decided).toContain('Package agreed: recorded by Jo Okafor');

    // Both processes served the journey: the proxy alternated between them.
    expect(new Set(proxy.forwardedTo)).toEqual(new Set(bots.map((b) => b.port)));

    const routed = (await store.getCase(routedRef))?.value;
    expect(routed).toMatchObject({ status: 'routed', claimantKey: keyOf('sam'), routedTo: ['educational-psychology'] });
    const atPanel = (await store.getCase(panelRef))?.value;
    expect(atPanel).toMatchObject({ status: 'decided', claimantKey: keyOf('ravi') });
    expect(atPanel?.panel.votes).toHaveLength(3);
    expect(atPanel?.panel.decision).toMatchObject({ outcome: 'agreed' });
    for (const ref of [routedRef, panelRef]) expect((await store.listAudit(ref)).filter((e) => e.action === 'case.claimed')).toHaveLength(1);

    await until(() => {
      const school = toSchool();
      return school.includes('They will call you this week.') && school.includes('An educational psychologist will visit in January.');
    }, 'the school to be told of the routing and the decision');
    await until(async () => (await store.listOutbox('pending', 500)).filter((i) => i.target === keyOf('priya')).length === 0, 'no school message left waiting');
    expect(schoolMessagesSaying('picked up your request')).toBe(2);
    expect(schoolMessagesSaying('They will call you this week.')).toBe(1);
    expect(schoolMessagesSaying('An educational psychologist will visit in January.')).toBe(1);
    const deliveredToSchool = (await store.listOutbox('delivered', 500)).filter((i) => i.target === keyOf('priya'));
    expect(deliveredToSchool.length).toBeGreaterThanOrEqual(4);
    expect((await store.listOutbox('dead', 500)).filter((i) => i.target === keyOf('priya'))).toEqual([]);
  }, 60_000);
});
