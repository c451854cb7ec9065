import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseOpeningHours, summarize, statusLine, isOpenAt, openStatus, checkOpeningHours, publicHolidays, isHoliday } from '@relais/core/headless';
import * as pathwayCalendar from '../../../pathway/dist/calendar.js';

// 2026-11-23 is a Monday
const at = (d, h, m = 0) => new Date(2026, 10, d, h, m);

test('two grouped days read « Samedi et dimanche », three or more « Du … au … »', () => {
  const oh = parseOpeningHours('Mo-Fr 09:00-12:00');
  assert.deepEqual(summarize(oh), ['Du lundi au vendredi : 9 h – 12 h', 'Samedi et dimanche : fermé']);
  assert.deepEqual(summarize(oh, 'en'), ['Monday to Friday: 9:00 – 12:00', 'Saturday and Sunday: closed']);
  const two = parseOpeningHours('Mo,Tu 09:00-12:00; We-Su 14:00-16:00');
  assert.deepEqual(summarize(two), ['Lundi et mardi : 9 h – 12 h', 'Du mercredi au dimanche : 14 h – 16 h']);
});

test('parses weekly rules, later rules replacing days', () => {
  const oh = parseOpeningHours('Mo-Fr 09:00-12:00,13:30-17:00; We 09:00-12:00; PH off');
  assert.deepEqual(oh.days[0], [[540, 720], [810, 1020]]);
  assert.deepEqual(oh.days[2], [[540, 720]]);
  assert.deepEqual(oh.days[5], []);
  assert.equal(oh.publicHolidays, 'off');
});

test('summarises in French and English, grouping days', () => {
  const oh = parseOpeningHours('Mo-Fr 09:00-12:00,13:30-17:00; Sa 09:00-12:00');
  assert.deepEqual(summarize(oh), ['Du lundi au vendredi : 9 h – 12 h, 13 h 30 – 17 h', 'Samedi : 9 h – 12 h', 'Dimanche : fermé']);
  assert.equal(summarize(oh, 'en')[0], 'Monday to Friday: 9:00 – 12:00, 13:30 – 17:00');
});

test('status line says open/closed and the next change', () => {
  const oh = parseOpeningHours('Mo-Fr 09:00-12:00,13:30-17:00');
  assert.equal(statusLine(oh, at(23, 10)), 'Ouvert · ferme à 12 h');
  assert.equal(statusLine(oh, at(23, 12, 15)), 'Fermé · ouvre aujourd’hui à 13 h 30', 'the same day is said: « aujourd’hui »');
  assert.equal(statusLine(oh, at(23, 7)), 'Fermé · ouvre aujourd’hui à 9 h', 'before the morning opening');
  assert.equal(statusLine(oh, at(23, 12, 15), 'en'), 'Closed · opens today at 13:30');
  assert.equal(statusLine(parseOpeningHours('Mo-Fr 20:00-02:00'), at(23, 23)), 'Ouvert · ferme demain à 2 h', 'past midnight: « demain », not the weekday');
  assert.equal(statusLine(oh, at(27, 18)), 'Fermé · ouvre lundi à 9 h', 'Friday evening → Monday');
  assert.equal(statusLine(oh, at(26, 18)), 'Fermé · ouvre demain à 9 h');
  assert.equal(statusLine(oh, at(23, 10), 'en'), 'Open · closes at 12:00');
  assert.equal(statusLine(parseOpeningHours('24/7'), at(23, 3)), 'Ouvert 24 h/24');
  assert.equal(openStatus(parseOpeningHours('Mo off'), at(23, 10)).nextChange, null);
});

test('unsupported syntax returns null rather than a wrong answer', () => {
  assert.equal(parseOpeningHours('week 01-10 Mo 10:00-12:00'), null);
  assert.equal(checkOpeningHours('week 01-10 Mo 10:00-12:00'), 'unsupported', 'valid OSM, shown as is');
  assert.equal(parseOpeningHours('Mo-Fr sunrise-sunset'), null);
  assert.equal(parseOpeningHours('Mo 25:00-26:00'), null);
  assert.equal(parseOpeningHours('Mo-Fr 9h-12h'), null);
  assert.equal(isOpenAt('n’importe quoi', at(23, 10)), null);
  assert.equal(isOpenAt('Mo-Fr 09:00-17:00', at(28, 10)), false, 'Saturday');
});

// Expected values from the calendar (Code du travail L3133-1) and the OSM opening_hours specification.
test('public holidays: PH off closes on 11 November 2026 (a Wednesday) and on Whit Monday', () => {
  const oh = parseOpeningHours('Mo-Fr 09:00-12:00,14:00-17:00; PH off');
  assert.equal(isOpenAt(oh.raw, new Date(2026, 10, 11, 10)), false, 'Armistice');
  assert.equal(isOpenAt(oh.raw, new Date(2026, 10, 12, 10)), true, 'the day after');
  assert.equal(isOpenAt(oh.raw, new Date(2026, 4, 25, 10)), false, 'lundi de Pentecôte 2026 = 25 May');
  assert.equal(statusLine(oh, new Date(2026, 10, 10, 18)), 'Fermé · ouvre jeudi à 9 h', 'Tuesday evening: Wednesday is a holiday');
  assert.equal(statusLine(oh, new Date(2026, 10, 11, 10)), 'Fermé · ouvre demain à 9 h');
  // Alsace-Moselle: Good Friday (3 April 2026) only with the option
  assert.equal(isOpenAt(oh.raw, new Date(2026, 3, 3, 10)), true);
  assert.equal(isOpenAt(oh.raw, new Date(2026, 3, 3, 10), { alsaceMoselle: true }), false);
  // without a PH rule, a holiday follows its weekday
  assert.equal(isOpenAt('Mo-Fr 09:00-12:00', new Date(2026, 10, 11, 10)), true);
});

test('Su,PH off; PH with its own hours; the rule order decides', () => {
  assert.equal(isOpenAt('Mo-Su 09:00-12:00; Su,PH off', new Date(2026, 10, 11, 10)), false);
  assert.equal(isOpenAt('Mo-Su 09:00-12:00; Su,PH off', new Date(2026, 10, 15, 10)), false, 'Sunday');
  assert.equal(isOpenAt('Mo-Su 09:00-12:00; Su,PH off', new Date(2026, 10, 14, 10)), true, 'Saturday');
  assert.equal(isOpenAt('Mo-Fr 09:00-12:00; PH 10:00-11:00', new Date(2026, 10, 11, 9, 30)), false);
  assert.equal(isOpenAt('Mo-Fr 09:00-12:00; PH 10:00-11:00', new Date(2026, 10, 11, 10, 30)), true);
  assert.equal(isOpenAt('PH off; Mo-Fr 09:00-12:00', new Date(2026, 10, 11, 10)), true, 'a later weekday rule replaces the holiday');
  assert.deepEqual(summarize(parseOpeningHours('Mo-Su 09:00-12:00; Su,PH off')).slice(-2), ['Dimanche : fermé', 'Fermé les jours fériés']);
});

test('quoted comments: hours shown with the comment, status « à confirmer »', () => {
  const oh = parseOpeningHours('Mo-Fr 09:00-12:00; Sa "sur rendez-vous"');
  assert.deepEqual(summarize(oh), ['Du lundi au vendredi : 9 h – 12 h', 'Samedi : sur rendez-vous', 'Dimanche : fermé']);
  assert.equal(statusLine(oh, at(28, 10)), 'Sur rendez-vous');
  assert.equal(isOpenAt(oh.raw, at(28, 10)), null);
  assert.equal(isOpenAt(oh.raw, at(23, 10)), true);
  const appt = parseOpeningHours('Mo-Fr 09:00-12:00 "sur rendez-vous"');
  assert.deepEqual(summarize(appt)[0], 'Du lundi au vendredi : 9 h – 12 h (sur rendez-vous)');
  assert.equal(openStatus(appt, at(23, 10)).unknown, true);
});

test('months and dates: Jul-Aug off, Dec 24-Jan 02 off', () => {
  const oh = parseOpeningHours('Mo-Fr 09:00-17:00; Jul-Aug off');
  assert.equal(isOpenAt(oh.raw, new Date(2026, 6, 15, 10)), false);
  assert.equal(isOpenAt(oh.raw, new Date(2026, 8, 1, 10)), true, '1 September');
  assert.equal(summarize(oh).at(-1), 'Juillet – août : fermé');
  const xmas = parseOpeningHours('Mo-Fr 09:00-17:00; Dec 24-Jan 02 off');
  assert.equal(isOpenAt(xmas.raw, new Date(2026, 11, 30, 10)), false);
  assert.equal(isOpenAt(xmas.raw, new Date(2027, 0, 4, 10)), true);
  assert.equal(summarize(xmas).at(-1), '24 décembre – 2 janvier : fermé');
});

test('ranges past midnight belong to the day they start', () => {
  const oh = parseOpeningHours('Fr 22:00-02:00');
  assert.equal(isOpenAt(oh.raw, at(28, 1)), true, 'Saturday 1:00');
  assert.equal(isOpenAt(oh.raw, at(28, 3)), false);
  assert.equal(statusLine(oh, at(27, 23)), 'Ouvert · ferme demain à 2 h', 'Friday 23:00: « demain », not the day name');
  assert.equal(isOpenAt('Fr 22:00-02:00; Sa off', at(28, 1)), false, 'a later rule replaces Saturday');
});

test('SH is read; without the school calendar the status is unknown only where it matters', () => {
  const oh = parseOpeningHours('Mo-Fr 09:00-12:00; SH off');
  assert.ok(oh);
  assert.equal(isOpenAt(oh.raw, at(23, 10)), null, 'could be a school holiday');
  assert.equal(isOpenAt(oh.raw, at(23, 15)), false, 'closed either way');
  assert.equal(summarize(oh).at(-1), 'Vacances scolaires : fermé');
});

test('not OSM: reported as invalid (the data checks drop it)', () => {
  for (const s of ['09:00 - 12:00 / 13:30 - 17:00', 'Mo-Fr 9h-12h', 'du lundi au vendredi', 'Mo-Fr: 09:00-12:00', 'Mo 25:00-26:00', '']) assert.equal(checkOpeningHours(s), 'invalid', s);
  assert.equal(checkOpeningHours('Mo-Fr 09:00-12:00; PH off'), 'ok');
});

test('one holiday calendar: pathway re-exports the core module', () => {
  assert.equal(pathwayCalendar.publicHolidays, publicHolidays);
  assert.equal(pathwayCalendar.isHoliday, isHoliday);
  assert.deepEqual([...publicHolidays(2026).keys()], ['2026-01-01', '2026-04-06', '2026-05-01', '2026-05-08', '2026-05-14', '2026-05-25', '2026-07-14', '2026-08-15', '2026-11-01', '2026-11-11', '2026-12-25']);
});
