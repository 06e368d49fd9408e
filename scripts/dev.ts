/**
 * `npm run dev`: the bot (src/main.ts, local mode) plus the Agents Playground as its Teams client.
 * Waits until both answer, prints the one URL to open, and stops both on Ctrl+C or when either dies.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const HELP = `Usage: npm run dev

Starts the SEND Front Door bot (APP_MODE=local unless set, embedded SQLite store, no login) and the
Microsoft 365 Agents Playground (the local Teams client, configured by .m365agentsplayground.yml),
then prints the address to open in a browser.

Environment:
  PORT             the bot's port (default 3978); the Playground talks to http://127.0.0.1:PORT/api/messages
  PLAYGROUND_PORT  the Playground's port (default 56150; it picks another if that one is taken)
  APP_MODE, SQLITE_PATH, LOG_LEVEL, ...  passed on to the bot (see src/config.ts)
  TEAMSAPPTESTER_BROWSER  set to anything but "none" to let the Playground open a browser itself

Logs: the bot writes to this terminal; the Playground writes to ./devTools/m365agentsplayground.log.
`;

/** The repository root: the nearest folder above this file with a package.json (works from dist/ too). */
function findRepoRoot(start: string): string {
  let dir = start;
  while (!fs.existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

const REPO_ROOT = findRepoRoot(__dirname);
const PLAYGROUND_LOG = path.join(REPO_ROOT, 'devTools', 'm365agentsplayground.log');
const STARTUP_TIMEOUT_MS = 120_000;

interface Service {
  readonly name: string;
  readonly child: ChildProcess;
  readonly logHint: string;
}

let stopping = false;
const services: Service[] = [];

function say(line: string): void {
  process.stdout.write(`[dev] ${line}\n`);
}

/** Stops every child (SIGTERM to its process group, SIGKILL if it lingers) and exits with `code`. */
async function stopAll(code: number): Promise<never> {
  if (!stopping && code === 0) say('Stopping the bot and the Agents Playground ...');
  stopping = true;
  await Promise.all(services.map((s) => stopService(s)));
  process.exit(code);
}

function stopService(service: Service): Promise<void> {
  const { child } = service;
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return Promise.resolve();
  const pid = child.pid;
  return new Promise((resolve) => {
    const killTimer = setTimeout(() => signalGroup(pid, 'SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(killTimer);
      resolve();
    });
    signalGroup(pid, 'SIGTERM');
  });
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

/** Watches a child: if it stops while we are not stopping, stop the rest and fail, pointing at its log. */
function supervise(service: Service): Service {
  services.push(service);
  service.child.once('exit', (code, signal) => {
    if (stopping) return;
    const how = signal ? `was killed by ${signal}` : `exited with code ${String(code)}`;
    process.stderr.write(`[dev] The ${service.name} ${how}. See ${service.logHint}. Stopping.\n`);
    void stopAll(1);
  });
  service.child.once('error', (error) => {
    process.stderr.write(`[dev] Could not start the ${service.name}: ${error.message}\n`);
    void stopAll(1);
  });
  return service;
}

async function answers(url: string): Promise<boolean> {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(2000) })).ok;
  } catch {
    return false;
  }
}

/** Polls until the check passes; after the start-up timeout, fails pointing at the service's log. */
async function waitFor(what: string, service: Service, check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  while (!(await check())) {
    if (stopping) return;
    if (Date.now() > deadline) {
      throw new Error(`${what} did not answer within ${STARTUP_TIMEOUT_MS / 1000} s. See ${service.logHint}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function main(): Promise<void> {
  if (process.argv.includes('--help') || process.argv.includes('-h')) {
    process.stdout.write(HELP);
    return;
  }
  const port = Number(process.env.PORT ?? '3978');
  if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new Error(`PORT must be a port number, not "${process.env.PORT ?? ''}"`);
  const botBase = `http://127.0.0.1:${port}`;
  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));

  say(`Starting the bot on ${botBase} ...`);
  const bot = supervise({
    name: 'bot',
    logHint: 'its output above',
    child: spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/main.ts'], {
      cwd: REPO_ROOT,
      env: { ...process.env, APP_MODE: process.env.APP_MODE ?? 'local', PORT: String(port) },
      stdio: ['ignore', 'inherit', 'inherit'],
      detached: true,
    }),
  });

  const playgroundCli = require.resolve('@microsoft/m365agentsplayground/cli.js');
  const playgroundArgs = [playgroundCli, 'start', '-e', `${botBase}/api/messages`, '-c', 'msteams', '--dt'];
  if (process.env.PLAYGROUND_PORT) playgroundArgs.push('-p', process.env.PLAYGROUND_PORT);
  say('Starting the Agents Playground ...');
  const playground = supervise({
    name: 'Agents Playground',
    logHint: PLAYGROUND_LOG,
    // It exits when its standard input closes, so keep a pipe open for as long as we run.
    child: spawn(process.execPath, playgroundArgs, {
      cwd: REPO_ROOT,
      env: { ...process.env, TEAMSAPPTESTER_BROWSER: process.env.TEAMSAPPTESTER_BROWSER ?? 'none' },
      stdio: ['pipe', 'pipe', 'pipe'],
      detached: true,
    }),
  });
  let playgroundOutput = '';
  playground.child.stdout?.on('data', (chunk: Buffer) => (playgroundOutput = (playgroundOutput + chunk.toString('utf8')).slice(-4096)));
  playground.child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(chunk));

  try {
    await waitFor(`The bot's ${botBase}/healthz`, bot, () => answers(`${botBase}/healthz`));
    let playgroundPort: string | undefined;
    await waitFor('The Agents Playground', playground, async () => {
      playgroundPort = /Listening on (\d+)/.exec(playgroundOutput)?.[1];
      return playgroundPort !== undefined && answers(`http://127.0.0.1:${playgroundPort}/`);
    });
    if (stopping) return;
    say(`Ready. Open http://localhost:${String(playgroundPort)} in your browser to chat with the bot as Alex Morgan (Ctrl+C stops both).`);
  } catch (error) {
    process.stderr.write(`[dev] ${error instanceof Error ? error.message : String(error)}. Stopping.\n`);
    await stopAll(1);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`[dev] ${error instanceof Error ? error.message : String(error)}\n`);
  void stopAll(1);
});
