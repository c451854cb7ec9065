/**
 * The built all-in-one CDN bundles on one page, twice and beside another copy (a CMS including the script twice,
 * or the classic-script build already there): nothing throws, the elements work, one warning per tag.
 */
import { expect, waitUntil } from '@open-wc/testing';

describe('CDN bundle loaded twice', () => {
  it('the second copy never throws, warns once per tag, and the widgets still work', async () => {
    const warn = console.warn;
    const warnings: string[] = [];
    console.warn = (...a: unknown[]) => warnings.push(a.map(String).join(' '));
    const errors: string[] = [];
    const onError = (e: ErrorEvent) => errors.push(e.message);
    window.addEventListener('error', onError);
    try {
      const first = await import('/packages/relais/dist/cdn/relais-all.js?copy=1' as string);
      const second = await import('/packages/relais/dist/cdn/relais-all.js?copy=2' as string);
      // the ESM entry included twice shares its chunks: one module instance, nothing to warn about
      expect(first.RelaisDirectory).to.equal(second.RelaisDirectory);
      expect(customElements.get('relais-directory')).to.equal(first.RelaisDirectory);
      expect(warnings).to.deep.equal([]);
      // the classic-script build on top is a second copy of everything: still no error, one warning per tag
      await new Promise<void>((resolve, reject) => {
        const s = document.createElement('script');
        s.src = '/packages/relais/dist/cdn/relais.iife.js';
        s.onload = () => resolve();
        s.onerror = () => reject(new Error('iife failed to load'));
        document.head.append(s);
      });
      expect((window as unknown as { Relais: { createClient: unknown } }).Relais.createClient).to.be.a('function');
      expect(warnings.filter((w) => /relais-directory/.test(w))).to.have.length(1);
      expect(warnings.filter((w) => /relais-provider/.test(w))).to.have.length(1);
      const host = document.createElement('div');
      host.innerHTML = '<relais-directory src="/examples/data/nievre.json" departements="58"></relais-directory>';
      document.body.append(host);
      const el = host.firstElementChild as HTMLElement;
      await waitUntil(() => el.shadowRoot?.querySelectorAll('.item').length, 'results rendered', { timeout: 8000 });
      host.remove();
      expect(errors).to.deep.equal([]);
    } finally {
      console.warn = warn;
      window.removeEventListener('error', onError);
    }
  });

  it('the IIFE build loads commune chunks from its own folder', async () => {
    const g = await (window as unknown as { Relais: { Gazetteer: { load(o: object): Promise<{ search(q: string): Array<{ code: string }> }> } } }).Relais.Gazetteer.load({ departements: ['58'] });
    expect(g.search('clamecy')[0]!.code).to.equal('58079');
  });
});
