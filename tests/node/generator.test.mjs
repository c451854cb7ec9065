import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { generate } from '../../examples/data/generator.mjs';
import { normalizeDataset } from '@relais/core/headless';

const hash = (o) => createHash('sha256').update(JSON.stringify(o)).digest('hex');

test('same seed, same bytes; another seed, other data', () => {
  const a = generate({ seed: 7, targetServices: 800, departements: ['58', '89', '21'] });
  const b = generate({ seed: 7, targetServices: 800, departements: ['58', '89', '21'] });
  const c = generate({ seed: 8, targetServices: 800, departements: ['58', '89', '21'] });
  assert.equal(hash(a), hash(b));
  assert.notEqual(hash(a), hash(c));
});

test('the committed Nièvre dataset is what the generator makes, valid, with fictional contacts', () => {
  const committed = JSON.parse(readFileSync(new URL('../../examples/data/nievre.json', import.meta.url), 'utf8'));
  const fresh = generate({ departements: ['58'], seed: 58, targetServices: 440 });
  assert.equal(hash(committed.services), hash(fresh.services));
  const { diagnostics } = normalizeDataset(committed);
  assert.equal(diagnostics.skipped, 0);
  assert.ok(committed.services.length >= 350 && committed.services.length <= 500, String(committed.services.length));
  for (const s of committed.structures) {
    assert.match(s.telephone, /^0(1 99 00|2 61 91|3 53 01|4 65 71|5 36 49)/, 'ARCEP fiction ranges');
    assert.match(s.site_web, /\.example$/);
  }
  const kinds = new Set(committed.structures.map((s) => s.typologie));
  for (const k of ['ccas-cias', 'france-services', 'clic', 'dac', 'mdph-mda', 'saad', 'ssiad', 'ehpad', 'residence-autonomie', 'esat', 'savs', 'gem', 'centre-social', 'plateforme-repit']) assert.ok(kinds.has(k), k);
});
