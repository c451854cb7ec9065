/**
 * The French calendar of `@relais/pathway` now lives in `@relais/core` (shared with the opening hours of
 * services); this module re-exports it so that existing imports keep working.
 */
export {
  dayNumber,
  fromDayNumber,
  isIsoDate,
  addDays,
  daysBetween,
  addMonths,
  easterSunday,
  publicHolidays,
  weekday,
  isHoliday,
  isWorkingDay,
  addWorkingDays,
  nextWorkingDayIfClosed,
  isoDateOf,
  type IsoDate,
  type CalendarOptions,
} from '@relais/core/headless';
