/**
 * The i18n policy of every widget: French messages with the element, English loaded on demand
 * (lazyCatalogue + LangController + RelaisElement.messageCatalogues).
 */
import { expect, fixture, waitUntil } from '@open-wc/testing';
import { html } from 'lit';
import { RelaisElement } from '../src/element/base.js';
import { defineElement } from '../src/element/define.js';
import { formatDate, lazyCatalogue, translate, type LazyCatalogue, type Message } from '../src/headless.js';

type K = 'hello' | 'count';
const FR: Record<K, Message> = { hello: 'Bonjour', count: (p) => `${p.n} services` };
const EN: Partial<Record<K, Message>> = { hello: 'Hello', count: (p) => `${p.n} services found` };

/** A loader whose promises the test settles itself, counting its calls. */
function deferredLoader() {
  const calls: Array<{ resolve: (v: Partial<Record<K, Message>>) => void; reject: (e: unknown) => void }> = [];
  const load = () => new Promise<Partial<Record<K, Message>>>((resolve, reject) => calls.push({ resolve, reject }));
  return { load, calls };
}

let n = 0;
/** Defines an element speaking from `cat`, recording each text it rendered. */
function defineWith(cat: LazyCatalogue<K>) {
  const tag = `relais-lazy-test-${++n}`;
  class El extends RelaisElement {
    static override messageCatalogues = [cat];
    rendered: string[] = [];
    override render() {
      const words = `${translate(cat, this.i18n.lang, 'hello')} · ${translate(cat, this.i18n.lang, 'count', { n: 3 })} · ${formatDate('2026-08-01', this.i18n.lang)}`;
      this.rendered.push(words);
      return html`<p>${words}</p>`;
    }
  }
  defineElement(tag, El);
  return tag;
}
const mount = async (tag: string, lang: string) => (await fixture<HTMLDivElement>(`<div lang="${lang}"><${tag}></${tag}></div>`)).firstElementChild as RelaisElement & { rendered: string[] };

describe('English messages on demand (RelaisElement.messageCatalogues)', () => {
  it('a French element never loads the English', async () => {
    const { load, calls } = deferredLoader();
    const cat = lazyCatalogue(FR, load);
    const el = await mount(defineWith(cat), 'fr-FR');
    await el.updateComplete;
    expect(calls).to.have.length(0);
    expect(cat.enLoaded).to.equal(false);
    expect(el.rendered).to.deep.equal(['Bonjour · 3 services · 1er août 2026']);
  });

  it('an English element shows French (words and dates alike, never a key) until its English arrives, then English', async () => {
    const { load, calls } = deferredLoader();
    const cat = lazyCatalogue(FR, load);
    const tag = defineWith(cat);
    const wrap = await fixture<HTMLDivElement>(`<div lang="en-GB"><${tag}></${tag}></div>`);
    const el = wrap.firstElementChild as RelaisElement & { rendered: string[] };
    await waitUntil(() => el.rendered.length > 0, 'first frame');
    expect(el.rendered[0]).to.equal('Bonjour · 3 services · 1er août 2026');
    expect(calls, 'one load').to.have.length(1);
    let settled = false;
    const complete = el.updateComplete.then(() => (settled = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(settled, 'updateComplete waits for the English on its way').to.equal(false);
    calls[0]!.resolve(EN);
    await complete;
    expect(el.shadowRoot!.textContent).to.include('Hello · 3 services found · 1 August 2026');
    expect(el.rendered.every((r) => !/hello|count/.test(r))).to.equal(true);
    // a second English element of the same catalogue: English from its first frame, nothing loaded again
    const second = await mount(tag, 'en');
    expect(second.rendered[0]).to.equal('Hello · 3 services found · 1 August 2026');
    expect(calls).to.have.length(1);
  });

  it('switches to English when the page does, and back', async () => {
    const { load, calls } = deferredLoader();
    const cat = lazyCatalogue(FR, load);
    const el = await mount(defineWith(cat), 'fr');
    el.parentElement!.setAttribute('lang', 'en');
    await waitUntil(() => calls.length === 1, 'asked for English');
    calls[0]!.resolve(EN);
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.include('Hello');
    el.parentElement!.setAttribute('lang', 'fr');
    await waitUntil(() => el.shadowRoot!.textContent!.includes('Bonjour'), 'French again');
  });

  it('English that cannot be loaded leaves the element in French, and a later change tries again', async () => {
    const { load, calls } = deferredLoader();
    const cat = lazyCatalogue(FR, load);
    const el = await mount(defineWith(cat), 'fr');
    el.parentElement!.setAttribute('lang', 'en');
    await waitUntil(() => calls.length === 1, 'asked for English');
    calls[0]!.reject(new TypeError('Failed to fetch dynamically imported module'));
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 20));
    expect(el.shadowRoot!.textContent).to.include('Bonjour · 3 services');
    expect(calls, 'no loop of retries').to.have.length(1);
    el.parentElement!.setAttribute('lang', 'en-US');
    await waitUntil(() => calls.length === 2, 'tried again');
    calls[1]!.resolve(EN);
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.include('Hello');
  });
});
