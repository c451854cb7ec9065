import { test } from 'node:test';
import assert from 'node:assert/strict';
import { easterSunday, publicHolidays, addMonths, addDays, addWorkingDays, isWorkingDay, nextWorkingDayIfClosed, daysBetween, weekday, isIsoDate, dueDate } from '@relais/pathway/headless';

test('Easter Sunday for known years', () => {
  assert.equal(easterSunday(2024), '2024-03-31');
  assert.equal(easterSunday(2025), '2025-04-20');
  assert.equal(easterSunday(2026), '2026-04-05');
  assert.equal(easterSunday(2027), '2027-03-28');
  assert.equal(easterSunday(2038), '2038-04-25');
});

test('public holidays, with Easter-based ones and the Alsace-Moselle option', () => {
  const h = publicHolidays(2026);
  assert.equal(h.size, 11);
  assert.equal(h.get('2026-04-06'), 'Lundi de Pâques');
  assert.equal(h.get('2026-05-14'), 'Ascension');
  assert.equal(h.get('2026-05-25'), 'Lundi de Pentecôte');
  const am = publicHolidays(2026, { alsaceMoselle: true });
  assert.equal(am.size, 13);
  assert.equal(am.get('2026-04-03'), 'Vendredi saint');
  assert.equal(am.get('2026-12-26'), 'Saint-Étienne');
});

test('months "de date à date" across month ends and leap years', () => {
  assert.equal(addMonths('2026-01-31', 1), '2026-02-28');
  assert.equal(addMonths('2028-01-31', 1), '2028-02-29');
  assert.equal(addMonths('2026-08-31', 4), '2026-12-31');
  assert.equal(addMonths('2026-10-31', 4), '2027-02-28');
  assert.equal(addMonths('2026-03-12', 4), '2026-07-12');
  assert.equal(addMonths('2026-12-15', 2), '2027-02-15');
});

test('calendar days across year ends and leap days', () => {
  assert.equal(addDays('2026-12-25', 10), '2027-01-04');
  assert.equal(addDays('2028-02-28', 1), '2028-02-29');
  assert.equal(daysBetween('2028-02-01', '2028-03-01'), 29);
  assert.equal(weekday('2026-11-23'), 0, 'a Monday');
});

test('working days skip weekends and public holidays (and Alsace-Moselle days when asked)', () => {
  assert.equal(isWorkingDay('2026-05-01'), false);
  assert.equal(isWorkingDay('2026-05-02'), false, 'Saturday');
  // from Thursday 30 April 2026: 1 May (holiday), 2-3 weekend, 4-7 working, 8 May holiday
  assert.equal(addWorkingDays('2026-04-30', 1), '2026-05-04');
  assert.equal(addWorkingDays('2026-04-30', 5), '2026-05-11');
  // 15 working days (PCH en urgence) from Wednesday 1 April 2026, across Easter Monday
  assert.equal(addWorkingDays('2026-04-01', 15), '2026-04-23');
  assert.equal(addWorkingDays('2026-04-01', 15, { alsaceMoselle: true }), '2026-04-24', 'Good Friday too');
  assert.equal(addWorkingDays('2026-12-24', 1, { alsaceMoselle: true }), '2026-12-28');
  assert.equal(nextWorkingDayIfClosed('2026-07-14'), '2026-07-15');
  assert.equal(dueDate('2026-01-15', { amount: 1, unit: 'months', nextWorkingDay: true }), '2026-02-16', '15 February 2026 is a Sunday');
});

test('invalid dates are refused', () => {
  assert.equal(isIsoDate('2026-02-30'), false);
  assert.equal(isIsoDate('2026-2-3'), false);
  assert.equal(isIsoDate('2028-02-29'), true);
});
