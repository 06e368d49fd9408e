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
}

const KEEP_BYTES = 64 * 1024;

/** Spawns a child in its own process group, recording its output. */
export function spawnRecorded(name: string, command: string, args: string[], options: SpawnOptions): RunningChild {
  const child = spawn(command, args, { ...options, detached: true, stdio: ['pipe', 'pipe', 'pipe'] });
  let output = '';
  let exited: number | null | undefined;
  const record = (chunk: Buffer): void => {
    output = (output + chunk.toString('utf8')).slice(-KEEP_BYTES);
  };
  child.stdout?.on('data', record);
  child.stderr?.on('data', record);
  const exitedPromise = new Promise<void>((resolve) => {
    child.once('exit', (code) => {
      exited = code;
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
