/**
 * The static source's Web Worker from the built CDN bundle (tests/node/demo.test.mjs checks the demo page and its
 * strict CSP): the page's main thread is never blocked by the index, answers are the same as on the page, data issues
 * are reported, errors arrive as French RelaisErrors, and a page where no worker may start falls back to the page.
 */
import { expect } from '@open-wc/testing';

type Client = { indexedIn: string; ready(): Promise<void>; refresh(): void; search(q: object): Promise<{ total: number; items: Array<{ service: { id: string } }> }>; get(id: string): Promise<{ service: { id: string } }>; points(q: object): Promise<{ points: unknown[] }>; diagnostics: { skipped: number }; addEventListener(t: string, f: (e: Event) => void): void };
const cdn = async () => (await import('/packages/relais/dist/cdn/relais-all.js' as string)) as { createClient(o: object): Client };

describe('static source in a Web Worker', () => {
  it('indexes off the main thread and answers as the page does', async () => {
    const { createClient } = await cdn();
    const inWorker = createClient({ source: 'static', url: '/examples/data/nievre.json' });
    const onPage = createClient({ source: 'static', url: '/examples/data/nievre.json', worker: false });
    await Promise.all([inWorker.ready(), onPage.ready()]);
    expect(inWorker.indexedIn).to.equal('worker');
    expect(onPage.indexedIn).to.equal('page');
    for (const q of [{ text: 'ehpad' }, { text: 'aide a domicile', commune: '58079' }, { thematiques: ['autonomie--repit-des-aidants'] }]) {
      const [a, b] = await Promise.all([inWorker.search(q), onPage.search(q)]);
      expect(a.total, JSON.stringify(q)).to.equal(b.total);
      expect(a.items.map((i) => i.service.id)).to.deep.equal(b.items.map((i) => i.service.id));
    }
    const first = (await inWorker.search({ text: 'ehpad' })).items[0]!.service.id;
    expect((await inWorker.get(first)).service.id).to.equal(first);
    expect((await inWorker.points({})).points.length).to.equal((await onPage.points({})).points.length);
  });

  it('reports data issues and errors from the worker as the page does', async () => {
    const { createClient } = await cdn();
    const c = createClient({ source: 'static', url: '/faults/invalid-one-in-ten' });
    const warned = new Promise<Event>((r) => c.addEventListener('diagnostics', r));
    await c.ready();
    await warned;
    expect(c.indexedIn).to.equal('worker');
    expect(c.diagnostics.skipped).to.equal(10);
    // after a refresh the reloaded file's issues are reported again, as on the page
    c.refresh();
    const again = new Promise<Event>((r) => c.addEventListener('diagnostics', r));
    await c.search({ text: 'aide' });
    await again;
    expect(c.diagnostics.skipped).to.equal(10);
    const bad = createClient({ source: 'static', url: '/faults/truncated', retries: 0 });
    const e = (await bad.ready().then(() => null, (x: unknown) => x)) as { name: string; kind: string; message: string; retryable: boolean };
    expect(e.name).to.equal('RelaisError');
    expect(e.kind).to.equal('invalid-payload');
    expect(e.message).to.match(/incomplètes ou illisibles/);
    expect(e.retryable).to.equal(true);
  });

  it('falls back to the page where no worker may start (CSP worker-src none)', async () => {
    const meta = document.createElement('meta');
    meta.httpEquiv = 'Content-Security-Policy';
    meta.content = "worker-src 'none'";
    document.head.append(meta);
    const { createClient } = await cdn();
    const c = createClient({ source: 'static', url: '/examples/data/nievre.json' });
    const r = await c.search({ text: 'ehpad' });
    expect(r.total).to.be.above(0);
    expect(c.indexedIn).to.equal('page');
  });
});
