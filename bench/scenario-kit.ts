import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadConfig } from '../src/config';
import { startBot } from '../src/main';
import type { Logger } from '../src/ports/logger';
import { drive, type DriveOptions, type DriveResult } from './http-driver';
import { collectGarbage, fmt, fmtRatio, formatTable, mebibytes, ratio, sampleMemory, type MemoryPeaks, summarise, throughputPerSecond, type LatencySummary } from './stats';

/** What each scenario hands to bench/run.ts (outbox.ts returns the same shape, without errors). */
export interface ScenarioReport {
  name: string;
  lines: string[];
  /** Failed turns or logged errors; any makes `npm run bench` exit non-zero. */
  errors?: number;
}

/** Priya Shah, a SENCO in data/people.yaml: every bench conversation speaks as her. */
export const SENCO = { aadObjectId: '00000000-0000-0000-0000-000000000101', name: 'Priya Shah' } as const;

/** How long and how wide a scenario runs. */
export interface BenchSettings {
  seconds: number;
  warmupSeconds: number;
  conversations: number;
}

/** One bot's figures for one kind of turn. */
export interface BotFigures {
  bot: string;
  latency: LatencySummary;
  turnsPerSecond: number;
  errors: number;
  /** Left out for rows that are a part of another row's turns. */
  memory?: MemoryFigures;
}

/** The real bot (src/main.ts startBot) on SQLite in a fresh temp dir, logging nothing but counting errors. */
export async function startRealBot(
  referenceDataDir: string = resolve(__dirname, '..', 'data'),
): Promise<{ url: string; sqlitePath: string; loggedErrors(): number; shutdown(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'frontdoor-bench-'));
  let loggedErrors = 0;
  const logger: Logger = {
    info: () => undefined,
    warn: () => undefined,
    error: (event, fields) => {
      loggedErrors += 1;
      if (process.env.BENCH_SHOW_ERRORS) process.stderr.write(`${event} ${JSON.stringify(fields)}\n`);
    },
  };
  const config = loadConfig({
    APP_MODE: 'local',
    PORT: '0',
    HOST: '127.0.0.1',
    SQLITE_PATH: join(dir, 'frontdoor.db'),
    REFERENCE_DATA_DIR: referenceDataDir,
    LOG_LEVEL: 'silent',
  });
  const bot = await startBot(config, { logger });
  return {
    url: `http://127.0.0.1:${bot.port}`,
    sqlitePath: join(dir, 'frontdoor.db'),
    loggedErrors: () => loggedErrors,
    shutdown: async () => {
      await bot.shutdown();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Memory while a bot was driven: peaks, and the heap still held after its turns (after a full GC). */
export interface MemoryFigures {
  peakRssBytes: number;
  peakHeapBytes: number;
  keptHeapBytes: number;
}

/** One bot's measured turns (all slices together) and the memory seen meanwhile. */
export interface BotRun {
  result: DriveResult;
  memory: MemoryFigures;
  /** Turns per second of each measured slice, in order. */
  sliceTurnsPerSecond: number[];
}

/** Drives once while sampling memory (after a full GC, so the start reading is settled). */
async function driveWithMemory(options: DriveOptions): Promise<{ result: DriveResult; memory: MemoryPeaks }> {
  collectGarbage();
  const sampler = sampleMemory();
  const result = await drive(options);
  collectGarbage();
  return { result, memory: sampler.stop() };
}

function addSlice(run: BotRun, slice: { result: DriveResult; memory: MemoryPeaks }): void {
  const { result, memory } = run;
  run.sliceTurnsPerSecond.push(throughputPerSecond(slice.result.samples.length, slice.result.windowMs));
  result.samples.push(...slice.result.samples);
  result.windowMs += slice.result.windowMs;
  result.turnsStarted += slice.result.turnsStarted;
  result.errors += slice.result.errors;
  result.extraReplies += slice.result.extraReplies;
  for (const e of slice.result.firstErrors) if (result.firstErrors.length < 5 && !result.firstErrors.includes(e)) result.firstErrors.push(e);
  memory.peakRssBytes = Math.max(memory.peakRssBytes, slice.memory.peak.rss);
  memory.peakHeapBytes = Math.max(memory.peakHeapBytes, slice.memory.peak.heapUsed);
  memory.keptHeapBytes += slice.memory.end.heapUsed - slice.memory.start.heapUsed;
}

/**
 * Drives each bot for the warm-up (not measured), then takes turns: a slice of about two seconds
 * each, bot after bot, until each has had `seconds` measured. Interleaving keeps a noisy
 * neighbour from landing on one bot only. The plans and conversation ids carry over between slices.
 */
export async function driveInterleaved(
  settings: BenchSettings,
  bots: ReadonlyArray<Omit<DriveOptions, 'conversations' | 'warmupMs' | 'durationMs'>>,
): Promise<BotRun[]> {
  const pairs = bots.map((bot) => ({
    bot,
    run: {
      result: { samples: [], windowMs: 0, turnsStarted: 0, errors: 0, firstErrors: [], extraReplies: 0 },
      memory: { peakRssBytes: 0, peakHeapBytes: 0, keptHeapBytes: 0 },
      sliceTurnsPerSecond: [],
    } as BotRun,
  }));
  const conversations = settings.conversations;
  for (const { bot, run } of pairs) {
    const warmup = await drive({ ...bot, conversations, warmupMs: settings.warmupSeconds * 1000, durationMs: 0 });
    run.result.errors += warmup.errors;
    run.result.firstErrors.push(...warmup.firstErrors.slice(0, 2));
  }
  const slices = Math.max(1, Math.round(settings.seconds / 2));
  for (let slice = 0; slice < slices; slice += 1) {
    for (const { bot, run } of pairs) {
      addSlice(run, await driveWithMemory({ ...bot, conversations, warmupMs: 0, durationMs: (settings.seconds * 1000) / slices }));
    }
  }
  return pairs.map((p) => p.run);
}

/** Figures for the turns of one label (all labels when label is undefined). */
export function figuresFor(bot: string, run: BotRun, label?: string, extraErrors = 0): BotFigures {
  const latencies = run.result.samples.filter((s) => label === undefined || s.label === label).map((s) => s.latencyMs);
  return {
    bot,
    latency: summarise(latencies),
    turnsPerSecond: throughputPerSecond(latencies.length, run.result.windowMs),
    errors: run.result.errors + extraErrors,
    ...(label === undefined ? { memory: run.memory } : {}),
  };
}

/** The table of figures, one row per bot. */
export function figuresTable(rows: readonly BotFigures[]): string[] {
  return formatTable(
    ['bot / turn', 'turns', 'turns/s', 'p50 ms', 'p90 ms', 'p99 ms', 'mean ms', 'errors', 'peak RSS MiB', 'peak heap MiB', 'heap kept MiB'],
    rows.map((r) => [
      r.bot,
      String(r.latency.count),
      fmt(r.turnsPerSecond),
      fmt(r.latency.p50, 2),
      fmt(r.latency.p90, 2),
      fmt(r.latency.p99, 2),
      fmt(r.latency.mean, 2),
      String(r.errors),
      r.memory ? mebibytes(r.memory.peakRssBytes) : '',
      r.memory ? mebibytes(r.memory.peakHeapBytes) : '',
      r.memory ? mebibytes(r.memory.keptHeapBytes) : '',
    ]),
  );
}

/** Throughput and p99 of the real bot relative to the echo bot, with the verdict when targets are given. */
export function comparisonLines(real: BotFigures, echo: BotFigures, targets?: { minThroughputRatio: number; maxP99Ratio: number }): string[] {
  const throughputRatio = ratio(real.turnsPerSecond, echo.turnsPerSecond);
  const p99Ratio = ratio(real.latency.p99, echo.latency.p99);
  const lines = [
    `throughput ratio ${real.bot} / ${echo.bot}: ${fmtRatio(throughputRatio)}`,
    `p50 ratio ${real.bot} / ${echo.bot}: ${fmtRatio(ratio(real.latency.p50, echo.latency.p50))}`,
    `p99 ratio ${real.bot} / ${echo.bot}: ${fmtRatio(p99Ratio)}`,
  ];
  if (targets) {
    const met = throughputRatio >= targets.minThroughputRatio && p99Ratio <= targets.maxP99Ratio;
    lines.push(`target (throughput ≥ ${targets.minThroughputRatio}× echo, p99 ≤ ${targets.maxP99Ratio}× echo): ${met ? 'target met' : 'target missed'}`);
  }
  return lines;
}

/** Where the first errors of a run are listed, if any. */
export function errorLines(bot: string, result: DriveResult, loggedErrors = 0): string[] {
  const lines = result.firstErrors.map((e) => `  ${bot} error: ${e}`);
  if (loggedErrors > 0) lines.push(`  ${bot}: ${loggedErrors} error(s) logged by the bot (turn.failed and the like)`);
  if (result.extraReplies > 0) lines.push(`  ${bot}: ${result.extraReplies} extra repl(ies) beyond one per message turn (not measured)`);
  return lines;
}

/** The real/echo throughput ratio of each pair of neighbouring slices: min, median and max. */
export function sliceRatioLine(real: BotRun, echo: BotRun): string {
  const ratios = real.sliceTurnsPerSecond.map((r, i) => ratio(r, echo.sliceTurnsPerSecond[i] ?? Number.NaN)).filter(Number.isFinite);
  if (ratios.length === 0) return 'throughput ratio per slice pair: -';
  const s = summarise(ratios);
  return `throughput ratio per slice pair (${s.count} pairs): min ${fmtRatio(s.min)}, median ${fmtRatio(s.p50)}, max ${fmtRatio(s.max)}`;
}
