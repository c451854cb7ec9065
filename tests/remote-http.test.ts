/**
 * The remote sources' HTTP on ky (packages/core/src/client/remote-http.ts) against the test server's faults: the
 * timeout covers the body, an aborted search stops its retries, a stuck request is not shared with later calls,
 * Retry-After is honoured (and a longer one than 10 s is not waited for), a POST is not retried unless asked; and the
 * département scope of the three sources and of <relais-map>.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { createClient, wrapClient, type MapPoints, type RelaisClient, type SearchQuery, type Dataset } from '@relais/core';
import { relaisHttp } from '@relais/core/http';
import '@relais/map/define.js';
import { fail, count } from './helpers/remote.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
let n = 0;
const key = (name: string) => `${name}${Date.now()}-${n++}`;
/** The data·inclusion double behind a fault for requests after+1 … after+times of `k`. */
const faulty = (k: string, fault: string, after: number, times: number, over: object = {}): RelaisClient =>
  createClient({ source: 'data-inclusion', baseUrl: `${location.origin}/faults/remote/di/${k}/${fault}/${after}/${times}/`, token: 'test-token', ...over });

describe('remote HTTP on ky', () => {
  it('a response whose body stalls times out (the timeout covers the body)', async () => {
    // slow-drip: headers at once, the body over 2 s
    const k = key('drip');
    const t0 = performance.now();
    const e = await fail(faulty(k, 'slow-drip', 0, 1, { timeoutMs: 600, retries: 0 }).search({ commune: '58079' }));
    expect(e.kind).to.equal('timeout');
    expect(e.message).to.match(/trop de temps/);
    expect(performance.now() - t0).to.be.below(1800);
  });

  it('an aborted search stops its retries', async () => {
    const k = key('abort');
    const c = faulty(k, 'status-503-retry-after', 0, 20, { retries: 5 });
    const ctrl = new AbortController();
    const p = c.search({ commune: '58079' }, { signal: ctrl.signal });
    await waitUntil(async () => (await count(`remote-${k}`)) === 1, 'first attempt');
    ctrl.abort();
    expect((await fail(p)).kind).to.equal('aborted');
    // Retry-After is 1 s: without the abort, the second attempt would have gone out by now
    await sleep(1800);
    expect(await count(`remote-${k}`)).to.equal(1);
  });

  it('a stuck request is not shared with a later call: the later call makes its own', async () => {
    const k = key('stuck');
    const c = faulty(k, 'slow-drip', 0, 1);
    const ctrl = new AbortController();
    const first = fail(c.search({ commune: '58079' }, { signal: ctrl.signal }));
    await waitUntil(async () => (await count(`remote-${k}`)) === 1, 'first request out');
    ctrl.abort();
    const t0 = performance.now();
    const later = await c.search({ commune: '58079' });
    expect(later.total).to.be.above(0);
    expect(performance.now() - t0, 'answered at once, not after the stuck body').to.be.below(1500);
    expect(await count(`remote-${k}`)).to.equal(2);
    expect((await first).kind).to.equal('aborted');
  });

  it('Retry-After is honoured: the retry waits the second asked for', async () => {
    const k = key('after');
    const t0 = performance.now();
    const r = await faulty(k, 'status-503-retry-after', 0, 1).search({ commune: '58079' });
    expect(r.total).to.be.above(0);
    expect(performance.now() - t0).to.be.at.least(950);
    expect(await count(`remote-${k}`)).to.equal(2);
  });

  it('relaisHttp: a Retry-After longer than 10 s is not waited for; a POST is retried only when asked', async () => {
    const t0 = performance.now();
    const e = await fail(relaisHttp('/faults/status/503?retry-after=60', { retries: 2 }));
    expect(e.status).to.equal(503);
    expect(performance.now() - t0).to.be.below(1500);
    const k = key('post');
    const refused = await fail(relaisHttp(`/faults/flaky/${k}?fail=1`, { method: 'POST', json: { a: 1 } }));
    expect(refused.status).to.equal(503);
    expect(await count(k)).to.equal(1);
    const k2 = key('post');
    const ok = await relaisHttp(`/faults/flaky/${k2}?fail=1`, { method: 'POST', json: { a: 1 }, retries: 1 });
    expect(ok.status).to.equal(200);
    expect(await count(k2)).to.equal(2);
    // a status the caller reads itself (the outbox reads 409 and 422) is answered with its body
    const k3 = key('post');
    const answered = await relaisHttp(`/faults/flaky/${k3}?fail=1`, { method: 'POST', json: {}, answerStatus: (s) => s === 503 });
    expect(answered.status).to.equal(503);
    expect(JSON.parse(answered.text)).to.deep.equal({ detail: 'try later' });
  });
});

describe('département scope (SearchQuery.departements)', () => {
  const dataset: Dataset = {
    structures: [
      { id: 'st-58', source: 't', nom: 'CCAS de Clamecy', date_maj: '2026-01-01', code_insee: '58079', commune: 'Clamecy' },
      { id: 'st-89', source: 't', nom: 'CCAS d’Auxerre', date_maj: '2026-01-01', code_insee: '89024', commune: 'Auxerre' },
    ],
    services: [
      { id: 'sv-58', source: 't', structure_id: 'st-58', nom: 'Accueil social', description: 'Accueil social et accès aux droits.', date_maj: '2026-01-01' },
      { id: 'sv-89', source: 't', structure_id: 'st-89', nom: 'Accueil social', description: 'Accueil social et accès aux droits.', date_maj: '2026-01-01', code_postal: '89000' },
    ],
  } as unknown as Dataset;

  it('static source: by the service’s or its structure’s code', async () => {
    const c = createClient({ source: 'static', data: dataset });
    expect((await c.search({ departements: ['58'] })).items.map((i) => i.service.id)).to.deep.equal(['sv-58']);
    expect((await c.search({ departements: ['89'] })).items.map((i) => i.service.id)).to.deep.equal(['sv-89']);
    expect((await c.search({ departements: ['58', '89'] })).total).to.equal(2);
    expect((await c.search({})).total).to.equal(2);
    expect((await c.points({ departements: ['89'] })).total).to.equal(1);
  });

  it('REST source: sent as repeated `departements` keys, filtered by the server', async () => {
    const c = createClient({ source: 'rest', baseUrl: `${location.origin}/rest` });
    expect((await c.search({ departements: ['89'] })).total).to.equal(0);
    const r = await c.search({ departements: ['58'], pageSize: 5 });
    expect(r.total).to.be.above(0);
    const e = await fail(c.search({ departements: ['5'] }));
    expect(e.status).to.equal(400);
    expect(e.message).to.match(/paramètres de recherche sont invalides/);
    const unknown = await fail(c.search({ commune: '99999' }));
    expect(unknown.message).to.match(/Aucune commune n’a le code INSEE 99999/);
  });

  it('<relais-map departements>: the map asks for the points of its départements', async () => {
    const asked: SearchQuery[] = [];
    const inner = createClient({ source: 'static', data: dataset });
    const client = wrapClient(inner, {
      points: (q: SearchQuery, o?: object): Promise<MapPoints> => {
        asked.push(q);
        return inner.points(q, o);
      },
    });
    const el = await fixture<HTMLElement & { departements: string }>(html`<relais-map departements="89" .client=${client}></relais-map>`);
    await waitUntil(() => asked.length > 0, 'points asked');
    expect(asked.at(-1)!.departements).to.deep.equal(['89']);
    el.departements = '58, 21';
    await waitUntil(() => asked.at(-1)!.departements?.join() === '58,21', 'new scope');
  });

  it('<relais-map> taken out of the page aborts its points and their retries; moved in the page, it goes on', async () => {
    // a data·inclusion double answering 503 « Retry-After: 1 » to the first 20 requests: the map waits between tries
    const k = key('maprm');
    const slow = faulty(k, 'status-503-retry-after', 0, 20, { retries: 5 });
    let signal: AbortSignal | undefined;
    const client = Object.assign(Object.create(slow) as RelaisClient, {
      points: (q: SearchQuery, o?: { signal?: AbortSignal }): Promise<MapPoints> => {
        signal = o?.signal;
        return slow.points(q, o);
      },
    });
    const el = await fixture<HTMLElement>(html`<relais-map commune="58079" .client=${client}></relais-map>`);
    await waitUntil(async () => (await count(`remote-${k}`)) === 1, 'first attempt');
    // moved: removed and put back in the same task, the run goes on
    const parent = el.parentElement!;
    el.remove();
    parent.append(el);
    await sleep(50);
    expect(signal!.aborted, 'a move does not abort').to.equal(false);
    el.remove();
    await sleep(50);
    expect(signal!.aborted, 'a removed map aborts its run').to.equal(true);
    // Retry-After is 1 s: without the abort, the second attempt would have gone out by now
    await sleep(1800);
    expect(await count(`remote-${k}`)).to.equal(1);
  });
});
