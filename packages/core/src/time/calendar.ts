/**
 * Calendar arithmetic on ISO dates (`YYYY-MM-DD`), in whole days, without time zones: French public
 * holidays (with the Easter-based ones, and Alsace-Moselle's two extra days as an option), working
 * days, months counted "de date à date". Pure: no clock inside.
 *
 * Shared by the opening hours of services (`PH off`, « ouvert maintenant ») and by `@relais/pathway`
 * (legal deadlines in working days), so that both use the same holiday calendar.
 */

/** A calendar day as an ISO date string `YYYY-MM-DD`. */
export type IsoDate = string;

const DAY = 86_400_000;

/** Days since 1970-01-01 for an ISO date; NaN when the string is not a real date. */
export function dayNumber(d: IsoDate): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(d);
  if (!m) return NaN;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const back = new Date(t);
  if (back.getUTCMonth() !== Number(m[2]) - 1 || back.getUTCDate() !== Number(m[3])) return NaN;
  return t / DAY;
}

/** ISO date of a day number. */
export const fromDayNumber = (n: number): IsoDate => new Date(n * DAY).toISOString().slice(0, 10);

/** True for a valid ISO calendar date. */
export const isIsoDate = (d: unknown): d is IsoDate => typeof d === 'string' && !Number.isNaN(dayNumber(d));

/** Adds calendar days. */
export const addDays = (d: IsoDate, n: number): IsoDate => fromDayNumber(dayNumber(d) + n);

/** Difference in days, `b - a`. */
export const daysBetween = (a: IsoDate, b: IsoDate): number => dayNumber(b) - dayNumber(a);

/**
 * Adds calendar months "de date à date": 31 January + 1 month = 28 (or 29) February, the last day of
 * the target month when it has no such day.
 */
export function addMonths(d: IsoDate, n: number): IsoDate {
  const [y, m, day] = d.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + n;
  const ty = Math.floor(total / 12);
  const tm = total % 12;
  const last = new Date(Date.UTC(ty, tm + 1, 0)).getUTCDate();
  return fromDayNumber(Date.UTC(ty, tm, Math.min(day, last)) / DAY);
}

/** Easter Sunday (Gregorian calendar, anonymous algorithm). */
export function easterSunday(year: number): IsoDate {
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
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Options of the calendar. */
export interface CalendarOptions {
  /** Alsace-Moselle (Bas-Rhin, Haut-Rhin, Moselle): Good Friday and 26 December are also public holidays. */
  alsaceMoselle?: boolean;
}

const cache = new Map<string, Map<IsoDate, string>>();

/** Public holidays of a year in metropolitan France, with their French names (Code du travail L3133-1). */
export function publicHolidays(year: number, opts: CalendarOptions = {}): Map<IsoDate, string> {
  const key = `${year}-${opts.alsaceMoselle ? 'am' : 'fr'}`;
  let m = cache.get(key);
  if (m) return m;
  const easter = easterSunday(year);
  const y = String(year);
  const list: Array<[IsoDate, string]> = [
    [`${y}-01-01`, 'Jour de l’an'],
    [addDays(easter, 1), 'Lundi de Pâques'],
    [`${y}-05-01`, 'Fête du Travail'],
    [`${y}-05-08`, 'Victoire 1945'],
    [addDays(easter, 39), 'Ascension'],
    [addDays(easter, 50), 'Lundi de Pentecôte'],
    [`${y}-07-14`, 'Fête nationale'],
    [`${y}-08-15`, 'Assomption'],
    [`${y}-11-01`, 'Toussaint'],
    [`${y}-11-11`, 'Armistice 1918'],
    [`${y}-12-25`, 'Noël'],
  ];
  if (opts.alsaceMoselle) list.push([addDays(easter, -2), 'Vendredi saint'], [`${y}-12-26`, 'Saint-Étienne']);
  m = new Map(list.sort(([a], [b]) => (a < b ? -1 : 1)));
  cache.set(key, m);
  return m;
}

/** Weekday, 0 = Monday … 6 = Sunday. */
export const weekday = (d: IsoDate): number => (((dayNumber(d) + 3) % 7) + 7) % 7;

/** True for a public holiday. */
export const isHoliday = (d: IsoDate, opts: CalendarOptions = {}): boolean => publicHolidays(Number(d.slice(0, 4)), opts).has(d);

/** Jour ouvré: Monday to Friday, not a public holiday. */
export const isWorkingDay = (d: IsoDate, opts: CalendarOptions = {}): boolean => weekday(d) < 5 && !isHoliday(d, opts);

/** Adds `n` working days (jours ouvrés): the result is the n-th working day after `d`. */
export function addWorkingDays(d: IsoDate, n: number, opts: CalendarOptions = {}): IsoDate {
  let cur = d;
  let left = n;
  const step = n >= 0 ? 1 : -1;
  while (left !== 0) {
    cur = addDays(cur, step);
    if (isWorkingDay(cur, opts)) left -= step;
  }
  return cur;
}

/** Moves a date to the next working day when it falls on a weekend or public holiday (CPC art. 642 style). */
export function nextWorkingDayIfClosed(d: IsoDate, opts: CalendarOptions = {}): IsoDate {
  let cur = d;
  while (!isWorkingDay(cur, opts)) cur = addDays(cur, 1);
  return cur;
}

/** The local calendar day of a moment, as an ISO date (the device's time zone, like opening hours). */
export const isoDateOf = (date: Date): IsoDate =>
  `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
