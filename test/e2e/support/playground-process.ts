import fs from 'node:fs';
import path from 'node:path';
import { describeOutput, spawnRecorded, type RunningChild } from './child-process';
import { freePort } from './free-port';
import { PLAYGROUND_CLI, PLAYGROUND_CONFIG } from './repo-paths';
import { answersOk, waitUntil } from './wait-until';

/** The Agents Playground (local Teams client), running as a child process. */
export interface RunningPlayground {
  readonly child: RunningChild;
  readonly url: string;
  readonly logFile: string;
  /** Its output plus its log file, for failure messages. */
  describe(): string;
}

/** Starts the Playground in `workDir` pointed at the bot, with the repo's config; waits for its page. */
export async function startPlayground(workDir: string, botMessagesUrl: string, timeoutMs = 60_000): Promise<RunningPlayground> {
  const wantedPort = await freePort();
  const logFile = path.join(workDir, 'devTools', 'm365agentsplayground.log');
  const args = [PLAYGROUND_CLI, 'start', '-e', botMessagesUrl, '-c', 'msteams', '--dt', '-p', String(wantedPort)];
  const child = spawnRecorded('playground', process.execPath, args, {
    cwd: workDir,
    env: {
      ...process.env,
      M365_AGENTS_PLAYGROUND_CONFIG_PATH: PLAYGROUND_CONFIG,
      M365_AGENTS_PLAYGROUND_LOGFILE: logFile,
      TEAMSAPPTESTER_BROWSER: 'none',
    },
  });
  const describe = (): string => {
    const log = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').slice(-16_000) : '(no log file)';
    return `${describeOutput(child)}\n--- ${logFile} ---\n${log}`;
  };
  let port: number | undefined;
  try {
    await waitUntil(
      'the Playground to listen',
      async () => {
        if (child.exitCode() !== undefined) throw new Error(`The Playground exited before it listened.\n${describe()}`);
        // It falls back to a random port when the asked-for one is taken, so read the port it reports.
        const match = /Listening on (\d+)/.exec(child.output());
        port = match?.[1] === undefined ? undefined : Number(match[1]);
        return port !== undefined && (await answersOk(`http://127.0.0.1:${port}/`));
      },
      timeoutMs,
      describe,
    );
  } catch (error) {
    await child.stop();
    throw error;
  }
  return { child, url: `http://localhost:${String(port)}`, logFile, describe };
}
