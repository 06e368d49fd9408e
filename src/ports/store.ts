import type { CaseRecord, CaseStatus } from '../domain/case-record';
import type { CaseTally, SubmittedRange } from '../domain/insights/case-tally';

/** A stored value with the version it was read at (SQLite: a counter, Cosmos DB: the ETag). */
export interface Versioned<T> {
  value: T;
  version: string;
}

/** Thrown when a write's expected version is stale, or a create finds the key taken. */
export class StoreConflictError extends Error {
  readonly code = 'STORE.CONFLICT';
  constructor(message: string) {
    super(message);
    this.name = 'StoreConflictError';
  }
}

/** Thrown when the store cannot be reached; the edge answers "try again in a minute". */
export class StoreUnavailableError extends Error {
  readonly code = 'STORE.UNAVAILABLE';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreUnavailableError';
  }
}

/** A notification waiting to be delivered (channel post, card update, personal message). */
export interface OutboxItem {
  id: string;
  kind: string;
  /** Conversation key the message goes to: a user key or a channel id. */
  target: string;
  payload: Record<string, unknown>;
  caseRef: string | null;
  status: 'pending' | 'delivered' | 'dead';
  attempts: number;
  nextAttemptAt: string;
  leaseOwner: string | null;
  leaseUntil: string | null;
  lastError: string | null;
  /** Set just before a send and cleared by its outcome: still set means a process died mid-send, so Teams may have it. */
  attemptStartedAt: string | null;
  createdAt: string;
}

/** Who did what to which case, and when. Never holds pupil details. */
export interface AuditEvent {
  id: string;
  at: string;
  actorKey: string;
  action: string;
  caseRef: string | null;
  detail: Record<string, string | number | boolean | null>;
}

/** What a write to a case also records, in the same atomic write. */
export interface CaseWriteEffects {
  outbox?: OutboxItem[];
  audit?: AuditEvent[];
}

export interface CasePage {
  items: CaseRecord[];
  total: number;
}

export interface CaseStore {
  /** Next number in the year's reference sequence: unique across processes, never reused. */
  nextReferenceNumber(year: number): Promise<number>;
  /** Creates the case; if a case with the same submissionKey exists, returns that one instead (created: false). */
  createCase(record: CaseRecord, effects?: CaseWriteEffects): Promise<{ case: Versioned<CaseRecord>; created: boolean }>;
  getCase(ref: string): Promise<Versioned<CaseRecord> | undefined>;
  /** Replaces the case if it is still at expectedVersion; otherwise throws StoreConflictError. */
  updateCase(record: CaseRecord, expectedVersion: string, effects?: CaseWriteEffects): Promise<Versioned<CaseRecord>>;
  /** A setting's cases, newest submitted first. */
  listCasesBySetting(settingId: string, page: { offset: number; limit: number }): Promise<CasePage>;
  /** Cases in any of the statuses, oldest submitted first. */
  listCasesByStatus(statuses: readonly CaseStatus[], limit: number): Promise<CaseRecord[]>;
  /** A claimant's cases in any of the statuses, soonest first-response due first. */
  listCasesByClaimant(claimantKey: string, statuses: readonly CaseStatus[]): Promise<CaseRecord[]>;
}

/** What reporting reads: counts by group for the insight cards, and cases in order for the CSV export. */
export interface ReportingStore {
  /** Cases submitted in the range, counted by the facts the insight figures use (never the documents). */
  tallyCases(range: SubmittedRange): Promise<CaseTally[]>;
  /** Cases submitted in the range, oldest first (then by ref), after the cursor; up to `limit`. */
  listCasesSubmitted(range: SubmittedRange, after: { submittedAt: string; ref: string } | null, limit: number): Promise<CaseRecord[]>;
}

/** A form in progress: one per pupil, resumable days later on any device. */
export interface Draft {
  id: string;
  ownerKey: string;
  step: string;
  answers: Record<string, unknown>;
  createdAt: string;
  updatedAt: string;
}

export interface DraftStore {
  getDraft(id: string): Promise<Versioned<Draft> | undefined>;
  listDrafts(ownerKey: string): Promise<Versioned<Draft>[]>;
  /** Creates (expectedVersion null) or replaces the draft; a stale version throws StoreConflictError. */
  saveDraft(draft: Draft, expectedVersion: string | null): Promise<Versioned<Draft>>;
  deleteDraft(id: string): Promise<void>;
  /** Drafts last updated before the instant, across all owners. */
  listDraftsUpdatedBefore(instant: string, limit: number): Promise<Draft[]>;
}

/** A Bot Framework conversation reference, kept so the bot can write first. */
export interface ConversationRecord {
  /** A user key, or a channel id for channel posts. */
  key: string;
  reference: Record<string, unknown>;
  updatedAt: string;
}

export interface ConversationStore {
  saveConversation(record: ConversationRecord): Promise<void>;
  getConversation(key: string): Promise<ConversationRecord | undefined>;
}

export interface AuditStore {
  appendAudit(event: AuditEvent): Promise<void>;
  listAudit(caseRef: string): Promise<AuditEvent[]>;
}

/** Which outbox item: its id, and its case (where a database keeps it, so it is found without a search). */
export type OutboxRef = Pick<OutboxItem, 'id' | 'caseRef'>;

/** What one delivery attempt came to, as the outbox records it. */
export interface AttemptOutcome {
  status: OutboxItem['status'];
  nextAttemptAt?: string;
  error?: string;
  inDoubt?: boolean;
}

/** Which due items one leaseDue call may take besides the limit, so one busy conversation cannot fill a batch. */
export interface LeaseFilter {
  /** Most items of one target (the oldest due), when set. */
  perTarget?: number;
  /** Targets to take nothing from (e.g. those whose earlier items the caller still holds). */
  skipTargets?: readonly string[];
}

export interface OutboxStore {
  enqueue(items: OutboxItem[]): Promise<void>;
  /** Leases up to `limit` pending items due by `now`, oldest due first, to `owner` until `leaseUntil`; no item is leased to two owners at once. */
  leaseDue(now: string, owner: string, leaseUntil: string, limit: number, filter?: LeaseFilter): Promise<OutboxItem[]>;
  /** The lease holder marks that it is about to send (sets attemptStartedAt); false if the lease was lost. */
  startAttempt(item: OutboxRef, owner: string, at: string): Promise<boolean>;
  /**
   * Records the outcome of an attempt by the lease holder and clears attemptStartedAt, except when
   * the item goes back to pending with inDoubt (an earlier attempt may have reached Teams, so later
   * ones must still say they may repeat); false if the lease was lost.
   */
  completeAttempt(item: OutboxRef, owner: string, outcome: AttemptOutcome): Promise<boolean>;
  /** The lease holder gives an item back unattempted, due again at nextAttemptAt; false if the lease was lost. */
  releaseLease(item: OutboxRef, owner: string, nextAttemptAt: string): Promise<boolean>;
  /** Puts a dead-lettered item back in the queue, due at `at`, its attempts counted from zero; false when it is not dead. */
  retryDead(item: OutboxRef, at: string): Promise<boolean>;
  listOutbox(status: OutboxItem['status'], limit: number): Promise<OutboxItem[]>;
}

/** Reference data (settings, services, rota, people...) loaded from data/ at start-up, one kind at a time. */
export interface ReferenceStore {
  /** Replaces every item of the kind with these, atomically for readers. Items need a string `id`. */
  replaceReference(kind: string, items: ReadonlyArray<{ id: string } & Record<string, unknown>>): Promise<void>;
  getReference(kind: string, id: string): Promise<Record<string, unknown> | undefined>;
  listReference(kind: string): Promise<Record<string, unknown>[]>;
}

/** Key-value state with ETags, for the Teams AI turn state (conversation and user state). */
export interface StateStore {
  readState(keys: string[]): Promise<Record<string, Versioned<Record<string, unknown>>>>;
  /** expectedVersion '*' or undefined: write whatever is there; null: create only; otherwise StoreConflictError when stale (or, for null, when it exists). */
  writeState(key: string, value: Record<string, unknown>, expectedVersion?: string | null): Promise<string>;
  deleteState(keys: string[]): Promise<void>;
}

/** A front-door admin's answer to an access request. */
export interface AccessDecision {
  /** The admin's user key. */
  byKey: string;
  at: string;
  /** The setting an approved person now works for, as setting staff; null when refused. */
  settingId: string | null;
  /** What the admin said when refusing, if anything; null otherwise. */
  reason: string | null;
}

/** A request from an unknown user to be given access; a front-door admin approves it. */
export interface AccessRequest {
  userKey: string;
  name: string;
  email: string | null;
  message: string | null;
  requestedAt: string;
  status: 'pending' | 'approved' | 'refused';
  /** Set when an admin approved or refused it. */
  decision?: AccessDecision;
}

/** What deciding an access request changes it to; `from` is the status it must have now (pending, or approved to take access away). */
export type AccessOutcome = { status: 'approved' | 'refused'; decision: AccessDecision; from?: 'pending' | 'approved' };

export interface AccessRequestStore {
  /**
   * Saves the request; asking again while pending keeps the first request date, and an approved
   * request stays approved. The effects are written only when this save starts a new pending
   * request: in the same transaction where the database has one, else just before it.
   */
  upsertAccessRequest(request: AccessRequest, effects?: CaseWriteEffects): Promise<AccessRequest>;
  /**
   * Approves or refuses the request if it is still pending (or, with outcome.from 'approved', takes an approval back), with its effects (in the same transaction,
   * else just after: only the winner's); exactly one of two racing decisions wins. Otherwise changes nothing and returns what is stored (decided: false).
   */
  decideAccessRequest(userKey: string, outcome: AccessOutcome, effects?: CaseWriteEffects): Promise<{ decided: boolean; request: AccessRequest | undefined }>;
  listAccessRequests(status: AccessRequest['status']): Promise<AccessRequest[]>;
}

/** Everything the app keeps. One adapter per database; one contract test suite runs against each. */
export interface Store
  extends CaseStore,
    ReportingStore,
    DraftStore,
    ConversationStore,
    AuditStore,
    OutboxStore,
    ReferenceStore,
    StateStore,
    AccessRequestStore {
  /** Resolves when the database answers; rejects with StoreUnavailableError otherwise. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
