import fc from 'fast-check';
import type { CaseRecord } from '../../src/domain/case-record';
import type { Verb } from '../../src/teams/verbs';
import type { PersonName } from '../support/bot-harness';
import { cardClicks, type CardClick } from './card-data';
import { sendClick } from './click-check';
import { tokenOf } from '../../src/teams/admin-cards';
import { buildFuzzWorld, WORLD_ACCESS_KEY, WORLD_CASES, WORLD_DEAD_LETTER, type FuzzWorld } from './fuzz-world';
import { keyOf, type WorldChange } from './world-snapshot';

// Who holds which role (data/people.yaml); alex holds every role, stranger none.
const DUTY: readonly PersonName[] = ['sam', 'ravi', 'jo', 'alex']; // duty-professional or duty-manager
const DUTY_MANAGERS: readonly PersonName[] = ['jo', 'alex'];
const PANEL: readonly PersonName[] = ['jo', 'chris', 'maya', 'owen', 'alex'];
const CHAIRS: readonly PersonName[] = ['jo', 'alex'];
const REQUESTERS: readonly PersonName[] = ['priya', 'tom', 'alex']; // setting-staff or front-door-admin
const FRONT_DOOR_ADMINS: readonly PersonName[] = ['alex'];
const SETTING_OF: Partial<Record<PersonName, string>> = { priya: '900001', alex: '900001', tom: '900005' };

/** The requester, or staff of the same setting (withdraw-request.ts, school-reply.ts). */
const ownSetting = (who: PersonName, c: CaseRecord): boolean => c.requesterKey === keyOf(who) || (SETTING_OF[who] !== undefined && SETTING_OF[who] === c.settingId);
/** The case's claimant, or any duty manager (triage-view.ts mayTriage). */
const claimantOrManager = (who: PersonName, c: CaseRecord): boolean => c.claimantKey === keyOf(who) || DUTY_MANAGERS.includes(who);
const among = (people: readonly PersonName[]) => (who: PersonName): boolean => people.includes(who);

/**
 * Who may change what with each verb (read from src/app/**). Anything a rule does not allow must be
 * exactly as it was after the click: a case (judged by its state before the click), a new case,
 * the person's own drafts (never anyone else's), pending notifications, access requests.
 */
interface MayChange {
  existingCase?: (who: PersonName, before: CaseRecord) => boolean;
  newCase?: readonly PersonName[];
  ownDrafts?: readonly PersonName[];
  outbox?: readonly PersonName[];
  access?: readonly PersonName[];
}
const TRIAGE: MayChange = { existingCase: claimantOrManager, outbox: DUTY };
const EDIT_OWN_DRAFT: MayChange = { ownDrafts: REQUESTERS };
const NOTHING: MayChange = {};
const MAY_CHANGE: Record<Verb, MayChange> = {
  showMenu: NOTHING,
  help: NOTHING,
  requestAccess: { access: ['stranger'], outbox: ['stranger'] }, // the only things an unknown user can ever change: their request, and the admins are told
  requestSupport: EDIT_OWN_DRAFT, // starts a draft when the person has none
  myRequests: NOTHING,
  myQueue: NOTHING,
  openCases: NOTHING,
  overdueCases: NOTHING,
  status: NOTHING,
  insights: NOTHING,
  intakeStart: EDIT_OWN_DRAFT,
  intakeNext: EDIT_OWN_DRAFT,
  intakeBack: EDIT_OWN_DRAFT,
  intakeSave: EDIT_OWN_DRAFT,
  intakeEdit: EDIT_OWN_DRAFT,
  intakeResume: EDIT_OWN_DRAFT,
  intakeCancel: NOTHING,
  intakeDiscard: EDIT_OWN_DRAFT,
  intakeSubmit: { ownDrafts: REQUESTERS, newCase: REQUESTERS, outbox: REQUESTERS },
  openRequest: NOTHING,
  withdrawRequest: NOTHING, // only shows the form
  confirmWithdraw: { existingCase: ownSetting, outbox: ['priya', 'tom', 'alex'] },
  claimCase: { existingCase: among(DUTY), outbox: DUTY },
  openTriage: NOTHING, // a view: audited, nothing else
  triageRoute: TRIAGE,
  triageAdvise: TRIAGE,
  triageAsk: TRIAGE,
  triageEscalate: TRIAGE,
  triageRelease: TRIAGE,
  triageReassign: TRIAGE,
  schoolReply: { existingCase: ownSetting, outbox: ['priya', 'tom', 'alex'] },
  panelVote: { existingCase: among(PANEL), outbox: PANEL },
  panelDecide: { existingCase: among(CHAIRS), outbox: CHAIRS },
  panelOpenCase: { outbox: PANEL }, // the full request goes to the member's own chat
  panelAgenda: NOTHING,
  panelSchedule: { existingCase: among(CHAIRS), outbox: CHAIRS },
  accessRequests: NOTHING,
  approveAccess: { access: FRONT_DOOR_ADMINS, outbox: FRONT_DOOR_ADMINS },
  refuseAccess: { access: FRONT_DOOR_ADMINS, outbox: FRONT_DOOR_ADMINS },
  approvedPeople: NOTHING,
  removeAccess: { access: FRONT_DOOR_ADMINS, outbox: FRONT_DOOR_ADMINS },
  deadLetters: NOTHING,
  retryDeadLetter: { outbox: ['alex'] }, // front-door admins and administrators
};

function allowed(click: CardClick, change: WorldChange): boolean {
  const rule = MAY_CHANGE[click.verb];
  switch (change.kind) {
    case 'case':
      return change.before === undefined ? (rule.newCase ?? []).includes(click.who) : (rule.existingCase?.(click.who, change.before) ?? false);
    case 'drafts':
      return change.owner === click.who && (rule.ownDrafts ?? []).includes(click.who);
    case 'outbox':
      return (rule.outbox ?? []).includes(click.who);
    case 'access':
      return (rule.access ?? []).includes(click.who);
  }
}


/** Runs always tried first, so the changes checked for below are seen whatever the seed draws as verbs are added. */
const ACCESS_INPUT = `setting_${tokenOf(WORLD_ACCESS_KEY)}`;
const ALWAYS_TRIED: CardClick[][][] = [
  [[{ who: 'stranger', verb: 'requestAccess', place: 'personal', data: { settingName: 'Oakfield Primary School', jobRole: 'SENCO' } }]],
  [[{ who: 'priya', verb: 'approveAccess', place: 'personal', data: { userKey: WORLD_ACCESS_KEY, [ACCESS_INPUT]: '900001' } }, { who: 'alex', verb: 'approveAccess', place: 'personal', data: { userKey: WORLD_ACCESS_KEY, [ACCESS_INPUT]: '900005' } }]],
  [[{ who: 'alex', verb: 'refuseAccess', place: 'personal', data: { userKey: WORLD_ACCESS_KEY } }, { who: 'alex', verb: 'approveAccess', place: 'personal', data: { userKey: WORLD_ACCESS_KEY, [ACCESS_INPUT]: '900005' } }]],
  [
    [
      { who: 'alex', verb: 'approveAccess', place: 'personal', data: { userKey: WORLD_ACCESS_KEY, [ACCESS_INPUT]: '900005' } },
      { who: 'priya', verb: 'removeAccess', place: 'personal', data: { userKey: WORLD_ACCESS_KEY } },
      { who: 'alex', verb: 'removeAccess', place: 'personal', data: { userKey: WORLD_ACCESS_KEY } },
    ],
  ],
  [[{ who: 'dana', verb: 'retryDeadLetter', place: 'personal', data: { id: WORLD_DEAD_LETTER } }, { who: 'alex', verb: 'retryDeadLetter', place: 'personal', data: { id: WORLD_DEAD_LETTER } }]],
  [[{ who: 'chris', verb: 'panelVote', place: 'panel', data: { ref: WORLD_CASES.panel, choice: 'do-not-support', voteComment: 'The package needs a clearer plan.' } }]],
  [[{ who: 'ravi', verb: 'claimCase', place: 'duty', data: { ref: WORLD_CASES.submitted } }]],
];

let world: FuzzWorld;
beforeAll(async () => {
  world = await buildFuzzWorld();
}, 60_000);
afterAll(async () => {
  await world.remove();
});

describe('card payload fuzzing: every verb, from every person, with real and mutated data', () => {
  it('always answers with a card, never an error, and changes only what the person may change', async () => {
    const seen = new Set<string>();
    const runs = fc.array(
      cardClicks([world.drafts.priya, world.drafts.tom]),
      { minLength: 1, maxLength: 3 },
    );
    await fc.assert(
      fc.asyncProperty(runs, async (clicks) => {
        const { bot, close } = await world.open();
        try {
          for (const click of clicks) {
            const { problems, changes } = await sendClick(bot, click);
            const forbidden = changes.filter((c) => !allowed(click, c));
            for (const c of forbidden) problems.push(`changed what ${click.who} may not change with ${click.verb}: ${c.kind === 'case' ? c.ref : c.kind === 'drafts' ? `${c.owner}'s drafts` : c.kind}`);
            if (problems.length > 0) throw new Error(`${click.verb} by ${click.who} in ${click.place} with ${JSON.stringify(click.data)?.slice(0, 500)}:\n${problems.join('\n')}`);
            for (const c of changes) seen.add(`${click.verb}:${c.kind}`);
          }
        } finally {
          await close();
        }
      }),
      { numRuns: 400, seed: 20261207, endOnFailure: true, examples: ALWAYS_TRIED },
    );
    // The property must have watched real changes happen, or "nothing forbidden changed" proves nothing.
    for (const expected of ['intakeStart:drafts', 'requestAccess:access', 'panelVote:case', 'claimCase:case', 'approveAccess:access', 'refuseAccess:access', 'removeAccess:access', 'retryDeadLetter:outbox']) expect(seen).toContain(expected);
    expect(seen.size).toBeGreaterThanOrEqual(12);
  }, 120_000);

  it('notices a forbidden change: the check is not blind', async () => {
    const { bot, close } = await world.open();
    try {
      const click: CardClick = { who: 'ravi', verb: 'triageAdvise', place: 'personal', data: { ref: WORLD_CASES.claimed, message: 'Close it.' } };
      const before = await bot.store.getCase(WORLD_CASES.claimed);
      const { changes, problems } = await sendClick(bot, { ...click, who: 'sam' });
      expect(problems).toEqual([]);
      expect(changes).toContainEqual({ kind: 'case', ref: WORLD_CASES.claimed, before: before?.value });
      expect(changes.filter((c) => !allowed(click, c))).not.toHaveLength(0); // the same change, had Ravi made it, is forbidden
    } finally {
      await close();
    }
  });
});
