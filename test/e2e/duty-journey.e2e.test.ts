import fs from 'node:fs';
import path from 'node:path';
import { useE2eHarness } from './support/e2e-harness';
import { CONVERSATIONS } from './support/playground-page';
import { REPO_ROOT } from './support/repo-paths';
import { oneLine, submitRequest } from './support/submit-request';

const SLCN = 'Communication and interaction: Speech, language and communication needs (SLCN)';
const CONCERN = 'Q finds it very hard to follow spoken instructions and often withdraws at carpet time.';
/** Typed as "Q.Z."; the bot keeps the letters only. */
const INITIALS_TYPED = 'Q.Z.';
const INITIALS_PATTERN = /\bQ\.?\s?Z\b/;
const SERVICES = 'Services (suggested ones first)';
const SUGGESTED = '★ ';
const CLASS_SERVICE = 'Communication, Learning and Autism Support Service';
const NOTE_LABEL = 'For the school: your note, advice or question';
const NOTE = 'A specialist teacher from CLASS will call you this week to arrange an observation.';
const FULL_DETAILS = 'Full details: shown only to you';

describe('the duty journey in the local Teams client', () => {
  const harness = useE2eHarness();

  it('alerts the Duty channel without pupil details, lets a duty professional claim it, see it in full privately and route it, and tells the school', async () => {
    const page = await harness().openPage();
    const ref = await submitRequest(page, { initials: INITIALS_TYPED, primaryNeed: SLCN, concern: CONCERN });

    // The outbox posts the alert into the Duty channel within a few seconds.
    await page.openConversation(CONVERSATIONS.dutyChannel);
    const alertCard = await page.waitForCardText(`New request ${ref}`);
    const alert = oneLine(await alertCard.innerText());
    expect(alert).toContain('Waiting for someone to claim it');
    expect(alert).toContain('Setting Oakfield Primary School');
    expect(alert).toContain('Area of need Speech, language and communication needs (SLCN)');
    expect(alert).toMatch(/On duty now: \S/);
    expect(alert).not.toMatch(INITIALS_PATTERN);
    expect(alert).not.toContain(CONCERN);
    expect(alert).not.toContain('born');
    if (process.env.UPDATE_SCREENSHOTS === '1') {
      const file = path.join(REPO_ROOT, 'docs', 'screenshots', 'duty-alert.png');
      fs.mkdirSync(path.dirname(file), { recursive: true });
      await page.screenshot(file, alertCard);
    }

    await alertCard.getByRole('button', { name: 'Claim', exact: true }).click();
    const claimedCard = await page.waitForCardText('Claimed by Alex Morgan');
    const claimed = oneLine(await claimedCard.innerText());
    expect(claimed).toContain(`New request ${ref}`);
    expect(claimed).toMatch(/Claimed by Alex Morgan at \d{2}:\d{2}/);
    expect(claimed).not.toMatch(INITIALS_PATTERN);
    await expect(claimedCard.getByRole('button', { name: 'Claim', exact: true }).count()).resolves.toBe(0);

    // The full request reaches the claimant privately, through the outbox.
    await page.openConversation(CONVERSATIONS.personalChat);
    const triage = oneLine(await (await page.waitForCardText(FULL_DETAILS)).innerText());
    expect(triage).toContain(`Request ${ref}`);
    expect(triage).toContain('Claimed by Alex Morgan');
    expect(triage).toMatch(/Pupil QZ, Y3/);
    expect(triage).toContain(CONCERN);
    for (const decision of ['Route to the chosen services', 'Give advice and close', 'Ask the school', 'Escalate to panel']) {
      expect(triage).toContain(decision);
    }

    const services = await page.cardOptionTexts(SERVICES);
    const classOption = services.find((s) => s.startsWith(`${SUGGESTED}${CLASS_SERVICE}:`));
    expect(classOption).toBeDefined();
    const suggested = services.map((s) => s.startsWith(SUGGESTED));
    expect(suggested[0]).toBe(true);
    expect(suggested).toEqual([...suggested].sort((a, b) => Number(b) - Number(a)));
    await page.chooseCardOption(SERVICES, classOption ?? CLASS_SERVICE);
    await page.fillCardInput(NOTE_LABEL, NOTE);
    await page.clickCardButton('Route to the chosen services');
    const routed = oneLine(await (await page.waitForCardText('Routed to a service by Alex Morgan')).innerText());
    expect(routed).toContain(`Request ${ref}`);

    // The school (Alex is its SENCO here too) hears in its own chat, through the outbox.
    const update = oneLine(await (await page.waitForCardText(`${ref}: passed to a service`)).innerText());
    expect(update).toContain(`We have passed your request to ${CLASS_SERVICE}`);
    expect(update).toContain(NOTE);

    // And the Duty channel's card is brought up to date for everyone.
    await page.openConversation(CONVERSATIONS.dutyChannel);
    const channelNow = oneLine(await (await page.waitForCardText('Routed to a service by Alex Morgan')).innerText());
    expect(channelNow).toContain(`New request ${ref}`);
    expect(channelNow).not.toMatch(INITIALS_PATTERN);
  });
});
