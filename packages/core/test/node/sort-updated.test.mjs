// The `updated` sort (« Fiches vérifiées récemment »): the records updated or confirmed most recently first, then by
// name; with the other filters and paging unchanged. Expected orders written by hand from the dates below.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { normalizeDataset, ServiceIndex, queryKey } from '@relais/core/headless';

const data = JSON.parse(readFileSync(new URL('../../../../examples/data/nievre.json', import.meta.url), 'utf8'));
const base = data.services.slice(0, 5);
const structureIds = new Set(base.map((s) => s.structure_id));
const dated = [
  ['a', 'Zèbre accueil', '2024-01-15'],
  ['b', 'Accueil de jour', '2026-11-30'],
  ['c', 'Écoute familles', '2026-11-30'],
  ['d', 'Bureau d’aide', '2025-06-01'],
  ['e', 'Centre social', '2026-02-10'],
];
const services = base.map((s, i) => ({ ...s, id: `relais-demo--tri-${dated[i][0]}`, nom: dated[i][1], date_maj: dated[i][2] }));
const { structures, services: svc } = normalizeDataset({ structures: data.structures.filter((s) => structureIds.has(s.id)), services });
const index = new ServiceIndex(structures, svc);
const ids = (r) => r.items.map((i) => i.service.id.replace('relais-demo--tri-', ''));

test('sort "updated": newest date_maj first; same day by name (accents folded)', () => {
  assert.deepEqual(ids(index.search({ sort: 'updated', pageSize: 10 })), ['b', 'c', 'e', 'd', 'a']);
});

test('sort "updated" pages like the others', () => {
  assert.deepEqual(ids(index.search({ sort: 'updated', pageSize: 2, page: 2 })), ['e', 'd']);
  assert.deepEqual(ids(index.search({ sort: 'updated', pageSize: 2, page: 3 })), ['a']);
});

test('sort "updated" differs from the name sort, and is part of the cache key', () => {
  assert.deepEqual(ids(index.search({ sort: 'name', pageSize: 10 })), ['b', 'd', 'e', 'c', 'a']);
  assert.notEqual(queryKey({ sort: 'updated' }), queryKey({ sort: 'name' }));
});
