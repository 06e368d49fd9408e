import { addCalendarDays } from '../calendar';

/** A reporting period: London dates, both inclusive, and how a person would name it. */
export interface Period {
  from: string;
  to: string;
  label: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDayOfMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** The calendar month holding the date, or `offset` months from it. */
export function monthPeriod(today: string, offset = 0): Period {
  const [y, m] = today.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + offset;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return { from: `${year}-${pad(month)}-01`, to: `${year}-${pad(month)}-${pad(lastDayOfMonth(year, month))}`, label: `${MONTH_NAMES[month - 1]} ${year}` };
}

/**
 * The school term holding the date, as whole reporting periods with no gaps: autumn 1 September to
 * 31 December, spring 1 January to Easter Sunday, summer Easter Monday to 31 August (holidays count
 * with the term they follow, so every request falls in exactly one term).
 */
export function termPeriod(today: string): Period {
  const year = Number(today.slice(0, 4));
  if (today >= `${year}-09-01`) return { from: `${year}-09-01`, to: `${year}-12-31`, label: `Autumn term ${year}` };
  const easter = easterSunday(year);
  if (today <= easter) return { from: `${year}-01-01`, to: easter, label: `Spring term ${year}` };
  return { from: addCalendarDays(easter, 1), to: `${year}-08-31`, label: `Summer term ${year}` };
}

/** The school year (1 September to 31 August) holding the date, or `offset` years from it. */
export function schoolYearPeriod(today: string, offset = 0): Period {
  const year = Number(today.slice(0, 4));
  const start = (today >= `${year}-09-01` ? year : year - 1) + offset;
  return { from: `${start}-09-01`, to: `${start + 1}-08-31`, label: `School year ${start} to ${start + 1}` };
}

const ISO_DATE = /\b(\d{4})-(\d{2})-(\d{2})\b/g;
const validDate = (text: string) => {
  const t = Date.parse(`${text}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === text;
};

/** What a person asked for: a period, or a problem to tell them about. */
export type PeriodChoice = { kind: 'period'; period: Period } | { kind: 'problem'; problem: string };

/** The named periods a card offers as buttons. */
export const PERIOD_NAMES = ['this-month', 'last-month', 'this-term', 'this-year', 'last-year'] as const;
export type PeriodName = (typeof PERIOD_NAMES)[number];

/** A named period on the date. */
export function namedPeriod(name: PeriodName, today: string): Period {
  switch (name) {
    case 'this-month':
      return monthPeriod(today);
    case 'last-month':
      return monthPeriod(today, -1);
    case 'this-term':
      return termPeriod(today);
    case 'this-year':
      return schoolYearPeriod(today);
    case 'last-year':
      return schoolYearPeriod(today, -1);
  }
}

/**
 * The period in a message such as "insights last month", "insights this term" or
 * "insights from 2026-09-01 to 2026-12-31". No period named: this term. Longer than five years or
 * ending before it starts: a problem.
 */
export function parsePeriod(text: string, today: string): PeriodChoice {
  const lower = text.toLowerCase();
  const dates = [...lower.matchAll(ISO_DATE)].map((m) => m[0]);
  if (dates.length > 0) {
    const [from, to = today] = dates;
    if (from === undefined || !validDate(from) || !validDate(to)) return { kind: 'problem', problem: 'Write dates as year-month-day, for example 2026-09-01.' };
    if (to < from) return { kind: 'problem', problem: `The end date ${to} is before the start date ${from}.` };
    if (Date.parse(to) - Date.parse(from) > 5 * 366 * 86_400_000) return { kind: 'problem', problem: 'Choose a period of five years or less.' };
    return { kind: 'period', period: { from, to, label: `${from} to ${to}` } };
  }
  const words = lower.replace(/[^a-z ]/g, ' ').replace(/\s+/g, ' ');
  const said = (pattern: RegExp) => pattern.test(words);
  if (said(/\blast month\b/)) return { kind: 'period', period: namedPeriod('last-month', today) };
  if (said(/\bthis month\b|\bmonth\b/)) return { kind: 'period', period: namedPeriod('this-month', today) };
  if (said(/\blast (school )?year\b/)) return { kind: 'period', period: namedPeriod('last-year', today) };
  if (said(/\b(this )?(school )?year\b/)) return { kind: 'period', period: namedPeriod('this-year', today) };
  return { kind: 'period', period: namedPeriod('this-term', today) };
}

/** The months a period touches, as 'YYYY-MM', in order. */
export function monthsIn(period: Pick<Period, 'from' | 'to'>): string[] {
  const months: string[] = [];
  for (let p = monthPeriod(period.from); p.from <= period.to; p = monthPeriod(p.from, 1)) months.push(p.from.slice(0, 7));
  return months;
}
