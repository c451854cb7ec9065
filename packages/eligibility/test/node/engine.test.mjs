import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { evaluate, nationalCatalogue, parseCatalogue, mergeCatalogues, staleParameters, paramValue, catalogueJsonSchema, CatalogueError, prepareCatalogue, FACTS } from '@relais/eligibility/headless';

const DATE = '2026-11-23';
const national = prepareCatalogue(nationalCatalogue);
const run = (answers, date = DATE, cat = national) => evaluate(cat, answers, { date });
/** Intl puts narrow no-break spaces in amounts: compare with plain spaces. */
const sp = (s) => s.replace(/[\u202f\u00a0]/g, ' ');
const get = (ev, id) => ev.results.find((r) => r.id === id);
const local = (name) => JSON.parse(readFileSync(new URL(`../../catalogues/${name}`, import.meta.url), 'utf8'));

const olderAtHome = { 'demandeur.age': 82, 'demandeur.gir': 3, 'demandeur.lieu_de_vie': 'domicile', 'demandeur.residence_stable_france': true, 'demandeur.en_couple': false, 'foyer.ressources_mensuelles': 950 };
const adultDisabled = { 'demandeur.age': 35, 'demandeur.taux_incapacite': '80-plus', 'demandeur.residence_stable_france': true, 'foyer.ressources_mensuelles': 300, 'demandeur.difficultes_activites': 'deux-graves', 'demandeur.gir': 6, 'demandeur.en_couple': false };

test('the national catalogue is valid and has the twelve benefits', () => {
  assert.deepEqual(national.benefits.map((b) => b.id), ['apa-domicile', 'apa-etablissement', 'pch', 'aah', 'aspa', 'aeeh', 'cmi', 'rqth', 'ash', 'aide-menagere', 'ajpa', 'conge-proche-aidant']);
});

test('APA à domicile: probable (GIR evaluated by the département), not eligible at 58, unknown without GIR', () => {
  const yes = get(run(olderAtHome), 'apa-domicile');
  assert.equal(yes.status, 'probable');
  assert.equal(yes.amount.kind, 'range');
  assert.equal(yes.amount.max, 1215.99);
  assert.match(yes.evaluation.by, /équipe médico-sociale/);
  const no = get(run({ ...olderAtHome, 'demandeur.age': 58 }), 'apa-domicile');
  assert.equal(no.status, 'not_eligible');
  assert.ok(no.criteria.some((c) => c.text === 'La personne a 58 ans ; l’APA à domicile n’est possible qu’à partir de 60 ans (CASF L232-2, R232-1).'), no.criteria.map((c) => c.text).join('\n'));
  const unk = get(run({ ...olderAtHome, 'demandeur.gir': undefined }), 'apa-domicile');
  assert.equal(unk.status, 'unknown');
  assert.equal(unk.amount.min, 811.52, 'range over GIR 1–4 when the GIR is unknown');
  assert.equal(unk.amount.max, 2080.33);
});

test('APA en établissement', () => {
  assert.equal(get(run({ ...olderAtHome, 'demandeur.lieu_de_vie': 'etablissement' }), 'apa-etablissement').status, 'probable');
  assert.equal(get(run(olderAtHome), 'apa-etablissement').status, 'not_eligible');
  assert.equal(get(run({ 'demandeur.age': 80 }), 'apa-etablissement').status, 'unknown');
});

test('PCH: before 60, or after 60 when the criteria were met before 60 or the person still works', () => {
  assert.equal(get(run(adultDisabled), 'pch').status, 'probable');
  const old = get(run({ ...adultDisabled, 'demandeur.age': 70, 'demandeur.criteres_pch_avant_60_ans': false, 'demandeur.en_activite': false }), 'pch');
  assert.equal(old.status, 'not_eligible');
  assert.ok(old.criteria.some((c) => c.text === 'Avant 60 ans, les difficultés n’atteignaient pas encore le niveau exigé ; la PCH n’est alors ouverte qu’à une personne qui travaille encore (CASF L245-1 II).'), old.criteria.map((c) => c.text).join('\n'));
  assert.ok(old.exceptions.some((t) => /c’est l’APA qui prend le relais/.test(t)), 'the exception is part of a not-eligible result');
  // the age routes are one sentence, not one contradictory sentence per branch (« possible avant 20 ans », « avant 60 ans »…)
  assert.ok(!old.criteria.some((c) => /n’est possible qu’avant/.test(c.text)), old.criteria.map((c) => c.text).join('\n'));
  assert.ok(old.criteria.some((c) => /^La PCH est ouverte de 20 à 60 ans ; avant 20 ans, si l’enfant ouvre droit/.test(c.text)));
  assert.equal(get(run({ ...adultDisabled, 'demandeur.age': 70, 'demandeur.criteres_pch_avant_60_ans': true }), 'pch').status, 'probable');
  assert.equal(get(run({ ...adultDisabled, 'demandeur.age': 70, 'demandeur.criteres_pch_avant_60_ans': false }), 'pch').status, 'unknown', 'still working not answered');
  assert.equal(get(run({ 'demandeur.age': 40 }), 'pch').status, 'unknown');
  assert.equal(get(run({ ...adultDisabled, 'demandeur.difficultes_activites': 'une-grave' }), 'pch').status, 'not_eligible');
});

test('AAH: 80 %, or 50–79 % with RSDAE; own resources; differential estimate; amounts to the cent', () => {
  const a = get(run(adultDisabled), 'aah');
  assert.equal(a.status, 'probable');
  assert.equal(a.amount.kind, 'estimate');
  assert.equal(a.amount.value, 741.59);
  assert.equal(a.amount.toVerify, true, 'the April 2026 amount is unconfirmed');
  assert.match(a.amount.notes.join(' '), /Montant maximal de l’AAH : montant au 1er avril 2026, valeur à confirmer\./);
  assert.equal(get(run({ ...adultDisabled, 'demandeur.taux_incapacite': '50-79', 'demandeur.rsdae': false }), 'aah').status, 'not_eligible');
  assert.equal(get(run({ ...adultDisabled, 'demandeur.taux_incapacite': '50-79' }), 'aah').status, 'unknown', 'RSDAE unknown');
  const rich = get(run({ ...adultDisabled, 'foyer.ressources_mensuelles': 2500, 'demandeur.revenus_activite': 0, 'demandeur.enfants_a_charge': 0 }), 'aah');
  assert.equal(rich.status, 'not_eligible');
  assert.ok(rich.criteria.some((c) => sp(c.text) === 'Les ressources indiquées (2 500,00 € par mois) dépassent le plafond de l’AAH, 1 041,59 € par mois (CSS L821-3, D821-2).'), rich.criteria.map((c) => c.text).join('\n'));
  const near = get(run({ ...adultDisabled, 'foyer.ressources_mensuelles': 1050, 'demandeur.revenus_activite': 0, 'demandeur.enfants_a_charge': 0 }), 'aah');
  assert.equal(near.status, 'unknown', 'just above an unconfirmed ceiling: « à vérifier »');
  assert.ok(near.criteria.some((c) => c.toVerify && /dépassent de peu le plafond de l’AAH .*ce plafond n’est pas sûr \(montant au 1er avril 2026, valeur à confirmer\) : proche du plafond, à vérifier/.test(c.text)));
});

test('dated parameters: the AAH amount in force at the date, and its freshness', () => {
  assert.equal(get(run(adultDisabled, '2026-03-31'), 'aah').amount.value, 733.32);
  assert.equal(get(run(adultDisabled, '2026-03-31'), 'aah').amount.stale, false);
  assert.equal(get(run(adultDisabled, '2026-04-01'), 'aah').amount.value, 741.59);
  assert.equal(paramValue(national.parameters.aah_montant, '2024-12-31'), undefined);
  // the MTP of April 2025 is stale after April 2026: the APA note (participation thresholds) says so
  const apa = get(run(olderAtHome), 'apa-domicile');
  assert.equal(apa.amount.stale, true);
  assert.equal(apa.stale, true);
  assert.match(sp(apa.amount.basis), /\(valeur au 1er janvier 2026\)\. Aucune participation sous 933,89 € de ressources par mois ; au plus 90 % au-delà de 3 439,31 €/);
  assert.ok(apa.amount.notes.includes('Majoration pour tierce personne (MTP) : montant au 1er avril 2025 — la revalorisation d’avril 2026 n’est pas encore connue.'), apa.amount.notes.join('\n'));
  const before = get(run(olderAtHome, '2026-03-31'), 'apa-domicile');
  assert.equal(before.amount.stale, false, 'not stale before 1 April 2026');
  // a combined amount is as old as its oldest part
  const aeeh = get(run({ 'demandeur.age': 8, 'demandeur.taux_incapacite': '80-plus' }), 'aeeh');
  assert.equal(aeeh.amount.asOf, '2025-04-01');
  // each figure with its own date
  assert.match(sp(aeeh.amount.basis), /^153,01 € par mois \(valeur au 1er avril 2026\), et jusqu’à 1 441,14 € avec le complément le plus élevé \(complément de 1 288,13 €, valeur au 1er avril 2025\)\./);
  // a date with no value: no « undefined € », a clear sentence
  const aspa = get(run(olderAtHome, '2024-06-01'), 'aspa');
  assert.equal(aspa.status, 'unknown');
  assert.ok(aspa.criteria.every((c) => !/undefined|NaN/.test(c.text)));
  assert.ok(aspa.criteria.some((c) => c.text === 'La valeur du plafond de l’ASPA n’est pas connue au 1er juin 2024 : à vérifier (CSS L815-9, D815-1, R815-29).'));
});

test('ASPA: 65, resources single or couple, estimate', () => {
  const a = get(run(olderAtHome), 'aspa');
  assert.equal(a.status, 'eligible');
  assert.equal(a.amount.value, 93.6);
  assert.equal(get(run({ ...olderAtHome, 'foyer.ressources_mensuelles': 1500, 'demandeur.revenus_activite': 0 }), 'aspa').status, 'not_eligible');
  assert.equal(get(run({ ...olderAtHome, 'foyer.ressources_mensuelles': 1500 }), 'aspa').status, 'unknown', 'over the ceiling, earnings not given: part of them is not counted');
  assert.ok(run({ ...olderAtHome, 'foyer.ressources_mensuelles': 1500 }).nextQuestions.some((q) => q.fact === 'demandeur.revenus_activite'));
  assert.equal(get(run({ ...olderAtHome, 'foyer.ressources_mensuelles': 1500, 'demandeur.en_couple': true }), 'aspa').status, 'eligible', 'couple ceiling 1 620,18 €');
  assert.equal(get(run({ ...olderAtHome, 'demandeur.en_couple': undefined, 'foyer.ressources_mensuelles': 1500 }), 'aspa').status, 'unknown');
});

test('AEEH: under 20, base and up to the 6th complement', () => {
  const kid = get(run({ 'demandeur.age': 8, 'demandeur.taux_incapacite': '50-79' }), 'aeeh');
  assert.equal(kid.status, 'probable');
  assert.deepEqual([kid.amount.min, kid.amount.max], [153.01, 1441.14]);
  assert.equal(kid.amount.stale, true, 'the 6th complement (= MTP) lacks its April 2026 revaluation');
  assert.equal(get(run({ 'demandeur.age': 25, 'demandeur.taux_incapacite': '80-plus' }), 'aeeh').status, 'not_eligible');
  assert.equal(get(run({ 'demandeur.age': 8 }), 'aeeh').status, 'unknown');
});

test('CMI, RQTH', () => {
  assert.equal(get(run({ 'demandeur.gir': 2, 'demandeur.age': 75 }), 'cmi').status, 'probable');
  assert.equal(get(run({ 'demandeur.gir': 4, 'demandeur.taux_incapacite': 'aucun', 'demandeur.mobilite_reduite': false, 'demandeur.tierce_personne': 'non' }), 'cmi').status, 'not_eligible');
  const young = get(run({ 'demandeur.age': 59, 'demandeur.gir': 3, 'demandeur.taux_incapacite': 'aucun', 'demandeur.mobilite_reduite': false, 'demandeur.tierce_personne': 'non' }), 'cmi');
  assert.ok(young.criteria.some((c) => c.text === 'La personne a 59 ans : la carte accordée d’office avec l’APA (GIR 1 ou 2) concerne les 60 ans et plus ; la MDPH peut l’accorder à tout âge (CASF L241-3).'), young.criteria.map((c) => c.text).join('\n'));
  const gir3 = get(run({ 'demandeur.age': 70, 'demandeur.gir': 3, 'demandeur.taux_incapacite': 'aucun', 'demandeur.mobilite_reduite': false, 'demandeur.tierce_personne': 'non' }), 'cmi');
  assert.ok(gir3.criteria.some((c) => c.text === 'La personne est en GIR 3 : pas de carte d’office au titre de l’APA ; la MDPH peut l’accorder sur d’autres critères (CASF L241-3).'), gir3.criteria.map((c) => c.text).join('\n'));
  assert.equal(get(run({ 'demandeur.gir': 4, 'demandeur.taux_incapacite': 'moins-50' }), 'cmi').status, 'unknown', 'priorité / stationnement possible below 80 %');
  assert.equal(get(run({ 'demandeur.age': 30, 'demandeur.sante_gene_travail': true }), 'rqth').status, 'probable');
  assert.equal(get(run({ 'demandeur.age': 30, 'demandeur.sante_gene_travail': false }), 'rqth').status, 'not_eligible');
  assert.equal(get(run({ 'demandeur.age': 30 }), 'rqth').status, 'unknown');
  assert.ok(!get(run({ 'demandeur.age': 30, 'demandeur.taux_incapacite': 'moins-50' }), 'rqth').criteria.some((c) => /moins-50/.test(c.text)), 'no raw codes');
});

test('ASH: resources compared with the cost of the care home', () => {
  const base = { ...olderAtHome, 'demandeur.lieu_de_vie': 'etablissement' };
  assert.equal(get(run({ ...base, 'demandeur.frais_hebergement': 2300 }), 'ash').status, 'probable');
  assert.equal(get(run({ ...base, 'demandeur.frais_hebergement': 800 }), 'ash').status, 'not_eligible');
  const u = get(run(base), 'ash');
  assert.equal(u.status, 'unknown');
  assert.ok(run(base).nextQuestions.some((q) => q.fact === 'demandeur.frais_hebergement'));
});

test('aide-ménagère: GIR 5–6 under the ASPA ceiling', () => {
  assert.equal(get(run({ ...olderAtHome, 'demandeur.gir': 5 }), 'aide-menagere').status, 'probable');
  assert.equal(get(run(olderAtHome), 'aide-menagere').status, 'not_eligible');
  assert.equal(get(run({ 'demandeur.age': 70, 'demandeur.gir': 6 }), 'aide-menagere').status, 'unknown');
});

test('carers: AJPA (exact amount per day, value to verify) and congé de proche aidant', () => {
  const carer = { 'aidant.est_aidant': true, 'aidant.activite_professionnelle': true, 'aidant.salarie': true, 'demandeur.gir': 3 };
  const a = get(run(carer), 'ajpa');
  assert.equal(a.status, 'eligible');
  assert.equal(a.amount.kind, 'exact');
  assert.equal(a.amount.value, 66.64);
  assert.equal(a.amount.toVerify, true);
  assert.equal(a.toVerify, true);
  assert.equal(get(run({ ...carer, 'aidant.activite_professionnelle': false }), 'ajpa').status, 'not_eligible');
  assert.equal(get(run({ 'demandeur.gir': 3 }), 'ajpa').status, 'unknown');
  assert.equal(get(run(carer), 'conge-proche-aidant').status, 'eligible');
  const gir4 = get(run({ ...carer, 'demandeur.gir': 4, 'demandeur.taux_incapacite': 'aucun' }), 'conge-proche-aidant');
  assert.equal(gir4.status, 'eligible', 'GIR 4 since 1 July 2022 (CT D3142-8, décret 2022-1037)');
  assert.ok(gir4.criteria.some((c) => c.text === 'La personne est en GIR 4 (CT D3142-8).'), gir4.criteria.map((c) => c.text).join('\n'));
  const notCarer = get(run({ 'aidant.est_aidant': false, 'demandeur.gir': 3 }), 'ajpa');
  assert.equal(notCarer.status, 'unknown', 'the carer’s right: never « non » to the person helped');
  assert.ok(notCarer.criteria.some((c) => c.status === 'unknown' && c.text === 'L’AJPA est versée à l’aidant : si un proche aide la personne et réduit son activité, c’est lui qui la demande (CSS L168-8).'));
  assert.ok(!notCarer.criteria.some((c) => c.status === 'not_met'));
  const unemployed = get(run({ ...carer, 'aidant.salarie': false }), 'conge-proche-aidant');
  assert.equal(unemployed.status, 'not_eligible');
  assert.ok(unemployed.criteria.some((c) => c.text === 'Le congé de proche aidant est réservé aux salariés ; au chômage indemnisé ou indépendant, l’aidant peut demander l’AJPA (CT L3142-16).'));
  // the AJPA follows the SMIC, which rose on 1 June 2026: the January value is stale from then
  assert.equal(get(run(carer, '2026-05-31'), 'ajpa').amount.stale, false);
  assert.match(get(run(carer, '2026-06-01'), 'ajpa').amount.notes.join(' '), /la revalorisation de juin 2026 n’est pas encore connue/);
});

test('next questions are ranked by how many undecided benefits they decide', () => {
  const { nextQuestions } = run({});
  assert.ok(nextQuestions.length > 5);
  for (let i = 1; i < nextQuestions.length; i++) assert.ok(nextQuestions[i - 1].decides >= nextQuestions[i].decides);
  assert.equal(nextQuestions[0].fact, 'demandeur.age');
});

test('local catalogues: territory filtering, merge, a département variant replaces the national aide', () => {
  const merged = prepareCatalogue(mergeCatalogues(nationalCatalogue, parseCatalogue(local('ccas-val-de-nievre.json')), parseCatalogue(local('departement-58-aide-menagere.json'))));
  const carerInClamecy = { 'aidant.est_aidant': true, 'demandeur.gir': 2, 'demandeur.depcom': '58079' };
  const r = get(run(carerInClamecy, DATE, merged), 'cheque-repit-ccas');
  assert.equal(r.status, 'eligible');
  assert.equal(r.local, true);
  assert.equal(r.amount.value, 300);
  assert.equal(get(run({ ...carerInClamecy, 'demandeur.depcom': '75056' }, DATE, merged), 'cheque-repit-ccas'), undefined, 'not listed elsewhere');
  assert.equal(get(run({ 'aidant.est_aidant': true }, DATE, merged), 'cheque-repit-ccas').status, 'unknown', 'commune unknown');
  // in the Nièvre the département's variant replaces the national aide-ménagère
  const inNievre = run({ ...olderAtHome, 'demandeur.gir': 5, 'demandeur.age': 62, 'demandeur.depcom': '58194' }, DATE, merged);
  assert.equal(get(inNievre, 'aide-menagere'), undefined);
  assert.equal(get(inNievre, 'aide-menagere-58').status, 'probable', 'open from 60 in the variant');
  const elsewhere = run({ ...olderAtHome, 'demandeur.gir': 5, 'demandeur.depcom': '21231' }, DATE, merged);
  assert.equal(get(elsewhere, 'aide-menagere-58'), undefined);
  assert.ok(get(elsewhere, 'aide-menagere'));
});

test('an invalid catalogue is rejected with a message naming the faulty entry', () => {
  const bad = structuredClone(local('ccas-val-de-nievre.json'));
  bad.benefits[0].conditions.all[0].op = 'environ';
  assert.throws(() => parseCatalogue(bad), (e) => e instanceof CatalogueError && /aide « cheque-repit-ccas »/.test(e.message) && /benefits\[0\]\.conditions/.test(e.message));
  const missingParam = structuredClone(local('ccas-val-de-nievre.json'));
  missingParam.benefits[0].amount.param = 'inexistant';
  assert.throws(() => parseCatalogue(missingParam), /le paramètre « inexistant » n’existe pas/);
  assert.throws(() => parseCatalogue({ id: 'x', label: 'X', benefits: [] }), /benefits : vide/);
  assert.throws(() => evaluate(national, {}, {}), /date/);
});

test('validity dates of a benefit', () => {
  const c = structuredClone(local('ccas-val-de-nievre.json'));
  c.benefits[0].validUntil = '2026-06-30';
  const cat = parseCatalogue(c);
  assert.equal(evaluate(cat, { 'demandeur.depcom': '58079' }, { date: '2026-11-23' }).results.length, 0);
  assert.equal(evaluate(cat, { 'demandeur.depcom': '58079' }, { date: '2026-05-01' }).results.length, 1);
});

test('stale parameters: the MTP not revalued since April 2025 is reported (CI warning)', () => {
  const stale = staleParameters(national, DATE);
  assert.ok(stale.some((s) => s.id === 'mtp' && s.expected === '2026-04-01'));
  assert.ok(!stale.some((s) => s.id === 'aah_montant'));
  assert.ok(!stale.some((s) => s.id === 'apa_plafond_gir1'), 'APA ceilings are revalued in January: 2026 values are current');
  assert.deepEqual(staleParameters(national, '2027-01-02').map((s) => s.id).sort(), ['aeeh_complement_6', 'ajpa_jour', 'apa_plafond_gir1', 'apa_plafond_gir2', 'apa_plafond_gir3', 'apa_plafond_gir4', 'ash_minimum_laisse', 'aspa_couple', 'aspa_seul', 'mtp'].sort());
  for (const [id, p] of Object.entries(national.parameters)) {
    assert.ok(p.source, `${id}: source`);
    assert.ok(p.revaluation, `${id}: revaluation rule`);
  }
  for (const s of stale) console.warn(`⚠ paramètre à revaloriser : ${s.label} — dernière valeur au ${s.lastSince}, revalorisation attendue au ${s.expected}`);
});

test('the JSON Schema of the format is generated and matches the committed file', () => {
  const schema = catalogueJsonSchema();
  const committed = JSON.parse(readFileSync(new URL('../../catalogue.schema.json', import.meta.url), 'utf8'));
  assert.deepEqual(committed, JSON.parse(JSON.stringify(schema)));
});

test('questions that make no sense after an answer are not asked (RSDAE after « pas de handicap reconnu »)', () => {
  const q = (a) => run(a).nextQuestions.map((n) => n.fact);
  assert.ok(q({ 'demandeur.age': 35, 'demandeur.taux_incapacite': '50-79' }).includes('demandeur.rsdae'));
  assert.ok(!q({ 'demandeur.age': 35, 'demandeur.taux_incapacite': 'aucun' }).includes('demandeur.rsdae'));
  assert.ok(!q({ 'demandeur.age': 70, 'demandeur.difficultes_activites': 'aucune' }).includes('demandeur.criteres_pch_avant_60_ans'));
  assert.ok(!q({ 'aidant.est_aidant': false }).includes('aidant.activite_professionnelle'));
});

test('a person living alone: the household resources are their own (AAH), never for a couple', () => {
  const r = get(run({ ...adultDisabled, 'demandeur.en_couple': false, 'foyer.ressources_mensuelles': 300 }), 'aah');
  assert.equal(r.amount.value, 741.59);
  const c = get(run({ ...adultDisabled, 'demandeur.en_couple': true }), 'aah');
  assert.equal(c.status, 'unknown');
  assert.ok(run({ ...adultDisabled, 'demandeur.en_couple': true }).nextQuestions.some((q) => q.fact === 'demandeur.ressources_propres'));
  const single = get(run({ ...olderAtHome, 'foyer.ressources_mensuelles': 950 }), 'aspa');
  assert.ok(!single.criteria.some((c) => /couple/.test(c.text)), 'no couple ceiling shown to a single person');
});

test('resources: the person and the partner only, never the children, parents or other occupants (CSS L821-3, L815-9); earnings part asked; hint leaves out what is not counted', () => {
  const foyer = FACTS.find((f) => f.id === 'foyer.ressources_mensuelles');
  assert.match(foyer.question, /de la personne, et de son conjoint s’il y en a un/);
  assert.match(foyer.hint, /^Sans celles des enfants, des parents ou des autres personnes du logement\./);
  assert.match(foyer.hint, /Sans l’AAH, l’ASPA, les aides au logement ni les prestations familiales/);
  assert.ok(FACTS.some((f) => f.id === 'demandeur.revenus_activite' && f.type === 'number'));
  // a single person's own resources give the ASPA's too (a site presetting only them)
  assert.equal(get(run({ ...olderAtHome, 'foyer.ressources_mensuelles': undefined, 'demandeur.ressources_propres': 700 }), 'aspa').amount.value, 343.6);
  // « pas encore de demande à la MDPH » is never a definite « non »
  const pending = get(run({ ...adultDisabled, 'demandeur.taux_incapacite': 'pas-demande' }), 'aah');
  assert.equal(pending.status, 'unknown');
  assert.ok(!run({ ...adultDisabled, 'demandeur.taux_incapacite': 'pas-demande' }).nextQuestions.some((q) => q.fact === 'demandeur.taux_incapacite' || q.fact === 'demandeur.rsdae'), 'not asked again');
});

test('a person living alone is asked the household resources once, not their own resources as well', () => {
  const q = (a) => run(a).nextQuestions.map((n) => n.fact);
  const alone = q({ 'demandeur.age': 35, 'demandeur.taux_incapacite': '80-plus', 'demandeur.en_couple': false });
  assert.ok(alone.includes('foyer.ressources_mensuelles'));
  assert.ok(!alone.includes('demandeur.ressources_propres'));
  const couple = q({ 'demandeur.age': 35, 'demandeur.taux_incapacite': '80-plus', 'demandeur.en_couple': true });
  assert.ok(couple.includes('demandeur.ressources_propres'));
});

test('answers never leave: evaluate is pure (same input, same output, input untouched)', () => {
  const answers = Object.freeze({ ...olderAtHome });
  assert.deepEqual(run(answers), run(answers));
});

test('evaluate() of the whole national catalogue stays fast: p95 ≤ 5 ms over 1 000 random answer sets', () => {
  let seed = 2026;
  const rand = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const sets = Array.from({ length: 1000 }, () => {
    const a = {};
    for (const f of FACTS) {
      if (rand() < 0.3) continue;
      if (f.type === 'number') a[f.id] = Math.round((f.min ?? 0) + rand() * ((f.max ?? 5000) - (f.min ?? 0)));
      else if (f.type === 'boolean') a[f.id] = rand() < 0.5;
      else if (f.type === 'choice') a[f.id] = f.options[Math.floor(rand() * f.options.length)].value;
    }
    return a;
  });
  for (let i = 0; i < 100; i++) run(sets[i]);
  const measure = () => {
    const times = sets.map((s) => {
      const t = performance.now();
      run(s);
      return performance.now() - t;
    }).sort((a, b) => a - b);
    return times[Math.floor(times.length * 0.95)];
  };
  // the machine is shared (tests run in parallel): the best of three runs is the engine's own cost
  const p95 = Math.min(measure(), measure(), measure());
  assert.ok(p95 <= 5, `p95 ${p95.toFixed(2)} ms`);
});

test('audit of issue 13: sentences shown together never contradict each other, say once what one answer leaves open, and date values as the rest of the SDK (« 1er »)', () => {
  const texts = (a, id) => get(run(a), id).criteria.map((c) => c.text);
  // the age not given: the group's own sentence, not one « possible à partir de … » per route
  const ash = texts({ 'demandeur.taux_incapacite': 'aucun', 'demandeur.lieu_de_vie': 'etablissement' }, 'ash');
  assert.ok(ash.includes('Avant 65 ans, l’ASH suppose une inaptitude au travail reconnue (à partir de 60 ans) ou un handicap : l’âge ou le taux d’incapacité ne sont pas indiqués (CASF L113-1, L241-1).'), ash.join('\n'));
  assert.ok(!ash.some((t) => /^L’ASH est possible à partir de (60|65) ans/.test(t)), ash.join('\n'));
  // the CMI: the age and the GIR only concern the card granted with the APA
  const cmi = texts({ 'demandeur.taux_incapacite': 'aucun' }, 'cmi');
  assert.ok(!cmi.some((t) => /^La CMI est possible à partir de 60 ans|^La CMI demande un GIR 1 ou 2 :/.test(t)), cmi.join('\n'));
  assert.ok(cmi.includes('À partir de 60 ans, la carte est accordée d’office avec l’APA en GIR 1 ou 2 : l’âge de la personne n’est pas indiqué (CASF L241-3).'), cmi.join('\n'));
  // « pas encore de demande à la MDPH »: one sentence with both articles, and no RSDAE question that is not asked
  const aah = get(run({ ...adultDisabled, 'demandeur.taux_incapacite': 'pas-demande' }), 'aah');
  assert.equal(aah.status, 'unknown');
  const pending = aah.criteria.filter((c) => /MDPH/.test(c.text));
  assert.deepEqual(pending.map((c) => c.text), ['Aucune demande n’a encore été faite à la MDPH ; c’est la MDPH qui évalue le taux d’incapacité : l’AAH est à vérifier (CSS L821-1, L821-2).']);
  // where the person lives, not given: one sentence for the aide-ménagère
  const am = texts({}, 'aide-menagere').filter((t) => /chez soi|chez elles/.test(t));
  assert.deepEqual(am, ['L’aide-ménagère concerne les personnes qui vivent chez elles ou chez un proche, parfois en résidence autonomie : le lieu de vie n’est pas indiqué (CASF L231-1).']);
  // the carer's rights: no « demande que la demande »
  for (const id of ['ajpa', 'conge-proche-aidant']) for (const t of texts({}, id)) assert.doesNotMatch(t, /demande que la demande/, t);
  // a value both unconfirmed and past a revaluation: its date, « à confirmer », then the revaluation not yet known
  const ajpa = get(run({ 'aidant.est_aidant': true, 'aidant.activite_professionnelle': true, 'demandeur.gir': 2 }, '2026-12-02'), 'ajpa');
  assert.deepEqual(ajpa.amount.notes, ['Allocation journalière du proche aidant : montant au 1er janvier 2026, valeur à confirmer — la revalorisation de juin 2026 n’est pas encore connue.']);
  for (const r of run({}).results) for (const t of [r.amount.basis, ...r.criteria.map((c) => c.text)]) assert.doesNotMatch(t, /1ᵉʳ/, t);
});
