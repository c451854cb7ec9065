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
    expect(decision.textContent).to.match(/Délai de l’administration :\s*12 juillet 2026 \(dans 41 jours\)/);
    await expect(el).to.be.accessible();
  });

  it('overdue steps say so in words, and what the person can do', async () => {
    const el = await fixture<RelaisPathway>(html`<relais-pathway template-id="mdph" today="2026-07-20" .events=${mdphEvents}></relais-pathway>`);
    const late = $$(el, 'ol > li').find((li) => li.classList.contains('overdue'))!;
    expect(late.querySelector('.status')!.textContent).to.equal('Délai dépassé');
    expect(late.textContent).to.match(/dépassé de 8 jours/);
    expect($(el, '[part="next"]')!.textContent).to.match(/réputée rejetée.*jusqu’au 14 septembre 2026 pour contester la décision par écrit auprès de la MDPH \(recours administratif préalable obligatoire\)/);
    expect($(el, '[part="next"]')!.textContent).to.not.match(/RAPO/);
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
    expect(details.textContent).to.match(/Délai : 10 jours après la réception de votre dossier par le département\./);
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
    expect(decision.textContent).to.match(/Délai de l’administration :\s*23 mars 2027/);
    // a decision is never expected after its own rejection date, and what follows never before it
    const times = (li: HTMLElement) => [...li.querySelectorAll('time')].map((t) => t.getAttribute('datetime')!);
    const items = $$(el, 'ol > li');
    expect(times(items[5]!)[0]! > '2027-03-23', 'notification after the decision deadline').to.equal(true);
    expect(times(items[7]!)[0]! > '2027-03-23', 'mise en œuvre after the decision deadline').to.equal(true);
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

  it('issue 15: on 20 September, an APA request of 1 August is flagged late, one of 15 September is not', async () => {
    const aug = await fixture<RelaisPathway>(html`<relais-pathway template-id="apa-domicile" today="2026-09-20" .events=${[{ stepId: 'depot', kind: 'done', date: '2026-08-01' }]}></relais-pathway>`);
    const sep = await fixture<RelaisPathway>(html`<relais-pathway template-id="apa-domicile" today="2026-09-20" .events=${[{ stepId: 'depot', kind: 'done', date: '2026-09-15' }]}></relais-pathway>`);
    const complet = (el: RelaisPathway) => $$(el, 'ol > li')[1]!;
    expect(complet(aug).querySelector('.status')!.textContent).to.equal('Délai dépassé');
    expect(complet(aug).textContent).to.match(/Délai de l’administration :\s*11 août 2026 \(dépassé de 40 jours\)/);
    expect($(aug, '[part="next"]')!.textContent).to.match(/Le département devait accuser réception du dossier ou demander les pièces manquantes au plus tard le 11 août 2026/);
    expect(complet(sep).querySelector('.status')!.textContent).to.equal('En cours');
    expect(complet(sep).textContent).to.match(/25 septembre 2026 \(dans 5 jours\)/);
    await expect(aug).to.be.accessible();
  });

  it('an estimated deadline does not drift with today and is flagged when passed', async () => {
    const events = [{ stepId: 'depot', kind: 'done' as const, date: '2026-09-15' }];
    for (const today of ['2026-12-10', '2027-03-10']) {
      const el = await fixture<RelaisPathway>(html`<relais-pathway template-id="apa-domicile" today=${today} .events=${events}></relais-pathway>`);
      const decision = $$(el, 'ol > li').find((li) => /Décision et notification/.test(li.querySelector('h3')!.textContent!))!;
      // the earliest date the law allows, if the file was complete on time: never « au plus tard », never its consequence
      expect(decision.querySelector('.status')!.textContent).to.equal('Date indicative dépassée');
      expect(decision.textContent).to.match(/Date indicative \(si « Dossier complet \(accusé de réception\) » a eu lieu à temps, le 25 septembre 2026\) :\s*25 novembre 2026/);
      expect(decision.querySelector('.action')!.textContent).to.match(/Pour la connaître, demandez au département la date du dossier complet indiquée sur l’accusé de réception\.$/);
      expect(decision.querySelector('.action')!.textContent).to.not.match(/réputée accordée|forfaitaire/);
      const tags = $$(el, '[part="next"] li').map((li) => li.textContent!);
      expect(tags.find((t) => /Décision et notification/.test(t))).to.match(/^Date indicative dépassée — /);
      expect($(el, '[part="next"]')!.textContent).to.not.match(/réputée accordée/);
    }
  });

  it('the person’s deadline is worded for the person, the administration’s for the administration', async () => {
    const events = [
      { stepId: 'depot', kind: 'done' as const, date: '2026-09-01' },
      { stepId: 'complet', kind: 'done' as const, date: '2026-09-10' },
      { stepId: 'visite', kind: 'done' as const, date: '2026-09-20' },
      { stepId: 'plan', kind: 'done' as const, date: '2026-10-01' },
    ];
    const el = await fixture<RelaisPathway>(html`<relais-pathway template-id="apa-domicile" today="2026-10-05" .events=${events}></relais-pathway>`);
    const items = $$(el, 'ol > li');
    const reply = items.find((li) => /Votre réponse au plan d’aide/.test(li.textContent!))!;
    expect(reply.getAttribute('aria-current')).to.equal('step');
    expect(reply.textContent).to.match(/Votre délai : jusqu’au\s*11 octobre 2026 \(dans 6 jours\)/);
    expect($(el, '[part="next"]')!.textContent).to.match(/Vous avez jusqu’au 11 octobre 2026 pour répondre au plan d’aide \(l’accepter ou faire vos observations\) ; sans réponse, la demande est réputée refusée\./);
    const decision = items.find((li) => /Décision et notification/.test(li.textContent!))!;
    expect(decision.textContent).to.match(/Délai de l’administration :\s*10 novembre 2026/);
    await expect(el).to.be.accessible();
    // the day after: the person's own deadline has passed, and no « contactez l’équipe »
    const late = await fixture<RelaisPathway>(html`<relais-pathway template-id="apa-domicile" today="2026-10-12" .events=${events}></relais-pathway>`);
    const next = $(late, '[part="next"]')!.textContent!;
    expect(next).to.match(/Le délai pour répondre au plan d’aide \(l’accepter ou faire vos observations\) a expiré le 11 octobre 2026 \(à confirmer : ce jour était un dimanche ; le délai est peut-être reporté au 12 octobre 2026\) : sans réponse de votre part, la demande est réputée refusée\./);
    expect(next).to.not.match(/contactez/);
  });

  it('every late item is listed, the person’s own deadline first', async () => {
    // the implicit rejection of Sunday 12 July: the recours ends Saturday 12 September, moved to Monday 14 (CPC 642)
    const monday = await fixture<RelaisPathway>(html`<relais-pathway template-id="mdph" today="2026-09-14" .events=${mdphEvents}></relais-pathway>`);
    expect($$(monday, '[part="next"] li').map((li) => li.className)).to.deep.equal(['action-late', 'action-deadline', 'action-now']);
    expect($$(monday, 'ol > li')[6]!.textContent).to.match(/Votre délai : jusqu’au\s*14 septembre 2026 \(aujourd’hui\)/);
    const el = await fixture<RelaisPathway>(html`<relais-pathway template-id="mdph" today="2026-09-15" .events=${mdphEvents}></relais-pathway>`);
    const lis = $$(el, '[part="next"] li');
    expect(lis.map((li) => li.className)).to.deep.equal(['action-late', 'action-late', 'action-now']);
    expect(lis[0]!.textContent).to.match(/^Délai dépassé — Recours \(si vous contestez\) : Le délai pour contester la décision par écrit auprès de la MDPH \(recours administratif préalable obligatoire\) semble avoir expiré le 14 septembre 2026\. Ce délai ne compte pas si la décision \(ou l’accusé de réception de votre demande\) n’indiquait pas les délais et voies de recours : demandez conseil sans attendre ; une nouvelle demande reste possible\.$/);
    expect(lis[1]!.textContent).to.match(/^Délai dépassé — Décision de la CDAPH : La CDAPH devait décider au plus tard le 12 juillet 2026 ; sans décision à cette date, la demande est réputée rejetée\. .*la MDPH peut encore décider après cette date\.$/);
    const recours = $$(el, 'ol > li')[6]!;
    expect(recours.querySelector('.status')!.textContent).to.equal('Délai dépassé');
    await expect(el).to.be.accessible();
  });

  it('issue 15: a done step dated in the future is refused with a French message, nothing computed', async () => {
    const errors: string[] = [];
    const el = await fixture<RelaisPathway>(html`<relais-pathway template-id="mdph" today="2026-12-02" .events=${[{ stepId: 'depot', kind: 'done', date: '2026-11-02' }, { stepId: 'notification', kind: 'done', date: '2026-12-25' }]} @relais-error=${(e: Event & { message: string }) => errors.push(e.message)}></relais-pathway>`);
    await waitUntil(() => errors.length > 0, 'relais-error fired');
    const alert = $(el, '[role="alert"]')!;
    expect(alert.textContent).to.match(/events\[1\]\.date : le 25 décembre 2026 est après aujourd’hui \(2 décembre 2026\) ; « Notification de la décision » ne peut pas être terminée à une date à venir\./);
    expect($(el, 'ol')).to.equal(null);
    const order = await fixture<RelaisPathway>(html`<relais-pathway template-id="mdph" today="2026-06-01" .events=${[{ stepId: 'depot', kind: 'done', date: '2026-03-12' }, { stepId: 'decision', kind: 'done', date: '2026-02-01' }]}></relais-pathway>`);
    expect($(order, '[role="alert"]')!.textContent).to.match(/« Décision de la CDAPH » est datée du 1er février 2026, avant « Dépôt de la demande » \(12 mars 2026\)/);
    await expect(el).to.be.accessible();
  });

  it('issue 15: documents are « reçu » only when marked received, not when the step only has a date', async () => {
    const el = await fixture<RelaisPathway>(html`<relais-pathway template-id="mdph" today="2026-03-02" .events=${[{ stepId: 'depot', kind: 'done', date: '2026-03-01' }, { stepId: 'depot', kind: 'document-received', date: '2026-03-01', document: 'Justificatif d’identité' }]}></relais-pathway>`);
    const docs = [...$$(el, 'ol > li')[0]!.querySelectorAll('details li')].map((li) => li.textContent);
    expect(docs).to.deep.equal([
      'Formulaire de demande (cerfa 15692) — réception non indiquée',
      'Certificat médical (cerfa 15695) de moins d’un an — réception non indiquée',
      'Justificatif d’identité — reçu',
      'Justificatif de domicile — réception non indiquée',
    ]);
  });

  it('legal references: in words for the public, as written with « à vérifier » for professionals', async () => {
    const pub = await fixture<RelaisPathway>(html`<relais-pathway template-id="apa-domicile" today="2026-09-05" .events=${[{ stepId: 'depot', kind: 'done', date: '2026-09-01' }]}></relais-pathway>`);
    const text = pub.shadowRoot!.textContent!;
    expect(text).to.match(/Texte de référence : article R232-23 du code de l’action sociale et des familles/);
    expect(text).to.not.match(/CASF|à vérifier/);
    const pro = await fixture<RelaisPathway>(html`<relais-pathway pro template-id="apa-domicile" today="2026-09-05" .events=${[{ stepId: 'depot', kind: 'done', date: '2026-09-01' }]}></relais-pathway>`);
    expect(pro.shadowRoot!.textContent).to.match(/Texte de référence : CASF R232-23\s/);
    expect(pro.shadowRoot!.textContent).to.not.match(/R232-23 \(référence à vérifier/, 'R232-23 checked by the legal review');
    // a rule still to be checked: « (à confirmer) » for the public, the mark for professionals
    const ehpadEvents = [{ stepId: 'entree', kind: 'started' as const, date: '2026-03-02' }];
    const ehpadPub = await fixture<RelaisPathway>(html`<relais-pathway template-id="ehpad-admission" facts="sejour-permanent" today="2026-03-10" .events=${ehpadEvents}></relais-pathway>`);
    const contrat = $$(ehpadPub, 'ol > li').find((li) => /Remise du contrat de séjour/.test(li.textContent!))!;
    expect(contrat.textContent).to.match(/Texte de référence : article D311 du code de l’action sociale et des familles \(à confirmer\)/);
    expect(contrat.textContent).to.match(/Délai : 15 jours après « Entrée dans l’établissement » \(à confirmer\)\./);
    expect(ehpadPub.shadowRoot!.textContent).to.not.match(/à vérifier/);
    const ehpadPro = await fixture<RelaisPathway>(html`<relais-pathway pro template-id="ehpad-admission" facts="sejour-permanent" today="2026-03-10" .events=${ehpadEvents}></relais-pathway>`);
    expect(ehpadPro.shadowRoot!.textContent).to.match(/Texte de référence : CASF D311 \(référence à vérifier sur Légifrance\)/);
    // a practice or a recommendation is a source, not a legal text
    const sortie = await fixture<RelaisPathway>(html`<relais-pathway template-id="sortie-hospitalisation" today="2026-05-05" .events=${[{ stepId: 'retour', kind: 'started', date: '2026-05-04' }]}></relais-pathway>`);
    expect(sortie.shadowRoot!.textContent).to.match(/Source : HAS, recommandation/);
    expect(sortie.shadowRoot!.textContent).to.not.match(/Texte de référence : HAS/);
    expect(sortie.shadowRoot!.textContent).to.match(/Texte de référence : article R1112-1-2 du code de la santé publique/);
    const child = await fixture<RelaisPathway>(html`<relais-pathway template-id="protection-enfance" today="2026-03-01" .events=${[{ stepId: 'transmission', kind: 'done', date: '2026-01-05' }]}></relais-pathway>`);
    expect(child.shadowRoot!.textContent).to.match(/Texte de référence : CASF D226-2-4 II/);
    await expect(pub).to.be.accessible();
  });

  it('facts: the EHPAD contract deadline applies to a stay expected over 2 months, habilitation or not', async () => {
    const events = [{ stepId: 'entree', kind: 'started' as const, date: '2026-03-02' }];
    const none = await fixture<RelaisPathway>(html`<relais-pathway template-id="ehpad-admission" today="2026-03-30" .events=${events}></relais-pathway>`);
    const contrat = (el: RelaisPathway) => $$(el, 'ol > li').find((li) => /Remise du contrat de séjour/.test(li.textContent!))!;
    expect(contrat(none).querySelector('.status')!.textContent).to.equal('À venir');
    expect(contrat(none).textContent).to.match(/Ce délai ne s’applique que si : Le séjour prévu dure plus de 2 mois \(hébergement permanent\)\./);
    const permanent = await fixture<RelaisPathway>(html`<relais-pathway template-id="ehpad-admission" facts="sejour-permanent" today="2026-03-30" .events=${events}></relais-pathway>`);
    expect(contrat(permanent).querySelector('.status')!.textContent).to.equal('Délai dépassé');
    expect(contrat(permanent).textContent).to.match(/17 mars 2026 \(dépassé de 13 jours\)/);
    expect(contrat(permanent).textContent).to.match(/L’établissement devait vous remettre le contrat de séjour au plus tard le 17 mars 2026 \(à confirmer\)\./);
    await expect(permanent).to.be.accessible();
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
