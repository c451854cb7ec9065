/**
 * One i18n policy (CDN build, autoloader): each widget's English messages are a chunk of their own
 * (`i18n/<widget>.en.js`), requested only where an element speaks English. French pages never download them;
 * an English page downloads its widgets' English and shows it.
 */
import { expect, waitUntil } from '@open-wc/testing';

const CDN = '/packages/relais/dist/cdn/';
const fetched = () => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname).filter((p) => p.startsWith(CDN)).map((p) => p.slice(CDN.length));
const text = (el: Element) => el.shadowRoot?.textContent ?? '';

/** Each widget, the markup that shows it, its English chunk, and a sentence of its first screen in French and in English. */
const WIDGETS = [
  { tag: 'relais-directory', attrs: 'src="/examples/data/nievre.json" departements="58"', chunk: 'i18n/directory.en.js', fr: 'Trouver de l’aide près de chez vous', en: 'Find help near you' },
  { tag: 'relais-map', attrs: 'src="/examples/data/nievre.json" tile-url="none"', chunk: 'i18n/map.en.js', fr: 'Carte des services', en: 'Map of services' },
  { tag: 'relais-eligibility', attrs: 'date="2026-11-23"', chunk: 'i18n/eligibility.en.js', fr: 'Suis-je éligible ?', en: 'Am I eligible?' },
  { tag: 'relais-liaison-form', attrs: 'template-id="orientation" db-name="relais-i18n-cdn"', chunk: 'i18n/liaison.en.js', fr: 'Les parties de la fiche', en: 'Parts of the sheet' },
  { tag: 'relais-pathway', attrs: 'template-id="mdph"', chunk: 'i18n/pathway.en.js', fr: 'Imprimer le parcours', en: 'Print the pathway' },
  { tag: 'relais-contributions', attrs: 'endpoint="/contrib"', chunk: 'i18n/contributions.en.js', fr: 'Contributions à l’annuaire', en: 'Directory contributions' },
  { tag: 'relais-indicators', attrs: 'endpoint="/ind/nievre" departement="58" du="2026-01-01" au="2026-06-30" tile-url="none"', chunk: 'i18n/indicators.en.js', fr: 'Besoins les plus recherchés', en: 'Needs searched most' },
] as const;

async function show(lang: 'fr' | 'en', w: (typeof WIDGETS)[number]): Promise<{ host: HTMLElement; el: HTMLElement }> {
  const host = document.createElement('div');
  host.setAttribute('lang', lang);
  host.style.width = '600px';
  host.innerHTML = `<${w.tag} ${w.attrs}></${w.tag}>`;
  document.body.append(host);
  const el = host.firstElementChild as HTMLElement;
  return { host, el };
}

describe('CDN: English messages on demand (autoloader)', () => {
  let loader: { discover(root?: ParentNode): Promise<void> };

  before(async () => {
    loader = await import(`${CDN}relais.js` as string);
  });

  // French first, on a page that has not yet met English: no test above may have loaded an English chunk
  for (const w of WIDGETS) {
    it(`<${w.tag}> on a French page shows French and never requests ${w.chunk}`, async () => {
      const { host, el } = await show('fr', w);
      await loader.discover(host);
      await customElements.whenDefined(w.tag);
      await waitUntil(() => text(el).includes(w.fr), `${w.tag} in French`, { timeout: 10000 });
      // the element settled (and would have asked for English by now if it were going to)
      await (el as HTMLElement & { updateComplete: Promise<boolean> }).updateComplete;
      await new Promise((r) => setTimeout(r, 100));
      expect(fetched(), 'the widget chunk itself').to.include(`widgets/${w.tag}.js`);
      expect(fetched().filter((f) => f.startsWith('i18n/')), 'no English chunk on a French page').to.deep.equal([]);
      expect(text(el)).to.not.include(w.en);
      host.remove();
    });
  }

  for (const w of WIDGETS) {
    it(`<${w.tag}> under lang="en" requests ${w.chunk} (and no other) and shows English`, async () => {
      const before = fetched().filter((f) => f.startsWith('i18n/'));
      const { host, el } = await show('en', w);
      await loader.discover(host);
      await waitUntil(() => text(el).includes(w.en), `${w.tag} in English`, { timeout: 10000 });
      expect(text(el)).to.not.include(w.fr);
      const now = fetched().filter((f) => f.startsWith('i18n/'));
      expect(now.filter((f) => !before.includes(f))).to.deep.equal([w.chunk]);
      host.remove();
    });
  }
});
