/**
 * OpenStreetMap `opening_hours` (the data·inclusion `horaires_accueil` format): a parser, a French/English
 * summary, and "open now" status with the French public holidays.
 *
 * Evaluated: `24/7`; rules separated by `;` (a later rule replaces the days it matches) or by `,` after a
 * time (an additional rule, which adds to them); weekday selectors (`Mo-Fr`, `Mo,We,Fr`, `Sa`); public
 * holidays (`PH off`, `Su,PH off`, `PH 10:00-12:00`) with the calendar of metropolitan France
 * (`time/calendar.ts`); months and dates (`Jul-Aug off`, `Dec 24-Jan 02 off`, `Jan-Mar Mo 10:00-12:00`);
 * time ranges, also past midnight (`Fr 22:00-02:00`, `Sa 20:00-26:00`); `off`/`closed`, `open`, `unknown`;
 * quoted comments (`"sur rendez-vous"`: the hours are shown with the comment, and the status is « à
 * confirmer », as in the reference library). `SH` (school holidays) is read, but the school calendar is
 * not known here: when it changes the answer, the status is unknown rather than wrong.
 *
 * Valid OSM that is not evaluated (years, weeks, `Mo[1]`, sunrise/sunset, open ends `18:00+`, `||`):
 * `parseOpeningHours` returns null and the raw string is shown as is; `checkOpeningHours` tells these
 * apart from strings that are not OSM at all (« 9h-12h »), which the data checks report and drop.
 * Times are evaluated in the device's local time.
 */
import { isoDateOf, publicHolidays, type CalendarOptions } from '../time/calendar.js';

/** Minutes since midnight, start and end (the end may pass midnight: up to 2 880). */
type Range = readonly [start: number, end: number];

/** One rule of an opening_hours string, as evaluated. */
export interface OpeningRule {
  /** Weekdays selected (0 = Monday … 6 = Sunday), or null when the rule names none. */
  weekdays: number[] | null;
  /** The rule selects public holidays (`PH`). */
  ph: boolean;
  /** The rule selects school holidays (`SH`). */
  sh: boolean;
  /** True when holidays and weekdays must both match (`SH Mo-Fr`), rather than either (`Su,PH`). */
  holidayAndWeekday?: boolean;
  /** Date ranges (inclusive) as `month × 100 + day`, e.g. [701, 831] for `Jul-Aug`; null when none. */
  dates: Range[] | null;
  /** Time ranges; empty for a whole-day rule. */
  times: Range[];
  /** What the rule says for its times: open, closed, or unknown (comment only, `unknown`). */
  state: 'open' | 'closed' | 'unknown';
  /** The quoted comment, without quotes. */
  comment: string | null;
  /** True for a rule after `,` (adds to the day instead of replacing it). */
  additional: boolean;
}

/** Parsed opening hours. */
export interface OpeningHours {
  /** The original string. */
  raw: string;
  /**
   * For each weekday (0 = Monday … 6 = Sunday) of an ordinary week (no holiday, no month rule), the
   * opening intervals in minutes since midnight (a range past midnight shows on the next day), including
   * those given with a comment (`09:00-12:00 "sur rendez-vous"`, see `notes`).
   */
  days: Array<Array<readonly [start: number, end: number]>>;
  /**
   * For each weekday of an ordinary week: the comment of its rule (`"sur rendez-vous"`), `?` when the hours say
   * `unknown` without a comment, or null.
   */
  notes: Array<string | null>;
  /** Public holidays: closed, or specific intervals, or not said (they follow the weekday). */
  publicHolidays: 'off' | Array<readonly [number, number]> | null;
  /** Every rule, in order, for evaluation at a date. */
  rules: OpeningRule[];
}

const DAY_CODES = ['mo', 'tu', 'we', 'th', 'fr', 'sa', 'su'];
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const FR_DAYS = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'];
const EN_DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const FR_MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const EVENTS = new Set(['sunrise', 'sunset', 'dawn', 'dusk']);

type Tok = { k: 'c' | 't' | 'n' | 'w' | 'p'; v: string };
const LEX = /\s*(?:"([^"]*)"|(\d{1,2}:\d{2})|(\d+)|([A-Za-z]+)|(\|\||[-,;:+/[\]()]))/y;

function lex(s: string): Tok[] | null {
  const out: Tok[] = [];
  LEX.lastIndex = 0;
  while (LEX.lastIndex < s.length) {
    if (/^\s*$/.test(s.slice(LEX.lastIndex))) break;
    const m = LEX.exec(s);
    if (!m) return null;
    if (m[1] !== undefined) out.push({ k: 'c', v: m[1] });
    else if (m[2]) out.push({ k: 't', v: m[2] });
    else if (m[3]) out.push({ k: 'n', v: m[3] });
    else if (m[4]) out.push({ k: 'w', v: m[4].toLowerCase() });
    else out.push({ k: 'p', v: m[5]! });
  }
  return out;
}

const minutes = (t: string): number => {
  const [h, m] = t.split(':').map(Number) as [number, number];
  return m > 59 ? NaN : h * 60 + m;
};

/** Outcome of reading a string: evaluable, valid OSM that Relais does not evaluate, or not OSM. */
export type OpeningHoursCheck = 'ok' | 'unsupported' | 'invalid';

/** The rules of a string, or why there are none. */
function readRules(raw: string): { check: OpeningHoursCheck; rules: OpeningRule[] } {
  const none = (check: OpeningHoursCheck) => ({ check, rules: [] });
  const toks = lex(raw);
  if (!toks || toks.length === 0) return none('invalid');
  const rules: OpeningRule[] = [];
  let unsupported = false;
  let i = 0;
  const peek = (o = 0): Tok | undefined => toks[i + o];
  const isP = (v: string, o = 0) => peek(o)?.k === 'p' && peek(o)!.v === v;
  const isDay = (o = 0) => peek(o)?.k === 'w' && (DAY_CODES.includes(peek(o)!.v) || peek(o)!.v === 'ph' || peek(o)!.v === 'sh');
  const isMonth = (o = 0) => peek(o)?.k === 'w' && MONTHS.includes(peek(o)!.v);
  const dayNum = (o = 0) => peek(o)?.k === 'n' && peek(o)!.v.length <= 2 && Number(peek(o)!.v) >= 1 && Number(peek(o)!.v) <= 31;
  let additional = false;
  while (i < toks.length) {
    const rule: OpeningRule = { weekdays: null, ph: false, sh: false, dates: null, times: [], state: 'open', comment: null, additional };
    const start = i;
    let explicit = false;
    // 24/7
    if (peek()?.k === 'n' && peek()!.v === '24' && isP('/', 1) && peek(2)?.v === '7') {
      rule.times.push([0, 1440]);
      i += 3;
    } else {
      // years (valid, not evaluated)
      while (peek()?.k === 'n' && peek()!.v.length === 4) {
        unsupported = true;
        i++;
        if (isP('-') && peek(1)?.k === 'n') i += 2;
        if (isP('/') && peek(1)?.k === 'n') i += 2;
        if (isP(',') && peek(1)?.k === 'n' && peek(1)!.v.length === 4) i++;
      }
      // months and dates
      if (isMonth() || (peek()?.k === 'w' && peek()!.v === 'easter')) {
        rule.dates = [];
        for (;;) {
          if (peek()?.k === 'w' && peek()!.v === 'easter') {
            unsupported = true;
            i++;
          } else {
            if (!isMonth()) return none('invalid');
            const m1 = MONTHS.indexOf(peek()!.v) + 1;
            i++;
            let d1 = 1;
            let from = m1 * 100 + 1;
            let to = m1 * 100 + 31;
            if (dayNum()) {
              d1 = Number(peek()!.v);
              from = to = m1 * 100 + d1;
              i++;
            }
            if (isP('-')) {
              i++;
              if (isMonth()) {
                const m2 = MONTHS.indexOf(peek()!.v) + 1;
                i++;
                to = m2 * 100 + 31;
                if (dayNum()) {
                  to = m2 * 100 + Number(peek()!.v);
                  i++;
                }
              } else if (dayNum()) {
                to = m1 * 100 + Number(peek()!.v);
                i++;
              } else return none('invalid');
            }
            rule.dates.push([from, to]);
          }
          if (isP(',') && (isMonth(1) || peek(1)?.v === 'easter')) i++;
          else break;
        }
      }
      // weeks (valid, not evaluated)
      if (peek()?.k === 'w' && peek()!.v === 'week') {
        unsupported = true;
        i++;
        if (peek()?.k !== 'n') return none('invalid');
        while (peek()?.k === 'n' || ((isP('-') || isP('/') || isP(',')) && peek(1)?.k === 'n')) i++;
      }
      // weekdays and holidays
      for (let group = 0; isDay() && group < 2; group++) {
        // a second group without a comma intersects the first (`SH Mo-Fr`: weekdays of the school holidays)
        if (group === 1) {
          if (!(rule.ph || rule.sh) || rule.weekdays) return none('invalid');
          rule.holidayAndWeekday = true;
        }
        const wd = new Set<number>(rule.weekdays ?? []);
        for (;;) {
          const v = peek()!.v;
          i++;
          if (v === 'ph' || v === 'sh') {
            if (v === 'ph') rule.ph = true;
            else rule.sh = true;
            if ((isP('+') || isP('-')) && peek(1)?.k === 'n') {
              unsupported = true;
              i += 2;
              if (peek()?.k === 'w' && /^days?$/.test(peek()!.v)) i++;
            }
          } else {
            const a = DAY_CODES.indexOf(v);
            if (isP('[')) {
              unsupported = true;
              while (i < toks.length && !isP(']')) i++;
              if (!isP(']')) return none('invalid');
              i++;
            }
            if (isP('-') && peek(1)?.k === 'w' && DAY_CODES.includes(peek(1)!.v)) {
              const b = DAY_CODES.indexOf(peek(1)!.v);
              i += 2;
              for (let k = a; ; k = (k + 1) % 7) {
                wd.add(k);
                if (k === b) break;
              }
            } else wd.add(a);
          }
          if (isP(',') && isDay(1)) i++;
          else break;
        }
        if (wd.size) rule.weekdays = [...wd].sort();
      }
      // times
      while (peek()?.k === 't' || isP('(') || (peek()?.k === 'w' && EVENTS.has(peek()!.v))) {
        if (peek()?.k !== 't') {
          unsupported = true;
          if (isP('(')) {
            while (i < toks.length && !isP(')')) i++;
            if (!isP(')')) return none('invalid');
          }
          i++;
          if (isP('-') && (peek(1)?.k === 't' || peek(1)?.k === 'w' || peek(1)?.v === '(')) {
            i++;
            if (isP('(')) while (i < toks.length && !isP(')')) i++;
            i++;
          }
        } else {
          const a = minutes(peek()!.v);
          i++;
          if (isP('-') && peek(1)?.k === 't') {
            let b = minutes(peek(1)!.v);
            i += 2;
            if (!(a < 1440) || !(b <= 2880)) return none('invalid');
            if (b <= a) b += 1440;
            if (b > 2880) return none('invalid');
            rule.times.push([a, b]);
            if (isP('/') && peek(1)?.k === 't') {
              unsupported = true;
              i += 2;
            }
          } else if (isP('-') && (peek(1)?.k === 'w' || isP('(', 1))) {
            unsupported = true;
            i++;
            continue;
          } else {
            if (!(a < 1440)) return none('invalid');
            unsupported = true; // a point in time, or an open end "18:00+"
          }
          if (isP('+')) {
            unsupported = true;
            i++;
          }
        }
        if (isP(',') && (peek(1)?.k === 't' || isP('(', 1) || (peek(1)?.k === 'w' && EVENTS.has(peek(1)!.v)))) i++;
        else break;
      }
    }
    // modifier and comment
    if (peek()?.k === 'w' && ['open', 'closed', 'off', 'unknown'].includes(peek()!.v)) {
      const v = peek()!.v;
      rule.state = v === 'open' ? 'open' : v === 'unknown' ? 'unknown' : 'closed';
      explicit = true;
      i++;
    }
    if (peek()?.k === 'c') {
      rule.comment = peek()!.v.trim() || null;
      if (!explicit) rule.state = 'unknown';
      i++;
    }
    if (i === start) return none('invalid');
    // separator
    if (i < toks.length) {
      if (isP(';')) additional = false;
      else if (isP(',')) additional = true;
      else if (isP('||')) {
        unsupported = true;
        additional = false;
      } else return none('invalid');
      i++;
    }
    rules.push(rule);
  }
  if (rules.length === 0) return none('invalid');
  return { check: unsupported ? 'unsupported' : 'ok', rules };
}

/**
 * Whether a string is OSM `opening_hours`: `ok` (Relais evaluates it), `unsupported` (valid OSM that is
 * shown as is: years, weeks, sunrise…) or `invalid` (not OSM, e.g. « 9h-12h », « du lundi au vendredi »).
 */
export function checkOpeningHours(raw: string | null | undefined): OpeningHoursCheck {
  if (!raw || !raw.trim() || raw.length > 2000) return 'invalid';
  return readRules(raw.trim()).check;
}

type Seg = { a: number; b: number; state: 'open' | 'unknown'; comment: string | null; timed?: boolean };
/** The day's schedule from the rules that match it, and the index of the last rule that replaced it. */
function dayPlan(rules: readonly OpeningRule[], matches: (r: OpeningRule) => boolean): { segs: Seg[]; last: number } {
  let segs: Seg[] = [];
  let last = -1;
  rules.forEach((r, idx) => {
    if (!matches(r)) return;
    const whole = r.times.length === 0 ? [[0, 1440] as Range] : r.times;
    if (r.state === 'closed') {
      if (r.times.length === 0 && !r.additional) {
        segs = [];
        last = idx;
        return;
      }
      // "12:00-13:00 off" removes those times only
      for (const [a, b] of whole) {
        segs = segs.flatMap((s) => (s.b <= a || s.a >= b ? [s] : [...(s.a < a ? [{ ...s, b: a }] : []), ...(s.b > b ? [{ ...s, a: b }] : [])]));
      }
      return;
    }
    const added = whole.map(([a, b]) => ({ a, b, state: r.state as 'open' | 'unknown', comment: r.comment, timed: r.times.length > 0 }));
    if (r.additional) segs = [...segs, ...added];
    else {
      segs = added;
      last = idx;
    }
  });
  return { segs, last };
}

const inDates = (r: OpeningRule, ord: number): boolean =>
  !r.dates || r.dates.some(([from, to]) => (from <= to ? ord >= from && ord <= to : ord >= from || ord <= to));

/** What Relais knows of a calendar day. */
interface DayFacts {
  weekday: number;
  ord: number;
  ph: boolean;
  sh: boolean;
}
const matcher = (d: DayFacts) => (r: OpeningRule): boolean => {
  if (!inDates(r, d.ord)) return false;
  if (!r.weekdays && !r.ph && !r.sh) return true;
  if (r.holidayAndWeekday) return ((r.ph && d.ph) || (r.sh && d.sh)) && (r.weekdays?.includes(d.weekday) ?? false);
  return (r.weekdays?.includes(d.weekday) ?? false) || (r.ph && d.ph) || (r.sh && d.sh);
};

/** Segments of one day in [0, 1440], with the spill of the previous day (ranges past midnight). */
function segmentsOn(rules: readonly OpeningRule[], today: DayFacts, yesterday: DayFacts): Seg[] {
  const t = dayPlan(rules, matcher(today));
  const y = dayPlan(rules, matcher(yesterday));
  const out = t.segs.map((s) => ({ ...s, b: Math.min(s.b, 1440) }));
  // a range past midnight belongs to the day it starts, unless a later rule replaces the next day
  if (y.last >= t.last) for (const s of y.segs) if (s.b > 1440) out.push({ ...s, a: Math.max(0, s.a - 1440), b: s.b - 1440 });
  return out.filter((s) => s.b > s.a).sort((p, q) => p.a - q.a);
}

/** Parses OSM opening_hours; returns null when the string is not OSM or uses what Relais does not evaluate. */
export function parseOpeningHours(raw: string | null | undefined): OpeningHours | null {
  if (!raw) return null;
  const s = raw.trim();
  if (s.length > 2000) return null;
  const { check, rules } = readRules(s);
  if (check !== 'ok') return null;
  const days: OpeningHours['days'] = [];
  const notes: OpeningHours['notes'] = [];
  const plain = rules.filter((r) => !r.dates && !r.holidayAndWeekday && (r.weekdays || (!r.ph && !r.sh)));
  for (let d = 0; d < 7; d++) {
    const segs = segmentsOn(plain, { weekday: d, ord: 0, ph: false, sh: false }, { weekday: (d + 6) % 7, ord: 0, ph: false, sh: false });
    days.push(mergeRanges(segs.filter((x) => x.state === 'open' || x.timed).map((x) => [x.a, x.b] as const)));
    const note = segs.find((x) => x.comment)?.comment ?? (segs.some((x) => x.state === 'unknown') ? '?' : null);
    notes.push(note);
  }
  let publicHolidays: OpeningHours['publicHolidays'] = null;
  for (const r of rules) {
    if (!r.ph || r.dates) continue;
    publicHolidays = r.state === 'closed' && r.times.length === 0 ? 'off' : r.state === 'open' ? (r.times.length ? r.times.map(([a, b]) => [a, Math.min(b, 1440)] as const) : [[0, 1440]]) : publicHolidays;
  }
  return { raw: s, days, notes, publicHolidays, rules };
}

function mergeRanges(list: ReadonlyArray<readonly [number, number]>): Array<readonly [number, number]> {
  const sorted = [...list].sort((x, y) => x[0] - y[0]);
  const out: Array<[number, number]> = [];
  for (const [a, b] of sorted) {
    const prev = out[out.length - 1];
    if (prev && a <= prev[1]) prev[1] = Math.max(prev[1], b);
    else out.push([a, b]);
  }
  return out;
}

const mondayIndex = (date: Date): number => (date.getDay() + 6) % 7;

/** Opening status at a moment. */
export interface OpenStatus {
  /** True when open for sure (false when closed, or when unknown). */
  open: boolean;
  /** True when the hours do not say (comment such as « sur rendez-vous », `unknown`, school holidays). */
  unknown?: boolean;
  /** The comment of the rule in force (« sur rendez-vous »), if any. */
  comment?: string | null;
  /** Minutes since midnight of the next change (closing if open, opening if closed), when within a week. */
  nextChange: { dayOffset: number; minutes: number } | null;
}

/** Options of the evaluation: the holiday calendar (`alsaceMoselle` for Bas-Rhin, Haut-Rhin and Moselle). */
export type OpeningOptions = CalendarOptions;

function facts(day: Date, sh: boolean, opts: OpeningOptions): DayFacts {
  const iso = isoDateOf(day);
  return { weekday: mondayIndex(day), ord: (day.getMonth() + 1) * 100 + day.getDate(), ph: publicHolidays(day.getFullYear(), opts).has(iso), sh };
}

/** State segments of the days from `date`'s day on, as absolute minutes from that day's midnight. */
function timeline(oh: OpeningHours, date: Date, days: number, sh: boolean, opts: OpeningOptions): Seg[] {
  const out: Seg[] = [];
  const base = new Date(date.getFullYear(), date.getMonth(), date.getDate());
  for (let k = 0; k < days; k++) {
    const day = new Date(base.getFullYear(), base.getMonth(), base.getDate() + k);
    const prev = new Date(base.getFullYear(), base.getMonth(), base.getDate() + k - 1);
    for (const s of segmentsOn(oh.rules, facts(day, sh, opts), facts(prev, sh, opts))) out.push({ ...s, a: s.a + k * 1440, b: s.b + k * 1440 });
  }
  // merge touching segments of the same state
  out.sort((p, q) => p.a - q.a || (p.state === 'open' ? -1 : 1));
  const merged: Seg[] = [];
  for (const s of out) {
    const prev = merged[merged.length - 1];
    if (prev && s.a <= prev.b && s.state === prev.state) prev.b = Math.max(prev.b, s.b);
    else if (prev && s.a < prev.b) {
      // overlapping open and unknown: open wins where both apply
      if (s.b > prev.b) merged.push({ ...s, a: prev.b });
    } else merged.push({ ...s });
  }
  return merged;
}

function statusAt(oh: OpeningHours, date: Date, sh: boolean, opts: OpeningOptions): OpenStatus {
  const horizon = 8;
  const segs = timeline(oh, date, horizon, sh, opts);
  const t = date.getHours() * 60 + date.getMinutes();
  const cur = segs.find((s) => t >= s.a && t < s.b);
  const at = (m: number) => ({ dayOffset: Math.floor(m / 1440), minutes: m % 1440 });
  if (cur) {
    const end = cur.b;
    return { open: cur.state === 'open', ...(cur.state === 'unknown' ? { unknown: true } : {}), comment: cur.comment, nextChange: end >= horizon * 1440 ? null : at(end) };
  }
  const next = segs.find((s) => s.a > t && s.state === 'open') ?? segs.find((s) => s.a > t);
  return { open: false, comment: null, nextChange: next ? at(next.a) : null };
}

/**
 * Whether the place is open at `date`, and when that changes; French public holidays are honoured
 * (`PH off`). With `SH` rules, the status is unknown when school holidays would change it.
 */
export function openStatus(oh: OpeningHours, date: Date, opts: OpeningOptions = {}): OpenStatus {
  const st = statusAt(oh, date, false, opts);
  if (!oh.rules.some((r) => r.sh)) return st;
  const withSh = statusAt(oh, date, true, opts);
  if (withSh.open === st.open && !!withSh.unknown === !!st.unknown) return st;
  return { open: false, unknown: true, comment: null, nextChange: null };
}

/** True/false when the hours say, null when they cannot be read or do not say (« sur rendez-vous »). */
export function isOpenAt(raw: string | null | undefined, date: Date, opts: OpeningOptions = {}): boolean | null {
  const oh = parseOpeningHours(raw);
  if (!oh) return null;
  const st = openStatus(oh, date, opts);
  return st.unknown ? null : st.open;
}

/** « 9 h », « 9 h 30 » in French; « 9:30 AM » in English. */
export function formatMinutes(m: number, lang = 'fr'): string {
  const h = Math.floor(m / 60) % 24;
  const mm = m % 60;
  if (lang.startsWith('en')) {
    return new Intl.DateTimeFormat('en-GB', { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' }).format(Date.UTC(2000, 0, 1, h, mm));
  }
  return mm === 0 ? `${h} h` : `${h} h ${String(mm).padStart(2, '0')}`;
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** A one-line status such as « Ouvert · ferme à 17 h », « Fermé · ouvre aujourd’hui à 14 h », « Fermé · ouvre lundi à 9 h » or « Sur rendez-vous ». */
export function statusLine(oh: OpeningHours, date: Date, lang = 'fr', opts: OpeningOptions = {}): string {
  const en = lang.startsWith('en');
  const st = openStatus(oh, date, opts);
  const names = en ? EN_DAYS : FR_DAYS;
  if (st.unknown) return st.comment ? cap(st.comment) : en ? 'Hours to be confirmed' : 'Horaires à confirmer';
  if (st.open) {
    if (!st.nextChange) return en ? 'Open 24/7' : 'Ouvert 24 h/24';
    const when = formatMinutes(st.nextChange.minutes, lang);
    const off = st.nextChange.dayOffset;
    const dayPart = off === 0 ? '' : off === 1 ? (en ? ' tomorrow' : ' demain') : ` ${names[(mondayIndex(date) + off) % 7]}`;
    return en ? `Open · closes${dayPart} at ${when}` : `Ouvert · ferme${dayPart} à ${when}`;
  }
  if (!st.nextChange) return en ? 'Closed' : 'Fermé';
  const when = formatMinutes(st.nextChange.minutes, lang);
  const off = st.nextChange.dayOffset;
  // « ouvre aujourd’hui à 14 h », « ouvre demain à 9 h »: a bare « ouvre à 8 h » leaves the day to guess
  const day = off === 0 ? (en ? ' today' : ' aujourd’hui') : off === 1 ? (en ? ' tomorrow' : ' demain') : ` ${names[(mondayIndex(date) + off) % 7]}`;
  return en ? `Closed · opens${day} at ${when}` : `Fermé · ouvre${day} à ${when}`;
}

function rangeText(ranges: ReadonlyArray<readonly [number, number]>, lang: string): string {
  return ranges.map(([a, b]) => `${formatMinutes(a, lang)} – ${formatMinutes(b, lang)}`).join(', ');
}

function datesText(dates: readonly Range[], lang: string): string {
  const en = lang.startsWith('en');
  const months = en ? EN_MONTHS : FR_MONTHS;
  const one = (ord: number, edge: 'from' | 'to') => {
    const m = months[Math.floor(ord / 100) - 1]!;
    const d = ord % 100;
    return (edge === 'from' && d === 1) || (edge === 'to' && d === 31) ? m : en ? `${m} ${d}` : `${d === 1 ? '1er' : d} ${m}`;
  };
  return dates.map(([a, b]) => (a === b ? one(a, 'from') : `${one(a, 'from')} – ${one(b, 'to')}`)).join(', ');
}

/**
 * A readable weekly summary, consecutive days with the same hours grouped:
 * « Du lundi au vendredi : 9 h – 12 h, 14 h – 17 h », « Samedi et dimanche : fermé », then the holidays and
 * month rules (« Jours fériés : fermé », « Juillet – août : fermé »).
 */
export function summarize(oh: OpeningHours, lang = 'fr'): string[] {
  const en = lang.startsWith('en');
  const names = en ? EN_DAYS : FR_DAYS;
  const note = (d: number) => {
    const n = oh.notes?.[d];
    return n === '?' ? (en ? 'to be confirmed' : 'à confirmer') : n ?? null;
  };
  const key = (d: number) => oh.days[d]!.map(([a, b]) => `${a}-${b}`).join(',') + '|' + (note(d) ?? '');
  const lines: string[] = [];
  for (let d = 0; d < 7; ) {
    let e = d;
    while (e + 1 < 7 && key(e + 1) === key(d)) e++;
    // two days are « Samedi et dimanche », not « Du samedi au dimanche » (a span needs a day in between)
    const span =
      d === e ? cap(names[d]!) : e === d + 1 ? cap(`${names[d]} ${en ? 'and' : 'et'} ${names[e]}`) : en ? `${names[d]} to ${names[e]}` : `Du ${names[d]} au ${names[e]}`;
    const ranges = oh.days[d]!;
    const n = note(d);
    const hours = ranges.length === 0 ? (n ?? (en ? 'closed' : 'fermé')) : `${rangeText(ranges, lang)}${n ? ` (${n})` : ''}`;
    lines.push(`${span}${en ? ': ' : ' : '}${hours}`);
    d = e + 1;
  }
  if (oh.publicHolidays === 'off') lines.push(en ? 'Closed on public holidays' : 'Fermé les jours fériés');
  else if (oh.publicHolidays) lines.push(`${en ? 'Public holidays: ' : 'Jours fériés : '}${rangeText(oh.publicHolidays, lang)}`);
  for (const r of oh.rules ?? []) {
    if (!r.dates && !(r.sh && (!r.weekdays || r.holidayAndWeekday))) continue;
    const what = r.state === 'closed' && r.times.length === 0 ? (en ? 'closed' : 'fermé') : r.times.length ? rangeText(r.times.map(([a, b]) => [a, Math.min(b, 1440)] as const), lang) : r.comment ?? (en ? 'open' : 'ouvert');
    const days = r.weekdays ? ` (${r.weekdays.map((w) => names[w]).join(', ')})` : '';
    const when = r.dates ? cap(datesText(r.dates, lang)) : en ? 'School holidays' : 'Vacances scolaires';
    lines.push(`${when}${days}${en ? ': ' : ' : '}${what}`);
  }
  return lines;
}
