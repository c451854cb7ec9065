/**
 * OpenStreetMap `opening_hours` (the data·inclusion `horaires_accueil` format): a parser for the
 * weekly subset used by service directories, a French/English summary, and "open now" status.
 *
 * Supported: `24/7`; rules separated by `;` (a later rule replaces the days it names); weekday
 * selectors (`Mo-Fr`, `Mo,We,Fr`, `Sa`); time ranges (`08:30-12:00,13:30-17:00`); `off`/`closed`;
 * `PH off` / `PH <times>`. Anything else (months, weeks, week numbers, comments) makes the parser
 * return `null`, and the raw string is shown as is. Times are evaluated in the device's local time.
 */

/** Parsed weekly opening hours. */
export interface OpeningHours {
  /** The original string. */
  raw: string;
  /** For each weekday (0 = Monday … 6 = Sunday), opening intervals in minutes since midnight. */
  days: Array<Array<readonly [start: number, end: number]>>;
  /** Public holidays: closed, or specific intervals, or not said. */
  publicHolidays: 'off' | Array<readonly [number, number]> | null;
}

const DAY_CODES = ['mo', 'tu', 'we', 'th', 'fr', 'sa', 'su'];
const FR_DAYS = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'];
const EN_DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

function parseTimes(s: string): Array<readonly [number, number]> | null {
  const out: Array<readonly [number, number]> = [];
  for (const part of s.split(',')) {
    const m = /^(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})$/.exec(part.trim());
    if (!m) return null;
    const a = Number(m[1]) * 60 + Number(m[2]);
    let b = Number(m[3]) * 60 + Number(m[4]);
    if (b === 0) b = 24 * 60;
    if (a > 24 * 60 || b > 24 * 60 || b <= a || Number(m[2]) > 59 || Number(m[4]) > 59) return null;
    out.push([a, b]);
  }
  return out.sort((x, y) => x[0] - y[0]);
}

function parseDays(s: string): number[] | null {
  const out = new Set<number>();
  for (const part of s.toLowerCase().split(',')) {
    const [a, b] = part.trim().split('-');
    const i = DAY_CODES.indexOf(a ?? '');
    if (i < 0) return null;
    if (b === undefined) out.add(i);
    else {
      const j = DAY_CODES.indexOf(b);
      if (j < 0) return null;
      for (let k = i; ; k = (k + 1) % 7) {
        out.add(k);
        if (k === j) break;
      }
    }
  }
  return [...out];
}

/** Parses the weekly subset of OSM opening_hours; returns null when the string uses anything else. */
export function parseOpeningHours(raw: string | null | undefined): OpeningHours | null {
  if (!raw) return null;
  const s = raw.trim();
  if (s.length > 500) return null;
  const days: OpeningHours['days'] = [[], [], [], [], [], [], []];
  let publicHolidays: OpeningHours['publicHolidays'] = null;
  if (s === '24/7') {
    for (let d = 0; d < 7; d++) days[d] = [[0, 1440]];
    return { raw: s, days, publicHolidays };
  }
  const rules = s.split(';').map((r) => r.trim()).filter(Boolean);
  if (rules.length === 0) return null;
  for (const rule of rules) {
    const m = /^([A-Za-z,\- ]+?)\s+(.+)$/.exec(rule) ?? /^([A-Za-z,\- ]+)$/.exec(rule);
    if (!m) {
      // times without days apply to every day
      const t = parseTimes(rule);
      if (!t) return null;
      for (let d = 0; d < 7; d++) days[d] = [...t];
      continue;
    }
    const sel = m[1]!.replace(/\s+/g, '');
    const rest = (m[2] ?? '').trim().toLowerCase();
    const closed = rest === 'off' || rest === 'closed';
    if (sel.toLowerCase() === 'ph') {
      if (closed || rest === '') publicHolidays = 'off';
      else {
        const t = parseTimes(rest);
        if (!t) return null;
        publicHolidays = t;
      }
      continue;
    }
    const ds = parseDays(sel);
    if (!ds) return null;
    if (closed) {
      for (const d of ds) days[d] = [];
      continue;
    }
    const t = parseTimes(rest);
    if (!t) return null;
    for (const d of ds) days[d] = [...t];
  }
  return { raw: s, days, publicHolidays };
}

const mondayIndex = (date: Date): number => (date.getDay() + 6) % 7;

/** Opening status at a moment. */
export interface OpenStatus {
  open: boolean;
  /** Minutes since midnight of the next change (closing if open, opening if closed), when within a week. */
  nextChange: { dayOffset: number; minutes: number } | null;
}

/** Whether the place is open at `date`, and when that changes. Public holidays are not known here. */
export function openStatus(oh: OpeningHours, date: Date): OpenStatus {
  const day = mondayIndex(date);
  const min = date.getHours() * 60 + date.getMinutes();
  const today = oh.days[day]!;
  const current = today.find(([a, b]) => min >= a && min < b);
  if (current) {
    // closing time, following ranges that continue past midnight (24/7)
    if (current[1] === 1440) {
      const next = oh.days[(day + 1) % 7]![0];
      if (next && next[0] === 0) return { open: true, nextChange: next[1] === 1440 ? null : { dayOffset: 1, minutes: next[1] } };
    }
    return { open: true, nextChange: { dayOffset: 0, minutes: current[1] } };
  }
  const laterToday = today.find(([a]) => a > min);
  if (laterToday) return { open: false, nextChange: { dayOffset: 0, minutes: laterToday[0] } };
  for (let k = 1; k <= 7; k++) {
    const first = oh.days[(day + k) % 7]![0];
    if (first) return { open: false, nextChange: { dayOffset: k, minutes: first[0] } };
  }
  return { open: false, nextChange: null };
}

/** True/false when the hours are known, null when they cannot be read. */
export function isOpenAt(raw: string | null | undefined, date: Date): boolean | null {
  const oh = parseOpeningHours(raw);
  return oh ? openStatus(oh, date).open : null;
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

/** A one-line status such as « Ouvert · ferme à 17 h » or « Fermé · ouvre lundi à 9 h ». */
export function statusLine(oh: OpeningHours, date: Date, lang = 'fr'): string {
  const en = lang.startsWith('en');
  const st = openStatus(oh, date);
  const names = en ? EN_DAYS : FR_DAYS;
  if (st.open) {
    if (!st.nextChange) return en ? 'Open 24/7' : 'Ouvert 24 h/24';
    const when = formatMinutes(st.nextChange.minutes, lang);
    const dayPart = st.nextChange.dayOffset === 0 ? '' : en ? ` ${names[(mondayIndex(date) + st.nextChange.dayOffset) % 7]}` : ` ${names[(mondayIndex(date) + st.nextChange.dayOffset) % 7]}`;
    return en ? `Open · closes${dayPart} at ${when}` : `Ouvert · ferme${dayPart} à ${when}`;
  }
  if (!st.nextChange) return en ? 'Closed' : 'Fermé';
  const when = formatMinutes(st.nextChange.minutes, lang);
  const off = st.nextChange.dayOffset;
  const day = off === 0 ? '' : off === 1 ? (en ? ' tomorrow' : ' demain') : ` ${names[(mondayIndex(date) + off) % 7]}`;
  return en ? `Closed · opens${day} at ${when}` : `Fermé · ouvre${day} à ${when}`;
}

/**
 * A readable weekly summary, consecutive days with the same hours grouped:
 * « Du lundi au vendredi : 9 h – 12 h, 14 h – 17 h », « Samedi : fermé ».
 */
export function summarize(oh: OpeningHours, lang = 'fr'): string[] {
  const en = lang.startsWith('en');
  const names = en ? EN_DAYS : FR_DAYS;
  const key = (d: number) => oh.days[d]!.map(([a, b]) => `${a}-${b}`).join(',');
  const lines: string[] = [];
  const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
  for (let d = 0; d < 7; ) {
    let e = d;
    while (e + 1 < 7 && key(e + 1) === key(d)) e++;
    const span = d === e ? cap(names[d]!) : en ? `${names[d]} to ${names[e]}` : `Du ${names[d]} au ${names[e]}`;
    const ranges = oh.days[d]!;
    const hours = ranges.length === 0 ? (en ? 'closed' : 'fermé') : ranges.map(([a, b]) => `${formatMinutes(a, lang)} – ${formatMinutes(b, lang)}`).join(', ');
    lines.push(`${span}${en ? ': ' : ' : '}${hours}`);
    d = e + 1;
  }
  if (oh.publicHolidays === 'off') lines.push(en ? 'Closed on public holidays' : 'Fermé les jours fériés');
  else if (oh.publicHolidays) lines.push(`${en ? 'Public holidays: ' : 'Jours fériés : '}${oh.publicHolidays.map(([a, b]) => `${formatMinutes(a, lang)} – ${formatMinutes(b, lang)}`).join(', ')}`);
  return lines;
}
