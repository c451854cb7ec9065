import { expect, fixture, waitUntil } from '@open-wc/testing';
import '../src/define.js';
import type { RelaisLiaisonForm } from '../src/liaison-form.js';
import { messages } from '../src/messages.js';

const $ = <T extends Element = HTMLElement>(el: Element, sel: string) => el.shadowRoot!.querySelector<T>(sel);
const $$ = (el: Element, sel: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(sel)];
const uniq = () => `relais-i18n-${Math.random().toString(36).slice(2)}`;
const buttons = (el: Element) => $$(el, 'button').map((b) => b.textContent!.trim());

async function mount(lang: string | null): Promise<RelaisLiaisonForm> {
  const wrap = await fixture<HTMLDivElement>(`<div ${lang ? `lang="${lang}"` : ''}><relais-liaison-form template-id="orientation" db-name="${uniq()}"></relais-liaison-form></div>`);
  const el = wrap.querySelector('relais-liaison-form') as RelaisLiaisonForm;
  await waitUntil(() => $(el, '#tasks-title'), 'rendered', { timeout: 8000 });
  await el.updateComplete; // the English messages arrive on demand (French meanwhile)
  return el;
}

describe('<relais-liaison-form> in French and in English', () => {
  it('speaks French by default, every word of the form from its messages', async () => {
    const el = await mount(null);
    expect($(el, '#tasks-title')!.textContent).to.equal('Les parties de la fiche');
    expect($(el, '.status')!.textContent).to.equal('Non commencé');
    expect(buttons(el)).to.include.members(['Relire la fiche', 'Imprimer', 'Exporter la fiche (fichier JSON)', 'Effacer mes données de cet appareil']);
    expect($(el, 'label[for="import-file"]')!.textContent).to.equal('Importer une fiche (fichier JSON exporté)');
  });

  it('speaks English under lang="en" (task list, section, review), the sheet keeping its own words; axe clean', async () => {
    const el = await mount('en');
    expect($(el, '#tasks-title')!.textContent).to.equal('Parts of the sheet');
    expect($(el, '.status')!.textContent).to.equal('Not started');
    expect($(el, '[part="tasks"]')!.textContent).to.match(/0 of \d+ part\(s\) completed\./);
    expect(buttons(el)).to.include.members(['Review the sheet', 'Print', 'Export the sheet (JSON file)', 'Erase my data from this device']);
    await expect(el).to.be.accessible();
    $$(el, 'button.task')[0]!.click();
    await waitUntil(() => $(el, '#section-title'), 'section');
    expect(buttons(el)).to.include.members(['Save and continue', 'Back to the parts of the sheet']);
    expect($(el, '.req')!.textContent).to.equal('(required)');
    // continuing with a required field empty: the summary is in English, the field's own message is the sheet's
    $$(el, 'button').find((b) => /Save and continue/.test(b.textContent!))!.click();
    await waitUntil(() => $(el, '#error-summary'), 'error summary');
    expect($(el, '#error-summary-title')!.textContent).to.match(/^There (is|are) \d+ problems? to fix$/);
    $$(el, 'button').find((b) => /Back to the parts/.test(b.textContent!))!.click();
    await waitUntil(() => $(el, '#tasks-title'), 'tasks');
    $$(el, 'button').find((b) => /Review the sheet/.test(b.textContent!))!.click();
    await waitUntil(() => $(el, '#review-title'), 'review');
    expect($(el, '#review-title')!.textContent).to.equal('Review the sheet');
    expect($(el, 'dd')!.textContent).to.equal('Not given');
  });

  it('follows a change of language on the page', async () => {
    const el = await mount('fr');
    el.parentElement!.setAttribute('lang', 'en');
    await waitUntil(() => $(el, '#tasks-title')!.textContent === 'Parts of the sheet', 'English now');
    el.parentElement!.setAttribute('lang', 'fr-FR');
    await waitUntil(() => $(el, '#tasks-title')!.textContent === 'Les parties de la fiche', 'French again');
  });

  it('has an English message for every French one (but the French-only rewording of the vault’s French text)', async () => {
    await messages.loadEn(); // the English is its own module, loaded on demand
    const missing = Object.keys(messages.fr).filter((k) => !(k in messages.en));
    expect(missing).to.deep.equal(['thisTab']);
  });
});
