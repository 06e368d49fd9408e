import { copyFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { openStore } from '../../src/store/open-store';
import { LOCAL_TENANT_ID } from '../../src/config';
import type { Store } from '../../src/ports/store';
import { keyOf, startBotHarness, type BotHarness, type PersonName } from '../support/bot-harness';
import { FORM_STEPS, VALID_STEP_INPUTS } from '../support/intake-answers';
import { makeTempDir } from '../support/temp-dir';

/** The cases every fuzz run starts with, by what state they are in. */
export const WORLD_CASES = {
  submitted: 'FD-2026-00001',
  claimed: 'FD-2026-00002',
  panel: 'FD-2026-00003',
  awaiting: 'FD-2026-00004',
} as const;
export type WorldCase = keyof typeof WORLD_CASES;

/** A pending access request in the world, from someone who is none of the harness's people (approving it changes nobody's rights). */
export const WORLD_ACCESS_KEY = `${LOCAL_TENANT_ID}:00000000-0000-0000-0000-0000000009aa`.toLowerCase();
/** A dead-lettered notification in the world, for "Try again". */
export const WORLD_DEAD_LETTER = 'world-dead-letter';

/** The reference the next submitted request would get: a case no one may create but a draft's owner. */
export const NEXT_REF = 'FD-2026-00005';

/** A saved store with the world in it, copied afresh for each run so every run starts the same. */
export interface FuzzWorld {
  /** Priya's complete draft (at the review step) and Tom's half-filled one. */
  drafts: { priya: string; tom: string };
  /** A fresh copy of the world, on the real bot, with ids that cannot clash with the world's. */
  open(): Promise<{ bot: BotHarness; close(): Promise<void> }>;
  remove(): Promise<void>;
}

/** Builds the world through the bot, as people would: four of Priya's requests in four states and two drafts. */
export async function buildFuzzWorld(): Promise<FuzzWorld> {
  const dir = await makeTempDir('frontdoor-fuzz-');
  const template = join(dir.path, 'world.db');
  const store = await openStore({ kind: 'sqlite', path: template });
  let n = 0;
  const bot = await startBotHarness({ store, ids: { next: () => `world-${++n}` } });

  const fillDraft = async (who: PersonName, steps: readonly (typeof FORM_STEPS)[number][]): Promise<string> => {
    const first = JSON.stringify(await bot.execute(who, 'intakeStart', { channel: 'teams' }));
    const draftId = /"draftId":"([^"]+)"/.exec(first)?.[1];
    if (draftId === undefined) throw new Error(`no draft started for ${who}`);
    for (const step of steps) await bot.execute(who, 'intakeNext', { draftId, step, ...VALID_STEP_INPUTS[step] });
    return draftId;
  };
  const submit = async (): Promise<void> => {
    await bot.execute('priya', 'intakeSubmit', { draftId: await fillDraft('priya', FORM_STEPS) });
  };

  for (let i = 0; i < 4; i += 1) await submit();
  await bot.executeInChannel('sam', 'claimCase', { ref: WORLD_CASES.claimed });
  await bot.executeInChannel('sam', 'claimCase', { ref: WORLD_CASES.panel });
  await bot.execute('sam', 'triageEscalate', { ref: WORLD_CASES.panel, summary: 'Needs several services.', proposedPackage: 'EP assessment and SALT.' });
  for (const who of ['jo', 'chris', 'maya'] as const) await bot.executeInPanel(who, 'panelVote', { ref: WORLD_CASES.panel, choice: 'support', voteComment: '' });
  await bot.executeInChannel('sam', 'claimCase', { ref: WORLD_CASES.awaiting });
  await bot.execute('sam', 'triageAsk', { ref: WORLD_CASES.awaiting, message: 'What happens at lunchtime?' });
  const drafts = { priya: await fillDraft('priya', FORM_STEPS), tom: await fillDraft('tom', ['requester', 'pupil']) };
  await addAdminInbox(store);

  const expected = { submitted: 'submitted', claimed: 'claimed', panel: 'panel', awaiting: 'awaiting-school' } as const;
  for (const [name, ref] of Object.entries(WORLD_CASES) as Array<[WorldCase, string]>) {
    const status = (await store.getCase(ref))?.value.status;
    if (status !== expected[name]) throw new Error(`world case ${ref} is ${String(status)}, not ${expected[name]}`);
  }
  await store.close();

  let runs = 0;
  return {
    drafts,
    open: async () => {
      runs += 1;
      const path = join(dir.path, `run-${runs}.db`);
      await copyFile(template, path);
      const runStore = await openStore({ kind: 'sqlite', path });
      let m = 0;
      const runBot = await startBotHarness({ store: runStore, ids: { next: () => `run${runs}-${++m}` } });
      return {
        bot: runBot,
        close: async () => {
          await runStore.close();
          await Promise.all(['', '-wal', '-shm'].map((end) => rm(`${path}${end}`, { force: true })));
        },
      };
    },
    remove: () => dir.remove(),
  };
}

/** A pending access request and a dead letter, so the admin verbs have something to act on. */
async function addAdminInbox(store: Store): Promise<void> {
  const at = '2026-12-01T09:00:00.000Z';
  await store.upsertAccessRequest({ userKey: WORLD_ACCESS_KEY, name: 'Pat Newcomer', email: 'pat@hartwell.example.sch.uk', message: 'SENCO at Hartwell', requestedAt: at, status: 'pending' });
  await store.enqueue([
    { id: WORLD_DEAD_LETTER, kind: 'personal-message', target: keyOf('priya'), payload: { card: { type: 'AdaptiveCard' } }, caseRef: WORLD_CASES.submitted, status: 'pending', attempts: 0, nextAttemptAt: at, leaseOwner: null, leaseUntil: null, lastError: null, attemptStartedAt: null, createdAt: at },
  ]);
  const [leased] = await store.leaseDue(at, 'world', '2026-12-01T09:05:00.000Z', 1);
  if (leased?.id !== WORLD_DEAD_LETTER || !(await store.completeAttempt(leased, 'world', { status: 'dead', error: 'http-404:ConversationNotFound' }))) throw new Error('world dead letter not made');
}
