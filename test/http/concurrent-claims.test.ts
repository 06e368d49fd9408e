import { loadConfig, LOCAL_TENANT_ID } from '../../src/config';
import { startBot, type RunningBot } from '../../src/main';
import { openStore } from '../../src/store/open-store';
import { recordingLogger } from '../support/bot-harness';
import { startFakeConnector, type FakeConnector } from '../support/fake-connector';
import { FORM_STEPS, VALID_STEP_INPUTS } from '../support/intake-answers';
import { makeTempDir } from '../support/temp-dir';

const DUTY = [
  { aadObjectId: '00000000-0000-0000-0000-000000000100', name: 'Alex Morgan' },
  { aadObjectId: '00000000-0000-0000-0000-000000000102', name: 'Sam Patel' },
  { aadObjectId: '00000000-0000-0000-0000-000000000103', name: 'Jo Okafor' },
  { aadObjectId: '00000000-0000-0000-0000-000000000106', name: 'Ravi Kumar' },
];
const SENCO = { aadObjectId: '00000000-0000-0000-0000-000000000101', name: 'Priya Shah' };

let dir: Awaited<ReturnType<typeof makeTempDir>>;
let connector: FakeConnector;
let bots: RunningBot[];

beforeAll(async () => {
  dir = await makeTempDir();
  connector = await startFakeConnector();
  const config = loadConfig({ PORT: '0', SQLITE_PATH: `${dir.path}/shared.db`, LOG_LEVEL: 'silent' });
  bots = [await startBot(config, { logger: recordingLogger() }), await startBot(config, { logger: recordingLogger() })];
});
afterAll(async () => {
  for (const bot of bots) await bot.shutdown();
  await connector.close();
  await dir.remove();
});

function invoke(who: { aadObjectId: string; name: string }, verb: string, data: Record<string, unknown>, inChannel = false): Record<string, unknown> {
  return {
    type: 'invoke',
    name: 'adaptiveCard/action',
    channelId: 'msteams',
    serviceUrl: connector.url,
    from: { id: `29:${who.aadObjectId}`, name: who.name, aadObjectId: who.aadObjectId },
    recipient: { id: '28:bot', name: 'SEND Front Door' },
    conversation: inChannel
      ? { id: '19:front-door-duty@thread.tacv2;messageid=1', conversationType: 'channel', tenantId: LOCAL_TENANT_ID, isGroup: true }
      : { id: `a:${who.aadObjectId}`, conversationType: 'personal', tenantId: LOCAL_TENANT_ID },
    channelData: inChannel ? { tenant: { id: LOCAL_TENANT_ID }, team: { id: '19:isend-team@thread.tacv2' }, channel: { id: '19:front-door-duty@thread.tacv2' } } : { tenant: { id: LOCAL_TENANT_ID } },
    value: { action: { type: 'Action.Execute', verb, data } },
  };
}

async function post(bot: RunningBot, activity: Record<string, unknown>): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${bot.port}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
  expect(res.status).toBe(200);
  return res.text();
}

describe('50 people pressing Claim at once, across two bot processes on one store', () => {
  it('gives the case to exactly one, and tells every other who has it', async () => {
    const [a, b] = bots as [RunningBot, RunningBot];
    const start = await post(a, invoke(SENCO, 'intakeStart', { channel: 'teams' }));
    const draftId = /"draftId":"([^"]+)"/.exec(start)?.[1];
    for (const step of FORM_STEPS) await post(b, invoke(SENCO, 'intakeNext', { draftId, step, ...VALID_STEP_INPUTS[step] }));
    expect(await post(a, invoke(SENCO, 'intakeSubmit', { draftId }))).toContain('FD-2026-00001');

    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) => post(i % 2 ? a : b, invoke(DUTY[i % DUTY.length] ?? SENCO, 'claimCase', { ref: 'FD-2026-00001' }, true))),
    );
    const claimedBy = answers.map((body) => /Claimed by ([A-Za-z]+ [A-Za-z]+) at/.exec(body)?.[1]);
    expect(claimedBy.every((name) => name !== undefined)).toBe(true);
    expect(new Set(claimedBy).size).toBe(1);

    const store = await openStore({ kind: 'sqlite', path: `${dir.path}/shared.db` });
    const stored = await store.getCase('FD-2026-00001');
    const winner = DUTY.find((d) => d.name === claimedBy[0]);
    expect(stored?.value.claimantKey).toBe(`${LOCAL_TENANT_ID}:${winner?.aadObjectId}`);
    expect((await store.listAudit('FD-2026-00001')).filter((e) => e.action === 'case.claimed')).toHaveLength(1);
    await store.close();
  }, 60_000);
});
