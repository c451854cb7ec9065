/**
 * The three sources against the real local test server (tests/server/test-server.mjs):
 * fixtures, faults (500, timeout, truncated JSON, HTML, one invalid record in ten, empty, flaky),
 * abort of stale queries, caching, data·inclusion parameter mapping, REST contract.
 */
import { expect } from '@open-wc/testing';
import { createClient, type DiagnosticsEvent, type RelaisClient } from '@relais/core';
import { fail, count } from '../../../tests/helpers/remote.js';

const origin = location.origin;

describe('static source over HTTP', () => {
  it('loads, validates and searches the Nièvre file', async () => {
    const c = createClient({ source: 'static', url: '/examples/data/nievre.json' });
    const r = await c.search({ text: 'ehpad nevers' });
    expect(r.total).to.be.greaterThan(0);
    expect(r.items[0]!.structure!.typologie).to.equal('ehpad');
    expect(c.diagnostics.skipped).to.equal(0);
  });

  it('HTTP 500: a retryable typed error in French, after the retries', async () => {
    const c = createClient({ source: 'static', url: '/faults/status/500', retries: 1 });
    const e = await fail(c.ready());
    expect(e.kind).to.equal('http');
    expect(e.status).to.equal(500);
    expect(e.retryable).to.equal(true);
    expect(e.message).to.match(/momentanément indisponible \(erreur 500\)/);
  });

  it('retries 503 then succeeds (flaky server), and a 404 is not retried', async () => {
    const key = `flaky-${Math.random().toString(36).slice(2)}`;
    const c = createClient({ source: 'static', url: `/faults/flaky/${key}?fail=2`, retries: 2 });
    await c.ready();
    expect(await count(key)).to.equal(3);
    const e = await fail(createClient({ source: 'static', url: '/faults/status/404', retries: 2 }).ready());
    expect(e.kind).to.equal('not-found');
  });

  it('timeout: a server that never answers gives a timeout error', async () => {
    const c = createClient({ source: 'static', url: '/faults/hang', timeoutMs: 300, retries: 0 });
    const e = await fail(c.ready());
    expect(e.kind).to.equal('timeout');
    expect(e.message).to.match(/trop de temps/);
  });

  it('truncated JSON and an HTML page are invalid payloads, explained in French', async () => {
    const t = await fail(createClient({ source: 'static', url: '/faults/truncated' }).ready());
    expect(t.kind).to.equal('invalid-payload');
    expect(t.message).to.match(/incomplètes ou illisibles/);
    const h = await fail(createClient({ source: 'static', url: '/faults/html' }).ready());
    expect(h.kind).to.equal('invalid-payload');
    expect(h.message).to.match(/JSON attendu/);
  });

  it('one invalid record in ten: 90 kept, 10 skipped and reported, never fatal', async () => {
    const c = createClient({ source: 'static', url: '/faults/invalid-one-in-ten' });
    let event: DiagnosticsEvent | null = null;
    c.addEventListener('diagnostics', (e) => (event = e as DiagnosticsEvent));
    const r = await c.search({ pageSize: 200 });
    expect(r.total).to.equal(90);
    expect(c.diagnostics.skipped).to.equal(10);
    expect(c.diagnostics.issues.filter((i) => i.severity === 'error')).to.have.length(10);
    expect(event).to.not.equal(null);
  });

  it('an empty dataset gives zero results, not an error', async () => {
    const r = await createClient({ source: 'static', url: '/faults/empty' }).search({ text: 'ehpad' });
    expect(r.total).to.equal(0);
    expect(r.items).to.deep.equal([]);
  });

  it('after a failed load the next call retries the file', async () => {
    const key = `reload-${Math.random().toString(36).slice(2)}`;
    const c = createClient({ source: 'static', url: `/faults/flaky/${key}?fail=1`, retries: 0 });
    await fail(c.ready());
    await c.ready();
    expect(await count(key)).to.equal(2);
  });

  it('a slow source: a newer query on the same channel aborts the older one', async () => {
    const c = createClient({ source: 'static', url: '/faults/slow?ms=400' });
    const older = c.search({ text: 'ehpad' }, { channel: 'dir' });
    const newer = c.search({ text: 'répit' }, { channel: 'dir' });
    const e = await fail(older);
    expect(e.kind).to.equal('aborted');
    const r = await newer;
    expect(r.items[0]!.service.thematiques).to.include('autonomie--repit-des-aidants');
  });

  it('an AbortSignal aborts a search in flight', async () => {
    const c = createClient({ source: 'static', url: '/faults/slow?ms=400' });
    const ctrl = new AbortController();
    const p = c.search({ text: 'ehpad' }, { signal: ctrl.signal });
    setTimeout(() => ctrl.abort(), 50);
    expect((await fail(p)).kind).to.equal('aborted');
  });
});

describe('data·inclusion source', () => {
  const di = (over: Partial<{ token: string }> = {}): RelaisClient => createClient({ source: 'data-inclusion', baseUrl: `${origin}/di/`, token: 'test-token', ...over });

  it('maps the query to /api/v1/search/services in the API\'s vocabulary, with repeated keys and the bearer token', async () => {
    await fetch('/di/_requests?clear=1');
    const r = await di().search({ text: 'aide', thematiques: ['autonomie--aide-et-accompagnement-a-domicile', 'famille--soutien-aidants'], publics: ['seniors'], commune: '58194', modesAccueil: ['en-presentiel'], page: 1, pageSize: 5 });
    const p = new URLSearchParams(((await (await fetch('/di/_last')).json()) as { query: string }).query);
    // the extension value is replaced by its nearest official thematiques, and said so
    expect(p.getAll('thematiques')).to.have.members(['famille--prise-en-charge-personne-dependante', 'equipement-et-alimentation--aide-menagere', 'famille--soutien-aidants']);
    expect(r.unsupported).to.include('thematiques:autonomie--aide-et-accompagnement-a-domicile');
    // services open to everyone match any public, as in the other sources
    expect(p.getAll('publics')).to.have.members(['seniors', 'tous-publics']);
    expect(p.get('q'), 'the API has no q: words are filtered on the pages read').to.equal(null);
    expect(p.get('code_commune')).to.equal('58194');
    expect(p.getAll('modes_accueil')).to.deep.equal(['en-presentiel']);
    expect(p.get('exclure_doublons')).to.equal('true');
    expect(r.unsupported).to.include('facets');
    expect(r.items.length).to.be.at.most(5);
    const sent = (await (await fetch('/di/_requests')).json()) as Array<{ errors: unknown[] }>;
    expect(sent.length).to.be.above(0);
    expect(sent.flatMap((x) => x.errors), 'every request follows the spec').to.deep.equal([]);
  });

  it('401 without a token is an access error in French; get() reads one service', async () => {
    const e = await fail(di({ token: '' }).search({}));
    expect(e.status).to.equal(401);
    expect(e.message).to.match(/Accès refusé/);
    const c = di();
    const r = await c.search({ pageSize: 1 });
    const one = await c.get(r.items[0]!.service.id);
    expect(one.service.id).to.equal(r.items[0]!.service.id);
  });

  it('filters the pages read on what the API cannot do (bbox), with a true total', async () => {
    const c = di();
    const r = await c.search({ bbox: [3.1, 46.9, 3.2, 47.05], pageSize: 50 });
    expect(r.items).to.have.length(50);
    for (const i of r.items) expect(i.service.longitude ?? i.structure!.longitude!).to.be.within(3.1, 3.2);
    // the total counts what the box keeps over every page read, and the last page holds the rest
    const all = await c.search({ bbox: [3.1, 46.9, 3.2, 47.05], pageSize: 200 });
    expect(all.items).to.have.length(r.total);
    expect(r.total).to.be.above(50).and.below(421);
    expect(r.totalIsMinimum).to.equal(undefined);
    const last = await c.search({ bbox: [3.1, 46.9, 3.2, 47.05], pageSize: 50, page: Math.ceil(r.total / 50) });
    expect(last.items).to.have.length(r.total - 50 * (Math.ceil(r.total / 50) - 1));
  });
});

describe('REST source (Relais contract)', () => {
  const rest = () => createClient({ source: 'rest', baseUrl: `${origin}/rest` });

  it('searches with facets and reads one service', async () => {
    const c = rest();
    const r = await c.search({ text: 'maison de retraite', commune: '58194', pageSize: 3 });
    expect(r.total).to.be.greaterThan(0);
    expect(r.items).to.have.length(3);
    expect(r.items[0]!.distanceKm).to.be.a('number');
    expect(r.facets.typologies['ehpad']).to.be.greaterThan(0);
    const one = await c.get(r.items[0]!.service.id);
    expect(one.structure!.id).to.equal(r.items[0]!.structure!.id);
  });

  it('404 for an unknown service is not-found; cache serves a repeated query', async () => {
    const c = rest();
    expect((await fail(c.get('inconnu'))).kind).to.equal('not-found');
    const a = await c.search({ text: 'répit' });
    const b = await c.search({ text: 'répit' });
    expect(b).to.deep.equal(a);
  });

  it('a cached static file is fetched once for many searches', async () => {
    const key = `counted-${Math.random().toString(36).slice(2)}`;
    const c = createClient({ source: 'static', url: `/faults/counted/${key}` });
    await Promise.all([c.search({ text: 'a' }), c.search({ text: 'b' }), c.get('x').catch(() => null)]);
    expect(await count(key)).to.equal(1);
  });
});
