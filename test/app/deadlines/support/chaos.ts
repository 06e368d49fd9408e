import { applyAction, type CaseAction } from '../../../../src/domain/case-lifecycle';
import { NEW_CASE_DEFAULTS, type CaseRecord } from '../../../../src/domain/case-record';
import { addCalendarDays, type WorkingDayCalendar } from '../../../../src/domain/calendar';
import { StoreConflictError, StoreUnavailableError, type Store } from '../../../../src/ports/store';
import type { ManualClock } from '../../outbox/support/manual-clock';
import { keyOf } from './deadline-world';

const WRITES = new Set<PropertyKey>(['updateCase', 'createCase', 'writeState', 'deleteState', 'enqueue']);

/**
 * A store connection in a process that may die: every write moves the shared clock on by up to
 * `slowMs` (so leases run out mid-sweep), and after `writesBeforeCrash` writes the process dies,
 * either just before or just after that write; from then on every call fails.
 */
export function dyingStore(store: Store, options: { clock: ManualClock; random: () => number; slowMs: number; writesBeforeCrash?: number }): Store {
  let left = options.writesBeforeCrash ?? Number.POSITIVE_INFINITY;
  let dead = false;
  return new Proxy(store, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      return async (...args: unknown[]): Promise<unknown> => {
        if (dead) throw new StoreUnavailableError('the process has died');
        if (!WRITES.has(property)) return (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
        options.clock.advance(Math.floor(options.random() * options.slowMs));
        if (left <= 0) {
          dead = true;
          if (options.random() < 0.5) await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
          throw new StoreUnavailableError('the process died during a write');
        }
        left -= 1;
        return (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
      };
    },
  });
}

/** What happens to a case, by day after its submission: the duty team's and the school's actions. */
export type Script = Array<{ day: number; action: (at: string) => CaseAction }>;

const SAM = keyOf('sam');
const claim: Script[number]['action'] = (at) => ({ type: 'claim', by: SAM, at });

/** A random life for a case: ignored, claimed late, asked the school (answered or not), or escalated. */
export function randomScript(random: () => number, calendar: WorkingDayCalendar): Script {
  const pick = (n: number) => Math.floor(random() * n);
  switch (pick(4)) {
    case 0:
      return [];
    case 1: {
      const claimOn = pick(5);
      return [{ day: claimOn, action: claim }, { day: claimOn + pick(8), action: (at) => ({ type: 'route', by: SAM, at, services: ['eps'], note: 'Passed on' }) }];
    }
    case 2: {
      const replyOn = 2 + pick(12);
      const answered = random() < 0.7;
      return [
        { day: 0, action: claim },
        { day: 1, action: (at) => ({ type: 'ask-school', by: SAM, at, question: 'Which lessons?' }) },
        ...(answered ? [{ day: replyOn, action: (at: string): CaseAction => ({ type: 'school-reply', by: keyOf('priya'), at, answer: 'Maths' }) }] : []),
        ...(answered && random() < 0.5 ? [{ day: replyOn + pick(6), action: (at: string): CaseAction => ({ type: 'advise', by: SAM, at, advice: 'Visual timetable' }) }] : []),
      ];
    }
    default:
      return [
        { day: 0, action: claim },
        { day: 1 + pick(3), action: (at) => ({ type: 'escalate', by: SAM, at, summary: 'Complex', proposedPackage: 'EP and SALT', panelDue: calendar.addWorkingDays(new Date(at), 10) }) },
      ];
  }
}

/** A submitted case for the sample setting, sent by Priya at the instant, due as the front door counts it. */
export function submittedCase(n: number, at: string, calendar: WorkingDayCalendar): CaseRecord {
  return {
    ref: `FD-2026-${String(n).padStart(5, '0')}`,
    submissionKey: `chaos-${n}`,
    settingId: '900001',
    status: 'submitted',
    channel: 'teams',
    requesterKey: keyOf('priya'),
    claimantKey: null,
    phase: 'primary',
    primaryNeed: 'SLCN',
    urgency: 'routine',
    submittedAt: at,
    updatedAt: at,
    firstResponseDue: calendar.addWorkingDays(new Date(at), 2),
    request: { concern: 'Speech' },
    ...NEW_CASE_DEFAULTS,
    routedTo: [],
    messages: [],
    deadlineEvents: [],
  };
}

/** Applies an action to a stored case as the use cases do: a versioned write, again on a conflict; a misfit action is skipped. */
export async function act(store: Store, ref: string, action: CaseAction, calendar: WorkingDayCalendar): Promise<void> {
  for (;;) {
    const found = await store.getCase(ref);
    if (!found) throw new Error(`no case ${ref}`);
    let next: CaseRecord;
    try {
      next = applyAction(found.value, action, calendar);
    } catch {
      return;
    }
    try {
      await store.updateCase(next, found.version);
      return;
    } catch (err) {
      if (!(err instanceof StoreConflictError)) throw err;
    }
  }
}

/** The date `days` after the start date. */
export const dayAfter = (start: string, days: number): string => addCalendarDays(start, days);
