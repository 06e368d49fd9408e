import { LOCAL_TENANT_ID } from '../../../src/config';
import type { CaseRecord } from '../../../src/domain/case-record';
import { userKey } from '../../../src/domain/roles';

/** Someone clicking a card button, as Teams names them. */
export interface Person {
  readonly aadObjectId: string;
  readonly name: string;
}

export const SENCO: Person = { aadObjectId: '00000000-0000-0000-0000-000000000101', name: 'Priya Shah' };
/** Duty professional, panel member and chair in data/people.yaml. */
export const ALEX: Person = { aadObjectId: '00000000-0000-0000-0000-000000000100', name: 'Alex Morgan' };
/** Panel chair and member. */
export const JO: Person = { aadObjectId: '00000000-0000-0000-0000-000000000103', name: 'Jo Okafor' };
export const CHRIS: Person = { aadObjectId: '00000000-0000-0000-0000-000000000104', name: 'Chris Evans' };

const DUTY_CHANNEL = '19:front-door-duty@thread.tacv2';
const PANEL_CHANNEL = '19:isend-team@thread.tacv2';
const TEAM = '19:isend-team@thread.tacv2';

/** Where the click happens: the person's chat with the bot, or a channel post. */
export type Place = 'personal' | 'duty' | 'panel';

/** An Action.Execute click as Teams sends it, pointing the bot at `serviceUrl` (the fake connector). */
export function cardClick(serviceUrl: string, who: Person, place: Place, verb: string, data: Record<string, unknown>): Record<string, unknown> {
  const channel = place === 'duty' ? DUTY_CHANNEL : PANEL_CHANNEL;
  return {
    type: 'invoke',
    name: 'adaptiveCard/action',
    channelId: 'msteams',
    serviceUrl,
    from: { id: `29:${who.aadObjectId}`, name: who.name, aadObjectId: who.aadObjectId },
    recipient: { id: '28:bot', name: 'SEND Front Door' },
    conversation:
      place === 'personal'
        ? { id: `a:${who.aadObjectId}`, conversationType: 'personal', tenantId: LOCAL_TENANT_ID }
        : { id: `${channel};messageid=1`, conversationType: 'channel', tenantId: LOCAL_TENANT_ID, isGroup: true },
    channelData: place === 'personal' ? { tenant: { id: LOCAL_TENANT_ID } } : { tenant: { id: LOCAL_TENANT_ID }, team: { id: TEAM }, channel: { id: channel } },
    value: { action: { type: 'Action.Execute', verb, data } },
  };
}

/** One step of a case's journey that a round kills the bot during. */
export interface Operation {
  readonly name: 'submit' | 'claim' | 'escalate' | 'vote' | 'decide';
  readonly who: Person;
  readonly place: Place;
  readonly verb: string;
  /** The card's data; `ref` is filled in once the case has one. */
  readonly data: (ids: { draftId: string; ref: string }) => Record<string, unknown>;
  /** What the user reads when the step has happened (first time or on a retry). */
  readonly answer: RegExp;
  /** What a click on a step already done answers, when that is not `answer` again. */
  readonly repeated?: RegExp;
  /** Whether the stored case shows the step done. */
  readonly shows: (record: CaseRecord) => boolean;
}

const keyOf = (who: Person): string => userKey({ tenantId: LOCAL_TENANT_ID, aadObjectId: who.aadObjectId });
const MOVED_ON = /The case has moved on/;
const voted = (who: Person) => (record: CaseRecord) => record.panel.votes.some((v) => v.byKey === keyOf(who));

/** A case from submission to the panel's decision: every step a user retries after a crash. */
export const JOURNEY: readonly Operation[] = [
  { name: 'submit', who: SENCO, place: 'personal', verb: 'intakeSubmit', data: ({ draftId }) => ({ draftId }), answer: /FD-\d{4}-\d{5}/, shows: () => true },
  { name: 'claim', who: ALEX, place: 'duty', verb: 'claimCase', data: ({ ref }) => ({ ref }), answer: /Claimed by Alex Morgan/, shows: (r) => r.claimantKey === keyOf(ALEX) },
  {
    name: 'escalate',
    who: ALEX,
    place: 'personal',
    verb: 'triageEscalate',
    data: ({ ref }) => ({ ref, summary: 'Language needs affect learning; school support has not been enough.', proposedPackage: 'An educational psychology assessment.' }),
    answer: /Escalated to the panel by Alex Morgan/,
    repeated: MOVED_ON,
    shows: (r) => r.status === 'panel' && r.panelDue !== null,
  },
  { name: 'vote', who: ALEX, place: 'panel', verb: 'panelVote', data: ({ ref }) => ({ ref, choice: 'support', voteComment: '' }), answer: /Alex Morgan, your vote is counted/, shows: voted(ALEX) },
  { name: 'vote', who: JO, place: 'panel', verb: 'panelVote', data: ({ ref }) => ({ ref, choice: 'support', voteComment: '' }), answer: /Jo Okafor, your vote is counted/, shows: voted(JO) },
  { name: 'vote', who: CHRIS, place: 'panel', verb: 'panelVote', data: ({ ref }) => ({ ref, choice: 'support-with-changes', voteComment: 'Add a review at six weeks.' }), answer: /Chris Evans, your vote is counted/, shows: voted(CHRIS) },
  {
    name: 'decide',
    who: JO,
    place: 'panel',
    verb: 'panelDecide',
    data: ({ ref }) => ({
      ref,
      outcome: 'agreed',
      service1: 'educational-psychology',
      action1: 'Assessment in school',
      lead1: 'Chris Evans',
      schoolWords: 'An educational psychologist will visit to assess and plan support with you.',
    }),
    answer: /Package agreed: recorded by Jo Okafor/,
    repeated: MOVED_ON,
    shows: (r) => r.status === 'decided' && r.panel.decision?.outcome === 'agreed',
  },
];
