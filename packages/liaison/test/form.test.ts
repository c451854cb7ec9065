import { expect, fixture, waitUntil, oneEvent } from '@open-wc/testing';
import '../src/define.js';
import type { RelaisLiaisonForm } from '../src/liaison-form.js';
import { Outbox } from '../src/outbox.js';

const $ = <T extends Element = HTMLElement>(el: Element, sel: string) => el.shadowRoot!.querySelector<T>(sel);
const $$ = (el: Element, sel: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(sel)];
const uniq = () => `relais-form-${Math.random().toString(36).slice(2)}`;
const button = (el: Element, text: RegExp) => $$(el, 'button').find((b) => text.test(b.textContent!)) as HTMLButtonElement;

async function type(el: Element, id: string, value: string): Promise<void> {
  const input = $<HTMLInputElement | HTMLTextAreaElement>(el, `#${id}`)!;
  expect(input, id).to.exist;
  input.focus();
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  await (el as RelaisLiaisonForm).updateComplete;
}
async function pick(el: Element, id: string): Promise<void> {
  const input = $<HTMLInputElement>(el, `#${id}`)!;
  expect(input, id).to.exist;
  input.focus();
  input.click();
  await (el as RelaisLiaisonForm).updateComplete;
}
/** The site's information notice (RGPD art. 13), as a host would give it; without it nothing is sent. */
const NOTICE = {
  controller: 'CCAS de Clamecy (fictif)',
  contact: 'ccas@clamecy.example, 03 86 00 00 01',
  dpo: 'dpo@clamecy.example',
  retention: '2 ans après la fin de l’accompagnement',
  receiver: 'Département de la Nièvre (fictif), service APA',
  access: 'les travailleurs sociaux de l’équipe APA',
};
const N = `notice='${JSON.stringify(NOTICE)}'`;

async function mount(attrs: string): Promise<RelaisLiaisonForm> {
  const wrap = await fixture<HTMLDivElement>(`<div><relais-liaison-form ${attrs}></relais-liaison-form></div>`);
  const el = wrap.querySelector('relais-liaison-form') as RelaisLiaisonForm;
  await waitUntil(() => $(el, '#tasks-title, #resume-title'), 'rendered');
  return el;
}

/** Fills every section of the orientation sheet with the keyboard and comes back to the task list. */
async function fillOrientation(el: RelaisLiaisonForm): Promise<void> {
  button(el, /Qui oriente/).click();
  await el.updateComplete;
  await type(el, 'f-emetteur_structure', 'CCAS (fictif)');
  await type(el, 'f-emetteur_nom', 'Claire Petit, CESF');
  await type(el, 'f-emetteur_telephone', '03 53 01 12 34');
  button(el, /Enregistrer et continuer/).click();
  await waitUntil(() => $(el, '#f-destinataire_structure'), 'next section');
  await type(el, 'f-destinataire_structure', 'Plateforme de répit (fictive)');
  button(el, /Enregistrer et continuer/).click();
  await waitUntil(() => $(el, '#f-personne_nom'), 'person section');
  await type(el, 'f-personne_nom', 'Jeanne Martin');
  await pick(el, 'f-personne_contact-2');
  button(el, /Enregistrer et continuer/).click();
  await waitUntil(() => $(el, '#f-situation'), 'situation section');
  button(el, /Enregistrer et continuer/).click();
  await waitUntil(() => $(el, '#f-motif'), 'motif section');
  await type(el, 'f-motif', 'Épuisement de l’aidant.');
  await pick(el, 'f-besoins-2');
  button(el, /Enregistrer et continuer/).click();
  await waitUntil(() => $(el, '#f-personne_informee'), 'attentes section');
  await pick(el, 'f-personne_informee');
  button(el, /Enregistrer et continuer/).click();
  await waitUntil(() => $(el, '#section-title')?.textContent === 'Documents', 'documents section');
  button(el, /Enregistrer et continuer/).click();
  await waitUntil(() => $(el, '#tasks-title'), 'back to the task list');
}

/** The consent step: regime, answer, method, author (ids of the first radio of each group: `c-<field>`). */
async function answerConsent(el: RelaisLiaisonForm, choices: { regime: number; decision?: number; by?: number; method?: number; recipient?: number; collectedBy?: string }): Promise<void> {
  const nth = (id: string, i: number) => (i === 0 ? id : `${id}-${i}`);
  if (!$<HTMLInputElement>(el, '#c-covered')!.checked) await pick(el, 'c-covered');
  if (choices.recipient !== undefined) await pick(el, nth('c-recipient', choices.recipient));
  await pick(el, nth('c-regime', choices.regime));
  if (choices.by !== undefined) await pick(el, nth('c-by', choices.by));
  await pick(el, nth('c-decision', choices.decision ?? 0));
  await pick(el, nth('c-method', choices.method ?? 0));
  await type(el, 'c-collectedBy', choices.collectedBy ?? 'Claire Petit, CESF');
}

describe('<relais-liaison-form>', () => {
  it('50 "reloads" at random moments while typing: every typed character comes back', async function () {
    this.timeout(90_000);
    const db = uniq();
    let expected = '';
    for (let trial = 0; trial < 50; trial++) {
      const el = await mount(`template-id="orientation" db-name="${db}"`);
      if ($(el, '#resume-title')) button(el, /Reprendre le brouillon/).click();
      await el.updateComplete;
      // « Reprendre » lands on the section in progress (issue 15); a fresh sheet starts at the task list
      if (!$(el, '#f-emetteur_structure')) button(el, /Qui oriente/).click();
      await waitUntil(() => $(el, '#f-emetteur_structure'), 'section open');
      expect($<HTMLInputElement>(el, '#f-emetteur_structure')!.value).to.equal(expected);
      const n = 1 + Math.floor(Math.random() * 8);
      for (let k = 0; k < n; k++) {
        expected += 'abcdéfghïjk’ '[Math.floor(Math.random() * 13)];
        await type(el, 'f-emetteur_structure', expected);
        // sometimes before the debounced save (400 ms), sometimes after it
        const r = Math.random();
        if (r < 0.2) await new Promise((res) => setTimeout(res, Math.random() * 150));
        else if (r < 0.3) await new Promise((res) => setTimeout(res, 450));
      }
      el.parentElement!.remove(); // leaving the page: pagehide / disconnect saves at once
      await new Promise((r) => setTimeout(r, 30));
    }
  });

  it('leaving with a change not yet written asks first (beforeunload); once written, leaving asks nothing', async () => {
    const el = await mount(`template-id="orientation" db-name="${uniq()}"`);
    button(el, /Qui oriente/).click();
    await el.updateComplete;
    const leaveAsks = () => {
      const e = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(e);
      return e.defaultPrevented;
    };
    expect(leaveAsks(), 'nothing typed yet').to.equal(false);
    await type(el, 'f-emetteur_structure', 'CCAS de Clamecy');
    expect(leaveAsks(), 'the save is still running').to.equal(true);
    await type(el, 'f-emetteur_structure', 'CCAS de Clamecy (fictif)');
    await el.flush();
    expect(leaveAsks(), 'every change written').to.equal(false);
    // the form leaves the page (its last save still runs): its guard goes with it
    await type(el, 'f-emetteur_nom', 'Claire');
    el.parentElement!.remove();
    await el.flush();
    expect(leaveAsks(), 'the form left the page: no question').to.equal(false);
  });

  it('validation when continuing: an error summary that takes focus and links to each field; nothing cleared', async () => {
    const el = await mount(`template-id="orientation" db-name="${uniq()}"`);
    button(el, /Qui oriente/).click();
    await el.updateComplete;
    await type(el, 'f-emetteur_telephone', '12 34');
    button(el, /Enregistrer et continuer/).click();
    await waitUntil(() => el.shadowRoot!.activeElement?.id === 'error-summary', 'summary focused');
    const links = $$(el, '#error-summary a');
    expect(links.map((a) => a.getAttribute('href'))).to.deep.equal(['#f-emetteur_structure', '#f-emetteur_nom', '#f-emetteur_telephone']);
    expect($(el, '#f-emetteur_telephone-error')!.textContent).to.match(/10 chiffres, par exemple 03 86 12 34 56/);
    expect($<HTMLInputElement>(el, '#f-emetteur_telephone')!.value).to.equal('12 34');
    expect($(el, '#f-emetteur_telephone')!.getAttribute('aria-describedby')).to.include('f-emetteur_telephone-error');
    links[2]!.click();
    expect(el.shadowRoot!.activeElement?.id).to.equal('f-emetteur_telephone');
    await expect(el).to.be.accessible();
  });

  it('the review reads in order: section titles above the field labels at any heading level, the update date not a heading; axe clean', async () => {
    const el = await mount(`template-id="orientation" db-name="${uniq()}" heading-level="3"`);
    button(el, /Qui oriente/).click();
    await el.updateComplete;
    await type(el, 'f-emetteur_structure', 'CCAS de Clamecy (fictif)');
    await el.flush();
    button(el, /Revenir à la liste/).click();
    await el.updateComplete;
    button(el, /Relire la fiche/).click();
    await waitUntil(() => $(el, '.review .updated'), 'review with its date');
    const style = (sel: string) => getComputedStyle($(el, sel)!);
    const title = $(el, '.review section > :is(h2, h3, h4, h5, h6)')!;
    expect(title.tagName, 'a deep level: the browser would make it 0.83em').to.equal('H5');
    const px = (v: string) => parseFloat(v);
    expect(px(getComputedStyle(title).fontSize), 'section title vs field label').to.be.above(px(style('.review dt').fontSize));
    expect(Number(getComputedStyle(title).fontWeight)).to.be.at.least(Number(style('.review dt').fontWeight));
    expect(Number(style('.review .updated').fontWeight), 'the date is not bold like a heading').to.be.below(600);
    expect(px(style('.review .updated').fontSize)).to.be.below(px(getComputedStyle(title).fontSize));
    await expect(el).to.be.accessible();
  });

  it('keyboard completion of the orientation sheet, review, consent, send: received, draft deleted, event without content', async () => {
    const db = uniq();
    const el = await mount(`template-id="orientation" db-name="${db}" endpoint="/liaison/receive" ${N}`);
    await fillOrientation(el);
    expect($$(el, '.tasks .status').map((s) => s.textContent)).to.deep.equal(['Terminé', 'Terminé', 'Terminé', 'Non commencé', 'Terminé', 'Terminé', 'Non commencé']);
    button(el, /Relire la fiche/).click();
    await el.updateComplete;
    expect($(el, '.review')!.textContent).to.match(/Répit de l’aidant/);
    button(el, /accord de partage/).click();
    await waitUntil(() => $(el, '#consent-title'), 'consent step');
    button(el, /Enregistrer la réponse/).click();
    await waitUntil(() => $(el, '#error-summary'), 'consent asked');
    await answerConsent(el, { regime: 0, by: 0 });
    setTimeout(() => button(el, /Enregistrer la réponse/).click());
    const e = (await oneEvent(el, 'relais-submit')) as unknown as { state: string; receiptId: string; templateId: string; recipientType: string };
    expect(e.state).to.equal('sent');
    // for measurement: the template and the kind of recipient (the template's default one), never a name
    expect([e.templateId, e.recipientType]).to.deep.equal(['orientation', 'destinataire']);
    expect(JSON.stringify(e)).to.not.match(/Jeanne|Martin/);
    await waitUntil(() => /Fiche transmise/.test($(el, '#result-title')?.textContent ?? ''), 'sent');
    // review F17: after a send, how to object to what follows or withdraw the agreement — for the future only
    expect($(el, '.sent')!.textContent).to.match(/Pour s’opposer à la suite du partage ou retirer l’accord, contactez la structure destinataire en donnant l’accusé de réception [\w-]{8} : cela vaut pour l’avenir, ce qui a été envoyé ne peut pas être repris\./);
    await expect(el).to.be.accessible();
    // the draft is gone after the receipt
    const again = await mount(`template-id="orientation" db-name="${db}"`);
    expect($(again, '#resume-title')).to.equal(null);
  });

  it('keyboard completion of the DLU-Dom required fields, print stylesheet with the confidentiality notice', async () => {
    const el = await mount(`template-id="dlu-domicile" db-name="${uniq()}"`);
    button(el, /^Identité et lieu de vie$/).click();
    await el.updateComplete;
    await type(el, 'f-nom_naissance', 'MARTIN');
    await type(el, 'f-prenoms', 'Jeanne');
    await type(el, 'f-date_naissance', '1941-03-27');
    await type(el, 'f-adresse', '12 rue des Forges, 58500 Clamecy');
    button(el, /Enregistrer et continuer/).click();
    await waitUntil(() => $(el, '#f-mesure_protection'), 'protection');
    await pick(el, 'f-mesure_protection');
    button(el, /Enregistrer et continuer/).click();
    await waitUntil(() => $(el, '#f-medecin_traitant'), 'cadre de vie');
    await type(el, 'f-medecin_traitant', 'Dr Durand, 03 53 01 00 00');
    button(el, /Enregistrer et continuer/).click();
    await waitUntil(() => $(el, '#f-allergies'), 'santé');
    await type(el, 'f-allergies', 'aucune connue');
    button(el, /Enregistrer et continuer/).click();
    await waitUntil(() => $(el, '#f-etat_psychique'), 'état');
    button(el, /Enregistrer et continuer/).click();
    await waitUntil(() => $(el, '#f-directives_anticipees'), 'volontés');
    button(el, /Enregistrer et continuer/).click();
    await waitUntil(() => $(el, '#f-documents_joints'), 'documents');
    button(el, /Enregistrer et continuer/).click();
    await waitUntil(() => $(el, '#f-rempli_par'), 'rédaction');
    await type(el, 'f-rempli_par', 'Jeanne Martin avec sa fille');
    await type(el, 'f-date_mise_a_jour', '2026-11-02');
    button(el, /Enregistrer et continuer/).click();
    await waitUntil(() => $(el, '#f-aller_date'), 'fiche aller');
    button(el, /Enregistrer et continuer/).click();
    await waitUntil(() => $(el, '#f-retour_date'), 'fiche retour');
    button(el, /Enregistrer et continuer/).click();
    await waitUntil(() => $(el, '#tasks-title'), 'task list');
    expect($$(el, '.tasks .status').slice(0, 4).map((s) => s.textContent)).to.deep.equal(['Terminé', 'Terminé', 'Terminé', 'Terminé']);
    const rules = (el.shadowRoot!.adoptedStyleSheets ?? []).flatMap((s) => [...s.cssRules]);
    const print = rules.find((r) => r instanceof CSSMediaRule && r.conditionText === 'print') as CSSMediaRule;
    expect(print.cssText).to.match(/Confidentiel : données de santé/);
    expect(print.cssText).to.match(/14pt/);
  });

  it('shared device: an accessible warning, then the sheet is erased after inactivity', async () => {
    const el = await mount(`template-id="orientation" device="shared" idle-minutes="0.02" db-name="${uniq()}"`);
    button(el, /Qui oriente/).click();
    await el.updateComplete;
    await type(el, 'f-emetteur_structure', 'Guichet France Services');
    await waitUntil(() => $(el, '.warning[role="alert"]'), 'warning shown', { timeout: 3000 });
    await waitUntil(() => /effacée de cet ordinateur après une période d’inactivité/.test($(el, '.saved')!.textContent!), 'erased', { timeout: 4000 });
    expect($(el, '#tasks-title')).to.exist;
  });

  it('"Effacer mes données de cet appareil" is always there and erases', async () => {
    const db = uniq();
    const el = await mount(`template-id="orientation" db-name="${db}"`);
    button(el, /Qui oriente/).click();
    await el.updateComplete;
    await type(el, 'f-emetteur_structure', 'X');
    await el.flush();
    button(el, /Effacer mes données/).click();
    await waitUntil(() => /effacées de cet appareil/.test($(el, '.saved')!.textContent!), 'erased');
    const again = await mount(`template-id="orientation" db-name="${db}"`);
    expect($(again, '#resume-title')).to.equal(null);
  });

  it('an unusable template is explained in French instead of the form, never replaced by another sheet', async () => {
    const wrap = await fixture<HTMLDivElement>('<div></div>');
    const el = document.createElement('relais-liaison-form') as RelaisLiaisonForm;
    el.dbName = uniq();
    el.template = { id: 'ma-fiche', title: 'Ma fiche', sections: [{ id: 's', title: 'x'.repeat(5000), fields: [] }] } as unknown as RelaisLiaisonForm['template'];
    const failed = new Promise<Event & { message?: string }>((r) => el.addEventListener('relais-error', (e) => r(e as Event & { message?: string }), { once: true }));
    wrap.append(el);
    const alert = await waitUntil(() => el.shadowRoot!.querySelector('[role="alert"]'), 'alert shown').then(() => el.shadowRoot!.querySelector('[role="alert"]')!);
    expect(alert.textContent).to.match(/Cette fiche ne peut pas être affichée/);
    expect(alert.textContent!.length).to.be.below(400);
    expect(el.shadowRoot!.querySelector('#tasks-title')).to.equal(null, 'no form');
    expect(el.shadowRoot!.textContent).to.not.match(/fiche frigo/, 'the default sheet is not shown instead');
    await failed;
    el.templateId = 'inexistante';
    el.template = undefined;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.match(/Modèle de fiche inconnu : « inexistante »/);
    await expect(el).to.be.accessible();
  });

  it('import: a valid export fills the sheet; an invalid file is refused in French, next to the field', async () => {
    const el = await mount(`template-id="orientation" db-name="${uniq()}"`);
    const input = $<HTMLInputElement>(el, '#import-file')!;
    const put = async (content: string) => {
      const dt = new DataTransfer();
      dt.items.add(new File([content], 'fiche.json', { type: 'application/json' }));
      input.files = dt.files;
      input.dispatchEvent(new Event('change'));
      await new Promise((r) => setTimeout(r, 100));
      await el.updateComplete;
    };
    await put('{"format":"autre"}');
    expect($(el, '#import-error')!.textContent).to.match(/pas une fiche exportée par Relais/);
    expect(input.getAttribute('aria-describedby')).to.include('import-error');
    await put(JSON.stringify({ format: 'relais-liaison', formatVersion: 1, template: 'orientation', templateVersion: '2026-1', exportedAt: '2026-11-23T10:00:00Z', values: { emetteur_structure: 'CCAS importé', inconnu: 'x' } }));
    await waitUntil(() => /Fiche importée ; 1 champ/.test($(el, '.saved')!.textContent!), 'imported');
    button(el, /Qui oriente/).click();
    await el.updateComplete;
    expect($<HTMLInputElement>(el, '#f-emetteur_structure')!.value).to.equal('CCAS importé');
  });

  it('passphrase mode: the phrase is asked, checked, never stored; a wrong one is explained', async function () {
    this.timeout(60_000);
    const db = uniq();
    const el = await fixture<HTMLDivElement>(`<div><relais-liaison-form template-id="orientation" passphrase-mode db-name="${db}"></relais-liaison-form></div>`).then((w) => w.firstElementChild as RelaisLiaisonForm);
    await waitUntil(() => $(el, '#unlock-title'), 'asked');
    const pass = $<HTMLInputElement>(el, '#passphrase')!;
    pass.value = 'court';
    button(el, /Ouvrir la fiche/).click();
    await el.updateComplete;
    expect($(el, '#passphrase-error')!.textContent).to.match(/au moins 8 caractères/);
    pass.value = 'trois mots hasard';
    button(el, /Ouvrir la fiche/).click();
    await waitUntil(() => $(el, '#tasks-title'), 'opened', { timeout: 15000 }); // 600 000 PBKDF2 rounds: seconds on a busy machine
    button(el, /Qui oriente/).click();
    await el.updateComplete;
    await type(el, 'f-emetteur_structure', 'Protégé');
    await el.flush();
    el.parentElement!.remove();
    const again = await fixture<HTMLDivElement>(`<div><relais-liaison-form template-id="orientation" passphrase-mode db-name="${db}"></relais-liaison-form></div>`).then((w) => w.firstElementChild as RelaisLiaisonForm);
    await waitUntil(() => $(again, '#unlock-title'), 'asked again');
    $<HTMLInputElement>(again, '#passphrase')!.value = 'mauvaise phrase';
    button(again, /Ouvrir la fiche/).click();
    await waitUntil(() => $(again, '#passphrase-error'), 'refused', { timeout: 15000 }); // 600 000 PBKDF2 rounds: seconds on a busy machine
    expect($(again, '#passphrase-error')!.textContent).to.match(/ne correspond pas/);
    $<HTMLInputElement>(again, '#passphrase')!.value = 'trois mots hasard';
    button(again, /Ouvrir la fiche/).click();
    await waitUntil(() => $(again, '#resume-title'), 'draft found', { timeout: 15000 }); // 600 000 PBKDF2 rounds: seconds on a busy machine
    button(again, /Reprendre le brouillon/).click();
    await again.updateComplete;
    expect($<HTMLInputElement>(again, '#f-emetteur_structure')!.value).to.equal('Protégé');
    await expect(again).to.be.accessible();
  });

  it('offline: the sheet waits in the outbox, said in words; the consent can be withdrawn before it leaves', async () => {
    const db = uniq();
    const el = await mount(`template-id="orientation" db-name="${db}" endpoint="http://127.0.0.1:9/fiches" ${N}`);
    await fillOrientation(el);
    button(el, /Relire la fiche/).click();
    await el.updateComplete;
    button(el, /accord de partage/).click();
    await waitUntil(() => $(el, '#consent-title'), 'consent step');
    await answerConsent(el, { regime: 0, by: 0 });
    button(el, /Enregistrer la réponse/).click();
    await waitUntil(() => /En attente d’envoi/.test($(el, '#result-title')?.textContent ?? ''), 'queued', { timeout: 8000 });
    expect($(el, '.sent')!.textContent).to.match(/pas encore transmis/);
    const outbox = new Outbox('http://127.0.0.1:9/fiches', { dbName: db });
    expect((await outbox.pending()).length).to.equal(1);
    button(el, /Annuler l’envoi et retirer l’accord/).click();
    await waitUntil(() => /Envoi annulé/.test($(el, '#result-title')?.textContent ?? ''), 'withdrawn');
    expect((await outbox.pending()).length).to.equal(0);
    outbox.close();
    await expect(el).to.be.accessible();
  });
});

describe('<relais-liaison-form>: consent regimes, sections shared, resuming (issues 22 and 15)', () => {
  /** Reads what waits in the outbox (the sheet and its record), as the receiver would get it. */
  async function queued(db: string): Promise<{ values: Record<string, unknown>; consent: Record<string, unknown> }> {
    const outbox = new Outbox('/liaison/receive', { dbName: db });
    const [key] = await outbox.pending();
    const got = (await outbox.queued(key!))! as unknown as { values: Record<string, unknown>; consent: Record<string, unknown> };
    outbox.close();
    return got;
  }

  async function fillDlu(el: RelaisLiaisonForm, extra: () => Promise<void> = async () => {}): Promise<void> {
    button(el, /^Identité et lieu de vie$/).click();
    await el.updateComplete;
    await type(el, 'f-nom_naissance', 'MARTIN');
    await type(el, 'f-prenoms', 'Jeanne');
    await type(el, 'f-date_naissance', '1941-03-27');
    await type(el, 'f-adresse', '12 rue des Forges, 58500 Clamecy');
    await type(el, 'f-acces_logement', 'code 4521B, clés chez la voisine');
    button(el, /Enregistrer et continuer/).click();
    await waitUntil(() => $(el, '#f-mesure_protection'), 'protection');
    await pick(el, 'f-mesure_protection');
    await extra();
    for (const [id, next] of [
      ['f-medecin_traitant', 'Dr Durand, 03 53 01 00 00'],
      ['f-allergies', 'aucune connue'],
    ] as const) {
      button(el, /Enregistrer et continuer/).click();
      await waitUntil(() => $(el, `#${id}`), id);
      await type(el, id, next);
    }
    for (const id of ['f-etat_psychique', 'f-directives_anticipees', 'f-documents_joints', 'f-rempli_par']) {
      button(el, /Enregistrer et continuer/).click();
      await waitUntil(() => $(el, `#${id}`), id);
    }
    await type(el, 'f-rempli_par', 'Jeanne Martin avec sa fille');
    await type(el, 'f-date_mise_a_jour', '2026-11-02');
    button(el, /Enregistrer et continuer/).click();
    await waitUntil(() => $(el, '#f-aller_motif'), 'fiche aller');
    await type(el, 'f-aller_motif', 'Chute dans la cuisine');
    button(el, /Enregistrer et continuer/).click();
    await waitUntil(() => $(el, '#f-retour_diagnostic'), 'fiche retour');
    await type(el, 'f-retour_diagnostic', 'Entorse du poignet');
    button(el, /Revenir à la liste des parties/).click();
    await waitUntil(() => $(el, '#tasks-title'), 'tasks');
  }

  it('the consent step by keyboard: the regime first, the R1110-3 information, errors in a summary that takes focus; axe clean', async () => {
    const { sendKeys } = await import('@web/test-runner-commands');
    const el = await mount(`template-id="orientation" db-name="${uniq()}" endpoint="/liaison/receive" ${N}`);
    await fillOrientation(el);
    button(el, /Relire la fiche/).click();
    await el.updateComplete;
    button(el, /accord de partage/).click();
    await waitUntil(() => el.shadowRoot!.activeElement?.id === 'consent-title', 'heading focused');
    expect($(el, '#information')).to.equal(null, 'the information depends on the regime');
    expect($(el, '#notice-missing')).to.equal(null, 'the site gave its notice');
    // keyboard: Tab reaches the prior question (R1110-2), Space checks; then the regimes, outside the team first
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement?.id).to.equal('c-covered');
    expect($(el, '#c-covered-hint')!.textContent).to.match(/périmètre de leurs missions \(CSP R1110-1 2°\)/);
    expect($(el, '#c-regime')).to.equal(null, 'the regimes depend on the prior question');
    await sendKeys({ press: ' ' });
    await el.updateComplete;
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement?.id).to.equal('c-regime');
    expect($(el, 'label[for="c-regime"]')!.textContent).to.equal('Partage avec un professionnel hors de l’équipe de soins (recommandé pour cette fiche)');
    expect($(el, '#c-regime-hint')!.textContent).to.match(/Dans le doute, choisissez « hors de l’équipe de soins »/);
    expect($$(el, 'input[name="c-regime"]').length).to.equal(3, 'no child protection for an adult');
    await sendKeys({ press: ' ' });
    await el.updateComplete;
    expect($<HTMLInputElement>(el, '#c-regime')!.checked).to.equal(true);
    const info = $(el, '#information')!;
    expect(info.textContent).to.match(/Rien n’est envoyé sans votre accord/);
    expect(info.textContent).to.match(/Plateforme de répit \(fictive\)/);
    expect(info.textContent).to.match(/La fiche est reçue par Département de la Nièvre \(fictif\), service APA ; y ont accès : les travailleurs sociaux de l’équipe APA/);
    expect(info.textContent).to.match(/Responsable du traitement : CCAS de Clamecy \(fictif\).*Délégué à la protection des données : dpo@clamecy\.example.*réclamation à la CNIL/s);
    expect(info.textContent).to.match(/Qui vous informe : Claire Petit, CESF, CCAS \(fictif\), le \d{1,2} \p{L}+ \d{4}/u);
    expect(info.textContent).to.match(/Version du texte d’information : information-partage-2026-12b/);
    expect($(el, '.parts')!.textContent).to.match(/Qui oriente.*Motif et besoins/s);
    // the answer is written in the third person; no « j'accepte » anywhere
    expect($(el, 'form.consent')!.textContent).to.not.match(/j’accepte|J'accepte/i);
    expect($(el, 'label[for="c-decision"]')!.textContent).to.equal('La personne donne son accord au partage');
    // without a measure, nobody answers in her place
    expect($(el, '#c-by-1')).to.equal(null);
    expect($(el, '#c-by-hint')!.textContent).to.equal('La personne répond elle-même.');
    // submit with Enter from the author field: the summary lists what is missing and takes focus
    $<HTMLInputElement>(el, '#c-collectedBy')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.shadowRoot!.activeElement?.id === 'error-summary', 'summary focused');
    expect($$(el, '#error-summary a').map((a) => a.getAttribute('href'))).to.deep.equal(['#c-by', '#c-decision', '#c-method', '#c-collectedBy']);
    expect($(el, '#c-decision')!.closest('fieldset')!.getAttribute('aria-describedby')).to.include('c-decision-error');
    await expect(el).to.be.accessible();
    // the printable copy: only the information is printed
    const print = window.print;
    let printed: string | null = null;
    window.print = () => (printed = el.getAttribute('data-print'));
    try {
      button(el, /Imprimer l’information pour la personne/).click();
    } finally {
      window.print = print;
    }
    expect(printed).to.equal('information');
    expect(el.hasAttribute('data-print')).to.equal(false);
    const rules = (el.shadowRoot!.adoptedStyleSheets ?? []).flatMap((s) => [...s.cssRules]);
    const printRule = rules.find((r) => r instanceof CSSMediaRule && r.conditionText === 'print') as CSSMediaRule;
    expect(printRule.cssText).to.match(/data-print="information"\]\) \.consent > :not\(\.information\)/);
  });

  it('an objection is recorded and nothing is sent', async () => {
    const db = uniq();
    const el = await mount(`template-id="orientation" db-name="${db}" endpoint="/liaison/receive" ${N}`);
    await fillOrientation(el);
    button(el, /Relire la fiche/).click();
    await el.updateComplete;
    button(el, /accord de partage/).click();
    await waitUntil(() => $(el, '#consent-title'), 'consent step');
    let submitted = false;
    el.addEventListener('relais-submit', () => (submitted = true));
    await answerConsent(el, { regime: 1, by: 0, decision: 1, method: 1 });
    expect($(el, '#information')!.textContent).to.match(/vous opposer à ce partage/);
    button(el, /Enregistrer la réponse/).click();
    await waitUntil(() => /Fiche non transmise/.test($(el, '#result-title')?.textContent ?? ''), 'not shared');
    expect($(el, '.sent')!.textContent).to.match(/Réponse enregistrée : la personne s’oppose au partage \(par écrit, recueillie par Claire Petit, CESF/);
    expect(submitted).to.equal(false);
    expect(await new Outbox('/liaison/receive', { dbName: db }).pending()).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('DLU-Dom to the emergency department: only its sections leave, never the door code; the record holds regime, text version, method, author', async () => {
    const db = uniq();
    const el = await mount(`template-id="dlu-domicile" db-name="${db}" endpoint="http://127.0.0.1:9/fiches" ${N}`);
    await fillDlu(el);
    button(el, /Relire la fiche/).click();
    await el.updateComplete;
    button(el, /accord de partage/).click();
    await waitUntil(() => $(el, '#consent-title'), 'consent step');
    await pick(el, 'c-recipient');
    const parts = $(el, '.parts')!.textContent!;
    expect(parts).to.match(/Fiche aller/);
    expect(parts).to.match(/Jamais transmis : Fiche retour \(par le service des urgences\) ; Animaux à prendre en charge ; Où sont-ils rangés \? ; Accès au logement/);
    expect($$(el, 'input[name="c-recipient"]').length).to.equal(3, 'urgences, médecin traitant, intervenants');
    await answerConsent(el, { regime: 2, by: 0, method: 0, collectedBy: 'Infirmière du SSIAD' });
    await pick(el, 'c-copyGiven');
    button(el, /Enregistrer la réponse/).click();
    await waitUntil(() => /En attente d’envoi/.test($(el, '#result-title')?.textContent ?? ''), 'queued', { timeout: 8000 });
    const { values, consent } = await queued(db);
    expect(values['aller_motif']).to.equal('Chute dans la cuisine');
    expect(values).to.not.have.property('acces_logement');
    expect(values).to.not.have.property('retour_diagnostic');
    expect(values).to.not.have.property('animaux');
    expect(JSON.stringify(values)).to.not.match(/4521B/);
    expect(consent).to.include({ regime: 'echange', decision: 'pas-d-opposition', method: 'oral', collectedBy: 'Infirmière du SSIAD', by: 'personne', textVersion: 'information-partage-2026-12b', templateVersion: '2026-3', copyGiven: true, recipientId: 'urgences' });
    expect(consent['textSha256']).to.match(/^[0-9a-f]{64}$/);
    expect(consent['sections']).to.not.include('fiche-retour');
  });

  it('child protection, for a minor only: the parents are informed (not asked); not informing them needs a reason and records nobody; the sheet is sent', async () => {
    const db = uniq();
    const el = await mount(`template-id="orientation" db-name="${db}" endpoint="http://127.0.0.1:9/fiches" ${N}`);
    await fillOrientation(el);
    button(el, /^La personne$/).click();
    await waitUntil(() => $(el, '#f-personne_naissance'), 'person section');
    await type(el, 'f-personne_naissance', '2016-04-12');
    button(el, /Revenir à la liste des parties/).click();
    await el.updateComplete;
    button(el, /Relire la fiche/).click();
    await el.updateComplete;
    button(el, /accord de partage/).click();
    await waitUntil(() => $(el, '#consent-title'), 'consent step');
    await pick(el, 'c-covered');
    expect($(el, 'label[for="c-regime-3"]')!.textContent).to.equal('Protection de l’enfance (pour un mineur)');
    await pick(el, 'c-regime-3');
    expect($(el, '#c-by')).to.equal(null, 'nobody is asked to agree');
    expect($(el, '#information')!.textContent).to.match(/Pourquoi : Pour évaluer la situation de l’enfant/);
    expect($(el, '#information')!.textContent).to.match(/informés avant, sauf si c’est contraire à l’intérêt de l’enfant/);
    expect($(el, '#c-decision')!.closest('fieldset')!.querySelector('legend')!.textContent).to.equal('Information des parents');
    await pick(el, 'c-decision-1');
    await pick(el, 'c-method');
    await type(el, 'c-collectedBy', 'Claire Petit, CESF');
    button(el, /Enregistrer la réponse/).click();
    await waitUntil(() => $(el, '#error-summary'), 'reason asked');
    expect($$(el, '#error-summary a').map((a) => a.getAttribute('href'))).to.deep.equal(['#c-childInterestReason']);
    await type(el, 'c-childInterestReason', 'Le père est mis en cause.');
    await pick(el, 'c-childInformed');
    button(el, /Enregistrer la réponse/).click();
    await waitUntil(() => /En attente d’envoi/.test($(el, '#result-title')?.textContent ?? ''), 'queued', { timeout: 8000 });
    const { consent } = await queued(db);
    expect(consent).to.include({ regime: 'protection-enfance', decision: 'information-contraire-interet', by: 'aucun', childInterestReason: 'Le père est mis en cause.', childInformed: true });
  });

  it('a representative is offered only where the measure allows it, with the condition of art. 459 to confirm', async () => {
    const el = await mount(`template-id="dlu-domicile" db-name="${uniq()}" endpoint="http://127.0.0.1:9/fiches" ${N}`);
    await fillDlu(el, async () => {
      await pick(el, 'f-mesure_protection-3'); // tutelle
      await type(el, 'f-mandataire', 'UDAF, 03 86 00 00 00');
    });
    button(el, /Relire la fiche/).click();
    await el.updateComplete;
    button(el, /accord de partage/).click();
    await waitUntil(() => $(el, '#consent-title'), 'consent step');
    await pick(el, 'c-recipient');
    await pick(el, 'c-covered');
    await pick(el, 'c-regime');
    expect($(el, 'label[for="c-by-1"]')!.textContent).to.equal('Son représentant : le tuteur');
    expect($(el, '#c-by-hint')!.textContent).to.match(/le tuteur ne répond à sa place que si le juge l’a autorisé à la représenter/i);
    await pick(el, 'c-by-1');
    await pick(el, 'c-decision');
    await pick(el, 'c-method');
    await type(el, 'c-collectedBy', 'Claire Petit, CESF');
    button(el, /Enregistrer la réponse/).click();
    await waitUntil(() => $(el, '#error-summary'), 'summary');
    expect($$(el, '#error-summary a').map((a) => a.getAttribute('href'))).to.deep.equal(['#c-representativeName', '#c-representativeConfirmed', '#c-protectedPersonInformed']);
    expect($(el, 'label[for="c-representativeConfirmed"]')!.textContent).to.match(/^L’état de la personne ne lui permet pas de prendre seule une décision personnelle éclairée, et le juge a autorisé le tuteur/);
    await expect(el).to.be.accessible();
  });

  it('« Reprendre » lands on the section in progress; the directory id is never shown; the door code is off paper unless enabled', async () => {
    const db = uniq();
    const el = await mount(`template-id="orientation" db-name="${db}"`);
    button(el, /Vers qui/).click();
    await el.updateComplete;
    expect($(el, '#f-destinataire_service_id')).to.equal(null);
    expect(el.shadowRoot!.textContent).to.not.match(/Identifiant du service/);
    button(el, /Revenir à la liste des parties/).click();
    await el.updateComplete;
    button(el, /La personne/).click();
    await el.updateComplete;
    await type(el, 'f-personne_nom', 'Jeanne Mar');
    await el.flush();
    el.parentElement!.remove();
    const again = await mount(`template-id="orientation" db-name="${db}"`);
    button(again, /Reprendre le brouillon/).click();
    await waitUntil(() => again.shadowRoot!.activeElement?.id === 'section-title', 'section heading focused');
    expect($(again, '#section-title')!.textContent).to.equal('La personne');
    expect($<HTMLInputElement>(again, '#f-personne_nom')!.value).to.equal('Jeanne Mar');
    // the DLU review: the door code is marked device-only and hidden from print unless the site enables it
    const dlu = await mount(`template-id="dlu-domicile" db-name="${uniq()}"`);
    button(dlu, /^Identité et lieu de vie$/).click();
    await dlu.updateComplete;
    await type(dlu, 'f-acces_logement', 'code 4521B');
    expect($(dlu, '#f-acces_logement')!.closest('.field')!.classList.contains('device-only')).to.equal(true, 'off paper from the section view too (Ctrl+P)');
    button(dlu, /Revenir à la liste des parties/).click();
    await dlu.updateComplete;
    button(dlu, /Relire la fiche/).click();
    await dlu.updateComplete;
    expect($(dlu, '.device-only')!.textContent).to.match(/Accès au logement.*4521B/s);
    const rules = (dlu.shadowRoot!.adoptedStyleSheets ?? []).flatMap((s) => [...s.cssRules]);
    const printRule = rules.find((r) => r instanceof CSSMediaRule && r.conditionText === 'print') as CSSMediaRule;
    expect(printRule.cssText).to.match(/:host\(:not\(\[home-print-access\]\)\) \.device-only \{ display: none !important; \}/);
    expect($(dlu, '.updated')!.textContent).to.match(/^Dernière mise à jour : \d{1,2} \p{L}+ \d{4}$/u);
    dlu.homePrintAccess = true;
    await dlu.updateComplete;
    expect(dlu.hasAttribute('home-print-access')).to.equal(true);
    await expect(dlu).to.be.accessible();
  });

  it('F9/F12: nothing is sent without the site’s notice (a French message for the webmaster), nor while the person does not know she is referred', async () => {
    const db = uniq();
    const el = await mount(`template-id="orientation" db-name="${db}" endpoint="http://127.0.0.1:9/fiches"`);
    await fillOrientation(el);
    button(el, /Relire la fiche/).click();
    await el.updateComplete;
    let error = '';
    el.addEventListener('relais-error', (e) => (error = (e as unknown as { message: string }).message));
    button(el, /accord de partage/).click();
    await waitUntil(() => $(el, '#consent-title'), 'consent step');
    expect($(el, '#notice-missing')!.textContent).to.match(/^Envoi impossible : ce site n’a pas fourni les mentions d’information obligatoires \(responsable du traitement \(controller\),.*Webmestre : renseignez l’attribut ou la propriété « notice »/);
    expect(error).to.match(/Envoi impossible/);
    await answerConsent(el, { regime: 0, by: 0 });
    expect($(el, '#information')!.textContent).to.match(/Le site n’a pas indiqué le responsable du traitement : la fiche ne peut pas être envoyée/);
    button(el, /Enregistrer la réponse/).click();
    await waitUntil(() => el.shadowRoot!.activeElement?.id === 'send-error', 'refusal focused');
    expect($(el, '#send-error')!.textContent).to.match(/^Envoi impossible/);
    expect(await new Outbox('http://127.0.0.1:9/fiches', { dbName: db }).pending()).to.deep.equal([]);
    await expect(el).to.be.accessible();
    // with the notice, a person who does not know she is referred still blocks the sending
    el.notice = NOTICE;
    await el.updateComplete;
    expect($(el, '#notice-missing')).to.equal(null);
    button(el, /Revenir à la relecture/).click();
    await el.updateComplete;
    button(el, /Modifier : Ce que la personne sait et souhaite/).click();
    await waitUntil(() => $(el, '#f-personne_informee-1'), 'attentes');
    expect($(el, 'label[for="f-personne_informee-1"]')!.textContent).to.equal('Non, pas encore (la fiche ne pourra pas être envoyée)');
    await pick(el, 'f-personne_informee-1');
    button(el, /Revenir à la liste des parties/).click();
    await el.updateComplete;
    button(el, /Relire la fiche/).click();
    await el.updateComplete;
    expect($(el, '#send-blocker')!.textContent).to.match(/ne sait pas encore qu’elle est orientée/, 'said at the review already');
    button(el, /accord de partage/).click();
    await waitUntil(() => $(el, '#consent-title'), 'consent step');
    await answerConsent(el, { regime: 0, by: 0 });
    button(el, /Enregistrer la réponse/).click();
    await waitUntil(() => el.shadowRoot!.activeElement?.id === 'send-error', 'refusal focused');
    expect($(el, '#send-error')!.textContent).to.match(/ne sait pas encore qu’elle est orientée : informez-la avant d’envoyer la fiche/);
    expect(await new Outbox('http://127.0.0.1:9/fiches', { dbName: db }).pending()).to.deep.equal([]);
  });

  it('F8: information impossible in an emergency — a reason and who informs her afterwards; nobody recorded as answering', async () => {
    const db = uniq();
    const el = await mount(`template-id="dlu-domicile" db-name="${db}" endpoint="http://127.0.0.1:9/fiches" ${N}`);
    await fillDlu(el);
    button(el, /Relire la fiche/).click();
    await el.updateComplete;
    button(el, /accord de partage/).click();
    await waitUntil(() => $(el, '#consent-title'), 'consent step');
    await pick(el, 'c-recipient');
    await pick(el, 'c-covered');
    await pick(el, 'c-regime-1'); // équipe de soins
    await pick(el, 'c-decision-2');
    expect($(el, 'label[for="c-decision-2"]')!.textContent).to.match(/^Information impossible \(urgence ou état de la personne\)/);
    expect($(el, '#c-by')).to.equal(null, 'nobody answered');
    await pick(el, 'c-method');
    await type(el, 'c-collectedBy', 'Infirmière du SSIAD');
    button(el, /Enregistrer la réponse/).click();
    await waitUntil(() => $(el, '#error-summary'), 'reason asked');
    expect($$(el, '#error-summary a').map((a) => a.getAttribute('href'))).to.deep.equal(['#c-impossibleReason', '#c-followUp']);
    await expect(el).to.be.accessible();
    await type(el, 'c-impossibleReason', 'Inconsciente à l’arrivée des secours');
    await type(el, 'c-followUp', 'L’infirmière du SSIAD, à son retour');
    button(el, /Enregistrer la réponse/).click();
    await waitUntil(() => /En attente d’envoi/.test($(el, '#result-title')?.textContent ?? ''), 'queued', { timeout: 8000 });
    const { consent } = await queued(db);
    expect(consent).to.include({ regime: 'equipe-de-soins', decision: 'information-impossible', by: 'aucun', followUp: 'L’infirmière du SSIAD, à son retour' });
  });

  it('F9: a notice attribute that is not readable JSON is said to the webmaster, never thrown', async () => {
    const el = await mount(`template-id="orientation" db-name="${uniq()}" endpoint="http://127.0.0.1:9/fiches" notice='{"controller": "CCAS"'`);
    await fillOrientation(el);
    button(el, /Relire la fiche/).click();
    await el.updateComplete;
    button(el, /accord de partage/).click();
    await waitUntil(() => $(el, '#consent-title'), 'consent step');
    expect($(el, '#notice-missing')!.textContent).to.match(/l’attribut « notice » de <relais-liaison-form> n’est pas un objet JSON lisible/);
    el.setAttribute('notice', JSON.stringify(NOTICE));
    await el.updateComplete;
    expect($(el, '#notice-missing')).to.equal(null);
  });

  it('F15: on a shared device the door code is not asked', async () => {
    const el = await mount(`template-id="dlu-domicile" device="shared" db-name="${uniq()}"`);
    button(el, /^Identité et lieu de vie$/).click();
    await el.updateComplete;
    expect($(el, '#f-nom_naissance')).to.exist;
    expect($(el, '#f-acces_logement')).to.equal(null);
  });
});
