import fc from 'fast-check';
import { PANEL_OUTCOMES, VOTE_CHOICES } from '../../src/domain/panel';
import { PERIOD_NAMES } from '../../src/domain/insights/periods';
import { STEP_FIELDS } from '../../src/domain/intake';
import { VERBS, type Verb } from '../../src/teams/verbs';
import { PEOPLE, type CardPlace, type PersonName } from '../support/bot-harness';
import { FORM_STEPS, VALID_STEP_INPUTS } from '../support/intake-answers';
import { tokenOf } from '../../src/teams/admin-cards';
import { NEXT_REF, WORLD_ACCESS_KEY, WORLD_CASES, WORLD_DEAD_LETTER } from './fuzz-world';

/** What a stack trace or a leaked error looks like in a reply. */
export const STACK_TRACE = /\bat \S+ \(|node_modules|Error:/;

/** One click on a card: who, which verb, where, and the data the card (or a forger) sent. */
export interface CardClick {
  who: PersonName;
  verb: Verb;
  place: CardPlace;
  data: unknown;
}

/** The service catalogue's ids (data/services.yaml). */
const SERVICE_IDS = ['educational-psychology', 'communication-learning-autism', 'sensory-needs', 'semh-inclusion-support', 'learning-support'];
const REFS = [...Object.values(WORLD_CASES), NEXT_REF, 'FD-2026-99999', 'FD-2025-00001'];

const TRIAGE_FIELDS = ['ref', 'services', 'message', 'summary', 'proposedPackage', 'reassignTo'];
const STEP_INPUT_FIELDS = [...new Set(Object.values(STEP_FIELDS).flat())];
const INTAKE_FIELDS = ['draftId', 'step', ...STEP_INPUT_FIELDS];
const PACKAGE_FIELDS = [1, 2, 3, 4].flatMap((i) => [`service${i}`, `action${i}`, `lead${i}`]);
/** The access request card's inputs are named by the request (admin-cards.ts tokenOf): the world's pending one. */
const ACCESS_FIELDS = ['userKey', `setting_${tokenOf(WORLD_ACCESS_KEY)}`, `reason_${tokenOf(WORLD_ACCESS_KEY)}`];

/** The fields each verb's handler reads (src/teams/routes/*.ts); a new verb will not compile until it is listed. */
export const VERB_FIELDS: Record<Verb, readonly string[]> = {
  showMenu: [],
  help: [],
  requestAccess: ['settingName', 'jobRole'],
  requestSupport: [],
  myRequests: ['page'],
  myQueue: [],
  openCases: [],
  overdueCases: [],
  status: ['ref'],
  insights: ['period'],
  intakeStart: ['channel'],
  intakeNext: INTAKE_FIELDS,
  intakeBack: INTAKE_FIELDS,
  intakeSave: INTAKE_FIELDS,
  intakeEdit: INTAKE_FIELDS,
  intakeResume: INTAKE_FIELDS,
  intakeCancel: ['draftId'],
  intakeDiscard: ['draftId'],
  intakeSubmit: ['draftId'],
  openRequest: ['ref'],
  withdrawRequest: ['ref'],
  confirmWithdraw: ['ref', 'reason'],
  claimCase: ['ref'],
  openTriage: ['ref'],
  triageRoute: TRIAGE_FIELDS,
  triageAdvise: TRIAGE_FIELDS,
  triageAsk: TRIAGE_FIELDS,
  triageEscalate: TRIAGE_FIELDS,
  triageRelease: TRIAGE_FIELDS,
  triageReassign: TRIAGE_FIELDS,
  schoolReply: ['ref', 'answer'],
  panelVote: ['ref', 'choice', 'voteComment'],
  panelDecide: ['ref', 'outcome', 'schoolWords', ...PACKAGE_FIELDS],
  panelOpenCase: ['ref'],
  panelAgenda: [],
  panelSchedule: ['refs', 'meetingDate'],
  accessRequests: [],
  approveAccess: ACCESS_FIELDS,
  refuseAccess: ACCESS_FIELDS,
  approvedPeople: [],
  removeAccess: ['userKey'],
  deadLetters: [],
  retryDeadLetter: ['id'],
};

const words = fc.constantFrom('Please call the school this week.', 'Needs several services.', 'EP assessment and SALT.', 'She eats alone in the library.', 'Moving school.', 'Chris Evans');

/** Valid-looking values for each field: real refs, draft ids, steps, services, people and choices. */
function validValues(draftIds: readonly string[]): Record<string, fc.Arbitrary<unknown>> {
  const stepValues = Object.fromEntries(
    STEP_INPUT_FIELDS.map((f) => {
      const known = FORM_STEPS.map((s) => (VALID_STEP_INPUTS[s] as Record<string, string>)[f]).filter((v): v is string => v !== undefined);
      return [f, known.length > 0 ? fc.constantFrom(...known) : fc.constantFrom('900001', '900005', '')];
    }),
  );
  const services = fc.subarray(SERVICE_IDS, { minLength: 1, maxLength: 3 }).map((ids) => ids.join(','));
  const packageValues = Object.fromEntries([1, 2, 3, 4].flatMap((i) => [[`service${i}`, fc.constantFrom(...SERVICE_IDS)], [`action${i}`, words], [`lead${i}`, words]]));
  return {
    ...stepValues,
    ...packageValues,
    ref: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...Object.values(WORLD_CASES)) }, { weight: 1, arbitrary: fc.constantFrom(...REFS) }),
    refs: fc.subarray(REFS, { minLength: 1, maxLength: 3 }).map((refs) => refs.join(',')),
    draftId: fc.constantFrom(...draftIds, 'world-1', 'no-such-draft'),
    step: fc.constantFrom(...FORM_STEPS, 'review'),
    channel: fc.constantFrom('teams', 'phone', 'email'),
    services,
    message: words,
    summary: words,
    proposedPackage: words,
    answer: words,
    reason: words,
    voteComment: fc.constantFrom('', 'Add a review at six weeks.'),
    schoolWords: words,
    reassignTo: fc.constantFrom(...Object.values(PEOPLE).map((p) => p.aadObjectId)),
    choice: fc.constantFrom(...VOTE_CHOICES),
    outcome: fc.constantFrom(...PANEL_OUTCOMES),
    meetingDate: fc.constantFrom('2026-12-07', '2026-12-08', '2026-12-25', '2026-12-12', '2027-01-04'),
    settingName: fc.constantFrom('Oakfield Primary School', 'Little Acorns'),
    jobRole: fc.constantFrom('SENCO', 'Teaching assistant'),
    page: fc.constantFrom(0, 1, 2),
    period: fc.constantFrom(...PERIOD_NAMES),
    userKey: fc.constantFrom(WORLD_ACCESS_KEY, `${WORLD_ACCESS_KEY} `, 'tenant:nobody'),
    [`setting_${tokenOf(WORLD_ACCESS_KEY)}`]: fc.constantFrom('900001', '900005', 'EY123456', '999999', ''),
    [`reason_${tokenOf(WORLD_ACCESS_KEY)}`]: fc.constantFrom('', 'We could not confirm you work there.'),
    id: fc.constantFrom(WORLD_DEAD_LETTER, 'no-such-item'),
  };
}

/** Keys an attacker might add, besides the fields of other verbs. */
const HOSTILE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'verb', 'ownerKey', 'claimantKey', 'status', 'roles'];

/** Strings that have broken parsers, templates, renderers and logs before. */
const NASTY_STRINGS = fc.constantFrom(
  '',
  '   ',
  'A'.repeat(25_000),
  '\u0000\u0001\u0007\u001b[31m\r\n\t\b',
  '\u202eevil\u200b\ufeff',
  'Zoë 🙂 日本語 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 \ud800',
  '${ref}',
  '${$root}',
  '${if(true, 1, 2)}',
  '{{name}}',
  '<at>Sam Patel</at>',
  '<script>alert(1)</script>',
  '**bold** [link](http://127.0.0.1/)',
  '__proto__',
  'constructor',
  'FD-2026-00001\u0000',
  ' FD-2026-00003 ',
  'fd-2026-00002',
  'FD-2026-00001,FD-2026-00003',
  "'; DROP TABLE cases; --",
  '-1',
  'NaN',
  '1e309',
  'null',
);

/** A hostile object: keys that pollute prototypes when merged carelessly, as JSON.parse gives them. */
const POLLUTING = fc.constantFrom(
  JSON.parse('{"__proto__":{"polluted":true,"roles":["duty-manager"]}}') as unknown,
  JSON.parse('{"constructor":{"prototype":{"polluted":true}}}') as unknown,
);

/** A wrong value: another type, a nasty string, random unicode, arrays, objects, prototype keys. */
export const junkValue: fc.Arbitrary<unknown> = fc.oneof(
  NASTY_STRINGS,
  fc.string({ maxLength: 30, unit: 'binary' }),
  fc.constantFrom(null, true, false, 0, -1, 1.5, Number.MAX_SAFE_INTEGER),
  fc.integer(),
  fc.array(fc.oneof(fc.string({ maxLength: 10 }), fc.integer(), fc.constantFrom(...REFS)), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 6 }), fc.string({ maxLength: 6 }), { maxKeys: 3 }),
  POLLUTING,
);

/** Marks a field the card leaves out (dropped by the JSON round trip). */
const MISSING = fc.constant(undefined);

/** The data a verb's card sends: mostly real-looking fields, some wrong or missing, now and then extra or hostile keys. */
function dataFor(verb: Verb, valid: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<unknown> {
  const fields = VERB_FIELDS[verb];
  const field = (name: string) => fc.oneof({ weight: 6, arbitrary: valid[name] ?? words }, { weight: 2, arbitrary: junkValue }, { weight: 1, arbitrary: MISSING });
  const base = fc.record(Object.fromEntries(fields.map((f) => [f, field(f)])));
  const extraKeys = fc.array(fc.tuple(fc.constantFrom(...HOSTILE_KEYS, ...Object.keys(valid)), junkValue), { maxLength: 2 });
  const asObject = fc.tuple(base, fc.oneof({ weight: 3, arbitrary: fc.constant([]) }, { weight: 1, arbitrary: extraKeys })).map(([b, extra]) => Object.fromEntries([...Object.entries(b), ...extra]));
  const notAnObject = fc.constantFrom<unknown>(null, 'FD-2026-00001', 42, [], [{ ref: WORLD_CASES.panel }], true);
  // Through JSON, as the data would arrive from Teams: own __proto__ keys stay data, undefined fields vanish.
  return fc.oneof({ weight: 12, arbitrary: asObject }, { weight: 1, arbitrary: notAnObject }).map((data) => JSON.parse(JSON.stringify(data) ?? 'null') as unknown);
}

/** Any click: every verb, from every person, in every place. */
export function cardClicks(draftIds: readonly string[]): fc.Arbitrary<CardClick> {
  const valid = validValues(draftIds);
  const people = Object.keys(PEOPLE) as PersonName[];
  const verbs = Object.values(VERBS);
  const action = fc.oneof(...verbs.map((verb) => fc.record({ verb: fc.constant(verb), data: dataFor(verb, valid) })));
  return fc
    .record({ who: fc.constantFrom(...people), place: fc.constantFrom<CardPlace>('personal', 'duty', 'panel'), action })
    .map(({ who, place, action: { verb, data } }): CardClick => ({ who, verb, place, data }))
    .filter((click) => !STACK_TRACE.test(JSON.stringify(click.data) ?? ''));
}
