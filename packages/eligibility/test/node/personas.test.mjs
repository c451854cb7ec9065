// Runs the persona table (written from the texts before the engine was changed) against the national catalogue.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluate, nationalCatalogue, prepareCatalogue } from '@relais/eligibility/headless';
import { personas, DEFAULT_DATE } from './personas.mjs';

const national = prepareCatalogue(nationalCatalogue);

test('the persona table has at least 80 personas, each citing a text', () => {
  assert.ok(personas.length >= 80, `${personas.length} personas`);
  for (const p of personas) assert.match(p.why, /CASF|CSS|CT |section 17|loi|AJPA|rien|réponse|valeur/, p.id);
});

for (const p of personas) {
  test(`persona ${p.id} (${p.why})`, () => {
    const ev = evaluate(national, p.answers, { date: p.date ?? DEFAULT_DATE });
    for (const [id, status] of Object.entries(p.expect)) {
      const r = ev.results.find((x) => x.id === id);
      assert.ok(r, `${id} evaluated`);
      assert.equal(r.status, status, `${p.id} → ${id}: ${r.criteria.map((c) => `[${c.status}] ${c.text}`).join(' | ')}`);
    }
    for (const [id, want] of Object.entries(p.amount ?? {})) {
      const a = ev.results.find((x) => x.id === id).amount;
      for (const [k, v] of Object.entries(want)) assert.equal(a[k], v, `${p.id} → ${id}.amount.${k} (${a.basis})`);
    }
  });
}
