import { expect, fixture, waitUntil } from '@open-wc/testing';
import '../src/define.js';
import type { RelaisMap } from '../src/map.js';

describe('<relais-map> popup', () => {
  it('at 375 px, the « Appeler le … » link of a summary stays on one line (the structure’s phone when the service has none)', async () => {
    const wrap = await fixture<HTMLDivElement>(`<div style="width: 375px"><relais-map src="/examples/data/nievre.json" tile-url="none"></relais-map></div>`);
    const el = wrap.querySelector('relais-map') as RelaisMap;
    const points = () => (el as unknown as { points: { points: Array<{ id: string }> } | null }).points;
    await waitUntil(() => points() && el.shadowRoot!.querySelector('.leaflet-marker-icon'), 'markers drawn', { timeout: 10000 });
    // « Visites de convivialité » in Guérigny: no phone of its own, its structure's (03 53 01 61 13)
    expect(points()!.points.some((p) => p.id === 'relais-demo--s000299-1')).to.equal(true);
    el.highlight('relais-demo--s000299-1', false);
    const tel = () => el.shadowRoot!.querySelector<HTMLAnchorElement>('.popup a[href^="tel:"]');
    await waitUntil(tel, 'phone link', { timeout: 8000 });
    const link = tel()!;
    expect(link.textContent).to.equal('Appeler le 03 53 01 61 13');
    expect(getComputedStyle(link).whiteSpace).to.equal('nowrap');
    expect(link.getClientRects().length, 'one line box').to.equal(1);
  });
});
