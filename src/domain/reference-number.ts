/** A case reference: 'FD-', the year, and a number in that year's sequence padded to 5 digits. */
export const REFERENCE_PATTERN = /^FD-\d{4}-\d{5}$/;

const MAX_NUMBER = 99_999;

/** 'FD-2026-00042' for year 2026, number 42. Numbers run from 1 to 99,999 in a year. */
export function formatReference(year: number, n: number): string {
  if (!Number.isInteger(year) || year < 2000 || year > 9999) throw new RangeError(`reference year must be 2000 to 9999, got ${year}`);
  if (!Number.isInteger(n) || n < 1 || n > MAX_NUMBER) throw new RangeError(`reference number must be 1 to ${MAX_NUMBER}, got ${n}`);
  return `FD-${year}-${String(n).padStart(5, '0')}`;
}

/**
 * Finds the first reference anywhere in a message, however it is typed: any case, 1 to 5 digits
 * ("status fd-2026-42"), a space or hyphen between the parts or none ("FD 2026 00042", "FD2026-42").
 * Returns it in its standard form ('FD-2026-00042'), or undefined when there is none; 6 digits or
 * more, number 0 and a reference run into other letters or digits are not references.
 */
export function parseReference(text: string): string | undefined {
  return findReferences(text)[0];
}

/** Every reference in a message, in order, in standard form, without repeats. */
export function findReferences(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(/(?<![\p{L}\p{N}])FD[-\s]?(\d{4})[-\s]?(\d{1,5})(?![\p{L}\p{N}])/giu)) {
    const [year, n] = [Number(match[1]), Number(match[2])];
    if (year < 2000 || n < 1) continue;
    const ref = formatReference(year, n);
    if (!found.includes(ref)) found.push(ref);
  }
  return found;
}
