import fc from 'fast-check';
import { checkUpn, upnCheckLetter } from '../../../src/domain/intake';

const twelveDigits = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 12, maxLength: 12 }).map((d) => d.join(''));

describe('UPN check letter', () => {
  it('matches the published example B801200005001', () => {
    expect(upnCheckLetter('801200005001')).toBe('B');
    expect(checkUpn('B801200005001')).toBe('ok');
    expect(checkUpn('A801200005001')).toBe('check-letter');
  });

  it('never uses I, O or S', () => {
    fc.assert(fc.property(twelveDigits, (digits) => !/[IOS]/.test(upnCheckLetter(digits))));
  });

  it('catches any single mistyped digit', () => {
    fc.assert(
      fc.property(twelveDigits, fc.integer({ min: 0, max: 11 }), fc.integer({ min: 1, max: 9 }), (digits, position, shift) => {
        const wrong = digits.slice(0, position) + String((Number(digits[position]) + shift) % 10) + digits.slice(position + 1);
        return checkUpn(upnCheckLetter(digits) + digits) === 'ok' && checkUpn(upnCheckLetter(digits) + wrong) === 'check-letter';
      }),
    );
  });

  it('refuses anything but a letter and 12 digits', () => {
    expect(checkUpn('B80120000500')).toBe('format');
    expect(checkUpn('B8012000050011')).toBe('format');
    expect(checkUpn('880120000500')).toBe('format');
  });
});
