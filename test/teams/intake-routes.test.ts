import { openStore } from '../../src/store/open-store';
import { buttonTitles, cardText, firstCard, startBotHarness, type BotHarness, type PersonName } from '../support/bot-harness';
import { FORM_STEPS, VALID_STEP_INPUTS } from '../support/intake-answers';

let bot: BotHarness;
beforeEach(async () => {
  bot = await startBotHarness();
});
afterEach(async () => {
  await bot.close();
});

/** The draft id and step a form card's Next (or Send) button carries. */
function formState(card: Record<string, unknown>): { draftId: string; step: string } {
  const found: Array<{ draftId: string; step?: string }> = [];
  JSON.stringify(card, (key, value: unknown) => {
    const action = value as { verb?: string; data?: { draftId?: string; step?: string } };
    if (action && (action.verb === 'intakeNext' || action.verb === 'intakeSubmit') && action.data?.draftId) found.push({ draftId: action.data.draftId, step: action.data.step });
    return value;
  });
  const [first] = found;
  if (!first) throw new Error(`not a form card: ${cardText(card)}`);
  return { draftId: first.draftId, step: first.step ?? 'review' };
}

async function fillTo(who: PersonName, lastStep: (typeof FORM_STEPS)[number], first?: Record<string, unknown>): Promise<{ draftId: string; card: Record<string, unknown> }> {
  let card = first ?? (await bot.execute(who, 'requestSupport'));
  const { draftId } = formState(card);
  for (const step of FORM_STEPS) {
    card = await bot.execute(who, 'intakeNext', { draftId, step, ...VALID_STEP_INPUTS[step] });
    if (step === lastStep) break;
  }
  return { draftId, card };
}

describe('the request form', () => {
  it('walks a SENCO from the first step to the receipt, with progress on every card', async () => {
    const first = await bot.execute('priya', 'requestSupport');
    expect(cardText(first)).toContain('Step 1 of 7: About you');
    expect(cardText(first)).toContain('School or setting: Oakfield Primary School');
    expect(JSON.stringify(first)).toContain('"value":"Priya Shah"');
    expect(buttonTitles(first)).toEqual(['Next', 'Save and finish later', 'Cancel']);

    const { draftId, card: review } = await fillTo('priya', 'consent', first);
    expect(cardText(review)).toContain('Step 7 of 7: Check and send');
    expect(cardText(review)).toContain('Speech, language and communication needs (SLCN)');
    expect(buttonTitles(review)).toContain('Send request');

    const receipt = await bot.execute('priya', 'intakeSubmit', { draftId });
    const text = cardText(receipt);
    expect(text).toContain('Request sent');
    expect(text).toContain('FD-2026-00001');
    expect(text).toContain('We will reply by Wednesday 9 December');
    const stored = await bot.store.getCase('FD-2026-00001');
    expect(stored?.value).toMatchObject({ status: 'submitted', settingId: '900001', channel: 'teams', primaryNeed: 'SLCN', firstResponseDue: '2026-12-09', phase: 'primary' });
    const outbox = await bot.store.listOutbox('pending', 10);
    expect(outbox).toEqual([expect.objectContaining({ kind: 'channel-post', target: '19:front-door-duty@thread.tacv2', caseRef: 'FD-2026-00001' })]);
    expect(JSON.stringify(outbox)).not.toContain('J.S.');
  });

  it('names each problem beside its field and keeps everything typed', async () => {
    const first = await bot.execute('priya', 'requestSupport');
    const { draftId } = formState(first);
    await bot.execute('priya', 'intakeNext', { draftId, step: 'requester', ...VALID_STEP_INPUTS.requester });
    const card = await bot.execute('priya', 'intakeNext', { draftId, step: 'pupil', initials: 'Jonathan Smith', yearGroup: 'Y3', dateOfBirth: '13/2018', senStatus: 'sen-support' });
    const text = cardText(card);
    expect(text).toContain('Step 2 of 7');
    expect(text).toMatch(/There are 2 problems/);
    expect(JSON.stringify(card)).toContain('"value":"Jonathan Smith"');
    expect(JSON.stringify(card)).toContain('"value":"13/2018"');
    expect(await bot.store.listCasesBySetting('900001', { offset: 0, limit: 10 })).toMatchObject({ total: 0 });
  });

  it('goes Back without checking, keeping what was typed on both steps', async () => {
    const { draftId } = await fillTo('priya', 'requester');
    const back = await bot.execute('priya', 'intakeBack', { draftId, step: 'pupil', initials: 'AB' });
    expect(cardText(back)).toContain('Step 1 of 7');
    const again = await bot.execute('priya', 'intakeNext', { draftId, step: 'requester', ...VALID_STEP_INPUTS.requester });
    expect(JSON.stringify(again)).toContain('"value":"AB"');
  });

  it('saves for later and offers to continue from the same step when the SENCO comes back', async () => {
    const store = await openStore({ kind: 'sqlite', path: ':memory:' });
    await bot.close();
    bot = await startBotHarness({ store });
    const { draftId } = await fillTo('priya', 'pupil');
    const saved = await bot.execute('priya', 'intakeSave', { draftId, step: 'need', primaryNeed: 'ASD' });
    expect(cardText(saved)).toContain('Your answers are saved');

    await bot.close();
    bot = await startBotHarness({ store }); // a restart: same database, new application and turn state
    const start = await bot.execute('priya', 'requestSupport');
    expect(cardText(start)).toContain('Unfinished requests');
    expect(cardText(start)).toContain('Pupil J.S. · Step 3 of 7: Area of need');
    const resumed = await bot.execute('priya', 'intakeResume', { draftId });
    expect(cardText(resumed)).toContain('Step 3 of 7');
    expect(JSON.stringify(resumed)).toContain('"value":"ASD"');
    await store.close();
  });

  it('shows the safeguarding contact at once when a child may be at risk, and keeps the draft', async () => {
    const { draftId } = await fillTo('priya', 'help');
    const card = await bot.execute('priya', 'intakeNext', { draftId, step: 'consent', childAtRisk: 'true', parentalConsent: 'false', urgency: '' });
    expect(cardText(card)).toContain('contact the safeguarding team now');
    expect(cardText(card)).toContain('The front door is not the route');
    expect(await bot.store.getDraft(draftId)).toBeDefined();
    expect(cardText(await bot.execute('priya', 'intakeResume', { draftId }))).toContain('Step 6 of 7');
  });

  it('refuses to send without parental consent, saying why', async () => {
    const { draftId } = await fillTo('priya', 'help');
    const card = await bot.execute('priya', 'intakeNext', { draftId, step: 'consent', childAtRisk: 'false', parentalConsent: 'false', urgency: 'soon' });
    expect(cardText(card)).toContain('Parents or carers must agree');
  });

  it('makes one case from a submit delivered twice, and answers both with the same receipt', async () => {
    const { draftId } = await fillTo('priya', 'consent');
    const first = await bot.execute('priya', 'intakeSubmit', { draftId });
    const retried = await bot.execute('priya', 'intakeSubmit', { draftId });
    for (const card of [first, retried]) expect(cardText(card)).toContain('FD-2026-00001');
    expect((await bot.store.listCasesBySetting('900001', { offset: 0, limit: 10 })).total).toBe(1);
    expect(await bot.store.listOutbox('pending', 10)).toHaveLength(1);
  });

  it('gives the next request the next reference', async () => {
    const first = await fillTo('priya', 'consent');
    await bot.execute('priya', 'intakeSubmit', { draftId: first.draftId });
    const second = await fillTo('priya', 'consent');
    expect(cardText(await bot.execute('priya', 'intakeSubmit', { draftId: second.draftId }))).toContain('FD-2026-00002');
  });

  it('refuses another user’s draft, a made-up draft and a stale step, changing nothing', async () => {
    const { draftId } = await fillTo('priya', 'consent');
    expect(cardText(await bot.execute('alex', 'intakeSubmit', { draftId }))).toContain('We could not find that request');
    expect(cardText(await bot.execute('alex', 'intakeNext', { draftId, step: 'pupil', initials: 'ZZ' }))).toContain('We could not find that request');
    expect(cardText(await bot.execute('priya', 'intakeNext', { draftId: 'no-such-draft', step: 'pupil' }))).toContain('We could not find that request');
    expect(cardText(await bot.execute('priya', 'intakeNext', { draftId, step: 'launch-missiles' }))).toContain('That button is out of date');
    expect(cardText(await bot.execute('stranger', 'intakeSubmit', { draftId }))).toContain('We do not recognise your Teams account');
    expect((await bot.store.getDraft(draftId))?.value.answers.initials).toBe('J.S.');
    expect((await bot.store.listCasesBySetting('900001', { offset: 0, limit: 10 })).total).toBe(0);
  });

  it('keeps a SENCO to their own setting whatever the card sends', async () => {
    const first = await bot.execute('priya', 'requestSupport');
    const { draftId } = formState(first);
    await bot.execute('priya', 'intakeNext', { draftId, step: 'requester', ...VALID_STEP_INPUTS.requester, settingId: '900002' });
    expect((await bot.store.getDraft(draftId))?.value.answers.settingId).toBe('900001');
  });

  it('refuses a request from someone whose role does not make requests', async () => {
    expect(cardText(await bot.execute('dana', 'requestSupport'))).toContain('Not available to you');
    expect(cardText(await bot.execute('dana', 'intakeStart', { channel: 'phone' }))).toContain('Not available to you');
  });

  it('lets a front-door admin log a phone request for any setting, recorded as a phone request', async () => {
    const start = await bot.execute('alex', 'requestSupport');
    expect(buttonTitles(start)).toEqual(['Start a new request', 'Log a phone request', 'Log an email request', 'Back to the menu']);
    const first = await bot.execute('alex', 'intakeStart', { channel: 'phone' });
    expect(JSON.stringify(first)).toContain('Oakfield Primary School (900001)');
    const { draftId } = formState(first);
    await bot.execute('alex', 'intakeNext', { draftId, step: 'requester', ...VALID_STEP_INPUTS.requester, settingId: '900003' });
    for (const step of FORM_STEPS.slice(1)) await bot.execute('alex', 'intakeNext', { draftId, step, ...VALID_STEP_INPUTS[step] });
    await bot.execute('alex', 'intakeSubmit', { draftId });
    const [stored] = (await bot.store.listCasesBySetting('900003', { offset: 0, limit: 10 })).items;
    expect(stored).toMatchObject({ channel: 'phone', settingId: '900003' });
  });

  it('asks before discarding, and discards only when confirmed', async () => {
    const { draftId } = await fillTo('priya', 'requester');
    const confirm = await bot.execute('priya', 'intakeCancel', { draftId, step: 'pupil' });
    expect(buttonTitles(confirm)).toEqual(['Yes, discard it', 'Keep it']);
    expect(await bot.store.getDraft(draftId)).toBeDefined();
    expect(cardText(await bot.execute('priya', 'intakeDiscard', { draftId }))).toContain('Request discarded');
    expect(await bot.store.getDraft(draftId)).toBeUndefined();
  });

  it('starts the form when a SENCO types "request support"', async () => {
    expect(cardText(firstCard(await bot.say('priya', 'Request support')))).toContain('Step 1 of 7');
  });
});

describe('coming back later', () => {
  it('offers to continue the latest unfinished request whenever the SENCO says anything', async () => {
    const { draftId } = await fillTo('priya', 'pupil');
    const menu = firstCard(await bot.say('priya', 'hello'));
    expect(cardText(menu)).toContain('You have an unfinished request: Pupil J.S. · Step 3 of 7: Area of need');
    expect(JSON.stringify(menu)).toContain(`"draftId":"${draftId}"`);
    expect(buttonTitles(menu)).toContain('Continue my request');
  });

  it('does not offer a request that has been sent', async () => {
    const { draftId } = await fillTo('priya', 'consent');
    await bot.execute('priya', 'intakeSubmit', { draftId });
    expect(buttonTitles(firstCard(await bot.say('priya', 'hello')))).not.toContain('Continue my request');
  });
});
