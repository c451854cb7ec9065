import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatDate } from '@relais/core/headless';

test('French dates write the first of the month « 1er » (typographic rule), other days as numbers', () => {
  assert.equal(formatDate('2024-08-01', 'fr'), '1er août 2024');
  assert.equal(formatDate('2026-01-01', 'fr'), '1er janvier 2026');
  assert.equal(formatDate('2024-08-11', 'fr'), '11 août 2024');
  assert.equal(formatDate('2024-08-21', 'fr'), '21 août 2024');
  assert.equal(formatDate('2024-08-31', 'fr'), '31 août 2024');
  assert.equal(formatDate('2024-08-01', 'fr', { day: 'numeric', month: 'long' }), '1er août');
});

test('numeric French dates and English dates keep their plain day', () => {
  assert.equal(formatDate('2024-08-01', 'fr', { day: '2-digit', month: '2-digit', year: 'numeric' }), '01/08/2024');
  assert.equal(formatDate('2024-08-01', 'en'), '1 August 2024');
  assert.equal(formatDate('not a date', 'fr'), 'not a date');
});
