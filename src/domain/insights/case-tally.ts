import type { CaseStatus, NeedCode, Phase } from '../case-record';
import type { PanelOutcome } from '../panel';

/**
 * A group of cases that share every fact the insight figures use, and how many there are.
 * The store builds these (GROUP BY on SQLite, counters on Cosmos DB), so a card never loads
 * case documents.
 */
export interface CaseTally {
  /** The London month the cases were submitted in: '2026-03'. */
  month: string;
  phase: Phase;
  primaryNeed: NeedCode;
  status: CaseStatus;
  /** Routed to at least one service. */
  routed: boolean;
  /** Escalated to the panel (a panel due date was set). */
  panel: boolean;
  /** The panel's recorded decision ('agreed' a package or 'not-agreed'), or null before one. */
  panelOutcome: PanelOutcome | null;
  /** Working days to the first response, or null before the school has had one. */
  firstResponseDays: number | null;
  /** Whether that first response came within the set time; null before it. */
  withinSetTime: boolean | null;
  count: number;
}

/** Submission instants from `from` (inclusive) to `to` (exclusive), ISO in UTC. */
export interface SubmittedRange {
  from: string;
  to: string;
}

/** The key of a tally's group: equal keys are the same group. */
export function tallyKey(t: Omit<CaseTally, 'count'>): string {
  return [t.month, t.phase, t.primaryNeed, t.status, t.routed ? 1 : 0, t.panel ? 1 : 0, t.panelOutcome ?? '', t.firstResponseDays ?? '', t.withinSetTime === null ? '' : t.withinSetTime ? 1 : 0].join('|');
}

/** Tallies with the same key merged, counts added; in key order so both adapters agree. */
export function mergeTallies(tallies: Iterable<CaseTally>): CaseTally[] {
  const byKey = new Map<string, CaseTally>();
  for (const t of tallies) {
    const key = tallyKey(t);
    const found = byKey.get(key);
    if (found) found.count += t.count;
    else byKey.set(key, { ...t });
  }
  return [...byKey.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, t]) => t);
}
