import type { Clock } from '../../../../src/ports/clock';

/** A clock that moves only when the test says so. */
export interface ManualClock extends Clock {
  advance(ms: number): void;
  set(iso: string): void;
  ms(): number;
}

export function manualClock(startIso = '2026-12-07T10:00:00.000Z'): ManualClock {
  let t = Date.parse(startIso);
  return {
    now: () => new Date(t),
    ms: () => t,
    advance: (ms) => {
      t += ms;
    },
    set: (iso) => {
      t = Date.parse(iso);
    },
  };
}

