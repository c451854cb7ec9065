import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '@relais/core/provider.js';
import '@relais/directory/define.js';
import '@relais/eligibility/define.js';
import '@relais/pathway/define.js';
import type { RelaisPathway } from '@relais/pathway';
import { startMeasurement, callbackSink, serverSink, markHandoff, type MeasurementEvent, type RelaisProvider, type RelaisSearchEvent } from '@relais/core';
import type { RelaisDirectory } from '@relais/directory';
import type { RelaisEligibility, RelaisResultEvent } from '@relais/eligibility';

// Every event is checked by the test server (tests/server/measure-check.mjs): measurement-v1.schema.json with Ajv
// 2020, the POST /indicateurs/evenements envelope of indicators-openapi.json, and a deny-list of keys and value shapes.
type Run = { batches: MeasurementEvent[][]; errors: string[]; refused: number; headers: Array<{ cookie: string | null; contentType: string | null; referer: string | null }> };
const received = async (run: string): Promise<Run> => (await fetch(`/measure/${run}/received`)).json() as Promise<Run>;
const newRun = () => `m${Date.now()}${Math.floor(Math.random() * 1e6)}`;
const endpoint = (run: string, q = '') => `/measure/${run}/indicateurs/evenements${q}`;

const $ = <T extends Element = HTMLElement>(el: Element, sel: string) => el.shadowRoot!.querySelector<T>(sel);
const $$ = (el: Element, sel: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(sel)];
const settled = (el: RelaisDirectory) => waitUntil(() => (el as unknown as { status: string }).status === 'idle' && /trouvé|found|Aucun/i.test($(el, '.status')?.textContent ?? ''), 'results shown', { timeout: 8000 });

/** Runs one search and waits for its relais-search event. */
async function search(el: RelaisDirectory, act: () => void): Promise<RelaisSearchEvent> {
  const got = new Promise<RelaisSearchEvent>((resolve) => el.addEventListener('relais-search', (e) => resolve(e), { once: true }));
  act();
  const e = await got;
  await settled(el);
  return e;
}
function typeInto(input: HTMLInputElement, value: string) {
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}

/** Words a person could type: some find services, some find none. */
const WORDS = ['aide a domicile', 'ehpad', 'repit', 'portage de repas', 'mdph', 'ccas', 'zzqxw violences conjugales', 'dette surendettement xqz', 'transport', 'accueil de jour'];

type Priv = { current: string | null };
const cur = (el: RelaisEligibility) => (el as unknown as Priv).current;
/** Answers the current question like a keyboard user (as packages/eligibility/test/eligibility.test.ts). */
async function answer(el: RelaisEligibility, value: string | number | boolean): Promise<void> {
  const id = cur(el);
  const text = $<HTMLInputElement>(el, '#answer');
  if (text) text.value = String(value);
  else ($$(el, 'input[name="answer"]').find((r) => (r as HTMLInputElement).value === String(value)) as HTMLInputElement).click();
  $<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
  await waitUntil(() => cur(el) !== id || $(el, '#answer-error'), `answered ${id}`);
}
/** An older person at home (packages/eligibility/test/eligibility.test.ts). */
const OLDER: Record<string, string | number | boolean> = {
  who: 'me', 'demandeur.age': 82, 'demandeur.gir': 3, 'demandeur.lieu_de_vie': 'domicile', 'demandeur.residence_stable_france': true, 'demandeur.en_couple': false,
  'foyer.ressources_mensuelles': 950, 'demandeur.taux_incapacite': 'aucun', 'aidant.activite_professionnelle': false, 'demandeur.difficultes_activites': 'deux-graves',
  'demandeur.criteres_pch_avant_60_ans': false, 'demandeur.en_activite': false, 'demandeur.inapte_travail': false, 'demandeur.rsdae': false, 'demandeur.frais_hebergement': 0,
  'demandeur.depcom': '58500', 'demandeur.sante_gene_travail': false, 'demandeur.mobilite_reduite': false, 'demandeur.enfants_a_charge': 0,
  'demandeur.a_charge_prestations_familiales': false, 'demandeur.aeeh_complement': false, 'demandeur.ressources_propres': 950,
  'demandeur.tierce_personne': 'non', 'aidant.salarie': false, 'demandeur.revenus_activite': 0,
};

describe('measurement', () => {
  afterEach(() => sessionStorage.clear());

  it('is off by default: no request and no _paq push, whatever the widgets do', async () => {
    const paq: unknown[] = [];
    const pushes: unknown[] = [];
    paq.push = (...c: unknown[]) => (pushes.push(...c), 0);
    (window as unknown as { _paq: unknown[] })._paq = paq;
    const sent: string[] = [];
    const realFetch = window.fetch;
    window.fetch = (input, init) => (sent.push(String(input instanceof Request ? input.url : input)), realFetch(input, init));
    try {
      const wrap = await fixture<RelaisProvider>(html`<relais-provider src="/examples/data/nievre.json"><relais-directory departements="58"></relais-directory></relais-provider>`);
      const el = wrap.querySelector('relais-directory') as RelaisDirectory;
      await settled(el);
      for (const w of ['ehpad', 'zzqxw']) await search(el, () => typeInto($<HTMLInputElement>(el, '#what')!, w));
      window.dispatchEvent(new Event('pagehide'));
      await new Promise((r) => setTimeout(r, 300));
      expect(pushes).to.deep.equal([]);
      expect(sent.filter((u) => /indicateurs|measure/.test(u))).to.deep.equal([]);
    } finally {
      window.fetch = realFetch;
      delete (window as unknown as { _paq?: unknown[] })._paq;
    }
  });

  it('50 scripted searches (some with no result) become 50 schema-valid events, posted in batches the contract accepts', async function () {
    this.timeout(120000);
    const run = newRun();
    const got: MeasurementEvent[] = [];
    const stop = startMeasurement({ sinks: [callbackSink((e) => got.push(e)), serverSink(endpoint(run), { delayMs: 200 })] });
    const wrap = await fixture<HTMLDivElement>(`<div><relais-directory src="/examples/data/nievre.json" departements="58"></relais-directory></div>`);
    const el = wrap.querySelector('relais-directory') as RelaisDirectory;
    await settled(el);
    await waitUntil(() => got.length === 1, 'the first search measured');
    const first = got.splice(0);
    const expected: Array<{ total: number; need?: string }> = [];
    const tiles = () => $$(el, '.tile');
    for (let i = 0; expected.length < 50; i++) {
      if (i % 5 === 4) {
        // a need tile: on, then off (two searches)
        const tile = tiles()[i % tiles().length]!;
        const needId = ['domicile', 'etablissement', 'aidants', 'droits', 'papiers', 'information', 'transport', 'handicap', 'lien'][i % tiles().length];
        const typed = $<HTMLInputElement>(el, '#what')!;
        if (typed.value) {
          const e = await search(el, () => typeInto(typed, ''));
          expected.push({ total: e.total });
        }
        const on = await search(el, () => tile.click());
        expected.push({ total: on.total, need: needId });
        if (expected.length >= 50) break;
        const off = await search(el, () => tile.click());
        expected.push({ total: off.total });
      } else {
        const e = await search(el, () => typeInto($<HTMLInputElement>(el, '#what')!, WORDS[i % WORDS.length]!));
        expected.push({ total: e.total });
      }
    }
    await waitUntil(() => got.length >= 50, `50 events (${got.length})`, { timeout: 5000 });
    stop();
    expect(got.length).to.equal(expected.length);
    expect(got.map((e) => (e.type === 'recherche' ? e.resultats : -1))).to.deep.equal(expected.map((x) => x.total));
    expect(got.map((e) => (e.type === 'recherche' ? e.besoin : 'x'))).to.deep.equal(expected.map((x) => x.need));
    expect(expected.filter((x) => x.total === 0).length, 'searches with no result').to.be.greaterThan(4);
    expect(expected.filter((x) => x.need).length, 'need tiles').to.be.greaterThan(4);
    for (const e of got) {
      expect(e).to.include({ v: 1, type: 'recherche', origine: 'directe', site: location.hostname });
      expect(e.type === 'recherche' && e.zone).to.deep.equal({ niveau: 'aucune' });
    }
    const json = JSON.stringify(got);
    for (const w of ['zzqxw', 'violences', 'conjugales', 'surendettement', 'xqz', 'ehpad', 'ccas']) expect(json).to.not.include(w);
    // the server sink posted them all, in batches of 50 at most, that the contract accepts
    await waitUntil(async () => (await received(run)).batches.flat().length === 51, 'all posted', { timeout: 5000 });
    const r = await received(run);
    expect(r.errors).to.deep.equal([]);
    expect(r.batches.every((b) => b.length >= 1 && b.length <= 50)).to.equal(true);
    expect(r.batches.flat()).to.deep.equal([...first, ...got]);
    expect(r.headers.every((h) => h.contentType === 'application/json' && h.cookie === null && h.referer === null)).to.equal(true);
  });

  it('20 eligibility runs become 20 events with benefit ids, statuses and the EPCI — never an answer', async function () {
    this.timeout(60000);
    const run = newRun();
    const got: MeasurementEvent[] = [];
    const stop = startMeasurement({ sinks: [callbackSink((e) => got.push(e)), serverSink(endpoint(run), { delayMs: 100 })] });
    const widget: Array<RelaisResultEvent['results']> = [];
    const onResult = (e: Event) => widget.push((e as RelaisResultEvent).results);
    document.addEventListener('relais-result', onResult);
    for (let i = 0; i < 20; i++) {
      const answers: Record<string, string | number | boolean> = { ...OLDER, 'demandeur.age': [82, 67, 91, 75, 62][i % 5]!, 'demandeur.gir': (i % 6) + 1, 'foyer.ressources_mensuelles': [950, 2400, 600, 1300][i % 4]!, 'demandeur.ressources_propres': [950, 2400, 600, 1300][i % 4]! };
      const el = await fixture<RelaisEligibility>(html`<relais-eligibility date="2026-11-23"></relais-eligibility>`);
      await waitUntil(() => $(el, 'form'), 'rendered', { timeout: 5000 });
      for (let q = 0; q < 30 && cur(el); q++) await answer(el, answers[cur(el)!]!);
      await waitUntil(() => widget.length === i + 1, `results of run ${i + 1}`, { timeout: 5000 });
      el.remove();
      sessionStorage.clear();
    }
    document.removeEventListener('relais-result', onResult);
    stop();
    await waitUntil(() => got.length === 20, `20 events (${got.length})`, { timeout: 5000 });
    // every commune of postcode 58500 is in the CC Haut Nivernais-Val d'Yonne, SIREN 200067429 (@etalab/decoupage-administratif)
    for (const e of got) expect(e.type === 'eligibilite' && e.zone).to.deep.equal({ niveau: 'epci', code: '200067429' });
    expect(got.map((e) => (e.type === 'eligibilite' ? e.resultats : null))).to.deep.equal(widget.map((rs) => rs.map((r) => ({ aide: r.id, statut: r.status }))));
    expect(got.every((e) => e.type === 'eligibilite' && e.resultats.length > 0)).to.equal(true);
    expect(new Set(got.flatMap((e) => (e.type === 'eligibilite' ? e.resultats.map((r) => r.statut) : []))).size, 'several statuses').to.be.greaterThan(1);
    const json = JSON.stringify(got);
    for (const a of ['58500', '580', 'demandeur', 'ressources', '"age"', '950', '2400']) expect(json).to.not.include(a);
    await waitUntil(async () => (await received(run)).batches.flat().length === 20, 'all posted', { timeout: 5000 });
    const r = await received(run);
    expect(r.errors).to.deep.equal([]);
    expect(r.batches.flat()).to.deep.equal(got);
  });

  it('<relais-provider mesure-matomo> pushes site searches to a stub _paq (as Matomo\'s snippet makes it) — and stops when the provider leaves the page', async () => {
    const _paq: unknown[][] = [];
    (window as unknown as { _paq: unknown[][] })._paq = _paq;
    try {
      const wrap = await fixture<RelaisProvider>(html`<relais-provider src="/examples/data/nievre.json" mesure-matomo><relais-directory departements="58"></relais-directory></relais-provider>`);
      const el = wrap.querySelector('relais-directory') as RelaisDirectory;
      await settled(el);
      await waitUntil(() => _paq.length === 1, 'first search pushed', { timeout: 5000 });
      const zero = await search(el, () => typeInto($<HTMLInputElement>(el, '#what')!, 'zzqxw'));
      const tile = await search(el, () => $$(el, '.tile')[0]!.click());
      await waitUntil(() => _paq.length === 3, 'three site searches');
      expect(zero.total).to.equal(0);
      expect(_paq[0]!.slice(0, 3)).to.deep.equal(['trackSiteSearch', 'toutes-thematiques', 'aucune-zone']);
      expect(_paq[1]).to.deep.equal(['trackSiteSearch', 'toutes-thematiques', 'aucune-zone', 0]);
      expect(_paq[2]).to.deep.equal(['trackSiteSearch', 'domicile', 'aucune-zone', tile.total]);
      expect(JSON.stringify(_paq)).to.not.include('zzqxw');
      // a provider taken off the page measures nothing more
      wrap.remove();
      await new Promise((r) => setTimeout(r, 50));
      const { RelaisSearchEvent: Search } = await import('@relais/core');
      el.dispatchEvent(new Search(3, { thematiques: [], publics: [], commune: null }));
      await new Promise((r) => setTimeout(r, 100));
      expect(_paq.length).to.equal(3);
    } finally {
      delete (window as unknown as { _paq?: unknown[] })._paq;
    }
  });

  it('<relais-provider mesure-endpoint> posts to the endpoint; a hand-off from eligibility carries its origin and benefit, not in the URL', async function () {
    this.timeout(30000);
    const run = newRun();
    const before = location.href;
    const wrap = await fixture<RelaisProvider>(html`<relais-provider src="/examples/data/nievre.json" mesure-endpoint=${endpoint(run)}><relais-eligibility date="2026-11-23"></relais-eligibility><relais-directory departements="58"></relais-directory></relais-provider>`);
    const elig = wrap.querySelector('relais-eligibility') as RelaisEligibility;
    const dir = wrap.querySelector('relais-directory') as RelaisDirectory;
    await settled(dir);
    await waitUntil(() => $(elig, 'form'), 'rendered', { timeout: 5000 });
    for (let q = 0; q < 30 && cur(elig); q++) await answer(elig, OLDER[cur(elig)!]!);
    await waitUntil(() => $(elig, '.results'), 'results');
    const find = $$(elig, '.benefit button.link').find((b) => /Trouver/.test(b.textContent!))!;
    const benefit = find.closest('article')!.getAttribute('aria-labelledby')!.slice(2);
    const handed = await search(dir, () => find.click());
    expect(location.href).to.equal(before);
    window.dispatchEvent(new Event('pagehide'));
    await waitUntil(async () => (await received(run)).batches.flat().some((e) => e.type === 'recherche' && e.origine === 'eligibilite'), 'hand-off posted', { timeout: 5000 });
    const r = await received(run);
    expect(r.errors).to.deep.equal([]);
    const events = r.batches.flat();
    expect(events.filter((e) => e.type === 'eligibilite').length).to.equal(1);
    const h = events.find((e) => e.type === 'recherche' && e.origine === 'eligibilite');
    expect(h).to.deep.include({ aide: benefit, resultats: handed.total, zone: { niveau: 'epci', code: '200067429' } });
    expect(events.filter((e) => e.type === 'recherche' && e.origine === 'directe').length).to.equal(1, 'the first search only');
    expect(sessionStorage.getItem('relais-mesure-origine')).to.equal(null, 'the marker is used once');
  });

  it('a hand-off marker is written only while measuring, read once, and ignored when stale or forged', async () => {
    await new Promise((r) => setTimeout(r, 100)); // the providers of the tests before have stopped
    markHandoff({ origin: 'eligibilite', benefit: 'aah' });
    expect(sessionStorage.getItem('relais-mesure-origine')).to.equal(null);
    const stop = startMeasurement({ sinks: [] });
    markHandoff({ origin: 'parcours' });
    expect(JSON.parse(sessionStorage.getItem('relais-mesure-origine')!)).to.include({ origin: 'parcours' });
    stop();
    const { takeHandoff, toMeasurement, RelaisSearchEvent: Search } = await import('@relais/core');
    expect(takeHandoff().origin).to.equal('parcours');
    expect(takeHandoff()).to.deep.equal({ origin: 'directe' });
    sessionStorage.setItem('relais-mesure-origine', JSON.stringify({ origin: 'eligibilite', benefit: 'aah', at: Date.now() - 11 * 60 * 1000 }));
    expect(takeHandoff()).to.deep.equal({ origin: 'directe' });
    sessionStorage.setItem('relais-mesure-origine', JSON.stringify({ origin: 'tracker', at: Date.now() }));
    expect(takeHandoff()).to.deep.equal({ origin: 'directe' });
    // a forged benefit never reaches a measurement event
    sessionStorage.setItem('relais-mesure-origine', JSON.stringify({ origin: 'eligibilite', benefit: 'Mme Dupont', at: Date.now() }));
    const m = await toMeasurement(new Search(0, { thematiques: [], publics: [], commune: null }));
    expect(m).to.include({ origine: 'eligibilite' });
    expect(m && 'aide' in m).to.equal(false);
  });

  it('a pathway view measures its template and which steps with a deadline are late', async () => {
    const got: MeasurementEvent[] = [];
    const stop = startMeasurement({ sinks: [callbackSink((e) => got.push(e))] });
    const events = [
      { stepId: 'depot', kind: 'done' as const, date: '2026-03-12' },
      { stepId: 'recevabilite', kind: 'done' as const, date: '2026-04-01' },
      { stepId: 'evaluation', kind: 'started' as const, date: '2026-04-10' },
    ];
    const el = await fixture<RelaisPathway>(html`<relais-pathway template-id="mdph" today="2026-07-20" .events=${events}></relais-pathway>`);
    await waitUntil(() => got.length === 1, 'pathway measured');
    const overdue = el.schedule!.steps.filter((st) => st.status === 'overdue').map((st) => st.id);
    expect(overdue.length).to.be.greaterThan(0);
    const m = got[0]!;
    expect(m.type).to.equal('parcours');
    if (m.type !== 'parcours') return;
    expect(m.modele).to.equal('mdph');
    expect(m.etapes.filter((x) => x.statut === 'en_retard').map((x) => x.etape)).to.deep.equal(overdue);
    el.today = '2026-06-01';
    await waitUntil(() => got.length === 2, 'statuses changed');
    const again = got[1]!;
    expect(again.type === 'parcours' && again.etapes.every((x) => x.statut === 'a_temps')).to.equal(true);
    el.requestUpdate();
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 50));
    expect(got.length).to.equal(2, 'not again for the same statuses');
    stop();
  });

  it('the server sink retries a failed batch once, then drops it; it never sends a cookie', async () => {
    document.cookie = 'relais-test=1; path=/';
    const run = newRun();
    const sink = serverSink(endpoint(run, '?status=503'), { delayMs: 100 });
    sink.send({ v: 1, type: 'fiche', jour: '2026-12-02', modele: 'orientation', etat: 'envoyee' });
    await waitUntil(async () => (await received(run)).refused === 2, 'tried twice', { timeout: 3000 });
    await new Promise((r) => setTimeout(r, 400));
    const r = await received(run);
    expect(r.refused).to.equal(2);
    expect(r.headers.every((x) => x.cookie === null)).to.equal(true);
    sink.close!();
    document.cookie = 'relais-test=; max-age=0; path=/';
  });

  it('the server sink sends 120 events as batches of 50, 50 and 20, and what is pending when the page is hidden', async () => {
    const run = newRun();
    const sink = serverSink(endpoint(run), { delayMs: 60000 });
    const ev = { v: 1 as const, type: 'fiche' as const, jour: '2026-12-02', modele: 'orientation', etat: 'envoyee' as const };
    for (let i = 0; i < 120; i++) sink.send(ev);
    await waitUntil(async () => (await received(run)).batches.length === 2, 'two full batches', { timeout: 3000 });
    window.dispatchEvent(new Event('pagehide'));
    await waitUntil(async () => (await received(run)).batches.length === 3, 'the rest on pagehide', { timeout: 3000 });
    expect((await received(run)).batches.map((b) => b.length).sort()).to.deep.equal([20, 50, 50]);
    sink.close!();
  });
});
