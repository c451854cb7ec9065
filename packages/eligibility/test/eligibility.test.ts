import { expect, fixture, html, waitUntil, oneEvent } from '@open-wc/testing';
import '@relais/core/provider.js';
import '../src/define.js';
import type { RelaisEligibility } from '../src/eligibility.js';
import type { RelaisProvider } from '@relais/core';
import { messages, inLang, TRIAGE } from '../src/messages.js';

type Priv = { current: string | null; answers: Record<string, unknown> };
const $ = <T extends Element = HTMLElement>(el: Element, sel: string) => el.shadowRoot!.querySelector<T>(sel);
const $$ = (el: Element, sel: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(sel)];
const cur = (el: RelaisEligibility) => (el as unknown as Priv).current;

/** Answers the current question like a keyboard user: focus the control, choose, press Continue. */
async function answer(el: RelaisEligibility, value: string | number | boolean): Promise<void> {
  const id = cur(el);
  const text = $<HTMLInputElement>(el, '#answer');
  if (text) {
    text.focus();
    text.value = String(value);
  } else {
    const radio = $$(el, 'input[name="answer"]').find((r) => (r as HTMLInputElement).value === String(value)) as HTMLInputElement;
    expect(radio, `option ${value} of ${id}`).to.exist;
    radio.focus();
    radio.click();
  }
  $<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
  await waitUntil(() => cur(el) !== id || $(el, '#answer-error'), `answered ${id}`);
}

const ready = async (el: RelaisEligibility) => waitUntil(() => $(el, 'form, .results'), 'rendered', { timeout: 5000 });

/** Older person at home: answers whatever the engine asks. */
const OLDER: Record<string, string | number | boolean> = {
  who: 'me', 'demandeur.age': 82, 'demandeur.gir': 3, 'demandeur.lieu_de_vie': 'domicile', 'demandeur.residence_stable_france': true, 'demandeur.en_couple': false,
  'foyer.ressources_mensuelles': 950, 'demandeur.taux_incapacite': 'aucun', 'aidant.activite_professionnelle': false, 'demandeur.difficultes_activites': 'deux-graves',
  'demandeur.criteres_pch_avant_60_ans': false, 'demandeur.en_activite': false, 'demandeur.inapte_travail': false, 'demandeur.rsdae': false, 'demandeur.frais_hebergement': 0,
  'demandeur.depcom': '58500', 'demandeur.sante_gene_travail': false, 'demandeur.mobilite_reduite': false, 'demandeur.enfants_a_charge': 0,
  'demandeur.a_charge_prestations_familiales': false, 'demandeur.aeeh_complement': false, 'demandeur.ressources_propres': 950,
  'demandeur.tierce_personne': 'non', 'aidant.salarie': false, 'demandeur.revenus_activite': 0,
};

async function runThrough(el: RelaisEligibility, answers: Record<string, string | number | boolean>, max = 20): Promise<void> {
  for (let i = 0; i < max && cur(el); i++) await answer(el, answers[cur(el)!]!);
}

describe('<relais-eligibility>', () => {
  it('keyboard flow, one question at a time, to grouped results with reasons; axe clean', async () => {
    const el = await fixture<RelaisEligibility>(html`<relais-eligibility date="2026-11-23"></relais-eligibility>`);
    await ready(el);
    expect($(el, 'legend')!.textContent).to.match(/Pour qui faites-vous la simulation/);
    await expect(el).to.be.accessible();
    await answer(el, 'me');
    expect(el.shadowRoot!.activeElement?.id).to.equal('question-title');
    await runThrough(el, OLDER);
    expect(cur(el)).to.equal(null);
    await waitUntil(() => el.shadowRoot!.activeElement?.id === 'results-title', 'focus on the results');
    const yes = $(el, '[aria-labelledby="g-yes"]')!;
    expect(yes.textContent).to.match(/Allocation personnalisée d’autonomie \(APA\) à domicile/);
    expect(yes.textContent).to.match(/Probablement éligible, après évaluation/);
    expect(yes.textContent).to.match(/jusqu’à 1\s215,99\s€ par mois/);
    expect(yes.textContent).to.match(/Allocation de solidarité aux personnes âgées/);
    const no = $<HTMLDetailsElement>(el, '[aria-labelledby="g-no"] details')!;
    expect(no.open).to.equal(false, '« Pourquoi pas ? » folded');
    expect(no.textContent).to.match(/Condition non remplie : La personne est en GIR 3 ; l’aide-ménagère demande un GIR 5 ou 6 ; en GIR 1 à 4, c’est l’APA qui aide à domicile\./);
    await expect(el).to.be.accessible();
  });

  it('an invalid answer is explained next to the field, which keeps focus and the value', async () => {
    const el = await fixture<RelaisEligibility>(html`<relais-eligibility date="2026-11-23"></relais-eligibility>`);
    await ready(el);
    await answer(el, 'me');
    expect(cur(el)).to.equal('demandeur.age');
    await answer(el, 'soixante');
    const err = $(el, '#answer-error')!;
    expect(err.textContent).to.equal('Indiquez un nombre entre 0 et 120, par exemple 72.');
    const input = $<HTMLInputElement>(el, '#answer')!;
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(input.getAttribute('aria-describedby')).to.include('answer-error');
    expect(input.value).to.equal('soixante');
    await waitUntil(() => el.shadowRoot!.activeElement === input, 'focus on the field');
  });

  it('back and forward: the previous question comes back with its answer; skip leaves it unknown', async () => {
    const el = await fixture<RelaisEligibility>(html`<relais-eligibility date="2026-11-23"></relais-eligibility>`);
    await ready(el);
    await answer(el, 'relative');
    await answer(el, 75);
    const second = cur(el);
    $$(el, 'button').find((b) => /Question précédente/.test(b.textContent!))!.click();
    await el.updateComplete;
    expect(cur(el)).to.equal('demandeur.age');
    expect($<HTMLInputElement>(el, '#answer')!.value).to.equal('75');
    await answer(el, 75);
    expect(cur(el)).to.equal(second);
    $$(el, 'button').find((b) => /Je ne sais pas/.test(b.textContent!))!.click();
    await el.updateComplete;
    expect(cur(el)).to.not.equal(second);
    expect((el as unknown as Priv).answers[second!]).to.equal(undefined);
  });

  it('GIR through a short triage when it is not known', async () => {
    const el = await fixture<RelaisEligibility>(html`<relais-eligibility date="2026-11-23"></relais-eligibility>`);
    await ready(el);
    await answer(el, 'me');
    for (let i = 0; i < 10 && cur(el) !== 'demandeur.gir'; i++) await answer(el, OLDER[cur(el)!]!);
    expect(cur(el)).to.equal('demandeur.gir');
    $$(el, 'input[name="answer"]').find((r) => (r as HTMLInputElement).value === '__triage')!.click();
    $<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
    await el.updateComplete;
    expect($(el, 'legend')!.textContent).to.match(/besoin d’aide/);
    await answer(el, 4);
    expect((el as unknown as Priv).answers['demandeur.gir']).to.equal(4);
  });

  it('FALC wording', async () => {
    const el = await fixture<RelaisEligibility>(html`<relais-eligibility falc date="2026-11-23"></relais-eligibility>`);
    await ready(el);
    await answer(el, 'me');
    for (let i = 0; i < 10 && cur(el) !== 'demandeur.lieu_de_vie'; i++) await answer(el, OLDER[cur(el)!]!);
    expect($(el, 'legend')!.textContent).to.match(/Où habite la personne \?/);
    expect($(el, 'label[for="answer-0"]')!.textContent).to.equal('Chez elle ou chez un proche');
  });

  it('"Où faire la demande ?" opens the directory on the right structure kind near the commune (provider)', async () => {
    const p = await fixture<RelaisProvider>(html`<relais-provider><relais-eligibility date="2026-11-23"></relais-eligibility></relais-provider>`);
    const el = p.querySelector('relais-eligibility') as RelaisEligibility;
    await ready(el);
    await runThrough(el, OLDER);
    const btn = $$(el, '[aria-labelledby="g-yes"] button.link').find((b) => /Conseil départemental/.test(b.textContent!))!;
    btn.click();
    const req = p.store.takeRequest()!;
    expect(req.from).to.equal('eligibility');
    expect(req.typologies).to.deep.equal(['conseil-departemental']);
    expect(req.commune).to.equal('58079');
  });

  it('relais-result carries ids and statuses only; answers stay out of storage unless "remember"', async () => {
    sessionStorage.clear();
    const el = await fixture<RelaisEligibility>(html`<relais-eligibility date="2026-11-23"></relais-eligibility>`);
    await ready(el);
    const done = oneEvent(el, 'relais-result');
    await runThrough(el, OLDER);
    const e = (await done) as unknown as { results: Array<Record<string, unknown>> };
    expect(Object.keys(e.results[0]!)).to.deep.equal(['id', 'status']);
    expect(JSON.stringify(e.results)).to.not.match(/82|950|58079/);
    expect(sessionStorage.length).to.equal(0);
  });

  it('"remember" keeps nothing sensitive in clear in sessionStorage: AES-GCM ciphertext, non-extractable key in IndexedDB; a reload restores; « Recommencer » forgets', async () => {
    sessionStorage.clear();
    const kept = await fixture<RelaisEligibility>(html`<relais-eligibility remember date="2026-11-23"></relais-eligibility>`);
    await ready(kept);
    await answer(kept, 'me');
    const secret: Record<string, string | number | boolean> = { ...OLDER, 'demandeur.age': 77, 'demandeur.gir': 4, 'demandeur.taux_incapacite': '50-79', 'foyer.ressources_mensuelles': 1234.56, 'demandeur.ressources_propres': 1234.56 };
    await runThrough(kept, secret);
    await (kept as unknown as { saving: Promise<void> }).saving;
    const stored = Object.keys(sessionStorage).map((k) => `${k}=${sessionStorage.getItem(k)}`).join('\n');
    expect(stored).to.include('relais-eligibility-answers');
    // only { v, iv, data } in base64: no fact id, no answer in clear (needles that base64 cannot produce by chance)
    for (const needle of ['"demandeur.age":77', 'demandeur', 'ressources', 'domicile', '1234.56', '50-79', '58500', '58079', 'aidant']) expect(stored, needle).to.not.include(needle);
    const box = JSON.parse(sessionStorage.getItem('relais-eligibility-answers')!) as { v: number; iv: string; data: string };
    expect(Object.keys(box)).to.deep.equal(['v', 'iv', 'data']);
    expect(box.data).to.match(/^[A-Za-z0-9+/]+=*$/);
    expect(atob(box.data)).to.not.include('demandeur');
    expect(box.v).to.equal(1);
    expect(atob(box.iv).length).to.equal(12);
    expect(localStorage.getItem('relais-eligibility-answers')).to.equal(null);
    // the key is a non-extractable AES-GCM CryptoKey in IndexedDB
    const key = await new Promise<CryptoKey>((resolve, reject) => {
      const open = indexedDB.open('relais-eligibility');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const req = open.result.transaction('keys').objectStore('keys').get('session-answers');
        req.onsuccess = () => {
          open.result.close();
          resolve(req.result as CryptoKey);
        };
      };
    });
    expect(key.extractable).to.equal(false);
    expect(key.algorithm.name).to.equal('AES-GCM');
    // a reload (a new element) restores the answers from the ciphertext
    const again = await fixture<RelaisEligibility>(html`<relais-eligibility remember date="2026-11-23"></relais-eligibility>`);
    await waitUntil(() => (again as unknown as Priv).answers['demandeur.age'] === 77, 'answers restored', { timeout: 5000 });
    expect((again as unknown as Priv).answers['demandeur.gir']).to.equal(4);
    // « Recommencer » forgets both the ciphertext and the key
    $$(again, 'button').find((b) => /Recommencer/.test(b.textContent!))!.click();
    await (again as unknown as { saving: Promise<void> }).saving;
    expect(sessionStorage.getItem('relais-eligibility-answers')).to.equal(null);
    sessionStorage.clear();
  });

  it('every amount and criterion shows its date, and when a value is stale or to confirm; a not-eligible aide shows its exceptions and where to ask', async () => {
    const el = await fixture<RelaisEligibility>(html`<relais-eligibility date="2026-11-23"></relais-eligibility>`);
    await ready(el);
    await runThrough(el, { ...OLDER, who: 'me', 'demandeur.age': 35, 'demandeur.taux_incapacite': '80-plus', 'demandeur.ressources_propres': 300, 'foyer.ressources_mensuelles': 300 });
    const aah = $(el, '#b-aah')!.closest('article')!;
    expect(aah.textContent).to.match(/Montant maximal de l’AAH : montant au 1er avril 2026, valeur à confirmer\./);
    expect(aah.querySelector('.value-note.warn')!.textContent).to.match(/montant au 1er avril 2026, valeur à confirmer/);
    const apaNo = $(el, '#b-apa-domicile')!.closest('article')!;
    expect(apaNo.classList.contains('not_eligible')).to.equal(true);
    expect(apaNo.textContent).to.match(/Exceptions possibles, à vérifier/);
    expect(apaNo.textContent).to.match(/Où se renseigner : Conseil départemental/);
    await expect(el).to.be.accessible();
  });

  it('flow: empty commune field then its name in the summary; an estimated GIR says so; question numbers never repeat; prerequisites first; distinct « Modifier » names', async () => {
    const el = await fixture<RelaisEligibility>(html`<relais-eligibility date="2026-11-23"></relais-eligibility>`);
    await ready(el);
    const asked: string[] = [];
    const numbers: string[] = [];
    const flow: Record<string, string | number | boolean> = { ...OLDER, who: 'relative', 'aidant.est_aidant': false, 'demandeur.taux_incapacite': 'aucun', 'demandeur.frais_hebergement': 1400 };
    for (let i = 0; i < 30 && cur(el); i++) {
      const id = cur(el)!;
      numbers.push($(el, '.progress')!.textContent!.split('·')[0]!.trim());
      if (id === 'demandeur.depcom') expect($<HTMLInputElement>(el, '#answer')!.value, 'commune field not pre-filled with the previous answer').to.equal('');
      if (id === 'demandeur.gir') {
        // through the triage: a step of its own, with its own number
        $$(el, 'input[name="answer"]').find((r) => (r as HTMLInputElement).value === '__triage')!.click();
        $<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
        await el.updateComplete;
        numbers.push($(el, '.progress')!.textContent!.split('·')[0]!.trim());
        await answer(el, 4);
        asked.push(id);
        continue;
      }
      asked.push(id);
      await answer(el, flow[id]!);
    }
    expect(cur(el)).to.equal(null);
    expect(new Set(numbers).size, numbers.join(', ')).to.equal(numbers.length);
    if (asked.includes('demandeur.criteres_pch_avant_60_ans')) expect(asked.indexOf('demandeur.difficultes_activites')).to.be.lessThan(asked.indexOf('demandeur.criteres_pch_avant_60_ans'));
    const summary = $(el, '.answers')!.textContent!;
    expect(summary).to.match(/Clamecy \(58500\)/);
    expect(summary).to.not.match(/58079/);
    expect(summary).to.match(/GIR 4 — aide pour se lever, la toilette, l’habillage \(estimation par le questionnaire, à faire évaluer par le département\)/);
    const names = $$(el, '.answers button').map((b) => b.textContent!.replace(/\s+/g, ' ').trim());
    expect(new Set(names).size).to.equal(names.length);
    // results about a relative never say « vous avez … ans »
    expect($(el, '.results')!.textContent).to.not.match(/Vous avez \d+ ans/);
    expect($(el, '#g-yes')!.textContent).to.match(/Votre proche est probablement éligible/);
    // editing the commune shows its name, which is accepted as is
    $$(el, '.answers button').find((b) => /commune/.test(b.textContent!))!.click();
    await el.updateComplete;
    expect($<HTMLInputElement>(el, '#answer')!.value).to.equal('Clamecy (58500)');
    await answer(el, 'Clamecy (58500)');
    expect($(el, '#answer-error')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('journey review: « pour moi » without a carer lists no carer’s right (a one-line pointer instead); legal references in words in « Textes »; « 1er janvier »; plain « montant à confirmer »; axe clean', async () => {
    const el = await fixture<RelaisEligibility>(html`<relais-eligibility date="2026-11-23"></relais-eligibility>`);
    await ready(el);
    await runThrough(el, { ...OLDER, who: 'me' }, 30);
    expect(cur(el)).to.equal(null);
    expect($(el, '#b-ajpa'), 'AJPA is the carer’s right').to.equal(null);
    expect($(el, '#b-conge-proche-aidant'), 'the carer’s leave').to.equal(null);
    expect($(el, '.carer-pointer')!.textContent).to.match(/^Si un proche vous aide, il peut avoir droit à l’allocation journalière du proche aidant \(AJPA\) et au congé de proche aidant : c’est lui qui les demande\.$/);
    // what the public reads, outside the « Textes » details: no raw code
    const results = $(el, '.results')!.cloneNode(true) as HTMLElement;
    results.querySelectorAll('details.sources').forEach((d) => d.remove());
    expect(results.textContent).to.not.match(/\b(CASF|CSS|CT) [LRD]\d/);
    expect(results.textContent).to.not.match(/Valeur à vérifier|valeur à vérifier/);
    const apa = $(el, '#b-apa-domicile')!.closest('article')!;
    expect(apa.querySelector('.amount')!.textContent).to.match(/valeur au 1er janvier 2026/);
    expect(apa.textContent).to.match(/Montant à confirmer : Majoration pour tierce personne \(MTP\) : montant au 1er avril 2025 — la revalorisation d’avril 2026 n’est pas encore connue\./);
    expect(apa.querySelector('details.sources')!.textContent).to.match(/article R232-4 du code de l’action sociale et des familles/);
    expect(apa.querySelector('details.sources')!.textContent).to.match(/articles L232-1 à L232-7, R232-1, R232-4, R232-10, R232-11, D232-31 du code de l’action sociale et des familles/);
    await expect(el).to.be.accessible();
  });

  it('journey review: with an estimated GIR the carer’s rights are « probablement éligible, après évaluation », and the GIR is an estimate', async () => {
    const known = Object.fromEntries(Object.entries(OLDER).filter(([k]) => k !== 'who'));
    const el = await fixture<RelaisEligibility>(html`<relais-eligibility date="2026-11-23" .presetAnswers=${{ ...known, 'demandeur.gir': 4, 'demandeur.gir_estime': true, 'aidant.est_aidant': true, 'aidant.salarie': true, 'aidant.activite_professionnelle': true }}></relais-eligibility>`);
    await waitUntil(() => $(el, '.results'), 'results');
    for (const id of ['ajpa', 'conge-proche-aidant', 'apa-domicile']) {
      const card = $(el, `#b-${id}`)!.closest('article')!;
      expect(card.querySelector('.status')!.textContent, id).to.match(/^Probablement éligible, après évaluation/);
      expect(card.textContent, id).to.match(/D’après vos réponses, la personne serait en GIR 4 ; ce n’est qu’une estimation, seule l’équipe du département évalue le GIR/);
      expect(card.textContent, id).to.not.match(/La personne est en GIR 4/);
    }
    expect($(el, '.carer-pointer')).to.equal(null);
  });

  it('journey review: where the person lives is asked before the cost of the establishment', async () => {
    const el = await fixture<RelaisEligibility>(html`<relais-eligibility date="2026-11-23"></relais-eligibility>`);
    await ready(el);
    const asked: string[] = [];
    const flow: Record<string, string | number | boolean> = { ...OLDER, who: 'relative', 'aidant.est_aidant': false, 'demandeur.age': 45, 'demandeur.taux_incapacite': '80-plus', 'demandeur.lieu_de_vie': 'etablissement', 'demandeur.frais_hebergement': 1400 };
    for (let i = 0; i < 30 && cur(el); i++) {
      asked.push(cur(el)!);
      await answer(el, flow[cur(el)!]!);
    }
    expect(asked).to.include('demandeur.frais_hebergement');
    expect(asked.indexOf('demandeur.lieu_de_vie'), asked.join(', ')).to.be.lessThan(asked.indexOf('demandeur.frais_hebergement'));
  });

  it('a text field never arrives with the previous answer in it (the commune after a cost typed in)', async () => {
    const known = Object.fromEntries(Object.entries(OLDER).filter(([k]) => k !== 'who' && k !== 'demandeur.frais_hebergement' && k !== 'demandeur.depcom'));
    const el = await fixture<RelaisEligibility>(html`<relais-eligibility date="2026-11-23" .presetAnswers=${{ ...known, 'aidant.est_aidant': false, 'demandeur.lieu_de_vie': 'etablissement' }}></relais-eligibility>`);
    await waitUntil(() => $(el, '.results'), 'results');
    $$(el, '.results > .actions button').find((b) => /Modifier mes réponses/.test(b.textContent!))!.click();
    await el.updateComplete;
    expect(cur(el)).to.equal('demandeur.frais_hebergement');
    await answer(el, 1400);
    expect(cur(el)).to.equal('demandeur.depcom');
    expect($<HTMLInputElement>(el, '#answer')!.value).to.equal('');
  });

  it('« pour un proche » and « je suis l’aidant » give the same results for the same situation', async () => {
    const statuses = async (who: string, carerAnswer: boolean) => {
      const el = await fixture<RelaisEligibility>(html`<relais-eligibility date="2026-11-23"></relais-eligibility>`);
      await ready(el);
      await runThrough(el, { ...OLDER, who, 'aidant.est_aidant': carerAnswer, 'aidant.activite_professionnelle': true }, 30);
      return el.evaluation!.results.map((r) => `${r.id}:${r.status}`).join(' ');
    };
    const carer = await statuses('carer', true);
    expect(carer).to.match(/ajpa:eligible/);
    expect(await statuses('relative', true)).to.equal(carer);
  });

  it('the questions of the legal review work in the flow: « pas encore de demande à la MDPH », résidence autonomie, the earnings part, the carer an employee; axe clean', async () => {
    const el = await fixture<RelaisEligibility>(html`<relais-eligibility date="2026-11-23"></relais-eligibility>`);
    await ready(el);
    const flow: Record<string, string | number | boolean> = {
      ...OLDER, who: 'carer', 'aidant.activite_professionnelle': true, 'aidant.salarie': false, 'demandeur.lieu_de_vie': 'residence-autonomie',
      'demandeur.taux_incapacite': 'pas-demande', 'foyer.ressources_mensuelles': 1300, 'demandeur.revenus_activite': 600,
    };
    const asked: string[] = [];
    for (let i = 0; i < 40 && cur(el); i++) {
      const id = cur(el)!;
      asked.push(id);
      if (id === 'demandeur.lieu_de_vie') expect($$(el, 'input[name="answer"]').map((r) => (r as HTMLInputElement).value)).to.include.members(['residence-autonomie', 'accueil-familial']);
      if (id === 'demandeur.taux_incapacite') expect($(el, 'fieldset')!.textContent).to.match(/Pas encore de demande à la MDPH/);
      await answer(el, flow[id]!);
    }
    expect(cur(el)).to.equal(null);
    expect(asked).to.include.members(['aidant.salarie', 'demandeur.revenus_activite', 'demandeur.tierce_personne']);
    const status = (id: string) => el.evaluation!.results.find((r) => r.id === id)!.status;
    expect(status('apa-domicile'), 'a résidence autonomie is home for the APA (CASF L232-5)').to.equal('probable');
    expect(status('conge-proche-aidant'), 'the congé is an employee’s right (CT L3142-16)').to.equal('not_eligible');
    expect(status('ajpa')).to.equal('eligible');
    expect(status('aspa'), 'over the ceiling only because of earnings: à vérifier (CSS R815-29)').to.equal('unknown');
    expect(status('cmi'), 'no application to the MDPH yet: à vérifier').to.equal('unknown');
    await waitUntil(() => $(el, '.results'), 'results');
    const text = $(el, '.results')!.textContent!.replace(/\s+/g, ' ');
    expect(text).to.match(/Aucune demande n’a encore été faite à la MDPH ; c’est la MDPH qui évalue le taux d’incapacité : l’AAH est à vérifier\./);
    // said once for the AAH (its two rate routes), with no RSDAE line: that question is not asked before the MDPH
    const aah = $(el, '#b-aah')!.closest('article')!.textContent!;
    expect(aah.split('Aucune demande n’a encore été faite à la MDPH').length - 1).to.equal(1);
    expect(aah).to.not.match(/RSDAE/);
    expect(text).to.match(/Le congé de proche aidant est réservé aux salariés/);
    await expect(el).to.be.accessible();
  });

  it('presetAnswers: results shown at once, the commune named, nothing stored', async () => {
    sessionStorage.clear();
    const el = await fixture<RelaisEligibility>(html`<relais-eligibility date="2026-11-23" .presetAnswers=${{ 'aidant.est_aidant': false, 'demandeur.age': 82, 'demandeur.gir': 3, 'demandeur.lieu_de_vie': 'domicile', 'demandeur.residence_stable_france': true, 'demandeur.en_couple': false, 'foyer.ressources_mensuelles': 950, 'demandeur.depcom': '58079' }}></relais-eligibility>`);
    await waitUntil(() => $(el, '.results'), 'results', { timeout: 5000 });
    await waitUntil(() => /Clamecy \(58500\)/.test($(el, '.answers')!.textContent!), 'commune named', { timeout: 5000 });
    expect($(el, '#g-yes')!.textContent).to.match(/Vous êtes probablement éligible/);
    expect(sessionStorage.length).to.equal(0);
  });

  it('a local catalogue is merged by territory; hostile strings in it render inert', async () => {
    (window as unknown as { __pwned?: number }).__pwned = undefined;
    const evil = '<img src=x onerror="window.__pwned=1">';
    const local = {
      id: 'hostile', label: 'Test', territory: { communes: ['58079'], label: `Clamecy ${evil}` },
      benefits: [{ id: 'aide-test', label: `Aide ${evil}`, conditions: { fact: 'aidant.est_aidant', op: 'eq', value: false, explain: { met: `OK ${evil}`, not_met: 'non', unknown: '?' } }, nextSteps: { where: `Guichet ${evil}`, link: 'javascript:alert(1)' }, sources: [evil] }],
    };
    const el = await fixture<RelaisEligibility>(html`<relais-eligibility date="2026-11-23" .extraCatalogues=${[local]}></relais-eligibility>`);
    await ready(el);
    await runThrough(el, OLDER);
    expect($(el, '#b-aide-test')!.textContent).to.include('<img');
    expect(el.shadowRoot!.querySelectorAll('img').length).to.equal(0);
    for (const a of el.shadowRoot!.querySelectorAll('a')) expect(a.getAttribute('href')).to.match(/^https?:/);
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('an invalid catalogue file is rejected with a clear message naming the faulty entry; the national aides still work', async () => {
    const errors: string[] = [];
    const el = await fixture<RelaisEligibility>(html`<relais-eligibility date="2026-11-23" catalogues="/packages/eligibility/test/fixtures/catalogue-invalide.json" @relais-error=${(e: Event & { message: string }) => errors.push(e.message)}></relais-eligibility>`);
    await waitUntil(() => $(el, '[role="alert"]'), 'error shown', { timeout: 5000 });
    expect($(el, '[role="alert"]')!.textContent).to.match(/catalogue-invalide\.json : Catalogue invalide \(aide « aide-cassee »\) — benefits\[0\]\.conditions/);
    expect(errors[0]).to.match(/aide-cassee/);
    expect($(el, 'form')).to.exist;
  });
});

describe('<relais-eligibility> in French and in English', () => {
  it('asks in English under lang="en": the widget’s words, the facts’ English wording, the options’ English labels', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div lang="en"><relais-eligibility date="2026-11-23"></relais-eligibility></div>`);
    const el = wrap.querySelector('relais-eligibility') as RelaisEligibility;
    await waitUntil(() => $(el, 'form'), 'rendered', { timeout: 5000 });
    await el.updateComplete; // the English messages arrive on demand (French meanwhile)
    expect($(el, 'legend')!.textContent).to.match(/Who is this simulation for\?/);
    await answer(el, 'me');
    expect(cur(el)).to.equal('demandeur.age');
    expect($(el, 'label[for="answer"], legend')!.textContent).to.match(/How old is the person\?/);
  });

  it('dates an amount « value as of 1 January 2026 » in English, « valeur au 1er janvier 2026 » in French', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div lang="en"><relais-eligibility date="2026-11-23"></relais-eligibility></div>`);
    const el = wrap.querySelector('relais-eligibility') as RelaisEligibility;
    await waitUntil(() => $(el, 'form'), 'rendered', { timeout: 5000 });
    await el.updateComplete; // the English messages arrive on demand (French meanwhile)
    for (let i = 0; i < 30 && cur(el); i++) await answer(el, OLDER[cur(el)!]!);
    const apa = $(el, '#b-apa-domicile')!.closest('article')!;
    expect(apa.querySelector('.amount')!.textContent).to.match(/value as of 1 January 2026/);
    expect(messages.fr.asOf).to.be.a('function');
    expect((messages.fr.asOf as (p: Record<string, unknown>) => string)({ date: '2026-01-01' })).to.equal('valeur au 1er janvier 2026');
  });

  it('has an English message for every French one; inLang picks the wording of the language asked', async () => {
    await messages.loadEn(); // the English is its own module, loaded on demand
    expect(Object.keys(messages.fr).filter((k) => !(k in messages.en))).to.deep.equal([]);
    expect(inLang('en', TRIAGE[0]!.label, TRIAGE[0]!.labelEn)).to.equal('Never');
    expect(inLang('fr', TRIAGE[0]!.label, TRIAGE[0]!.labelEn)).to.equal('Jamais');
  });
});
