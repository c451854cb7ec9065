// A search made before the directory has named its commune (the communes' list still on its way, as on a slow
// connection): it keeps the commune of the page, and what the person typed in the place field is never overwritten.
import { expect, fixture, waitUntil } from '@open-wc/testing';
import '../src/define.js';
import { Gazetteer } from '@relais/core';
import type { RelaisDirectory } from '../src/directory.js';

const $ = <T extends Element = HTMLElement>(el: RelaisDirectory, sel: string) => el.shadowRoot!.querySelector<T>(sel);
const statusText = (el: RelaisDirectory) => $(el, '.status')?.textContent?.trim() ?? '';
const idle = (el: RelaisDirectory) => (el as unknown as { status: string }).status === 'idle';

/** The communes' list arrives `ms` later than usual (a slow network), for the directory and the client alike. */
function slowGazetteer(ms: number): () => void {
  const load = Gazetteer.load;
  Gazetteer.load = (opts) => new Promise((r) => setTimeout(() => r(load.call(Gazetteer, opts)), ms));
  return () => void (Gazetteer.load = load);
}

function type(input: HTMLInputElement, value: string): void {
  input.focus();
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}

describe('<relais-directory> before its commune is named', () => {
  it('words submitted before the first results keep the page’s commune (« près de Clamecy »), not the whole data', async () => {
    const restore = slowGazetteer(600);
    try {
      const wrap = await fixture<HTMLDivElement>(`<div><relais-directory src="/examples/data/nievre.json" departements="58" commune="58079"></relais-directory></div>`);
      const el = wrap.querySelector('relais-directory') as RelaisDirectory;
      await el.updateComplete;
      // the place field is still empty: the commune's name has not arrived
      expect($<HTMLInputElement>(el, '#where')!.value).to.equal('');
      type($<HTMLInputElement>(el, '#what')!, 'ehpad');
      $<HTMLFormElement>(el, 'form')!.requestSubmit();
      const seen = new Set<string>();
      await waitUntil(() => (seen.add(statusText(el)), idle(el) && /près de Clamecy$/.test(statusText(el))), `results near Clamecy (« ${statusText(el)} »)`, { timeout: 8000 });
      expect([...seen].filter((s) => /\d{5}/.test(s)), 'never « près de 58079 »').to.deep.equal([]);
      expect(statusText(el)).to.match(/^\d+ services? trouvés? près de Clamecy$/);
      expect($<HTMLInputElement>(el, '#where')!.value).to.equal('Clamecy');
      // every result within 50 km of Clamecy (the whole Nièvre would reach ~90 km)
      const far = [...el.shadowRoot!.querySelectorAll('.item .distance')].map((d) => d.textContent!.trim()).filter((d) => /km$/.test(d) && parseFloat(d.replace(',', '.')) > 50);
      expect(far, 'no result beyond 50 km').to.deep.equal([]);
    } finally {
      restore();
    }
  });

  it('a town typed in the place field before the commune is named stays as typed, and is the one searched', async () => {
    const restore = slowGazetteer(600);
    try {
      const wrap = await fixture<HTMLDivElement>(`<div><relais-directory src="/examples/data/nievre.json" departements="58" commune="58079"></relais-directory></div>`);
      const el = wrap.querySelector('relais-directory') as RelaisDirectory;
      await el.updateComplete;
      const where = $<HTMLInputElement>(el, '#where')!;
      type(where, 'Nevers');
      await new Promise((r) => setTimeout(r, 900));
      await el.updateComplete;
      expect(where.value, 'the commune’s name arriving late does not replace what was typed').to.equal('Nevers');
      $<HTMLFormElement>(el, 'form')!.requestSubmit();
      await waitUntil(() => idle(el) && /près de Nevers$/.test(statusText(el)), `results near Nevers (« ${statusText(el)} »)`, { timeout: 8000 });
    } finally {
      restore();
    }
  });
});
