import path from 'node:path';
import { describeOutput, spawnRecorded, type ChildExit, type RunningChild } from './child-process';
import { freePort } from './free-port';
import { REPO_ROOT } from './repo-paths';
import { answersOk, waitUntil } from './wait-until';

/** The real bot server, running as a child process. */
export interface RunningBot {
  readonly child: RunningChild;
  readonly baseUrl: string;
  readonly messagesUrl: string;
  readonly port: number;
  /** The SQLite file it keeps its data in. */
  readonly sqlitePath: string;
}

/** Options for startBot. */
export interface StartBotOptions {
  /** Listen on this port (e.g. the one an earlier run used, so the Playground's endpoint still works); a free one if unset. */
  readonly port?: number;
}

/** Starts src/main.ts in local mode on a free port with the SQLite file in `workDir` (new on first start); waits for /healthz. */
export async function startBot(workDir: string, timeoutMs = 60_000, options: StartBotOptions = {}): Promise<RunningBot> {
  const port = options.port ?? (await freePort());
  const sqlitePath = path.join(workDir, 'frontdoor.db');
  const baseUrl = `http://127.0.0.1:${port}`;
  const child = spawnRecorded('bot', process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/main.ts'], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      APP_MODE: 'local',
      PORT: String(port),
      HOST: '127.0.0.1',
      STORE: 'sqlite',
      SQLITE_PATH: sqlitePath,
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
  return { child, baseUrl, messagesUrl: `${baseUrl}/api/messages`, port, sqlitePath };
}

/** Ends the bot with one signal, then starts it again on the same port and SQLite file; says how the old one ended. */
export async function restartBot(bot: RunningBot, workDir: string, signal: NodeJS.Signals): Promise<{ bot: RunningBot; ended: ChildExit }> {
  const ended = await bot.child.kill(signal);
  return { bot: await startBot(workDir, 60_000, { port: bot.port }), ended };
}
