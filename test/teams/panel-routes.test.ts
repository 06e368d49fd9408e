import { buttonTitles, cardText, keyOf, sendRequest, startBotHarness, type BotHarness, type PersonName } from '../support/bot-harness';

const PANEL_CHANNEL = '19:isend-team@thread.tacv2';
const REF = 'FD-2026-00001';

let bot: BotHarness;
beforeEach(async () => {
  bot = await startBotHarness();
});
afterEach(async () => {
  await bot.close();
});


/** A request submitted by Priya, claimed by Sam and escalated to the panel. */
async function atPanel(): Promise<string> {
  await sendRequest(bot);
  await bot.executeInChannel('sam', 'claimCase', { ref: REF });
  await bot.execute('sam', 'triageEscalate', { ref: REF, summary: 'Needs several services.', proposedPackage: 'EP assessment and SALT.' });
  return REF;
}

const vote = (who: PersonName, choice: string, voteComment = '') => bot.executeInPanel(who, 'panelVote', { ref: REF, choice, voteComment });

async function withQuorum(): Promise<void> {
  await atPanel();
  await vote('jo', 'support');
  await vote('chris', 'support-with-changes', 'Add a review at six weeks.');
  await vote('maya', 'support');
}

const AGREED = { ref: REF, outcome: 'agreed', service1: 'educational-psychology', action1: 'Assessment in school', lead1: 'Chris Evans', schoolWords: 'An educational psychologist will visit in January.' };

async function outboxTo(target: string) {
  return (await bot.store.listOutbox('pending', 200)).filter((i) => i.target === target);
}

/** Runs a refused action and checks the stored case did not change at all. */
async function unchangedBy(action: () => Promise<Record<string, unknown>>): Promise<string> {
  const before = await bot.store.getCase(REF);
  const text = cardText(await action());
  expect(await bot.store.getCase(REF)).toEqual(before);
  return text;
}

describe('the Panel channel card', () => {
  it('is posted on escalation with the vote buttons and no pupil details', async () => {
    await atPanel();
    const [post] = await outboxTo(PANEL_CHANNEL);
    expect(post?.payload).toMatchObject({ alertKey: `panel:${REF}` });
    expect(buttonTitles(post?.payload.card)).toEqual(expect.arrayContaining(['Support', 'Support with changes', 'Do not support', 'Open the full request (privately)']));
    const text = cardText(post?.payload.card);
    expect(text).toContain('Needs several services.');
    expect(text).toContain('0 votes of the 3 needed');
    for (const secret of ['J.S.', '05/2018', 'spoken instructions', 'priya.shah']) expect(JSON.stringify(post?.payload)).not.toContain(secret);
  });

  it('counts one vote per member, shows who voted what, and updates the card for everyone', async () => {
    await atPanel();
    const card = await vote('chris', 'do-not-support', 'One service is enough.');
    expect(cardText(card)).toContain('Support 0 · Support with changes 0 · Do not support 1');
    expect(cardText(card)).toContain('Do not support: One service is enough.');
    const changed = cardText(await vote('chris', 'support'));
    expect(changed).toContain('Support 1 · Support with changes 0 · Do not support 0');
    expect((await bot.store.getCase(REF))?.value.panel.votes).toEqual([expect.objectContaining({ byKey: keyOf('chris'), choice: 'support', comment: '' })]);
    const updates = (await outboxTo(`panel:${REF}`)).map((i) => cardText(i.payload.card));
    expect(updates).toHaveLength(2);
    expect(updates.filter((text) => text.includes('Chris Evans') && text.includes('Support 1 · Support with changes 0') && text.includes('1 vote of the 3 needed'))).toHaveLength(1);
  });

  it('sends the full request privately to a member who opens it, and records the view', async () => {
    await atPanel();
    expect(cardText(await bot.executeInPanel('chris', 'panelOpenCase', { ref: REF }))).toContain('The full request is in Chris Evans');
    expect(JSON.stringify(await outboxTo(keyOf('chris')))).toContain('JS, Y3, born 2018-05');
    expect(await bot.store.listAudit(REF)).toContainEqual(expect.objectContaining({ action: 'case.viewed', actorKey: keyOf('chris') }));
    expect(await unchangedBy(() => bot.executeInPanel('sam', 'panelOpenCase', { ref: REF }))).toContain('Only panel members');
    expect(await outboxTo(keyOf('sam'))).toHaveLength(1);
  });
});

describe('refusals leave the case unchanged, with a clear message', () => {
  it('refuses a vote from someone who is not on the panel', async () => {
    await atPanel();
    const text = await unchangedBy(() => vote('sam', 'support'));
    expect(text).toContain('Only panel members can vote');
    expect(text).toContain('Complex case FD-2026-00001');
  });

  it('refuses "support with changes" and "do not support" without their comment', async () => {
    await atPanel();
    expect(await unchangedBy(() => vote('chris', 'support-with-changes', '   '))).toContain('Say which changes you want');
    expect(await unchangedBy(() => vote('chris', 'do-not-support'))).toContain('Give your reason');
  });

  it('refuses a decision before quorum, and from anyone but the chair', async () => {
    await atPanel();
    await vote('jo', 'support');
    await vote('chris', 'support');
    expect(await unchangedBy(() => bot.executeInPanel('jo', 'panelDecide', AGREED))).toContain('has not reached quorum');
    await vote('maya', 'support');
    expect(await unchangedBy(() => bot.executeInPanel('chris', 'panelDecide', AGREED))).toContain('Only the panel chair');
  });

  it('refuses a package naming a service not in the catalogue, or with no words for the school, keeping what was typed', async () => {
    await withQuorum();
    const bad = await bot.executeInPanel('jo', 'panelDecide', { ...AGREED, service1: 'no-such-service' });
    expect(cardText(bad)).toContain('Choose each service from the catalogue');
    expect(JSON.stringify(bad)).toContain('Assessment in school');
    expect(await unchangedBy(() => bot.executeInPanel('jo', 'panelDecide', { ...AGREED, schoolWords: ' ' }))).toContain('Write what the school will read');
    expect(await unchangedBy(() => bot.executeInPanel('jo', 'panelDecide', { ...AGREED, service1: '', action1: '', lead1: '' }))).toContain('Add at least one service');
    expect((await bot.store.getCase(REF))?.value.status).toBe('panel');
  });

  it('refuses a second decision and a vote after the decision', async () => {
    await withQuorum();
    await bot.executeInPanel('jo', 'panelDecide', AGREED);
    expect(await unchangedBy(() => bot.executeInPanel('jo', 'panelDecide', { ...AGREED, outcome: 'not-agreed', schoolWords: 'Other advice.' }))).toContain('already decided');
    expect(await unchangedBy(() => vote('owen', 'do-not-support', 'Too late?'))).toContain('already decided');
  });
});

describe('the chair’s decision', () => {
  it('locks the card, moves the case to decided, tells the Duty thread and the school, and keeps the figures', async () => {
    await withQuorum();
    const card = await bot.executeInPanel('jo', 'panelDecide', AGREED);
    expect(cardText(card)).toContain('Package agreed: recorded by Jo Okafor');
    expect(buttonTitles(card)).not.toContain('Support');
    expect(buttonTitles(card)).not.toContain('Record the decision');
    const stored = (await bot.store.getCase(REF))?.value;
    expect(stored?.status).toBe('decided');
    expect(stored?.panel.decision?.measures).toMatchObject({ outcome: 'agreed', services: ['educational-psychology'], workingDaysToDecision: 0, withinSetTime: true, votes: { support: 2, supportWithChanges: 1, doNotSupport: 0 } });
    const [reply] = await outboxTo(`alert:${REF}`).then((items) => items.filter((i) => i.kind === 'thread-reply'));
    expect(reply?.payload.text).toContain('package agreed with Educational Psychology Service');
    const school = JSON.stringify(await outboxTo(keyOf('priya')));
    expect(school).toContain('An educational psychologist will visit in January.');
    expect(school).toContain('Assessment in school (lead: Chris Evans');
    const alerts = (await outboxTo(`alert:${REF}`)).filter((i) => i.kind === 'card-update').map((i) => cardText(i.payload.card));
    expect(alerts.filter((text) => text.includes('Decided by the panel'))).toHaveLength(1);
    const locked = (await outboxTo(`panel:${REF}`)).filter((i) => cardText(i.payload.card).includes('Package agreed'));
    expect(locked).toHaveLength(1);
    expect(buttonTitles(locked[0]?.payload.card)).not.toContain('Support');
  });

  it('records "not agreed" with the alternative advice for the school', async () => {
    await withQuorum();
    await bot.executeInPanel('jo', 'panelDecide', { ref: REF, outcome: 'not-agreed', schoolWords: 'Ask the EP service for a consultation first.' });
    expect((await bot.store.getCase(REF))?.value.panel.decision).toMatchObject({ outcome: 'not-agreed', package: [] });
    expect(JSON.stringify(await outboxTo(keyOf('priya')))).toContain('did not agree a package of support. Their advice:');
  });
});

describe('the agenda', () => {
  it('lists cases waiting for the panel to the chair, and posts the agenda for the chosen date', async () => {
    await atPanel();
    const list = cardText(await bot.execute('jo', 'panelAgenda'));
    expect(list).toContain('1 case waiting for the panel');
    expect(list).toContain(REF);
    expect(cardText(await bot.execute('jo', 'panelSchedule', { refs: REF, meetingDate: '2026-12-04' }))).toContain('Choose a working day from today on');
    expect(cardText(await bot.execute('jo', 'panelSchedule', { refs: '', meetingDate: '2026-12-15' }))).toContain('Choose at least one case');
    const done = cardText(await bot.execute('jo', 'panelSchedule', { refs: REF, meetingDate: '2026-12-15' }));
    expect(done).toContain('Panel meeting on Tuesday 15 December');
    expect((await bot.store.getCase(REF))?.value.panel.meetingDate).toBe('2026-12-15');
    const agenda = (await outboxTo(PANEL_CHANNEL)).find((i) => i.payload.alertKey === 'agenda:2026-12-15');
    expect(cardText(agenda?.payload.card)).toContain(`${REF}** · Oakfield Primary School`);
    const updates = (await outboxTo(`panel:${REF}`)).map((i) => cardText(i.payload.card));
    expect(updates.some((text) => text.includes('On the agenda for the panel meeting on Tuesday 15 December'))).toBe(true);
  });

  it('is for the chair only', async () => {
    await atPanel();
    expect(cardText(await bot.execute('chris', 'panelAgenda'))).toContain('Only the panel chair plans panel meetings');
    expect(cardText(await bot.execute('chris', 'panelSchedule', { refs: REF, meetingDate: '2026-12-15' }))).toContain('Only the panel chair');
    expect((await bot.store.getCase(REF))?.value.panel.meetingDate).toBeNull();
  });

  it('answers "panel agenda" typed in the chat', async () => {
    await atPanel();
    expect(JSON.stringify(await bot.say('jo', 'panel agenda'))).toContain('Plan a panel meeting');
  });
});
