import { NEW_CASE_DEFAULTS, type CaseRecord } from '../../src/domain/case-record';
import type { AccessRequest, AuditEvent, Draft, OutboxItem } from '../../src/ports/store';

let sequence = 0;
const next = () => (sequence += 1);

/** A valid case record; every call gets a new ref and submission key unless overridden. */
export function aCase(overrides: Partial<CaseRecord> = {}): CaseRecord {
  const n = next();
  return {
    ref: `FD-2026-${String(n).padStart(5, '0')}`,
    submissionKey: `submission-${n}`,
    settingId: 'setting-oak-primary',
    status: 'submitted',
    channel: 'teams',
    requesterKey: 'tenant:requester-1',
    claimantKey: null,
    phase: 'primary',
    primaryNeed: 'SLCN',
    urgency: 'routine',
    submittedAt: '2026-03-02T09:00:00.000Z',
    updatedAt: '2026-03-02T09:00:00.000Z',
    firstResponseDue: '2026-03-09',
    request: { concern: 'Speech and language', pupilInitials: 'AB' },
    ...NEW_CASE_DEFAULTS,
    routedTo: [],
    messages: [],
    ...overrides,
  };
}

/** A pending outbox item due at the start of March 2026. */
export function anOutboxItem(overrides: Partial<OutboxItem> = {}): OutboxItem {
  const n = next();
  return {
    id: `outbox-${n}`,
    kind: 'channel-post',
    target: '19:duty@thread.tacv2',
    payload: { card: 'new-case', n },
    caseRef: null,
    status: 'pending',
    attempts: 0,
    nextAttemptAt: '2026-03-02T09:00:00.000Z',
    leaseOwner: null,
    leaseUntil: null,
    lastError: null,
    attemptStartedAt: null,
    createdAt: '2026-03-02T09:00:00.000Z',
    ...overrides,
  };
}

/** An audit event by a duty professional. */
export function anAuditEvent(overrides: Partial<AuditEvent> = {}): AuditEvent {
  const n = next();
  return {
    id: `audit-${n}`,
    at: '2026-03-02T09:00:00.000Z',
    actorKey: 'tenant:duty-1',
    action: 'case.submitted',
    caseRef: null,
    detail: { n },
    ...overrides,
  };
}

/** A draft on its first step. */
export function aDraft(overrides: Partial<Draft> = {}): Draft {
  const n = next();
  return {
    id: `draft-${n}`,
    ownerKey: 'tenant:requester-1',
    step: 'pupil',
    answers: { yearGroup: 4 },
    createdAt: '2026-03-01T10:00:00.000Z',
    updatedAt: '2026-03-01T10:00:00.000Z',
    ...overrides,
  };
}

/** A pending access request. */
export function anAccessRequest(overrides: Partial<AccessRequest> = {}): AccessRequest {
  const n = next();
  return {
    userKey: `tenant:newcomer-${n}`,
    name: 'New Person',
    email: 'new.person@school.example',
    message: 'Please let me in',
    requestedAt: '2026-03-01T10:00:00.000Z',
    status: 'pending',
    ...overrides,
  };
}
