import { LOCAL_TENANT_ID } from '../../src/config';
import { userKey } from '../../src/domain/roles';
import { buttonTitles, cardText, firstCard, PEOPLE, startBotHarness, type BotHarness } from '../support/bot-harness';

let bot: BotHarness;
beforeEach(async () => {
  bot = await startBotHarness();
});
afterEach(async () => {
  await bot.close();
});

describe('welcome and menu', () => {
  it('greets a SENCO on install with what setting staff can do', async () => {
    const card = firstCard(await bot.install('priya'));
    expect(cardText(card)).toContain('Welcome to the SEND Front Door, Priya');
    expect(buttonTitles(card)).toEqual(['Request support', 'My requests', 'Help']);
  });

  it('answers anything a manager says with the manager menu', async () => {
    const card = firstCard(await bot.say('dana', 'hello?'));
    expect(buttonTitles(card)).toEqual(['Status', 'Insights', 'Help']);
  });

  it('gives a duty professional their queue', async () => {
    const card = firstCard(await bot.say('sam', 'hi'));
    expect(buttonTitles(card)).toEqual(['My queue', 'Status', 'Help']);
  });

  it('explains how the front door works on "help", with the phone number and safeguarding route', async () => {
    const text = cardText(firstCard(await bot.say('priya', '  Help ')));
    expect(text).toContain('How the front door works');
    expect(text).toContain('01632 960100');
    expect(text).toMatch(/risk of harm/i);
    expect(text).toContain('"request support"');
    expect(text).not.toContain('"insights"');
  });

  it('opens help from the menu button', async () => {
    expect(cardText(await bot.execute('priya', 'help'))).toContain('How the front door works');
  });

  it('shows an unknown user the phone number and a way to ask for access, never a menu', async () => {
    const card = firstCard(await bot.say('stranger', 'my requests'));
    const text = cardText(card);
    expect(text).toContain('We do not recognise your Teams account');
    expect(buttonTitles(card)).toEqual(['Request access']);
  });

  it('refuses a forged menu action from an unknown user', async () => {
    const card = await bot.execute('stranger', 'myRequests');
    expect(buttonTitles(card)).toEqual(['Request access']);
  });

  it('refuses a forged manager action from a SENCO', async () => {
    expect(cardText(await bot.execute('priya', 'insights'))).toContain('Not available to you');
  });

  it('opens the status look-up from the menu button', async () => {
    expect(cardText(await bot.execute('dana', 'status'))).toContain('Status of a request');
  });

  it('keeps the personal chat reference so the bot can write first later', async () => {
    await bot.say('priya', 'hi');
    const saved = await bot.store.getConversation(userKey({ tenantId: LOCAL_TENANT_ID, aadObjectId: PEOPLE.priya.aadObjectId }));
    expect(saved?.reference).toMatchObject({ conversation: { id: 'a:personal-priya' } });
  });

  it('keeps turn state in the store, not in memory', async () => {
    await bot.say('priya', 'hi');
    const state = await bot.store.readState(['msteams/28:bot/users/29:priya']);
    expect(state['msteams/28:bot/users/29:priya']?.value).toMatchObject({ referenceSaved: true });
  });
});
