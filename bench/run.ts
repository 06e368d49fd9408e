import { cpus } from 'node:os';
import { runInsightBench } from './insight';
import { runIntakeBench } from './intake';
import { runJourneyBench } from './journey';
import { runOutboxBench } from './outbox';
import { runWelcomeBench } from './welcome';
import type { BenchSettings, ScenarioReport } from './scenario-kit';

/** A whole number from the environment within bounds, or the default. */
function envNumber(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min || value > max) throw new Error(`${name} must be a number from ${min} to ${max}, not "${raw}"`);
  return value;
}

const settings: BenchSettings = {
  seconds: envNumber('BENCH_SECONDS', 10, 1, 120),
  warmupSeconds: envNumber('BENCH_WARMUP_SECONDS', 2, 0, 30),
  conversations: envNumber('BENCH_CONVERSATIONS', 20, 1, 200),
};

/** The scenarios, in the order they run. */
const scenarios: Array<{ name: string; run(): Promise<ScenarioReport> }> = [
  { name: 'welcome', run: () => runWelcomeBench(settings) },
  { name: 'intake', run: () => runIntakeBench(settings) },
  { name: 'outbox', run: () => runOutboxBench() },
  { name: 'insight', run: () => runInsightBench() },
  { name: 'journey', run: () => runJourneyBench(settings) },
];

async function main(): Promise<number> {
  const only = process.env.BENCH_ONLY?.split(',').map((s) => s.trim());
  process.stdout.write(
    `SEND Front Door benchmarks: Node ${process.version}, ${cpus().length} CPU(s), ` +
      `${settings.conversations} conversations, ${settings.warmupSeconds} s warm-up + ${settings.seconds} s per bot\n` +
      `Everything (driver, fake connector, bots) runs in this one process; compare the ratios, the milliseconds move with the machine.\n`,
  );
  let failed = 0;
  for (const scenario of scenarios) {
    if (only && !only.includes(scenario.name)) continue;
    process.stdout.write(`\n== ${scenario.name} ==\n`);
    const startedAt = Date.now();
    try {
      const report = await scenario.run();
      process.stdout.write(`${report.lines.join('\n')}\n`);
      if ((report.errors ?? 0) > 0) {
        failed += 1;
        process.stdout.write(`${scenario.name}: ${report.errors} error(s)\n`);
      }
    } catch (err) {
      failed += 1;
      process.stdout.write(`${scenario.name} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    }
    process.stdout.write(`(${scenario.name} took ${((Date.now() - startedAt) / 1000).toFixed(1)} s)\n`);
  }
  process.stdout.write(failed > 0 ? `\n${failed} scenario(s) had errors.\n` : '\nAll scenarios ran without errors.\n');
  return failed > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`bench failed: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
