import { expect, fixture, html } from '@open-wc/testing';
import { LitElement, type PropertyValues } from 'lit';
import '@relais/core/provider.js';
import { PlaceController, RelaisError, SourceAttributesMixin, SourceController, StoreController, StoreChangeEvent, createClient, defineElement, type Commune, type Dataset, type RelaisClient, type RelaisProvider } from '@relais/core';

class SourceProbe extends LitElement {
  static override properties = { src: {}, source: {}, baseUrl: { attribute: 'base-url' }, data: { attribute: false } };
  declare src: string | undefined;
  declare source: 'static' | 'data-inclusion' | 'rest' | undefined;
  declare baseUrl: string | undefined;
  declare data: Dataset | undefined;
  changes: Array<RelaisClient | undefined> = [];
  diagnostics: RelaisClient[] = [];
  errors: RelaisError[] = [];
  readonly sourceCtl = new SourceController(this, { changed: (c) => this.changes.push(c), diagnostics: (c) => this.diagnostics.push(c), error: (e) => this.errors.push(e) });
  override willUpdate(changed: PropertyValues): void {
    this.sourceCtl.sync(changed);
  }
}
defineElement('relais-test-source-probe', SourceProbe);

class PlaceProbe extends LitElement {
  position: { lat: number; lon: number } | Error = { lat: 47.46, lon: 3.52 };
  readonly places = new PlaceController(this, {
    departements: () => ['58'],
    locate: () => (this.position instanceof Error ? Promise.reject(this.position) : Promise.resolve(this.position)),
  });
}
defineElement('relais-test-place-probe', PlaceProbe);

/** The source attributes and `client` from the mixin, through the element's SourceController (synced by the mixin). */
class MixinProbe extends SourceAttributesMixin(LitElement) {
  readonly sourceCtl = new SourceController(this);
}
defineElement('relais-test-mixin-probe', MixinProbe);

class StoreProbe extends LitElement {
  heard: string[] = [];
  attached = 0;
  readonly storeCtl = new StoreController(this, { attached: () => this.attached++, changed: (what) => this.heard.push(what) });
}
defineElement('relais-test-store-probe', StoreProbe);

const empty: Dataset = { structures: [], services: [] } as unknown as Dataset;

describe('SourceController', () => {
  it('uses the client set explicitly, else the widget’s own source, else the provider’s; follows each new client', async () => {
    const p = await fixture<RelaisProvider>(html`<relais-provider src="/examples/data/nievre.json"><relais-test-source-probe></relais-test-source-probe></relais-provider>`);
    const probe = p.querySelector('relais-test-source-probe') as SourceProbe;
    await probe.updateComplete;
    expect(probe.sourceCtl.client).to.equal(p.client);
    probe.data = empty;
    await probe.updateComplete;
    const own = probe.sourceCtl.client;
    expect(own).to.not.equal(p.client);
    expect(own).to.not.equal(undefined);
    const explicit = createClient({ source: 'static', data: empty });
    probe.sourceCtl.explicitClient = explicit;
    probe.requestUpdate();
    await probe.updateComplete;
    expect(probe.sourceCtl.client).to.equal(explicit);
    expect(probe.changes).to.deep.equal([p.client, own, explicit]);
    // diagnostics: once for each new client, then on each event of the client in use only
    expect(probe.diagnostics).to.deep.equal([p.client, own, explicit]);
    own!.dispatchEvent(new Event('diagnostics'));
    explicit.dispatchEvent(new Event('diagnostics'));
    expect(probe.diagnostics).to.deep.equal([p.client, own, explicit, explicit]);
    expect(probe.errors).to.deep.equal([]);
  });

  it('reports source attributes that describe no usable source, in French', async () => {
    const probe = await fixture<SourceProbe>(html`<relais-test-source-probe source="data-inclusion"></relais-test-source-probe>`);
    expect(probe.errors).to.have.length(1);
    expect(probe.errors[0]).to.be.instanceOf(RelaisError);
    expect(probe.errors[0]!.message).to.match(/[a-zà-ÿ]/);
    expect(probe.sourceCtl.client).to.equal(undefined);
  });

  it('runs calls so that only the latest counts: the older one is aborted and dropped; real errors are thrown', async () => {
    const probe = await fixture<SourceProbe>(html`<relais-test-source-probe></relais-test-source-probe>`);
    expect(await probe.sourceCtl.run(async () => 'no client')).to.equal(undefined);
    probe.data = empty;
    await probe.updateComplete;
    let older: AbortSignal | undefined;
    const first = probe.sourceCtl.run((_c, signal) => {
      older = signal;
      return new Promise<string>((resolve) => setTimeout(() => resolve('old'), 30));
    });
    const second = probe.sourceCtl.run(async (c) => (c === probe.sourceCtl.client ? 'new' : 'wrong client'));
    expect(await second).to.deep.equal({ value: 'new' });
    expect(await first).to.equal(undefined);
    expect(older!.aborted).to.equal(true);
    expect(await probe.sourceCtl.run(() => Promise.reject(new RelaisError('aborted')))).to.equal(undefined);
    let thrown: unknown;
    try {
      await probe.sourceCtl.run(() => Promise.reject(new RelaisError('network')));
    } catch (e) {
      thrown = e;
    }
    expect(thrown).to.be.instanceOf(RelaisError);
  });
});

describe('SourceController runs: slow, aborted', () => {
  it('says a run is slow once, only while it is the latest and pending; abort() drops the run in progress', async () => {
    const probe = await fixture<SourceProbe>(html`<relais-test-source-probe></relais-test-source-probe>`);
    probe.data = empty;
    await probe.updateComplete;
    const later = (ms: number, v: string) => new Promise<string>((r) => setTimeout(() => r(v), ms));
    const slow: string[] = [];
    expect(await probe.sourceCtl.run(() => later(5, 'fast'), { slow: () => slow.push('fast'), slowMs: 40 })).to.deep.equal({ value: 'fast' });
    expect(await probe.sourceCtl.run(() => later(80, 'slow'), { slow: () => slow.push('slow'), slowMs: 20 })).to.deep.equal({ value: 'slow' });
    const old = probe.sourceCtl.run(() => later(80, 'old'), { slow: () => slow.push('superseded'), slowMs: 40 });
    await later(5, '');
    await probe.sourceCtl.run(() => later(5, 'new'));
    expect(await old).to.equal(undefined);
    await later(60, '');
    expect(slow).to.deep.equal(['slow']);
    let signal: AbortSignal | undefined;
    const running = probe.sourceCtl.run((_c, s) => ((signal = s), later(30, 'dropped')));
    probe.sourceCtl.abort();
    expect(signal!.aborted).to.equal(true);
    expect(await running).to.equal(undefined);
  });
});

describe('SourceAttributesMixin', () => {
  it('declares src, source, base-url (attributes), data and client (properties), through the SourceController', async () => {
    const probe = await fixture<MixinProbe>(html`<relais-test-mixin-probe src="/examples/data/nievre.json" source="static" base-url="https://example.org/api"></relais-test-mixin-probe>`);
    expect([probe.src, probe.source, probe.baseUrl]).to.deep.equal(['/examples/data/nievre.json', 'static', 'https://example.org/api']);
    const fromSrc = probe.sourceCtl.client;
    expect(fromSrc).to.not.equal(undefined);
    probe.data = empty;
    await probe.updateComplete;
    expect(probe.sourceCtl.client).to.not.equal(fromSrc);
    expect(probe.client).to.equal(probe.sourceCtl.client);
    expect(probe.hasAttribute('data'), 'data is a property only').to.equal(false);
    const explicit = createClient({ source: 'static', data: empty });
    probe.client = explicit;
    await probe.updateComplete;
    expect(probe.sourceCtl.client).to.equal(explicit);
  });
});

describe('StoreController', () => {
  it('gives the provider’s store and its changes while the widget is in the page', async () => {
    const p = await fixture<RelaisProvider>(html`<relais-provider src="/examples/data/nievre.json"><relais-test-store-probe></relais-test-store-probe></relais-provider>`);
    const probe = p.querySelector('relais-test-store-probe') as StoreProbe;
    const store = probe.storeCtl.store!;
    expect(store).to.not.equal(undefined);
    expect(probe.attached).to.equal(1);
    store.select('x--1');
    store.setFilters({ text: 'repas' });
    expect(probe.heard).to.deep.equal(['selection', 'filters']);
    probe.remove();
    store.dispatchEvent(new StoreChangeEvent('request'));
    expect(probe.heard, 'out of the page: nothing heard').to.have.length(2);
    p.append(probe);
    await probe.updateComplete;
    expect(probe.attached, 'put back: attached again').to.equal(2);
    store.dispatchEvent(new StoreChangeEvent('request'));
    expect(probe.heard).to.deep.equal(['selection', 'filters', 'request']);
    const alone = await fixture<StoreProbe>(html`<relais-test-store-probe></relais-test-store-probe>`);
    expect(alone.storeCtl.store).to.equal(undefined);
  });
});

describe('PlaceController', () => {
  it('finds a commune by its code and resolves what was typed: a name, a postcode, « Nom (code postal) »', async () => {
    const el = await fixture<PlaceProbe>(html`<relais-test-place-probe></relais-test-place-probe>`);
    expect((await el.places.commune('58079'))?.name).to.equal('Clamecy');
    expect(await el.places.commune('58999')).to.equal(undefined);
    expect((await el.places.resolve('Clamecy'))?.code).to.equal('58079');
    expect((await el.places.resolve('58500'))?.postcodes).to.include('58500');
    // a postcode outside the départements served: its own département
    expect((await el.places.resolve('Auxerre (89000)'))?.code).to.equal('89024');
    expect(await el.places.resolve('  ')).to.equal(null);
    expect(await el.places.resolve('Xyzzyville')).to.equal(null);
  });

  it('keeps a combobox’s suggestions: the latest text only, arrows wrap, Entrée chooses, Échap closes', async () => {
    const el = await fixture<PlaceProbe>(html`<relais-test-place-probe></relais-test-place-probe>`);
    const stale = el.places.suggest('Nev');
    await el.places.suggest('Clam');
    await stale;
    expect(el.places.suggestions.map((c) => c.name)).to.include('Clamecy');
    expect(el.places.suggestions.every((c) => /clam/i.test(c.name))).to.equal(true);
    const key = (k: string) => new KeyboardEvent('keydown', { key: k, cancelable: true });
    const n = el.places.suggestions.length;
    let chosen: Commune | undefined;
    expect(el.places.keydown(key('ArrowUp'), (c) => (chosen = c))).to.equal(true);
    expect(el.places.active).to.equal(n - 1);
    el.places.keydown(key('ArrowDown'), (c) => (chosen = c));
    expect(el.places.active).to.equal(0);
    const first = el.places.suggestions[0];
    const enter = key('Enter');
    el.places.keydown(enter, (c) => (chosen = c));
    expect(chosen).to.equal(first);
    expect(enter.defaultPrevented).to.equal(true);
    expect(el.places.suggestions).to.deep.equal([]);
    expect(el.places.keydown(key('ArrowDown'), () => undefined), 'no list, the key is the field’s').to.equal(false);
    await el.places.suggest('Clam');
    el.places.keydown(key('Escape'), () => undefined);
    expect(el.places.suggestions).to.deep.equal([]);
    await el.places.suggest('C');
    expect(el.places.suggestions, 'one letter suggests nothing').to.deep.equal([]);
    await el.places.suggest('Clam');
    el.remove();
    expect(el.places.suggestions, 'taken out of the page: the list is closed').to.deep.equal([]);
  });

  it('looks around the départements served for a commune typed outside them (suggestions with `wider`, a postcode’s département)', async () => {
    const el = await fixture<PlaceProbe>(html`<relais-test-place-probe></relais-test-place-probe>`);
    await el.places.suggest('Auxerre');
    expect(el.places.suggestions, 'the Nièvre only').to.deep.equal([]);
    await el.places.suggest('Auxerre', { wider: true });
    expect(el.places.suggestions.map((c) => c.code)).to.include('89024');
    expect((await el.places.wider('89000', false)).search('Auxerre', { limit: 1 })[0]?.code).to.equal('89024');
    expect((await el.places.wider('Auxerre', false)).get('89024')?.name, 'the neighbouring départements').to.equal('Auxerre');
  });

  it('gives the person’s position, or rejects when it is refused', async () => {
    const el = await fixture<PlaceProbe>(html`<relais-test-place-probe></relais-test-place-probe>`);
    expect(await el.places.locate()).to.deep.equal({ lat: 47.46, lon: 3.52 });
    el.position = new Error('refused');
    let refused = false;
    await el.places.locate().catch(() => (refused = true));
    expect(refused).to.equal(true);
  });
});
