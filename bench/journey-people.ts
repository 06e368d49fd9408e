import { appendFile, cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CASE_STATUSES, type CaseStatus } from '../src/domain/case-record';
import { openStore } from '../src/store/open-store';
import type { BenchPerson } from './http-driver';

/** Primary schools in data/settings.csv: the bench SENCOs work at these, in turn. */
export const BENCH_SETTING_IDS = ['900001', '900002', '900003', '900011'] as const;

/** The people the journey bench speaks as, and the temp reference-data folder that lists them. */
export interface JourneyPeople {
  dir: string;
  schools: BenchPerson[];
  duty: BenchPerson[];
  remove(): Promise<void>;
}

/** A GUID for the nth bench person of a kind (distinct from every id in data/people.yaml). */
function benchId(kind: 'b' | 'd', n: number): string {
  return `00000000-0000-0000-0${kind === 'b' ? '0b0' : '0d0'}-${String(n).padStart(12, '0')}`;
}

function personYaml(person: BenchPerson, jobTitle: string, roles: string, settingId?: string): string {
  return [`  - id: ${person.aadObjectId}`, `    name: ${person.name}`, `    jobTitle: ${jobTitle}`, `    roles: [${roles}]`, ...(settingId ? [`    settingId: ${settingId}`] : []), ''].join('\n');
}

/**
 * Copies data/ to a temp folder and appends `schools` SENCOs (at the primary schools in turn) and
 * `duty` duty professionals to its people.yaml. data/ itself is never touched.
 */
export async function makeJourneyPeople(schools: number, duty: number): Promise<JourneyPeople> {
  const dir = await mkdtemp(join(tmpdir(), 'frontdoor-bench-data-'));
  await cp(resolve(__dirname, '..', 'data'), dir, { recursive: true });
  const senco = Array.from({ length: schools }, (_, i) => ({ aadObjectId: benchId('b', i + 1), name: `Bench Senco ${i + 1}` }));
  const professionals = Array.from({ length: duty }, (_, i) => ({ aadObjectId: benchId('d', i + 1), name: `Bench Duty ${i + 1}` }));
  const yaml = [
    '\n# Added by bench/journey-people.ts (a temp copy for the journey benchmark).\n',
    ...senco.map((p, i) => personYaml(p, 'SENCO', 'setting-staff', BENCH_SETTING_IDS[i % BENCH_SETTING_IDS.length])),
    ...professionals.map((p) => personYaml(p, 'Specialist teacher', 'duty-professional')),
  ].join('\n');
  await appendFile(join(dir, 'people.yaml'), yaml, 'utf8');
  return { dir, schools: senco, duty: professionals, remove: () => rm(dir, { recursive: true, force: true }) };
}


/** What the store holds after the run: cases by status and notifications given up on. */
export interface StoredTally {
  submitted: number;
  claimed: number;
  routed: number;
  other: number;
  deadNotifications: number;
  /** Still in the outbox when the run ended (delivery is paced under Teams' rate limits). */
  pendingNotifications: number;
}

/** Reads the bot's SQLite file (a second connection, as two bot processes would share it). */
export async function tallyStore(sqlitePath: string): Promise<StoredTally> {
  const store = await openStore({ kind: 'sqlite', path: sqlitePath });
  try {
    const count = async (statuses: readonly CaseStatus[]): Promise<number> => (await store.listCasesByStatus(statuses, 1_000_000)).length;
    const others = CASE_STATUSES.filter((s) => s !== 'submitted' && s !== 'claimed' && s !== 'routed');
    return {
      submitted: await count(['submitted']),
      claimed: await count(['claimed']),
      routed: await count(['routed']),
      other: await count(others),
      deadNotifications: (await store.listOutbox('dead', 1_000_000)).length,
      pendingNotifications: (await store.listOutbox('pending', 1_000_000)).length,
    };
  } finally {
    await store.close();
  }
}
