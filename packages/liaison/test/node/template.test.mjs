import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseTemplate, validateSheet, sectionStatuses, isShown, liaisonTemplates, TemplateError } from '@relais/liaison/headless';

const dlu = liaisonTemplates['dlu-domicile'];
const ori = liaisonTemplates.orientation;

test('the shipped templates are valid', () => {
  for (const t of Object.values(liaisonTemplates)) parseTemplate(t);
  assert.deepEqual(dlu.sections.map((s) => s.id), ['identite', 'protection', 'cadre-de-vie', 'sante', 'volontes', 'fiche-aller']);
});

test('errors name the field, in form order, with an example of the expected format', () => {
  const errors = validateSheet(dlu, { nom_naissance: 'MARTIN', date_naissance: '1941-02-30', telephone: '12 34', mesure_protection: 'tutelle' });
  assert.deepEqual(errors.slice(0, 3).map((e) => e.field), ['prenoms', 'date_naissance', 'telephone']);
  assert.equal(errors.find((e) => e.field === 'prenoms').message, 'Prénom(s) : ce champ est obligatoire (par exemple Jeanne Marie).');
  assert.match(errors.find((e) => e.field === 'date_naissance').message, /indiquez une date réelle, par exemple 27\/03\/1941/);
  assert.match(errors.find((e) => e.field === 'telephone').message, /10 chiffres, par exemple 03 86 12 34 56/);
  assert.ok(errors.some((e) => e.field === 'mandataire'), 'shown when the measure is a tutelle, and required');
});

test('showIf hides a field and its requirement; lists validate each item', () => {
  const f = dlu.sections[1].fields.find((x) => x.id === 'mandataire');
  assert.equal(isShown(f, { mesure_protection: 'aucune' }), false);
  assert.ok(!validateSheet(dlu, { mesure_protection: 'aucune' }, { section: 'protection' }).some((e) => e.field === 'mandataire'));
  const errs = validateSheet(dlu, { mesure_protection: 'aucune', personnes_prevenir: [{ nom: 'Paul', telephone: '03 53 01 12 34' }, { nom: '', telephone: 'x' }] }, { section: 'protection' });
  assert.deepEqual(errs.map((e) => e.field), ['personnes_prevenir.1.nom', 'personnes_prevenir.1.telephone']);
  assert.match(errs[0].message, /Personnes à prévenir n° 2, nom : ce champ est obligatoire/);
});

test('validation never changes the values', () => {
  const values = Object.freeze({ motif: '  espaces gardés  ', besoins: Object.freeze(['repit']) });
  validateSheet(ori, values);
  assert.equal(values.motif, '  espaces gardés  ');
});

test('task-list statuses: not started, in progress, completed, to review after 12 months', () => {
  const values = { nom_naissance: 'MARTIN', prenoms: 'Jeanne', date_naissance: '1941-03-27', mesure_protection: 'aucune', allergies: 'aucune connue' };
  const st = sectionStatuses(dlu, values, { identite: '2025-10-01', sante: '2026-10-01' }, '2026-11-23');
  assert.equal(st.identite, 'to-review');
  assert.equal(st.protection, 'completed');
  assert.equal(st['cadre-de-vie'], 'not-started');
  assert.equal(st.sante, 'completed');
  assert.equal(sectionStatuses(dlu, { nom_naissance: 'MARTIN' }).identite, 'in-progress');
});

test('a malformed template is rejected naming the faulty field', () => {
  const bad = structuredClone(ori);
  bad.sections[0].fields[1].type = 'signature';
  assert.throws(() => parseTemplate(bad), (e) => e instanceof TemplateError && e.path === 'sections[0].fields[1].type');
  const dup = structuredClone(ori);
  dup.sections[1].fields[0].id = 'emetteur_nom';
  assert.throws(() => parseTemplate(dup), /l’identifiant « emetteur_nom » est en double/);
  const ref = structuredClone(ori);
  ref.sections[2].fields[3].showIf.field = 'nulle_part';
  assert.throws(() => parseTemplate(ref), /showIf\.field : le champ « nulle_part » n’existe pas/);
});

test('export and import: format checked, unknown or mistyped fields left out and counted', async () => {
  const { exportSheet, importSheet, ImportError } = await import('@relais/liaison/headless');
  const file = exportSheet(ori, { motif: 'Répit', besoins: ['repit'], accord_personne: true }, new Date('2026-11-23T10:00:00Z'));
  assert.equal(file.format, 'relais-liaison');
  const back = importSheet(ori, JSON.parse(JSON.stringify(file)));
  assert.deepEqual(back.values, { motif: 'Répit', besoins: ['repit'], accord_personne: true });
  const mixed = importSheet(ori, { ...file, values: { motif: 'x', __proto__pollution: 'y', besoins: 'repit', accord_personne: 'oui', inconnu: 1 } });
  assert.deepEqual(mixed.values, { motif: 'x' });
  assert.deepEqual(mixed.dropped.sort(), ['__proto__pollution', 'accord_personne', 'besoins', 'inconnu']);
  assert.throws(() => importSheet(ori, { hello: 1 }), (e) => e instanceof ImportError && /pas une fiche exportée par Relais/.test(e.message));
  assert.throws(() => importSheet(dlu, file), /c’est une fiche « orientation »/);
  const polluted = JSON.parse('{"format":"relais-liaison","template":"orientation","values":{"__proto__":{"motif":"pollué"}}}');
  assert.deepEqual(importSheet(ori, polluted).values, {});
  assert.equal({}.motif, undefined);
});
