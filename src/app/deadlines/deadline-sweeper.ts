import type { DeadlineDeps, DeadlineSweepOptions } from './deadline-deps';
import { sweepDeadlines } from './sweep-deadlines';

export interface DeadlineSweeper {
  /** Stops the timer and waits for a sweep in progress to finish. */
  stop(): Promise<void>;
}

/** Sweeps deadlines every intervalMs, never two sweeps at once in this process; failures are logged, not thrown. */
export function startDeadlineSweeper(deps: DeadlineDeps, options: DeadlineSweepOptions & { intervalMs: number }): DeadlineSweeper {
  let running: Promise<void> | undefined;
  const tick = (): void => {
    if (running) return;
    running = sweepDeadlines(deps, options)
      .then(() => undefined)
      .catch((err: unknown) => deps.logger.error('deadlines.sweep-failed', { error: err instanceof Error ? err.name : 'unknown' }))
      .finally(() => {
        running = undefined;
      });
  };
  const timer = setInterval(tick, options.intervalMs);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
