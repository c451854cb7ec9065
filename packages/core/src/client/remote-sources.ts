/**
 * The two sources behind an HTTP API — data·inclusion API v1 and the Relais REST contract — loaded by the client
 * (client.ts) only when one of them is used, with their HTTP on ky (remote-http.ts): a page with a static file never
 * downloads this chunk.
 */
import { RelaisError, throwIfAborted } from '../errors.js';
import { loadChunk } from '../geo/gazetteer.js';
import { inBBox } from '../geo/distance.js';
import { isOpenAt } from '../model/opening-hours.js';
import type { SearchItem } from '../model/types.js';
import { located, positionOf } from '../model/view.js';
import { emptyFacets, paging, DEFAULT_COMMUNE_RADIUS_KM, type SearchQuery, type SearchResult } from '../search/query.js';
import { term, type StructureKind } from '../taxonomy/taxonomy.js';
import { BaseClient } from './base.js';
import type { CallOptions, DataInclusionSourceOptions, RelaisClient, RestSourceOptions } from './types.js';
import { nearestCommuneTo } from '../geo/places.js';
import { toDiList, toDiPublics, toDiThematiques } from './di-language.js';
import { joinUrl, withParams } from './http.js';
import { HttpAnswerError, RemoteHttp } from './remote-http.js';
import type * as Pipeline from './pipeline.js';

let pipeline: Promise<typeof Pipeline> | null = null;
const loadPipeline = () => {
  pipeline ??= import('./pipeline.js');
  pipeline.catch(() => (pipeline = null));
  return pipeline;
};

/** A source behind an HTTP API: nothing to load first; refreshing forgets the cached answers and drops requests in flight. */
abstract class RemoteClient extends BaseClient {
  constructor(protected readonly http: RemoteHttp) {
    super();
  }

  async ready(): Promise<void> {}

  refresh(): void {
    this.http.clearCache();
  }
}

/** Services read per request when a filter runs on the fetched pages (data·inclusion allows up to 10 000). */
const DI_SCAN_PAGE_SIZE = 500;

/**
 * The commune whose centre is the nearest to a point, among the départements around it (their centres and reach:
 * departement-centres.ts), for « Autour de moi »: data·inclusion measures distances only from a commune.
 */
export async function nearestCommune(lat: number, lon: number): Promise<string | undefined> {
  // farther than 30 km from any commune centre: not in France (the API knows French communes only)
  const c = await nearestCommuneTo(lat, lon);
  return c ? (c.parent ?? c.code) : undefined;
}

/** The API's 422 (`detail`, FastAPI's shape) as a French sentence. */
export function diRefusal(body: unknown, sent: { commune?: string }): string {
  const detail = (body as { detail?: unknown } | null)?.detail;
  const items = Array.isArray(detail) ? (detail as Array<{ loc?: unknown[]; input?: unknown; msg?: unknown }>) : [];
  const first = items[0];
  const fromLoc = [...(first?.loc ?? [])].reverse().find((x): x is string => typeof x === 'string' && x !== 'query');
  const field = fromLoc ?? (typeof detail === 'string' && /code_commune/.test(detail) ? 'code_commune' : '');
  if (field === 'code_commune') return `Commune inconnue : ${String(first?.input ?? sent.commune ?? '').slice(0, 10)}.`;
  if (field) return `Le répertoire data·inclusion refuse la valeur « ${String(first?.input ?? '').slice(0, 60)} » pour « ${field.slice(0, 40)} ».`;
  return 'Le répertoire data·inclusion a refusé la recherche (erreur 422).';
}

const reseauOf = (kind: string): string | undefined => (term('typologies', kind) as StructureKind | undefined)?.reseau;

interface Scan {
  items: SearchItem[];
  complete: boolean;
  expires: number;
}

/** The data·inclusion API v1 source (`/api/v1/search/services`). */
class DataInclusionClient extends RemoteClient {
  readonly source = 'data-inclusion' as const;
  private readonly scans = new Map<string, Scan>();
  private generation = 0;

  constructor(private readonly opts: DataInclusionSourceOptions) {
    super(new RemoteHttp({ ...opts, headers: { ...opts.headers, ...(opts.token ? { Authorization: `Bearer ${opts.token}` } : {}) } }));
  }

  override refresh(): void {
    super.refresh();
    this.scans.clear();
    this.generation++;
  }

  search(query: SearchQuery, opts?: CallOptions): Promise<SearchResult> {
    return this.run(opts, async (signal) => {
      const { page, pageSize } = paging(query);
      const thematiques = toDiThematiques(query.thematiques);
      const publics = toDiPublics(query.publics);
      const types = toDiList('types', query.types);
      const frais = toDiList('frais', query.frais);
      const modes = toDiList('modesAccueil', query.modesAccueil);
      const unsupported = ['facets', ...thematiques.unsupported, ...publics.unsupported, ...types.unsupported, ...frais.unsupported, ...modes.unsupported];

      // a point is measured from only with a commune: « Autour de moi » sends the nearest one with the point
      let commune = query.commune;
      let point = query.near ? { lat: query.near.lat, lon: query.near.lon } : undefined;
      if (commune && /^(751\d\d|6938\d|132\d\d)$/.test(commune)) {
        // an arrondissement of Paris, Lyon or Marseille: the eligibility zones name the city, so the city is sent,
        // with the arrondissement's centre as the point distances are measured from
        const arrondissement = (await loadChunk(commune.slice(0, 2))).find((c) => c.code === commune);
        throwIfAborted(signal);
        if (arrondissement?.parent) {
          point ??= { lat: arrondissement.lat, lon: arrondissement.lon };
          commune = arrondissement.parent;
        }
      }
      if (!commune && query.near) {
        commune = await nearestCommune(query.near.lat, query.near.lon);
        throwIfAborted(signal);
        if (!commune) unsupported.push('near');
      }
      const radius = query.near?.radiusKm;
      if (radius !== undefined && radius > DEFAULT_COMMUNE_RADIUS_KM) unsupported.push('radiusKm');

      // what the API cannot filter runs on the fetched pages
      const { readHit, matchesWords, departementOfItem } = await loadPipeline();
      const tests: Array<(i: SearchItem) => boolean> = [];
      if (query.text?.trim()) tests.push(matchesWords(query.text));
      const kinds = query.typologies ?? [];
      if (kinds.length) {
        const unknown = kinds.filter((k) => !reseauOf(k));
        if (unknown.length) unsupported.push(...unknown.map((k) => `typologies:${k}`));
        else {
          const reseaux = new Set(kinds.map(reseauOf));
          tests.push(({ structure: st }) => !!st && ((!!st.typologie && kinds.includes(st.typologie)) || st.reseaux_porteurs.some((r) => reseaux.has(r))));
        }
      }
      if (query.bbox) {
        const b = query.bbox;
        tests.push((i) => {
          const at = positionOf(i.service, i.structure);
          return !!at && inBBox(b, at.lat, at.lon);
        });
      }
      if (query.openAt) {
        const at = new Date(query.openAt);
        tests.push(({ service: s, structure: st }) => isOpenAt(located(s, st, 'horaires_accueil'), at) === true);
      }
      if (radius !== undefined && radius < DEFAULT_COMMUNE_RADIUS_KM) tests.push((i) => i.distanceKm === null || i.distanceKm <= radius);
      if (query.departements?.length) {
        const deps = new Set(query.departements);
        tests.push((i) => {
          const d = departementOfItem(i);
          return d !== null && deps.has(d);
        });
      }

      const params = {
        code_commune: commune,
        lat: commune && point ? point.lat : undefined,
        lon: commune && point ? point.lon : undefined,
        thematiques: thematiques.values,
        publics: publics.values,
        types: types.values,
        frais: frais.values,
        modes_accueil: modes.values,
        sources: this.opts.sources,
        score_qualite_minimum: this.opts.scoreQualiteMinimum,
        exclure_doublons: true,
      };
      const fetchPage = async (p: number, size: number) => {
        const url = withParams(joinUrl(this.opts.baseUrl, 'api/v1/search/services'), { ...params, page: p, size });
        let body: unknown;
        try {
          body = await this.http.getJson(url, { signal });
        } catch (e) {
          if (e instanceof RelaisError && e.status === 422) {
            const answer = e.cause instanceof HttpAnswerError ? e.cause.body : null;
            throw new RelaisError(/code_commune/.test(JSON.stringify(answer)) ? 'not-found' : 'http', { status: 422, detail: 'HTTP 422', message: diRefusal(answer, { commune }), cause: e });
          }
          throw e;
        }
        const b = body as { items?: unknown; total?: unknown; pages?: unknown } | null;
        if (!b || typeof b !== 'object' || !Array.isArray(b.items)) {
          throw new RelaisError('invalid-payload', { message: 'La réponse de data·inclusion n’a pas la forme attendue (liste « items »).' });
        }
        const before = this.collector.report.skipped + this.collector.report.warnings;
        const items = (b.items as Array<{ service?: unknown; distance?: unknown } | null>).map((h) => readHit(h?.service, this.collector, h?.distance)).filter((x): x is SearchItem => !!x);
        this.reportIssues(before);
        return { items, received: b.items.length, total: typeof b.total === 'number' ? b.total : b.items.length, pages: typeof b.pages === 'number' ? b.pages : 1 };
      };

      if (!tests.length && query.sort !== 'name') {
        const r = await fetchPage(page, pageSize);
        // invalid records are left out of the count as well as the list
        return { items: r.items, total: Math.max(0, r.total - (r.received - r.items.length)), facets: emptyFacets(), page, pageSize, relaxed: false, unsupported };
      }

      // a filter on the fetched pages: read them (within a bound) so that totals and paging stay true
      const key = JSON.stringify([params, query.text, kinds, query.bbox, query.openAt ? new Date(query.openAt).toISOString().slice(0, 16) : null, radius, query.departements, query.sort]);
      let scan = this.scans.get(key);
      if (!scan || scan.expires < Date.now()) {
        const generation = this.generation;
        const limit = Math.max(1, Math.floor(this.opts.scanLimit ?? 2000));
        const size = Math.min(DI_SCAN_PAGE_SIZE, limit);
        const maxPages = Math.ceil(limit / size);
        const first = await fetchPage(1, size);
        const last = Math.min(first.pages, maxPages);
        const rest = await Promise.all(Array.from({ length: Math.max(0, last - 1) }, (_, i) => fetchPage(i + 2, size)));
        const seen = new Set<string>();
        let items = [first, ...rest].flatMap((r) => r.items).filter((i) => !seen.has(i.service.id) && !!seen.add(i.service.id) && tests.every((t) => t(i)));
        if (query.sort === 'name') items = [...items].sort((a, b) => a.service.nom.localeCompare(b.service.nom, 'fr'));
        scan = { items, complete: first.pages <= maxPages, expires: Date.now() + (this.opts.cacheTtlMs ?? 5 * 60_000) };
        if (this.scans.size > 50) this.scans.clear();
        // a scan begun before refresh() serves its caller only
        if (generation === this.generation) this.scans.set(key, scan);
      }
      const items = scan.items.slice((page - 1) * pageSize, page * pageSize);
      const result: SearchResult = { items, total: scan.items.length, facets: emptyFacets(), page, pageSize, relaxed: false, unsupported };
      if (!scan.complete) result.totalIsMinimum = true;
      return result;
    });
  }

  get(id: string, opts?: CallOptions): Promise<SearchItem> {
    return this.run(opts, async (signal) => {
      const [body, { readHit }] = await Promise.all([this.http.getJson(joinUrl(this.opts.baseUrl, `api/v1/services/${encodeURIComponent(id)}`), { signal }), loadPipeline()]);
      const item = readHit(body, this.collector, null);
      if (!item) throw new RelaisError('invalid-payload', { message: 'La fiche reçue est invalide.' });
      return item;
    });
  }
}

/** A refused request (400, 422) of the REST contract explains itself in French (`detail` of its problem+json). */
function explainProblem(e: unknown): never {
  const answer = e instanceof RelaisError && e.cause instanceof HttpAnswerError ? (e.cause.body as { detail?: unknown; title?: unknown } | null) : null;
  if (e instanceof RelaisError && (e.status === 400 || e.status === 422) && typeof answer?.detail === 'string') {
    throw new RelaisError(e.status === 422 && answer.title === 'Commune inconnue' ? 'not-found' : 'http', { status: e.status, detail: `HTTP ${e.status}`, message: answer.detail.slice(0, 300), cause: e });
  }
  throw e;
}

/** The Relais REST contract source (rest-openapi.json). */
class RestClient extends RemoteClient {
  readonly source = 'rest' as const;

  constructor(private readonly opts: RestSourceOptions) {
    super(new RemoteHttp(opts));
  }

  search(query: SearchQuery, opts?: CallOptions): Promise<SearchResult> {
    return this.run(opts, async (signal) => {
      const { page, pageSize } = paging(query);
      const url = withParams(joinUrl(this.opts.baseUrl, 'services'), {
        q: query.text?.trim(),
        thematiques: query.thematiques,
        publics: query.publics,
        types: query.types,
        typologies: query.typologies,
        code_commune: query.commune,
        departements: query.departements,
        lat: query.near?.lat,
        lon: query.near?.lon,
        rayon_km: query.near?.radiusKm,
        bbox: query.bbox?.join(','),
        modes_accueil: query.modesAccueil,
        frais: query.frais,
        ouvert_a: query.openAt ? new Date(query.openAt).toISOString() : undefined,
        tri: query.sort,
        page,
        size: pageSize,
      });
      const [raw, { readHit }] = await Promise.all([this.http.getJson(url, { signal }).catch(explainProblem), loadPipeline()]);
      const body = raw as Record<string, unknown> | null;
      if (!body || typeof body !== 'object' || !Array.isArray(body.items)) {
        throw new RelaisError('invalid-payload', { message: 'La réponse de l’API n’a pas la forme attendue (liste « items »).' });
      }
      const before = this.collector.report.skipped + this.collector.report.warnings;
      const items = (body.items as Array<{ service?: unknown; structure?: unknown; distance_km?: unknown }>)
        .map((h) => readHit(h && typeof h === 'object' ? { ...(h.service as object), structure: h.structure } : null, this.collector, h?.distance_km))
        .filter((x): x is SearchItem => !!x);
      this.reportIssues(before);
      const facets = body.facets && typeof body.facets === 'object' ? { ...emptyFacets(), ...(body.facets as object) } : emptyFacets();
      return {
        items,
        total: typeof body.total === 'number' ? body.total : items.length,
        facets,
        page,
        pageSize,
        relaxed: body.relaxed === true,
        unsupported: Array.isArray(body.unsupported) ? body.unsupported.map(String) : [],
      };
    });
  }

  get(id: string, opts?: CallOptions): Promise<SearchItem> {
    return this.run(opts, async (signal) => {
      const [raw, { readHit }] = await Promise.all([this.http.getJson(joinUrl(this.opts.baseUrl, `services/${encodeURIComponent(id)}`), { signal }), loadPipeline()]);
      const body = raw as { service?: unknown; structure?: unknown } | null;
      const item = body && typeof body === 'object' ? readHit({ ...(body.service as object), structure: body.structure }, this.collector, null) : null;
      if (!item) throw new RelaisError('invalid-payload', { message: 'La fiche reçue est invalide.' });
      return item;
    });
  }
}

/** The client of a remote source. Its options were checked by createClient. */
export function createRemoteClient(options: DataInclusionSourceOptions | RestSourceOptions): RelaisClient {
  return options.source === 'data-inclusion' ? new DataInclusionClient(options) : new RestClient(options);
}
