import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseOpeningHours, summarize, statusLine, isOpenAt, openStatus } from '@relais/core/headless';

// 2026-11-23 is a Monday
const at = (d, h, m = 0) => new Date(2026, 10, d, h, m);

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
  assert.equal(statusLine(oh, at(23, 12, 15)), 'Fermé · ouvre à 13 h 30');
  assert.equal(statusLine(oh, at(27, 18)), 'Fermé · ouvre lundi à 9 h', 'Friday evening → Monday');
  assert.equal(statusLine(oh, at(26, 18)), 'Fermé · ouvre demain à 9 h');
  assert.equal(statusLine(oh, at(23, 10), 'en'), 'Open · closes at 12:00');
  assert.equal(statusLine(parseOpeningHours('24/7'), at(23, 3)), 'Ouvert 24 h/24');
  assert.equal(openStatus(parseOpeningHours('Mo off'), at(23, 10)).nextChange, null);
});

test('unsupported syntax returns null rather than a wrong answer', () => {
  assert.equal(parseOpeningHours('Jan-Mar Mo 10:00-12:00'), null);
  assert.equal(parseOpeningHours('Mo 25:00-26:00'), null);
  assert.equal(parseOpeningHours('Mo-Fr 9h-12h'), null);
  assert.equal(isOpenAt('n’importe quoi', at(23, 10)), null);
  assert.equal(isOpenAt('Mo-Fr 09:00-17:00', at(28, 10)), false, 'Saturday');
});
