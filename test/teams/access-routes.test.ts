import { buttonTitles, cardText, keyOf, startBotHarness, type BotHarness } from '../support/bot-harness';

let bot: BotHarness;
beforeEach(async () => {
  bot = await startBotHarness();
});
afterEach(async () => {
  await bot.close();
});

describe('request access', () => {
  it('records an unknown user’s request and thanks them', async () => {
    const card = await bot.execute('stranger', 'requestAccess', { settingName: 'Oakfield Primary School', jobRole: 'SENCO' });
    expect(cardText(card)).toContain('we have asked for access');
    const pending = await bot.store.listAccessRequests('pending');
    expect(pending).toEqual([expect.objectContaining({ name: 'Robin Stranger', message: 'SENCO at Oakfield Primary School' })]);
  });

  it('asking twice keeps one request and says it is already with us', async () => {
    await bot.close();
    let tick = Date.parse('2026-12-07T10:00:00Z');
    bot = await startBotHarness({ clock: { now: () => new Date((tick += 1000)) } });
    await bot.execute('stranger', 'requestAccess', { settingName: 'Oakfield', jobRole: 'SENCO' });
    const card = await bot.execute('stranger', 'requestAccess', { settingName: 'Oakfield', jobRole: 'SENCO' });
    expect(cardText(card)).toContain('already with us');
    expect(await bot.store.listAccessRequests('pending')).toHaveLength(1);
  });

  it.each([
    [{ settingName: 'Oakfield', jobRole: '   ' }, 'Enter your role'],
    [{ settingName: 'x'.repeat(121), jobRole: 'SENCO' }, '120 characters or fewer'],
    [{ settingName: 'Oak\u0007field', jobRole: 'SENCO' }, 'control characters'],
    [{ jobRole: 'SENCO' }, 'Enter your school or setting'],
    [{ settingName: ['a'], jobRole: 'SENCO' }, 'Enter your school or setting'],
  ])('re-renders the card with the problem named and the answers kept: %j', async (data, problem) => {
    const card = await bot.execute('stranger', 'requestAccess', data);
    const text = cardText(card);
    expect(text).toContain(problem);
    expect(buttonTitles(card)).toEqual(['Request access']);
    if (data.jobRole === 'SENCO') expect(JSON.stringify(card)).toContain('"value":"SENCO"');
    expect(await bot.store.listAccessRequests('pending')).toEqual([]);
  });

  it('says an approved person already has access, even before this instance has seen the approval, and keeps the approval', async () => {
    await bot.say('stranger', 'hello'); // this instance's directory now knows them as unknown for up to 30 seconds
    await bot.execute('stranger', 'requestAccess', { settingName: 'Oakfield', jobRole: 'SENCO' });
    const decision = { byKey: keyOf('alex'), at: '2026-12-07T10:00:00.000Z', settingId: '900001', reason: null };
    await bot.store.decideAccessRequest(keyOf('stranger'), { status: 'approved', decision }); // as another instance would
    const card = await bot.execute('stranger', 'requestAccess', { settingName: 'Oakfield', jobRole: 'SENCO' });
    expect(cardText(card)).toContain('You already have access');
    expect(await bot.store.listAccessRequests('approved')).toEqual([expect.objectContaining({ decision })]);
    expect(await bot.store.listAccessRequests('pending')).toEqual([]);
  });

  it('does not record a request from someone who already has access', async () => {
    const card = await bot.execute('priya', 'requestAccess', { settingName: 'Oakfield', jobRole: 'SENCO' });
    expect(cardText(card)).toContain('You already have access');
    expect(await bot.store.listAccessRequests('pending')).toEqual([]);
  });
});
