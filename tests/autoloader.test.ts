/**
 * The CDN autoloader (`relais.js`): loads the chunks of the widgets on the page and no others, picks
 * up widgets a CMS adds later, and can be included twice.
 */
import { expect, waitUntil } from '@open-wc/testing';

const CDN = '/packages/relais/dist/cdn/';
/** The files the autoloader asked for with <link rel="modulepreload"> (paths from the CDN folder). */
const preloaded = () => [...document.head.querySelectorAll<HTMLLinkElement>('link[rel="modulepreload"]')].map((l) => new URL(l.href).pathname).filter((p) => p.startsWith(CDN)).map((p) => p.slice(CDN.length));
const fetched = () => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname).filter((p) => p.startsWith(CDN)).map((p) => p.slice(CDN.length));

describe('autoloader relais.js', () => {
  it('loads only the widgets present, then those added later, and tolerates a second copy', async () => {
    const errors: string[] = [];
    const onError = (e: ErrorEvent) => errors.push(e.message);
    window.addEventListener('error', onError);
    try {
      const host = document.createElement('div');
      host.innerHTML = '<relais-pathway template-id="mdph"></relais-pathway>';
      document.body.append(host);
      const loader = await import(`${CDN}relais.js` as string);
      await customElements.whenDefined('relais-pathway');
      await waitUntil(() => host.querySelector('relais-pathway')!.shadowRoot?.querySelector('ol'), 'the pathway renders', { timeout: 8000 });
      let files = fetched();
      expect(files).to.include('widgets/relais-pathway.js');
      for (const other of ['relais-directory', 'relais-map', 'relais-eligibility', 'relais-liaison-form']) {
        expect(files, other).to.not.include(`widgets/${other}.js`);
        expect(customElements.get(other), other).to.equal(undefined);
      }
      expect(files.some((f) => f.startsWith('vendor/')), 'no Leaflet without a map').to.equal(false);
      // the pathway's chunks were asked for at once, from the build's list (manifest.json), and nothing of the others
      const manifest = (await (await fetch(`${CDN}manifest.json`)).json()) as { entries: Record<string, string[]>; preload: Record<string, string[]> };
      expect(preloaded()).to.include.members(manifest.entries['widgets/relais-pathway']);
      expect(preloaded()).to.have.members(manifest.preload['relais-pathway']);
      expect(preloaded().some((f) => /sources|ky|directory|labels/.test(f)), 'nothing for other widgets or a source').to.equal(false);

      // a CMS adds a widget after load: the observer loads its chunk
      const later = document.createElement('section');
      later.innerHTML = '<div><relais-directory src="/examples/data/nievre.json" departements="58"></relais-directory></div>';
      document.body.append(later);
      await waitUntil(() => customElements.get('relais-directory'), 'directory defined after insertion', { timeout: 8000 });
      await waitUntil(() => later.querySelector('relais-directory')!.shadowRoot?.querySelectorAll('.item').length, 'results rendered', { timeout: 10000 });
      files = fetched();
      expect(files).to.include('widgets/relais-directory.js');
      expect(files).to.not.include('widgets/relais-map.js');
      // its chunks, its labels and the static source's client (src, no source attribute), each once; not ky
      expect(preloaded()).to.include.members([...manifest.preload['relais-directory'], ...manifest.preload.static]);
      expect(preloaded().some((f) => /sources-/.test(f))).to.equal(true);
      expect(preloaded()).to.not.include('vendor/ky.js');
      expect(new Set(preloaded()).size).to.equal(preloaded().length);

      // a second copy of the loader (a CMS including the script twice) loads nothing twice and throws nothing
      const second = await import(`${CDN}relais.js?copy=2` as string);
      await second.load('relais-eligibility');
      expect(customElements.get('relais-eligibility')).to.be.a('function');
      await loader.load('relais-eligibility');
      expect(fetched().filter((f) => f === 'widgets/relais-eligibility.js')).to.have.length(1);
      expect(loader.TAGS).to.include('relais-liaison-form');

      // discover() on a shadow root of the host's own
      const own = document.createElement('div');
      const root = own.attachShadow({ mode: 'open' });
      root.innerHTML = '<relais-liaison-form template-id="orientation"></relais-liaison-form>';
      document.body.append(own);
      await loader.discover(root);
      expect(customElements.get('relais-liaison-form')).to.be.a('function');
      // a chunk that cannot be loaded: a French message, a rejected promise, and a later call tries again
      const logged: string[] = [];
      const consoleError = console.error;
      console.error = (...a: unknown[]) => logged.push(a.map(String).join(' '));
      try {
        const failure = await loader.load('relais-inexistant').then(() => null, (e: Error) => e);
        expect(failure?.message).to.match(/le composant <relais-inexistant> n’a pas pu être chargé/);
        expect(logged.some((l) => /relais-inexistant> n’a pas pu être chargé/.test(l))).to.equal(true);
        const again = await loader.load('relais-inexistant').then(() => null, (e: Error) => e);
        expect(again, 'tried again, not a cached failure').to.not.equal(null);
        expect(fetched().filter((f) => f === 'widgets/relais-inexistant.js').length).to.equal(2);
      } finally {
        console.error = consoleError;
      }
      host.remove();
      later.remove();
      own.remove();
      expect(errors).to.deep.equal([]);
    } finally {
      window.removeEventListener('error', onError);
    }
  });
});
