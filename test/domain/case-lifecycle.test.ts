import fc from 'fast-check';
import { applyAction, canApply, type CaseAction } from '../../src/domain/case-lifecycle';
import type { CaseRecord } from '../../src/domain/case-record';
import { DomainError } from '../../src/domain/errors';
import { aCase } from '../store/mothers';

const at = (minute: number) => new Date(Date.UTC(2026, 11, 7, 9, minute)).toISOString();

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
    return undefined;
  } catch (err) {
    return err instanceof DomainError ? err.code : 'not a domain error';
  }
}

describe('the case lifecycle', () => {
  it('lets exactly one person claim a case', () => {
    const claimed = applyAction(aCase(), { type: 'claim', by: 'sam', at: at(1) });
    expect(claimed).toMatchObject({ status: 'claimed', claimantKey: 'sam', claimedAt: at(1) });
    expect(codeOf(() => applyAction(claimed, { type: 'claim', by: 'ravi', at: at(2) }))).toBe('CASE.ALREADY_CLAIMED');
  });

  it('pauses the clock while waiting for the school and resumes on the reply', () => {
    let c = applyAction(aCase(), { type: 'claim', by: 'sam', at: at(1) });
    c = applyAction(c, { type: 'ask-school', by: 'sam', at: at(2), question: 'What does she do at lunch?' });
    expect(c).toMatchObject({ status: 'awaiting-school', pausedSince: at(2), firstResponseAt: at(2) });
    c = applyAction(c, { type: 'school-reply', by: 'priya', at: at(3), answer: 'Eats alone.' });
    expect(c).toMatchObject({ status: 'claimed', pausedSince: null, firstResponseAt: at(2) });
    expect(c.messages.map((m) => m.kind)).toEqual(['question', 'school-reply']);
  });

  it('counts every change in the revision, so card updates can be ordered without trusting clocks', () => {
    const claimed = applyAction(aCase(), { type: 'claim', by: 'sam', at: at(5) });
    // An earlier clock on the next instance does not matter: the revision still goes up.
    const asked = applyAction(claimed, { type: 'ask-school', by: 'sam', at: at(4), question: 'Which lessons?' });
    const replied = applyAction(asked, { type: 'school-reply', by: 'priya', at: at(6), answer: 'Maths.' });
    expect([claimed, asked, replied].map((c) => c.revision)).toEqual([1, 2, 3]);
  });

  it('refuses actions that do not fit the state', () => {
    expect(codeOf(() => applyAction(aCase(), { type: 'advise', by: 'sam', at: at(1), advice: 'x' }))).toBe('CASE.WRONG_STATE');
    const withdrawn = aCase({ status: 'withdrawn' });
    expect(codeOf(() => applyAction(withdrawn, { type: 'claim', by: 'sam', at: at(1) }))).toBe('CASE.WRONG_STATE');
    const claimed = applyAction(aCase(), { type: 'claim', by: 'sam', at: at(1) });
    expect(codeOf(() => applyAction(claimed, { type: 'route', by: 'sam', at: at(2), services: [], note: 'n' }))).toBe('CASE.NO_SERVICE');
  });

  const actions: fc.Arbitrary<CaseAction> = fc.oneof(
    fc.record({ type: fc.constant('claim' as const), by: fc.constantFrom('sam', 'ravi') }),
    fc.record({ type: fc.constant('release' as const), by: fc.constant('sam') }),
    fc.record({ type: fc.constant('reassign' as const), by: fc.constant('jo'), to: fc.constantFrom('sam', 'ravi') }),
    fc.record({ type: fc.constant('route' as const), by: fc.constant('sam'), services: fc.array(fc.constantFrom('eps', 'class'), { maxLength: 2 }), note: fc.string() }),
    fc.record({ type: fc.constant('advise' as const), by: fc.constant('sam'), advice: fc.string() }),
    fc.record({ type: fc.constant('ask-school' as const), by: fc.constant('sam'), question: fc.string() }),
    fc.record({ type: fc.constant('school-reply' as const), by: fc.constant('priya'), answer: fc.string() }),
    fc.record({ type: fc.constant('escalate' as const), by: fc.constant('sam'), summary: fc.string(), proposedPackage: fc.string(), panelDue: fc.constant('2026-12-21') }),
  ).map((a) => ({ ...a, at: at(0) }) as CaseAction);

  it('keeps its promises whatever happens: claimant, pause and first response stay consistent', () => {
    fc.assert(
      fc.property(fc.array(actions, { maxLength: 25 }), (sequence) => {
        let c: CaseRecord = aCase();
        let firstResponse: string | null = null;
        sequence.forEach((action, i) => {
          const timed = { ...action, at: at(i + 1) } as CaseAction;
          const before = c;
          try {
            c = applyAction(c, timed);
          } catch (err) {
            expect(err).toBeInstanceOf(DomainError);
            expect(c).toBe(before);
            return;
          }
          expect(canApply(timed.type, before.status)).toBe(true);
          if (firstResponse !== null) expect(c.firstResponseAt).toBe(firstResponse);
          firstResponse = c.firstResponseAt;
          expect(c.status === 'submitted').toBe(c.claimantKey === null);
          expect(c.pausedSince !== null).toBe(c.status === 'awaiting-school');
          expect(c.messages.length).toBeGreaterThanOrEqual(before.messages.length);
        });
      }),
    );
  });
});
