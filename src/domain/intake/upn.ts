/**
 * England's unique pupil number (UPN): a check letter then 12 digits (3-digit LA number, 4-digit
 * establishment number, 2-digit year, 3-digit serial). The DfE's check letter: multiply the 12 digits
 * by the weights 2 to 13, sum, take the remainder by 23 and look it up in the 23 letters A–Z without
 * I, O and S. Temporary UPNs (ending in a letter) are not accepted here.
 */
const CHECK_LETTERS = 'ABCDEFGHJKLMNPQRTUVWXYZ';
const UPN_FORMAT = /^[A-Z]\d{12}$/;

/** The UPN as written on school records: spaces removed, upper case. */
export function normaliseUpn(text: string): string {
  return text.replace(/\s+/g, '').toUpperCase();
}

/** The check letter for the 12 digits after it. */
export function upnCheckLetter(digits: string): string {
  if (!/^\d{12}$/.test(digits)) throw new RangeError('a UPN check letter needs 12 digits');
  const sum = [...digits].reduce((total, digit, index) => total + Number(digit) * (index + 2), 0);
  return CHECK_LETTERS.charAt(sum % 23);
}

/** 'format' when not a letter then 12 digits, 'check-letter' when the letter does not match, else 'ok'. */
export function checkUpn(text: string): 'ok' | 'format' | 'check-letter' {
  const upn = normaliseUpn(text);
  if (!UPN_FORMAT.test(upn)) return 'format';
  return upnCheckLetter(upn.slice(1)) === upn.charAt(0) ? 'ok' : 'check-letter';
}
