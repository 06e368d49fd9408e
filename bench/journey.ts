import { ECHO_VERB, startEchoBot } from './echo-bot';
import type { DriveResult } from './http-driver';
import { INTAKE_JOURNEY, SUBMIT_LABEL } from './intake';
import { startJourneyConnector, type ConnectorTally } from './journey-connector';
import { CLAIM_LABEL, echoWorld, journeyWorld, ROUTE_LABEL, type JourneyCounts } from './journey-driver';
import { makeJourneyPeople, tallyStore, type StoredTally } from './journey-people';
import { comparisonLines, errorLines, figuresFor, figuresTable, SENCO, sliceRatioLine, startRealBot, type BenchSettings, type BotRun, type ScenarioReport } from './scenario-kit';
import { collectGarbage, sampleMemory, type MemoryPeaks } from './stats';

/** 100 schools and 5 duty professionals (from the issue). */
export const JOURNEY_SCHOOLS = 100;
export const JOURNEY_DUTY = 5;

/** The turn types reported one by one, in the order of a case's life. */
const TURN_TYPES: ReadonlyArray<{ label: string; title: string; match(label: string): boolean }> = [
  { label: 'start', title: 'start (intakeStart)', match: (l) => l === 'start' },
  { label: 'next', title: 'next (intakeNext, six steps)', match: (l) => l.startsWith('next') },
  { label: SUBMIT_LABEL, title: 'submit (intakeSubmit)', match: (l) => l === SUBMIT_LABEL },
  { label: CLAIM_LABEL, title: 'claim (claimCase, duty channel)', match: (l) => l === CLAIM_LABEL },
  { label: ROUTE_LABEL, title: 'route (triageRoute)', match: (l) => l === ROUTE_LABEL },
];

function emptyRun(): BotRun {
  return {
    result: { samples: [], windowMs: 0, turnsStarted: 0, errors: 0, firstErrors: [], extraReplies: 0 },
    memory: { peakRssBytes: 0, peakHeapBytes: 0, keptHeapBytes: 0 },
    sliceTurnsPerSecond: [],
  };
}

/** Runs one slice with memory sampled (after a full GC, so the start reading is settled) and adds it to the run. */
async function measuredSlice(run: BotRun, slice: () => Promise<DriveResult>): Promise<void> {
  collectGarbage();
  const sampler = sampleMemory();
  const result = await slice();
  collectGarbage();
  const memory: MemoryPeaks = sampler.stop();
  addResult(run, result);
  run.sliceTurnsPerSecond.push(result.windowMs > 0 ? (result.samples.length * 1000) / result.windowMs : Number.NaN);
  run.memory.peakRssBytes = Math.max(run.memory.peakRssBytes, memory.peak.rss);
  run.memory.peakHeapBytes = Math.max(run.memory.peakHeapBytes, memory.peak.heapUsed);
  run.memory.keptHeapBytes += memory.end.heapUsed - memory.start.heapUsed;
}

function addResult(run: BotRun, result: DriveResult): void {
  run.result.samples.push(...result.samples);
  run.result.windowMs += result.windowMs;
  run.result.turnsStarted += result.turnsStarted;
  run.result.errors += result.errors;
  run.result.extraReplies += result.extraReplies;
  for (const e of result.firstErrors) if (run.result.firstErrors.length < 5 && !run.result.firstErrors.includes(e)) run.result.firstErrors.push(e);
}

/** Relabels a run's samples by turn type, so figuresFor can pick them out. */
function byTurnType(run: BotRun): BotRun {
  const samples = run.result.samples.map((s) => ({ ...s, label: TURN_TYPES.find((t) => t.match(s.label))?.label ?? s.label }));
  return { ...run, result: { ...run.result, samples } };
}

/**
 * The whole service at once on the real bot (SQLite, reference data with the bench's people):
 * 100 schools each sending whole requests in a closed loop, and 5 duty professionals claiming
 * (in the duty channel) and routing every submitted case, vs the echo bot's Action.Execute on
 * as many conversations, in alternating slices.
 */
export async function runJourneyBench(settings: BenchSettings, schools = JOURNEY_SCHOOLS, duty = JOURNEY_DUTY): Promise<ScenarioReport> {
  const people = await makeJourneyPeople(schools, duty);
  const connector = await startJourneyConnector();
  const echoBot = await startEchoBot();
  const realBot = await startRealBot(people.dir);
  const world = journeyWorld({ botUrl: realBot.url, connector, runId: 'journey-real', schools: people.schools, duty: people.duty, journey: INTAKE_JOURNEY });
  try {
    const conversations = schools + duty;
    const echo = echoWorld({ botUrl: echoBot.url, connector, runId: 'journey-echo', person: SENCO, conversations, verb: ECHO_VERB });
    const echoRun = emptyRun();
    const realRun = emptyRun();
    const warmupMs = settings.warmupSeconds * 1000;
    try {
      addResult(echoRun, { ...(await echo.runSlice(warmupMs, 0)), samples: [], windowMs: 0 });
      addResult(realRun, { ...(await world.runSlice(warmupMs, 0)), samples: [], windowMs: 0 });
      const warmedUp = world.counts();
      const slices = Math.max(1, Math.round(settings.seconds / 2));
      const sliceMs = (settings.seconds * 1000) / slices;
      for (let slice = 0; slice < slices; slice += 1) {
        await measuredSlice(echoRun, () => echo.runSlice(0, sliceMs));
        await measuredSlice(realRun, () => world.runSlice(0, sliceMs));
      }
      const counts = world.counts();
      const stored = await tallyStore(realBot.sqlitePath);
      return report(settings, { schools, duty, conversations }, { echoRun, realRun, echoErrors: echoBot.errors(), realErrors: realBot.loggedErrors() }, warmedUp, counts, stored, connector.tally());
    } finally {
      echo.close();
    }
  } finally {
    world.close();
    await Promise.allSettled([echoBot.shutdown(), realBot.shutdown()]);
    await connector.close();
    await people.remove();
  }
}

/** The scenario's figures and verdict lines. */
function report(
  settings: BenchSettings,
  size: { schools: number; duty: number; conversations: number },
  runs: { echoRun: BotRun; realRun: BotRun; echoErrors: number; realErrors: number },
  warmedUp: JourneyCounts,
  counts: JourneyCounts,
  stored: StoredTally,
  delivered: ConnectorTally,
): ScenarioReport {
  const { echoRun, realRun } = runs;
  const { schools, duty, conversations } = size;
  const echo = figuresFor('echo bot: invoke', echoRun, undefined, runs.echoErrors);
  const all = figuresFor('real bot: every turn', realRun, undefined, runs.realErrors);
  const typed = byTurnType(realRun);
  const rows = TURN_TYPES.map((t) => figuresFor(`  ${t.title}`, typed, t.label));
  const storeProblems = [
    ...(stored.routed !== counts.routed ? [`the store has ${stored.routed} routed cases, the duty team routed ${counts.routed}`] : []),
    ...(stored.submitted + stored.claimed + stored.routed + stored.other !== counts.submitted ? [`the store has ${stored.submitted + stored.claimed + stored.routed + stored.other} cases, the schools were given ${counts.submitted} refs`] : []),
    ...(stored.claimed !== counts.claimed - counts.routed ? [`the store has ${stored.claimed} claimed cases waiting for a decision, the duty team has ${counts.claimed - counts.routed}`] : []),
    ...(stored.other > 0 ? [`${stored.other} case(s) in a status nobody chose`] : []),
    ...(stored.deadNotifications > 0 ? [`${stored.deadNotifications} notification(s) dead-lettered`] : []),
  ];
  const errors = echo.errors + all.errors + storeProblems.length;
  return {
    name: 'journey',
    errors,
    lines: [
      `${schools} schools (SENCOs at 4 primary schools) each sending whole requests (${INTAKE_JOURNEY.length} Action.Execute turns) in a closed loop, and ${duty} duty professionals claiming in the duty channel and routing every submitted case; ` +
        `echo bot: ${conversations} conversations; ${settings.warmupSeconds} s warm-up + ${settings.seconds} s measured per bot in alternating slices; latency = HTTP round trip of the invoke`,
      ...figuresTable([echo, all, ...rows]),
      ...comparisonLines({ ...all, bot: 'real' }, { ...echo, bot: 'echo' }),
      sliceRatioLine(realRun, echoRun),
      `cases: ${counts.submitted} submitted, ${counts.claimed} claimed, ${counts.routed} routed (in the measured slices: ${counts.submitted - warmedUp.submitted} / ${counts.claimed - warmedUp.claimed} / ${counts.routed - warmedUp.routed}); ` +
        `${counts.submitted - counts.claimed} left unclaimed at the end`,
      `in the store: ${stored.submitted} submitted, ${stored.claimed} claimed, ${stored.routed} routed; notifications: ${stored.deadNotifications} dead-lettered, ${stored.pendingNotifications} still waiting in the outbox`,
      `notifications delivered to the connector: ${delivered.threads} duty-channel alerts, ${delivered.updates} alert updates, ${delivered.messages} chat messages`,
      ...storeProblems.map((p) => `  store error: ${p}`),
      `errors: ${errors} (target: none): ${errors === 0 ? 'target met' : 'target missed'}`,
      ...errorLines('echo', echoRun.result, runs.echoErrors),
      ...errorLines('real', realRun.result, runs.realErrors),
    ],
  };
}
