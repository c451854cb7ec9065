/**
 * The data·inclusion source against a double that enforces the official API v1 spec (tests/server/data-inclusion-double.mjs,
 * tests/contract/data-inclusion-openapi-v1.json): every need tile, « Autour de moi », typed words, each filter and an
 * unknown commune work or explain themselves — in createClient, in <relais-directory> and in <relais-map> — and every
 * request the SDK sends follows the spec; a département scope with no place reads the API's département listings.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { createClient, type MapPoints, type RelaisClient, type RelaisProvider, type SearchQuery, type SearchResult } from '@relais/core';
import { NEEDS } from '@relais/directory';
import '@relais/directory/define.js';
import '@relais/map/define.js';
import '@relais/core/provider.js';
import type { RelaisDirectory } from '@relais/directory';
import { fail } from './helpers/remote.js';

type Sent = { path: string; query: string; errors: unknown[]; ignored: string[] };
const base = `${location.origin}/di/`;
const di = (): RelaisClient => createClient({ source: 'data-inclusion', baseUrl: base, token: 'test-token' });
const clear = () => fetch('/di/_requests?clear=1');
const sent = async (): Promise<Sent[]> => (await (await fetch('/di/_requests')).json()) as Sent[];
const searches = async () => (await sent()).filter((r) => r.path === '/api/v1/search/services').map((r) => new URLSearchParams(r.query));
/** Every request since the last clear followed the spec (no 422 of the double's validation, no unknown parameter). */
async function allValid(): Promise<Sent[]> {
  const list = await sent();
  expect(list.length, 'requests were sent').to.be.above(0);
  expect(list.flatMap((r) => r.errors), 'spec errors').to.deep.equal([]);
  expect(list.flatMap((r) => r.ignored), 'parameters the API does not know').to.deep.equal([]);
  return list;
}
const text = (i: SearchResult['items'][number]) => `${i.service.nom} ${i.service.description} ${i.structure?.nom ?? ''}`.toLowerCase();

describe('data·inclusion source on the spec-enforcing double (createClient)', () => {
  beforeEach(clear);

  for (const need of NEEDS) {
    it(`need tile « ${need.label} »: a valid request, and what could not be expressed is said`, async () => {
      const r = await di().search({ thematiques: need.thematiques, commune: '58194' });
      await allValid();
      const [p] = await searches();
      const extension = need.thematiques.filter((t) => t.startsWith('autonomie'));
      for (const t of p!.getAll('thematiques')) expect(t.startsWith('autonomie'), t).to.equal(false);
      expect(r.unsupported.filter((u) => u.startsWith('thematiques:'))).to.have.members(extension.map((t) => `thematiques:${t}`));
      // every result has one of the thematiques sent
      for (const i of r.items) expect(i.service.thematiques.some((t) => p!.getAll('thematiques').includes(t))).to.equal(true);
    });
  }

  it('« Autour de moi »: the nearest commune is sent with the point; distances in km, the radius kept', async () => {
    // Clamecy's town centre (INSEE 58079)
    const r = await di().search({ near: { lat: 47.4589, lon: 3.5188, radiusKm: 10 }, pageSize: 50 });
    await allValid();
    const [p] = await searches();
    expect(p!.get('code_commune')).to.equal('58079');
    expect(Number(p!.get('lat'))).to.equal(47.4589);
    expect(Number(p!.get('lon'))).to.equal(3.5188);
    expect(r.total).to.be.above(0).and.below(421);
    for (const i of r.items) if (i.distanceKm !== null) expect(i.distanceKm).to.be.at.most(10);
    expect(r.items.some((i) => i.distanceKm !== null)).to.equal(true);
    expect(r.total, 'the total is what the radius keeps').to.equal(r.items.length);
  });

  it('an arrondissement of Paris is sent as the city (its eligibility zones), measured from the arrondissement', async () => {
    await di().search({ commune: '75104' });
    await allValid();
    const [p] = await searches();
    expect(p!.get('code_commune')).to.equal('75056');
    expect([Number(p!.get('lat')), Number(p!.get('lon'))]).to.deep.equal([48.8541, 2.3569]);
  });

  it('a point far from any French commune is declared, not sent alone (the API would ignore it)', async () => {
    const r = await di().search({ near: { lat: 40.0, lon: -20.0 } });
    const [p] = await searches();
    expect(p!.get('lat')).to.equal(null);
    expect(r.unsupported).to.include('near');
  });

  it('typed words: not sent (no q in the spec), filtered on the pages read with a true total', async () => {
    const r = await di().search({ text: 'carte grise', commune: '58079', pageSize: 5 });
    await allValid();
    const [p] = await searches();
    expect(p!.get('q')).to.equal(null);
    expect(r.total).to.be.above(0);
    expect(r.total).to.be.below(50);
    for (const i of r.items) expect(text(i)).to.match(/carte grise/);
    const page2 = await di().search({ text: 'carte grise', commune: '58079', pageSize: 5, page: 2 });
    expect(page2.total).to.equal(r.total);
    expect(page2.items.map((i) => i.service.id)).to.not.include.members(r.items.map((i) => i.service.id));
    // the nearest first
    const d = r.items.map((i) => i.distanceKm ?? Infinity);
    expect([...d].sort((a, b) => a - b)).to.deep.equal(d);
  });

  it('beyond the pages it may read (scanLimit), the total is a lower bound, said « Au moins N »', async () => {
    const c = createClient({ source: 'data-inclusion', baseUrl: base, token: 'test-token', scanLimit: 100 });
    const r = await c.search({ text: 'aide', pageSize: 10 });
    expect(r.totalIsMinimum).to.equal(true);
    expect(r.total).to.be.above(10).and.at.most(100);
    const [p] = await searches();
    expect(p!.get('size')).to.equal('100');
    const el = await fixture<RelaisDirectory>(html`<relais-directory .client=${c}></relais-directory>`);
    const what = el.shadowRoot!.querySelector<HTMLInputElement>('#what')!;
    await waitUntil(() => (el as unknown as { status: string }).status === 'idle', 'first search');
    what.value = 'aide';
    what.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await waitUntil(() => /^Au moins \d+ services trouvés$/.test(el.shadowRoot!.querySelector('.status')?.textContent?.trim() ?? ''), '« au moins N »', { timeout: 10000 });
    // none among the pages read is no « Aucun service »: the status says only the first services were read
    const few = createClient({ source: 'data-inclusion', baseUrl: base, token: 'test-token', scanLimit: 20 });
    const none = await fixture<RelaisDirectory>(html`<relais-directory .client=${few}></relais-directory>`);
    await waitUntil(() => (none as unknown as { status: string }).status === 'idle', 'first search');
    const words = none.shadowRoot!.querySelector<HTMLInputElement>('#what')!;
    words.value = 'carte grise';
    words.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    const said = () => none.shadowRoot!.querySelector('.status')?.textContent?.trim() ?? '';
    await waitUntil(() => /premiers services lus/.test(said()), '« parmi les premiers services lus »', { timeout: 10000 });
    expect(said()).to.equal('Aucun service trouvé parmi les premiers services lus : indiquez une commune ou précisez la recherche.');
    expect(none.shadowRoot!.querySelector('.empty')!.textContent, 'not « ne correspond à votre recherche »').to.not.match(/ne correspond/);
    expect(none.shadowRoot!.querySelector('#live')!.textContent).to.match(/premiers services lus/);
    await expect(none).to.be.accessible();
    // with every page read, the total is exact
    const all = await di().search({ text: 'aide', pageSize: 10 });
    expect(all.totalIsMinimum).to.equal(undefined);
    expect(all.total).to.be.at.least(r.total);
  });

  it('structure kind: France Services found by réseau porteur; EHPAD (no réseau) declared, not faked', async () => {
    const fs = await di().search({ typologies: ['france-services'], commune: '58079', pageSize: 50 });
    expect(fs.total).to.be.above(0);
    for (const i of fs.items) expect(i.structure!.reseaux_porteurs).to.include('france-service');
    const ehpad = await di().search({ typologies: ['ehpad'], commune: '58079' });
    expect(ehpad.unsupported).to.include('typologies:ehpad');
    expect(ehpad.total, 'broader, not zero').to.be.above(0);
    await allValid();
  });

  it('fees, types, publics and modes: official values sent; « à domicile » and « proches aidants » declared', async () => {
    const r = await di().search({ frais: ['gratuit'], types: ['accompagnement'], publics: ['personnes-agees-en-perte-dautonomie'], modesAccueil: ['a-domicile', 'en-presentiel'], commune: '58194' });
    await allValid();
    const [p] = await searches();
    expect(p!.getAll('frais')).to.deep.equal(['gratuit']);
    expect(p!.getAll('types')).to.deep.equal(['accompagnement']);
    expect(p!.getAll('publics')).to.have.members(['seniors', 'tous-publics']);
    expect(p!.getAll('modes_accueil'), 'a filter holding a value the API lacks is not sent: it would narrow').to.deep.equal([]);
    expect(r.unsupported).to.include.members(['publics:personnes-agees-en-perte-dautonomie', 'modesAccueil:a-domicile']);
    for (const i of r.items) expect(i.service.frais).to.equal('gratuit');
    const carers = await di().search({ publics: ['proches-aidants', 'seniors'], commune: '58194' });
    expect(carers.unsupported).to.include('publics:proches-aidants');
    const [, p2] = await searches();
    expect(p2!.getAll('publics')).to.deep.equal([]);
  });

  it('open now, bbox and a département scope run on the pages read; the total stays true', async () => {
    const c = di();
    const q: SearchQuery = { openAt: '2026-11-23T10:00:00+01:00', commune: '58194', pageSize: 10 };
    const open = await c.search(q);
    const all = await c.search({ ...q, pageSize: 200 });
    expect(open.total).to.equal(all.items.length);
    expect(open.total).to.be.above(0);
    const out = await c.search({ departements: ['89'], commune: '58079' });
    expect(out.total, 'no service of the sample lies in the Yonne').to.equal(0);
    const nievre = await c.search({ departements: ['58'], commune: '58079', pageSize: 5 });
    expect(nievre.total).to.be.above(0);
    for (const i of nievre.items) expect((i.service.code_insee ?? i.structure!.code_insee)!.slice(0, 2)).to.equal('58');
    await allValid();
  });

  it('a département scope with no place: the API\'s département listings, structures nested, duplicates left out, a true total', async () => {
    const c = di();
    const r = await c.search({ departements: ['58'], pageSize: 10 });
    await allValid();
    const asked = (await sent()).map((x) => `${x.path}?${new URLSearchParams(x.query).toString()}`);
    expect(asked.some((u) => u.startsWith('/api/v1/services?') && /code_departement=58/.test(u)), asked.join()).to.equal(true);
    expect(asked.some((u) => u.startsWith('/api/v1/structures?') && /code_departement=58/.test(u) && /exclure_doublons=true/.test(u)), asked.join()).to.equal(true);
    expect(asked.some((u) => u.startsWith('/api/v1/search/services')), 'no national search read page by page').to.equal(false);
    // every service of the Nièvre sample (all in the Nièvre), none of the three duplicates of the second source
    const sample = (await (await fetch('/examples/data/nievre.json')).json()) as { services: unknown[] };
    expect(r.total).to.equal(sample.services.length);
    expect(r.totalIsMinimum).to.equal(undefined);
    expect(r.items).to.have.length(10);
    for (const i of r.items) expect(i.structure?.nom, i.service.id).to.be.a('string');
    const fs = await c.search({ departements: ['58'], typologies: ['france-services'], pageSize: 200 });
    expect(fs.total).to.be.above(0);
    expect(fs.items.some((i) => i.service.source === 'dora')).to.equal(false);
    // the API's filters go to the listing: official values only
    await clear();
    const carers = await c.search({ departements: ['58'], thematiques: ['autonomie--repit-des-aidants'] });
    await allValid();
    const listed = (await sent()).filter((x) => x.path === '/api/v1/services').map((x) => new URLSearchParams(x.query));
    expect(listed.at(-1)!.getAll('thematiques')).to.deep.equal(['famille--soutien-aidants']);
    expect(carers.unsupported).to.include('thematiques:autonomie--repit-des-aidants');
    for (const i of carers.items) expect(i.service.thematiques).to.include('famille--soutien-aidants');
    expect((await c.search({ departements: ['89'] })).total, 'no service of the sample in the Yonne').to.equal(0);
    // a code the API does not know (Corsica is 2A and 2B): its 422 in French
    const e = await fail(c.search({ departements: ['20'] }));
    expect([e.status, e.kind, e.message]).to.deep.equal([422, 'not-found', 'Département inconnu : 20.']);
  });

  it('an unknown commune: the 422 becomes « Commune inconnue : 99999 »', async () => {
    const e = await fail(di().search({ commune: '99999' }));
    expect(e.status).to.equal(422);
    expect(e.message).to.equal('Commune inconnue : 99999.');
  });

  it('duplicates: exclure_doublons is asked, and no structure of the second source comes back', async () => {
    const r = await di().search({ typologies: ['france-services'], pageSize: 200 });
    expect(r.items.some((i) => i.service.source === 'dora')).to.equal(false);
    const [p] = await searches();
    expect(p!.get('exclure_doublons')).to.equal('true');
  });

  it('an aborted search stops; refresh() drops the requests in flight: answered to their caller, never cached', async () => {
    const c = di();
    const ctrl = new AbortController();
    const p = c.search({ text: 'aide', commune: '58194' }, { signal: ctrl.signal });
    ctrl.abort();
    expect((await fail(p)).kind).to.equal('aborted');
    // a request whose body comes slowly (2 s): refresh() while it is in flight
    const key = `refresh${Date.now()}`;
    const slow = createClient({ source: 'data-inclusion', baseUrl: `${location.origin}/faults/remote/di/${key}/slow-drip/0/1/`, token: 'test-token' });
    const q = slow.search({ commune: '58079' });
    await new Promise((r) => setTimeout(r, 500));
    slow.refresh();
    // another widget may be waiting for it: its caller gets the answer
    expect((await q).total).to.be.above(0);
    // but the answer begun before the refresh was not cached: the same search asks again
    expect((await slow.search({ commune: '58079' })).total).to.be.above(0);
    expect(((await (await fetch(`/faults/count/remote-${key}`)).json()) as { count: number }).count).to.equal(2);
    // and that one is
    await slow.search({ commune: '58079' });
    expect(((await (await fetch(`/faults/count/remote-${key}`)).json()) as { count: number }).count).to.equal(2);
  });
});

describe('data·inclusion source in <relais-directory>', () => {
  beforeEach(clear);
  const $ = <T extends Element = HTMLElement>(el: RelaisDirectory, sel: string) => el.shadowRoot!.querySelector<T>(sel);
  const status = (el: RelaisDirectory) => $(el, '.status')?.textContent?.trim() ?? '';
  const idle = (el: RelaisDirectory) => waitUntil(() => /trouvé/.test(status(el)) && (el as unknown as { status: string }).status === 'idle', 'results shown', { timeout: 10000 });

  it('each need tile: no refusal; the notice says the results are broader; every request follows the spec', async () => {
    const el = await fixture<RelaisDirectory>(html`<relais-directory commune="58194" .client=${di()}></relais-directory>`);
    await idle(el);
    const tiles = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.tile')];
    expect(tiles).to.have.length(NEEDS.length);
    for (const [i, need] of NEEDS.entries()) {
      const pressed = tiles.filter((t) => t.getAttribute('aria-pressed') === 'true');
      for (const t of pressed) t.click();
      tiles[i]!.click();
      await waitUntil(() => [...el.shadowRoot!.querySelectorAll('.tile')][i]!.getAttribute('aria-pressed') === 'true', 'pressed');
      await idle(el);
      expect($(el, '[role="alert"]'), need.label).to.equal(null);
      const notice = $(el, '.notice.unsupported')?.textContent ?? '';
      if (need.thematiques.some((t) => t.startsWith('autonomie'))) expect(notice, need.label).to.match(/^Ce répertoire ne permet pas de filtrer par « .+ » : les résultats sont plus larges\.$/);
      else expect(notice, need.label).to.equal('');
    }
    await allValid();
    await expect(el).to.be.accessible();
  });

  it('« Autour de moi » shows distances; typed words filter; the count is announced', async () => {
    const geo = navigator.geolocation;
    const original = geo.getCurrentPosition;
    try {
      geo.getCurrentPosition = (ok: PositionCallback) => ok({ coords: { latitude: 47.4589, longitude: 3.5188, accuracy: 50 } } as GeolocationPosition);
      const el = await fixture<RelaisDirectory>(html`<relais-directory .client=${di()}></relais-directory>`);
      await idle(el);
      [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((b) => /Autour de moi/.test(b.textContent!))!.click();
      await waitUntil(() => /autour de vous/i.test(status(el)), 'around me', { timeout: 10000 });
      await idle(el);
      expect(el.shadowRoot!.querySelectorAll('.distance').length).to.be.above(0);
      const what = $<HTMLInputElement>(el, '#what')!;
      what.value = 'carte grise';
      what.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
      const items = () => [...el.shadowRoot!.querySelectorAll('.item')];
      await waitUntil(() => items().length > 0 && items().every((i) => /France Services|démarches/i.test(i.textContent!)), 'only the services of the words', { timeout: 10000 });
      await idle(el);
      expect($(el, '#live')!.textContent).to.match(/trouvé/);
      const p = (await searches()).at(-1)!;
      expect(p.get('code_commune')).to.equal('58079');
      await allValid();
    } finally {
      geo.getCurrentPosition = original;
    }
  });

  it('each filter of the panel: a valid request, a true count, and what could not be expressed is said', async () => {
    const el = await fixture<RelaisDirectory>(html`<relais-directory commune="58194" .client=${di()}></relais-directory>`);
    await idle(el);
    const result = () => (el as unknown as { result: SearchResult }).result;
    const click = async (id: string) => {
      const before = result();
      $<HTMLInputElement>(el, `#${id}`)!.click();
      await waitUntil(() => result() !== before, `${id}: searched`, { timeout: 10000 });
      await idle(el);
      expect($(el, '[role="alert"]'), id).to.equal(null);
    };
    const notice = () => $(el, '.notice.unsupported')?.textContent ?? '';
    await click('pub-proches-aidants');
    expect(notice()).to.match(/« Proches aidants »/);
    await click('pub-proches-aidants');
    await click('mode-a-domicile');
    expect(notice()).to.match(/« À domicile » : les résultats sont plus larges/);
    await click('mode-a-domicile');
    await click('free');
    for (const i of result().items) expect(i.service.frais).to.equal('gratuit');
    await click('open-now');
    // the count is what the filter keeps over the pages read, not the API's total
    expect(status(el)).to.match(new RegExp(`^${result().total === 0 ? 'Aucun' : result().total} `));
    const select = $<HTMLSelectElement>(el, '#radius')!;
    const before = result();
    select.value = '10';
    select.dispatchEvent(new Event('change'));
    await waitUntil(() => result() !== before, 'radius: searched', { timeout: 10000 });
    await idle(el);
    for (const i of result().items) if (i.distanceKm !== null) expect(i.distanceKm).to.be.at.most(10);
    await allValid();
    await expect(el).to.be.accessible();
  });

  it('departements="58" with no commune: every service of the département counted exactly (not « au moins »)', async () => {
    const el = await fixture<RelaisDirectory>(html`<relais-directory departements="58" .client=${di()}></relais-directory>`);
    await idle(el);
    const sample = (await (await fetch('/examples/data/nievre.json')).json()) as { services: unknown[] };
    expect(status(el).replace(/\s/g, '')).to.equal(`${sample.services.length}servicestrouvés`);
    await allValid();
  });

  it('an unknown commune: « Commune inconnue : 99999 » in an alert', async () => {
    const el = await fixture<RelaisDirectory>(html`<relais-directory commune="99999" .client=${di()}></relais-directory>`);
    await waitUntil(() => $(el, '[role="alert"]'), 'alert', { timeout: 10000 });
    expect($(el, '[role="alert"]')!.textContent).to.match(/Commune inconnue : 99999/);
  });

  it('departements="58" scopes the results; a removed directory aborts its search', async () => {
    const el = await fixture<RelaisDirectory>(html`<relais-directory departements="89" commune="58079" .client=${di()}></relais-directory>`);
    await waitUntil(() => /Aucun service/.test(status(el)), 'nothing in the Yonne', { timeout: 10000 });
    const slow = createClient({ source: 'data-inclusion', baseUrl: `${location.origin}/faults/remote/di/rm${Date.now()}/status-503-retry-after/0/50/`, token: 'test-token', retries: 5 });
    let aborted = false;
    const search = slow.search.bind(slow);
    slow.search = (q, o) => {
      o?.signal?.addEventListener('abort', () => (aborted = true));
      return search(q, o);
    };
    const gone = await fixture<RelaisDirectory>(html`<relais-directory .client=${slow}></relais-directory>`);
    await waitUntil(() => (gone as unknown as { status: string }).status !== 'idle', 'searching');
    gone.remove();
    expect(aborted, 'the removed element aborted its search').to.equal(true);
  });
});

describe('data·inclusion source in <relais-map>', () => {
  beforeEach(clear);

  it('a need the API cannot say exactly: valid requests, and the map says it shows more services', async () => {
    const p = await fixture<RelaisProvider>(html`<relais-provider .client=${di()}><relais-map tile-url="none" style="width: 600px"></relais-map></relais-provider>`);
    const el = p.querySelector('relais-map')!;
    const pts = () => (el as unknown as { points: MapPoints | null }).points;
    const said = () => el.shadowRoot!.querySelector('.status')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
    await waitUntil(() => pts(), 'points', { timeout: 10000 });
    expect(said()).to.not.match(/filtres demandés/);
    const before = pts();
    p.store.setFilters({ thematiques: ['autonomie--hebergement-permanent'], commune: '58194' });
    await waitUntil(() => pts() !== before, 'points of the need', { timeout: 10000 });
    expect(pts()!.unsupported).to.deep.equal(['thematiques:autonomie--hebergement-permanent']);
    expect(said()).to.match(/Cette source ne permet pas d’appliquer tous les filtres demandés : la carte montre plus de services\.$/);
    await allValid();
    await expect(el).to.be.accessible();
  });
});

describe('data·inclusion source from the CDN builds (ky as vendor/ky.js)', () => {
  type Cdn = { createClient(o: object): { search(q: object): Promise<{ total: number; unsupported: string[] }> } };
  const query = { thematiques: ['autonomie--repit-des-aidants'], commune: '58194' };

  it('the ES module build loads ky on demand and searches', async () => {
    const { createClient: cdnClient } = (await import('/packages/relais/dist/cdn/relais-all.js' as string)) as Cdn;
    const r = await cdnClient({ source: 'data-inclusion', baseUrl: base, token: 'test-token' }).search(query);
    expect(r.total).to.be.above(0);
    expect(r.unsupported).to.include('thematiques:autonomie--repit-des-aidants');
  });

  it('the classic script (IIFE) loads ky next to itself and searches', async () => {
    const frame = document.createElement('iframe');
    frame.srcdoc = `<script src="${location.origin}/packages/relais/dist/cdn/relais.iife.js"></script>`;
    document.body.append(frame);
    try {
      await waitUntil(() => (frame.contentWindow as unknown as { Relais?: Cdn })?.Relais, 'Relais loaded', { timeout: 10000 });
      const { Relais } = frame.contentWindow as unknown as { Relais: Cdn };
      const r = await Relais.createClient({ source: 'data-inclusion', baseUrl: base, token: 'test-token' }).search(query);
      expect(r.total).to.be.above(0);
    } finally {
      frame.remove();
    }
  });
});
