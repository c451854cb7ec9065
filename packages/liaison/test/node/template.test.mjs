import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseTemplate, validateSheet, sectionStatuses, isShown, liaisonTemplates, TemplateError } from '@relais/liaison/headless';

const dlu = liaisonTemplates['dlu-domicile'];
const ori = liaisonTemplates.orientation;

test('the shipped templates are valid', () => {
  for (const t of Object.values(liaisonTemplates)) parseTemplate(t);
  assert.deepEqual(dlu.sections.map((s) => s.id), ['identite', 'protection', 'cadre-de-vie', 'sante', 'etat', 'volontes', 'documents', 'redaction', 'fiche-aller', 'fiche-retour']);
  assert.deepEqual(ori.sections.map((s) => s.id), ['emetteur', 'destinataire', 'personne', 'situation', 'motif', 'attentes', 'documents']);
});

test('errors name the field, in form order, with an example of the expected format', () => {
  const errors = validateSheet(dlu, { nom_naissance: 'MARTIN', date_naissance: '1941-02-30', telephone: '12 34', mesure_protection: 'tutelle' });
  assert.deepEqual(errors.slice(0, 4).map((e) => e.field), ['prenoms', 'date_naissance', 'adresse', 'telephone']);
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
  const values = { nom_naissance: 'MARTIN', prenoms: 'Jeanne', date_naissance: '1941-03-27', adresse: '12 rue des Forges, 58500 Clamecy', mesure_protection: 'aucune', allergies: 'aucune connue' };
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
  const file = exportSheet(ori, { motif: 'Répit', besoins: ['repit'], urgence: 'semaine' }, new Date('2026-11-23T10:00:00Z'));
  assert.equal(file.format, 'relais-liaison');
  const back = importSheet(ori, JSON.parse(JSON.stringify(file)));
  assert.deepEqual(back.values, { motif: 'Répit', besoins: ['repit'], urgence: 'semaine' });
  // the consent is no longer a field of the sheet: an old « accord_personne » is dropped, never taken as an agreement
  const mixed = importSheet(ori, { ...file, values: { motif: 'x', __proto__pollution: 'y', besoins: 'repit', accord_personne: false, inconnu: 1 } });
  assert.deepEqual(mixed.values, { motif: 'x' });
  assert.deepEqual(mixed.dropped.sort(), ['__proto__pollution', 'accord_personne', 'besoins', 'inconnu']);
  assert.throws(() => importSheet(ori, { hello: 1 }), (e) => e instanceof ImportError && /pas une fiche exportée par Relais/.test(e.message));
  assert.throws(() => importSheet(dlu, file), /c’est une fiche « orientation »/);
  const polluted = JSON.parse('{"format":"relais-liaison","template":"orientation","values":{"__proto__":{"motif":"pollué"}}}');
  assert.deepEqual(importSheet(ori, polluted).values, {});
  assert.equal({}.motif, undefined);
});

// ——— issue 22: the sheets on their official models ———
const fields = (t) => t.sections.flatMap((s) => s.fields);
const field = (t, id) => fields(t).find((f) => f.id === id);

test('each template cites its models as data (model, publisher, version, reference) and each field its model field', () => {
  // expected from the research: HAS DLU-Dom page p_3210058; CI-SIS DLU 2022.01, DLU-FT-SU 2025.01, DLU-FR-SU 2025.01; DORA models.py
  const byId = (t) => Object.fromEntries(t.models.map((m) => [m.id, m]));
  assert.match(byId(dlu)['has-dlu-dom'].reference, /has-sante\.fr\/jcms\/p_3210058/);
  assert.equal(byId(dlu)['cisis-dlu'].version, '2022.01');
  assert.equal(byId(dlu)['cisis-ft-su'].version, '2025.01');
  assert.equal(byId(dlu)['cisis-fr-su'].version, '2025.01');
  assert.match(byId(ori).dora.reference, /back\/dora\/orientations\/models\.py/);
  assert.match(byId(ori).anesm.reference, /002_c5d89a0549bdf5b0/);
  for (const t of [dlu, ori]) {
    assert.ok(t.models.every((m) => m.title && m.publisher && m.version && m.reference), `${t.id}: every model has its version`);
    const ids = new Set(t.models.map((m) => m.id));
    for (const f of fields(t)) {
      assert.ok(f.purpose && f.purpose.length > 10, `${t.id}.${f.id}: why it is needed`);
      assert.ok(Array.isArray(f.seenBy) && f.seenBy.length > 0, `${t.id}.${f.id}: who sees it`);
      assert.ok(Array.isArray(f.modelFields), `${t.id}.${f.id}: model fields listed`);
      assert.ok(f.modelFields.length > 0 || f.toVerify, `${t.id}.${f.id}: a field with no model field says so (toVerify)`);
      for (const m of f.modelFields) assert.ok(ids.has(m.model), `${t.id}.${f.id}: model ${m.model} cited`);
    }
  }
  // the central fields of the models named by the issue are there
  for (const id of ['adresse', 'soins_palliatifs', 'etat_psychique', 'handicaps', 'risques', 'documents_joints', 'etablissement_prefere', 'rempli_par', 'medecin_validation', 'date_mise_a_jour', 'aller_conscience', 'aller_dernier_repas', 'aller_derniere_prise', 'retour_diagnostic', 'retour_plan_soins']) assert.ok(field(dlu, id), id);
  assert.deepEqual(field(dlu, 'risques').options.map((o) => o.value), ['chute', 'deambulation', 'fugue', 'contention', 'escarre', 'fausses-routes']);
  assert.deepEqual(field(dlu, 'aller_informes').options.map((o) => o.value), ['centre-15', 'urgences', 'medecin-traitant', 'entourage']);
  for (const id of ['referent_nom', 'situation', 'deja_fait', 'qui_aide', 'personne_informee', 'personne_souhaits', 'personne_disponibilites', 'documents']) assert.ok(field(ori, id), id);
  assert.deepEqual(field(ori, 'destinataire_service_id').modelFields, [{ model: 'dora', field: 'di_service_id' }]);
});

test('fields that reveal health are health data (S2/S3), and the personne à prévenir sees none of them', async () => {
  const { isHealthData } = await import('@relais/liaison/headless');
  for (const [t, id] of [[dlu, 'langue'], [dlu, 'handicaps'], [dlu, 'documents_joints'], [dlu, 'aller_motif'], [ori, 'motif'], [ori, 'besoins'], [ori, 'situation']]) assert.ok(isHealthData(field(t, id)), `${t.id}.${id}`);
  assert.equal(field(dlu, 'bmr').sensitivity, 'S3');
  assert.equal(field(dlu, 'nir').sensitivity, 'NIR');
  for (const f of fields(dlu).filter(isHealthData)) assert.ok(!f.seenBy.includes('proches'), `${f.id}: no medical information for the proches (CNSA)`);
});

test('the person in charge of the measure is asked for tutelle, curatelle, habilitation familiale, mandat de protection future', () => {
  for (const t of [dlu, ori]) {
    const f = field(t, 'mandataire');
    for (const m of ['tutelle', 'curatelle', 'habilitation-familiale', 'mandat-protection-future']) {
      assert.equal(isShown(f, { mesure_protection: m }), true, `${t.id} ${m}`);
      assert.ok(validateSheet(t, { mesure_protection: m }).some((e) => e.field === 'mandataire'), `${t.id} ${m}: required`);
    }
    for (const m of ['aucune', 'sauvegarde']) assert.equal(isShown(f, { mesure_protection: m }), false, `${t.id} ${m}`);
  }
});

test('the door code never leaves the device: not exported, not sent; the consent is no field of the sheet', async () => {
  const { exportSheet, sharedValues, recipientsOf, isForPeople } = await import('@relais/liaison/headless');
  assert.equal(field(dlu, 'acces_logement').deviceOnly, true);
  const values = { nom_naissance: 'MARTIN', acces_logement: 'code 1234B', retour_diagnostic: 'entorse', aller_motif: 'chute' };
  assert.deepEqual(exportSheet(dlu, values).values, { nom_naissance: 'MARTIN', retour_diagnostic: 'entorse', aller_motif: 'chute' });
  const urgences = recipientsOf(dlu).find((r) => r.id === 'urgences');
  assert.deepEqual(sharedValues(dlu, values, urgences.sections, urgences.audience), { nom_naissance: 'MARTIN', aller_motif: 'chute' }, 'no door code, no fiche retour to the emergency');
  const retour = recipientsOf(dlu).find((r) => r.id === 'retour-medecin');
  assert.deepEqual(sharedValues(dlu, values, retour.sections, retour.audience), { nom_naissance: 'MARTIN', retour_diagnostic: 'entorse' });
  assert.deepEqual(sharedValues(ori, { motif: 'x', accord_personne: false }, recipientsOf(ori)[0].sections), { motif: 'x' });
  for (const t of [dlu, ori]) assert.ok(!fields(t).some((f) => /accord|consent/.test(f.id)), `${t.id}: consent is asked once, in the consent step`);
  assert.equal(isForPeople(field(ori, 'destinataire_service_id')), false, 'the directory id is never shown');
});

test('a template naming an unknown model, section or a double showIf is rejected', () => {
  const a = structuredClone(ori);
  a.sections[0].fields[0].modelFields = [{ model: 'inconnu', field: 'x' }];
  assert.throws(() => parseTemplate(a), /modelFields\[0\]\.model : le modèle « inconnu » n’est pas dans « models »/);
  const b = structuredClone(dlu);
  b.recipients[0].sections.push('nulle-part');
  assert.throws(() => parseTemplate(b), /recipients\[0\]\.sections\[9\] : la partie « nulle-part » n’existe pas/);
  const c = structuredClone(ori);
  field(c, 'mandataire').showIf.equals = 'tutelle';
  assert.throws(() => parseTemplate(c), /showIf : indiquez « equals » ou « in », l’un des deux/);
});

test('a receiver validates the sections shared and those sent, not the others', async () => {
  const { receivedSections } = await import('@relais/liaison/headless');
  assert.deepEqual(receivedSections(ori, { emetteur_nom: 'x', motif: 'y' }, ['personne']), ['emetteur', 'personne', 'motif']);
  assert.deepEqual(receivedSections(ori, {}, 'pas une liste'), []);
  const errs = validateSheet(ori, { motif: 'y' }, { sections: ['motif', 'attentes'] });
  assert.deepEqual(errs.map((e) => e.field), ['besoins', 'personne_informee']);
});

test('F13: seenBy is enforced — the home workers get the return without diagnosis nor NIR; the urgences never get what only the secours at home see', async () => {
  const { sharedValues, recipientsOf, allowedFields, withheldFields } = await import('@relais/liaison/headless');
  const values = {
    nom_naissance: 'MARTIN', prenoms: 'Jeanne', date_naissance: '1941-03-27', adresse: '12 rue des Forges, 58500 Clamecy', nir: '2 41 03 58 079 012 34', langue: 'LSF',
    animaux: 'un chat', documents_lieu: 'sur le réfrigérateur', acces_logement: 'code 1234B',
    retour_date: '2026-12-02T18:00', retour_orientation: 'domicile', retour_diagnostic: 'entorse', retour_plan_soins: 'glace, repos', retour_objets: ['lunettes'], retour_documents: 'ordonnance',
  };
  const r = (id) => recipientsOf(dlu).find((x) => x.id === id);
  const workers = r('retour-intervenants');
  assert.deepEqual(sharedValues(dlu, values, workers.sections, workers.audience), {
    nom_naissance: 'MARTIN', prenoms: 'Jeanne', date_naissance: '1941-03-27', adresse: '12 rue des Forges, 58500 Clamecy',
    retour_date: '2026-12-02T18:00', retour_orientation: 'domicile', retour_plan_soins: 'glace, repos', retour_objets: ['lunettes'], retour_documents: 'ordonnance',
  }, 'orientation, plan de soins, objects and documents; no NIR, no diagnosis, no LSF (health)');
  const doctor = r('retour-medecin');
  const toDoctor = sharedValues(dlu, values, doctor.sections, doctor.audience);
  assert.equal(toDoctor.retour_diagnostic, 'entorse');
  assert.equal(toDoctor.langue, 'LSF');
  const urg = r('urgences');
  const toUrg = sharedValues(dlu, values, urg.sections, urg.audience);
  assert.equal(toUrg.nir, '2 41 03 58 079 012 34', 'the NIR goes to the emergency admission');
  assert.ok(!('animaux' in toUrg) && !('documents_lieu' in toUrg), 'seen by the secours at home, not sent to the urgences');
  assert.ok(!allowedFields(dlu, urg.sections, urg.audience).has('acces_logement'));
  assert.deepEqual(withheldFields(dlu, workers.sections, workers.audience).map((f) => f.id), ['lieu_vie', 'nir', 'langue', 'retour_diagnostic'], 'the type of home stays out too: the home workers know it');
  // without an audience, seenBy is documentation: every field of the sections (never the door code)
  assert.ok(allowedFields(ori, recipientsOf(ori)[0].sections).has('destinataire_service_id'));
});

test('F12: a referred person who does not know it blocks the sending, not the keeping', async () => {
  const { sendBlockers, recipientsOf } = await import('@relais/liaison/headless');
  const all = recipientsOf(ori)[0].sections;
  const errs = sendBlockers(ori, { personne_informee: 'non' }, all);
  assert.deepEqual(errs.map((e) => [e.field, e.section]), [['personne_informee', 'attentes']]);
  assert.match(errs[0].message, /informez-la avant d’envoyer la fiche/);
  assert.deepEqual(sendBlockers(ori, { personne_informee: 'oui' }, all), []);
  assert.ok(!validateSheet(ori, { personne_informee: 'non' }, { section: 'attentes' }).some((e) => e.field === 'personne_informee'), 'the draft keeps the answer');
  const bad = structuredClone(ori);
  field(bad, 'personne_informee').blocksSending = { in: [], message: 'x' };
  assert.throws(() => parseTemplate(bad), /blocksSending/);
});

test('F14/F16: what reveals health is tagged S2; what the models ask and the sheet lacks is « à vérifier »', () => {
  assert.equal(field(ori, 'deja_fait').sensitivity, 'S2');
  assert.equal(field(ori, 'qui_aide').sensitivity, 'S2');
  assert.match(field(ori, 'mesure_protection').toVerify, /S2 à vérifier/);
  assert.ok(dlu.toVerify.some((x) => /sexe et lieu de naissance/.test(x)));
  assert.ok(dlu.toVerify.some((x) => /déplacements – transferts/.test(x)));
  assert.ok(dlu.toVerify.some((x) => /Traitements : 1\.\.1/.test(x)));
});

test('F15: the door code is never asked of a professional filling the sheet for someone else', () => {
  const f = field(dlu, 'acces_logement');
  assert.match(f.hint, /Si vous remplissez la fiche pour quelqu’un d’autre, ne le saisissez pas : écrivez-le à la main sur la fiche papier/);
  assert.doesNotMatch(f.purpose, /ne quitte jamais le domicile/);
});
