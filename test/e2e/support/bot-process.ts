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

/** How to run a bot process in local mode: the node arguments, its port and SQLite file, and any more settings. */
export interface LocalBotLaunch {
  readonly nodeArgs: readonly string[];
  readonly port: number;
  readonly sqlitePath: string;
  readonly env?: Readonly<Record<string, string>>;
  readonly timeoutMs: number;
}

/** Spawns the bot in local mode on 127.0.0.1 and waits for /healthz; stops it if it never gets there. */
export async function spawnLocalBot(launch: LocalBotLaunch): Promise<{ child: RunningChild; baseUrl: string }> {
  const baseUrl = `http://127.0.0.1:${launch.port}`;
  const child = spawnRecorded('bot', process.execPath, [...launch.nodeArgs], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      APP_MODE: 'local',
      PORT: String(launch.port),
      HOST: '127.0.0.1',
      STORE: 'sqlite',
      SQLITE_PATH: launch.sqlitePath,
      REFERENCE_DATA_DIR: path.join(REPO_ROOT, 'data'),
      LOG_LEVEL: 'info',
      ...launch.env,
    },
  });
  try {
    await waitUntil(
      `the bot's GET ${baseUrl}/healthz`,
      async () => {
        if (child.exitCode() !== undefined) throw new Error(`The bot exited before it was healthy.\n${describeOutput(child)}`);
        return answersOk(`${baseUrl}/healthz`);
      },
      launch.timeoutMs,
      () => describeOutput(child),
    );
  } catch (error) {
    await child.stop();
    throw error;
  }
  return { child, baseUrl };
}

/** Starts src/main.ts in local mode on a free port with the SQLite file in `workDir` (new on first start); waits for /healthz. */
export async function startBot(workDir: string, timeoutMs = 60_000, options: StartBotOptions = {}): Promise<RunningBot> {
  const port = options.port ?? (await freePort());
  const sqlitePath = path.join(workDir, 'frontdoor.db');
  const { child, baseUrl } = await spawnLocalBot({ nodeArgs: ['-r', 'ts-node/register/transpile-only', 'src/main.ts'], port, sqlitePath, timeoutMs });
  return { child, baseUrl, messagesUrl: `${baseUrl}/api/messages`, port, sqlitePath };
}

/** Ends the bot with one signal, then starts it again on the same port and SQLite file; says how the old one ended. */
export async function restartBot(bot: RunningBot, workDir: string, signal: NodeJS.Signals): Promise<{ bot: RunningBot; ended: ChildExit }> {
  const ended = await bot.child.kill(signal);
  return { bot: await startBot(workDir, 60_000, { port: bot.port }), ended };
}
