import { writeCaseReport } from '../../../src/app/insights/case-report';
import { sweepRetention, type RetentionDeps } from '../../../src/app/retention/sweep-retention';
import { workingDayCalendar } from '../../../src/domain/calendar';
import { storedRequestSchema } from '../../../src/domain/intake';
import { myRequestsCard } from '../../../src/teams/request-cards';
import { triageCard } from '../../../src/teams/triage-cards';
import { act } from '../deadlines/support/chaos';
import { keyOf, openWorld, silentLogger, type World } from '../deadlines/support/deadline-world';

const calendar = workingDayCalendar();
const SAM = keyOf('sam');
const RANGE = { from: '2026-01-01T00:00:00.000Z', to: '2030-01-01T00:00:00.000Z' };
/** What Priya typed (test/support/intake-answers.ts) and what the duty team wrote, as stored. */
const SECRETS = ['Priya Shah', 'priya.shah@', '01632960123', '"JS"', '2018-05', 'spoken instructions', 'Visual timetable', 'vocabulary', 'Try a visual timetable at home'];

let world: World;
afterEach(() => world.close());

function deps(name: string): RetentionDeps {
  let n = 0;
  return { store: world.store, directory: world.deps.directory, clock: world.clock, ids: { next: () => `${name}-${++n}` }, logger: silentLogger };
}

async function report(): Promise<string[]> {
  const lines: string[] = [];
  const { summary } = await writeCaseReport(world.store, { from: '2026-01-01', to: '2029-12-31', label: '' }, (line) => {
    lines.push(line);
  });
  return [...lines, ...summary];
}

/** Three requests: one advised on 8 December 2026, one still waiting, one passed to a service in June 2027. */
async function threeCases(): Promise<{ advised: string; open: string; recent: string }> {
  world = await openWorld('2026-12-07T10:00:00.000Z');
  const [advised, open, recent] = [await world.submit(), await world.submit(), await world.submit()];
  await act(world.store, advised, { type: 'claim', by: SAM, at: '2026-12-08T09:00:00.000Z' }, calendar);
  await act(world.store, advised, { type: 'advise', by: SAM, at: '2026-12-08T10:00:00.000Z', advice: 'Try a visual timetable at home' }, calendar);
  await act(world.store, recent, { type: 'claim', by: SAM, at: '2026-12-08T09:00:00.000Z' }, calendar);
  await act(world.store, recent, { type: 'route', by: SAM, at: '2027-06-01T10:00:00.000Z', services: ['eps'], note: 'Passed on' }, calendar);
  return { advised, open, recent };
}

const stored = async (ref: string) => {
  const found = await world.store.getCase(ref);
  if (!found) throw new Error(`no case ${ref}`);
  return found;
};

describe('the retention sweep over SQLite (the shipped 24 months)', () => {
  it('anonymises a closed case once 24 months have passed since it closed, and no other', async () => {
    const { advised, open, recent } = await threeCases();
    const before = JSON.stringify((await stored(advised)).value);
    for (const secret of SECRETS) expect(before).toContain(secret);

    world.clock.set('2028-12-08T09:59:59.000Z'); // a second before the period ends
    expect(await sweepRetention(deps('early'))).toEqual({ looked: 3, anonymised: 0 });
    expect((await stored(advised)).value.anonymisedAt).toBeNull();

    world.clock.set('2028-12-08T10:00:00.000Z');
    expect(await sweepRetention(deps('sweep'), { pageSize: 1 })).toEqual({ looked: 3, anonymised: 1 });
    const after = (await stored(advised)).value;
    for (const secret of SECRETS) expect(JSON.stringify(after)).not.toContain(secret);
    expect(after.anonymisedAt).toBe('2028-12-08T10:00:00.000Z');
    expect(storedRequestSchema.safeParse(after.request).success).toBe(false);
    for (const ref of [open, recent]) {
      expect((await stored(ref)).value.anonymisedAt).toBeNull();
      expect(JSON.stringify((await stored(ref)).value)).toContain('Priya Shah');
    }
    const listed = await world.store.listCasesBySetting(after.settingId, { offset: 0, limit: 10 });
    expect(listed.items.map((c) => c.ref).sort()).toEqual([advised, open, recent].sort());
  });

  it('records it in the audit trail without pupil details', async () => {
    const { advised, open, recent } = await threeCases();
    world.clock.set('2029-01-04T08:00:00.000Z');
    await sweepRetention(deps('sweep'));
    const events = (await world.store.listAudit(advised)).filter((e) => e.action === 'case.anonymised');
    expect(events).toEqual([
      { id: 'sweep-1', at: '2029-01-04T08:00:00.000Z', actorKey: 'system', action: 'case.anonymised', caseRef: advised, detail: { status: 'advised', closedAt: '2026-12-08T10:00:00.000Z', retentionMonths: 24 } },
    ]);
    for (const secret of SECRETS) expect(JSON.stringify(await world.store.listAudit(advised))).not.toContain(secret);
    for (const ref of [open, recent]) expect((await world.store.listAudit(ref)).map((e) => e.action)).not.toContain('case.anonymised');
  });

  it('keeps the insight figures and the CSV report exactly as they were', async () => {
    const { advised } = await threeCases();
    const tallies = await world.store.tallyCases(RANGE);
    const lines = await report();
    world.clock.set('2029-06-01T08:00:00.000Z'); // the June 2027 case is not due yet either
    expect((await sweepRetention(deps('sweep'))).anonymised).toBe(1);
    expect((await stored(advised)).value.anonymisedAt).not.toBeNull();
    expect(await world.store.tallyCases(RANGE)).toEqual(tallies);
    expect(await report()).toEqual(lines);
  });

  it('changes nothing when it runs again, or when two processes sweep at once', async () => {
    const { advised, recent } = await threeCases();
    world.clock.set('2029-06-01T10:00:00.000Z'); // both closed cases are due
    const results = await Promise.all([sweepRetention(deps('one')), sweepRetention(deps('two'))]);
    expect(results[0].anonymised + results[1].anonymised).toBe(2);
    const versions = [(await stored(advised)).version, (await stored(recent)).version];
    const audit = [...(await world.store.listAudit(advised)), ...(await world.store.listAudit(recent))];

    world.clock.set('2029-07-01T10:00:00.000Z');
    expect(await sweepRetention(deps('again'))).toEqual({ looked: 3, anonymised: 0 });
    expect([(await stored(advised)).version, (await stored(recent)).version]).toEqual(versions);
    expect([...(await world.store.listAudit(advised)), ...(await world.store.listAudit(recent))]).toEqual(audit);
    expect(audit.filter((e) => e.action === 'case.anonymised')).toHaveLength(2);
  });

  it('anonymises at most maxPerSweep cases a sweep, and the rest on the next', async () => {
    await threeCases();
    world.clock.set('2029-06-01T10:00:00.000Z');
    expect((await sweepRetention(deps('a'), { maxPerSweep: 1 })).anonymised).toBe(1);
    expect((await sweepRetention(deps('b'), { maxPerSweep: 1 })).anonymised).toBe(1);
    expect((await sweepRetention(deps('c'), { maxPerSweep: 1 })).anonymised).toBe(0);
  });

  it('still opens: the list and the full-request card show the case without pupil details', async () => {
    const { advised } = await threeCases();
    world.clock.set('2029-01-04T08:00:00.000Z');
    await sweepRetention(deps('sweep'));
    const record = (await stored(advised)).value;
    const list = JSON.stringify(myRequestsCard({ items: [record], page: 0, pages: 1, total: 1 }, 'Oakfield Primary', world.clock.now()));
    const triage = JSON.stringify(
      triageCard({ record, settingName: 'Oakfield Primary', statusText: 'Advice given', dueText: '', services: [], colleagues: [], names: {}, canTriage: false, canHandOver: false, errors: {}, kept: {} }),
    );
    expect(list).toContain(advised);
    expect(triage).toContain('Advice: [removed]');
    for (const secret of SECRETS) expect(`${list}${triage}`).not.toContain(secret);
  });
});
