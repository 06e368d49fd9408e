import { LOCAL_TENANT_ID } from '../../src/config';
import type { AuditEvent, CaseWriteEffects, OutboxItem, Store } from '../../src/ports/store';
import { openStore } from '../../src/store/open-store';
import { tokenOf } from '../../src/teams/admin-cards';
import { buttonTitles, cardText, firstCard, keyOf, startBotHarness, type BotHarness } from '../support/bot-harness';

const LUCY_KEY = `${LOCAL_TENANT_ID}:00000000-0000-0000-0000-000000000107`.toLowerCase();
const STRANGER = keyOf('stranger');
const TOKEN = tokenOf(STRANGER);

/** The real SQLite store, with every audit event it is given kept for the test to read (access events have no case). */
async function auditedStore(): Promise<{ store: Store; audits: AuditEvent[] }> {
  const real = await openStore({ kind: 'sqlite', path: ':memory:' });
  const audits: AuditEvent[] = [];
  const keep = (effects?: CaseWriteEffects) => audits.push(...(effects?.audit ?? []));
  const store: Store = Object.assign(Object.create(real) as Store, {
    appendAudit: (event: AuditEvent) => (audits.push(event), real.appendAudit(event)),
    decideAccessRequest: async (...args: Parameters<Store['decideAccessRequest']>) => {
      const result = await real.decideAccessRequest(...args);
      if (result.decided) keep(args[2]);
      return result;
    },
  });
  return { store, audits };
}

let bot: BotHarness;
let store: Store;
let audits: AuditEvent[];
beforeEach(async () => {
  ({ store, audits } = await auditedStore());
  bot = await startBotHarness({ store });
});
afterEach(async () => {
  await store.close();
});

const askForAccess = () => bot.execute('stranger', 'requestAccess', { settingName: 'Hartwell Academy', jobRole: 'Teaching assistant' });
const pendingTo = async (target: string): Promise<OutboxItem[]> => (await bot.store.listOutbox('pending', 100)).filter((i) => i.target === target);

describe('asking for access tells the front-door admins', () => {
  it('queues a personal message to every front-door admin saying who asked and what they said, once', async () => {
    await askForAccess();
    for (const admin of [keyOf('alex'), LUCY_KEY]) {
      const [notice, ...more] = await pendingTo(admin);
      expect(more).toEqual([]);
      const text = cardText(notice?.payload.card);
      expect(text).toContain('Robin Stranger');
      expect(text).toContain('Teaching assistant at Hartwell Academy');
      expect(buttonTitles(notice?.payload.card)).toEqual(['Open access requests']);
    }
    await askForAccess();
    expect(await pendingTo(keyOf('alex'))).toHaveLength(1);
    expect(JSON.stringify(bot.logger.lines)).not.toContain('Robin Stranger');
  });
});

describe('the menu', () => {
  it('offers a front-door admin the access requests and undelivered messages, and setting staff neither', async () => {
    expect(buttonTitles(firstCard(await bot.say('alex', 'hello')))).toEqual(expect.arrayContaining(['Access requests', 'Undelivered messages']));
    const priya = buttonTitles(firstCard(await bot.say('priya', 'hello')));
    expect(priya).not.toContain('Access requests');
    expect(priya).not.toContain('Undelivered messages');
  });
});

describe('the access requests card', () => {
  it('lists who is waiting, with their email, what they said and when, and the settings to choose from', async () => {
    await askForAccess();
    const card = await bot.execute('alex', 'accessRequests');
    const text = cardText(card);
    expect(text).toContain('1 person is waiting for access');
    expect(text).toContain('Robin Stranger');
    expect(text).toContain('Teaching assistant at Hartwell Academy');
    expect(text).toContain('Monday 7 December at 10:00');
    expect(text).toContain('Hartwell Academy (900005)');
    expect(buttonTitles(card)).toEqual(['Approve', 'Refuse', 'Refresh', 'People given access', 'Back to the menu']);
  });

  it('is not shown to anyone but a front-door admin, nor in a channel', async () => {
    await askForAccess();
    expect(cardText(await bot.execute('priya', 'accessRequests'))).toContain('Not available to you');
    expect(cardText(await bot.execute('dana', 'accessRequests'))).not.toContain('Robin Stranger');
    expect(cardText(await bot.executeInChannel('alex', 'accessRequests'))).toContain('only in your personal chat');
  });

  it('names the problem and keeps the answers when Approve is pressed without a setting', async () => {
    await askForAccess();
    const card = await bot.execute('alex', 'approveAccess', { userKey: STRANGER, [`setting_${TOKEN}`]: '', [`reason_${TOKEN}`]: 'typed first' });
    expect(cardText(card)).toContain('Choose the setting they work for');
    expect(JSON.stringify(card)).toContain('"value":"typed first"');
    expect(await bot.store.listAccessRequests('pending')).toHaveLength(1);
    expect(await pendingTo(STRANGER)).toEqual([]);
  });

  it('approves: the person can use the bot at once as staff of the setting, is told so, and it is audited', async () => {
    await askForAccess();
    expect(buttonTitles(firstCard(await bot.say('stranger', 'hello')))).toEqual(['Request access']);
    const card = await bot.execute('alex', 'approveAccess', { userKey: STRANGER, [`setting_${TOKEN}`]: '900005' });
    expect(cardText(card)).toContain('Robin Stranger can now use the bot as staff of Hartwell Academy');
    expect(cardText(card)).toContain('Nobody is waiting for access');

    expect(buttonTitles(firstCard(await bot.say('stranger', 'hello')))).toEqual(['Request support', 'My requests', 'Help']);
    const [told] = await pendingTo(STRANGER);
    expect(cardText(told?.payload.card)).toContain('You now have access');
    expect(cardText(told?.payload.card)).toContain('Hartwell Academy');
    const [approved] = await bot.store.listAccessRequests('approved');
    expect(approved).toMatchObject({ userKey: STRANGER, decision: { byKey: keyOf('alex'), settingId: '900005', reason: null } });
    expect(audits.map((a) => [a.action, a.actorKey])).toContainEqual(['access.approved', keyOf('alex')]);
    expect(JSON.stringify(audits)).not.toContain('Robin Stranger');
  });

  it('refuses with a reason: the person is told it and the phone number, stays unknown, and it is audited', async () => {
    await askForAccess();
    const card = await bot.execute('alex', 'refuseAccess', { userKey: STRANGER, [`setting_${TOKEN}`]: '', [`reason_${TOKEN}`]: 'We could not confirm you work at Hartwell.' });
    expect(cardText(card)).toContain('request was refused');
    const [told] = await pendingTo(STRANGER);
    const text = cardText(told?.payload.card);
    expect(text).toContain('not approved');
    expect(text).toContain('We could not confirm you work at Hartwell.');
    expect(text).toContain('01632 960100');
    expect(buttonTitles(firstCard(await bot.say('stranger', 'hello')))).toEqual(['Request access']);
    expect(audits.map((a) => a.action)).toContain('access.refused');
  });

  it('names a reason it cannot accept and changes nothing', async () => {
    await askForAccess();
    const card = await bot.execute('alex', 'refuseAccess', { userKey: STRANGER, [`reason_${TOKEN}`]: 'x'.repeat(501) });
    expect(cardText(card)).toContain('500 characters or fewer');
    expect(await bot.store.listAccessRequests('pending')).toHaveLength(1);
  });

  it('gives one result when two admins decide at once, and tells the other it was already done and by whom', async () => {
    await askForAccess();
    const otherInstance = await startBotHarness({ store });
    const data = { userKey: STRANGER, [`setting_${TOKEN}`]: '900005', [`reason_${TOKEN}`]: 'No' };
    const [a, b] = await Promise.all([bot.execute('alex', 'approveAccess', data), otherInstance.execute('alex', 'refuseAccess', data)]);
    const texts = [cardText(a), cardText(b)];
    expect(texts.filter((t) => t.includes('Nothing was changed'))).toHaveLength(1);
    const second = cardText(await bot.execute('alex', 'approveAccess', data));
    const [decided] = [...(await bot.store.listAccessRequests('approved')), ...(await bot.store.listAccessRequests('refused'))];
    expect(second).toContain(`request was already ${decided?.status} by Alex Morgan`);
    expect(await pendingTo(STRANGER)).toHaveLength(1);
    expect(audits.filter((e) => e.action.startsWith('access.') && e.action !== 'access.requested')).toHaveLength(1);
  });

  it('never trusts the card: setting staff sending Approve change nothing', async () => {
    await askForAccess();
    const card = await bot.execute('priya', 'approveAccess', { userKey: STRANGER, [`setting_${TOKEN}`]: '900001' });
    expect(cardText(card)).toContain('Not available to you');
    expect(await bot.store.listAccessRequests('pending')).toHaveLength(1);
    expect(await pendingTo(STRANGER)).toEqual([]);
  });
});

describe('people given access', () => {
  const approve = () => bot.execute('alex', 'approveAccess', { userKey: STRANGER, [`setting_${TOKEN}`]: '900005' });

  it('lists who was given access, for which setting, when and by whom, with a way to remove it', async () => {
    await askForAccess();
    await approve();
    const card = await bot.execute('alex', 'approvedPeople');
    const text = cardText(card);
    for (const words of ['1 person has been given access', 'Robin Stranger', 'Hartwell Academy', 'Monday 7 December at 10:00 by Alex Morgan']) expect(text).toContain(words);
    expect(buttonTitles(card)).toEqual(['Remove access', 'Access requests', 'Back to the menu']);
    // "Remove access" opens a question first; only its answer removes.
    expect(text).toContain("Remove Robin Stranger's access? They will no longer see Hartwell Academy's requests, and will be told.");
    expect(JSON.stringify(card)).toContain('"title":"Yes, remove access","verb":"removeAccess"');
  });

  it('removes access: the person is unknown to the bot again at once, is told, and it is audited; a second removal changes nothing', async () => {
    await askForAccess();
    await approve();
    expect(buttonTitles(firstCard(await bot.say('stranger', 'hello')))).toContain('Request support');
    const card = await bot.execute('alex', 'removeAccess', { userKey: STRANGER });
    expect(cardText(card)).toContain('Robin Stranger no longer has access');
    expect(cardText(card)).toContain('Nobody has been given access through a request');
    expect(buttonTitles(firstCard(await bot.say('stranger', 'hello')))).toEqual(['Request access']);
    const told = (await pendingTo(STRANGER)).map((i) => cardText(i.payload.card));
    expect(told.at(-1)).toContain('Your access to SEND Front Door has been removed');
    expect(told.at(-1)).toContain('01632 960100');
    expect(audits.map((a) => [a.action, a.actorKey])).toContainEqual(['access.removed', keyOf('alex')]);
    expect(cardText(await bot.execute('alex', 'removeAccess', { userKey: STRANGER }))).toContain('Nothing was changed');
    expect(await pendingTo(STRANGER)).toHaveLength(told.length);
  });

  it('never trusts the card: setting staff cannot see the list or remove anyone', async () => {
    await askForAccess();
    await approve();
    expect(cardText(await bot.execute('priya', 'approvedPeople'))).toContain('Not available to you');
    expect(cardText(await bot.execute('priya', 'removeAccess', { userKey: STRANGER }))).toContain('Not available to you');
    expect(await bot.store.listAccessRequests('approved')).toHaveLength(1);
  });
});

describe('the undelivered messages card', () => {
  const at = '2026-12-07T09:00:00.000Z';
  async function deadLetter(overrides: Partial<OutboxItem>, error: string): Promise<void> {
    const item: OutboxItem = {
      id: 'dead-1', kind: 'personal-message', target: keyOf('priya'), payload: { card: { type: 'AdaptiveCard', body: [{ type: 'TextBlock', text: 'Pupil J.S. details' }] } },
      caseRef: 'FD-2026-00001', status: 'pending', attempts: 0, nextAttemptAt: at, leaseOwner: null, leaseUntil: null, lastError: null, attemptStartedAt: null, createdAt: at, ...overrides,
    };
    await bot.store.enqueue([item]);
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      await bot.store.leaseDue(at, 'test', '2026-12-07T09:05:00.000Z', 1, { skipTargets: [] });
      await bot.store.completeAttempt(item, 'test', attempt < 3 ? { status: 'pending', nextAttemptAt: at, error } : { status: 'dead', error });
    }
  }

  it('says in plain words what failed, for which request, to whom, how often and why, never what it said', async () => {
    await deadLetter({}, 'http-404:ConversationNotFound');
    const card = await bot.execute('alex', 'deadLetters');
    const text = cardText(card);
    for (const words of ['Personal message', 'FD-2026-00001', 'Priya Shah', '3 tries', 'this person has not opened a chat with the bot yet']) expect(text).toContain(words);
    expect(JSON.stringify(card)).not.toContain('J.S.');
    expect(buttonTitles(card)).toEqual(['Try again', 'Refresh', 'Back to the menu']);
  });

  it('names the Duty channel for a channel post', async () => {
    await deadLetter({ id: 'dead-2', kind: 'channel-post', target: '19:front-door-duty@thread.tacv2' }, 'http-403:BotNotInConversationRoster');
    const text = cardText(await bot.execute('alex', 'deadLetters'));
    expect(text).toContain('the Duty channel');
    expect(text).toContain('Teams refused it');
  });

  it('puts a message back in the queue on "Try again", audited, and says so once', async () => {
    await deadLetter({}, 'http-404:ConversationNotFound');
    const card = await bot.execute('alex', 'retryDeadLetter', { id: 'dead-1' });
    expect(cardText(card)).toContain('It will be sent again within a minute');
    expect(cardText(card)).toContain('Every message has been delivered');
    const [queued] = await pendingTo(keyOf('priya'));
    expect(queued).toMatchObject({ id: 'dead-1', attempts: 0 });
    expect((await bot.store.listAudit('FD-2026-00001')).map((e) => [e.action, e.actorKey])).toEqual([['outbox.retried', keyOf('alex')]]);
    expect(cardText(await bot.execute('alex', 'retryDeadLetter', { id: 'dead-1' }))).toContain('no longer waiting');
  });

  it('is for front-door admins and administrators only: others can neither see nor retry', async () => {
    await deadLetter({}, 'http-404:ConversationNotFound');
    for (const who of ['priya', 'dana', 'sam'] as const) {
      expect(cardText(await bot.execute(who, 'deadLetters'))).toContain('Not available to you');
      await bot.execute(who, 'retryDeadLetter', { id: 'dead-1' });
    }
    expect((await bot.store.listOutbox('dead', 10)).map((i) => i.id)).toEqual(['dead-1']);
  });
});
