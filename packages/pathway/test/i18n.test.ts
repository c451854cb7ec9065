import { expect, fixture, html } from '@open-wc/testing';
import '../src/define.js';
import type { RelaisPathway } from '../src/pathway.js';
import { messages } from '../src/messages.js';

const $$ = (el: Element, sel: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(sel)];
const events = [
  { stepId: 'depot', kind: 'done' as const, date: '2026-03-01' },
  { stepId: 'recevabilite', kind: 'done' as const, date: '2026-04-01' },
  { stepId: 'evaluation', kind: 'started' as const, date: '2026-04-10' },
];

describe('<relais-pathway> in French and in English', () => {
  it('French: statuses in French, the first of a month written « 1er »', async () => {
    const el = await fixture<RelaisPathway>(html`<relais-pathway template-id="mdph" today="2026-06-01" .events=${events}></relais-pathway>`);
    const items = $$(el, 'ol > li');
    expect(items[0]!.querySelector('.status')!.textContent).to.equal('Terminé');
    expect(items[0]!.querySelector('time')!.textContent).to.equal('1er mars 2026');
  });

  it('English under lang="en": statuses and dates in English (no « 1er »)', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div lang="en"><relais-pathway template-id="mdph" today="2026-06-01" .events=${events}></relais-pathway></div>`);
    const el = wrap.querySelector('relais-pathway') as RelaisPathway;
    await el.updateComplete;
    const items = $$(el, 'ol > li');
    expect(items[0]!.querySelector('.status')!.textContent).to.equal('Done');
    expect(items[0]!.querySelector('time')!.textContent).to.equal('1 March 2026');
    expect(items.find((li) => li.getAttribute('aria-current') === 'step')!.querySelector('.status')!.textContent).to.equal('In progress');
  });

  it('has an English message for every French one', async () => {
    await messages.loadEn(); // the English is its own module, loaded on demand
    expect(Object.keys(messages.fr).filter((k) => !(k in messages.en))).to.deep.equal([]);
  });
});
