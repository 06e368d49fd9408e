import type { CaseMessage, CaseRecord, CaseStatus } from './case-record';
import { DomainError } from './errors';

/** Something a duty professional (or the school) does to a case; `at` is an ISO instant, `by` a user key. */
export type CaseAction =
  | { type: 'claim'; by: string; at: string }
  | { type: 'release'; by: string; at: string }
  | { type: 'reassign'; by: string; at: string; to: string }
  | { type: 'route'; by: string; at: string; services: string[]; note: string }
  | { type: 'advise'; by: string; at: string; advice: string }
  | { type: 'ask-school'; by: string; at: string; question: string }
  | { type: 'school-reply'; by: string; at: string; answer: string }
  | { type: 'escalate'; by: string; at: string; summary: string; proposedPackage: string; panelDue: string };

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
 */
export function applyAction(record: CaseRecord, action: CaseAction): CaseRecord {
  if (action.type === 'claim' && record.claimantKey !== null) throw new DomainError('CASE.ALREADY_CLAIMED', 'Someone has claimed this case');
  if (!canApply(action.type, record.status)) throw new DomainError('CASE.WRONG_STATE', `Cannot ${action.type} a case that is ${record.status}`);
  const base: CaseRecord = {
    ...record,
    updatedAt: action.at,
    firstResponseAt: record.firstResponseAt ?? (ANSWERS_SCHOOL.has(action.type) ? action.at : null),
  };
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
      return { ...base, status: 'claimed', pausedSince: null, messages: say('school-reply', action.answer) };
    case 'escalate':
      return {
        ...base,
        status: 'panel',
        panelDue: action.panelDue,
        messages: [...say('panel-summary', action.summary), { at: action.at, byKey: action.by, kind: 'proposed-package', text: action.proposedPackage }],
      };
  }
}

/** The latest message of a kind (the question the school is answering, the advice given...). */
export function latestMessage(record: CaseRecord, kind: CaseMessage['kind']): CaseMessage | undefined {
  return [...record.messages].reverse().find((m) => m.kind === kind);
}
