import { sweepDeadlines } from '../../../src/app/deadlines/sweep-deadlines';
import { claimCase } from '../../../src/app/triage/claim-case';
import { answerSchoolQuestion } from '../../../src/app/triage/school-reply';
import { triageCase } from '../../../src/app/triage/triage-case';
import type { OutboxItem } from '../../../src/ports/store';
import { keyOf, openWorld, summary, type World } from './support/deadline-world';

let world: World;
afterEach(async () => {
  await world.close();
});

const OWNER = { owner: 'bot-1' };
const text = (item: OutboxItem | undefined): string => JSON.stringify(item?.payload ?? {});

/** Sweeps at the instant and returns the deadline items it queued. */
async function sweepAt(iso: string): Promise<OutboxItem[]> {
  world.clock.set(iso);
  const before = new Set((await world.deadlineItems()).map((i) => i.id));
  const result = await sweepDeadlines(world.deps, OWNER);
  expect(result.ran).toBe(true);
  return (await world.deadlineItems()).filter((i) => !before.has(i.id));
}

describe('an unclaimed request over Christmas 2026', () => {
  it('reminds the Duty channel on the last working day, then tells the duty manager and marks the card overdue', async () => {
    world = await openWorld('2026-12-24T10:00:00Z');
    const ref = await world.submit(); // due Tuesday 5 January 2027: 25, 28 Dec and 1 Jan are bank holidays, 29–31 Dec closed
    for (const day of ['2026-12-24', '2026-12-25', '2026-12-28', '2026-12-29', '2026-12-31', '2027-01-01', '2027-01-02', '2027-01-03']) {
      expect({ day, items: summary(await sweepAt(`${day}T09:00:00Z`)) }).toEqual({ day, items: [] });
    }
    const reminder = await sweepAt('2027-01-04T16:45:00Z');
    expect(summary(reminder)).toEqual([`thread-reply → alert:${ref}`]);
    expect(text(reminder[0])).toContain(`Nobody has claimed ${ref} yet, and its first reply is due by Tuesday 5 January (due tomorrow)`);
    expect(await sweepAt('2027-01-05T08:00:00Z')).toEqual([]);

    const breach = await sweepAt('2027-01-06T07:30:00Z');
    expect(summary(breach).sort()).toEqual([`card-update → alert:${ref}`, `personal-message → ${keyOf('jo')}`].sort());
    expect(text(breach.find((i) => i.kind === 'personal-message'))).toContain(`${ref}: first reply overdue`);
    expect(text(breach.find((i) => i.kind === 'card-update'))).toContain('First reply due by Tuesday 5 January (overdue by 1 working day)');
    for (const item of breach) for (const secret of ['J.S.', '05/2018', 'spoken instructions']) expect(text(item)).not.toContain(secret);
    expect(await sweepAt('2027-01-07T09:00:00Z')).toEqual([]);
    expect((await world.store.getCase(ref))?.value.deadlineEvents).toEqual(['first-response:reminder:2027-01-05', 'first-response:breach:2027-01-05']);
    expect((await world.store.listAudit(ref)).map((e) => e.action)).toEqual(expect.arrayContaining(['case.deadline-reminder', 'case.deadline-breach']));
  });
});

describe('a claimed request waiting for the school across the October 2026 clock change', () => {
  it('reminds the school and the claimant, moves the due date by the days waited, then reminds and escalates on it', async () => {
    world = await openWorld('2026-10-19T08:00:00Z'); // Monday 09:00 BST: first reply due Wednesday 21 October
    const ref = await world.submit();
    world.clock.set('2026-10-19T09:00:00Z');
    await claimCase(world.deps, await world.actor('sam'), ref);
    world.clock.set('2026-10-20T09:00:00Z');
    await triageCase(world.deps, await world.actor('sam'), ref, 'ask-school', { message: 'What happens at lunchtime?' });
    expect((await world.store.getCase(ref))?.value.measures).toEqual({ firstResponseWorkingDays: 1, firstResponseHours: 25, withinSetTime: true, pausedWorkingDays: 0 });

    expect(await sweepAt('2026-10-21T09:00:00Z')).toEqual([]); // the first reply was given: no reminder while the school is asked
    expect(await sweepAt('2026-10-22T22:59:00Z')).toEqual([]); // 23:59 BST Thursday
    const reminded = await sweepAt('2026-10-22T23:01:00Z'); // 00:01 BST Friday: three working days after Tuesday
    expect(summary(reminded).sort()).toEqual([`personal-message → ${keyOf('priya')}`, `personal-message → ${keyOf('sam')}`]);
    const toSchool = reminded.find((i) => i.target === keyOf('priya'));
    expect(text(toSchool)).toContain(`A reminder: we are still waiting for your answer about ${ref}, asked on Tuesday 20 October`);
    expect(text(toSchool)).toContain('What happens at lunchtime?');
    expect(text(toSchool)).toContain('"verb":"schoolReply"');
    expect(text(reminded.find((i) => i.target === keyOf('sam')))).toContain('We have reminded them today');
    expect(await sweepAt('2026-10-26T10:00:00Z')).toEqual([]);

    world.clock.set('2026-10-28T09:00:00Z'); // answered on Wednesday, after waiting Tue 20 – Tue 27: 6 working days
    await answerSchoolQuestion(world.deps, await world.actor('priya'), ref, 'She eats alone.');
    const answered = (await world.store.getCase(ref))?.value;
    expect(answered).toMatchObject({ status: 'claimed', firstResponseDue: '2026-10-29', measures: { pausedWorkingDays: 6, withinSetTime: true } });
    expect(JSON.stringify(await world.store.listOutbox('pending', 100))).toContain('Your reply to the school is now due by Thursday 29 October');

    const reminder = await sweepAt('2026-10-28T10:00:00Z');
    expect(summary(reminder)).toEqual([`personal-message → ${keyOf('sam')}`]);
    expect(text(reminder[0])).toContain(`${ref}: first reply due tomorrow`);
    expect(text(reminder[0])).toContain('"verb":"openTriage"');
    expect(await sweepAt('2026-10-29T23:30:00Z')).toEqual([]); // 23:30 GMT Thursday is still the due date
    const breach = await sweepAt('2026-10-30T00:30:00Z');
    expect(summary(breach).sort()).toEqual([`card-update → alert:${ref}`, `personal-message → ${keyOf('jo')}`].sort());
    expect(text(breach.find((i) => i.kind === 'personal-message'))).toContain('Sam Patel has it.');
  });
});

describe('a panel decision over Easter 2027', () => {
  it('reminds the claimant and the Panel thread before the due date, and escalates the day after', async () => {
    world = await openWorld('2027-03-08T10:00:00Z');
    const ref = await world.submit();
    await claimCase(world.deps, await world.actor('sam'), ref);
    world.clock.set('2027-03-16T10:00:00Z'); // panel due 10 working days on, skipping Good Friday and Easter Monday: Thursday 1 April
    const outcome = await triageCase(world.deps, await world.actor('sam'), ref, 'escalate', { summary: 'Needs EP and SALT', proposedPackage: 'Joint assessment' });
    expect(outcome.record.panelDue).toBe('2027-04-01');
    for (const day of ['2027-03-26', '2027-03-29', '2027-03-30']) expect(await sweepAt(`${day}T12:00:00Z`)).toEqual([]);
    const reminder = await sweepAt('2027-03-31T12:00:00Z');
    expect(summary(reminder).sort()).toEqual([`personal-message → ${keyOf('sam')}`, `thread-reply → panel:${ref}`]);
    expect(text(reminder.find((i) => i.kind === 'thread-reply'))).toContain('Reminder: panel decision due tomorrow');
    expect(await sweepAt('2027-04-01T12:00:00Z')).toEqual([]);
    const breach = await sweepAt('2027-04-02T12:00:00Z');
    expect(text(breach.find((i) => i.kind === 'card-update'))).toContain('Panel decision due by Thursday 1 April (overdue by 1 working day)');
    expect(summary(breach)).toContain(`personal-message → ${keyOf('jo')}`);
  });
});

describe('the hour of the sweep', () => {
  it('queues the same notices at any hour of the London date, and goes by the London date in summer', async () => {
    const seen: string[][] = [];
    const sweeps = ['2026-12-08T00:01:00Z', '2026-12-08T12:00:00Z', '2026-12-08T23:59:00Z', '2026-06-08T22:59:00Z', '2026-06-08T23:01:00Z'];
    for (const [i, at] of sweeps.entries()) {
      world = await openWorld(at.startsWith('2026-06') ? '2026-06-08T08:00:00Z' : '2026-12-07T10:00:00Z'); // a Monday: reminded on Tuesday
      await world.submit();
      seen.push(summary(await sweepAt(at)).map((s) => s.replace(/FD-\d{4}-\d{5}/, 'REF')));
      if (i < sweeps.length - 1) await world.close();
    }
    const reminded = ['thread-reply → alert:REF'];
    // 22:59 UTC on 8 June is still Monday in London (BST); 23:01 UTC is Tuesday.
    expect(seen).toEqual([reminded, reminded, reminded, [], reminded]);
  });
});
