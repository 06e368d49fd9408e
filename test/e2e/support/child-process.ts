import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';

/** A child process whose output is kept for failure messages. */
export interface RunningChild {
  readonly name: string;
  readonly process: ChildProcess;
  /** Everything it has printed so far (stdout and stderr, interleaved), last 64 KB. */
  output(): string;
  /** Set once it has exited. */
  exitCode(): number | null | undefined;
  /** Stops it (SIGTERM, then SIGKILL after a grace period) and waits for it to exit. */
  stop(): Promise<void>;
  /** Sends one signal to its process group and waits for it to exit; says how it ended. Fails (after a SIGKILL) if it outlives `timeoutMs`. */
  kill(signal: NodeJS.Signals, timeoutMs?: number): Promise<ChildExit>;
}

/** How a child ended: its exit code, or the signal that ended it. */
export interface ChildExit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

const KEEP_BYTES = 64 * 1024;

/** Spawns a child in its own process group, recording its output. */
export function spawnRecorded(name: string, command: string, args: string[], options: SpawnOptions): RunningChild {
  const child = spawn(command, args, { ...options, detached: true, stdio: ['pipe', 'pipe', 'pipe'] });
  let output = '';
  let exited: number | null | undefined;
  let exitSignal: NodeJS.Signals | null = null;
  const record = (chunk: Buffer): void => {
    output = (output + chunk.toString('utf8')).slice(-KEEP_BYTES);
  };
  child.stdout?.on('data', record);
  child.stderr?.on('data', record);
  const exitedPromise = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      exited = code;
      exitSignal = signal;
      resolve();
    });
  });
  child.once('error', (error) => {
    output += `\n[failed to start ${name}: ${error.message}]`;
  });
  return {
    name,
    process: child,
    output: () => output,
    exitCode: () => exited,
    async stop() {
      if (exited !== undefined || child.pid === undefined) return;
      signalGroup(child.pid, 'SIGTERM');
      const killTimer = setTimeout(() => signalGroup(child.pid ?? 0, 'SIGKILL'), 5000);
      await exitedPromise;
      clearTimeout(killTimer);
    },
    async kill(signal, timeoutMs = 10_000) {
      if (exited === undefined && child.pid !== undefined) {
        const pid = child.pid;
        signalGroup(pid, signal);
        let timer: NodeJS.Timeout | undefined;
        const outlived = new Promise<boolean>((resolve) => {
          timer = setTimeout(() => resolve(true), timeoutMs);
        });
        const late = await Promise.race([exitedPromise.then(() => false), outlived]);
        clearTimeout(timer);
        if (late) {
          signalGroup(pid, 'SIGKILL');
          await exitedPromise;
          throw new Error(`${name} was still running ${timeoutMs} ms after ${signal} (then killed).\n${describeOutput(this)}`);
        }
      }
      return { code: exited ?? null, signal: exitSignal };
    },
  };
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

/** A readable block of a child's output for an error message. */
export function describeOutput(child: RunningChild): string {
  const code = child.exitCode();
  const state = code === undefined ? 'still running' : `exited with ${String(code)}`;
  return `--- ${child.name} (${state}) output ---\n${child.output() || '(nothing)'}\n--- end of ${child.name} output ---`;
}
