import { londonDate, workingDayCalendar } from '../../domain/calendar';
import type { CaseStatus } from '../../domain/case-record';
import { revised } from '../../domain/revised';
import { deadlineEventsDue, type DeadlinePolicy } from '../../domain/deadlines';
import { StoreConflictError, StoreUnavailableError, type AuditEvent } from '../../ports/store';
import { remindPanelMeetings } from '../panel/meeting-reminders';
import type { DeadlineDeps, DeadlineSweepOptions } from './deadline-deps';
import { deadlineNotices, type NoticeContext } from './deadline-notices';
import { DEADLINE_LEASE_KEY, releaseLease, renewLease, takeLease, type Lease } from './sweep-lease';

/** The statuses with a clock running or a reminder owed. */
const SWEPT_STATUSES: readonly CaseStatus[] = ['submitted', 'claimed', 'awaiting-school', 'panel'];
export const DEFAULT_LEASE_MS = 2 * 60 * 1000;
const DEFAULT_LIMIT = 5000;
/** Versioned-write retries for one case before leaving it to the next sweep. */
const MAX_ATTEMPTS = 3;

export interface DeadlineSweepResult {
  /** False when another process held the lease. */
  ran: boolean;
  /** "FD-2026-00001 first-response:reminder:2026-12-08" for each reminder or escalation queued. */
  queued: string[];
}

/**
 * Sends the reminders and escalations that are due, once each. One process at a time holds the
 * lease (taken over when its holder dies); each case's events are recorded on the case in the same
 * versioned write that queues their notifications, so an overlapping sweep or a crash midway can
 * neither send twice nor lose one: the next sweep sees what was recorded and does the rest.
 */
export async function sweepDeadlines(deps: DeadlineDeps, options: DeadlineSweepOptions): Promise<DeadlineSweepResult> {
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  let lease: Lease | undefined = await takeLease(deps.store, DEADLINE_LEASE_KEY, options.owner, deps.clock.now(), leaseMs);
  if (!lease) return { ran: false, queued: [] };
  const result: DeadlineSweepResult = { ran: true, queued: [] };
  try {
    const settings = await deps.directory.frontDoorSettings();
    const ctx: NoticeContext = { deps, settings, calendar: workingDayCalendar(settings.closureDays), today: londonDate(deps.clock.now()) };
    const policy: DeadlinePolicy = { schoolReplyReminder: settings.responseTimes.schoolReplyReminder, remindWorkingDaysBefore: options.remindWorkingDaysBefore ?? 1 };
    if (!ctx.calendar.isWorkingDay(ctx.today)) return result;
    const limit = options.limit ?? DEFAULT_LIMIT;
    const cases = await deps.store.listCasesByStatus(SWEPT_STATUSES, limit);
    if (cases.length >= limit) deps.logger.warn('deadlines.limit-reached', { limit });
    for (const listed of cases) {
      if (deadlineEventsDue(listed, ctx.calendar, policy, ctx.today).length === 0) continue;
      lease = await keptLease(deps, lease, leaseMs);
      if (!lease) {
        deps.logger.warn('deadlines.lease-lost', { owner: options.owner });
        break;
      }
      result.queued.push(...(await settleCase(ctx, policy, listed.ref)));
    }
    const panelCases = await deps.store.listCasesByStatus(['panel'], limit);
    for (const meetingDate of await remindPanelMeetings(deps, panelCases, ctx.calendar, ctx.today)) deps.logger.info('panel.meeting-reminded', { meetingDate });
    if (result.queued.length > 0) deps.logger.info('deadlines.swept', { queued: result.queued.length });
    return result;
  } finally {
    if (lease) await releaseLease(deps.store, lease).catch(() => undefined);
  }
}

/** The lease, renewed once half its time has gone; undefined when it was lost to another process. */
async function keptLease(deps: DeadlineDeps, lease: Lease, leaseMs: number): Promise<Lease | undefined> {
  const now = deps.clock.now();
  if (now.getTime() < lease.takenAt + leaseMs / 2) return lease;
  return renewLease(deps.store, lease, now, leaseMs);
}

/**
 * Records a case's due events and queues their notifications in one versioned write; on a conflict
 * it reads the case again (what another sweep recorded is then left out). Returns what it queued.
 * A problem with one case is logged and the sweep goes on; an unreachable store stops the sweep.
 */
async function settleCase(ctx: NoticeContext, policy: DeadlinePolicy, ref: string): Promise<string[]> {
  const { deps } = ctx;
  try {
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
      const found = await deps.store.getCase(ref);
      const events = found ? deadlineEventsDue(found.value, ctx.calendar, policy, ctx.today) : [];
      if (!found || events.length === 0) return [];
      const record = revised(found.value, { deadlineEvents: [...found.value.deadlineEvents, ...events.map((e) => e.key)] });
      const outbox = (await Promise.all(events.map((e) => deadlineNotices(ctx, record, e)))).flat();
      const at = deps.clock.now().toISOString();
      const audit: AuditEvent[] = events.map((e) => ({ id: deps.ids.next(), at, actorKey: 'system', action: `case.deadline-${e.step}`, caseRef: ref, detail: { key: e.key } }));
      try {
        await deps.store.updateCase(record, found.version, { outbox, audit });
        return events.map((e) => `${ref} ${e.key}`);
      } catch (err) {
        if (!(err instanceof StoreConflictError)) throw err;
      }
    }
    deps.logger.warn('deadlines.case-busy', { ref });
  } catch (err) {
    if (err instanceof StoreUnavailableError) throw err;
    deps.logger.error('deadlines.case-failed', { ref, error: err instanceof Error ? err.name : 'unknown' });
  }
  return [];
}
