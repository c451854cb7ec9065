// The opening hours of Relais against the reference implementation, the `opening_hours` library
// (LGPL, dev dependency only, used here as a test oracle): the same open/closed answer at 50 sampled
// instants for every hours string of the real datasets (France services, the demo's mix) and of a table
// of the syntax the SDK reads (public holidays, comments, months, ranges past midnight, SH).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import OpeningHoursLib from 'opening_hours';
import { parseOpeningHours, openStatus, checkOpeningHours, publicHolidays } from '@relais/core/headless';

const data = (f) => JSON.parse(readFileSync(new URL(`../../../../examples/data/${f}`, import.meta.url), 'utf8'));
const hoursOf = (d) => [...d.structures, ...d.services].map((r) => r.horaires_accueil).filter(Boolean);
// Nièvre: Bourgogne-Franche-Comté (metropolitan holidays, no Alsace-Moselle days)
const NOMINATIM = { lat: 47.0, lon: 3.15, address: { country_code: 'fr', state: 'Bourgogne-Franche-Comté' } };

// 50 instants: deterministic (a small LCG), over 2026, with every public holiday of 2026 at 10:30 among them
function instants() {
  let seed = 58;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const out = [...publicHolidays(2026).keys()].map((iso) => new Date(`${iso}T10:30:00`));
  while (out.length < 50) out.push(new Date(2026, Math.floor(rnd() * 12), 1 + Math.floor(rnd() * 28), Math.floor(rnd() * 24), Math.floor(rnd() * 4) * 15));
  return out;
}
const AT = instants();

/** Compares Relais and the library on one string; returns the disagreements. */
function compare(raw, instants = AT) {
  const ours = parseOpeningHours(raw);
  assert.ok(ours, `Relais reads « ${raw} »`);
  const lib = new OpeningHoursLib(raw, NOMINATIM);
  const bad = [];
  for (const at of instants) {
    const st = openStatus(ours, at);
    const libUnknown = lib.getUnknown(at);
    // « à confirmer »: where the library is unknown too (comments), or with SH, whose calendar Relais does not have
    if (st.unknown && (libUnknown || ours.rules.some((r) => r.sh))) continue;
    if (st.open !== lib.getState(at) || (!!st.unknown !== libUnknown && !st.unknown)) bad.push(`${at.toString().slice(0, 21)}: Relais ${st.open ? 'ouvert' : st.unknown ? 'inconnu' : 'fermé'}, bibliothèque ${lib.getState(at) ? 'ouvert' : libUnknown ? 'inconnu' : 'fermé'}`);
  }
  return bad;
}

test('every hours string of the real France services list: same answer as opening_hours at 50 instants', () => {
  const all = [...new Set(hoursOf(data('france-services.json')))];
  assert.ok(all.length > 2000, `${all.length} distinct strings`);
  const failures = all.flatMap((raw) => compare(raw).map((b) => `« ${raw} » ${b}`));
  assert.deepEqual(failures.slice(0, 5), []);
});

test('every hours string of the demo (real FINESS and France services, fictional sample): same answer', () => {
  const all = [...new Set([...hoursOf(data('nievre-demo.json')), ...hoursOf(data('nievre.json'))])];
  const failures = all.flatMap((raw) => compare(raw).map((b) => `« ${raw} » ${b}`));
  assert.deepEqual(failures.slice(0, 5), []);
});

const SYNTAX = [
  'Mo-Fr 09:00-12:00,14:00-17:00; PH off',
  'Mo-Su 09:00-12:00; Su,PH off',
  'PH off; Mo-Fr 09:00-12:00',
  'Mo-Fr 09:00-12:00; PH 10:00-11:00',
  'Mo-Fr 09:00-12:00 "sur rendez-vous"',
  'Mo-Fr 09:00-12:00; Sa "sur rendez-vous"',
  'Mo-Fr 09:00-12:00; We 10:00-11:00 open "permanence"',
  'Mo-Fr 09:00-17:00; Jul-Aug off',
  'Mo-Fr 09:00-17:00; Jul-Aug Mo-Fr 09:00-12:00',
  'Mo-Fr 09:00-17:00; Dec 24-Jan 02 off',
  'Mo-Sa 08:00-12:00; Nov 11 off; Aug 01-15 off',
  'Fr 22:00-02:00',
  'Fr 22:00-02:00; Sa off',
  'Fr 22:00-02:00; Sa 10:00-12:00',
  'Sa 10:00-12:00; Fr 22:00-02:00',
  'Mo-Su 20:00-26:00',
  'Mo-Fr 08:00-18:00; We 12:00-13:00 off',
  'Mo-Fr 08:00-10:00, We 14:00-16:00',
  'Mo-Fr',
  'Mo 00:00-00:00',
  '24/7',
  '24/7; PH off',
  'Mo-Fr 09:00-12:00 unknown',
  'Tu-Th 09:30-12:30; Sa 10:00-12:00; Su-Mo off; PH off',
  'Mo-Fr 09:00-12:00; SH off',
  'Mo-Fr 09:00-12:00; SH Mo-Fr 10:00-11:00',
];

// every hour (at :30, and at 00:15 and 01:45 past midnight) of four weeks: Armistice, 14 July and August, Christmas to New Year
const WEEKS = [[2026, 10, 9], [2026, 6, 13], [2026, 7, 27], [2026, 11, 21], [2026, 11, 28]].flatMap(([y, m, d]) =>
  Array.from({ length: 7 * 24 }, (_, h) => new Date(y, m, d, h, 30)).concat(Array.from({ length: 7 }, (_, k) => [new Date(y, m, d + k, 0, 15), new Date(y, m, d + k, 1, 45)]).flat()),
);

test('the syntax Relais reads agrees with opening_hours (PH, comments, months, past midnight, SH)', () => {
  const failures = SYNTAX.flatMap((raw) => compare(raw, [...AT, ...WEEKS]).map((b) => `« ${raw} » ${b}`));
  assert.deepEqual(failures, []);
});

test('what is OSM and what is not: checkOpeningHours against the library', () => {
  // the library parses valid OSM (with style hints at most); it throws on the rest, or reads it only by
  // correcting it with a warning (« Please use the English abbreviation "Mo" for "lundi" »)
  const lib = (s, strict) => {
    try {
      const o = new OpeningHoursLib(s, NOMINATIM);
      return strict ? !o.getWarnings().some((w) => /Please use|wrong place|not valid|<--- \(Time/.test(w)) : true;
    } catch {
      return false;
    }
  };
  const valid = [...SYNTAX, 'week 01-10 Mo 10:00-12:00', '2026 Jan-Mar Mo 09:00-12:00', 'Mo-Fr 08:00-12:00 || "sur rendez-vous"', 'Mo[1] 10:00-12:00', 'Mo-Fr sunrise-sunset'];
  for (const s of valid) {
    assert.equal(lib(s, true), true, `the library accepts « ${s} »`);
    assert.notEqual(checkOpeningHours(s), 'invalid', `Relais accepts « ${s} »`);
  }
  const invalid = ['09:00 - 12:00 / 13:30 - 17:00', 'du lundi au vendredi de 9h à 12h', 'Mo-Fr 9h-12h', 'Lundi 09:00-12:00', 'Mo-Fr 25:00-26:00', 'sur rendez-vous', 'Mo-Fr: 09:00-12:00'];
  for (const s of invalid) {
    assert.equal(lib(s, true), false, `the library rejects or corrects « ${s} »`);
    assert.equal(checkOpeningHours(s), 'invalid', `Relais reports « ${s} »`);
  }
});
