// Journey review (review-journeys.md, Serious 5–7): results speak of the person asked about, an estimated GIR is never a
// fact, amounts of 0 € are never shown. Expected values written from the texts and the review before the engine change.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluate, nationalCatalogue, prepareCatalogue, FACTS } from '@relais/eligibility/headless';

const DATE = '2026-11-23';
const national = prepareCatalogue(nationalCatalogue);
const run = (answers) => evaluate(national, answers, { date: DATE });
const get = (ev, id) => ev.results.find((r) => r.id === id);

// the 82-year-old mother in Clamecy, living at home, 1 200 € a month, taux d'incapacité not given
const mother = { 'demandeur.age': 82, 'demandeur.lieu_de_vie': 'domicile', 'demandeur.residence_stable_france': true, 'demandeur.en_couple': false, 'foyer.ressources_mensuelles': 1200 };

test('an amount of 0 € is never given: « montant à calculer » instead (AAH for the 82-year-old mother)', () => {
  const ev = run(mother);
  for (const r of ev.results) {
    if (r.status === 'not_eligible') continue;
    const a = r.amount;
    assert.ok(!(a.kind === 'exact' || a.kind === 'estimate') || a.value > 0, `${r.id}: ${a.kind} ${a.value} (${a.basis})`);
    assert.ok(!(a.kind === 'range' && a.max === 0), `${r.id}: range up to 0`);
  }
  const aah = get(ev, 'aah');
  assert.equal(aah.amount.kind, 'none');
  assert.match(aah.amount.basis, /^Montant à calculer/);
});

test('an estimated GIR is never stated as a fact, and what rests on it is « probable », never « éligible »', () => {
  const answers = { ...mother, 'demandeur.gir': 4, 'demandeur.gir_estime': true, 'aidant.est_aidant': true, 'aidant.salarie': true, 'aidant.activite_professionnelle': true };
  const ev = run(answers);
  for (const id of ['apa-domicile', 'ajpa', 'conge-proche-aidant']) {
    const r = get(ev, id);
    assert.equal(r.status, 'probable', `${id}: ${r.criteria.map((c) => c.text).join(' | ')}`);
    assert.ok(r.evaluation, `${id}: who evaluates`);
    const gir = r.criteria.filter((c) => c.fact === 'demandeur.gir');
    assert.ok(gir.length, id);
    for (const c of gir) {
      assert.doesNotMatch(c.text, /^La personne est en GIR/, `${id}: ${c.text}`);
      assert.match(c.text, /^D’après vos réponses, la personne serait en GIR 4 ; ce n’est qu’une estimation, seule l’équipe du département évalue le GIR/, `${id}: ${c.text}`);
    }
  }
  // an evaluated GIR keeps the plain sentence, and AJPA stays « éligible »
  const known = run({ ...answers, 'demandeur.gir_estime': undefined });
  assert.equal(get(known, 'ajpa').status, 'eligible');
  assert.ok(get(known, 'ajpa').criteria.some((c) => c.text.startsWith('La personne est en GIR 4')));
});

test('the carer’s own rights are flagged as such (AJPA, congé de proche aidant), so « pour moi » can leave them out', () => {
  const ev = run({ ...mother, 'aidant.est_aidant': false });
  assert.deepEqual(ev.results.filter((r) => r.forCarer).map((r) => r.id), ['ajpa', 'conge-proche-aidant']);
});

test('where the person lives is asked before the cost of an establishment', () => {
  const f = FACTS.find((x) => x.id === 'demandeur.frais_hebergement');
  assert.equal(f.askIf?.fact, 'demandeur.lieu_de_vie');
  assert.ok(f.askIf.notIn.includes('domicile'));
  // 45 years old, nothing else: the cost is not among the next questions at home
  const ev = run({ 'demandeur.age': 45, 'demandeur.lieu_de_vie': 'domicile' });
  assert.ok(!ev.nextQuestions.some((q) => q.fact === 'demandeur.frais_hebergement'), ev.nextQuestions.map((q) => q.fact).join(', '));
});

test('a value past its revaluation says the new amount is not known yet, in plain French', () => {
  const apa = get(run({ ...mother, 'demandeur.gir': 2 }), 'apa-domicile');
  assert.ok(apa.amount.notes.some((n) => n.includes('la revalorisation d’avril 2026 n’est pas encore connue')), apa.amount.notes.join('\n'));
});

test('legal references read as words and leave the sentence (« Textes » detail)', async () => {
  const { readableLegal, splitLegal } = await import('@relais/eligibility/headless');
  assert.equal(readableLegal('CASF R232-4'), 'article R232-4 du code de l’action sociale et des familles');
  assert.equal(readableLegal('CSS L168-8, CT D3142-8'), 'article L168-8 du code de la sécurité sociale, article D3142-8 du code du travail');
  assert.equal(readableLegal('CASF L232-1 à L232-7, R232-1'), 'articles L232-1 à L232-7, R232-1 du code de l’action sociale et des familles');
  assert.equal(readableLegal('Décret n° 2022-1037 du 22 juillet 2022'), 'Décret n° 2022-1037 du 22 juillet 2022');
  assert.deepEqual(splitLegal('La personne a 58 ans ; l’APA n’est possible qu’à partir de 60 ans (CASF L232-2, R232-1).'), { text: 'La personne a 58 ans ; l’APA n’est possible qu’à partir de 60 ans.', refs: ['CASF L232-2, R232-1'] });
  assert.deepEqual(splitLegal('Une partie des revenus n’est pas comptée (abattement de 0,9 SMIC pour une personne seule, CSS R815-29) : à vérifier.'), { text: 'Une partie des revenus n’est pas comptée (abattement de 0,9 SMIC pour une personne seule) : à vérifier.', refs: ['CSS R815-29'] });
  assert.deepEqual(splitLegal('Sans RQTH (AAH, CMI invalidité : CT L5212-13).'), { text: 'Sans RQTH (AAH, CMI invalidité).', refs: ['CT L5212-13'] });
  assert.deepEqual(splitLegal('D’après vos réponses, la personne serait en GIR 4 ; ce n’est qu’une estimation, seule l’équipe du département évalue le GIR (CT D3142-8).').text, 'D’après vos réponses, la personne serait en GIR 4 ; ce n’est qu’une estimation, seule l’équipe du département évalue le GIR.');
});
