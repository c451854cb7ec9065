// The map as a person meets it with the keyboard and the mouse (real key presses and clicks, through Chromium).
import { expect, fixture, waitUntil } from '@open-wc/testing';
import { sendKeys, sendMouse, setViewport } from '@web/test-runner-commands';
import '../src/define.js';
import type { RelaisMap } from '../src/map.js';

const $ = <T extends Element = HTMLElement>(el: Element, sel: string) => el.shadowRoot!.querySelector<T>(sel);
const $$ = (el: Element, sel: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(sel)];
const markers = (el: RelaisMap) => $$(el, '.leaflet-marker-icon');
const isCluster = (m: Element) => /services — agrandir/.test(m.getAttribute('aria-label') ?? '');

/** The focused element, through shadow roots. */
function deepActive(): Element | null {
  let a = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
}
const describeFocus = (a: Element | null) => `${a?.tagName.toLowerCase()} ${(a?.getAttribute('aria-label') ?? a?.textContent ?? '').trim().slice(0, 60)}`;

async function page(width: number, attrs = 'commune="58079"'): Promise<{ wrap: HTMLElement; el: RelaisMap }> {
  await setViewport({ width, height: 900 });
  const wrap = await fixture<HTMLDivElement>(
    `<div><button id="before">Avant la carte</button><relais-map src="/examples/data/nievre.json" tile-url="none" ${attrs}></relais-map><button id="after">Après la carte</button></div>`,
  );
  const el = wrap.querySelector('relais-map') as RelaisMap;
  await waitUntil(() => markers(el).length > 3, 'markers drawn', { timeout: 10000 });
  return { wrap, el };
}

/** Presses (Shift+)Tab from `from` until `to` has the focus; fails on a loop or on the page's body. */
async function tabThrough(from: HTMLElement, to: HTMLElement, key: 'Tab' | 'Shift+Tab', max = 150): Promise<string[]> {
  from.focus();
  const seen: string[] = [];
  const visited = new Set<Element>();
  for (let i = 0; i < max; i++) {
    if (key === 'Shift+Tab') {
      await sendKeys({ down: 'Shift' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ up: 'Shift' });
    } else await sendKeys({ press: key });
    const a = deepActive();
    if (a === to) return seen;
    seen.push(describeFocus(a));
    if (!a || a === document.body) throw new Error(`the focus fell to the page after: ${seen.slice(-4).join(' | ')}`);
    if (visited.has(a)) throw new Error(`the focus came back to « ${describeFocus(a)} » (a loop) after: ${seen.slice(-6).join(' | ')}`);
    visited.add(a!);
  }
  throw new Error(`never reached ${to.id} in ${max} presses: ${seen.slice(-8).join(' | ')}`);
}

for (const width of [1280, 375]) {
  describe(`<relais-map> with the keyboard and the mouse, ${width} px`, () => {
    after(() => setViewport({ width: 800, height: 600 }));

    it('Tab goes through every marker and leaves the map forward; Shift+Tab leaves it backward (no trap)', async () => {
      const { wrap, el } = await page(width);
      const before = wrap.querySelector<HTMLElement>('#before')!;
      const after = wrap.querySelector<HTMLElement>('#after')!;
      const forward = await tabThrough(before, after, 'Tab');
      const drawn = markers(el).length;
      expect(forward.filter((s) => s.startsWith('div ') && /agrandir| — /.test(s)).length, 'every marker reached once').to.equal(drawn);
      const backward = await tabThrough(after, before, 'Shift+Tab');
      expect(backward.length).to.equal(forward.length);
    });

    it('Enter on a cluster zooms in and keeps the focus on the map, on what the cluster held', async () => {
      const { el } = await page(width, '');
      const cluster = markers(el).find(isCluster)!;
      const n = Number(/^(\d+)/.exec(cluster.getAttribute('aria-label')!)![1]);
      cluster.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => deepActive() !== cluster, 'the cluster opened');
      const a = deepActive()!;
      expect(el.shadowRoot!.contains(a), describeFocus(a)).to.equal(true);
      expect(a.classList.contains('leaflet-marker-icon'), describeFocus(a)).to.equal(true);
      const m = /^(\d+) services/.exec(a.getAttribute('aria-label')!);
      if (m) expect(Number(m[1])).to.be.below(n);
    });

    it('Enter opens a summary with the focus on « Voir la fiche »; Escape closes it and gives the focus back to the marker', async () => {
      const { el } = await page(width);
      await waitUntil(() => markers(el).some((m) => !isCluster(m)), 'a single service');
      const pin = markers(el).find((m) => !isCluster(m))!;
      pin.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => deepActive()?.classList.contains('open'), 'focus on « Voir la fiche »');
      expect($(el, '.leaflet-popup-close-button')!.getAttribute('aria-label')).to.equal('Fermer le résumé');
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => !$(el, '.leaflet-popup'), 'summary closed');
      expect(deepActive() === pin, `focus on ${describeFocus(deepActive())}`).to.equal(true);
    });

    it('the first mouse click on a marker half out of the map opens it, and it stays open', async () => {
      const { el } = await page(width);
      await waitUntil(() => markers(el).some((m) => !isCluster(m)), 'a single service');
      const label = markers(el).find((m) => !isCluster(m))!.getAttribute('aria-label')!;
      const mapBox = $(el, '#map')!.getBoundingClientRect();
      const r0 = markers(el).find((m) => m.getAttribute('aria-label') === label)!.getBoundingClientRect();
      // move the map so that the marker's centre is 8 px inside its left edge: half of the marker is cut off
      (el as unknown as { map: { panBy(p: [number, number], o: object): void } }).map.panBy([Math.round(r0.left + r0.width / 2 - (mapBox.left + 8)), 0], { animate: false });
      const pin = markers(el).find((m) => m.getAttribute('aria-label') === label)!;
      const r = pin.getBoundingClientRect();
      await sendMouse({ type: 'click', position: [Math.round(mapBox.left + 8), Math.round(r.top + r.height / 2)] });
      await waitUntil(() => $(el, '.popup-title'), 'the summary opened at the first click', { timeout: 3000 });
      // as a person sees it a moment later: still open (a map moving under the pointer used to close it at once)
      await new Promise((res) => setTimeout(res, 700));
      expect($(el, '.popup-title')?.textContent ?? '', 'the summary is still open').to.include(label.split(' — ')[0]!);
    });

    it('the first mouse click on a marker opens its summary, whose title is clear of the zoom buttons', async () => {
      const { el } = await page(width);
      await waitUntil(() => markers(el).some((m) => !isCluster(m)), 'a single service');
      // the service nearest the top left corner: its summary would open under the zoom buttons
      const pins = markers(el).filter((m) => !isCluster(m));
      const box = (m: Element) => m.getBoundingClientRect();
      const mapBox = $(el, '#map')!.getBoundingClientRect();
      const pin = pins.sort((a, b) => box(a).top - mapBox.top + (box(a).left - mapBox.left) - (box(b).top - mapBox.top + (box(b).left - mapBox.left)))[0]!;
      const r = box(pin);
      await sendMouse({ type: 'click', position: [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)] });
      await waitUntil(() => $(el, '.popup-title'), 'the summary opened at the first click', { timeout: 3000 });
      // the map has moved at once (no animation) so that the whole summary is in view
      const title = $(el, '.popup-title')!.getBoundingClientRect();
      const zoom = $(el, '.leaflet-control-zoom')!.getBoundingClientRect();
      const overlap = title.left < zoom.right && title.right > zoom.left && title.top < zoom.bottom && title.bottom > zoom.top;
      expect(overlap, `title ${JSON.stringify(title)} under the zoom buttons ${JSON.stringify(zoom)}`).to.equal(false);
      const map = $(el, '#map')!.getBoundingClientRect();
      expect(title.left).to.be.at.least(map.left);
      expect(title.right).to.be.at.most(map.right);
      expect(title.top).to.be.at.least(map.top);
    });
  });
}

describe('<relais-map> background', () => {
  it('by default « Plan IGN » of the IGN Géoplateforme, named in the attribution; tile-url replaces it', async () => {
    const wrap = await fixture<HTMLDivElement>(`<div style="width:600px"><relais-map src="/examples/data/nievre.json" commune="58079"></relais-map></div>`);
    const el = wrap.querySelector('relais-map') as RelaisMap;
    await waitUntil(() => $$(el, 'img.leaflet-tile-loaded').length > 0, 'tiles drawn (served locally in tests)', { timeout: 10000 });
    const src = new URL($<HTMLImageElement>(el, 'img.leaflet-tile-loaded')!.src);
    expect(src.origin + src.pathname).to.equal('https://data.geopf.fr/wmts');
    const q = Object.fromEntries(src.searchParams);
    expect(q).to.include({ SERVICE: 'WMTS', REQUEST: 'GetTile', VERSION: '1.0.0', LAYER: 'GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2', STYLE: 'normal', FORMAT: 'image/png', TILEMATRIXSET: 'PM' });
    const map = (el as unknown as { map: { getZoom(): number } }).map;
    expect(Number(q.TILEMATRIX)).to.equal(Math.round(map.getZoom()));
    expect($(el, '.leaflet-control-attribution')!.textContent).to.include('Plan IGN © IGN');
    const own = await fixture<HTMLDivElement>(`<div style="width:600px"><relais-map src="/examples/data/nievre.json" commune="58079" tile-url="/node_modules/leaflet/dist/images/layers.png?z={z}&x={x}&y={y}" tile-attribution="Fond du partenaire"></relais-map></div>`);
    const el2 = own.querySelector('relais-map') as RelaisMap;
    await waitUntil(() => $$(el2, 'img.leaflet-tile').length > 0, 'partner tiles', { timeout: 10000 });
    expect($$(el2, 'img.leaflet-tile').every((i) => new URL((i as HTMLImageElement).src).pathname === '/node_modules/leaflet/dist/images/layers.png')).to.equal(true);
    expect($(el2, '.leaflet-control-attribution')!.textContent).to.include('Fond du partenaire').and.not.include('IGN');
  });
});
