import { runDeliveryScenario } from '../test/app/outbox/support/delivery-scenario';

/** A bench scenario's printed figures. */
export interface BenchResult {
  name: string;
  lines: string[];
  /** Broken promises (a notification lost or sent twice, a limit exceeded); bench/run.ts exits non-zero on any. */
  errors?: number;
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

/**
 * The outbox under load: 1,000 notifications over 20 conversations (15 personal chats, 5 channels)
 * through the real dispatcher and bot notifier into a fake Bot Connector on 127.0.0.1 that answers
 * 30% of calls with 429 (Retry-After 2 s) or 500. Teams' windows are checked on the connector's
 * own call log. Simulated time is the dispatcher's clock, moved 250 ms per tick. Returns the
 * figures as lines (bench/run.ts prints them; run directly, this file prints them itself).
 */
export async function runOutboxBench(): Promise<BenchResult> {
  const f = await runDeliveryScenario({ notifications: 1_000, conversations: 20, failureShare: 0.3 });
  const lines = [
    `notifications ${f.notifications} over ${f.conversations} conversations; 30% of connector calls fail (429 with Retry-After, or 500)`,
    `delivered ${f.delivered}/${f.notifications}, duplicates ${f.duplicates}, dead-lettered ${f.deadLettered}`,
    `connector calls ${f.attempts} (${(f.attempts / f.notifications).toFixed(2)} per notification): ${f.throttled} × 429, ${f.serverErrors} × 500`,
    ...f.worstWindows.map((w) => `max calls to one conversation in any ${seconds(w.windowMs)}: ${w.max} (Teams limit ${w.limit})`),
    `max calls to all conversations in any 1 s: ${f.worstAppSecond.max} (app limit ${f.worstAppSecond.limit})`,
    `delivered by (simulated clock): half ${seconds(f.deliveredByMs.p50)}, 99% ${seconds(f.deliveredByMs.p99)}, all ${seconds(f.simulatedMs)} (the last wait on backoff after repeated failures)`,
    `total time: ${seconds(f.simulatedMs)} simulated, ${seconds(f.realMs)} real (${f.ticks} dispatcher ticks, 250 ms apart on the simulated clock)`,
  ];
  const teams = new Map([[1_000, 7], [2_000, 8], [30_000, 60], [3_600_000, 1_800]]);
  const errors =
    (f.notifications - f.delivered) + f.duplicates + f.worstWindows.filter((w) => w.max > (teams.get(w.windowMs) ?? 0)).length + (f.worstAppSecond.max > 50 ? 1 : 0);
  return { name: 'outbox', lines, errors };
}

if (require.main === module) {
  runOutboxBench().then((result) => process.stdout.write(`${result.lines.join('\n')}\n`)).catch((err: unknown) => {
    process.stderr.write(`outbox bench failed: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
}
