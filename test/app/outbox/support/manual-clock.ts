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

/** A repeatable source of numbers in [0, 1) (mulberry32), for jitter in tests. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
