import fc from 'fast-check';
import { findReferences, formatReference, parseReference, REFERENCE_PATTERN } from '../../src/domain/reference-number';

describe('formatReference', () => {
  it('pads the number to five digits', () => {
    expect(formatReference(2026, 42)).toBe('FD-2026-00042');
    expect(formatReference(2027, 1)).toBe('FD-2027-00001');
    expect(formatReference(2026, 99_999)).toBe('FD-2026-99999');
  });

  it('refuses numbers that cannot be written in five digits, and odd years', () => {
    expect(() => formatReference(2026, 0)).toThrow(RangeError);
    expect(() => formatReference(2026, 100_000)).toThrow(RangeError);
    expect(() => formatReference(2026, 4.5)).toThrow(RangeError);
    expect(() => formatReference(26, 1)).toThrow(RangeError);
  });
});

describe('parseReference', () => {
  it.each([
    ['status fd-2026-42', 'FD-2026-00042'],
    ['What is happening with FD-2026-00042?', 'FD-2026-00042'],
    ['FD 2026 00042 please', 'FD-2026-00042'],
    ['fd2026-7', 'FD-2026-00007'],
    ['(FD-2027-12345)', 'FD-2027-12345'],
  ])('finds the reference in "%s"', (text, ref) => {
    expect(parseReference(text)).toBe(ref);
  });

  it.each([
    ['no reference here'],
    ['FD-2026-123456'], // six digits
    ['FD-2026-0'], // never issued
    ['XFD-2026-42'], // run into a word
    ['FD-26-42'], // two-digit year
    ['FD-2026-42A'],
  ])('finds none in "%s"', (text) => {
    expect(parseReference(text)).toBeUndefined();
  });

  it('finds every reference once, in order', () => {
    expect(findReferences('FD-2026-2 and fd-2026-00001, again FD-2026-00002')).toEqual(['FD-2026-00002', 'FD-2026-00001']);
  });

  it('reads back every reference it writes, in any case and inside any message', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 9999 }), fc.integer({ min: 1, max: 99_999 }), fc.boolean(), (year, n, lower) => {
        const ref = formatReference(year, n);
        const typed = lower ? ref.toLowerCase() : ref;
        return REFERENCE_PATTERN.test(ref) && parseReference(`Any news on ${typed}? Thanks`) === ref;
      }),
    );
  });
});
