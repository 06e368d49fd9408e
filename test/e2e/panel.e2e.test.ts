import fs from 'node:fs';
import path from 'node:path';
import { useE2eHarness } from './support/e2e-harness';
import { CHRIS_EVANS, clickInPanelChannel, JO_OKAFOR, PANEL_CHANNEL_ID, storedServiceUrl } from './support/teams-invoke';
import { CONVERSATIONS } from './support/playground-page';
import { REPO_ROOT } from './support/repo-paths';
import { oneLine, submitRequest } from './support/submit-request';

const SLCN = 'Communication and interaction: Speech, language and communication needs (SLCN)';
const CONCERN = 'K finds it very hard to follow spoken instructions and needs help from several services.';
const INITIALS_PATTERN = /\bK\.?\s?W\b/;
const SUMMARY = 'Language needs affect learning and behaviour; two cycles of school support have not been enough.';
const PROPOSED = 'An educational psychology assessment and speech and language therapy in school.';
const CHRIS_COMMENT = 'Add a review at six weeks.';
const SERVICE = 'Educational Psychology Service';
const ACTION = 'Assessment in school';
const LEAD = 'Chris Evans';
const SCHOOL_WORDS = 'An educational psychologist will visit in January to assess K and plan support with you.';
const VOTE_BUTTONS = ['Support', 'Support with changes', 'Do not support'];

describe('the panel in the local Teams client', () => {
  const harness = useE2eHarness();

  it('takes an escalated case to the Panel channel, counts votes to quorum, and lets the chair record a package the school then reads', async () => {
    const page = await harness().openPage();
    const ref = await submitRequest(page, { initials: 'K.W.', primaryNeed: SLCN, concern: CONCERN });

    await page.openConversation(CONVERSATIONS.dutyChannel);
    const alert = await page.waitForCardText(`New request ${ref}`);
    await alert.getByRole('button', { name: 'Claim', exact: true }).click();
    await page.waitForCardText('Claimed by Alex Morgan');

    // Alex, the claimant, escalates from the full request in the personal chat.
    await page.openConversation(CONVERSATIONS.personalChat);
    await page.waitForCardText('Full details: shown only to you');
    await page.fillCardInput('For the panel: summary of the case', SUMMARY);
    await page.fillCardInput('For the panel: proposed package of support', PROPOSED);
    await page.clickCardButton('Escalate to panel');
    await page.waitForCardText('Escalated to the panel by Alex Morgan');

    // The outbox posts the case to the Panel channel (General, locally), without pupil details.
    await page.openConversation(CONVERSATIONS.panelChannel);
    const postTitle = `Complex case ${ref} for the panel`;
    const post = oneLine(await (await page.waitForCardText(postTitle)).innerText());
    expect(post).toContain('0 votes of the 3 needed before the chair can decide');
    expect(post).toContain(`Summary ${SUMMARY}`);
    expect(post).toContain(`Proposed package ${PROPOSED}`);
    expect(post).toContain('Escalated by Alex Morgan');
    expect(post).not.toMatch(INITIALS_PATTERN);
    expect(post).not.toContain(CONCERN);
    expect(post).not.toContain('Record the decision');

    await page.clickCardButton('Support');
    const afterAlex = oneLine(await (await page.waitForCardText('Alex Morgan, your vote is counted')).innerText());
    expect(afterAlex).toContain('1 vote of the 3 needed before the chair can decide');
    expect(afterAlex).toContain('Support 1 · Support with changes 0 · Do not support 0');

    // Jo and Chris vote from their own Teams clients: the same click, sent over HTTP through the Playground's connector.
    const serviceUrl = await storedServiceUrl(harness().bot, PANEL_CHANNEL_ID);
    const jo = await clickInPanelChannel(harness().bot, serviceUrl, JO_OKAFOR, 'panelVote', { ref, choice: 'support', voteComment: '' });
    expect(jo).toEqual({ status: 200, body: expect.stringContaining('Jo Okafor, your vote is counted') });
    const chris = await clickInPanelChannel(harness().bot, serviceUrl, CHRIS_EVANS, 'panelVote', { ref, choice: 'support-with-changes', voteComment: CHRIS_COMMENT });
    expect(chris).toEqual({ status: 200, body: expect.stringContaining('Chris Evans, your vote is counted') });

    // The outbox brings Alex's copy of the card up to date: quorum, who voted what, and the chair's form.
    const quorate = oneLine(await (await page.waitForCardText('Quorum reached (3 votes)')).innerText());
    expect(quorate).toContain('Support 2 · Support with changes 1 · Do not support 0');
    expect(quorate).toContain('Alex Morgan Support');
    expect(quorate).toContain('Jo Okafor Support');
    expect(quorate).toContain(`Chris Evans Support with changes: ${CHRIS_COMMENT}`);
    expect(quorate).toContain('For the chair: record the decision');

    await page.chooseCardOption('Outcome', 'Agreed: a package of support');
    await page.chooseCardOption('Line 1: service', SERVICE);
    await page.fillCardInput('Line 1: action', ACTION);
    await page.fillCardInput('Line 1: lead', LEAD);
    await page.fillCardInput('For the school: the decision in plain words, or the alternative advice', SCHOOL_WORDS);
    await page.clickCardButton('Record the decision');

    const decidedCard = await page.waitForCardText('Package agreed: recorded by Alex Morgan');
    const decided = oneLine(await decidedCard.innerText());
    expect(decided).toContain(postTitle);
    expect(decided).toContain('Decided: package agreed. Voting is closed.');
    expect(decided).toContain(`${SERVICE} ${ACTION} (lead: ${LEAD})`);
    expect(decided).toContain(`For the school: ${SCHOOL_WORDS}`);
    for (const title of [...VOTE_BUTTONS, 'Record the decision']) {
      await expect(decidedCard.getByRole('button', { name: title, exact: true }).count()).resolves.toBe(0);
    }
    if (process.env.UPDATE_SCREENSHOTS === '1') {
      const file = path.join(REPO_ROOT, 'docs', 'screenshots', 'panel-decision.png');
      fs.mkdirSync(path.dirname(file), { recursive: true });
      await page.screenshot(file, decidedCard);
    }

    // The school (Alex is Oakfield's SENCO here too) reads the package and the chair's words in its own chat.
    await page.openConversation(CONVERSATIONS.personalChat);
    const school = oneLine(await (await page.waitForCardText(`${ref}: the panel's decision`)).innerText());
    expect(school).toContain('The panel of service managers has agreed a package of support');
    expect(school).toContain(`${SERVICE}: ${ACTION} (lead: ${LEAD}`);
    expect(school).toContain(SCHOOL_WORDS);
  });
});
