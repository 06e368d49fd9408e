import type { Logger } from '../../ports/logger';
import type { TriageDeps } from '../triage/triage-deps';

/** What the deadline sweep needs: the duty team's ports and a logger. */
export type DeadlineDeps = TriageDeps & { logger: Logger };

/** How one process sweeps. */
export interface DeadlineSweepOptions {
  /** Who holds the lease while sweeping: unique per process. */
  owner: string;
  /** How long the lease lasts without renewal; a holder that dies is taken over after this. */
  leaseMs?: number;
  /** Most open cases looked at per sweep. */
  limit?: number;
  /** Working days before a due date that the reminder goes (1: the last working day before it). */
  remindWorkingDaysBefore?: number;
}
