import { NEED_CODES } from '../../../src/domain/case-record';
import { mustShowSafeguardingContact, NEED_AREAS, NEED_LABELS, needAreaOf, needChoices, validateStep } from '../../../src/domain/intake';
import { context } from './request-mother';

function errorsOf(result: ReturnType<typeof validateStep>): Record<string, string> {
  if (result.ok) throw new Error('expected the step to fail');
  return result.errors;
}

describe('need step', () => {
  it('takes census codes in any case, with an optional second need', () => {
    expect(validateStep('need', { primaryNeed: 'slcn', secondaryNeed: '' }, context)).toEqual({ ok: true, answers: { primaryNeed: 'SLCN', secondaryNeed: undefined } });
    expect(validateStep('need', { primaryNeed: 'SpLD', secondaryNeed: 'semh' }, context)).toEqual({ ok: true, answers: { primaryNeed: 'SpLD', secondaryNeed: 'SEMH' } });
  });

  it('refuses an unknown code and a second need equal to the first', () => {
    expect(errorsOf(validateStep('need', { primaryNeed: 'ADHD' }, context)).primaryNeed).toBe("Choose the pupil's main area of need");
    expect(errorsOf(validateStep('need', { primaryNeed: 'ASD', secondaryNeed: 'asd' }, context)).secondaryNeed).toBe(
      'The second area of need must be different from the main one, or leave it blank',
    );
  });

  it('groups every census code under exactly one broad area, with a plain-English label', () => {
    for (const code of NEED_CODES) {
      expect(NEED_AREAS.filter((area) => area.codes.includes(code))).toHaveLength(1);
      expect(NEED_LABELS[code].length).toBeGreaterThan(5);
    }
    expect(needAreaOf('ASD').label).toBe('Communication and interaction');
    expect(needAreaOf('PMLD').label).toBe('Cognition and learning');
    expect(needAreaOf('SEMH').label).toBe('Social, emotional and mental health');
    expect(needAreaOf('MSI').label).toBe('Sensory and/or physical');
    expect(needAreaOf('NSA').id).toBe('other');
  });

  it('offers the card a choice per code, in area order', () => {
    const choices = needChoices();
    expect(choices.map((c) => c.value)).toEqual(['SLCN', 'ASD', 'SpLD', 'MLD', 'SLD', 'PMLD', 'SEMH', 'HI', 'VI', 'MSI', 'PD', 'OTH', 'NSA']);
    expect(choices[0]?.title).toBe('Communication and interaction: Speech, language and communication needs (SLCN)');
  });
});

describe('concern step', () => {
  const concern = (overrides: Record<string, unknown>) => validateStep('concern', { concern: 'x'.repeat(40), ...overrides }, context);

  it('needs at least 20 and at most 4,000 characters of concern', () => {
    expect(errorsOf(concern({ concern: '  ' })).concern).toBe('Describe your concern about the pupil');
    expect(errorsOf(concern({ concern: 'x'.repeat(19) })).concern).toBe('Tell us a little more about your concern: at least 20 characters');
    expect(concern({ concern: 'x'.repeat(20) }).ok).toBe(true);
    expect(concern({ concern: 'x'.repeat(4000) }).ok).toBe(true);
    expect(errorsOf(concern({ concern: 'x'.repeat(4001) })).concern).toBe('Your concern must be 4,000 characters or fewer (it is 4,001)');
  });

  it('counts characters as people do: an emoji is one', () => {
    expect(concern({ concern: '😀'.repeat(4000) }).ok).toBe(true);
  });

  it('keeps line breaks and tabs in long text, and refuses other control characters', () => {
    expect(concern({ concern: '  First line of the concern\r\n\tsecond line  ' })).toMatchObject({
      ok: true,
      answers: { concern: 'First line of the concern\n\tsecond line' },
    });
    expect(errorsOf(concern({ concern: `${'x'.repeat(30)}\u0000` })).concern).toMatch(/^Your concern contains hidden control characters/);
    expect(errorsOf(concern({ whatChanged: 'escape \u001b[31m' })).whatChanged).toMatch(/control characters/);
  });

  it('lets the other answers be empty, within their limits', () => {
    expect(concern({})).toEqual({
      ok: true,
      answers: { concern: 'x'.repeat(40), triedSoFar: '', reviewCycles: 0, whatChanged: '', otherAgencies: '' },
    });
    expect(errorsOf(concern({ triedSoFar: 'x'.repeat(4001) })).triedSoFar).toBe('What you have tried must be 4,000 characters or fewer (it is 4,001)');
    expect(errorsOf(concern({ whatChanged: 'x'.repeat(2001) })).whatChanged).toMatch(/2,000 characters or fewer/);
    expect(errorsOf(concern({ otherAgencies: 'x'.repeat(1001) })).otherAgencies).toMatch(/1,000 characters or fewer/);
  });

  it('takes 0 to 20 review cycles as a whole number', () => {
    expect(concern({ reviewCycles: '20' })).toMatchObject({ ok: true, answers: { reviewCycles: 20 } });
    for (const bad of ['21', '-1', '2.5', 'two']) {
      expect(errorsOf(concern({ reviewCycles: bad })).reviewCycles).toMatch(/a whole number from 0 to 20/);
    }
  });
});

describe('help step', () => {
  it('takes one or more kinds of help from a multi-select', () => {
    expect(validateStep('help', { helpWanted: 'training,advice,advice' }, context)).toEqual({ ok: true, answers: { helpWanted: ['advice', 'training'] } });
    expect(validateStep('help', { helpWanted: ['not-sure'] }, context)).toEqual({ ok: true, answers: { helpWanted: ['not-sure'] } });
  });

  it('asks for at least one known kind', () => {
    expect(errorsOf(validateStep('help', { helpWanted: '' }, context)).helpWanted).toBe("Choose at least one kind of help, or 'Not sure'");
    expect(errorsOf(validateStep('help', { helpWanted: 'advice,cake' }, context)).helpWanted).toBe("Choose at least one kind of help, or 'Not sure'");
  });
});

describe('consent step', () => {
  const consent = (overrides: Record<string, unknown>) =>
    validateStep('consent', { parentalConsent: 'true', childAtRisk: 'false', urgency: 'routine', ...overrides }, context);

  it('accepts consent given, no risk and an urgency', () => {
    expect(consent({ urgency: 'URGENT' })).toEqual({ ok: true, answers: { parentalConsent: true, childAtRisk: false, urgency: 'urgent' } });
    expect(consent({ childAtRisk: undefined })).toMatchObject({ ok: true, answers: { childAtRisk: false } });
  });

  it('refuses to go on without parental consent, and says why', () => {
    for (const notGiven of ['false', undefined, '']) {
      expect(errorsOf(consent({ parentalConsent: notGiven })).parentalConsent).toBe(
        "Parents or carers must agree before you send this request: the services can only see the pupil's details with their agreement",
      );
    }
  });

  it('stops the form and points to the safeguarding team when a child may be at risk', () => {
    expect(mustShowSafeguardingContact({ childAtRisk: 'true' })).toBe(true);
    expect(mustShowSafeguardingContact({ childAtRisk: true, parentalConsent: 'false' })).toBe(true);
    expect(mustShowSafeguardingContact({ childAtRisk: 'false' })).toBe(false);
    expect(mustShowSafeguardingContact({})).toBe(false);
    expect(mustShowSafeguardingContact('childAtRisk')).toBe(false);
    expect(errorsOf(consent({ childAtRisk: 'true' })).childAtRisk).toMatch(/contact the safeguarding team now/);
  });

  it('asks for an urgency', () => {
    expect(errorsOf(consent({ urgency: '' })).urgency).toBe('Choose how urgent this is: routine, soon or urgent');
  });
});
