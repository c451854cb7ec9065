import { expect, fixture, html, waitUntil, oneEvent } from '@open-wc/testing';
import '@relais/core/provider.js';
import '@relais/directory/define.js';
import '../src/define.js';
import { spread, type RelaisMap } from '../src/map.js';
import type { RelaisProvider, Dataset } from '@relais/core';

const $ = <T extends Element = HTMLElement>(el: Element, sel: string) => el.shadowRoot!.querySelector<T>(sel);
const $$ = (el: Element, sel: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(sel)];
const markers = (el: RelaisMap) => $$(el, '.leaflet-marker-icon');
const drawn = (el: RelaisMap) => waitUntil(() => markers(el).length > 0, 'markers drawn', { timeout: 10000 });
const clusterTotal = (el: RelaisMap) =>
  markers(el).reduce((sum, m) => {
    const label = m.getAttribute('aria-label') ?? '';
    const n = /^(\d+) services/.exec(label);
    return sum + (n ? Number(n[1]) : 1);
  }, 0);

async function mapOn(attrs = '', style = 'width: 700px'): Promise<RelaisMap> {
  const wrap = await fixture<HTMLDivElement>(`<div style="${style}"><relais-map src="/examples/data/nievre.json" ${attrs}></relais-map></div>`);
  const el = wrap.querySelector('relais-map') as RelaisMap;
  await drawn(el);
  return el;
}

describe('<relais-map>', () => {
  it('clusters: the counts of clusters and single markers add up to the services in view', async () => {
    const el = await mapOn();
    const total = (el as unknown as { points: { points: unknown[] } }).points.points.length;
    expect(total).to.be.greaterThan(300);
    await waitUntil(() => clusterTotal(el) === (el as unknown as { inViewCount: number }).inViewCount, 'counts consistent');
    expect(clusterTotal(el)).to.equal(total, 'the whole Nièvre is in view after fitting the points');
    expect($(el, '[part="status"]')!.textContent).to.match(/services sur la carte/);
    // the legend names, in words, each family present in the data (never colour alone)
    const legend = $$(el, '.legend-item').map((x) => x.textContent!.trim());
    expect(legend).to.include.members(['i Accueil, information, droits', 'D Services à domicile', 'E Établissements', 'n groupe de services']);
    await expect(el).to.be.accessible();
  });

  it('markers are keyboard-reachable buttons with names; Enter on a cluster zooms in', async () => {
    const el = await mapOn();
    const cluster = markers(el).find((m) => /services — agrandir/.test(m.getAttribute('aria-label')!))!;
    expect(cluster.getAttribute('role')).to.equal('button');
    expect(cluster.getAttribute('tabindex')).to.equal('0');
    const map = (el as unknown as { map: { getZoom(): number } }).map;
    const z = map.getZoom();
    cluster.focus();
    cluster.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    await waitUntil(() => map.getZoom() > z, 'zoomed in');
  });

  it('a point opens a popup built as DOM; "Voir la fiche" fires relais-select', async () => {
    const el = await mapOn('commune="58079"');
    await waitUntil(() => markers(el).some((m) => !/services — agrandir/.test(m.getAttribute('aria-label')!)), 'a single point');
    const pin = markers(el).find((m) => !/services — agrandir/.test(m.getAttribute('aria-label')!))!;
    pin.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    await waitUntil(() => $(el, '.popup .open'), 'popup open');
    const serviceName = pin.getAttribute('aria-label')!.split(' — ')[0]!;
    expect($(el, '.popup-title')!.textContent!.startsWith(serviceName)).to.equal(true);
    expect(el.shadowRoot!.activeElement).to.equal($(el, '.popup .open'));
    setTimeout(() => $<HTMLButtonElement>(el, '.popup .open')!.click());
    const e = await oneEvent(el, 'relais-select');
    expect((e as unknown as { serviceId: string }).serviceId).to.be.a('string');
  });

  it('at 375 px, the popup keeps a phone number on one line (not « 03 86 / 27 37 38 »)', async () => {
    const el = await mapOn('commune="58079"', 'width: 375px');
    await waitUntil(() => markers(el).some((m) => !/services — agrandir/.test(m.getAttribute('aria-label')!)), 'a single point');
    let tel: HTMLAnchorElement | null = null;
    for (const pin of markers(el).filter((m) => !/services — agrandir/.test(m.getAttribute('aria-label')!))) {
      pin.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
      await waitUntil(() => $(el, '.popup .open'), 'popup open');
      tel = $<HTMLAnchorElement>(el, ".popup a[href^='tel:']");
      if (tel) break;
    }
    expect(tel, 'a popup with a phone number').to.exist;
    expect(getComputedStyle(tel!).whiteSpace).to.equal('nowrap');
    const number = /\d[\d ]+\d/.exec(tel!.textContent!)![0];
    const range = document.createRange();
    const text = tel!.firstChild!;
    range.setStart(text, tel!.textContent!.indexOf(number));
    range.setEnd(text, tel!.textContent!.indexOf(number) + number.length);
    expect(new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size, `« ${number} » on one line`).to.equal(1);
  });

  it('the list alternative: name, structure, town and distance on each line, nearest first, distinct button names', async () => {
    const el = await mapOn('commune="58194"');
    const toggle = $$(el, '[part="toolbar"] button')[0]!;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(toggle.textContent).to.match(/Afficher la liste des services de la zone \(\d+\)/);
    toggle.click();
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    const list = $(el, `#${toggle.getAttribute('aria-controls')}`)!;
    expect(list.hidden).to.equal(false);
    await waitUntil(() => /Du plus proche au plus loin de Nevers/.test(list.textContent!), 'sorted from Nevers');
    const items = [...list.querySelectorAll('li')];
    const inView = (el as unknown as { inViewCount: number }).inViewCount;
    expect(inView).to.be.greaterThan(0);
    expect(items.length).to.equal(Math.min(100, inView));
    // each line against the data file itself: the service's name, its structure, its town, and a distance
    type Rec = { id: string; nom: string; commune?: string | null; structure_id?: string };
    const data = (await (await fetch('/examples/data/nievre.json')).json()) as { services: Rec[]; structures: Rec[] };
    const lines = (el as unknown as { inView: Array<{ point: { id: string } }> }).inView;
    const km: number[] = [];
    items.forEach((li, i) => {
      const s = data.services.find((x) => x.id === lines[i]!.point.id)!;
      const st = data.structures.find((x) => x.id === s.structure_id);
      expect(li.querySelector('.name')!.textContent).to.equal(s.nom);
      if (st && st.nom !== s.nom) expect(li.querySelector('.structure')!.textContent).to.equal(st.nom);
      const where = li.querySelector('.where')!.textContent!;
      expect(where.startsWith(`${s.commune ?? st!.commune} · à `), where).to.equal(true);
      const d = /à ([\d\s\u202f,]+) (k?m)/.exec(where)!;
      km.push(Number(d[1]!.replace(/[\s\u202f]/g, '').replace(',', '.')) / (d[2] === 'm' ? 1000 : 1));
    });
    for (let i = 1; i < km.length; i++) expect(km[i]!).to.be.at.least(km[i - 1]! - 0.1, 'nearest first');
    const names = items.map((li) => li.querySelector('button')!.textContent!.replace(/\s+/g, ' ').trim());
    expect(new Set(names).size, 'every « Voir la fiche » has its own name').to.equal(names.length);
    expect(names[0]).to.match(/^Voir la fiche : .+ — .+/);
    await expect(el).to.be.accessible();
  });

  it('tile-url="none": a plain background, markers, no tile request; a failing tile server does not break markers', async () => {
    const el = await mapOn('tile-url="none"');
    expect($(el, '.leaflet-tile')).to.equal(null);
    expect($(el, '#map')!.classList.contains('no-tiles')).to.equal(true);
    const failing = await mapOn('tile-url="/faults/status/500?z={z}&x={x}&y={y}" tile-attribution="<b>Fond</b> fictif"');
    await waitUntil(() => /fond de carte ne répond pas/.test($(failing, '[part="status"]')!.textContent!), 'tile error said', { timeout: 8000 });
    expect(markers(failing).length).to.be.greaterThan(0);
    expect($(failing, '.leaflet-control-attribution')!.textContent).to.include('<b>Fond</b> fictif');
    expect($(failing, '.leaflet-control-attribution b')).to.equal(null);
  });

  it('records without coordinates are counted, outside France flagged; hostile names inert', async () => {
    (window as unknown as { __pwned?: number }).__pwned = undefined;
    const data: Dataset = {
      structures: [],
      services: [
        { source: 'x', id: 'a', structure_id: 's', nom: '<img src=x onerror="window.__pwned=1">', date_maj: '2026-01-01', latitude: 46.99, longitude: 3.16 },
        { source: 'x', id: 'b', structure_id: 's', nom: 'Sans position', date_maj: '2026-01-01' },
        { source: 'x', id: 'c', structure_id: 's', nom: 'New York', date_maj: '2026-01-01', latitude: 40.7, longitude: -74 },
      ],
    };
    const el = await fixture<RelaisMap>(html`<relais-map .data=${data}></relais-map>`);
    await drawn(el);
    expect($(el, '[part="status"]')!.textContent).to.match(/1 sans position.*1 avec une position hors de France/s);
    markers(el)[0]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    await waitUntil(() => $(el, '.popup-title'), 'popup');
    expect($(el, '.popup-title')!.textContent).to.include('<img');
    expect(el.shadowRoot!.querySelectorAll('.leaflet-popup img').length).to.equal(0);
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('resizes correctly when shown after being hidden (tabs, accordions)', async () => {
    const wrap = await fixture<HTMLDivElement>(`<div style="width:600px"><details><summary>Carte</summary><relais-map src="/examples/data/nievre.json"></relais-map></details></div>`);
    const el = wrap.querySelector('relais-map') as RelaisMap;
    await new Promise((r) => setTimeout(r, 300));
    expect((el as unknown as { map?: unknown }).map, 'Leaflet not loaded while hidden').to.equal(undefined);
    // nothing counted yet: the list button gives no count rather than a false « (0) »
    expect($$(el, '[part="toolbar"] button')[0]!.textContent!.trim()).to.equal('Afficher la liste des services de la zone');
    wrap.querySelector('details')!.open = true;
    await drawn(el);
    await waitUntil(() => /\(\d+\)/.test($$(el, '[part="toolbar"] button')[0]!.textContent!), 'the count once drawn');
    const size = (el as unknown as { map: { getSize(): { x: number; y: number } } }).map.getSize();
    expect(size.x).to.be.greaterThan(500);
    expect(size.y).to.be.greaterThan(200);
  });

  it('under a provider: follows the directory filters and opens the directory detail from the map', async () => {
    const p = await fixture<RelaisProvider>(html`<relais-provider src="/examples/data/nievre.json"><relais-directory departements="58"></relais-directory><relais-map></relais-map></relais-provider>`);
    const el = p.querySelector('relais-map') as RelaisMap;
    const dir = p.querySelector('relais-directory')!;
    // Leaflet loads only when the map is about to be visible: wait for the directory to have grown, then scroll
    await waitUntil(() => dir.shadowRoot?.querySelectorAll('.item').length, 'directory results', { timeout: 8000 });
    await waitUntil(() => (el.scrollIntoView(), markers(el).length > 0), 'markers drawn', { timeout: 10000 });
    const all = (el as unknown as { points: { points: unknown[] } }).points.points.length;
    dir.shadowRoot!.querySelectorAll<HTMLButtonElement>('.tile')[1]!.click(); // "Trouver un établissement"
    await waitUntil(() => (el as unknown as { points: { points: unknown[] } }).points.points.length < all, 'map followed the filter', { timeout: 8000 });
    p.store.select((el as unknown as { points: { points: Array<{ id: string }> } }).points.points[0]!.id);
    await waitUntil(() => dir.shadowRoot!.querySelector('#detail-title'), 'directory opened the detail', { timeout: 8000 });
    await waitUntil(() => $(el, '.popup-title'), 'map highlighted the selection', { timeout: 8000 });
  });

  it('« Voir la fiche » without sync-url: the directory detail on screen with the focus on its heading, no history entry; « Retour » gives the focus back to the map', async () => {
    const p = await fixture<RelaisProvider>(html`<relais-provider src="/examples/data/nievre.json"><relais-directory departements="58" commune="58079"></relais-directory><relais-map commune="58079" tile-url="none"></relais-map></relais-provider>`);
    const el = p.querySelector('relais-map') as RelaisMap;
    const dir = p.querySelector('relais-directory')!;
    await waitUntil(() => dir.shadowRoot?.querySelectorAll('.item').length, 'directory results', { timeout: 8000 });
    await waitUntil(() => (el.scrollIntoView(), markers(el).some((m) => !/services — agrandir/.test(m.getAttribute('aria-label')!))), 'a service on the map', { timeout: 10000 });
    const pin = markers(el).find((m) => !/services — agrandir/.test(m.getAttribute('aria-label')!))!;
    pin.focus();
    pin.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    await waitUntil(() => el.shadowRoot!.activeElement?.classList.contains('open'), '« Voir la fiche » focused');
    const open = el.shadowRoot!.activeElement as HTMLButtonElement;
    const entries = history.length;
    const address = location.href;
    open.click();
    await waitUntil(() => dir.shadowRoot!.activeElement?.id === 'detail-title', 'the detail heading has the focus', { timeout: 8000 });
    const r = dir.shadowRoot!.querySelector('#detail-title')!.getBoundingClientRect();
    expect(r.top >= 0 && r.bottom <= innerHeight, `heading on screen (${r.top}–${r.bottom} of ${innerHeight})`).to.equal(true);
    expect(dir.shadowRoot!.querySelector('#detail-title')!.textContent).to.include(pin.getAttribute('aria-label')!.split(' — ')[0]!);
    expect(history.length).to.equal(entries);
    expect(location.href).to.equal(address);
    [...dir.shadowRoot!.querySelectorAll<HTMLButtonElement>('.detail-actions button')].find((b) => /Retour/.test(b.textContent!))!.click();
    await waitUntil(() => el.shadowRoot!.activeElement === open, 'the focus is back on the map', { timeout: 8000 });
    expect(dir.shadowRoot!.querySelector('#detail-title')).to.equal(null);
  });

  it('services sharing one building are spread apart so that every marker stays reachable', () => {
    const same = [0, 1, 2].map((i) => ({ id: `s${i}`, lat: 47.1, lon: 3.2, kind: null, name: `S${i}` }));
    const out = spread([...same, { id: 'alone', lat: 46, lon: 3, kind: null, name: 'A' }]);
    expect(new Set(out.map((p) => `${p.lat},${p.lon}`)).size).to.equal(4);
    for (const p of out.slice(0, 3)) {
      const dKm = Math.hypot(p.lat - 47.1, (p.lon - 3.2) * Math.cos((47.1 * Math.PI) / 180)) * 111;
      expect(dKm).to.be.within(0.02, 0.1);
    }
    expect(out[3]).to.deep.equal({ id: 'alone', lat: 46, lon: 3, kind: null, name: 'A' });
  });
});
