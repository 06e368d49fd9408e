import { addCalendarDays, assertIsoDate, dayOfWeek, type IsoDate } from './iso-date';

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;

/**
 * A date in words: "Wednesday 9 December". The year is added ("Monday 4 January 2027") when `today`
 * is given and falls in another year; without `today` the year is left out.
 */
export function formatLongDate(date: IsoDate, today?: IsoDate): string {
  assertIsoDate(date);
  if (today !== undefined) assertIsoDate(today, 'today');
  const words = `${WEEKDAYS[dayOfWeek(date)]} ${Number(date.slice(8, 10))} ${MONTHS[Number(date.slice(5, 7)) - 1]}`;
  return today !== undefined && today.slice(0, 4) !== date.slice(0, 4) ? `${words} ${date.slice(0, 4)}` : words;
}

function workingDays(n: number): string {
  return n === 1 ? '1 working day' : `${n} working days`;
}

/**
 * Words for a due date seen from today. Working days are counted after today up to the due date, or
 * after the due date up to today when overdue. Two edge cases fall back to the date itself: a due date
 * with no working day before it ("due on Sunday 13 December") and overdue with no working day passed
 * yet ("overdue since Friday 11 December", read on the Saturday).
 */
export function describeDueDate(
  calendar: { workingDaysBetween(a: IsoDate, b: IsoDate): number },
  due: IsoDate,
  today: IsoDate,
): string {
  assertIsoDate(due, 'due');
  assertIsoDate(today, 'today');
  if (due === today) return 'due today';
  if (due > today) {
    if (due === addCalendarDays(today, 1)) return 'due tomorrow';
    const ahead = calendar.workingDaysBetween(today, due);
    return ahead === 0 ? `due on ${formatLongDate(due, today)}` : `due in ${workingDays(ahead)}`;
  }
  const passed = calendar.workingDaysBetween(due, today);
  return passed === 0 ? `overdue since ${formatLongDate(due, today)}` : `overdue by ${workingDays(passed)}`;
}
