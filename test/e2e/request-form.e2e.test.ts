import fs from 'node:fs';
import path from 'node:path';
import type { Locator } from 'playwright-core';
import { useE2eHarness } from './support/e2e-harness';
import type { PlaygroundPage } from './support/playground-page';
import { REPO_ROOT } from './support/repo-paths';

const WELCOME = 'Welcome to the SEND Front Door';
const START_BUTTONS = ['Start a new request', 'Log a phone request', 'Log an email request'];
const INITIALS = "Pupil's initials";
const PRIMARY_NEED = 'Primary area of need';
const SLCN = 'Communication and interaction: Speech, language and communication needs (SLCN)';
const ASD = 'Communication and interaction: Autism (autistic spectrum disorder) (ASD)';
const SEMH = 'Social, emotional and mental health: Social, emotional and mental health (SEMH)';
const NEED_STEP_INTRO = "Choose the need that best describes the pupil's main difficulty.";
const CONCERN = 'J finds it very hard to follow spoken instructions in class and often withdraws.';
const PARENTAL_CONSENT = 'Parents or carers agree to share this request with the services';
const CHILD_AT_RISK = 'I think this child may be at risk of harm';

/** Collapses runs of white space, so card text reads as one line. */
const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** "hello" → menu → Request support → Start a new request: returns step 1 of the form. */
async function startNewRequest(page: PlaygroundPage): Promise<Locator> {
  await page.sendMessage('hello');
  await page.waitForCardText(WELCOME);
  await page.clickCardButton('Request support');
  const start = await page.waitForCardText('Start a new request');
  for (const title of START_BUTTONS) {
    await expect(start.getByRole('button', { name: title, exact: true }).count()).resolves.toBe(1);
  }
  await page.clickCardButton('Start a new request');
  return page.waitForCardText('Step 1 of 7: About you');
}

/** Step 1, as Priya Shah, SENCO at Oakfield Primary School; presses Next and waits for step 2. */
async function fillAboutYou(page: PlaygroundPage): Promise<void> {
  await page.fillCardInput('Your name', 'Priya Shah');
  await page.chooseCardOption('Your role', 'SENCO');
  await page.fillCardInput('Email address', 'priya.shah@oakfield.example.sch.uk');
  await page.fillCardInput('Phone number (optional)', '01632 960123');
  await page.clickCardButton('Next');
  await page.waitForCardText('Step 2 of 7: About the pupil');
}

/** Step 2 without the initials (the caller fills them or not). */
async function fillPupilExceptInitials(page: PlaygroundPage): Promise<void> {
  await page.chooseCardOption('Year group or age band', 'Y3');
  await page.fillCardInput('Month and year of birth', '05/2018');
  await page.chooseCardOption('SEN status', 'SEN support');
}

describe('the request form in the local Teams client', () => {
  const harness = useE2eHarness();

  it('takes a SENCO from "hello" through every step, naming a problem on the way, to a receipt with a reference', async () => {
    const page = await harness().openPage();
    const aboutYou = oneLine(await (await startNewRequest(page)).innerText());
    expect(aboutYou).toContain('School or setting: Oakfield Primary School');
    await fillAboutYou(page);

    // A validation round trip: no initials, so Next names the problem and keeps the other answers.
    await fillPupilExceptInitials(page);
    await page.clickCardButton('Next');
    const problem = oneLine(await (await page.waitForCardText('There is a problem')).innerText());
    expect(problem).toContain('Step 2 of 7: About the pupil');
    expect(problem).toContain("There is a problem: Enter the pupil's initials, up to 4 letters");
    expect(await page.cardInputValue('Year group or age band')).toBe('Y3');
    expect(await page.cardInputValue('Month and year of birth')).toBe('05/2018');
    expect(await page.cardInputValue('SEN status')).toBe('SEN support');
    expect(await page.cardInputValue(INITIALS)).toBe('');

    await page.fillCardInput(INITIALS, 'J.S.');
    await page.clickCardButton('Next');
    await page.waitForCardText('Step 3 of 7: Area of need');
    await page.chooseCardOption(PRIMARY_NEED, SLCN);
    await page.chooseCardOption('Secondary area of need (optional)', SEMH);
    await page.clickCardButton('Next');

    await page.waitForCardText('Step 4 of 7: Your concern');
    await page.fillCardInput('What is the concern? In your own words', CONCERN);
    await page.fillCardInput('What have you tried so far? (assess, plan, do, review)', 'Visual timetable; small-group language sessions.');
    await page.fillCardInput('How many assess-plan-do-review cycles?', '2');
    await page.fillCardInput('What changed as a result?', 'Some progress with vocabulary.');
    await page.clickCardButton('Next');

    await page.waitForCardText('Step 5 of 7: Help wanted');
    await page.chooseCardOption('What help would you like? Choose all that apply', 'Advice or a consultation');
    await page.chooseCardOption('What help would you like? Choose all that apply', 'An assessment');
    await page.clickCardButton('Next');

    await page.waitForCardText('Step 6 of 7: Consent and urgency');
    expect(await page.isCardToggleTicked(CHILD_AT_RISK)).toBe(false);
    await page.tickCardToggle(PARENTAL_CONSENT);
    await page.chooseCardOption('How urgent is this?', 'Routine');
    await page.clickCardButton('Next');

    const review = oneLine(await (await page.waitForCardText('Step 7 of 7: Check and send')).innerText());
    for (const answer of [
      'Name Priya Shah',
      'Role SENCO',
      'Email priya.shah@oakfield.example.sch.uk',
      'Year group Y3',
      'SEN status SEN support',
      'Primary need Speech, language and communication needs (SLCN)',
      'Secondary need Social, emotional and mental health (SEMH)',
      `Concern ${CONCERN}`,
      'Review cycles 2',
      'Help wanted Advice or a consultation; An assessment',
      'Parental consent Yes',
      'Child at risk No',
      'Urgency Routine',
    ]) {
      expect(review).toContain(answer);
    }
    expect(review).toContain('Initials J.S.');

    await page.clickCardButton('Send request');
    const receiptCard = await page.waitForCardText('Request sent');
    const receipt = oneLine(await receiptCard.innerText());
    expect(receipt).toMatch(/Your reference is FD-\d{4}-\d{5}\./);
    expect(receipt).toMatch(/We will reply by (Monday|Tuesday|Wednesday|Thursday|Friday) \d{1,2} [A-Z][a-z]+( \d{4})?\./);
    if (process.env.UPDATE_SCREENSHOTS === '1') {
      const file = path.join(REPO_ROOT, 'docs', 'screenshots', 'receipt.png');
      fs.mkdirSync(path.dirname(file), { recursive: true });
      await page.screenshot(file, receiptCard);
    }
  });

  it.each([
    ['SIGTERM', 'AB'],
    ['SIGKILL', 'CD'],
  ] as const)('keeps a saved request across a restart of the bot (%s) and resumes it at the step where the SENCO stopped', async (signal, initials) => {
    const page = await harness().openPage();
    await startNewRequest(page);
    await fillAboutYou(page);
    await page.fillCardInput(INITIALS, initials);
    await fillPupilExceptInitials(page);
    await page.clickCardButton('Next');
    await page.waitForCardText(NEED_STEP_INTRO);
    await page.chooseCardOption(PRIMARY_NEED, ASD);
    await page.clickCardButton('Save and finish later');
    await page.waitForCardText('Your answers are saved');

    const ended = await harness().restartBot(signal);
    expect(ended).toEqual(signal === 'SIGTERM' ? { code: 0, signal: null } : { code: null, signal: 'SIGKILL' });

    await page.sendMessage('request support');
    const start = oneLine(await (await page.waitForCardText('Unfinished requests')).innerText());
    expect(start).toContain(`Pupil ${initials} · Step 3 of 7: Area of need`);
    await page.clickCardButtonBeside(`Pupil ${initials}`, 'Continue');
    // The start card names the step too, so wait for words only the step's own card has.
    await page.waitForCardText(NEED_STEP_INTRO);
    expect(await page.cardInputValue(PRIMARY_NEED)).toBe(ASD);
  });
});
