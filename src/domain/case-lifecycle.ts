import { workingDayCalendar, type WorkingDayCalendar } from './calendar';
import type { CaseMessage, CaseRecord, CaseStatus } from './case-record';
import { revised } from './revised';
import { firstResponseMeasures, resumeClock } from './deadlines';
import { DomainError } from './errors';
import type { PanelDecision } from './panel';

/** Something a duty professional (or the school) does to a case; `at` is an ISO instant, `by` a user key. */
export type CaseAction =
  | { type: 'claim'; by: string; at: string }
  | { type: 'release'; by: string; at: string }
  | { type: 'reassign'; by: string; at: string; to: string }
  | { type: 'route'; by: string; at: string; services: string[]; note: string }
  | { type: 'advise'; by: string; at: string; advice: string }
  | { type: 'ask-school'; by: string; at: string; question: string }
  | { type: 'school-reply'; by: string; at: string; answer: string }
  | { type: 'escalate'; by: string; at: string; summary: string; proposedPackage: string; panelDue: string }
  | { type: 'decide'; by: string; at: string; decision: PanelDecision };

export type CaseActionType = CaseAction['type'];

/** The statuses each action may start from. */
const FROM: Record<CaseActionType, readonly CaseStatus[]> = {
  claim: ['submitted'],
  release: ['claimed'],
  reassign: ['claimed', 'awaiting-school'],
  route: ['claimed'],
  advise: ['claimed'],
  'ask-school': ['claimed'],
  'school-reply': ['awaiting-school'],
  escalate: ['claimed'],
  decide: ['panel'],
};

/** Actions that answer the school: the first of them is the case's first response. */
const ANSWERS_SCHOOL: ReadonlySet<CaseActionType> = new Set(['route', 'advise', 'ask-school', 'escalate']);

/** Whether an action may be taken from a status (for showing buttons; apply() checks again). */
export function canApply(type: CaseActionType, status: CaseStatus): boolean {
  return FROM[type].includes(status);
}

/**
 * The case after an action: pure, so every rule of the lifecycle is tested without a store.
 * Who may act is the use case's job; this checks the case is in a state the action fits.
 * The calendar (with the authority's closure days) counts the response-time measures and the
 * paused working days; without it only weekends and bank holidays are skipped.
 */
export function applyAction(record: CaseRecord, action: CaseAction, calendar: WorkingDayCalendar = workingDayCalendar()): CaseRecord {
  if (action.type === 'claim' && record.claimantKey !== null) throw new DomainError('CASE.ALREADY_CLAIMED', 'Someone has claimed this case');
  if (!canApply(action.type, record.status)) throw new DomainError('CASE.WRONG_STATE', `Cannot ${action.type} a case that is ${record.status}`);
  const firstResponse = record.firstResponseAt === null && ANSWERS_SCHOOL.has(action.type);
  const base: CaseRecord = revised(record, {
    updatedAt: action.at,
    firstResponseAt: firstResponse ? action.at : record.firstResponseAt,
    measures: firstResponse ? (record.measures ?? firstResponseMeasures(record, action.at, calendar)) : record.measures,
  });
  const say = (kind: CaseMessage['kind'], text: string): CaseMessage[] => [...record.messages, { at: action.at, byKey: action.by, kind, text }];
  switch (action.type) {
    case 'claim':
      return { ...base, status: 'claimed', claimantKey: action.by, claimedAt: record.claimedAt ?? action.at };
    case 'release':
      return { ...base, status: 'submitted', claimantKey: null };
    case 'reassign':
      return { ...base, claimantKey: action.to };
    case 'route':
      if (action.services.length === 0) throw new DomainError('CASE.NO_SERVICE', 'Route to at least one service');
      return { ...base, status: 'routed', routedTo: [...new Set(action.services)], messages: say('route-note', action.note) };
    case 'advise':
      return { ...base, status: 'advised', messages: say('advice', action.advice) };
    case 'ask-school':
      return { ...base, status: 'awaiting-school', pausedSince: action.at, messages: say('question', action.question) };
    case 'school-reply':
      return { ...resumeClock(base, record.pausedSince, action.at, calendar), status: 'claimed', pausedSince: null, messages: say('school-reply', action.answer) };
    case 'escalate':
      return {
        ...base,
        status: 'panel',
        panelDue: action.panelDue,
        messages: [...say('panel-summary', action.summary), { at: action.at, byKey: action.by, kind: 'proposed-package', text: action.proposedPackage }],
      };
    case 'decide':
      if (record.panel.decision !== null) throw new DomainError('PANEL.DECIDED', 'The panel has already decided this case');
      return { ...base, status: 'decided', panel: { ...record.panel, decision: action.decision } };
  }
}

/** The latest message of a kind (the question the school is answering, the advice given...). */
export function latestMessage(record: CaseRecord, kind: CaseMessage['kind']): CaseMessage | undefined {
  return [...record.messages].reverse().find((m) => m.kind === kind);
}
