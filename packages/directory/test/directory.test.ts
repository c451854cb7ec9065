import { expect, fixture, html, waitUntil, oneEvent } from '@open-wc/testing';
import '@relais/core/provider.js';
import '../src/define.js';
import { createClient, RelaisError, type RelaisClient, type RelaisProvider, type SearchQuery, type Dataset, type RelaisSearchEvent } from '@relais/core';
import type { RelaisDirectory } from '../src/directory.js';

const $ = <T extends Element = HTMLElement>(el: RelaisDirectory, sel: string) => el.shadowRoot!.querySelector<T>(sel);
const $$ = (el: RelaisDirectory, sel: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(sel)];
const statusText = (el: RelaisDirectory) => $(el, '.status')?.textContent?.trim() ?? '';
const titles = (el: RelaisDirectory) => $$(el, '.title-link').map((b) => b.textContent!.trim());
const settled = (el: RelaisDirectory) => waitUntil(() => /trouvé|found/.test(statusText(el)) && (el as unknown as { status: string }).status === 'idle', 'results shown', { timeout: 8000 });

async function typeInto(input: HTMLInputElement, value: string) {
  input.focus();
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}

async function standalone(attrs = ''): Promise<RelaisDirectory> {
  const wrap = await fixture<HTMLDivElement>(`<div><relais-directory src="/examples/data/nievre.json" departements="58" ${attrs}></relais-directory></div>`);
  const el = wrap.querySelector('relais-directory') as RelaisDirectory;
  await settled(el);
  return el;
}

describe('<relais-directory>', () => {
  it('shows results with a count in a live region, and is accessible', async () => {
    const el = await standalone();
    expect(statusText(el)).to.match(/\d+ services trouvés/);
    const live = $(el, '#live')!;
    expect(live.getAttribute('role')).to.equal('status');
    expect(live.textContent).to.match(/services trouvés/);
    expect($$(el, '.item').length).to.equal(10);
    await expect(el).to.be.accessible();
  });

  it('typing a need in plain words finds it; typing fast never shows stale results', async () => {
    const el = await standalone();
    const what = $<HTMLInputElement>(el, '#what')!;
    for (const v of ['a', 'ai', 'aid', 'aide', 'aide a', 'aide a dom', 'aide a domicile']) await typeInto(what, v);
    await settled(el);
    await waitUntil(() => titles(el).length > 0 && titles(el).every((t) => /domicile/i.test(t)), 'home help results', { timeout: 5000 });
    await typeInto(what, 'maison de retraite');
    await typeInto(what, 'MDPH');
    await waitUntil(() => /MDPH|autonomie/i.test(titles(el)[0] ?? ''), 'MDPH first', { timeout: 5000 });
  });

  it('need tiles filter, show a removable chip, and facet counts appear in filters', async () => {
    const el = await standalone();
    const total = Number(statusText(el).match(/\d+/)![0]);
    const tile = $$(el, '.tile').find((b) => /établissement/.test(b.textContent!))!;
    tile.click();
    await el.updateComplete;
    expect(tile.getAttribute('aria-pressed')).to.equal('true');
    await settled(el);
    const filtered = Number(statusText(el).match(/\d+/)![0]);
    expect(filtered).to.be.lessThan(total);
    const chip = $(el, '.chip')!;
    expect(chip.getAttribute('aria-label')).to.match(/Retirer le filtre : Trouver un établissement/);
    expect($(el, 'label[for="kind-ehpad"]')!.textContent).to.match(/EHPAD \(\d+\)/);
    chip.click();
    await settled(el);
    expect(Number(statusText(el).match(/\d+/)![0])).to.equal(total);
    expect($(el, '.chip')).to.equal(null);
  });

  it('place autocomplete by keyboard: "clam" → Clamecy, results near it sorted by distance', async () => {
    const el = await standalone();
    const where = $<HTMLInputElement>(el, '#where')!;
    await typeInto(where, 'clam');
    await waitUntil(() => $$(el, '[role="option"]').length > 0, 'suggestions', { timeout: 5000 });
    expect(where.getAttribute('aria-expanded')).to.equal('true');
    where.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true, composed: true }));
    await el.updateComplete;
    expect(where.getAttribute('aria-activedescendant')).to.match(/-0$/);
    expect($$(el, '[role="option"]')[0]!.textContent).to.match(/Clamecy/);
    where.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
    await settled(el);
    expect(statusText(el)).to.match(/près de Clamecy/);
    const d = $$(el, '.distance').map((x) => parseFloat(x.textContent!.replace(',', '.')) * (/ m$/.test(x.textContent!) ? 0.001 : 1));
    expect(d).to.deep.equal([...d].sort((a, b) => a - b));
  });

  it('an unknown place: error next to the field, in the same shadow root, focus on the field', async () => {
    const el = await standalone();
    const where = $<HTMLInputElement>(el, '#where')!;
    await typeInto(where, 'Zzzville');
    $<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
    await waitUntil(() => $(el, '#where-error'), 'error shown', { timeout: 5000 });
    expect($(el, '#where-error')!.textContent).to.match(/Commune introuvable/);
    expect(where.getAttribute('aria-invalid')).to.equal('true');
    expect(where.getAttribute('aria-describedby')).to.include('where-error');
    expect(el.shadowRoot!.activeElement).to.equal(where);
    await expect(el).to.be.accessible();
  });

  it('keyboard: open a detail, heading focused; back restores focus to the same result', async () => {
    const el = await standalone();
    const second = $$(el, '.title-link')[1]!;
    const name = second.textContent!.trim();
    second.focus();
    setTimeout(() => second.click());
    const ev = await oneEvent(el, 'relais-select');
    expect((ev as unknown as { serviceId: string }).serviceId).to.be.a('string');
    await el.updateComplete;
    await waitUntil(() => el.shadowRoot!.activeElement?.id === 'detail-title', 'detail heading focused');
    expect($(el, '#detail-title')!.textContent!.trim()).to.equal(name);
    expect($(el, '.detail')!.textContent).to.match(/Horaires/);
    await expect(el).to.be.accessible();
    $$(el, '.detail-actions button')[0]!.click();
    await waitUntil(() => el.shadowRoot!.activeElement?.textContent?.trim() === name, 'focus back on the result');
  });

  it('empty results say why and offer to widen', async () => {
    const el = await standalone();
    await typeInto($<HTMLInputElement>(el, '#what')!, 'qwxzv');
    await waitUntil(() => $(el, '.empty'), 'empty state', { timeout: 5000 });
    expect($(el, '.empty')!.textContent).to.match(/Aucun service ne correspond/);
    const clear = [...$(el, '.empty')!.querySelectorAll('button')].find((b) => /sans les mots/.test(b.textContent!))!;
    clear.click();
    await settled(el);
    expect($$(el, '.item').length).to.be.greaterThan(0);
  });

  it('a failing source: French message, retry button, the last good results are kept', async () => {
    const flaky: RelaisClient = createClient({ source: 'static', url: '/examples/data/nievre.json' });
    let failing = false;
    const search = flaky.search.bind(flaky);
    flaky.search = (q: SearchQuery, o?: { channel?: string }) => (failing ? Promise.reject(new RelaisError('http', { status: 503 })) : search(q, o));
    flaky.refresh = () => (failing = false);
    const el = await fixture<RelaisDirectory>(html`<relais-directory .client=${flaky} departements="58"></relais-directory>`);
    await settled(el);
    const before = titles(el);
    failing = true;
    const errEvent = oneEvent(el, 'relais-error');
    await typeInto($<HTMLInputElement>(el, '#what')!, 'ehpad');
    const err = (await errEvent) as unknown as { message: string };
    expect(err.message).to.match(/indisponible \(erreur 503\)/);
    await el.updateComplete;
    expect($(el, '[part="error"]')!.getAttribute('role')).to.equal('alert');
    expect(titles(el)).to.deep.equal(before);
    const retry = [...$(el, '[part="error"]')!.querySelectorAll('button')][0]!;
    retry.click();
    await waitUntil(() => !$(el, '[part="error"]') && titles(el)[0] !== before[0], 'recovered', { timeout: 5000 });
  });

  it('a slow source shows a progress state after 300 ms', async () => {
    const wrap = await fixture<HTMLDivElement>(`<div><relais-directory src="/faults/slow?ms=1500"></relais-directory></div>`);
    const el = wrap.querySelector('relais-directory') as RelaisDirectory;
    await waitUntil(() => /Recherche en cours/.test(statusText(el)), 'progress shown', { timeout: 1400 });
    expect($(el, '.root')!.getAttribute('aria-busy')).to.equal('true');
    await settled(el);
  });

  it('hostile strings render as inert text; unsafe URLs are not links', async () => {
    (window as unknown as { __pwned?: number }).__pwned = undefined;
    const evil = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
    const data: Dataset = {
      structures: [{ source: 'x', id: 'x--1', nom: `Structure ${evil}`, date_maj: '2026-01-01', site_web: 'javascript:window.__pwned=3', telephone: '"><svg onload=window.__pwned=4>' }],
      services: [{ source: 'x', id: 'x--1-1', structure_id: 'x--1', nom: `\u202eService ${evil}`, description: `${evil} ${'a'.repeat(9000)}`, date_maj: '2026-01-01', lien_mobilisation: 'data:text/html,<script>1</script>', horaires_accueil: '<b>Mo</b>' }],
    };
    const el = await fixture<RelaisDirectory>(html`<relais-directory .data=${data}></relais-directory>`);
    await settled(el);
    expect(titles(el)[0]).to.include('<img src=x');
    $$(el, '.title-link')[0]!.click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelectorAll('img, script, svg').length).to.equal(0);
    for (const a of el.shadowRoot!.querySelectorAll('a')) expect(a.getAttribute('href')).to.match(/^(https?:|mailto:|tel:)/);
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('shows each record’s source label beside it (« FINESS, janvier 2021 »), in the list and the detail', async () => {
    const data: Dataset = {
      structures: [
        { source: 'finess', id: 'finess--580000000', nom: 'EHPAD LES TILLEULS', date_maj: '2017-04-21', source_libelle: 'FINESS, janvier 2021', categorie_finess: '500' },
        { source: 'relais-demo', id: 'demo--1', nom: 'CCAS de Clamecy', date_maj: '2026-01-05' },
      ],
      services: [
        { source: 'finess', id: 'finess--580000000--500', structure_id: 'finess--580000000', nom: 'Hébergement en EHPAD', date_maj: '2017-04-21', horaires_accueil: 'Mo-Fr 09:00-12:00; Sa "sur rendez-vous"; PH off' },
        { source: 'relais-demo', id: 'demo--1-1', structure_id: 'demo--1', nom: 'Accueil social', date_maj: '2026-01-05' },
      ],
    };
    // freshness off: this test is about the source label (the « À vérifier » badge has its own tests, suggest.test.ts)
    const el = await fixture<RelaisDirectory>(html`<relais-directory stale-after-months="0" .data=${data}></relais-directory>`);
    await settled(el);
    const lines = $$(el, '.item').map((li) => [li.querySelector('.title-link')!.textContent!.trim(), li.querySelector('.updated')!.textContent!.trim()]);
    expect(lines).to.deep.equal([
      ['Accueil social — CCAS de Clamecy', 'Mis à jour le 5 janvier 2026'],
      ['Hébergement en EHPAD — EHPAD LES TILLEULS', 'Mis à jour le 21 avril 2017 · Source : FINESS, janvier 2021'],
    ]);
    expect($$(el, '.item .kind').map((k) => k.textContent)).to.deep.equal(['EHPAD'], 'typologie derived from the FINESS category');
    $$(el, '.title-link')[1]!.click();
    await waitUntil(() => $(el, '.detail'), 'detail');
    expect($(el, '.detail')!.textContent).to.include('Source : FINESS, janvier 2021');
    // opening hours with a comment and public holidays, summarised in French
    const hours = $$(el, '.detail ul.plain li').map((li) => li.textContent!.trim());
    expect(hours).to.include.members(['Du lundi au vendredi : 9 h – 12 h', 'Samedi : sur rendez-vous', 'Dimanche : fermé', 'Fermé les jours fériés']);
    await expect(el).to.be.accessible();
    // a record without a source label shows no technical id (« Source : relais-demo »)
    $<HTMLButtonElement>(el, '.detail-actions button')!.click();
    await waitUntil(() => $$(el, '.title-link').length === 2, 'back to the list');
    $$(el, '.title-link')[0]!.click();
    await waitUntil(() => $(el, '.detail'), 'the other detail');
    expect($(el, '.detail')!.textContent).to.include('Mis à jour le 5 janvier 2026');
    expect($(el, '.detail')!.textContent).to.not.match(/Source|relais-demo/);
  });

  it('fires relais-data-warning and, in pro mode, shows a discreet notice', async () => {
    const wrap = document.createElement('div');
    const warned = new Promise<Event & { skipped: number }>((r) => wrap.addEventListener('relais-data-warning', (e) => r(e as Event & { skipped: number }), { once: true }));
    wrap.innerHTML = '<relais-directory mode="pro" src="/faults/invalid-one-in-ten"></relais-directory>';
    document.body.append(wrap);
    const el = wrap.firstElementChild as RelaisDirectory;
    expect((await warned).skipped).to.equal(10);
    await settled(el);
    expect($(el, '.notice')!.textContent).to.match(/10 fiches invalides/);
    expect($$(el, '.item button.link').some((b) => /Copier les coordonnées/.test(b.textContent!))).to.equal(true);
    wrap.remove();
  });

  it('relais-search carries the total and filters, never the words typed', async () => {
    const el = await standalone();
    setTimeout(() => typeInto($<HTMLInputElement>(el, '#what')!, 'répit'));
    const e = (await oneEvent(el, 'relais-search')) as RelaisSearchEvent;
    expect(e.total).to.be.a('number');
    expect(JSON.stringify(e)).to.not.include('répit');
    expect(Object.keys(e.filters)).to.deep.equal(['thematiques', 'publics', 'commune']);
  });

  it('sync-url keeps the search in the URL and a new widget restores it', async () => {
    const base = location.href;
    try {
      const el = await standalone('sync-url="text"');
      await typeInto($<HTMLInputElement>(el, '#what')!, 'ehpad');
      await waitUntil(() => new URL(location.href).searchParams.get('relais-q') === 'ehpad', 'url updated', { timeout: 5000 });
      const again = await standalone('sync-url="text"');
      expect($<HTMLInputElement>(again, '#what')!.value).to.equal('ehpad');
    } finally {
      history.replaceState(null, '', base);
    }
  });

  it('under a provider: a "where to apply" request filters on the structure kind near the commune', async () => {
    const wrap = await fixture<RelaisProvider>(html`<relais-provider src="/examples/data/nievre.json"><relais-directory departements="58"></relais-directory></relais-provider>`);
    const el = wrap.querySelector('relais-directory') as RelaisDirectory;
    await settled(el);
    wrap.store.requestDirectory({ from: 'eligibility', typologies: ['mdph-mda'], commune: '58194', reason: 'Où faire la demande de PCH' });
    await waitUntil(() => $(el, '.reason') && titles(el).length > 0 && /autonomie/i.test(titles(el)[0]!), 'request applied', { timeout: 5000 });
    expect($(el, '.reason')!.textContent).to.equal('Où faire la demande de PCH');
    expect(wrap.store.filters.typologies).to.deep.equal(['mdph-mda']);
    expect(wrap.store.filters.commune).to.equal('58194');
  });

  it('speaks English with lang="en"', async () => {
    const el = await standalone('lang="en"');
    expect(statusText(el)).to.match(/services found/);
    expect($(el, 'label[for="what"]')!.textContent).to.equal('What are you looking for?');
  });

  it('FALC mode uses easy-read labels for needs', async () => {
    const el = await standalone('falc');
    expect($$(el, '.tile').map((b) => b.textContent!.trim())).to.include('De l’aide chez moi');
  });

  it('"autour de moi": refused → clear French message and focus on the place field; granted → results around', async () => {
    const geo = navigator.geolocation;
    const original = geo.getCurrentPosition;
    try {
      geo.getCurrentPosition = (_ok: PositionCallback, err?: PositionErrorCallback | null) => err?.({ code: 1, message: 'denied' } as GeolocationPositionError);
      const el = await standalone();
      $$(el, 'button').find((b) => /Autour de moi/.test(b.textContent!))!.click();
      await waitUntil(() => $(el, '#where-error'), 'refusal explained');
      expect($(el, '#where-error')!.textContent).to.match(/position n’est pas disponible/);
      expect(el.shadowRoot!.activeElement?.id).to.equal('where');
      geo.getCurrentPosition = (ok: PositionCallback) => ok({ coords: { latitude: 47.4589, longitude: 3.5188, accuracy: 50 } } as GeolocationPosition);
      $$(el, 'button').find((b) => /Autour de moi/.test(b.textContent!))!.click();
      // « 137 services trouvés autour de vous, près de Clamecy »: no nested brackets, the town's name as written
      await waitUntil(() => /^\d+ services? trouvés? autour de vous, près de Clamecy$/.test(statusText(el)), `results around me: « ${statusText(el)} »`, { timeout: 8000 });
      expect($<HTMLInputElement>(el, '#where')!.value).to.equal('Autour de moi (près de Clamecy)');
      expect(new URL(location.href).search).to.not.match(/47\.45|3\.51/, 'no position in the URL');
    } finally {
      geo.getCurrentPosition = original;
    }
  });

  it('distance and "gratuit" filters: every result within 5 km of the commune, and free', async () => {
    const el = await standalone('commune="58194"');
    const select = $<HTMLSelectElement>(el, '#radius')!;
    select.value = '5';
    select.dispatchEvent(new Event('change'));
    await settled(el);
    const free = $<HTMLInputElement>(el, '#free')!;
    free.click();
    await settled(el);
    const d = $$(el, '.distance').map((x) => parseFloat(x.textContent!.replace(',', '.')) * (/ m$/.test(x.textContent!) ? 0.001 : 1));
    expect(d.length).to.be.greaterThan(0);
    for (const km of d) expect(km).to.be.at.most(5);
    expect($$(el, '.chip').map((c) => c.textContent!.trim())).to.include.members(['5 km ×', 'Gratuit seulement ×']);
  });

  it('pagination: next page shows other results and moves focus to the results heading', async () => {
    const el = await standalone();
    const first = titles(el);
    $$(el, '.pagination button').find((b) => /suivante/.test(b.textContent!))!.click();
    await waitUntil(() => /Page 2 sur/.test($(el, '.pagination')!.textContent!), 'page 2');
    expect(titles(el)).to.not.deep.equal(first);
    expect($(el, 'ol.list')!.getAttribute('start')).to.equal('11');
    await waitUntil(() => el.shadowRoot!.activeElement?.id === 'results-title', 'focus on results');
  });

  it('a detail is shareable by URL (relais-fiche) with sync-url', async () => {
    const base = location.href;
    try {
      const el = await standalone('sync-url');
      const name = $$(el, '.title-link')[0]!.textContent!.trim();
      $$(el, '.title-link')[0]!.click();
      await waitUntil(() => new URL(location.href).searchParams.get('relais-fiche'), 'url has the service');
      const again = await fixture<HTMLDivElement>(`<div><relais-directory src="/examples/data/nievre.json" departements="58" sync-url></relais-directory></div>`);
      const el2 = again.querySelector('relais-directory') as RelaisDirectory;
      await waitUntil(() => $(el2, '#detail-title'), 'detail opened from the URL', { timeout: 8000 });
      expect($(el2, '#detail-title')!.textContent!.trim()).to.equal(name);
    } finally {
      history.replaceState(null, '', base);
    }
  });
  // ---------- journeys (issue 15) ----------

  const inView = (e: Element) => {
    const r = e.getBoundingClientRect();
    return r.top >= -1 && r.bottom <= innerHeight + 1;
  };

  it('a hand-off lands on the results: scrolled into view and focused on the results heading', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div><div style="height:3000px"></div><relais-provider src="/examples/data/nievre.json"><relais-directory departements="58"></relais-directory></relais-provider><div style="height:3000px"></div></div>`);
    const el = wrap.querySelector('relais-directory') as RelaisDirectory;
    const store = (wrap.querySelector('relais-provider') as RelaisProvider).store;
    await settled(el);
    window.scrollTo(0, 0);
    store.requestDirectory({ from: 'eligibility', typologies: ['ccas-cias'], commune: '58079', reason: 'Où faire la demande' });
    await waitUntil(() => el.shadowRoot!.activeElement?.id === 'results-title', 'focus on the results heading', { timeout: 8000 });
    expect($(el, '#results-title')!.getAttribute('tabindex')).to.equal('-1');
    await waitUntil(() => inView($(el, '#results-title')!), 'results heading scrolled into view', { timeout: 3000 });
  });

  it('a need tile or a submitted search brings the count into view without taking the focus', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div><relais-directory src="/examples/data/nievre.json" departements="58"></relais-directory><div style="height:3000px"></div></div>`);
    const el = wrap.querySelector('relais-directory') as RelaisDirectory;
    await settled(el);
    // a phone-sized column: the results are far below the tiles
    wrap.style.width = '340px';
    window.scrollTo(0, 0);
    const tile = $$(el, '.tile').find((b) => /établissement/.test(b.textContent!))!;
    tile.focus();
    tile.click();
    await waitUntil(() => inView($(el, '.status')!) && /trouvé/.test(statusText(el)), 'count in view after a tile', { timeout: 5000 });
    expect(el.shadowRoot!.activeElement).to.equal(tile);
    // let the smooth scroll end before going back to the top
    await new Promise((r) => setTimeout(r, 800));
    window.scrollTo(0, 0);
    const what = $<HTMLInputElement>(el, '#what')!;
    await typeInto(what, 'aide');
    await new Promise((r) => setTimeout(r, 600));
    expect(window.scrollY, 'typing never scrolls to the results').to.be.lessThan(20);
    $<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
    await waitUntil(() => inView($(el, '.status')!), 'count in view after submit', { timeout: 5000 });
  });

  it('a hand-off never ends in zero results: widened to the département, and said so in French', async () => {
    const wrap = await fixture<RelaisProvider>(html`<relais-provider src="/examples/data/nievre.json"><relais-directory departements="58"></relais-directory></relais-provider>`);
    const el = wrap.querySelector('relais-directory') as RelaisDirectory;
    await settled(el);
    // Clamecy: the MDPH / MDA is in Nevers, beyond the 50 km around Clamecy
    wrap.store.requestDirectory({ from: 'eligibility', typologies: ['mdph-mda'], commune: '58079', reason: 'Où faire la demande de PCH' });
    await waitUntil(() => $(el, '.widened'), 'widening explained', { timeout: 8000 });
    expect(titles(el).length).to.be.greaterThan(0);
    expect($(el, '.widened')!.textContent).to.match(/^Aucun service de ce type à moins de 50 km de Clamecy : voici .*Nevers \(\d+ km\)/);
    expect($(el, '#live')!.textContent).to.match(/Aucun service de ce type à moins de 50 km de Clamecy/);
    expect(statusText(el)).to.not.match(/Aucun service trouvé|près de/);
    await expect(el).to.be.accessible();
  });

  it('a typed search that finds nothing only because of distance or zones says why and offers to widen', async () => {
    const el = await standalone('commune="58079"');
    await typeInto($<HTMLInputElement>(el, '#what')!, 'portage de repas');
    await waitUntil(() => $(el, '.why'), 'reason given', { timeout: 8000 });
    expect($(el, '.why')!.textContent).to.match(/^\d+ services? correspondant à votre recherche existent? dans le département \(Nièvre\), mais aucun ne dessert Clamecy/);
    const widen = [...$(el, '.empty')!.querySelectorAll('button')].find((b) => /Nièvre/.test(b.textContent!))!;
    widen.click();
    await waitUntil(() => titles(el).some((t) => /repas/i.test(t)), 'the département’s services shown', { timeout: 8000 });
    expect($(el, '.widened')!.textContent).to.match(/Services du département \(Nièvre\) : ils ne desservent pas tous Clamecy/);
    const total = Number(statusText(el).match(/\d+/)![0]);
    expect(total).to.be.greaterThan(10);
    // the other pages of widened results are widened too
    $$(el, '.pagination button').find((b) => /suivante/.test(b.textContent!))!.click();
    await waitUntil(() => /Page 2 sur/.test($(el, '.pagination')?.textContent ?? ''), 'page 2', { timeout: 5000 });
    await settled(el);
    expect(titles(el).length).to.equal(total - 10);
  });

  it('« Retour aux résultats » gives the focus back to the result line even with a #fragment in the address', async () => {
    const base = location.href;
    const target = document.createElement('div');
    target.id = 'contenu';
    document.body.prepend(target);
    try {
      location.hash = 'contenu';
      const el = await standalone('sync-url commune="58079"');
      const second = $$(el, '.title-link')[1]!;
      const name = second.textContent!.trim();
      second.focus();
      second.click();
      await waitUntil(() => el.shadowRoot!.activeElement?.id === 'detail-title', 'detail heading focused');
      $$(el, '.detail-actions button')[0]!.click();
      await waitUntil(() => el.shadowRoot!.activeElement?.textContent?.trim() === name, 'focus back on the result', { timeout: 3000 });
      await new Promise((r) => setTimeout(r, 300));
      expect(el.shadowRoot!.activeElement?.textContent?.trim(), 'focus stays on the result').to.equal(name);
    } finally {
      target.remove();
      history.replaceState(null, '', base);
    }
  });

  it('after Back from a detail, the commune is named, never its INSEE code', async () => {
    const base = location.href;
    try {
      const el = await standalone('sync-url commune="58079"');
      await waitUntil(() => /près de Clamecy/.test(statusText(el)), 'commune named', { timeout: 5000 });
      $$(el, '.title-link')[0]!.click();
      await waitUntil(() => new URL(location.href).searchParams.get('relais-fiche'), 'url has the service');
      // « ← Retour aux résultats »: the detail is a history entry, going back closes it (popstate)
      $$(el, '.detail-actions button')[0]!.click();
      await waitUntil(() => !$(el, '.detail') && /trouvé/.test(statusText(el)), 'results back', { timeout: 8000 });
      await new Promise((r) => setTimeout(r, 500));
      expect(statusText(el)).to.match(/près de Clamecy/);
      expect(statusText(el)).to.not.match(/58079/);
      expect($<HTMLInputElement>(el, '#where')!.value).to.equal('Clamecy');
    } finally {
      history.replaceState(null, '', base);
    }
  });

  it('headings follow heading-level: with the title hidden, the sections come right under the page heading', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div><h1>Page</h1><relais-directory src="/examples/data/nievre.json" departements="58" heading-level="0"></relais-directory></div>`);
    const el = wrap.querySelector('relais-directory') as RelaisDirectory;
    await settled(el);
    expect($(el, '#needs-title')!.tagName).to.equal('H2');
    expect($(el, '#results-title')!.tagName).to.equal('H2');
    expect($(el, '.title-link')!.parentElement!.tagName).to.equal('H3');
    const el4 = await standalone('heading-level="4"');
    expect($(el4, '#title')!.tagName).to.equal('H4');
    expect($(el4, '#needs-title')!.tagName).to.equal('H5');
  });
});
