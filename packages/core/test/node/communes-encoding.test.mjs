// The columnar encoding of the commune data (scripts/derive-data.mjs) decodes to exactly what the former line
// encoding gave: the reference (fixtures/communes-reference.json) was decoded from the line encoding before the change —
// per département the number of communes and a digest of all of them, and 700 communes in full.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { DEPARTEMENT_CODES, loadChunk, resolveCommune, departementOf } from '@relais/core/headless';

const reference = JSON.parse(readFileSync(new URL('./fixtures/communes-reference.json', import.meta.url), 'utf8'));

test('every département: the same number of communes, and the same communes (digest of all their fields)', async () => {
  assert.deepEqual([...DEPARTEMENT_CODES].sort(), Object.keys(reference.counts).sort());
  let total = 0;
  for (const dep of DEPARTEMENT_CODES) {
    const list = await loadChunk(dep);
    assert.equal(list.length, reference.counts[dep], `communes of ${dep}`);
    assert.equal(createHash('sha256').update(JSON.stringify(list)).digest('hex').slice(0, 16), reference.hashes[dep], `communes of ${dep}`);
    total += list.length;
  }
  assert.equal(total, 34976);
});

test('700 communes (every 50th) identical field by field, and resolved to the same place', async () => {
  assert.ok(reference.sample.length >= 500);
  for (const expected of reference.sample) {
    const got = (await loadChunk(expected.departement)).find((c) => c.code === expected.code);
    assert.deepEqual(got, expected);
    assert.deepEqual(await resolveCommune(expected.code), { code: expected.code, lat: expected.lat, lon: expected.lon, departement: departementOf(expected.code), epci: expected.epci });
  }
  // the sample holds the format's unusual cases: an arrondissement (parent), Corsica, overseas
  assert.ok(reference.sample.some((c) => c.parent));
  assert.ok(reference.sample.some((c) => c.departement === '2A' || c.departement === '2B'));
  assert.ok(reference.sample.some((c) => c.departement.length === 3));
});
