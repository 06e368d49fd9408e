export { bankHolidaysIn, isBankHoliday } from './bank-holidays';
export { describeDueDate, formatLongDate } from './due-words';
export { addCalendarDays, dayOfWeek, isIsoDate, isWeekend, type IsoDate } from './iso-date';
export { LONDON_TIME_ZONE, londonDate, londonSession } from './london-time';
export { calendarDaysBetween, workingDayCalendar, type WorkingDayCalendar } from './working-day-calendar';
