import path from 'node:path';
import { CASE_STATUSES, type CaseRecord } from '../../src/domain/case-record';
import { openStore } from '../../src/store/open-store';
import { MAY_REPEAT_NOTE } from '../../src/teams/bot-notifier';
import { waitUntil } from '../e2e/support/wait-until';
import { personalMessage } from '../support/activities';
import { startFakeConnector, type ConnectorCall, type FakeConnector } from '../support/fake-connector';
import { FORM_STEPS, VALID_STEP_INPUTS } from '../support/intake-answers';
import { makeTempDir } from '../support/temp-dir';
import { CLOCK_STEP_MS, startCrashBot, type AppFiles, type CrashBot } from './support/crash-bot';
import { invariantProblems, type JourneyState } from './support/invariants';
import { ALEX, CHRIS, cardClick, JO, JOURNEY, SENCO } from './support/journey';
import { transpileApp } from './support/transpiled-app';
import { seededRandom } from '../../src/domain/seeded-random';

/** Rounds to run: one whole journey (7 steps) by default; CRASH_ROUNDS=200 for a long run. */
const ROUNDS = Number(process.env.CRASH_ROUNDS ?? '') || JOURNEY.length;
/** CRASH_SEED repeats a run's kill moments (as far as the machine's timing allows). */
const SEED = Number(process.env.CRASH_SEED ?? '') || Date.now() % 2_147_483_647;
/** The kill comes 0 to this many ms after the click is sent: mostly while the bot is handling it. */
const MAX_KILL_DELAY_MS = 60;


interface Answer {
  status: number;
  body: string;
}

async function post(bot: CrashBot, activity: Record<string, unknown>): Promise<Answer> {
  const res = await fetch(bot.messagesUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity), signal: AbortSignal.timeout(15_000) });
  return { status: res.status, body: await res.text() };
}

/** The user clicks again until the bot answers (a few times at most). */
async function retryUntilAnswered(bot: CrashBot, activity: Record<string, unknown>): Promise<Answer> {
  let last: Answer | undefined;
  for (let attempt = 0; attempt < 5; attempt += 1) {
    last = await post(bot, activity).catch((error: unknown) => ({ status: 0, body: String(error) }));
    if (last.status === 200) return last;
  }
  throw new Error(`No answer after 5 tries: ${last?.status ?? '?'} ${last?.body ?? ''}`);
}

let dir: Awaited<ReturnType<typeof makeTempDir>>;
let connector: FakeConnector;
let sqlitePath: string;
let app: AppFiles;
let clockOffsetMs = 0;
/** Replies the bot sent within a greeting's turn: not notifications, so not counted against the outbox. */
const greetingReplies = new Set<ConnectorCall>();
let running: CrashBot | undefined;

/** Starts the bot on the same file, its clock past every lease an earlier (killed) process held. */
async function startBot(): Promise<CrashBot> {
  clockOffsetMs += CLOCK_STEP_MS;
  running = await startCrashBot(app, sqlitePath, clockOffsetMs);
  return running;
}

beforeAll(async () => {
  dir = await makeTempDir('frontdoor-crash-');
  sqlitePath = path.join(dir.path, 'frontdoor.db');
  connector = await startFakeConnector();
  app = await transpileApp(path.join(dir.path, 'app'));
}, 30_000);
afterAll(async () => {
  await running?.child.stop();
  await connector.close();
  await dir.remove();
});

/** The duty professional and panel members say hello, so the bot knows their chats and can write to them. */
async function greetStaff(bot: CrashBot): Promise<void> {
  const before = connector.calls.length;
  for (const who of [ALEX, JO, CHRIS]) expect((await post(bot, personalMessage({ ...who, text: 'hi', serviceUrl: connector.url }))).status).toBe(200);
  for (const call of connector.calls.slice(before)) greetingReplies.add(call);
}

/** Fills the request form up to the last step; returns the draft id. */
async function fillForm(bot: CrashBot): Promise<string> {
  const start = await post(bot, cardClick(connector.url, SENCO, 'personal', 'intakeStart', { channel: 'teams' }));
  const draftId = /"draftId":"([^"]+)"/.exec(start.body)?.[1];
  if (draftId === undefined) throw new Error(`No draft id in ${start.body.slice(0, 500)}`);
  for (const step of FORM_STEPS) {
    const next = await post(bot, cardClick(connector.url, SENCO, 'personal', 'intakeNext', { draftId, step, ...VALID_STEP_INPUTS[step] }));
    expect(next.status).toBe(200);
  }
  return draftId;
}

/** Whether the stored case shows a step done (the bot stopped). */
async function caseShows(ref: string | undefined, shows: (record: CaseRecord) => boolean): Promise<boolean> {
  if (ref === undefined) return false;
  const store = await openStore({ kind: 'sqlite', path: sqlitePath });
  try {
    const found = await store.getCase(ref);
    return found !== undefined && shows(found.value);
  } finally {
    await store.close();
  }
}

/** Whether a case was stored for the draft (the bot stopped). */
async function draftHasCase(draftId: string): Promise<boolean> {
  const store = await openStore({ kind: 'sqlite', path: sqlitePath });
  try {
    return (await store.listCasesByStatus(CASE_STATUSES, 10_000)).some((c) => c.submissionKey === draftId);
  } finally {
    await store.close();
  }
}

/** Waits until the outbox has nothing pending: the dispatcher has delivered what the round queued. */
async function outboxDrained(bot: CrashBot): Promise<void> {
  const store = await openStore({ kind: 'sqlite', path: sqlitePath });
  try {
    await waitUntil('the outbox to deliver everything pending', async () => (await store.listOutbox('pending', 10)).length === 0, 20_000, () => bot.child.output());
  } finally {
    await store.close();
  }
}

describe('SIGKILL at a random moment during submit, claim, escalate, vote and decide', () => {
  it('leaves every step whole or not at all: the retry gives one result, and no notification is lost or repeated unlabelled', async () => {
    process.stdout.write(`sigkill crash test: seed ${SEED}, ${ROUNDS} rounds (CRASH_SEED=${SEED} CRASH_ROUNDS=${ROUNDS} to repeat)\n`);
    const random = seededRandom(SEED);
    const journeys: JourneyState[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      let bot = await startBot();
      let journey = journeys.at(-1);
      if (round === 0) await greetStaff(bot);
      if (journey === undefined || journey.done === JOURNEY.length) {
        journey = { draftId: await fillForm(bot), ref: undefined, done: 0 };
        journeys.push(journey);
      }
      const step = JOURNEY[journey.done];
      if (step === undefined) throw new Error('no step');
      const activity = cardClick(connector.url, step.who, step.place, step.verb, step.data({ draftId: journey.draftId, ref: journey.ref ?? '' }));

      const killDelayMs = Math.floor(random() * MAX_KILL_DELAY_MS);
      const firstTry = post(bot, activity).catch(() => undefined);
      // This timer only chooses the moment of the kill (the point of the test); nothing waits on it for timing.
      await new Promise((resolve) => setTimeout(resolve, killDelayMs));
      const ended = await bot.child.kill('SIGKILL');
      expect(ended.signal).toBe('SIGKILL');
      const beforeKill = await firstTry;
      const landed = step.name === 'submit' ? await draftHasCase(journey.draftId) : await caseShows(journey.ref, step.shows);

      bot = await startBot();
      // The retry after the crash, and one more click: each answers the step as done (or, for a step the
      // first try finished, as already done), never as a second escalation or decision.
      const retry = await retryUntilAnswered(bot, activity);
      const again = await retryUntilAnswered(bot, activity);
      const doneOrRepeated = step.repeated ? new RegExp(`${step.answer.source}|${step.repeated.source}`) : step.answer;
      expect(retry.body).toMatch(doneOrRepeated);
      expect(again.body).toMatch(doneOrRepeated);
      const retrySaid = step.repeated?.test(retry.body) === true ? 'already done' : 'done';
      if (step.name === 'submit') {
        const refs = [beforeKill?.body, retry.body, again.body].map((body) => (body === undefined ? undefined : step.answer.exec(body)?.[0])).filter((r) => r !== undefined);
        expect(new Set(refs).size).toBe(1);
        journey.ref = refs[0];
      }
      journey.done += 1;

      await outboxDrained(bot);
      await bot.child.kill('SIGKILL');
      const problems = await invariantProblems(sqlitePath, journeys, connector.calls.filter((c) => !greetingReplies.has(c)));
      if (!(await caseShows(journey.ref, step.shows))) problems.push(`${journey.ref ?? 'the case'} does not show the ${step.name} by ${step.who.name} done`);
      const before = beforeKill === undefined ? 'no answer' : `answered ${beforeKill.status}`;
      process.stdout.write(`round ${round + 1}: ${step.name} by ${step.who.name}, killed after ${killDelayMs} ms (${before} before the kill, ${landed ? 'stored' : 'not stored'} by then; the retry said ${retrySaid})\n`);
      expect({ round: round + 1, step: step.name, killDelayMs, problems }).toEqual({ round: round + 1, step: step.name, killDelayMs, problems: [] });
    }
  }, 60_000 + ROUNDS * 15_000);

  it('loses no notification, and labels the one repeat, when the bot is killed while Teams is receiving it', async () => {
    let bot = await startBot();
    const draftId = await fillForm(bot);
    const release = connector.hold();
    const held = connector.waitForHeld();
    const receipt = await retryUntilAnswered(bot, cardClick(connector.url, SENCO, 'personal', 'intakeSubmit', { draftId }));
    const ref = /FD-\d{4}-\d{5}/.exec(receipt.body)?.[0];
    expect(ref).toBeDefined();
    await held;
    // The duty alert is at Teams' door: kill the bot before it hears Teams' answer, then let Teams take it.
    await bot.child.kill('SIGKILL');
    release();
    bot = await startBot();
    await outboxDrained(bot);
    await bot.child.kill('SIGKILL');

    const alerts = connector.calls.filter((c) => c.operation === 'create' && c.status === 200 && JSON.stringify(c.activity).includes(`New request ${ref ?? '?'}`));
    process.stdout.write(`killed mid-send: the duty alert for ${ref ?? '?'} was posted ${alerts.length} time(s)\n`);
    // Teams took the alert but the bot died before it heard so. Teams cannot be asked whether a message
    // arrived, so the next process sends it again (never lost), saying it may be a repeat.
    expect(alerts.map((a) => a.activity.text)).toEqual([undefined, MAY_REPEAT_NOTE]);
    expect(await invariantProblems(sqlitePath, [{ draftId, ref, done: 1 }], connector.calls.filter((c) => !greetingReplies.has(c)))).toEqual([]);
  }, 60_000);
});
