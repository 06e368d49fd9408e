import fs from 'node:fs';
import path from 'node:path';
import { useE2eHarness } from './support/e2e-harness';
import { REPO_ROOT } from './support/repo-paths';

const WELCOME = 'Welcome to the SEND Front Door';
const HELP = 'How the front door works';
const WELCOME_BUTTONS = ['Request support', 'My requests', 'Help'];

describe('SEND Front Door in the local Teams client', () => {
  const harness = useE2eHarness();

  it('answers "help" typed in personal chat with the help card', async () => {
    const page = await harness().openPage();

    await page.sendMessage('help');

    await page.waitForCardText(HELP);
  });

  it('shows the welcome card with its buttons, and its Help button opens the help card', async () => {
    const page = await harness().openPage();

    await page.sendMessage('hello');
    const welcome = await page.waitForCardText(WELCOME);

    for (const title of WELCOME_BUTTONS) {
      await expect(welcome.getByRole('button', { name: title, exact: true }).count()).resolves.toBe(1);
    }
    expect((await page.cardTexts()).join('\n')).not.toContain(HELP);
    if (process.env.UPDATE_SCREENSHOTS === '1') {
      const file = path.join(REPO_ROOT, 'docs', 'screenshots', 'welcome.png');
      fs.mkdirSync(path.dirname(file), { recursive: true });
      await page.screenshot(file);
    }

    await page.clickCardButton('Help');

    await page.waitForCardText(HELP);
  });
});
