import { expect, fixture, html } from '@open-wc/testing';
import { LitElement, type PropertyValues } from 'lit';
import '@relais/core/provider.js';
import { PlaceController, RelaisError, SourceController, createClient, defineElement, type Commune, type Dataset, type RelaisClient, type RelaisProvider } from '@relais/core';

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

  it('gives the person’s position, or rejects when it is refused', async () => {
    const el = await fixture<PlaceProbe>(html`<relais-test-place-probe></relais-test-place-probe>`);
    expect(await el.places.locate()).to.deep.equal({ lat: 47.46, lon: 3.52 });
    el.position = new Error('refused');
    let refused = false;
    await el.places.locate().catch(() => (refused = true));
    expect(refused).to.equal(true);
  });
});
