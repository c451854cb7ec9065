import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { ContextConsumer } from '@lit/context';
import '@relais/core/provider.js';
import { clientContext, storeContext, createClient, defineElement, type RelaisClient, type RelaisProvider } from '@relais/core';

class ProbeElement extends LitElement {
  client = new ContextConsumer(this, { context: clientContext, subscribe: true });
  store = new ContextConsumer(this, { context: storeContext, subscribe: true });
}
defineElement('relais-test-probe', ProbeElement);

describe('<relais-provider>', () => {
  it('builds a client from its attributes and provides it with the store', async () => {
    const el = await fixture<RelaisProvider>(html`<relais-provider src="/examples/data/nievre.json"><relais-test-probe></relais-test-probe></relais-provider>`);
    const probe = el.querySelector('relais-test-probe') as ProbeElement;
    await el.updateComplete;
    expect(probe.client.value).to.equal(el.client);
    expect(probe.store.value).to.equal(el.store);
    const r = await (probe.client.value as RelaisClient).search({ text: 'clic' });
    expect(r.total).to.be.greaterThan(0);
    await expect(el).to.be.accessible();
  });

  it('uses a client set as a property and updates consumers', async () => {
    const el = await fixture<RelaisProvider>(html`<relais-provider><relais-test-probe></relais-test-probe></relais-provider>`);
    const probe = el.querySelector('relais-test-probe') as ProbeElement;
    expect(probe.client.value).to.equal(undefined);
    const c = createClient({ source: 'static', data: { structures: [], services: [] } });
    el.client = c;
    await el.updateComplete;
    expect(probe.client.value).to.equal(c);
  });

  it('shares selection and filters through the store', async () => {
    const el = await fixture<RelaisProvider>(html`<relais-provider><relais-test-probe></relais-test-probe></relais-provider>`);
    const seen: string[] = [];
    el.store.addEventListener('change', (e) => seen.push((e as Event & { what: string }).what));
    el.store.setFilters({ thematiques: ['autonomie'] });
    el.store.setFilters({ thematiques: ['autonomie'] });
    el.store.select('x');
    el.store.requestDirectory({ from: 'eligibility', typologies: ['mdph-mda'] });
    expect(seen).to.deep.equal(['filters', 'selection', 'request']);
    expect(el.store.takeRequest()!.typologies).to.deep.equal(['mdph-mda']);
    expect(el.store.takeRequest()).to.equal(null);
  });

  it('a misconfigured source fires relais-error in French', async () => {
    const errors: string[] = [];
    const wrap = document.createElement('div');
    wrap.addEventListener('relais-error', (e) => errors.push(e.message));
    document.body.append(wrap);
    const p = document.createElement('relais-provider');
    p.source = 'rest';
    wrap.append(p);
    await p.updateComplete;
    expect(p.client).to.equal(undefined);
    expect(errors[0]).to.match(/baseUrl/);
    p.source = 'ftp' as never;
    await p.updateComplete;
    expect(errors[1]).to.match(/Source de données inconnue/);
    wrap.remove();
  });
});

describe('defineElement guard', () => {
  it('a second definition of a tag never throws and warns once', () => {
    const warn = console.warn;
    const warnings: string[] = [];
    console.warn = (m: string) => warnings.push(m);
    try {
      class A extends HTMLElement {}
      class B extends HTMLElement {}
      class C extends HTMLElement {}
      expect(defineElement('relais-guard-test', A)).to.equal(A);
      expect(defineElement('relais-guard-test', B)).to.equal(A);
      expect(defineElement('relais-guard-test', C)).to.equal(A);
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.match(/déjà défini/);
    } finally {
      console.warn = warn;
    }
  });
});

describe('gazetteer in the browser', () => {
  it('loads a département chunk lazily and autocompletes', async () => {
    const { Gazetteer } = await import('@relais/core');
    const g = await Gazetteer.load({ departements: ['58'] });
    expect(g.search('clam')[0]!.code).to.equal('58079');
  });
});
