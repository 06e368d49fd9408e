import { loadConfig } from '../src/config';
import { addCalendarDays, isWeekend, londonDate, workingDayCalendar } from '../src/domain/calendar';
import { NEW_CASE_DEFAULTS, type CaseRecord, type CaseStatus, type NeedCode, type Phase } from '../src/domain/case-record';
import { londonMidnight } from '../src/domain/insights/case-facts';
import { tallyOf, type PanelState, type PanelVote, type VoteChoice } from '../src/domain/panel';
import { formatReference } from '../src/domain/reference-number';
import { openStore } from '../src/store/open-store';
import type { Store } from '../src/ports/store';
import { seededRandom } from '../src/domain/seeded-random';


const pick = <T>(random: () => number, weighted: ReadonlyArray<readonly [T, number]>): T => {
  const total = weighted.reduce((sum, [, w]) => sum + w, 0);
  let r = random() * total;
  for (const [value, w] of weighted) if ((r -= w) < 0) return value;
  return weighted[weighted.length - 1]![0];
};

/** Requests per month relative to the average: busy autumn and spring, quiet August and holidays. */
const MONTH_WEIGHT = [1.1, 1.0, 1.2, 0.8, 1.1, 1.1, 0.7, 0.15, 1.1, 1.3, 1.3, 0.8];
const NEEDS: ReadonlyArray<readonly [NeedCode, number]> = [['SEMH', 25], ['SLCN', 19], ['ASD', 18], ['MLD', 10], ['SpLD', 8], ['NSA', 5], ['PD', 4], ['HI', 3], ['VI', 2], ['SLD', 2], ['OTH', 2], ['MSI', 1], ['PMLD', 1]];
const PHASES: ReadonlyArray<readonly [Phase, number]> = [['primary', 55], ['secondary', 25], ['early-years', 10], ['special', 4], ['post-16', 3], ['all-through', 2], ['other', 1]];
const FIRST_RESPONSE_DAYS: ReadonlyArray<readonly [number, number]> = [[0, 18], [1, 34], [2, 26], [3, 11], [4, 5], [5, 3], [7, 2], [10, 1]];

export interface SeedOptions {
  cases: number;
  /** The London date of the newest case; the oldest is about four school years earlier. */
  until: string;
  seed: number;
  settingIds: readonly string[];
  serviceIds: readonly string[];
}

/** Synthetic cases over four school years: seasonal demand, term-time weekdays, realistic mixes, no pupil details. */
export function* syntheticCases(options: SeedOptions): Generator<CaseRecord> {
  const random = seededRandom(options.seed);
  // Panel decisions draw from their own source, so their details do not shift the other cases' draws.
  const panelRandom = seededRandom(options.seed + 0x9e3779b9);
  const calendar = workingDayCalendar();
  const start = `${Number(options.until.slice(0, 4)) - 4}-09-01`;
  const days: Array<{ date: string; weight: number }> = [];
  for (let d = start; d <= options.until; d = addCalendarDays(d, 1)) {
    if (isWeekend(d) || !calendar.isWorkingDay(d)) continue;
    days.push({ date: d, weight: MONTH_WEIGHT[Number(d.slice(5, 7)) - 1] ?? 1 });
  }
  const totalWeight = days.reduce((sum, d) => sum + d.weight, 0);
  const perYear = new Map<number, number>();
  let made = 0;
  for (const day of days) {
    const share = (day.weight / totalWeight) * options.cases;
    const count = Math.min(options.cases - made, Math.floor(share) + (random() < share % 1 ? 1 : 0));
    for (let i = 0; i < count; i += 1) {
      made += 1;
      const year = Number(day.date.slice(0, 4));
      const n = (perYear.get(year) ?? 0) + 1;
      perYear.set(year, n);
      yield syntheticCase(random, panelRandom, options, formatReference(year, n), day.date, calendar);
    }
  }
  const last = days[days.length - 1]?.date ?? options.until;
  for (; made < options.cases; made += 1) {
    const year = Number(last.slice(0, 4));
    const n = (perYear.get(year) ?? 0) + 1;
    perYear.set(year, n);
    yield syntheticCase(random, panelRandom, options, formatReference(year, n), last, calendar);
  }
}

/** Share of the panel's decisions that agree a package; the rest are "not agreed" with alternative advice. */
export const DEMO_AGREED_SHARE = 0.8;
const PANEL_MEMBERS = ['demo:panel-1', 'demo:panel-2', 'demo:panel-3', 'demo:panel-4', 'demo:panel-5'];

/** A decided panel's record: quorate votes leaning the way it went, and the chair's decision with its figures. */
function decidedPanel(random: () => number, escalatedAt: string, panelDue: string, options: SeedOptions, calendar: ReturnType<typeof workingDayCalendar>): PanelState {
  const agreed = random() < DEMO_AGREED_SHARE;
  const escalatedOn = londonDate(new Date(escalatedAt));
  const planned = calendar.addWorkingDaysToDate(escalatedOn, 2 + Math.floor(random() * 12));
  const decidedOn = planned > options.until ? options.until : planned;
  const at = new Date(Math.max(Date.parse(escalatedAt) + 3_600_000, Date.parse(londonMidnight(decidedOn)) + 14 * 3_600_000)).toISOString();
  const lean: ReadonlyArray<readonly [VoteChoice, number]> = agreed ? [['support', 70], ['support-with-changes', 25], ['do-not-support', 5]] : [['do-not-support', 70], ['support-with-changes', 20], ['support', 10]];
  const votes: PanelVote[] = PANEL_MEMBERS.slice(0, 3 + Math.floor(random() * 3)).map((byKey) => {
    const choice = pick(random, lean);
    return { byKey, choice, comment: choice === 'support' ? '' : 'Demo comment', at: escalatedAt };
  });
  const serviceCount = agreed ? 1 + Math.floor(random() * 2) : 0;
  const services = [...new Set(Array.from({ length: serviceCount }, () => options.serviceIds[Math.floor(random() * options.serviceIds.length)] ?? 'educational-psychology'))];
  const tally = tallyOf(votes);
  return {
    votes,
    meetingDate: null,
    meetingReminded: null,
    decision: {
      at,
      byKey: PANEL_MEMBERS[0] ?? 'demo:panel-1',
      outcome: agreed ? 'agreed' : 'not-agreed',
      package: services.map((serviceId) => ({ serviceId, action: 'Demo support', lead: 'Demo lead' })),
      schoolWords: agreed ? 'Demo: the package agreed.' : 'Demo: the alternative advice.',
      measures: {
        escalatedAt,
        hoursToDecision: Math.round((Date.parse(at) - Date.parse(escalatedAt)) / 360_000) / 10,
        workingDaysToDecision: calendar.workingDaysBetween(escalatedOn, decidedOn),
        withinSetTime: decidedOn <= panelDue,
        outcome: agreed ? 'agreed' : 'not-agreed',
        services,
        votes: { support: tally.support, supportWithChanges: tally.supportWithChanges, doNotSupport: tally.doNotSupport },
      },
    },
  };
}

function syntheticCase(random: () => number, panelRandom: () => number, options: SeedOptions, ref: string, date: string, calendar: ReturnType<typeof workingDayCalendar>): CaseRecord {
  const submittedAt = new Date(Date.parse(londonMidnight(date)) + (8 + random() * 9) * 3_600_000).toISOString();
  const due = calendar.addWorkingDaysToDate(date, 2);
  const age = (Date.parse(options.until) - Date.parse(date)) / 86_400_000;
  const yearsAgo = age / 365;
  const days = pick(random, FIRST_RESPONSE_DAYS);
  const answered = age > days + 2;
  const panelShare = 0.08 + 0.025 * yearsAgo; // falls as more requests are screened out early
  const outcome: CaseStatus = !answered
    ? pick(random, [['submitted', 3], ['claimed', 2]])
    : age < 20
      ? pick(random, [['routed', 35], ['advised', 30], ['awaiting-school', 15], ['panel', panelShare * 100], ['claimed', 10]])
      : pick(random, [['routed', 44], ['advised', 28], ['decided', panelShare * 100], ['withdrawn', 5], ['closed', 7]]);
  const toPanel = outcome === 'panel' || outcome === 'decided';
  const services = outcome === 'routed' ? [options.serviceIds[Math.floor(random() * options.serviceIds.length)] ?? 'educational-psychology'] : [];
  const firstResponseAt = answered ? new Date(Date.parse(submittedAt) + days * 86_400_000 * 1.4).toISOString() : null;
  const panelDue = toPanel ? calendar.addWorkingDaysToDate(date, 12) : null;
  // The escalation is the school's first response; a decided panel leaves its services in the package.
  const panel = outcome === 'decided' && firstResponseAt !== null && panelDue !== null ? decidedPanel(panelRandom, firstResponseAt, panelDue, options, calendar) : NEW_CASE_DEFAULTS.panel;
  return {
    ref,
    submissionKey: `demo:${ref}`,
    settingId: options.settingIds[Math.floor(random() * options.settingIds.length)] ?? '900001',
    status: outcome,
    channel: pick(random, [['teams', 80], ['phone', 12], ['email', 8]] as const),
    requesterKey: 'demo:requester',
    claimantKey: outcome === 'submitted' ? null : 'demo:duty',
    phase: pick(random, PHASES),
    primaryNeed: pick(random, NEEDS),
    urgency: pick(random, [['routine', 80], ['soon', 15], ['urgent', 5]] as const),
    submittedAt,
    updatedAt: panel.decision?.at ?? firstResponseAt ?? submittedAt,
    firstResponseDue: due,
    request: { demo: true },
    ...NEW_CASE_DEFAULTS,
    claimedAt: outcome === 'submitted' ? null : submittedAt,
    firstResponseAt,
    routedTo: services,
    panelDue,
    withdrawal: outcome === 'withdrawn' ? { at: firstResponseAt ?? submittedAt, byKey: 'demo:requester', reason: 'Demo' } : null,
    measures: answered ? { firstResponseWorkingDays: days, firstResponseHours: Math.round(days * 24 * 1.4 * 10) / 10, withinSetTime: days <= 2, pausedWorkingDays: 0 } : null,
    panel,
  };
}

/** Writes the synthetic cases through the store port; returns how many were new. */
export async function seedDemo(store: Store, options: SeedOptions, onProgress?: (done: number) => void): Promise<number> {
  let created = 0;
  let done = 0;
  const batch: CaseRecord[] = [];
  const flush = async () => {
    const results = await Promise.all(batch.splice(0).map((record) => store.createCase(record)));
    created += results.filter((r) => r.created).length;
    done += results.length;
    onProgress?.(done);
  };
  for (const record of syntheticCases(options)) {
    batch.push(record);
    if (batch.length >= 500) await flush();
  }
  await flush();
  return created;
}

function argValue(argv: string[], name: string): string | undefined {
  const at = argv.indexOf(name);
  return at >= 0 ? argv[at + 1] : undefined;
}

async function main(argv: string[]): Promise<void> {
  const cases = Number(argValue(argv, '--cases') ?? '10000');
  if (!Number.isInteger(cases) || cases < 1 || cases > 400_000) throw new Error('--cases must be a whole number from 1 to 400000');
  const config = loadConfig(process.env);
  const store = await openStore(config.store);
  const { loadReferenceData } = await import('../src/app/reference-data/load-reference-data');
  const data = await loadReferenceData('data');
  const until = argValue(argv, '--until') ?? new Date().toISOString().slice(0, 10);
  const started = Date.now();
  const created = await seedDemo(store, { cases, until, seed: Number(argValue(argv, '--seed') ?? '7'), settingIds: data.settings.map((s) => s.id), serviceIds: data.services.map((s) => s.id) }, (done) => {
    if (done % 10_000 === 0) process.stdout.write(`${done} cases...\n`);
  });
  await store.close();
  process.stdout.write(`Seeded ${created} new demo cases (of ${cases}) into the ${config.store.kind} store in ${((Date.now() - started) / 1000).toFixed(1)} s.\n`);
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    process.stderr.write(`seed:demo failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
