import path from 'node:path';
import { describeOutput, spawnRecorded, type RunningChild } from './child-process';
import { freePort } from './free-port';
import { REPO_ROOT } from './repo-paths';
import { answersOk, waitUntil } from './wait-until';

/** The real bot server, running as a child process. */
export interface RunningBot {
  readonly child: RunningChild;
  readonly baseUrl: string;
  readonly messagesUrl: string;
}

/** Starts src/main.ts in local mode on a free port with a fresh SQLite file in `workDir`; waits for /healthz. */
export async function startBot(workDir: string, timeoutMs = 60_000): Promise<RunningBot> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const child = spawnRecorded('bot', process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/main.ts'], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      APP_MODE: 'local',
      PORT: String(port),
      HOST: '127.0.0.1',
      STORE: 'sqlite',
      SQLITE_PATH: path.join(workDir, 'frontdoor.db'),
      REFERENCE_DATA_DIR: path.join(REPO_ROOT, 'data'),
      LOG_LEVEL: 'info',
    },
  });
  try {
    await waitUntil(
      `the bot's GET ${baseUrl}/healthz`,
      async () => {
        if (child.exitCode() !== undefined) throw new Error(`The bot exited before it was healthy.\n${describeOutput(child)}`);
        return answersOk(`${baseUrl}/healthz`);
      },
      timeoutMs,
      () => describeOutput(child),
    );
  } catch (error) {
    await child.stop();
    throw error;
  }
  return { child, baseUrl, messagesUrl: `${baseUrl}/api/messages` };
}
