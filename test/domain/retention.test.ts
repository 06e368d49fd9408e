import { NEW_CASE_DEFAULTS, caseRecordSchema, type CaseRecord } from '../../src/domain/case-record';
import { caseFacts } from '../../src/domain/insights/case-facts';
import { storedRequestSchema } from '../../src/domain/intake';
import { REMOVED_TEXT, addCalendarMonths, anonymise, isDueForAnonymising } from '../../src/domain/retention';
import { reportRow } from '../../src/app/insights/case-report';

const REQUEST = storedRequestSchema.parse({
  settingId: '900001',
  requesterName: 'Priya Shah',
  requesterRole: 'senco',
  requesterEmail: 'priya.shah@oakfield.example.sch.uk',
  requesterPhone: '01632 960123',
  initials: 'J.Q.',
  yearGroup: 'Y3',
  dateOfBirth: '05/2018',
  senStatus: 'sen-support',
  upn: 'B801200005001',
  primaryNeed: 'SLCN',
  secondaryNeed: 'SEMH',
  concern: 'Jaq finds spoken instructions very hard and often withdraws in class.',
  triedSoFar: 'Visual timetable and small-group language sessions.',
  reviewCycles: '2',
  whatChanged: 'Some progress with vocabulary at home.',
  otherAgencies: 'School nurse Ann Lee',
  helpWanted: 'advice,assessment',
  parentalConsent: 'true',
  childAtRisk: 'false',
  urgency: 'soon',
});

/** Every pupil detail and free-text phrase the case below holds, as it is stored. */
const SECRETS = [
  'Priya Shah', 'priya.shah@', '01632960123', '"JQ"', '2018-05', '"Y3"', 'B801200005001', 'spoken instructions', 'Visual timetable',
  'vocabulary at home', 'Ann Lee', 'Which lessons', 'Maths lessons mostly', 'Joint EP and SALT plan', 'Needs a smaller plan',
  'EP assesses in January', 'Mrs Ortiz', 'We agreed a package', 'Moving school',
];

/** A decided case that went through everything: question and reply, panel votes with comments, a package, and a withdrawal record. */
function fullCase(overrides: Partial<CaseRecord> = {}): CaseRecord {
  const sam = 'tenant:sam';
  return caseRecordSchema.parse({
    ref: 'FD-2026-00042',
    submissionKey: 'draft-42',
    settingId: '900001',
    status: 'decided',
    channel: 'teams',
    requesterKey: 'tenant:priya',
    claimantKey: sam,
    phase: 'primary',
    primaryNeed: 'SLCN',
    urgency: 'soon',
    submittedAt: '2026-01-05T09:00:00.000Z',
    updatedAt: '2026-02-10T15:30:00.000Z',
    firstResponseDue: '2026-01-07',
    request: REQUEST,
    ...NEW_CASE_DEFAULTS,
    claimedAt: '2026-01-05T10:00:00.000Z',
    firstResponseAt: '2026-01-06T10:00:00.000Z',
    routedTo: [],
    panelDue: '2026-02-13',
    messages: [
      { at: '2026-01-06T10:00:00.000Z', byKey: sam, kind: 'question', text: 'Which lessons are hardest?' },
      { at: '2026-01-07T10:00:00.000Z', byKey: 'tenant:priya', kind: 'school-reply', text: 'Maths lessons mostly' },
      { at: '2026-01-08T10:00:00.000Z', byKey: sam, kind: 'proposed-package', text: 'Joint EP and SALT plan' },
    ],
    withdrawal: { at: '2026-02-01T10:00:00.000Z', byKey: 'tenant:priya', reason: 'Moving school' },
    measures: { firstResponseWorkingDays: 1, firstResponseHours: 25, withinSetTime: true, pausedWorkingDays: 1 },
    panel: {
      votes: [
        { byKey: 'tenant:a', choice: 'support', comment: '', at: '2026-02-02T10:00:00.000Z' },
        { byKey: 'tenant:b', choice: 'do-not-support', comment: 'Needs a smaller plan', at: '2026-02-03T10:00:00.000Z' },
      ],
      meetingDate: '2026-02-09',
      meetingReminded: '2026-02-09',
      decision: {
        at: '2026-02-10T15:30:00.000Z',
        byKey: 'tenant:chair',
        outcome: 'agreed',
        package: [{ serviceId: 'eps', action: 'EP assesses in January', lead: 'Mrs Ortiz' }],
        schoolWords: 'We agreed a package',
        measures: {
          escalatedAt: '2026-01-08T10:00:00.000Z',
          hoursToDecision: 797.5,
          workingDaysToDecision: 23,
          withinSetTime: true,
          outcome: 'agreed',
          services: ['eps'],
          votes: { support: 1, supportWithChanges: 0, doNotSupport: 1 },
        },
      },
    },
    ...overrides,
  });
}

const AT = '2028-03-01T02:00:00.000Z';

describe('anonymising a closed case', () => {
  it('removes every pupil detail and every piece of free text', () => {
    const before = JSON.stringify(fullCase());
    for (const secret of SECRETS) expect(before).toContain(secret); // the test can fail: they were there
    const after = JSON.stringify(anonymise(fullCase(), AT));
    for (const secret of SECRETS) expect(after).not.toContain(secret);
  });

  it('keeps every figure reports use, and the record still parses as a case', () => {
    const before = fullCase();
    const after = caseRecordSchema.parse(JSON.parse(JSON.stringify(anonymise(before, AT))));
    expect(caseFacts(after)).toEqual(caseFacts(before));
    expect(reportRow(after)).toEqual(reportRow(before));
    expect(after.panel.decision?.measures).toEqual(before.panel.decision?.measures);
    expect(after.panel.votes.map((v) => v.choice)).toEqual(['support', 'do-not-support']);
    expect(after.messages.map((m) => [m.at, m.kind, m.text])).toEqual(before.messages.map((m) => [m.at, m.kind, REMOVED_TEXT]));
    expect(after.updatedAt).toBe(before.updatedAt);
    expect(after.anonymisedAt).toBe(AT);
  });

  it('keeps only the answers that identify nobody, marked as anonymised, so readers of the full request show none', () => {
    const after = anonymise(fullCase(), AT);
    expect(after.request).toEqual({
      anonymised: true, settingId: '900001', requesterRole: 'senco', senStatus: 'sen-support', primaryNeed: 'SLCN', secondaryNeed: 'SEMH',
      reviewCycles: 2, helpWanted: ['advice', 'assessment'], urgency: 'soon', parentalConsent: true, childAtRisk: false,
    });
    expect(storedRequestSchema.safeParse(after.request).success).toBe(false);
  });

  it('leaves an empty comment empty and changes nothing the second time', () => {
    const once = anonymise(fullCase(), AT);
    expect(once.panel.votes[0]?.comment).toBe('');
    expect(anonymise(once, '2029-01-01T00:00:00.000Z')).toEqual(once);
  });
});

describe('when a case is due for anonymising', () => {
  const closed = fullCase({ status: 'advised', updatedAt: '2026-03-31T12:00:00.000Z' });

  it('is due once the retention months have passed since it closed, and not a moment before', () => {
    expect(isDueForAnonymising(closed, new Date('2028-03-31T11:59:59.999Z'), 24)).toBe(false);
    expect(isDueForAnonymising(closed, new Date('2028-03-31T12:00:00.000Z'), 24)).toBe(true);
    expect(isDueForAnonymising(closed, new Date('2026-04-30T12:00:00.000Z'), 1)).toBe(true); // 31 March + 1 month is 30 April
    expect(isDueForAnonymising(closed, new Date('2026-04-30T11:59:59.000Z'), 1)).toBe(false);
  });

  it('is never due while the case is open, or once it has been anonymised', () => {
    const later = new Date('2040-01-01T00:00:00.000Z');
    for (const status of ['submitted', 'claimed', 'awaiting-school', 'panel'] as const) expect(isDueForAnonymising({ ...closed, status }, later, 1)).toBe(false);
    for (const status of ['routed', 'advised', 'decided', 'withdrawn', 'closed'] as const) expect(isDueForAnonymising({ ...closed, status }, later, 1)).toBe(true);
    expect(isDueForAnonymising(anonymise(closed, AT), later, 1)).toBe(false);
  });

  it('counts calendar months, clamped to the end of shorter months', () => {
    expect(addCalendarMonths('2026-01-31T08:00:00.000Z', 1).toISOString()).toBe('2026-02-28T08:00:00.000Z');
    expect(addCalendarMonths('2027-12-31T08:00:00.000Z', 2).toISOString()).toBe('2028-02-29T08:00:00.000Z');
    expect(addCalendarMonths('2026-05-15T08:00:00.000Z', -24).toISOString()).toBe('2024-05-15T08:00:00.000Z');
  });
});
