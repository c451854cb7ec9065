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
import { liaisonTemplates, type RelaisLiaisonForm } from '@relais/liaison';
import { pathwayTemplates, type RelaisPathway } from '@relais/pathway';
import type { RelaisDirectory } from '@relais/directory';
import type { RelaisEligibility } from '@relais/eligibility';
import type { RelaisMap } from '@relais/map';
import { PAYLOADS, inject, pollute, spread } from './security/payloads.js';

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
