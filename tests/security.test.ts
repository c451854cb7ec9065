/**
 * The security corpus (tests/security/payloads.ts) injected into every text and URL field of what the widgets
 * render from outside data: services and structures (directory, map), an eligibility catalogue, a liaison template
 * and an imported liaison sheet, a pathway template and a case. A trap (`window.__pwned`) proves that nothing ran;
 * the shadow DOM holds no active element (script, iframe, object, embed, img, base, meta, form action), no event
 * handler attribute, and no link or source with a scheme other than http, https, mailto or tel; the payloads are
 * rendered as text; prototype-pollution keys pollute nothing.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '@relais/directory/define.js';
import '@relais/map/define.js';
import '@relais/eligibility/define.js';
import '@relais/liaison/define.js';
import '@relais/pathway/define.js';
import { liaisonTemplates, DraftStore, Outbox, DraftLockedError, SEND_TIMEOUT_MS, Vault, type RelaisLiaisonForm, type Consent } from '@relais/liaison';
import { pathwayTemplates, type RelaisPathway } from '@relais/pathway';
import type { RelaisDirectory } from '@relais/directory';
import type { RelaisEligibility } from '@relais/eligibility';
import type { RelaisMap } from '@relais/map';
import { PAYLOADS, inject, pollute, spread } from './security/payloads.js';
import { FINDINGS } from './security/findings.js';
import { createClient, sanitizeUrl, mailtoHref, isSafeId, type RelaisClient } from '@relais/core';
import { readUrlState, writeUrlState } from '../packages/directory/src/filters.js';

type W = Window & { __pwned?: boolean };
const ACTIVE = 'script, iframe, object, embed, img, base, meta, form[action], frame, frameset, applet, link, style:not([data-lit])';

/** Every shadow root under `el`, itself included. */
function roots(el: Element): ShadowRoot[] {
  const out: ShadowRoot[] = [];
  const visit = (n: Element) => {
    if (n.shadowRoot) {
      out.push(n.shadowRoot);
      n.shadowRoot.querySelectorAll('*').forEach(visit);
    }
  };
  visit(el);
  el.querySelectorAll('*').forEach(visit);
  return out;
}

/** What is wrong in the rendered widget, if anything. */
function audit(el: Element): string[] {
  const problems: string[] = [];
  if ((window as W).__pwned) problems.push('a payload ran (window.__pwned)');
  if (({} as Record<string, unknown>).polluted !== undefined) problems.push('Object.prototype polluted');
  for (const root of roots(el)) {
    for (const a of root.querySelectorAll(ACTIVE)) problems.push(`active element <${a.localName}>`);
    for (const e of root.querySelectorAll('*')) {
      for (const attr of e.getAttributeNames()) if (/^on/i.test(attr)) problems.push(`<${e.localName} ${attr}>`);
      for (const attr of ['href', 'src', 'action', 'formaction', 'xlink:href', 'data']) {
        const v = e.getAttribute(attr);
        if (v === null || v === '' || v.startsWith('#')) continue;
        let url: URL;
        try {
          url = new URL(v, location.href);
        } catch {
          continue; // not a URL the browser would follow
        }
        const ok = ['http:', 'https:', 'mailto:', 'tel:'].includes(url.protocol) || (url.protocol === 'blob:' && v.startsWith(`blob:${location.origin}`));
        if (!ok) problems.push(`<${e.localName} ${attr}="${v.slice(0, 40)}">`);
        if (/PWN|evil\.example/.test(v) && attr !== 'href') problems.push(`payload in ${attr}`);
      }
    }
  }
  return problems;
}
const text = (el: Element) => roots(el).map((r) => r.textContent ?? '').join(' ');
const $ = <T extends Element = HTMLElement>(el: Element, s: string) => el.shadowRoot!.querySelector<T>(s);
/** Payloads spread through templates and catalogues; the size payloads go one at a time (they may make the whole template unusable). */
const SPREAD = PAYLOADS.filter((p) => p.kind !== 'size');
const SIZES = PAYLOADS.filter((p) => p.kind === 'size');
const rendersText = (id: string) => !['one-megabyte'].includes(id) && PAYLOADS.find((p) => p.id === id)!.kind !== 'url';

type Row = Record<string, unknown> & { id: string; structure_id?: string; description?: string };
let nievre: { structures: Row[]; services: Row[] };
before(async () => {
  nievre = await (await fetch('/examples/data/nievre.json')).json();
});
beforeEach(() => {
  (window as W).__pwned = false;
});
afterEach(() => {
  expect((window as W).__pwned, 'window.__pwned').to.equal(false);
  expect(({} as Record<string, unknown>).polluted, 'prototype').to.equal(undefined);
});

describe('security corpus', () => {
  it(`has at least 60 payloads of every kind (${PAYLOADS.length})`, () => {
    expect(PAYLOADS.length).to.be.at.least(60);
    expect(new Set(PAYLOADS.map((p) => p.id)).size).to.equal(PAYLOADS.length);
    expect(new Set(PAYLOADS.map((p) => p.kind))).to.have.length(9);
  });

  it('<relais-directory>: every payload in every field of a service and its structure, list and detail', async function () {
    this.timeout(120000);
    const service = nievre.services.find((s) => s.description && s.structure_id)!;
    const structure = nievre.structures.find((s) => s.id === service.structure_id)!;
    const failures: string[] = [];
    for (const p of PAYLOADS) {
      const data = pollute(inject({ structures: [structure], services: [service] }, p));
      const el = await fixture<RelaisDirectory>(html`<relais-directory .data=${data}></relais-directory>`);
      await waitUntil(() => $(el, '.item, .empty, [part="error"]'), `${p.id}: rendered`, { timeout: 8000 });
      $(el, '.title-link')?.click();
      await el.updateComplete;
      const shown = !!$(el, '.item, .detail, [part="detail"]');
      const problems = audit(el);
      if (rendersText(p.id) && shown && !text(el).includes('PWN')) problems.push('payload not rendered as text');
      failures.push(...problems.map((x) => `${p.id}: ${x}`));
      el.remove();
    }
    expect(failures).to.deep.equal([]);
  });

  it('<relais-map>: one service per payload, every marker popup opened, the list alternative', async function () {
    this.timeout(60000);
    const base = nievre.services.find((s) => s.structure_id)!;
    const st = nievre.structures.find((s) => s.id === base.structure_id)!;
    const structures = PAYLOADS.map((p, i) => pollute(inject({ ...st, id: `s-${i}`, latitude: 47.0 + (i % 9) * 0.08, longitude: 3.0 + Math.floor(i / 9) * 0.08 }, p)));
    const services = PAYLOADS.map((p, i) => pollute(inject({ ...base, id: `v-${i}`, structure_id: `s-${i}`, latitude: undefined, longitude: undefined }, p)));
    // tile-url="none": the background's own <img> tiles are not data (the audit counts every <img>)
    const el = await fixture<RelaisMap>(html`<relais-map list-open tile-url="none" .data=${{ structures, services }}></relais-map>`);
    el.scrollIntoView();
    await waitUntil(() => el.shadowRoot!.querySelector('.leaflet-marker-icon'), 'markers', { timeout: 15000 });
    const markers = [...el.shadowRoot!.querySelectorAll<HTMLElement>('.leaflet-marker-icon')];
    for (const m of markers) {
      m.click();
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(audit(el)).to.deep.equal([]);
    expect(text(el)).to.include('PWN');
  });

  it('<relais-eligibility>: every payload in a local catalogue, through to the results', async function () {
    this.timeout(60000);
    const local = await (await fetch('/packages/eligibility/catalogues/ccas-val-de-nievre.json')).json();
    const placed = new Set<string>();
    for (let offset = 0; placed.size < SPREAD.length && offset < SPREAD.length * 2; ) {
      const { value, placed: got } = spread(local, SPREAD, offset);
      got.forEach((x) => placed.add(x));
      offset += Math.max(1, got.size);
      const el = await fixture<RelaisEligibility>(html`<relais-eligibility date="2026-11-23" .extraCatalogues=${[pollute(value)]}></relais-eligibility>`);
      await waitUntil(() => $(el, 'form, .results, [role="alert"]'), 'rendered', { timeout: 8000 });
      for (let i = 0; i < 60 && !$(el, '.results'); i++) {
        const skip = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((b) => /passer/i.test(b.textContent!));
        if (!skip) break;
        skip.click();
        await el.updateComplete;
      }
      expect(audit(el), `offset ${offset}`).to.deep.equal([]);
      if ($(el, '.results')) expect(text(el)).to.include('PWN');
      el.remove();
    }
    expect(placed.size).to.equal(SPREAD.length);
    for (const p of SIZES) {
      const el = await fixture<RelaisEligibility>(html`<relais-eligibility date="2026-11-23" .extraCatalogues=${[inject(local, p)]}></relais-eligibility>`);
      await waitUntil(() => $(el, 'form, .results, [role="alert"]'), 'rendered', { timeout: 8000 });
      expect(audit(el)).to.deep.equal([]);
      el.remove();
    }
  });

  it('<relais-pathway>: every payload in a template and a case', async () => {
    for (const p of SIZES) {
      const el = await fixture<RelaisPathway>(html`<relais-pathway today="2026-11-23" .template=${inject(pathwayTemplates['mdph']!, p)}></relais-pathway>`);
      await waitUntil(() => $(el, 'ol, [role="alert"]'), 'rendered');
      expect(audit(el)).to.deep.equal([]);
      if ($(el, '[role="alert"]')) expect($(el, '[role="alert"]')!.textContent).to.match(/ne peut pas être affiché.*trop long/s);
      el.remove();
    }
    const placed = new Set<string>();
    for (let offset = 0; placed.size < SPREAD.length; ) {
      const { value, placed: got } = spread(pathwayTemplates['mdph']!, SPREAD, offset);
      got.forEach((x) => placed.add(x));
      offset += got.size;
      const el = await fixture<RelaisPathway>(html`<relais-pathway today="2026-11-23" .template=${pollute(value)} .events=${[{ stepId: value.steps[0]!.id, kind: 'done', date: '2026-10-01' }]}></relais-pathway>`);
      await waitUntil(() => $(el, 'ol, [role="alert"]'), 'rendered');
      el.shadowRoot!.querySelectorAll('details').forEach((d) => (d.open = true));
      await el.updateComplete;
      expect(audit(el)).to.deep.equal([]);
      expect(text(el)).to.include('PWN');
      el.remove();
    }
  });

  it('<relais-liaison-form>: every payload in a template, and in an imported sheet, through every section and the review', async function () {
    this.timeout(90000);
    for (const p of SIZES) {
      const el = await fixture<RelaisLiaisonForm>(html`<relais-liaison-form db-name=${`sec-size-${p.id}`} .template=${inject(liaisonTemplates['orientation']!, p)}></relais-liaison-form>`);
      await waitUntil(() => $(el, '#tasks-title, [role="alert"]'), 'rendered', { timeout: 8000 });
      expect(audit(el)).to.deep.equal([]);
      if ($(el, '[role="alert"]')) expect($(el, '[role="alert"]')!.textContent).to.match(/ne peut pas être affichée/);
      el.remove();
    }
    const placed = new Set<string>();
    let n = 0;
    for (let offset = 0; placed.size < SPREAD.length; n++) {
      const { value: template, placed: got } = spread(liaisonTemplates['orientation']!, SPREAD, offset);
      got.forEach((x) => placed.add(x));
      offset += got.size;
      const el = await fixture<RelaisLiaisonForm>(html`<relais-liaison-form db-name=${`sec-${Date.now()}-${n}`} .template=${pollute(template)}></relais-liaison-form>`);
      await waitUntil(() => $(el, '#tasks-title, [role="alert"]'), 'rendered', { timeout: 8000 });
      // an imported sheet whose every text value is a payload
      const values: Record<string, unknown> = {};
      for (const [i, f] of template.sections.flatMap((s) => s.fields).entries()) if (f.type === 'text' || f.type === 'textarea') values[f.id] = PAYLOADS[(i + offset) % PAYLOADS.length]!.value.slice(0, 300);
      expect(Object.keys(values).length, 'text fields to import into').to.be.above(3);
      const input = $<HTMLInputElement>(el, '#import-file');
      if (!input) throw new Error(`offset ${offset}: ${$(el, '[role="alert"]')?.textContent}`);
      const dt = new DataTransfer();
      dt.items.add(new File([JSON.stringify(pollute({ format: 'relais-liaison', formatVersion: 1, template: template.id, templateVersion: template.version, exportedAt: '2026-11-23T10:00:00Z', values }))], 'fiche.json', { type: 'application/json' }));
      input.files = dt.files;
      input.dispatchEvent(new Event('change'));
      await new Promise((r) => setTimeout(r, 150));
      await el.updateComplete;
      for (const section of template.sections) {
        const open = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent!.includes(section.title.slice(0, 20)));
        open?.click();
        await el.updateComplete;
        expect(audit(el), section.id).to.deep.equal([]);
        const back = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((b) => /Retour|liste des parties/i.test(b.textContent!));
        back?.click();
        await el.updateComplete;
      }
      [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((b) => /Relire la fiche/.test(b.textContent!))?.click();
      await el.updateComplete;
      expect(audit(el), 'review').to.deep.equal([]);
      expect(text(el)).to.include('PWN');
      el.remove();
    }
    expect(placed.size).to.equal(SPREAD.length);
  });
});

/** Findings of issue 14 (« Privacy and reliability hardening »), each reproduced first, then fixed. */
describe('issue 14: links and addresses', () => {
  it('mailtoHref: one plain address only (no hidden copy, body, subject or second recipient)', () => {
    expect(mailtoHref('accueil@ccas-clamecy.fr')).to.equal('mailto:accueil@ccas-clamecy.fr');
    expect(mailtoHref(' contact.ccas+orientation@mairie-nevers.fr ')).to.equal('mailto:contact.ccas+orientation@mairie-nevers.fr');
    for (const bad of [
      'accueil@ccas.fr?bcc=collecte@evil.example&body=Bonjour',
      'accueil@ccas.fr?cc=x@evil.example',
      'accueil@ccas.fr&body=x',
      'accueil@ccas.fr,espion@evil.example',
      'accueil@ccas.fr;espion@evil.example',
      'accueil%40ccas.fr%3Fbcc%3Dx%40evil.example',
      'CCAS <accueil@ccas.fr>',
      'accueil@ccas.fr/../x',
      'a@b',
      'a#b@ccas.fr',
    ]) expect(mailtoHref(bad), bad).to.equal(null);
  });

  it('sanitizeUrl refuses a user-info part (the address does not go where it seems)', () => {
    for (const bad of ['https://www.caf.fr@evil.example/aides', 'http://user:pass@ccas.example/', 'https://www.caf.fr:443@evil.example', 'HTTPS://www.caf.fr@evil.example']) expect(sanitizeUrl(bad), bad).to.equal(null);
    expect(sanitizeUrl('https://www.caf.fr/aides?contact=a@b.fr')).to.equal('https://www.caf.fr/aides?contact=a@b.fr');
    expect(sanitizeUrl('mailto:accueil@ccas.fr')).to.equal('mailto:accueil@ccas.fr');
  });

  it('ids from the URL: `.`, `..` and paths are refused; readUrlState drops them', () => {
    for (const bad of ['.', '..', '../x', 'a/b', 'a\\b', '%2e%2e', '%2E.', 'a%2fb', '', 'x'.repeat(301)]) {
      expect(isSafeId(bad), bad).to.equal(false);
      expect(readUrlState(new URLSearchParams({ 'relais-fiche': bad })).service, bad).to.equal(undefined);
    }
    expect(isSafeId('dora-3f2a-91')).to.equal(true);
    expect(readUrlState(new URLSearchParams({ 'relais-fiche': 'dora-3f2a-91' })).service).to.equal('dora-3f2a-91');
  });

  it('?relais-fiche=.. never makes the directory ask its client for that id', async () => {
    const base = location.href;
    const asked: string[] = [];
    const client: RelaisClient = createClient({ source: 'static', url: '/examples/data/nievre.json' });
    const get = client.get.bind(client);
    client.get = (id: string, o?: { signal?: AbortSignal }) => (asked.push(id), get(id, o));
    try {
      for (const bad of ['..', '.', '../services']) {
        history.replaceState(null, '', `${location.pathname}?relais-fiche=${encodeURIComponent(bad)}`);
        const el = await fixture<RelaisDirectory>(html`<relais-directory sync-url .client=${client} departements="58"></relais-directory>`);
        await waitUntil(() => $(el, '.item, .empty'), 'results', { timeout: 8000 });
        await new Promise((r) => setTimeout(r, 100));
        el.remove();
      }
      expect(asked).to.deep.equal([]);
    } finally {
      history.replaceState(null, '', base);
    }
  });

  it('sync-url keeps filters and place but not the typed words unless sync-url="text"', async () => {
    const url = new URL('https://site.example/annuaire?page=1');
    const state = { text: 'violences conjugales', commune: '58079', needs: ['aide-a-domicile'], free: true };
    const plain = writeUrlState(url, state);
    expect(plain.searchParams.get('relais-q')).to.equal(null);
    expect(plain.searchParams.get('relais-commune')).to.equal('58079');
    expect(plain.searchParams.getAll('relais-besoin')).to.deep.equal(['aide-a-domicile']);
    expect(plain.searchParams.get('page')).to.equal('1');
    expect(writeUrlState(url, state, { text: true }).searchParams.get('relais-q')).to.equal('violences conjugales');
    expect(readUrlState(new URLSearchParams('relais-q=violences')).text).to.equal(undefined);
    const base = location.href;
    try {
      const el = await fixture<RelaisDirectory>(html`<relais-directory sync-url src="/examples/data/nievre.json" departements="58"></relais-directory>`);
      await waitUntil(() => $(el, '.item'), 'results', { timeout: 8000 });
      const what = $<HTMLInputElement>(el, '#what')!;
      what.value = 'violences conjugales';
      what.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
      $(el, '.tile')!.click();
      await waitUntil(() => new URL(location.href).searchParams.get('relais-besoin'), 'the need is in the URL', { timeout: 5000 });
      await new Promise((r) => setTimeout(r, 600));
      expect(location.href).to.not.match(/violences|relais-q/);
      el.remove();
    } finally {
      history.replaceState(null, '', base);
    }
  });

  it('a link from data is shown with its label, never as its raw address (lien_mobilisation)', async () => {
    const service = { ...nievre.services.find((s) => s.structure_id)!, lien_mobilisation: 'https://www.caf.fr@evil.example/demarche', courriel: 'accueil@ccas.fr?bcc=collecte@evil.example&body=x' };
    const structure = { ...nievre.structures.find((s) => s.id === service.structure_id)!, courriel: undefined };
    let el = await fixture<RelaisDirectory>(html`<relais-directory .data=${{ structures: [structure], services: [service] }}></relais-directory>`);
    await waitUntil(() => $(el, '.title-link'), 'rendered', { timeout: 8000 });
    $(el, '.title-link')!.click();
    await el.updateComplete;
    const hrefs = [...el.shadowRoot!.querySelectorAll('a')].map((a) => a.getAttribute('href') ?? '');
    expect(hrefs.filter((h) => /evil\.example|bcc=/.test(h))).to.deep.equal([]);
    el.remove();
    const honest = { ...service, lien_mobilisation: 'https://www.caf.fr/allocataires/demarche' };
    el = await fixture<RelaisDirectory>(html`<relais-directory .data=${{ structures: [structure], services: [honest] }}></relais-directory>`);
    await waitUntil(() => $(el, '.title-link'), 'rendered', { timeout: 8000 });
    $(el, '.title-link')!.click();
    await el.updateComplete;
    const a = [...el.shadowRoot!.querySelectorAll('a')].find((x) => x.getAttribute('href') === 'https://www.caf.fr/allocataires/demarche')!;
    expect(a, 'the link is there').to.exist;
    expect(a.textContent).to.not.include('https://');
    expect(a.textContent).to.match(/Faire la démarche en ligne \(www\.caf\.fr\)/);
    el.remove();
  });
});

describe('issue 14: the liaison form keeps a sheet private and sends it exactly once', () => {
  const consent = { by: 'personne', recipients: ['Plateforme de répit (fictive)'], sections: ['emetteur', 'destinataire', 'personne', 'situation', 'motif', 'attentes', 'documents'], textVersion: 'information-partage-2026-12b', at: '2026-11-23T10:00:00Z', regime: 'hors-equipe', legalBasis: 'Code de la santé publique, art. L1110-4 III (2e alinéa) et IV ; D1110-3-1', decision: 'consentement', method: 'oral', collectedBy: 'Claire Petit, CESF', recipientId: 'destinataire', copyGiven: false, template: 'orientation', templateVersion: '2026-3' } as Consent;
  const values = {
    emetteur_structure: 'CCAS (fictif)', emetteur_nom: 'Claire Petit, CESF', emetteur_telephone: '03 53 01 12 34', destinataire_structure: 'Plateforme de répit (fictive)',
    personne_nom: 'Jeanne Martin', personne_contact: 'via-emetteur', motif: 'Épuisement de l’aidant.', besoins: ['repit'], personne_informee: 'oui', accord_personne: true, accord_par: 'personne',
  };
  const uniq = () => `sec14-${Math.random().toString(36).slice(2)}`;
  const btn = (el: Element, re: RegExp) => [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((b) => re.test(b.textContent!));
  const status = (el: Element) => $(el, '.saved')?.textContent ?? '';
  const send = (el: RelaisLiaisonForm, c: Consent = consent) => (el as unknown as { send(c: Consent): Promise<void> }).send(c);
  const realFetch = window.fetch;
  /** Counts the POSTs to the receiver; `down` makes them fail as offline (after `slow` ms); `hang`: a receiver that never answers; `answer` replaces the receiver. */
  const net = { posts: [] as string[], down: false, slow: 0, hang: false, answer: null as null | (() => Response) };
  beforeEach(() => {
    net.posts = [];
    net.down = false;
    net.slow = 0;
    net.hang = false;
    net.answer = null;
    window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
      // a Request (the outbox sends through ky) or a URL and its init
      // (never new Request(aRequest): it would take the body away from the request sent)
      const req = input instanceof Request ? input : new Request(input, init);
      if (req.method === 'POST') {
        net.posts.push(req.headers.get('idempotency-key') ?? '');
        if (net.down) return new Promise<Response>((_, reject) => setTimeout(() => reject(new TypeError('Failed to fetch')), net.slow));
        // no answer ever: only the request's own abort (the outbox's timeout) ends it
        if (net.hang) return new Promise<Response>((_, reject) => req.signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
        if (net.answer) return Promise.resolve(net.answer());
      }
      return realFetch(input, init);
    };
  });
  afterEach(() => {
    window.fetch = realFetch;
  });

  async function mountForm(attrs: string): Promise<RelaisLiaisonForm> {
    const wrap = await fixture<HTMLDivElement>(`<div><relais-liaison-form template-id="orientation" ${attrs}></relais-liaison-form></div>`);
    const el = wrap.querySelector('relais-liaison-form') as RelaisLiaisonForm;
    await waitUntil(() => $(el, '#tasks-title, #resume-title, #unlock-title, #result-title'), 'rendered', { timeout: 8000 });
    return el;
  }
  async function fill(el: RelaisLiaisonForm): Promise<void> {
    const input = $<HTMLInputElement>(el, '#import-file')!;
    const dt = new DataTransfer();
    dt.items.add(new File([JSON.stringify({ format: 'relais-liaison', formatVersion: 1, template: 'orientation', templateVersion: liaisonTemplates['orientation']!.version, exportedAt: '2026-11-23T10:00:00Z', values })], 'fiche.json', { type: 'application/json' }));
    input.files = dt.files;
    input.dispatchEvent(new Event('change'));
    await waitUntil(() => /Fiche importée/.test(status(el)), 'imported', { timeout: 5000 });
  }
  async function unlock(el: RelaisLiaisonForm, phrase: string): Promise<void> {
    $<HTMLInputElement>(el, '#passphrase')!.value = phrase;
    btn(el, /Ouvrir la fiche/)!.click();
    await waitUntil(() => $(el, '#tasks-title, #resume-title, #passphrase-error'), 'unlocked', { timeout: 15000 });
  }

  it('passphrase mode: the queued sheet is under the passphrase too (no stored key opens it)', async function () {
    this.timeout(30000);
    const db = uniq();
    const el = await mountForm(`passphrase-mode db-name="${db}" endpoint="/liaison/receive"`);
    await unlock(el, 'trois mots hasard');
    await fill(el);
    net.down = true;
    await send(el);
    await waitUntil(() => /En attente d’envoi/.test($(el, '#result-title')?.textContent ?? ''), 'queued');
    const thief = new Outbox('/liaison/receive', { dbName: db });
    const [key] = await thief.pending();
    expect(key).to.be.a('string');
    let err: unknown;
    await thief.draftOf(key!).catch((e: unknown) => (err = e));
    expect(err).to.be.instanceOf(DraftLockedError);
    thief.close();
  });

  it('two clicks on « Envoyer » make one POST with one key; the button is disabled while sending', async () => {
    const el = await mountForm(`db-name="${uniq()}" endpoint="/liaison/receive"`);
    await fill(el);
    const first = send(el);
    const second = send(el);
    await el.updateComplete;
    expect((el as unknown as { sending: boolean }).sending).to.equal(true);
    await Promise.all([first, second]);
    expect(net.posts.length).to.equal(1);
    await waitUntil(() => /Fiche transmise/.test($(el, '#result-title')?.textContent ?? ''), 'sent');
    const count = ((await (await realFetch(`/faults/liaison-count/${net.posts[0]}`)).json()) as { count: number }).count;
    expect(count).to.equal(1);
  });

  it('sending again the same sheet reuses its key; a changed sheet replaces the queued copy (never two versions on their way)', async () => {
    const db = uniq();
    const el = await mountForm(`db-name="${db}" endpoint="/liaison/receive"`);
    await fill(el);
    net.down = true;
    await send(el);
    await send(el, { ...consent, at: '2026-11-23T10:05:00Z' });
    expect(net.posts.length).to.equal(2);
    expect(new Set(net.posts).size).to.equal(1);
    const outbox = new Outbox('/liaison/receive', { dbName: db });
    expect(await outbox.pending()).to.deep.equal([net.posts[0]]);
    (el as unknown as { values: Record<string, unknown> }).values = { ...values, motif: 'Motif corrigé après la mise en attente.' };
    await send(el);
    expect(net.posts.length).to.equal(3);
    expect(net.posts[2]).to.not.equal(net.posts[0]);
    expect(await outbox.pending()).to.deep.equal([net.posts[2]]);
    expect(((await outbox.queued(net.posts[2]!))!.values as { motif: string }).motif).to.equal('Motif corrigé après la mise en attente.');
    outbox.close();
  });

  it('after sending, « Brouillon enregistré » does not stay and the sheet cannot be sent again', async () => {
    const db = uniq();
    const el = await mountForm(`db-name="${db}" endpoint="/liaison/receive"`);
    await fill(el);
    await el.flush();
    expect(status(el)).to.match(/Brouillon enregistré|Fiche importée/);
    await send(el);
    await waitUntil(() => /Fiche transmise/.test($(el, '#result-title')?.textContent ?? ''), 'sent');
    expect(status(el)).to.not.match(/Brouillon/);
    btn(el, /Commencer une nouvelle fiche/)!.click();
    await el.updateComplete;
    await send(el);
    expect(net.posts.length).to.equal(1);
    btn(el, /Relire la fiche/)!.click();
    await el.updateComplete;
    const go = btn(el, /accord de partage/);
    expect(go?.disabled ?? true).to.equal(true);
    expect(await new DraftStore({ dbName: db }).load('fiche')).to.equal(undefined);
  });

  it('a 422 (even malformed) removes the queued copy, shows the errors, and the draft keeps the values', async () => {
    const db = uniq();
    const el = await mountForm(`db-name="${db}" endpoint="/liaison/receive"`);
    await fill(el);
    net.answer = () => new Response(JSON.stringify({ 'invalid-params': [{ name: 42, reason: null }, { name: 'emetteur_telephone', reason: 'Numéro refusé par le service.' }] }), { status: 422, headers: { 'content-type': 'application/problem+json' } });
    await send(el);
    await waitUntil(() => $(el, '#server-errors'), 'errors shown');
    expect($(el, '#server-errors')!.getAttribute('role')).to.equal('alert');
    expect($(el, '#server-errors')!.textContent).to.match(/Numéro refusé par le service/);
    expect($(el, '#server-errors')!.textContent).to.match(/Information refusée par le service destinataire/);
    expect(el.shadowRoot!.activeElement?.id).to.equal('server-errors');
    await expect(el).to.be.accessible();
    const outbox = new Outbox('/liaison/receive', { dbName: db });
    expect(await outbox.pending()).to.deep.equal([]);
    outbox.close();
    expect(((await new DraftStore({ dbName: db }).load('fiche'))!.values as { values: Record<string, unknown> }).values.personne_nom).to.equal('Jeanne Martin');
  });

  it('automatic retry when the connection returns and on reload, with the same key', async () => {
    const db = uniq();
    let el = await mountForm(`db-name="${db}" endpoint="/liaison/receive"`);
    await fill(el);
    net.down = true;
    await send(el);
    await waitUntil(() => /Nouvel essai automatique au retour de la connexion et à la prochaine ouverture/.test($(el, '.sent')?.textContent ?? ''), 'queued, retry promised');
    net.down = false;
    window.dispatchEvent(new Event('online'));
    await waitUntil(() => /Fiche en attente transmise/.test($(el, '.sent')?.textContent ?? ''), 'sent when online', { timeout: 8000 });
    expect(new Set(net.posts).size).to.equal(1);
    el.parentElement!.remove();
    // the same, across a reload
    el = await mountForm(`db-name="${db}-b" endpoint="/liaison/receive"`);
    await fill(el);
    net.down = true;
    net.posts = [];
    await send(el);
    await waitUntil(() => /En attente d’envoi/.test($(el, '#result-title')?.textContent ?? ''), 'queued');
    el.parentElement!.remove();
    net.down = false;
    el = await mountForm(`db-name="${db}-b" endpoint="/liaison/receive"`);
    await waitUntil(() => /Fiche en attente transmise/.test($(el, '.sent')?.textContent ?? ''), 'sent on reload', { timeout: 8000 });
    expect(net.posts.length).to.equal(2);
    expect(new Set(net.posts).size).to.equal(1);
  });

  it('shared device: « Réessayer » finds the queued sheet; the message says it is kept for this page only', async () => {
    const el = await mountForm(`device="shared" db-name="${uniq()}" endpoint="/liaison/receive"`);
    await fill(el);
    net.down = true;
    await send(el);
    await waitUntil(() => /tant que cette page reste ouverte/.test($(el, '.sent')?.textContent ?? ''), 'queued, page only');
    expect($(el, '.sent')!.textContent).to.not.match(/prochaine ouverture/);
    net.down = false;
    btn(el, /Réessayer l’envoi/)!.click();
    await waitUntil(() => /Fiche en attente transmise/.test($(el, '.sent')?.textContent ?? ''), 'sent', { timeout: 8000 });
    expect(status(el)).to.not.match(/Toujours pas de réponse/);
  });

  it('a receiver that never answers: the button stays disabled meanwhile, then the person is told in French (20 s), the sheet waits with its key', async () => {
    const db = uniq();
    const el = await mountForm(`db-name="${db}" endpoint="/liaison/receive"`);
    await fill(el);
    net.hang = true;
    // the outbox's 20-second timeout, shortened for the test (every other delay unchanged)
    const realSetTimeout = window.setTimeout;
    window.setTimeout = ((fn: TimerHandler, ms?: number, ...rest: unknown[]) => realSetTimeout(fn, ms === SEND_TIMEOUT_MS ? 300 : ms, ...rest)) as typeof window.setTimeout;
    try {
      expect(SEND_TIMEOUT_MS).to.equal(20_000);
      const sending = send(el);
      await waitUntil(() => net.posts.length === 1, 'posted');
      await el.updateComplete;
      expect((el as unknown as { sending: boolean }).sending, 'disabled while the POST hangs').to.equal(true);
      await sending;
    } finally {
      window.setTimeout = realSetTimeout;
    }
    await waitUntil(() => /En attente d’envoi/.test($(el, '#result-title')?.textContent ?? ''), 'told, not left on the consent step');
    expect($(el, '.sent')!.textContent).to.match(/le service n’a pas répondu en 20 secondes/);
    expect((el as unknown as { sending: boolean }).sending).to.equal(false);
    const outbox = new Outbox('/liaison/receive', { dbName: db });
    expect(await outbox.pending()).to.deep.equal([net.posts[0]]);
    outbox.close();
  });

  it('shared device: « pagehide » alone empties the form and the queue held in memory; nothing ever reaches IndexedDB', async () => {
    const db = uniq();
    const el = await mountForm(`device="shared" db-name="${db}" endpoint="/liaison/receive"`);
    await fill(el);
    net.down = true;
    await send(el);
    await waitUntil(() => /tant que cette page reste ouverte/.test($(el, '.sent')?.textContent ?? ''), 'queued for this page');
    const queue = (el as unknown as { sender: { current?: Outbox } }).sender.current!;
    expect(await queue.pending()).to.have.length(1);
    const names = async () => (await indexedDB.databases()).map((d) => d.name);
    for (const n of [db, `${db}-outbox`]) expect(await names()).to.not.include(n);
    // leaving the page: the page may go to the back/forward cache without any « pageshow » afterwards
    window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: true }));
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 50));
    expect((el as unknown as { values: Record<string, unknown> }).values).to.deep.equal({});
    expect(await queue.pending(), 'the queue does not outlive the page').to.deep.equal([]);
    expect(text(el)).to.not.include('Jeanne');
    for (const n of [db, `${db}-outbox`]) expect(await names()).to.not.include(n);
    // the connection returns: nothing is sent from a page that was left
    net.down = false;
    window.dispatchEvent(new Event('online'));
    await new Promise((r) => setTimeout(r, 300));
    expect(net.posts).to.have.length(1);
  });

  it('shared device: leaving the page erases the sheet, so the back/forward cache cannot bring it back', async () => {
    const el = await mountForm(`device="shared" db-name="${uniq()}"`);
    await fill(el);
    window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: true }));
    window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
    await el.updateComplete;
    expect(status(el)).to.match(/effacée de cet ordinateur quand la page a été quittée/);
    btn(el, /Qui oriente/)!.click();
    await el.updateComplete;
    expect($<HTMLInputElement>(el, '#f-emetteur_structure')!.value).to.equal('');
    expect(text(el)).to.not.include('Jeanne');
  });

  it('text typed a moment before a reload is already saved (no 400 ms wait)', async () => {
    const db = uniq();
    const el = await mountForm(`db-name="${db}"`);
    btn(el, /Qui oriente/)!.click();
    await el.updateComplete;
    const input = $<HTMLInputElement>(el, '#f-emetteur_structure')!;
    input.value = 'CCAS de Clam';
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await new Promise((r) => setTimeout(r, 60));
    // a new page reads what is on the device, without the old page's help
    const store = new DraftStore({ dbName: db });
    expect(((await store.load('fiche'))?.values as { values: Record<string, string> } | undefined)?.values.emetteur_structure).to.equal('CCAS de Clam');
    store.close();
  });

  it('« Effacer » in one tab empties every tab, says what it erased, and nothing comes back', async () => {
    const db = uniq();
    const tab1 = await mountForm(`db-name="${db}" endpoint="/liaison/receive"`);
    await fill(tab1);
    net.down = true;
    await send(tab1);
    await waitUntil(() => /En attente d’envoi/.test($(tab1, '#result-title')?.textContent ?? ''), 'queued');
    const tab2 = await mountForm(`db-name="${db}" endpoint="/liaison/receive"`);
    if ($(tab2, '#resume-title')) btn(tab2, /Reprendre/)!.click();
    await tab2.updateComplete;
    btn(tab1, /Effacer mes données/)!.click();
    await waitUntil(() => /Effacé de cet appareil/.test(status(tab1)), 'erased');
    expect(status(tab1)).to.match(/1 brouillon, 1 fiche en attente d’envoi et la clé de chiffrement, dans tous les onglets ouverts/);
    await waitUntil(() => /effacées depuis un autre onglet/.test(status(tab2)), 'the other tab is told');
    await new Promise((r) => setTimeout(r, 300));
    // nothing came back: no draft, no queued sheet (a tab may reopen an empty database, never the old records)
    const outbox = new Outbox('/liaison/receive', { dbName: db });
    expect(await outbox.pending()).to.deep.equal([]);
    outbox.close();
    const drafts = new DraftStore({ dbName: db });
    expect(await drafts.list()).to.deep.equal([]);
    drafts.close();
    const again = await mountForm(`db-name="${db}"`);
    expect($(again, '#resume-title')).to.equal(null);
  });

  it('an erase while the other tab is still retrying its queued sheet: the late « no answer » never hides the erase', async () => {
    const db = uniq();
    const tab1 = await mountForm(`db-name="${db}" endpoint="/liaison/receive"`);
    await fill(tab1);
    net.down = true;
    await send(tab1);
    await waitUntil(() => /En attente d’envoi/.test($(tab1, '#result-title')?.textContent ?? ''), 'queued');
    net.slow = 600; // tab 2's retry on load is still waiting for the receiver when tab 1 erases
    const tab2 = await mountForm(`db-name="${db}" endpoint="/liaison/receive"`);
    btn(tab1, /Effacer mes données/)!.click();
    await waitUntil(() => /effacées depuis un autre onglet/.test(status(tab2)), 'the other tab is told');
    await new Promise((r) => setTimeout(r, 900));
    expect(status(tab2)).to.match(/effacées depuis un autre onglet/);
    expect(status(tab2)).to.not.match(/attend d’être envoyée/);
  });

  it('passphrase mode: an erase in one tab locks the other (no cached key writes the old sheet back); a new tab asks to choose a phrase', async function () {
    this.timeout(40000);
    const db = uniq();
    const tab1 = await mountForm(`passphrase-mode db-name="${db}"`);
    expect($(tab1, '#passphrase-hint')!.textContent).to.match(/Choisissez une phrase/);
    await unlock(tab1, 'trois mots hasard');
    await fill(tab1);
    const tab2 = await mountForm(`passphrase-mode db-name="${db}"`);
    await waitUntil(() => /Saisissez la phrase secrète/.test($(tab2, '#passphrase-hint')?.textContent ?? ''), 'tab 2 knows a phrase exists');
    await unlock(tab2, 'trois mots hasard');
    if ($(tab2, '#resume-title')) btn(tab2, /Reprendre/)!.click();
    await tab2.updateComplete;
    btn(tab1, /Effacer mes données/)!.click();
    await waitUntil(() => /Effacé de cet appareil/.test(status(tab1)), 'erased');
    await waitUntil(() => $(tab2, '#unlock-title') && /effacées depuis un autre onglet/.test(status(tab2)), 'tab 2 locked and told');
    await tab2.flush();
    await new Promise((r) => setTimeout(r, 200));
    expect(await new DraftStore({ dbName: db }).list()).to.deep.equal([]);
    const tab3 = await mountForm(`passphrase-mode db-name="${db}"`);
    await waitUntil(() => /Choisissez une phrase/.test($(tab3, '#passphrase-hint')?.textContent ?? ''), 'no phrase exists any more');
  });

  it('passphrase forgotten: « Effacer » works on the locked form — the draft, the queued sheet and the verifier go; a new phrase can be chosen', async function () {
    this.timeout(40000);
    const db = uniq();
    const el = await mountForm(`passphrase-mode db-name="${db}" endpoint="/liaison/receive"`);
    await unlock(el, 'trois mots hasard');
    await fill(el);
    net.down = true;
    await send(el);
    await waitUntil(() => /En attente d’envoi/.test($(el, '#result-title')?.textContent ?? ''), 'queued');
    el.parentElement!.remove();
    // the next day, nobody remembers the phrase
    const locked = await mountForm(`passphrase-mode db-name="${db}" endpoint="/liaison/receive"`);
    await waitUntil(() => /Saisissez la phrase secrète/.test($(locked, '#passphrase-hint')?.textContent ?? ''), 'a phrase exists');
    btn(locked, /Effacer mes données/)!.click();
    await waitUntil(() => /Effacé de cet appareil/.test(status(locked)), 'erased while locked');
    expect(status(locked)).to.match(/1 brouillon, 1 fiche en attente d’envoi et la clé de chiffrement/);
    await waitUntil(() => /Choisissez une phrase/.test($(locked, '#passphrase-hint')?.textContent ?? ''), 'a new phrase can be chosen');
    expect(await Vault.hasPassphrase(db)).to.equal(false);
    const names = (await indexedDB.databases()).map((d) => d.name);
    expect(names).to.not.include(db);
    expect(names).to.not.include(`${db}-outbox`);
  });

  it('a draft changed outside the form (associated data) is refused in French, never shown, and no unlock is asked for', async () => {
    const db = uniq();
    const store = new DraftStore({ dbName: db });
    await store.save('fiche', 'orientation', { values: { personne_nom: 'Jeanne Martin' } }, 0);
    store.close();
    await new Promise<void>((resolve) => {
      const r = indexedDB.open(db);
      r.onsuccess = () => {
        const t = r.result.transaction('drafts', 'readwrite');
        const os = t.objectStore('drafts');
        const g = os.get('fiche');
        g.onsuccess = () => os.put({ ...g.result, expiresAt: '2099-12-31T00:00:00.000Z' });
        t.oncomplete = () => (r.result.close(), resolve());
      };
    });
    const el = await mountForm(`db-name="${db}"`);
    await waitUntil(() => /modifiée hors de ce formulaire/.test(status(el)), 'said');
    expect($(el, '#unlock-title')).to.equal(null);
    expect($(el, '#tasks-title')).to.exist;
    expect(text(el)).to.not.include('Jeanne');
  });

  it('a page that is not secure (http): the form says why in French, never throws, and writes nothing (no Web Crypto there)', async () => {
    // what a browser gives a page served over plain http: no crypto.subtle, no crypto.randomUUID
    const subtle = Object.getOwnPropertyDescriptor(Crypto.prototype, 'subtle')!;
    const randomUUID = Object.getOwnPropertyDescriptor(Crypto.prototype, 'randomUUID')!;
    const thrown: string[] = [];
    const onError = (e: ErrorEvent | PromiseRejectionEvent) => thrown.push(String('reason' in e ? e.reason : e.message));
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onError);
    const db = uniq();
    let el: RelaisLiaisonForm;
    Object.defineProperty(Crypto.prototype, 'subtle', { configurable: true, get: () => undefined });
    Object.defineProperty(Crypto.prototype, 'randomUUID', { configurable: true, value: undefined });
    try {
      const wrap = await fixture<HTMLDivElement>(`<div><relais-liaison-form template-id="orientation" db-name="${db}" endpoint="/liaison/receive"></relais-liaison-form></div>`);
      el = wrap.querySelector('relais-liaison-form') as RelaisLiaisonForm;
      await waitUntil(() => $(el, '[role="alert"]'), 'said', { timeout: 3000 });
      await new Promise((r) => setTimeout(r, 200));
      expect($(el, '[role="alert"]')!.textContent).to.match(/Page sans https : chiffrement impossible, rien n’est enregistré ni envoyé\./);
      expect(thrown).to.deep.equal([]);
      let err: unknown;
      try {
        new DraftStore({ dbName: db });
      } catch (e) {
        err = e;
      }
      expect((err as Error).message).to.match(/chiffrement impossible/);
    } finally {
      Object.defineProperty(Crypto.prototype, 'subtle', subtle);
      Object.defineProperty(Crypto.prototype, 'randomUUID', randomUUID);
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onError);
    }
    expect((await indexedDB.databases()).map((d) => d.name)).to.not.include(db);
    await expect(el!).to.be.accessible();
  });

  it('a sheet is sent only to https or to this site', async () => {
    const el = await mountForm(`db-name="${uniq()}" endpoint="http://liaison.example/fiches"`);
    await fill(el);
    await send(el);
    expect(net.posts).to.deep.equal([]);
    await el.updateComplete;
    expect((el as unknown as { sendError: string }).sendError).to.match(/doit commencer par https/);
  });
});

describe('issue 14: every finding has its reproducing tests', () => {
  /** A source as written, whatever the dev server's transform did to its strings (\u escapes, escaped quotes). */
  const readable = (src: string) =>
    src
      .replace(/\\u\{([0-9a-fA-F]+)\}/g, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
      .replace(/\\u([0-9a-fA-F]{4})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
      .replace(/\\x([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
      .replace(/\\(['"`])/g, '$1');
  const escape = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

  it(`${FINDINGS.length} findings, ${new Set(FINDINGS.flatMap((f) => f.tests.map((t) => t.join(' › ')))).size} tests: each test named in tests/security/findings.ts is in its file, not skipped`, async () => {
    const sources = new Map<string, string>();
    const missing: string[] = [];
    for (const f of FINDINGS) {
      expect(f.tests.length, f.finding).to.be.at.least(1);
      for (const [file, title] of f.tests) {
        if (!sources.has(file)) {
          const res = await fetch(`/${file}`);
          expect(res.ok, file).to.equal(true);
          sources.set(file, readable(await res.text()));
        }
        const found = new RegExp(`\\b(it|test)\\(\\s*['"\`]${escape(title)}`).test(sources.get(file)!);
        const skipped = new RegExp(`\\b(it|test|describe)\\.skip\\(\\s*['"\`]${escape(title)}`).test(sources.get(file)!);
        if (!found || skipped) missing.push(`${file} › ${title}`);
      }
    }
    expect(missing).to.deep.equal([]);
  });
});
