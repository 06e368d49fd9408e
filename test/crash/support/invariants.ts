import { z } from 'zod';
import { CASE_STATUSES } from '../../../src/domain/case-record';
import { openStore } from '../../../src/store/open-store';
import { MAY_REPEAT_NOTE } from '../../../src/teams/bot-notifier';
import type { ConnectorCall } from '../../support/fake-connector';

/** A case's journey so far: its draft, and its reference once the school has read it. */
export interface JourneyState {
  draftId: string;
  ref: string | undefined;
  /** How many steps of the journey have answered (JOURNEY[0..done-1]). */
  done: number;
}

/** Audit actions a case may have at most once, whatever was retried. */
const ONCE_ONLY = ['case.submitted', 'case.claimed', 'case.escalate', 'panel.decided'];

const sentActivity = z
  .object({ text: z.string().optional(), attachments: z.array(z.object({ content: z.unknown() }).passthrough()).optional() })
  .passthrough();
const queuedPayload = z.object({ text: z.string().optional(), card: z.unknown().optional() }).passthrough();

/** The same JSON whatever order the keys came in. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    return `{${entries.sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** What a user sees of one notification: its text and card. */
const contentKey = (text: string | undefined, card: unknown): string => canonical({ text, card });

/** A sent text without the note a possible repeat carries, and whether it carried it. */
function withoutRepeatNote(text: string | undefined): { text: string | undefined; labelled: boolean } {
  if (text === undefined || !text.endsWith(MAY_REPEAT_NOTE)) return { text, labelled: false };
  const rest = text.slice(0, -MAY_REPEAT_NOTE.length).replace(/\n\n$/, '');
  return { text: rest === '' ? undefined : rest, labelled: true };
}

/** Problems found in the store and the connector's log after a crash and retry; empty when every promise held. */
export async function invariantProblems(sqlitePath: string, journeys: readonly JourneyState[], calls: readonly ConnectorCall[]): Promise<string[]> {
  const problems: string[] = [];
  const store = await openStore({ kind: 'sqlite', path: sqlitePath });
  try {
    const cases = await store.listCasesByStatus(CASE_STATUSES, 10_000);
    for (const journey of journeys) {
      const mine = cases.filter((c) => c.submissionKey === journey.draftId);
      if (mine.length > 1) problems.push(`draft ${journey.draftId} has ${mine.length} cases: ${mine.map((c) => c.ref).join(', ')}`);
      if (journey.ref !== undefined && mine[0]?.ref !== journey.ref) problems.push(`the school was told ${journey.ref} but draft ${journey.draftId} has case ${mine[0]?.ref ?? 'none'}`);
    }
    for (const record of cases) {
      const audit = await store.listAudit(record.ref);
      for (const action of ONCE_ONLY) {
        const count = audit.filter((e) => e.action === action).length;
        if (count > 1) problems.push(`${record.ref} has ${count} '${action}' audit events`);
      }
      const voters = record.panel.votes.map((v) => v.byKey);
      if (new Set(voters).size !== voters.length) problems.push(`${record.ref} has more than one vote from one member: ${voters.join(', ')}`);
      if (record.claimantKey === null && record.status !== 'submitted') problems.push(`${record.ref} is ${record.status} with no claimant`);
    }
    const pending = await store.listOutbox('pending', 1000);
    const dead = await store.listOutbox('dead', 1000);
    if (pending.length > 0) problems.push(`outbox items never delivered: ${pending.map((i) => `${i.id} (${i.kind}, ${i.lastError ?? 'no error'})`).join('; ')}`);
    if (dead.length > 0) problems.push(`outbox items dead-lettered: ${dead.map((i) => `${i.id} (${i.kind}, ${i.lastError ?? 'no error'})`).join('; ')}`);

    // Each delivered item was sent at most once without the "may be a repeat" note: no content reached Teams
    // unlabelled more often than it was queued. A labelled repeat follows a send cut off by the kill.
    const delivered = await store.listOutbox('delivered', 100_000);
    const queued = new Map<string, number>();
    for (const item of delivered) {
      const payload = queuedPayload.parse(item.payload);
      const key = contentKey(payload.text, payload.card);
      queued.set(key, (queued.get(key) ?? 0) + 1);
    }
    const sent = new Map<string, number>();
    const repeats = new Set<string>();
    for (const call of calls.filter((c) => c.status === 200)) {
      const activity = sentActivity.parse(call.activity);
      const { text, labelled } = withoutRepeatNote(activity.text);
      const key = contentKey(text, activity.attachments?.[0]?.content);
      if (labelled) repeats.add(key);
      else sent.set(key, (sent.get(key) ?? 0) + 1);
    }
    for (const key of repeats) if (!queued.has(key)) problems.push(`a labelled repeat of something never queued: ${key.slice(0, 300)}`);
    for (const [key, count] of sent) {
      const allowed = queued.get(key) ?? 0;
      if (count > allowed) problems.push(`sent ${count} times but queued ${allowed}: ${key.slice(0, 300)}`);
    }
    // And none was lost: every delivered post and message reached Teams (a card update may be skipped when a newer one is showing).
    for (const item of delivered.filter((i) => i.kind !== 'card-update')) {
      const payload = queuedPayload.parse(item.payload);
      const key = contentKey(payload.text, payload.card);
      if (!sent.has(key) && !repeats.has(key)) problems.push(`${item.id} (${item.kind}) is marked delivered but never reached Teams`);
    }
  } finally {
    await store.close();
  }
  return problems;
}
