import type { CaseRecord } from '../../domain/case-record';
import { addCalendarMonths, anonymise, isDueForAnonymising } from '../../domain/retention';
import type { Clock } from '../../ports/clock';
import type { Directory } from '../../ports/directory';
import type { Ids } from '../../ports/ids';
import type { Logger } from '../../ports/logger';
import { StoreConflictError, type AuditEvent, type CaseStore, type ReportingStore } from '../../ports/store';

/** What the retention sweep needs. */
export interface RetentionDeps {
  store: Pick<CaseStore, 'getCase' | 'updateCase'> & Pick<ReportingStore, 'listCasesSubmitted'>;
  directory: Pick<Directory, 'frontDoorSettings'>;
  clock: Clock;
  ids: Ids;
  logger: Logger;
}

export interface RetentionSweepOptions {
  /** Cases read per page. */
  pageSize?: number;
  /** Most cases anonymised in one sweep; the rest wait for the next. */
  maxPerSweep?: number;
}

export interface RetentionSweepResult {
  /** Cases read (every case submitted before the period could have ended). */
  looked: number;
  anonymised: number;
}

/** The earliest submission instant looked at: before any case. */
const BEGINNING = '1970-01-01T00:00:00.000Z';
/** Slack added to the search bound for month-end clamping (31 March + 1 month is 30 April). */
const CLAMP_SLACK_MS = 4 * 24 * 60 * 60 * 1000;

/**
 * Anonymises closed cases whose retention period (the authority's retentionMonths, counted from the
 * closing) has ended. A case is submitted before it closes, so only cases submitted before
 * now − retentionMonths are read, page by page through the reporting cursor (bounded batches; no
 * extra index). Each case is one versioned write whose effects carry the 'case.anonymised' audit
 * event, so it happens whole or not at all; a case already anonymised is skipped, and a write that
 * loses a race to another process is left for that process. Running it again changes nothing.
 */
export async function sweepRetention(deps: RetentionDeps, options: RetentionSweepOptions = {}): Promise<RetentionSweepResult> {
  const pageSize = options.pageSize ?? 200;
  const maxPerSweep = options.maxPerSweep ?? 1_000;
  const { retentionMonths } = await deps.directory.frontDoorSettings();
  const now = deps.clock.now();
  const range = { from: BEGINNING, to: new Date(addCalendarMonths(now.toISOString(), -retentionMonths).getTime() + CLAMP_SLACK_MS).toISOString() };
  const result: RetentionSweepResult = { looked: 0, anonymised: 0 };
  for (let after: CaseRecord | undefined; result.anonymised < maxPerSweep; ) {
    const page = await deps.store.listCasesSubmitted(range, after ? { submittedAt: after.submittedAt, ref: after.ref } : null, pageSize);
    result.looked += page.length;
    for (const record of page) {
      if (result.anonymised >= maxPerSweep) break;
      if (isDueForAnonymising(record, now, retentionMonths) && (await anonymiseCase(deps, record.ref, now, retentionMonths))) result.anonymised += 1;
    }
    after = page[page.length - 1];
    if (page.length < pageSize) break;
  }
  if (result.anonymised > 0) deps.logger.info('retention.swept', { anonymised: result.anonymised, looked: result.looked, retentionMonths });
  return result;
}

/** Anonymises one case if it is still due, in one versioned write with its audit event; false if it was not written. */
async function anonymiseCase(deps: RetentionDeps, ref: string, now: Date, retentionMonths: number): Promise<boolean> {
  const found = await deps.store.getCase(ref);
  if (!found || !isDueForAnonymising(found.value, now, retentionMonths)) return false;
  const at = now.toISOString();
  const event: AuditEvent = {
    id: deps.ids.next(),
    at,
    actorKey: 'system',
    action: 'case.anonymised',
    caseRef: ref,
    detail: { status: found.value.status, closedAt: found.value.updatedAt, retentionMonths },
  };
  try {
    await deps.store.updateCase(anonymise(found.value, at), found.version, { audit: [event] });
    return true;
  } catch (err) {
    if (err instanceof StoreConflictError) return false; // changed meanwhile (another sweeper): looked at again next sweep
    throw err;
  }
}
