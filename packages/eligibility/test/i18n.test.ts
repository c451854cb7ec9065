import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/define.js';
import type { RelaisEligibility } from '../src/eligibility.js';
import { messages, inLang, TRIAGE } from '../src/messages.js';

type Priv = { current: string | null };
const $ = <T extends Element = HTMLElement>(el: Element, sel: string) => el.shadowRoot!.querySelector<T>(sel);
const $$ = (el: Element, sel: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(sel)];
const cur = (el: RelaisEligibility) => (el as unknown as Priv).current;

async function answer(el: RelaisEligibility, value: string | number | boolean): Promise<void> {
  const id = cur(el);
  const text = $<HTMLInputElement>(el, '#answer');
  if (text) text.value = String(value);
  else ($$(el, 'input[name="answer"]').find((r) => (r as HTMLInputElement).value === String(value)) as HTMLInputElement).click();
  $<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
  await waitUntil(() => cur(el) !== id || $(el, '#answer-error'), `answered ${id}`);
}

/** An older person at home (the answers of the French journey test). */
const OLDER: Record<string, string | number | boolean> = {
  who: 'me', 'demandeur.age': 82, 'demandeur.gir': 3, 'demandeur.lieu_de_vie': 'domicile', 'demandeur.residence_stable_france': true, 'demandeur.en_couple': false,
  'foyer.ressources_mensuelles': 950, 'demandeur.taux_incapacite': 'aucun', 'aidant.activite_professionnelle': false, 'demandeur.difficultes_activites': 'deux-graves',
  'demandeur.criteres_pch_avant_60_ans': false, 'demandeur.en_activite': false, 'demandeur.inapte_travail': false, 'demandeur.rsdae': false, 'demandeur.frais_hebergement': 0,
  'demandeur.depcom': '58500', 'demandeur.sante_gene_travail': false, 'demandeur.mobilite_reduite': false, 'demandeur.enfants_a_charge': 0,
  'demandeur.a_charge_prestations_familiales': false, 'demandeur.aeeh_complement': false, 'demandeur.ressources_propres': 950,
  'demandeur.tierce_personne': 'non', 'aidant.salarie': false, 'demandeur.revenus_activite': 0,
};

describe('<relais-eligibility> in French and in English', () => {
  it('asks in English under lang="en": the widget’s words, the facts’ English wording, the options’ English labels', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div lang="en"><relais-eligibility date="2026-11-23"></relais-eligibility></div>`);
    const el = wrap.querySelector('relais-eligibility') as RelaisEligibility;
    await waitUntil(() => $(el, 'form'), 'rendered', { timeout: 5000 });
    expect($(el, 'legend')!.textContent).to.match(/Who is this simulation for\?/);
    await answer(el, 'me');
    expect(cur(el)).to.equal('demandeur.age');
    expect($(el, 'label[for="answer"], legend')!.textContent).to.match(/How old is the person\?/);
  });

  it('dates an amount « value as of 1 January 2026 » in English, « valeur au 1ᵉʳ janvier 2026 » in French', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div lang="en"><relais-eligibility date="2026-11-23"></relais-eligibility></div>`);
    const el = wrap.querySelector('relais-eligibility') as RelaisEligibility;
    await waitUntil(() => $(el, 'form'), 'rendered', { timeout: 5000 });
    for (let i = 0; i < 30 && cur(el); i++) await answer(el, OLDER[cur(el)!]!);
    const apa = $(el, '#b-apa-domicile')!.closest('article')!;
    expect(apa.querySelector('.amount')!.textContent).to.match(/value as of 1 January 2026/);
    expect(messages.fr.asOf).to.be.a('function');
    expect((messages.fr.asOf as (p: Record<string, unknown>) => string)({ date: '2026-01-01' })).to.equal('valeur au 1ᵉʳ janvier 2026');
  });

  it('has an English message for every French one; inLang picks the wording of the language asked', () => {
    expect(Object.keys(messages.fr).filter((k) => !(k in messages.en))).to.deep.equal([]);
    expect(inLang('en', TRIAGE[0]!.label, TRIAGE[0]!.labelEn)).to.equal('Never');
    expect(inLang('fr', TRIAGE[0]!.label, TRIAGE[0]!.labelEn)).to.equal('Jamais');
  });
});
