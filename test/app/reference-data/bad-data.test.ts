import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadReferenceData, ReferenceDataError } from '../../../src/app/reference-data/load-reference-data';
import { makeTempDir } from '../../support/temp-dir';

const DATA_DIR = join(__dirname, '..', '..', '..', 'data');

let dir: { path: string; remove(): Promise<void> };
beforeEach(async () => {
  dir = await makeTempDir('reference-data-');
  await cp(DATA_DIR, dir.path, { recursive: true, filter: (source) => !/\.db(-\w+)?$/.test(source) });
});
afterEach(() => dir.remove());

/** Replaces text in one of the copied files; fails the test if the text is not there. */
async function edit(file: string, from: string | RegExp, to: string): Promise<void> {
  const path = join(dir.path, file);
  const text = await readFile(path, 'utf8');
  const changed = text.replace(from, to);
  if (changed === text) throw new Error(`${String(from)} not found in ${file}`);
  await writeFile(path, changed);
}

/** The problems loading the copied folder reports (it must fail). */
async function problems(): Promise<string[]> {
  const error: unknown = await loadReferenceData(dir.path).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof ReferenceDataError)) throw new Error(`expected a ReferenceDataError, got ${String(error)}`);
  for (const problem of error.problems) expect(error.message).toContain(problem);
  return error.problems;
}

describe('loading reference data that is wrong', () => {
  it('names the row and column of a URN that is not a number', async () => {
    await edit('settings.csv', /^900006,/m, 'K900006,');
    expect(await problems()).toEqual(['settings.csv:row 7 (URN): must be a number']);
  });

  it('names a missing column (without blaming everyone at those settings) and a setting listed twice', async () => {
    await edit('settings.csv', 'PhaseOfEducation (name)', 'Phase');
    expect(await problems()).toEqual(['settings.csv: missing column "PhaseOfEducation (name)"']);
    await edit('settings.csv', 'Phase', 'PhaseOfEducation (name)');
    await edit('settings.csv', /^900011,/m, '900002,');
    expect(await problems()).toEqual(['settings.csv:row 12: setting 900002 is already listed (settings.csv row 3)']);
  });

  it('checks early-years provider ids', async () => {
    await edit('early-years-providers.csv', 'EY234567', 'XY1');
    expect(await problems()).toEqual(['early-years-providers.csv:row 3 (Provider URN): "XY1" must look like EY123456']);
  });

  it('names a person whose setting is unknown', async () => {
    await edit('people.yaml', /settingId: 900001\n\n {2}- id: 00000000-0000-0000-0000-000000000102/, 'settingId: 900999\n\n  - id: 00000000-0000-0000-0000-000000000102');
    expect(await problems()).toEqual(['people.yaml:people[1].settingId: unknown setting 900999']);
  });

  it('names wrong roles, setting staff without a setting, people without ids and ids used twice', async () => {
    await edit('people.yaml', 'roles: [manager]', 'roles: [boss]');
    await edit('people.yaml', /(name: Tom Hughes[\s\S]*?)settingId: 900005/, '$1');
    await edit('people.yaml', '- id: 00000000-0000-0000-0000-000000000106', '- id: 00000000-0000-0000-0000-000000000104');
    await edit('people.yaml', '- upn: Helen.Carter@littleacorns.example.org.uk', '- name2: x');
    const found = await problems();
    expect(found).toEqual(
      expect.arrayContaining([
        'people.yaml:people[5].roles[0]: "boss" is not a role (setting-staff, front-door-admin, duty-professional, duty-manager, panel-member, panel-chair, manager, administrator)',
        'people.yaml:people[8].settingId: is required for setting-staff',
        'people.yaml:people[6].id: already used by people[4]',
        'people.yaml:people[9]: unknown field name2',
      ]),
    );
  });

  it('names a service need code, phase and contact that are wrong', async () => {
    await edit('services.yaml', 'needCodes: [ASD, SLCN]', 'needCodes: [XYZ, SLCN]');
    await edit('services.yaml', 'phases: [early-years]', 'phases: [nursery]');
    await edit('services.yaml', 'email: eps@example-la.gov.uk', 'email: not-an-email');
    const found = await problems();
    expect(found).toContain('services.yaml:services[1].needCodes[0]: "XYZ" is not a census need code (SpLD, MLD, SLD, PMLD, SEMH, SLCN, HI, VI, MSI, PD, ASD, OTH, NSA)');
    expect(found).toContain('services.yaml:services[3].phases[0]: "nursery" is not a phase (early-years, primary, secondary, post-16, all-through, special, other)');
    expect(found).toContain('services.yaml:services[0].contact.email: invalid email');
  });

  it('names a service id used twice', async () => {
    await edit('services.yaml', 'id: learning-support', 'id: sensory-needs');
    expect(await problems()).toEqual(['services.yaml:services[6].id: "sensory-needs" is already used by services[2]']);
  });

  it('names rota people who are unknown or not duty professionals, and dates that are not dates', async () => {
    await edit('rota.yaml', 'AM: [ravi.kumar@example-la.gov.uk]', 'AM: [nobody@example-la.gov.uk]');
    await edit('rota.yaml', 'PM: [00000000-0000-0000-0000-000000000106]      # Ravi Kumar\n  tuesday', 'PM: [dana.reid@example-la.gov.uk]\n  tuesday');
    await edit('rota.yaml', '2027-01-04:', '2027-02-30:');
    expect((await problems()).sort()).toEqual([
      'rota.yaml:dates.2026-12-23.AM[0]: unknown person "nobody@example-la.gov.uk"',
      'rota.yaml:dates.2027-02-30: is not a real date',
      'rota.yaml:weekly.monday.PM[0]: Dana Reid is not a duty-professional',
    ]);
  });

  it('names a duty manager without the duty-manager role', async () => {
    await edit('front-door.yaml', 'dutyManager: 00000000-0000-0000-0000-000000000103', 'dutyManager: CHRIS.EVANS@example-la.gov.uk');
    expect(await problems()).toEqual(['front-door.yaml:dutyManager: Chris Evans is not a duty-manager']);
  });

  it('names missing and wrong front-door settings', async () => {
    await edit('front-door.yaml', '  firstResponse: 2\n', '');
    await edit('front-door.yaml', '- 2026-12-30', '- 30/12/2026');
    await edit('front-door.yaml', 'dutyChannelId', 'dutyChanelId');
    expect((await problems()).sort()).toEqual([
      'front-door.yaml:closureDays[1]: must be a date like 2026-09-01',
      'front-door.yaml:responseTimes.firstResponse: is required',
      'front-door.yaml:teams.dutyChannelId: is required',
      'front-door.yaml:teams: unknown field dutyChanelId',
    ]);
  });

  it('names a YAML syntax error with its line, and a missing file, once each', async () => {
    await edit('services.yaml', 'services:\n', 'services:\n  - id: [unclosed\n');
    await rm(join(dir.path, 'people.yaml'));
    const found = await problems();
    expect(found).toHaveLength(2);
    expect(found[0]).toBe(`people.yaml: file is missing from ${dir.path}`);
    expect(found[1]).toMatch(/^services\.yaml:line 9: YAML syntax error: /);
  });

  it('reports every problem across all the files at once', async () => {
    await edit('settings.csv', /^900006,/m, 'K900006,');
    await edit('people.yaml', 'roles: [manager]', 'roles: [boss]');
    await edit('services.yaml', 'needCodes: [ASD, SLCN]', 'needCodes: [XYZ, SLCN]');
    await edit('rota.yaml', 'AM: [ravi.kumar@example-la.gov.uk]', 'AM: [nobody@example-la.gov.uk]');
    await edit('front-door.yaml', 'retentionMonths: 24', 'retentionMonths: soon');
    await edit('front-door.yaml', 'draftMaxAgeDays: 30', 'draftMaxAgeDays: 0');
    expect(await problems()).toEqual([
      'settings.csv:row 7 (URN): must be a number',
      'services.yaml:services[1].needCodes[0]: "XYZ" is not a census need code (SpLD, MLD, SLD, PMLD, SEMH, SLCN, HI, VI, MSI, PD, ASD, OTH, NSA)',
      'people.yaml:people[5].roles[0]: "boss" is not a role (setting-staff, front-door-admin, duty-professional, duty-manager, panel-member, panel-chair, manager, administrator)',
      'rota.yaml:dates.2026-12-23.AM[0]: unknown person "nobody@example-la.gov.uk"',
      'front-door.yaml:retentionMonths: must be a number (not "soon")',
      'front-door.yaml:draftMaxAgeDays: must be at least 1',
    ]);
  });
});
