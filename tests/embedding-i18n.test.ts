/**
 * One i18n policy in the classic-script build (relais.iife.js): the English messages are not in the script; an
 * English element loads `i18n/<widget>.en.js` from the script's own folder, a French page never does.
 */
import { expect, waitUntil } from '@open-wc/testing';

const CDN = '/packages/relais/dist/cdn/';
const fetched = () => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname).filter((p) => p.startsWith(CDN)).map((p) => p.slice(CDN.length));
const text = (el: Element) => el.shadowRoot?.textContent ?? '';

async function mount(lang: 'fr' | 'en'): Promise<{ host: HTMLElement; el: HTMLElement }> {
  const host = document.createElement('div');
  host.setAttribute('lang', lang);
  host.innerHTML = '<relais-pathway template-id="mdph"></relais-pathway>';
  document.body.append(host);
  return { host, el: host.firstElementChild as HTMLElement };
}

describe('IIFE: English messages on demand', () => {
  before(async () => {
    await new Promise<void>((resolve, reject) => {
      const s = document.createElement('script');
      s.src = `${CDN}relais.iife.js`;
      s.onload = () => resolve();
      s.onerror = () => reject(new Error('iife failed to load'));
      document.head.append(s);
    });
  });

  it('a French page never requests an English chunk', async () => {
    const { host, el } = await mount('fr');
    await waitUntil(() => text(el).includes('Imprimer le parcours'), 'French', { timeout: 10000 });
    await (el as HTMLElement & { updateComplete: Promise<boolean> }).updateComplete;
    await new Promise((r) => setTimeout(r, 100));
    expect(fetched().filter((f) => f.startsWith('i18n/'))).to.deep.equal([]);
    host.remove();
  });

  it('an English page loads i18n/pathway.en.js next to the script and shows English', async () => {
    const { host, el } = await mount('en');
    await waitUntil(() => text(el).includes('Print the pathway'), 'English', { timeout: 10000 });
    expect(text(el)).to.not.include('Imprimer le parcours');
    expect(fetched().filter((f) => f.startsWith('i18n/'))).to.deep.equal(['i18n/pathway.en.js']);
    host.remove();
  });
});
