/**
 * Every remote call of every widget against the test server's faults (tests/server/test-server.mjs, FAULTS):
 * 500, 503 and 429 with Retry-After, truncated JSON, an HTML page, a non-JSON body, a wrong content type, a slow
 * drip and a 24 MB answer. A fault the SDK cannot get past gives a French message in an alert, the widget keeps
 * what it had, and its retry button recovers once the server is well again; the slow and huge answers end in data.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '@relais/directory/define.js';
import '@relais/map/define.js';
import '@relais/eligibility/define.js';
import '@relais/pathway/define.js';
import { Outbox, type Consent } from '@relais/liaison';
import { createClient } from '@relais/core';
import type { RelaisDirectory } from '@relais/directory';
import type { RelaisEligibility } from '@relais/eligibility';

/** The faults, from the test server itself (tests/server/test-server.mjs, FAULTS). */
const FAULTS = (await (await fetch('/faults/list')).json()) as Record<string, { retryable?: boolean; succeeds?: boolean }>;
type Fault = string;

let n = 0;
/** A URL whose first requests get the fault (more of them than the SDK's own retries), then the file. */
const faulty = (fault: Fault, file: string) => `/faults/serve/f${Date.now()}-${n++}?fault=${fault}&times=${'retryable' in FAULTS[fault] ? 3 : 1}&file=${file}`;
const $ = (el: Element, s: string) => el.shadowRoot!.querySelector<HTMLElement>(s);
const retryButton = (el: Element) => [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[role="alert"] button')].find((b) => /Réessayer/.test(b.textContent!));
const FRENCH = /(données|réponse|service|serveur|JSON|réessayez|disponible|incomplètes|illisibles|erreur|chargé)/i;

/** The common path: the fault gives an alert in French with a retry button; the retry gets the data. */
async function faultThenRetry(el: Element, fault: Fault, dataShown: () => unknown) {
  if ('succeeds' in FAULTS[fault]) {
    await waitUntil(dataShown, `${fault}: the data in the end`, { timeout: 15000 });
    expect($(el, '[role="alert"]'), `${fault}: no alert`).to.equal(null);
    return;
  }
  await waitUntil(() => $(el, '[role="alert"]'), `${fault}: an alert`, { timeout: 15000 });
  const alert = $(el, '[role="alert"]')!;
  expect(alert.textContent, fault).to.match(FRENCH);
  expect(alert.textContent, `${fault}: no raw stack or English`).to.not.match(/TypeError|SyntaxError|Unexpected token|undefined/);
  const retry = retryButton(el);
  expect(retry, `${fault}: a retry button`).to.not.equal(undefined);
  retry!.click();
  await waitUntil(dataShown, `${fault}: recovered after retry`, { timeout: 15000 });
  await waitUntil(() => !$(el, '[role="alert"]'), `${fault}: the alert goes`, { timeout: 5000 });
}

describe('faults on every remote call', function () {
  this.timeout(60000);

  it('the test server offers the nine faults', () => {
    expect(Object.keys(FAULTS)).to.have.length(9);
    expect(Object.keys(FAULTS)).to.include.members(['status-429-retry-after', 'truncated', 'slow-drip', 'huge']);
  });

  for (const fault of Object.keys(FAULTS) as Fault[]) {
    it(`<relais-directory src> — ${fault}`, async () => {
      const el = await fixture(html`<relais-directory src=${faulty(fault, 'examples/data/nievre.json')}></relais-directory>`);
      await faultThenRetry(el, fault, () => el.shadowRoot!.querySelectorAll('.item').length);
    });

    it(`<relais-map src> — ${fault}`, async () => {
      const el = await fixture(html`<relais-map src=${faulty(fault, 'examples/data/nievre.json')}></relais-map>`);
      el.scrollIntoView();
      await faultThenRetry(el, fault, () => el.shadowRoot!.querySelector('.leaflet-marker-icon'));
    });

    it(`<relais-eligibility catalogues> — ${fault}: national aides and answers kept, local ones after retry`, async () => {
      const el = await fixture<RelaisEligibility>(html`<relais-eligibility date="2026-11-23" catalogues=${faulty(fault, 'packages/eligibility/catalogues/ccas-val-de-nievre.json')}></relais-eligibility>`);
      const hasLocal = () => el.evaluation?.results.some((r) => r.id === 'cheque-repit-ccas');
      if (!('succeeds' in FAULTS[fault])) {
        await waitUntil(() => $(el, '[role="alert"]'), 'alert', { timeout: 15000 });
        expect($(el, '[role="alert"]')!.textContent).to.match(/aides nationales restent proposées/);
        expect(el.evaluation!.results.length, 'the national catalogue').to.be.above(10);
        expect($(el, 'form'), 'the questions go on').to.not.equal(null);
      }
      await faultThenRetry(el, fault, hasLocal);
    });

    it(`<relais-pathway src> — ${fault}`, async () => {
      const el = await fixture(html`<relais-pathway today="2026-11-23" src=${faulty(fault, 'packages/pathway/test/fixtures/case-ehpad.json')}></relais-pathway>`);
      await faultThenRetry(el, fault, () => /EHPAD/.test($(el, '#pathway-title')?.textContent ?? ''));
    });
  }

  for (const kind of ['rest', 'di'] as const) {
    for (const fault of Object.keys(FAULTS)) {
      it(`<relais-directory> on the ${kind === 'rest' ? 'REST' : 'data·inclusion'} source — ${fault}: the last results stay, the retry recovers`, async () => {
        const times = 'retryable' in FAULTS[fault]! ? 3 : 1;
        const key = `k${Date.now()}-${n++}`;
        const baseUrl = `${location.origin}/faults/remote/${kind}/${key}/${fault}/1/${times}`;
        const requests = async () => ((await (await fetch(`/faults/count/remote-${key}`)).json()) as { count: number }).count;
        const client = kind === 'rest' ? createClient({ source: 'rest', baseUrl }) : createClient({ source: 'data-inclusion', baseUrl, token: 'test-token' });
        const el = await fixture<RelaisDirectory>(html`<relais-directory .client=${client}></relais-directory>`);
        const items = () => el.shadowRoot!.querySelectorAll('.item').length;
        await waitUntil(items, 'first search answered', { timeout: 10000 });
        // the person types a new search
        const what = el.shadowRoot!.querySelector<HTMLInputElement>('#what')!;
        what.value = 'aide à domicile';
        what.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
        if ('succeeds' in FAULTS[fault]!) {
          const busy = () => $(el, '.root')!.getAttribute('aria-busy') === 'true';
          for (let i = 0; i < 200 && (await requests()) < 2; i++) await new Promise((r) => setTimeout(r, 50));
          expect(await requests(), 'the new search went out').to.be.at.least(2);
          await waitUntil(() => !busy() && items(), `${fault}: answered in the end`, { timeout: 20000 });
          expect($(el, '[role="alert"]')).to.equal(null);
          return;
        }
        await waitUntil(() => $(el, '[role="alert"]'), `${fault}: alert`, { timeout: 15000 });
        expect($(el, '[role="alert"]')!.textContent).to.match(FRENCH);
        expect(el.shadowRoot!.textContent).to.match(/Résultats de la recherche précédente/);
        expect(items(), 'the last results stay on screen').to.be.above(0);
        retryButton(el)!.click();
        await waitUntil(() => !$(el, '[role="alert"]') && items(), `${fault}: recovered`, { timeout: 15000 });
      });
    }
  }

  it('<relais-pathway src>: a failed reload keeps the pathway loaded before, and says so', async () => {
    const el = await fixture<HTMLElement & { src: string }>(html`<relais-pathway today="2026-11-23" src="/packages/pathway/test/fixtures/case-ehpad.json"></relais-pathway>`);
    await waitUntil(() => $(el, 'ol'), 'loaded');
    el.src = faulty('status-500', 'packages/pathway/test/fixtures/case-ehpad.json');
    await waitUntil(() => $(el, '[role="alert"]'), 'alert', { timeout: 15000 });
    expect($(el, '[role="alert"]')!.textContent).to.match(/dernier chargement réussi/);
    expect($(el, 'ol'), 'the steps stay').to.not.equal(null);
  });

  // a 5xx, 408 or 429 answer is tried again at once under the same key (ky, with Retry-After): the sheet goes on the
  // same send; every other fault leaves it queued until the next try
  const retriedAtOnce = (f: string) => /^status-(5\d\d|429|408)/.test(f);
  const SHEET = {
    emetteur_structure: 'CCAS de Clamecy (fictif)', emetteur_nom: 'Claire Petit, CESF', emetteur_telephone: '03 53 01 12 34',
    destinataire_structure: 'Plateforme de répit (fictive)', personne_nom: 'Jeanne Martin', personne_contact: 'via-emetteur',
    motif: 'Épuisement de l’aidant, demande de solutions de répit.', besoins: ['repit'], personne_informee: 'oui', accord_personne: true, accord_par: 'personne',
  };
  const CONSENT = { by: 'personne', recipients: ['Plateforme de répit (fictive)'], sections: ['emetteur', 'destinataire', 'personne', 'situation', 'motif', 'attentes', 'documents'], textVersion: 'information-partage-2026-12b', at: '2026-11-23T10:00:00Z', regime: 'hors-equipe', legalBasis: 'Code de la santé publique, art. L1110-4 III (2e alinéa) et IV ; D1110-3-1', decision: 'consentement', method: 'oral', collectedBy: 'Claire Petit, CESF', recipientId: 'destinataire', copyGiven: false, template: 'orientation', templateVersion: '2026-3' } as Consent;
  const receiverFaults = [...(Object.keys(FAULTS) as Fault[]).filter((f) => !('succeeds' in FAULTS[f])), 'receipt-truncated'];
  for (const fault of receiverFaults.filter(retriedAtOnce)) {
    it(`liaison outbox → receiver — ${fault}: tried again at once with the same key, sent once`, async () => {
      const key = `r${Date.now()}-${n++}`;
      const outbox = new Outbox(`/faults/receiver/${key}?fault=${fault}&times=1`, { dbName: `faults-${key}` });
      const id = await outbox.enqueue('orientation', SHEET, CONSENT);
      const first = await outbox.send(id);
      expect(first.state, fault).to.equal('sent');
      expect(await outbox.pending()).to.deep.equal([]);
      const stored = await (await fetch(`/faults/liaison-count/${id}`)).json();
      expect(stored.count, 'one stored copy').to.equal(1);
      outbox.close();
    });
  }
  for (const fault of receiverFaults.filter((f) => !retriedAtOnce(f))) {
    it(`liaison outbox → receiver — ${fault}: queued with a French reason, sent once on the next try`, async () => {
      const key = `r${Date.now()}-${n++}`;
      const outbox = new Outbox(`/faults/receiver/${key}?fault=${fault}&times=1`, { dbName: `faults-${key}` });
      const id = await outbox.enqueue('orientation', SHEET, CONSENT);
      const first = await outbox.send(id);
      expect(first.state, fault).to.equal('queued');
      expect((first as { reason: string }).reason).to.match(fault === 'receipt-truncated' ? /accusé de réception est illisible/ : /En attente d’envoi – pas encore transmis/);
      expect(await outbox.pending()).to.deep.equal([id], 'the sheet stays in the outbox');
      const [second] = await outbox.flush();
      expect(second!.state).to.equal('sent');
      // stored on the first try when only the receipt was lost: the retry is a replay (409), not a second copy
      expect((second as { replayed: boolean }).replayed).to.equal(fault === 'receipt-truncated');
      expect(await outbox.pending()).to.deep.equal([]);
      const stored = await (await fetch(`/faults/liaison-count/${id}`)).json();
      expect(stored.count, 'one stored copy').to.equal(1);
      outbox.close();
    });
  }
});
