import { LOCAL_TENANT_ID } from '../../src/config';
import { useE2eHarness } from './support/e2e-harness';
import { clickInPersonalChat, storedServiceUrl, type TeamsPerson } from './support/teams-invoke';

/** Someone not in data/: the Playground cannot be them, so their clicks are sent over HTTP as Teams would. */
const ROBIN: TeamsPerson = { id: '29:local-robin-stranger', name: 'Robin Stranger', aadObjectId: '00000000-0000-0000-0000-0000000009ff' };
/** The Playground's user, Alex Morgan: a front-door admin among every other role (data/people.yaml). */
const ALEX_KEY = `${LOCAL_TENANT_ID}:00000000-0000-0000-0000-000000000100`.toLowerCase();

describe("the front-door admin's inbox in the local Teams client", () => {
  const harness = useE2eHarness();

  it('tells the admin someone asked for access, approves them for a school, and takes access away again', async () => {
    const page = await harness().openPage();
    await page.sendMessage('hello');
    await page.waitForCardText('Welcome to the SEND Front Door');
    const serviceUrl = await storedServiceUrl(harness().bot, ALEX_KEY);

    const asked = await clickInPersonalChat(harness().bot, serviceUrl, ROBIN, 'requestAccess', { settingName: 'Hartwell Academy', jobRole: 'Teaching assistant' });
    expect(asked.status).toBe(200);
    expect(asked.body).toContain('we have asked for access for you');

    // The outbox tells Alex in the chat, unprompted.
    await page.waitForCardText('Someone has asked for access');
    await page.clickCardButton('Open access requests');
    await page.waitForCardText('1 person is waiting for access');
    await page.chooseCardOption('Their school or setting (to approve)', 'Hartwell Academy (900005)');
    await page.clickCardButton('Approve');
    await page.waitForCardText('Robin Stranger can now use the bot as staff of Hartwell Academy');
    expect((await clickInPersonalChat(harness().bot, serviceUrl, ROBIN, 'showMenu', {})).body).toContain('Request support');

    await page.clickCardButton('People given access');
    await page.waitForCardText('1 person has been given access through a request');
    await page.clickCardButton('Remove access');
    await page.waitForCardText("Remove Robin Stranger's access?");
    await page.clickCardButton('Yes, remove access');
    await page.waitForCardText('Robin Stranger no longer has access');
    const menu = (await clickInPersonalChat(harness().bot, serviceUrl, ROBIN, 'showMenu', {})).body;
    expect(menu).toContain('Request access');
    expect(menu).not.toContain('Request support');
  });
});
