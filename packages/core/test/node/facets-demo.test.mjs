// Issue 15: a facet's count is the number of results a person gets when they tick it (« (50) » used to give 61),
// checked by applying every offered value on the demo data, for searches a person makes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { normalizeDataset, ServiceIndex } from '@relais/core/headless';
import { resolveCommune } from '@relais/core';

const data = JSON.parse(readFileSync(new URL('../../../../examples/data/nievre-demo.json', import.meta.url), 'utf8'));
const { structures, services } = normalizeDataset(data);
const index = new ServiceIndex(structures, services);
const clamecy = await resolveCommune('58079');

const BASES = [
  { label: 'tout', q: {} },
  { label: 'près de Clamecy', q: { commune: '58079' }, place: clamecy },
  { label: '« aide » près de Clamecy', q: { text: 'aide', commune: '58079' }, place: clamecy },
  { label: '« handicap »', q: { text: 'handicap' } },
  { label: 'besoin autonomie, seniors', q: { thematiques: ['autonomie'], publics: ['seniors'] } },
];
// facet of the result → the filter of the query that ticking its value sets
const FILTERS = { thematiques: 'thematiques', categories: 'thematiques', publics: 'publics', types: 'types', typologies: 'typologies', modesAccueil: 'modesAccueil', frais: 'frais' };

for (const base of BASES) {
  test(`every facet value, ticked, gives its count (${base.label})`, () => {
    const r = index.search({ ...base.q, pageSize: 1 }, base.place);
    let checked = 0;
    const wrong = [];
    for (const [facet, filter] of Object.entries(FILTERS)) {
      // a facet whose filter is already set counts as if it were not (disjunctive): tick the value alone
      const rest = { ...base.q };
      delete rest[filter];
      for (const [value, count] of Object.entries(r.facets[facet])) {
        assert.ok(count > 0, `${facet}=${value}: a value with no result is not offered`);
        const got = index.search({ ...rest, [filter]: [value], pageSize: 1 }, base.place).total;
        if (base.q[filter]) continue; // the count above is for this value alone; the base list would be an OR
        checked++;
        if (got !== count) wrong.push(`${facet}=${value}: (${count}) gives ${got}`);
      }
    }
    assert.deepEqual(wrong, []);
    assert.ok(checked > 20, `${checked} values checked`);
  });
}
