/**
 * The classic-script build (relais.iife.js, for CMSs that strip type="module"): <relais-indicators> is registered, and
 * its charts and map come from indicators/*.js next to the script, on demand (the IIFE does not carry uPlot).
 */
import { expect, waitUntil } from '@open-wc/testing';

const CDN = '/packages/relais/dist/cdn/';
const fetched = () => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname).filter((p) => p.startsWith(CDN)).map((p) => p.slice(CDN.length));

describe('<relais-indicators> from relais.iife.js', () => {
  it('draws its charts and map from the on-demand files next to the script', async () => {
    await new Promise<void>((resolve, reject) => {
      const s = document.createElement('script');
      s.src = `${CDN}relais.iife.js`;
      s.onload = () => resolve();
      s.onerror = () => reject(new Error('iife failed to load'));
      document.head.append(s);
    });
    const host = document.createElement('div');
    host.innerHTML = '<relais-indicators endpoint="/ind/nievre" departement="58" du="2026-01-01" au="2026-06-30" tile-url="none"></relais-indicators>';
    document.body.append(host);
    const el = host.firstElementChild!;
    await waitUntil(() => el.shadowRoot?.querySelectorAll('[part="chart"] canvas').length === 5, 'charts drawn', { timeout: 15000 });
    await waitUntil(() => el.shadowRoot?.querySelectorAll('path[role="img"]').length === 6, 'circles drawn', { timeout: 15000 });
    expect(fetched()).to.include.members(['relais.iife.js', 'indicators/chart.js', 'indicators/unmet-map.js', 'indicators/epci-centres.js', 'vendor/leaflet.js']);
    expect(fetched().filter((f) => f.startsWith('widgets/'))).to.deep.equal([]);
    host.remove();
  });
});
