import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '@relais/core/provider.js';
import '../src/define.js';
import { pathwayTemplates } from '../src/templates.js';
import type { RelaisPathway } from '../src/pathway.js';
import type { RelaisProvider } from '@relais/core';

const $ = <T extends Element = HTMLElement>(el: Element, sel: string) => el.shadowRoot!.querySelector<T>(sel);
const $$ = (el: Element, sel: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(sel)];
const mdphEvents = [
  { stepId: 'depot', kind: 'done' as const, date: '2026-03-12' },
  { stepId: 'recevabilite', kind: 'done' as const, date: '2026-04-01' },
  { stepId: 'evaluation', kind: 'started' as const, date: '2026-04-10' },
];

describe('<relais-pathway>', () => {
  it('an ordered list with an accessible name, aria-current on the current step, status as text, <time datetime>', async () => {
    const el = await fixture<RelaisPathway>(html`<relais-pathway template-id="mdph" today="2026-06-01" .events=${mdphEvents}></relais-pathway>`);
    const ol = $(el, 'ol')!;
    expect(ol.getAttribute('aria-labelledby')).to.equal('pathway-title');
    expect($(el, '#pathway-title')!.textContent).to.equal('Demande à la MDPH');
    const items = $$(el, 'ol > li');
    expect(items).to.have.length(8);
    const current = items.filter((li) => li.getAttribute('aria-current') === 'step');
    expect(current).to.have.length(1);
    expect(current[0]!.querySelector('.status')!.textContent).to.equal('En cours');
    expect(current[0]!.textContent).to.match(/Évaluation par l’équipe pluridisciplinaire/);
    expect(items[0]!.querySelector('.status')!.textContent).to.equal('Terminé');
    expect(items[0]!.querySelector('time')!.getAttribute('datetime')).to.equal('2026-03-12');
    expect(items[0]!.querySelector('time')!.textContent).to.equal('12 mars 2026');
    expect(items[0]!.querySelector('.marker')!.getAttribute('aria-hidden')).to.equal('true');
    expect($(el, '#pathway-summary')!.textContent).to.match(/Étape en cours : Évaluation par l’équipe pluridisciplinaire \(3 sur 8\)/);
    const decision = items[4]!;
    expect(decision.textContent).to.match(/Échéance :\s*12 juillet 2026 \(dans 41 jours\)/);
    await expect(el).to.be.accessible();
  });

  it('overdue steps say so in words, and what the person can do', async () => {
    const el = await fixture<RelaisPathway>(html`<relais-pathway template-id="mdph" today="2026-07-20" .events=${mdphEvents}></relais-pathway>`);
    const late = $$(el, 'ol > li').find((li) => li.classList.contains('overdue'))!;
    expect(late.querySelector('.status')!.textContent).to.equal('Délai dépassé');
    expect(late.textContent).to.match(/dépassée de 8 jours/);
    expect($(el, '[part="next"]')!.textContent).to.match(/réputée rejetée.*RAPO/);
    expect($(el, '[part="next"]')!.getAttribute('role')).to.equal('status');
    await expect(el).to.be.accessible();
  });

  it('keyboard: a step opens its details (documents, actor, legal basis) and fires relais-step-select', async () => {
    const el = await fixture<RelaisPathway>(html`<relais-pathway template-id="apa-domicile" today="2026-09-05" .events=${[{ stepId: 'depot', kind: 'done', date: '2026-09-01' }]}></relais-pathway>`);
    const summary = $$(el, 'summary')[1]!;
    summary.focus();
    expect(el.shadowRoot!.activeElement).to.equal(summary);
    setTimeout(() => summary.click());
    const e = await oneEvent(el, 'relais-step-select');
    expect((e as unknown as { stepId: string }).stepId).to.equal('complet');
    const details = summary.parentElement!;
    expect(details.textContent).to.match(/Délai : 10 jours après « Dépôt du dossier »/);
    expect(details.textContent).to.not.match(/à vérifier/);
    expect(details.textContent).to.match(/Accusé de réception avec la date du dossier complet — à fournir ou attendu/);
  });

  it('horizontal layout keeps list semantics and text statuses', async () => {
    const el = await fixture<RelaisPathway>(html`<relais-pathway template-id="rsa" layout="horizontal" today="2026-03-05" .events=${[{ stepId: 'orientation', kind: 'done', date: '2026-01-31' }]}></relais-pathway>`);
    expect($(el, 'ol')!.classList.contains('horizontal')).to.equal(true);
    expect($$(el, 'ol > li .status').map((s) => s.textContent)).to.deep.equal(['Terminé', 'Terminé', 'Terminé', 'Délai dépassé', 'À venir']);
    await expect(el).to.be.accessible();
  });

  it('simulate my pathway: only the date of the request, the expected calendar; invalid date explained', async () => {
    const el = await fixture<RelaisPathway>(html`<relais-pathway template-id="mdph" simulate today="2026-11-23"></relais-pathway>`);
    const input = $<HTMLInputElement>(el, '#request-date')!;
    $<HTMLButtonElement>(el, '.simulate button')!.click();
    await el.updateComplete;
    expect($(el, '#request-date-error')!.textContent).to.match(/date valide/);
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    input.value = '2026-11-23';
    $<HTMLButtonElement>(el, '.simulate button')!.click();
    await el.updateComplete;
    const decision = $$(el, 'ol > li')[4]!;
    expect(decision.textContent).to.match(/Échéance :\s*23 mars 2027/);
    expect($(el, '#pathway-summary')!.textContent).to.match(/Fin prévisible du parcours/);
    await expect(el).to.be.accessible();
  });

  it('loads a case from a JSON URL; a malformed case is rejected naming the faulty field', async () => {
    const errors: string[] = [];
    const el = await fixture<RelaisPathway>(html`<relais-pathway src="/packages/pathway/test/fixtures/case-bad.json" today="2026-06-01" @relais-error=${(e: Event & { message: string }) => errors.push(e.message)}></relais-pathway>`);
    await waitUntil(() => $(el, '[role="alert"]'), 'error shown');
    expect($(el, '[role="alert"]')!.textContent).to.match(/events\[1\]\.stepId : l’étape « nulle-part » n’existe pas/);
    expect(errors.join()).to.match(/nulle-part/);
    const ok = await fixture<RelaisPathway>(html`<relais-pathway src="/packages/pathway/test/fixtures/case-ehpad.json" today="2026-06-01"></relais-pathway>`);
    await waitUntil(() => $(ok, 'ol'), 'loaded');
    expect($(ok, '#pathway-title')!.textContent).to.equal('Admission en EHPAD');
  });

  it('hostile strings in a host template render as inert text', async () => {
    (window as unknown as { __pwned?: number }).__pwned = undefined;
    const evil = '<img src=x onerror="window.__pwned=1">';
    const template = { id: 'local', label: `Parcours ${evil}`, steps: [{ id: 'a', label: `Étape ${evil}`, actor: { label: evil }, documents: [evil], action: evil }] };
    const el = await fixture<RelaisPathway>(html`<relais-pathway .template=${template} today="2026-01-01"></relais-pathway>`);
    expect($(el, '#pathway-title')!.textContent).to.include('<img');
    expect(el.shadowRoot!.querySelectorAll('img').length).to.equal(0);
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('under a provider, an actor opens the directory filtered on its structure kind near the commune', async () => {
    const p = await fixture<RelaisProvider>(html`<relais-provider><relais-pathway template-id="apa-domicile" commune="58079" today="2026-09-05" .events=${[{ stepId: 'depot', kind: 'done', date: '2026-09-01' }]}></relais-pathway></relais-provider>`);
    const el = p.querySelector('relais-pathway') as RelaisPathway;
    await el.updateComplete;
    const btn = $$(el, 'button.link').find((b) => /Trouver/.test(b.textContent!))!;
    expect(btn.textContent).to.match(/Trouver : CCAS \/ CIAS près de chez vous/);
    btn.click();
    const req = p.store.takeRequest()!;
    expect(req).to.deep.include({ from: 'pathway', commune: '58079' });
    expect(req.typologies).to.deep.equal(['ccas-cias']);
  });

  it('every shipped template renders axe-clean', async () => {
    for (const id of Object.keys(pathwayTemplates)) {
      const el = await fixture<RelaisPathway>(html`<relais-pathway template-id=${id} today="2026-11-23"></relais-pathway>`);
      expect($$(el, 'ol > li').length, id).to.equal(pathwayTemplates[id]!.steps.length);
      await expect(el).to.be.accessible();
    }
  });

  it('print: a stylesheet hides controls and opens every step', async () => {
    const el = await fixture<RelaisPathway>(html`<relais-pathway template-id="rsa" today="2026-11-23"></relais-pathway>`);
    const sheets = (el.shadowRoot!.adoptedStyleSheets ?? []).flatMap((s) => [...s.cssRules]);
    const print = sheets.find((r) => r instanceof CSSMediaRule && r.conditionText === 'print') as CSSMediaRule | undefined;
    expect(print, 'a print media rule').to.not.equal(undefined);
    expect(print!.cssText).to.match(/\.print/);
  });
});
