// The search engine made faster (issue 21, keystroke speed) ranks exactly as the engine before it: the first 20
// results, the total and the facet counts of every keystroke of the search bench's queries (and a few more), on the
// real France services list and on the demo's Nièvre mix, plain, from Nevers and with facet filters, against
// fixtures/search-ranking.json (made by fixtures/make-search-ranking.mjs from the engine before the change).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as core from '@relais/core/headless';
import { FILES, run } from './fixtures/make-search-ranking.mjs';

const fixture = JSON.parse(readFileSync(new URL('./fixtures/search-ranking.json', import.meta.url), 'utf8'));

for (const file of FILES) {
  test(`${file}: every keystroke ranks, counts and facets as before`, async () => {
    const now = await run(core, file);
    const before = fixture[file];
    assert.equal(Object.keys(now).length, Object.keys(before).length);
    for (const [key, expected] of Object.entries(before)) assert.deepEqual(now[key], expected, `${file} « ${key} »`);
  });
}

test('facet counts are those of the matching services (tous-publics counts for every public)', () => {
  const raw = JSON.parse(readFileSync(new URL('../../../../examples/data/nievre-demo.json', import.meta.url), 'utf8'));
  const { structures, services } = core.normalizeDataset(raw);
  const index = new core.ServiceIndex(structures, services);
  for (const text of ['ai', 'aide a dom', 'ehpad', 'portage de r', 'ccas']) {
    const r = index.search({ text, pageSize: 200 });
    const items = [...r.items];
    for (let page = 2; items.length < r.total; page++) items.push(...index.search({ text, pageSize: 200, page }).items);
    assert.equal(items.length, r.total);
    assert.ok(r.total > 0, text);
    const publics = new Set(services.flatMap((s) => s.publics));
    const expect = {};
    for (const { service: s } of items) {
      for (const p of s.publics.includes('tous-publics') ? publics : new Set(s.publics)) expect[p] = (expect[p] ?? 0) + 1;
    }
    assert.deepEqual(r.facets.publics, expect, text);
    const them = {};
    for (const { service: s } of items) for (const t of new Set(s.thematiques)) them[t] = (them[t] ?? 0) + 1;
    assert.deepEqual(r.facets.thematiques, them, text);
  }
});
