import { NEW_CASE_DEFAULTS, type CaseRecord } from '../../domain/case-record';
import { formatLongDate, londonDate, workingDayCalendar, type IsoDate } from '../../domain/calendar';
import { DomainError } from '../../domain/errors';
import { REQUEST_FIELDS, validateStep, type SchoolRequest } from '../../domain/intake';
import { formatReference } from '../../domain/reference-number';
import type { NotificationCards } from '../../ports/notification-cards';
import { StoreConflictError, StoreUnavailableError, type CaseWriteEffects, type Draft, type Versioned } from '../../ports/store';
import type { Actor } from '../actor';
import { newOutboxItem } from '../outbox/notifications';
import { dutyAlertView } from '../triage/alert-view';
import { DRAFT_META, assertMayRequest, draftChannel, ownDraft } from './drafts';
import type { IntakeDeps } from './intake-deps';

export type SubmitOutcome =
  | { kind: 'receipt'; record: CaseRecord; dueInWords: string }
  | { kind: 'invalid'; draft: Draft; errors: Record<string, string> };

/**
 * Sends the request: one reference, one case, one duty alert, however often the submit arrives.
 * The reference is reserved in the draft before the case is written, so a retry or double click
 * reuses it; the case write is idempotent on the draft id; the draft is then left as a tombstone
 * that points at the case, so a late retry gets the same receipt.
 */
export async function submitRequest(deps: IntakeDeps & { cards: NotificationCards }, actor: Actor, draftId: unknown): Promise<SubmitOutcome> {
  assertMayRequest(actor);
  let current = await ownDraft(deps, actor, draftId);
  if (current.value.answers[DRAFT_META.submitted] === true) return receiptFor(deps, String(current.value.answers[DRAFT_META.reservedRef]));

  const answers = Object.fromEntries(REQUEST_FIELDS.map((f) => [f, current.value.answers[f]]));
  const known = typeof answers.settingId === 'string' ? await deps.directory.getSetting(answers.settingId) : undefined;
  const now = deps.clock.now();
  const checked = validateStep('review', answers, { today: londonDate(now), isKnownSetting: (id) => known?.id === id });
  if (!checked.ok) return { kind: 'invalid', draft: current.value, errors: checked.errors };
  if (!known) throw new DomainError('INTAKE.UNKNOWN_SETTING', 'Setting vanished during submit');

  const reserved = await reserveReference(deps, actor, current, now);
  current = reserved.draft;
  const settings = await deps.directory.frontDoorSettings();
  const calendar = workingDayCalendar(settings.closureDays);
  const due = calendar.addWorkingDays(now, settings.responseTimes.firstResponse);
  const request: SchoolRequest = checked.answers;
  const record: CaseRecord = {
    ref: reserved.ref,
    submissionKey: current.value.id,
    settingId: known.id,
    status: 'submitted',
    channel: draftChannel(current.value),
    requesterKey: actor.key,
    claimantKey: null,
    phase: known.phase,
    primaryNeed: request.primaryNeed,
    urgency: request.urgency,
    submittedAt: now.toISOString(),
    updatedAt: now.toISOString(),
    firstResponseDue: due,
    request: request as unknown as Record<string, unknown>,
    ...NEW_CASE_DEFAULTS,
    routedTo: [],
    messages: [],
  };
  const alert = deps.cards.dutyAlert(await dutyAlertView(deps.directory, record, now));
  const at = now.toISOString();
  const stored = await createOnce(deps, record, {
    outbox: [newOutboxItem(deps, 'channel-post', settings.teams.dutyChannelId, { card: { ...alert, type: 'AdaptiveCard' }, alertKey: `alert:${record.ref}` }, record.ref, `${record.ref}:duty-alert`)],
    audit: [{ id: deps.ids.next(), at, actorKey: actor.key, action: 'case.submitted', caseRef: record.ref, detail: { channel: record.channel } }],
  });
  await leaveTombstone(deps, current, stored.ref);
  return { kind: 'receipt', record: stored, dueInWords: dueInWords(stored.firstResponseDue, londonDate(now)) };
}

/**
 * Creates the case, or finds the one a concurrent press of Submit is creating. A clash with no case
 * to show yet (the other press is mid-write, or a write cut off by an outage still holds the key for
 * a minute) is "try again", not an error: nothing was saved, and the retry finds one case.
 */
async function createOnce(deps: IntakeDeps, record: CaseRecord, effects: CaseWriteEffects): Promise<CaseRecord> {
  try {
    return (await deps.store.createCase(record, effects)).case.value;
  } catch (err) {
    if (!(err instanceof StoreConflictError)) throw err;
    const theirs = await deps.store.getCase(record.ref);
    if (!theirs) throw new StoreUnavailableError(`Request ${record.ref} is being saved by another press of Send`, { cause: err });
    return theirs.value;
  }
}

async function reserveReference(deps: IntakeDeps, actor: Actor, current: Versioned<Draft>, now: Date): Promise<{ ref: string; draft: Versioned<Draft> }> {
  const existing = current.value.answers[DRAFT_META.reservedRef];
  if (typeof existing === 'string') return { ref: existing, draft: current };
  const year = Number(londonDate(now).slice(0, 4));
  const ref = formatReference(year, await deps.store.nextReferenceNumber(year));
  const draft = { ...current.value, answers: { ...current.value.answers, [DRAFT_META.reservedRef]: ref } };
  try {
    return { ref, draft: { value: draft, version: (await deps.store.saveDraft(draft, current.version)).version } };
  } catch (err) {
    if (!(err instanceof StoreConflictError)) throw err;
    // Another press of Submit got here first: use its reference (this number stays unused, never reused).
    const latest = await ownDraft(deps, actor, current.value.id);
    const theirs = latest.value.answers[DRAFT_META.reservedRef];
    if (typeof theirs !== 'string') throw err;
    return { ref: theirs, draft: latest };
  }
}

async function leaveTombstone(deps: IntakeDeps, current: Versioned<Draft>, ref: string): Promise<void> {
  const tombstone: Draft = {
    ...current.value,
    answers: { [DRAFT_META.channel]: current.value.answers[DRAFT_META.channel], [DRAFT_META.reservedRef]: ref, [DRAFT_META.submitted]: true },
    updatedAt: deps.clock.now().toISOString(),
  };
  try {
    await deps.store.saveDraft(tombstone, current.version);
  } catch (err) {
    if (!(err instanceof StoreConflictError)) throw err; // a concurrent submit already left it
  }
}

async function receiptFor(deps: IntakeDeps, ref: string): Promise<SubmitOutcome> {
  const found = await deps.store.getCase(ref);
  if (!found) throw new DomainError('INTAKE.CASE_MISSING', 'Submitted draft points at no case');
  const today = londonDate(deps.clock.now());
  return { kind: 'receipt', record: found.value, dueInWords: dueInWords(found.value.firstResponseDue, today) };
}

function dueInWords(due: IsoDate | null, today: IsoDate): string {
  return due ? `by ${formatLongDate(due, today)}` : 'soon';
}
