import fc from 'fast-check';
import { applyAction } from '../../src/domain/case-lifecycle';
import { workingDayCalendar } from '../../src/domain/calendar';
import type { CaseRecord } from '../../src/domain/case-record';
import { DomainError } from '../../src/domain/errors';
import { castVote, decisionProblems, panelDecision, quorumOf, tallyOf, votesNeeded, VOTE_CHOICES, type DecisionInput, type PanelVote } from '../../src/domain/panel';
import { aCase } from '../store/mothers';

const MEMBER_ROLES = ['panel-member'] as const;
const at = (minute: number) => `2026-12-07T10:${String(minute).padStart(2, '0')}:00.000Z`;
const members = (...keys: string[]) => new Set(keys);

function atPanel(overrides: Partial<CaseRecord> = {}): CaseRecord {
  return aCase({
    status: 'panel',
    claimantKey: 't:sam',
    panelDue: '2026-12-21',
    messages: [{ at: '2026-12-07T09:00:00.000Z', byKey: 't:sam', kind: 'panel-summary', text: 'Needs several services.' }],
    ...overrides,
  });
}

const code = (fn: () => unknown): string => {
  try {
    fn();
  } catch (err) {
    if (err instanceof DomainError) return err.code;
    throw err;
  }
  return 'none';
};

const vote = (byKey: string, choice: PanelVote['choice'], comment = '', minute = 0): PanelVote => ({ byKey, choice, comment, at: at(minute) });

describe('votes', () => {
  it('keeps one vote per member, the latest, whatever the order of votes', () => {
    const votes = fc.array(fc.record({ who: fc.integer({ min: 0, max: 6 }), choice: fc.constantFrom(...VOTE_CHOICES) }), { maxLength: 40 });
    fc.assert(
      fc.property(votes, (cast) => {
        let record = atPanel();
        for (const [i, v] of cast.entries()) record = castVote(record, vote(`t:m${v.who}`, v.choice, 'why', i % 60), MEMBER_ROLES);
        const latest = new Map(cast.map((v) => [`t:m${v.who}`, v.choice]));
        expect(record.panel.votes).toHaveLength(latest.size);
        for (const v of record.panel.votes) expect(v.choice).toBe(latest.get(v.byKey));
        const t = tallyOf(record.panel.votes);
        expect(t.support + t.supportWithChanges + t.doNotSupport).toBe(latest.size);
      }),
    );
  });

  it('refuses a non-member, a vote after the decision, and a change or refusal with no comment', () => {
    const record = atPanel();
    expect(code(() => castVote(record, vote('t:sam', 'support'), ['duty-professional']))).toBe('PANEL.NOT_MEMBER');
    expect(code(() => castVote(record, vote('t:jo', 'support-with-changes', '  '), MEMBER_ROLES))).toBe('PANEL.COMMENT_REQUIRED');
    expect(code(() => castVote(record, vote('t:jo', 'do-not-support'), MEMBER_ROLES))).toBe('PANEL.COMMENT_REQUIRED');
    expect(code(() => castVote({ ...record, status: 'decided' }, vote('t:jo', 'support'), MEMBER_ROLES))).toBe('PANEL.DECIDED');
    expect(code(() => castVote({ ...record, status: 'claimed' }, vote('t:jo', 'support'), MEMBER_ROLES))).toBe('PANEL.NOT_AT_PANEL');
    expect(castVote(record, vote('t:jo', 'support'), ['panel-chair']).panel.votes).toHaveLength(1);
  });
});

describe('quorum', () => {
  it('needs at least three votes and a majority of members', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 9].map((n) => votesNeeded(n))).toEqual([3, 3, 3, 3, 3, 4, 4, 5]);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), (n) => {
        const needed = votesNeeded(n);
        expect(needed).toBeGreaterThanOrEqual(3);
        expect(needed * 2).toBeGreaterThan(n);
        expect(needed === 3 || (needed - 1) * 2 <= n).toBe(true);
      }),
    );
  });

  it('counts only votes from people on the panel now', () => {
    const votes = [vote('t:a', 'support'), vote('t:b', 'support'), vote('t:gone', 'support')];
    expect(quorumOf(votes, members('t:a', 't:b', 't:c'))).toEqual({ reached: false, counted: 2, needed: 3 });
    expect(quorumOf([...votes, vote('t:c', 'do-not-support', 'no')], members('t:a', 't:b', 't:c'))).toMatchObject({ reached: true });
    expect(quorumOf(votes, members('t:a', 't:b'), { minVotes: 2, majorityOfMembers: true }).reached).toBe(true);
  });
});

describe('the decision', () => {
  const panel = members('t:a', 't:b', 't:c', 't:d', 't:e');
  const catalogueIds = new Set(['eps', 'class']);
  const agreed: DecisionInput = { outcome: 'agreed', package: [{ serviceId: 'eps', action: 'Assessment', lead: 'Chris' }], schoolWords: 'We will visit.' };
  const ctx = { byKey: 't:a', at: '2026-12-09T15:00:00.000Z', memberKeys: panel, catalogueIds, calendar: workingDayCalendar() };
  const voted = (n: number) => atPanel({ panel: { votes: ['t:a', 't:b', 't:c', 't:d'].slice(0, n).map((k) => vote(k, 'support')), meetingDate: null, meetingReminded: null, decision: null } });

  it('names the problems with a package or the words', () => {
    expect(decisionProblems(agreed, catalogueIds)).toEqual({});
    expect(decisionProblems({ ...agreed, package: [] }, catalogueIds)).toHaveProperty('package');
    expect(decisionProblems({ ...agreed, package: [{ serviceId: 'nope', action: 'x', lead: 'y' }] }, catalogueIds).package).toContain('catalogue');
    expect(decisionProblems({ ...agreed, package: [agreed.package[0]!, agreed.package[0]!] }, catalogueIds).package).toContain('once');
    expect(decisionProblems({ ...agreed, package: [{ serviceId: 'eps', action: '', lead: 'y' }] }, catalogueIds).package).toContain('action and a lead');
    expect(decisionProblems({ ...agreed, schoolWords: ' ' }, catalogueIds)).toHaveProperty('schoolWords');
    expect(decisionProblems({ outcome: 'not-agreed', package: [], schoolWords: 'Try EP consultation.' }, catalogueIds)).toEqual({});
  });

  it('is refused before quorum, with problems, and a second time', () => {
    expect(code(() => panelDecision(voted(2), agreed, ctx))).toBe('PANEL.NO_QUORUM');
    expect(code(() => panelDecision(voted(3), { ...agreed, package: [] }, ctx))).toBe('PANEL.INVALID');
    const decided = applyAction(voted(3), { type: 'decide', by: 't:a', at: ctx.at, decision: panelDecision(voted(3), agreed, ctx) });
    expect(decided.status).toBe('decided');
    expect(code(() => panelDecision(decided, agreed, ctx))).toBe('PANEL.DECIDED');
    expect(code(() => applyAction(decided, { type: 'decide', by: 't:a', at: ctx.at, decision: decided.panel.decision! }))).toBe('CASE.WRONG_STATE');
  });

  it('keeps the figures: time from escalation, outcome, services and votes', () => {
    const decision = panelDecision(voted(3), agreed, ctx);
    expect(decision.measures).toEqual({
      escalatedAt: '2026-12-07T09:00:00.000Z',
      hoursToDecision: 54,
      workingDaysToDecision: 2,
      withinSetTime: true,
      outcome: 'agreed',
      services: ['eps'],
      votes: { support: 3, supportWithChanges: 0, doNotSupport: 0 },
    });
    const late = panelDecision(voted(3), { outcome: 'not-agreed', package: agreed.package, schoolWords: 'Advice.' }, { ...ctx, at: '2026-12-22T10:00:00.000Z' });
    expect(late).toMatchObject({ package: [], measures: { withinSetTime: false, outcome: 'not-agreed', services: [] } });
  });
});
