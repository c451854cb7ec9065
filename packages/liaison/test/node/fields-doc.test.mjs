// FIELDS.md, the reviewer's table of every field (why it is collected, who sees it), follows the shipped templates.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { liaisonTemplates } from '@relais/liaison/headless';
import { FIELDS_DOC, renderFieldsDoc } from './fields-doc.mjs';

test('FIELDS.md is up to date with the shipped templates (regenerate: node packages/liaison/test/node/fields-doc.mjs)', () => {
  assert.equal(readFileSync(FIELDS_DOC, 'utf8'), renderFieldsDoc());
});

test('FIELDS.md: one row per field with its purpose and who sees it; the models with their versions; the door code on the device only', () => {
  const doc = renderFieldsDoc();
  const rows = doc.split('\n').filter((l) => /^\| .* \(`[a-z_]+`\) \| (S[0-3]|NIR)/.test(l));
  const all = Object.values(liaisonTemplates).flatMap((t) => t.sections.flatMap((s) => s.fields));
  assert.equal(rows.length, all.length, 'every field has its row');
  for (const f of all) {
    const row = rows.find((r) => r.includes(`(\`${f.id}\`)`) && r.includes(f.purpose.replace(/\|/g, '\\|')));
    assert.ok(row, `${f.id}: its purpose is in its row`);
  }
  assert.match(doc, /## Dossier de liaison d’urgence à domicile \(DLU-Dom\) \(`dlu-domicile`, version 2026-3\)/);
  assert.match(doc, /\| CI-SIS — Fiche de transfert vers le service des urgences \(DLU-FT-SU\), EHPAD ou domicile \(`cisis-ft-su`\) \| Agence du numérique en santé \| 2025\.01 \|/);
  assert.match(doc, /\| DORA — modèle « Orientation » .* \| GIP de l’inclusion \(gip-inclusion\/dora\) \| commit 388804a7 du 22\/08\/2026 \|/);
  const door = rows.find((r) => r.includes('(`acces_logement`)'));
  assert.match(door, /sur l’appareil seulement/);
  assert.match(door, /\| la personne, ses proches, les secours \(pompiers, SAMU\) \|/);
  assert.doesNotMatch(door, /urgences|médecin/);
  const lsf = rows.find((r) => r.includes('(`langue`)'));
  assert.match(lsf, /\| S2 santé \|/);
  assert.match(doc, /\| Les intervenants du domicile, au retour des urgences \(sans diagnostic ni numéro de sécurité sociale\) \| les intervenants du domicile \(aide, soins infirmiers, portage…\) \| Identité et lieu de vie ; Fiche retour \(par le service des urgences\) \|/);
});
