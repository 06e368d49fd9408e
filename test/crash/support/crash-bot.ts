import { spawnLocalBot } from '../../e2e/support/bot-process';
import type { RunningChild } from '../../e2e/support/child-process';
import { freePort } from '../../e2e/support/free-port';

/** The real bot (src/main.ts) as a child process on one SQLite file, to be killed and started again. */
export interface CrashBot {
  readonly child: RunningChild;
  readonly messagesUrl: string;
}

/** How far each start moves the child's clock past the one before: more than the outbox's 120 s lease. */
export const CLOCK_STEP_MS = 125_000;

/** The app to run: src/main.ts transpiled (see transpiled-app.ts), and the clock preload. */
export interface AppFiles {
  readonly mainJs: string;
  readonly clockPreloadJs: string;
}

/** Starts the bot in local mode on a free port with `sqlitePath` (new or continuing), its clock `clockOffsetMs` ahead; waits for /healthz. */
export async function startCrashBot(app: AppFiles, sqlitePath: string, clockOffsetMs: number): Promise<CrashBot> {
  const { child, baseUrl } = await spawnLocalBot({
    nodeArgs: ['-r', app.clockPreloadJs, app.mainJs],
    port: await freePort(),
    sqlitePath,
    env: { LOG_LEVEL: 'warn', CRASH_CLOCK_OFFSET_MS: String(clockOffsetMs) },
    timeoutMs: 30_000,
  });
  return { child, messagesUrl: `${baseUrl}/api/messages` };
}
