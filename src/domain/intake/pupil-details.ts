import type { IsoDate } from '../calendar/iso-date';

/** Early-years age bands, then Reception and Years 1 to 14. */
export const EARLY_YEARS_AGE_BANDS = ['0-1 years', '1-2 years', '2-3 years', '3-4 years'] as const;
export const YEAR_GROUPS = [
  ...EARLY_YEARS_AGE_BANDS,
  'Reception',
  ...(['Y1', 'Y2', 'Y3', 'Y4', 'Y5', 'Y6', 'Y7', 'Y8', 'Y9', 'Y10', 'Y11', 'Y12', 'Y13', 'Y14'] as const),
] as const;
export type YearGroup = (typeof YEAR_GROUPS)[number];

/** "year 3", "Year3", "yr 3" and "y3" all mean Y3; "R" and "rec" mean Reception. */
export const YEAR_GROUP_ALIASES: Readonly<Record<string, YearGroup>> = {
  R: 'Reception',
  Rec: 'Reception',
  ...Object.fromEntries(
    YEAR_GROUPS.filter((g) => g.startsWith('Y')).flatMap((g) => {
      const n = g.slice(1);
      return [`year ${n}`, `year${n}`, `yr ${n}`, `yr${n}`].map((alias) => [alias, g]);
    }),
  ),
  ...Object.fromEntries(EARLY_YEARS_AGE_BANDS.map((band) => [band.replace(' years', ''), band])),
};

export const SEN_STATUSES = ['none', 'sen-support', 'ehc-plan'] as const;
export type SenStatus = (typeof SEN_STATUSES)[number];
export const SEN_STATUS_LABELS: Readonly<Record<SenStatus, string>> = {
  none: 'No SEN identified yet',
  'sen-support': 'SEN support',
  'ehc-plan': 'EHC plan',
};

/** The oldest age, in whole years, the front door serves (SEND support runs from birth to 25). */
export const MAX_AGE_YEARS = 25;

/** A month and year, 'YYYY-MM', from 'YYYY-MM', a date picker's 'YYYY-MM-DD' or 'MM/YYYY'; undefined when not a real month. */
export function parseBirthMonth(text: string): string | undefined {
  const iso = /^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$/.exec(text);
  const slashed = /^(\d{1,2})\/(\d{4})$/.exec(text);
  const parts = iso ? [iso[1], iso[2], iso[3] ?? '1'] : slashed ? [slashed[2], slashed[1], '1'] : undefined;
  if (!parts) return undefined;
  const [year, month, day] = parts.map(Number) as [number, number, number];
  if (month < 1 || month > 12 || year < 1900 || day < 1) return undefined;
  if (new Date(Date.UTC(year, month - 1, day)).getUTCMonth() !== month - 1) return undefined; // e.g. 31 in a 30-day month
  return `${year}-${String(month).padStart(2, '0')}`;
}

/** Whole months from the birth month to today's month (negative when the month is in the future). */
export function monthsSinceBirth(birthMonth: string, today: IsoDate): number {
  const months = (text: string): number => Number(text.slice(0, 4)) * 12 + Number(text.slice(5, 7)) - 1;
  return months(today) - months(birthMonth);
}
