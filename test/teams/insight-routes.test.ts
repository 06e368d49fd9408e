import type { CaseRecord } from '../../src/domain/case-record';
import { cardProblems } from '../support/adaptive-card-check';
import { buttonTitles, cardText, firstCard, keyOf, startBotHarness, type BotHarness, type PersonName } from '../support/bot-harness';
import { aCase } from '../store/mothers';

let bot: BotHarness;
const measures = (days: number, within: boolean): CaseRecord['measures'] => ({ firstResponseWorkingDays: days, firstResponseHours: days * 24, withinSetTime: within, pausedWorkingDays: 0 });

// Today is Monday 7 December 2026 (the harness clock).
const oakOverdue = aCase({ ref: 'FD-2026-00042', settingId: '900001', submittedAt: '2026-11-30T09:00:00.000Z', firstResponseDue: '2026-12-02', request: { initials: 'J.S.' } });
const hartwellSams = aCase({ ref: 'FD-2026-00043', settingId: '900005', status: 'claimed', primaryNeed: 'ASD', submittedAt: '2026-12-04T09:00:00.000Z', firstResponseDue: '2026-12-08' });
const routed = aCase({ ref: 'FD-2026-00044', settingId: '900005', status: 'routed', routedTo: ['educational-psychology'], submittedAt: '2026-10-05T09:00:00.000Z', firstResponseAt: '2026-10-06T09:00:00.000Z', measures: measures(1, true) });

beforeEach(async () => {
  bot = await startBotHarness();
  for (const record of [oakOverdue, { ...hartwellSams, claimantKey: keyOf('sam'), claimedAt: '2026-12-04T10:00:00.000Z' }, routed]) await bot.store.createCase(record);
});
afterEach(async () => {
  await bot.close();
});

const said = async (who: PersonName, text: string) => firstCard(await bot.say(who, text));

describe('status of one request', () => {
  it('finds the reference anywhere in the message, however it is typed', async () => {
    for (const text of ['status FD-2026-00042', 'what is happening with fd 2026 42?', 'STATUS fd-2026-00042 please']) {
      const text1 = cardText(await said('dana', text));
      expect(text1).toContain('FD-2026-00042');
      expect(text1).toContain('Oakfield Primary School');
      expect(text1).toMatch(/First reply overdue: it was due Wednesday 2 December/);
    }
  });

  it('never shows pupil details on the status card', async () => {
    expect(JSON.stringify(await said('dana', 'status FD-2026-00042'))).not.toContain('J.S.');
  });

  it('shows who has it and where it was routed', async () => {
    const text = cardText(await said('jo', 'status FD-2026-00044'));
    expect(text).toContain('Passed to a service');
    expect(text).toContain('Educational Psychology Service');
  });

  it('lets a duty professional see any case, and a SENCO only her own setting’s', async () => {
    expect(cardText(await said('sam', 'status FD-2026-00042'))).toContain('Oakfield Primary School');
    expect(cardText(await said('priya', 'status FD-2026-00042'))).toContain('Oakfield Primary School');
    const refused = cardText(await said('priya', 'status FD-2026-00043'));
    expect(refused).toContain('We could not find that request');
    expect(refused).not.toContain('Hartwell');
    expect(cardText(await said('priya', 'status FD-2026-09999'))).toBe(refused);
  });

  it('asks for a reference when there is none, and the look-up button works', async () => {
    const card = await said('dana', 'status');
    expect(cardText(card)).toContain('Status of a request');
    expect(buttonTitles(card)).toEqual(['Look up', 'Open requests', 'Overdue', 'Back to the menu']);
    expect(cardText(await bot.execute('dana', 'status', { ref: 'fd-2026-42' }))).toContain('FD-2026-00042');
    expect(cardText(await bot.execute('dana', 'status', { ref: 'banana' }))).toContain('"banana" is not a reference');
    expect(cardText(await bot.execute('dana', 'status'))).toContain('Status of a request');
  });

  it('shows someone the directory does not know only the way to ask for access', async () => {
    expect(buttonTitles(await bot.execute('stranger', 'status', { ref: 'FD-2026-00042' }))).toEqual(['Request access']);
    const card = await said('stranger', 'status FD-2026-00042');
    expect(buttonTitles(card)).toEqual(['Request access']);
    expect(cardText(card)).not.toContain('Oakfield');
  });
});

describe('open and overdue', () => {
  it('gives a manager every open request, oldest first, with a status button each', async () => {
    const card = await said('dana', 'open');
    const text = cardText(card);
    expect(text).toContain('2 requests across the front door');
    expect(text.indexOf('FD-2026-00042')).toBeLessThan(text.indexOf('FD-2026-00043'));
    expect(text).not.toContain('FD-2026-00044');
    expect(buttonTitles(card)).toEqual(['Status', 'Status', 'Overdue', 'Back to the menu']);
  });

  it('gives a manager the overdue requests only', async () => {
    const text = cardText(await said('jo', 'overdue'));
    expect(text).toContain('1 request across the front door');
    expect(text).toContain('FD-2026-00042');
    expect(text).toContain('first reply was due Wednesday 2 December');
    expect(text).not.toContain('FD-2026-00043');
  });

  it('gives a duty professional their own queue, and a SENCO her setting’s', async () => {
    const sams = cardText(await bot.execute('sam', 'openCases'));
    expect(sams).toContain('in your queue');
    expect(sams).toContain('FD-2026-00043');
    expect(sams).not.toContain('FD-2026-00042');
    expect(cardText(await bot.execute('ravi', 'openCases'))).toContain('No open requests in your queue');
    const priyas = cardText(await said('priya', 'open requests'));
    expect(priyas).toContain('for your setting');
    expect(priyas).toContain('FD-2026-00042');
    expect(priyas).not.toContain('FD-2026-00043');
    expect(cardText(await bot.execute('tom', 'overdueCases'))).toContain('Nothing overdue for your setting');
  });
});

describe('insights', () => {
  it('gives a manager the insight card with Teams charts, each with its figures in words', async () => {
    const card = await said('dana', 'insights this term');
    const text = cardText(card);
    expect(text).toContain('Insights: Autumn term 2026');
    expect(text).toContain('3 requests from 2026-09-01 to 2026-12-31');
    expect(text).toMatch(/Median 1 working day, 90th percentile 1 working day\. 100% \(1 of 1\) answered within the set 2 working days/);
    const types = JSON.stringify(card).match(/"type":"Chart\.[A-Za-z]+"/g) ?? [];
    expect(new Set(types)).toEqual(new Set(['"type":"Chart.VerticalBar"', '"type":"Chart.Donut"', '"type":"Chart.Line"']));
    expect(cardProblems(card)).toEqual([]);
  });

  it('takes the period from the message or from the period buttons', async () => {
    expect(cardText(await said('jo', 'insights last month'))).toContain('Insights: November 2026');
    expect(cardText(await said('jo', 'insights from 2026-10-01 to 2026-10-31'))).toContain('1 request from 2026-10-01 to 2026-10-31');
    const byButton = await bot.execute('dana', 'insights', { period: 'last-year' });
    expect(cardText(byButton)).toContain('School year 2025 to 2026');
    expect(buttonTitles(byButton).slice(0, 5)).toEqual(['This month', 'Last month', 'This term', 'This school year', 'Last school year']);
  });

  it('says what is wrong with a period it cannot use', async () => {
    expect(cardText(await said('dana', 'insights from 2026-12-31 to 2026-09-01'))).toContain('The end date 2026-09-01 is before the start date 2026-12-31.');
  });

  it('refuses insights to everyone but managers and duty managers', async () => {
    for (const who of ['sam', 'priya'] as const) {
      expect(cardText(await said(who, 'insights'))).toContain('Insights are for service managers and duty managers');
      expect(cardText(await bot.execute(who, 'insights', { period: 'this-year' }))).toContain('Not available to you');
    }
  });
});

describe('unknown commands', () => {
  it('suggests the command a manager probably meant, and still shows the menu', async () => {
    const replies = await bot.say('dana', 'insihgts');
    const cards = replies.flatMap((r) => r.attachments ?? []).map((a) => a.content as Record<string, unknown>);
    expect(cardText(cards[0])).toContain('Did you mean "insights"?');
    expect(buttonTitles(cards[0])).toEqual(['insights']);
    expect(buttonTitles(cards[1])).toEqual(['Status', 'Insights', 'Help']);
  });

  it('suggests only what the person may use', async () => {
    const card = await said('priya', 'overdu');
    expect(buttonTitles(card)).toEqual(['overdue']);
    expect(cardText(await said('priya', 'insihgts'))).not.toContain('Did you mean');
  });

  it('answers a greeting with the menu alone', async () => {
    const replies = await bot.say('dana', 'hello there');
    expect(replies.flatMap((r) => r.attachments ?? [])).toHaveLength(1);
    expect(buttonTitles(firstCard(replies))).toEqual(['Status', 'Insights', 'Help']);
  });
});
