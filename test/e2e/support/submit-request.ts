import type { PlaygroundPage } from './playground-page';

/** The answers a SENCO gives on the request form (the rest are fixed, plausible values). */
export interface RequestAnswers {
  /** The pupil's initials, e.g. "J.S." */
  readonly initials: string;
  /** The primary need's option text as the form shows it. */
  readonly primaryNeed: string;
  /** What the SENCO writes as the concern. */
  readonly concern: string;
}

/** Collapses runs of white space, so card text reads as one line. */
export const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** The reference shown on a receipt ("Your reference is FD-2026-00001."), or undefined. */
export function referenceOn(receipt: string): string | undefined {
  return /Your reference is (FD-\d{4}-\d{5})\./.exec(oneLine(receipt))?.[1];
}

/**
 * As Priya Shah, SENCO at Oakfield: "hello" → Request support → Start a new request, every step of
 * the form with valid answers, then Send request. Returns the receipt's reference.
 */
export async function submitRequest(page: PlaygroundPage, answers: RequestAnswers): Promise<string> {
  await page.sendMessage('hello');
  await page.waitForCardText('Welcome to the SEND Front Door');
  await page.clickCardButton('Request support');
  await page.waitForCardText('Start a new request');
  await page.clickCardButton('Start a new request');

  await page.waitForCardText('Step 1 of 7: About you');
  await page.fillCardInput('Your name', 'Priya Shah');
  await page.chooseCardOption('Your role', 'SENCO');
  await page.fillCardInput('Email address', 'priya.shah@oakfield.example.sch.uk');
  await page.clickCardButton('Next');

  await page.waitForCardText('Step 2 of 7: About the pupil');
  await page.fillCardInput("Pupil's initials", answers.initials);
  await page.chooseCardOption('Year group or age band', 'Y3');
  await page.fillCardInput('Month and year of birth', '05/2018');
  await page.chooseCardOption('SEN status', 'SEN support');
  await page.clickCardButton('Next');

  await page.waitForCardText('Step 3 of 7: Area of need');
  await page.chooseCardOption('Primary area of need', answers.primaryNeed);
  await page.clickCardButton('Next');

  await page.waitForCardText('Step 4 of 7: Your concern');
  await page.fillCardInput('What is the concern? In your own words', answers.concern);
  await page.fillCardInput('What have you tried so far? (assess, plan, do, review)', 'Visual timetable; small-group language sessions.');
  await page.fillCardInput('How many assess-plan-do-review cycles?', '2');
  await page.fillCardInput('What changed as a result?', 'Some progress with vocabulary.');
  await page.clickCardButton('Next');

  await page.waitForCardText('Step 5 of 7: Help wanted');
  await page.chooseCardOption('What help would you like? Choose all that apply', 'Advice or a consultation');
  await page.clickCardButton('Next');

  await page.waitForCardText('Step 6 of 7: Consent and urgency');
  await page.tickCardToggle('Parents or carers agree to share this request with the services');
  await page.chooseCardOption('How urgent is this?', 'Routine');
  await page.clickCardButton('Next');

  await page.waitForCardText('Step 7 of 7: Check and send');
  await page.clickCardButton('Send request');
  const receipt = await (await page.waitForCardText('Request sent')).innerText();
  const ref = referenceOn(receipt);
  if (ref === undefined) throw new Error(`The receipt names no reference: ${oneLine(receipt)}\n${await page.describe()}`);
  return ref;
}
