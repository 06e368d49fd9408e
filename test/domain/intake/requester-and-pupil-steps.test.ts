import { validateStep } from '../../../src/domain/intake';
import { context, KNOWN_SETTING } from './request-mother';

const requester = (overrides: Record<string, unknown> = {}) =>
  validateStep('requester', { settingId: KNOWN_SETTING, requesterName: 'Ann Lee', requesterRole: 'senco', requesterEmail: 'ann@school.org.uk', ...overrides }, context);
const pupil = (overrides: Record<string, unknown> = {}) =>
  validateStep('pupil', { initials: 'JS', yearGroup: 'Y3', dateOfBirth: '2018-05', senStatus: 'none', ...overrides }, context);

function errorsOf(result: ReturnType<typeof validateStep>): Record<string, string> {
  if (result.ok) throw new Error('expected the step to fail');
  return result.errors;
}

describe('requester step', () => {
  it('accepts a known setting and tidies what was typed', () => {
    const result = requester({ requesterName: '  Ann Lee ', requesterRole: 'SENCo', requesterPhone: '+44 (0)7700 900123' });
    expect(result).toEqual({
      ok: true,
      answers: { settingId: KNOWN_SETTING, requesterName: 'Ann Lee', requesterRole: 'senco', requesterEmail: 'ann@school.org.uk', requesterPhone: '07700900123' },
    });
  });

  it('refuses a setting that is not in the directory, or none', () => {
    expect(errorsOf(requester({ settingId: '999999' })).settingId).toMatch(/do not recognise that school or setting/);
    expect(errorsOf(requester({ settingId: undefined })).settingId).toBe('Choose your school or setting from the list');
  });

  it('asks for a name, up to 100 characters, with no hidden characters', () => {
    expect(errorsOf(requester({ requesterName: '   ' })).requesterName).toBe('Enter your name');
    expect(errorsOf(requester({ requesterName: 'A'.repeat(101) })).requesterName).toBe('Your name must be 100 characters or fewer (it is 101)');
    expect(requester({ requesterName: 'A'.repeat(100) }).ok).toBe(true);
    expect(errorsOf(requester({ requesterName: 'Ann\u0007Lee' })).requesterName).toMatch(/^Your name contains hidden control characters/);
    expect(errorsOf(requester({ requesterName: 'Ann\nLee' })).requesterName).toMatch(/control characters/);
  });

  it('asks for a role from the list and an email address in the right form', () => {
    expect(errorsOf(requester({ requesterRole: 'caretaker' })).requesterRole).toMatch(/^Choose your role/);
    expect(requester({ requesterRole: 'Early years practitioner' })).toMatchObject({ ok: true, answers: { requesterRole: 'early-years-practitioner' } });
    expect(errorsOf(requester({ requesterEmail: '' })).requesterEmail).toBe('Enter your email address');
    expect(errorsOf(requester({ requesterEmail: 'ann at school' })).requesterEmail).toMatch(/like name@school.org.uk/);
  });

  it('takes an optional UK phone number', () => {
    expect(requester({ requesterPhone: '' })).toMatchObject({ ok: true, answers: { requesterPhone: undefined } });
    expect(requester({ requesterPhone: '0044 1632 960 123' })).toMatchObject({ ok: true, answers: { requesterPhone: '01632960123' } });
    expect(errorsOf(requester({ requesterPhone: '12345' })).requesterPhone).toMatch(/^Enter a UK phone number/);
    expect(errorsOf(requester({ requesterPhone: '+1 202 555 0100' })).requesterPhone).toMatch(/^Enter a UK phone number/);
  });

  it('keeps the inputs as typed when a field is wrong, without unrelated card data', () => {
    const typed = { settingId: '999999', requesterName: '  Ann ', requesterRole: 'senco', requesterEmail: 'x', verb: 'intake.next' };
    const result = validateStep('requester', typed, context);
    expect(result).toEqual({
      ok: false,
      errors: expect.objectContaining({ settingId: expect.any(String), requesterEmail: expect.any(String) }),
      kept: { settingId: '999999', requesterName: '  Ann ', requesterRole: 'senco', requesterEmail: 'x' },
    });
  });
});

describe('pupil step', () => {
  it.each([
    ['J.S.', 'JS'],
    ['j s', 'JS'],
    ['a-b-c-d', 'ABCD'],
    ['Z', 'Z'],
  ])('takes initials "%s" as %s', (typed, initials) => {
    expect(pupil({ initials: typed })).toMatchObject({ ok: true, answers: { initials } });
  });

  it.each([[''], ['John Smith'], ['ABCDE'], ['J5'], [undefined]])('refuses initials %p', (typed) => {
    expect(errorsOf(pupil({ initials: typed })).initials).toBe("Enter the pupil's initials, up to 4 letters");
  });

  it('takes a year group or an early-years age band', () => {
    expect(pupil({ yearGroup: 'reception' })).toMatchObject({ ok: true, answers: { yearGroup: 'Reception' } });
    expect(pupil({ yearGroup: 'Year 10' })).toMatchObject({ ok: true, answers: { yearGroup: 'Y10' } });
    expect(pupil({ yearGroup: '2-3 years' })).toMatchObject({ ok: true, answers: { yearGroup: '2-3 years' } });
    expect(errorsOf(pupil({ yearGroup: 'Y15' })).yearGroup).toMatch(/^Choose the pupil's year group/);
  });

  it('takes the date of birth as a month and year only', () => {
    expect(pupil({ dateOfBirth: '12/2015' })).toMatchObject({ ok: true, answers: { dateOfBirth: '2015-12' } });
    expect(pupil({ dateOfBirth: '2015-09-14' })).toMatchObject({ ok: true, answers: { dateOfBirth: '2015-09' } });
    expect(pupil({ dateOfBirth: '2026-12' })).toMatchObject({ ok: true, answers: { dateOfBirth: '2026-12' } }); // born this month
    expect(pupil({ dateOfBirth: '2001-01' })).toMatchObject({ ok: true }); // 25 years 11 months
  });

  it('refuses impossible, future and too-old dates of birth', () => {
    expect(errorsOf(pupil({ dateOfBirth: '2026-13' })).dateOfBirth).toBe('Enter the date of birth as a month and year, like 2015-09');
    expect(errorsOf(pupil({ dateOfBirth: '2015-02-30' })).dateOfBirth).toBe('Enter the date of birth as a month and year, like 2015-09');
    expect(errorsOf(pupil({ dateOfBirth: 'last spring' })).dateOfBirth).toBe('Enter the date of birth as a month and year, like 2015-09');
    expect(errorsOf(pupil({ dateOfBirth: '2027-01' })).dateOfBirth).toBe('Date of birth must be a month and year in the past');
    expect(errorsOf(pupil({ dateOfBirth: '2000-12' })).dateOfBirth).toMatch(/^Date of birth must be within the last 25 years/); // 26 years ago
    expect(errorsOf(pupil({ dateOfBirth: '' })).dateOfBirth).toMatch(/^Enter the pupil's date of birth/);
  });

  it('takes the SEN status', () => {
    expect(pupil({ senStatus: 'EHCP' })).toMatchObject({ ok: true, answers: { senStatus: 'ehc-plan' } });
    expect(pupil({ senStatus: 'SEN support' })).toMatchObject({ ok: true, answers: { senStatus: 'sen-support' } });
    expect(errorsOf(pupil({ senStatus: 'maybe' })).senStatus).toMatch(/^Choose the pupil's SEN status/);
  });

  it('takes an optional UPN and checks its check letter', () => {
    expect(pupil({ upn: 'b 8012 0000 5001' })).toMatchObject({ ok: true, answers: { upn: 'B801200005001' } });
    expect(pupil({ upn: '' })).toMatchObject({ ok: true, answers: { upn: undefined } });
    expect(errorsOf(pupil({ upn: 'A801200005001' })).upn).toMatch(/^That unique pupil number is not right/);
    expect(errorsOf(pupil({ upn: '801200005001' })).upn).toMatch(/^A unique pupil number is a letter followed by 12 digits/);
  });
});
