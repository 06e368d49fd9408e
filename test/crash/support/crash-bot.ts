import path from 'node:path';
import { describeOutput, spawnRecorded, type RunningChild } from '../../e2e/support/child-process';
import { freePort } from '../../e2e/support/free-port';
import { REPO_ROOT } from '../../e2e/support/repo-paths';
import { answersOk, waitUntil } from '../../e2e/support/wait-until';

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
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const child = spawnRecorded('bot', process.execPath, ['-r', app.clockPreloadJs, app.mainJs], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      APP_MODE: 'local',
      PORT: String(port),
      HOST: '127.0.0.1',
      STORE: 'sqlite',
      SQLITE_PATH: sqlitePath,
      REFERENCE_DATA_DIR: path.join(REPO_ROOT, 'data'),
      LOG_LEVEL: 'warn',
      CRASH_CLOCK_OFFSET_MS: String(clockOffsetMs),
    },
  });
  try {
    await waitUntil(
      `the bot's GET ${baseUrl}/healthz`,
      async () => {
        if (child.exitCode() !== undefined) throw new Error(`The bot exited before it was healthy.\n${describeOutput(child)}`);
        return answersOk(`${baseUrl}/healthz`);
      },
      30_000,
      () => describeOutput(child),
    );
  } catch (error) {
    await child.stop();
    throw error;
  }
  return { child, messagesUrl: `${baseUrl}/api/messages` };
}
