/**
 * The prebuilt index (`relais-index`) loaded by the static source in its Web Worker, from the built CDN bundle: the
 * same answers as the JSON file, only the chunks of the départements served downloaded, and a damaged file refused
 * with a French RelaisError (tests/server/test-server.mjs builds and serves the files under /prebuilt/).
 */
import { expect } from '@open-wc/testing';

type Result = { total: number; items: Array<{ service: { id: string } }>; facets: object };
type Client = { indexedIn: string; ready(): Promise<void>; search(q: object): Promise<Result>; get(id: string): Promise<{ service: { id: string } }> };
const cdn = async () => (await import('/packages/relais/dist/cdn/relais-all.js' as string)) as { createClient(o: object): Client };
const asked = async () => (await (await fetch('/prebuilt/_asked')).json()) as string[];

describe('prebuilt index in the Web Worker', function () {
  // the test server builds the files on their first request (relais-index on France Services takes seconds)
  before(async function () {
    this.timeout(120_000);
    for (const name of ['nievre', 'france-services', 'damaged']) await fetch(`/prebuilt/${name}/manifest.json`);
  });

  it('loads the manifest and its chunks with no validation, and answers as the JSON file does', async () => {
    const { createClient } = await cdn();
    const pre = createClient({ source: 'static', url: '/prebuilt/nievre/manifest.json' });
    const json = createClient({ source: 'static', url: '/examples/data/nievre.json', worker: false });
    await Promise.all([pre.ready(), json.ready()]);
    expect(pre.indexedIn).to.equal('worker');
    for (const q of [{ text: 'ehpad' }, { text: 'aide a domicile', commune: '58079' }, { text: 'maison de retraite', sort: 'name' }, { thematiques: ['autonomie--repit-des-aidants'] }]) {
      const [a, b] = await Promise.all([pre.search(q), json.search(q)]);
      expect(a.total, JSON.stringify(q)).to.equal(b.total);
      expect(a.items.map((i) => i.service.id)).to.deep.equal(b.items.map((i) => i.service.id));
      expect(a.facets).to.deep.equal(b.facets);
    }
    const first = (await pre.search({ text: 'ehpad' })).items[0]!.service.id;
    expect((await pre.get(first)).service.id).to.equal(first);
  });

  it('a page serving two départements downloads their chunks only (France Services data)', async () => {
    const { createClient } = await cdn();
    const before = (await asked()).length;
    const pre = createClient({ source: 'static', url: '/prebuilt/france-services/manifest.json', departements: ['58', '89'] });
    const json = createClient({ source: 'static', url: '/examples/data/france-services.json', worker: false });
    for (const q of [{ text: 'carte grise', departements: ['58'] }, { text: 'impots', departements: ['58', '89'] }, { text: 'caf', commune: '58086', departements: ['58'] }]) {
      const [a, b] = await Promise.all([pre.search(q), json.search(q)]);
      expect(a.total, JSON.stringify(q)).to.equal(b.total);
      expect(a.items.map((i) => i.service.id)).to.deep.equal(b.items.map((i) => i.service.id));
    }
    expect(pre.indexedIn).to.equal('worker');
    const files = (await asked()).slice(before).filter((f) => f.startsWith('france-services/'));
    expect(files.sort()).to.deep.equal(['france-services/58.rix', 'france-services/89.rix', 'france-services/manifest.json']);
  });

  it('a damaged chunk: a French RelaisError from the worker, nothing loaded', async () => {
    const { createClient } = await cdn();
    const c = createClient({ source: 'static', url: '/prebuilt/damaged/manifest.json', retries: 0 });
    const e = (await c.ready().then(() => null, (x: unknown) => x)) as { name: string; kind: string; message: string };
    expect(c.indexedIn).to.equal('worker');
    expect(e?.name).to.equal('RelaisError');
    expect(e.kind).to.equal('invalid-payload');
    expect(e.message).to.match(/endommagé ou incomplet/);
    const again = (await c.search({ text: 'ehpad' }).then(() => null, (x: unknown) => x)) as { kind: string } | null;
    expect(again?.kind).to.equal('invalid-payload');
  });
});
