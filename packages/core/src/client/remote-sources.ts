/**
 * The two sources behind an HTTP API — data·inclusion API v1 and the Relais REST contract — loaded by the client
 * (client.ts) only when one of them is used, with their HTTP on ky (remote-http.ts): a page with a static file never
 * downloads this chunk.
 */
import { RelaisError, throwIfAborted } from '../errors.js';
import { isSafeId } from '../url.js';
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
 * Structures read per request of a département's listing (each request within the timeout, on a slow connection too),
 * and the most pages read.
 */
const DI_STRUCTURES_PAGE_SIZE = 1000;
const DI_STRUCTURES_MAX_PAGES = 50;

/** A département's structures by id, and the ids of those the API names as duplicates of a kept one. */
interface DepartementStructures {
  structures: Map<string, unknown>;
  duplicates: Set<string>;
}

/** One page of services read from the API, as search items. */
interface ReadPage {
  items: SearchItem[];
  received: number;
  total: number;
  pages: number;
}

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
  if (field === 'code_departement') return `Département inconnu : ${String(first?.input ?? '').slice(0, 10)}.`;
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
      const fetchPage = async (p: number, size: number): Promise<ReadPage> => {
        const url = withParams(joinUrl(this.opts.baseUrl, 'api/v1/search/services'), { ...params, page: p, size });
        const b = await this.page(url, signal, commune);
        const before = this.collector.report.skipped + this.collector.report.warnings;
        const items = (b.items as Array<{ service?: unknown; distance?: unknown } | null>).map((h) => readHit(h?.service, this.collector, h?.distance)).filter((x): x is SearchItem => !!x);
        this.reportIssues(before);
        return { items, received: b.items.length, total: b.total, pages: b.pages };
      };

      // a département scope with no place: the API filters départements in its listings (`/api/v1/services` and
      // `/api/v1/structures` take `code_departement`; `/search/services` does not), read as the server's sync reads them
      const listing = !!query.departements?.length && !commune;
      const listingPage = (departement: string) => {
        // the département's structures, read once for this search's pages
        let read: Promise<DepartementStructures> | undefined;
        return async (p: number, size: number): Promise<ReadPage> => {
          read ??= this.departementStructures(departement, signal);
          const { structures, duplicates } = await read;
          const url = withParams(joinUrl(this.opts.baseUrl, 'api/v1/services'), {
            code_departement: departement,
            thematiques: params.thematiques,
            publics: params.publics,
            types: params.types,
            frais: params.frais,
            modes_accueil: params.modes_accueil,
            sources: params.sources,
            score_qualite_minimum: params.score_qualite_minimum,
            page: p,
            size,
          });
          const b = await this.page(url, signal, commune);
          const before = this.collector.report.skipped + this.collector.report.warnings;
          const items = (b.items as Array<{ structure_id?: unknown } | null>)
            // the services of a structure the API lists as the duplicate of another are left out (exclure_doublons)
            .filter((s) => !(s && typeof s.structure_id === 'string' && duplicates.has(s.structure_id)))
            .map((s) => readHit(s && typeof s === 'object' ? { ...s, structure: typeof s.structure_id === 'string' ? structures.get(s.structure_id) : undefined } : s, this.collector, null))
            .filter((x): x is SearchItem => !!x);
          this.reportIssues(before);
          return { items, received: b.items.length, total: b.total, pages: b.pages };
        };
      };

      if (!tests.length && query.sort !== 'name' && !listing) {
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
        // the search endpoint, or each département's listing (up to `scanLimit` services each)
        const readers = listing ? [...new Set(query.departements)].map(listingPage) : [fetchPage];
        const pages: ReadPage[] = [];
        let complete = true;
        for (const read of readers) {
          const first = await read(1, size);
          const last = Math.min(first.pages, maxPages);
          const rest = await Promise.all(Array.from({ length: Math.max(0, last - 1) }, (_, i) => read(i + 2, size)));
          pages.push(first, ...rest);
          if (first.pages > maxPages) complete = false;
        }
        const seen = new Set<string>();
        let items = pages.flatMap((r) => r.items).filter((i) => !seen.has(i.service.id) && !!seen.add(i.service.id) && tests.every((t) => t(i)));
        if (query.sort === 'name') items = [...items].sort((a, b) => a.service.nom.localeCompare(b.service.nom, 'fr'));
        scan = { items, complete, expires: Date.now() + (this.opts.cacheTtlMs ?? 5 * 60_000) };
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

  /** One page of the API (`{ items, total, pages }`); a 422 explains itself in French. */
  private async page(url: string, signal: AbortSignal, commune: string | undefined): Promise<{ items: unknown[]; total: number; pages: number }> {
    let body: unknown;
    try {
      body = await this.http.getJson(url, { signal });
    } catch (e) {
      if (e instanceof RelaisError && e.status === 422) {
        const answer = e.cause instanceof HttpAnswerError ? e.cause.body : null;
        throw new RelaisError(/code_commune|code_departement/.test(JSON.stringify(answer)) ? 'not-found' : 'http', { status: 422, detail: 'HTTP 422', message: diRefusal(answer, { commune }), cause: e });
      }
      throw e;
    }
    const b = body as { items?: unknown; total?: unknown; pages?: unknown } | null;
    if (!b || typeof b !== 'object' || !Array.isArray(b.items)) {
      throw new RelaisError('invalid-payload', { message: 'La réponse de data·inclusion n’a pas la forme attendue (liste « items »).' });
    }
    return { items: b.items as unknown[], total: typeof b.total === 'number' ? b.total : b.items.length, pages: typeof b.pages === 'number' ? b.pages : 1 };
  }

  /**
   * The structures of a département (`/api/v1/structures?code_departement=…&exclure_doublons=true`, every page, the
   * answers cached by the HTTP layer), to nest in its services as `/search/services` does; and the structures the API
   * names as duplicates of the kept ones (`doublons`), whose services are left out.
   */
  private async departementStructures(departement: string, signal: AbortSignal): Promise<DepartementStructures> {
    const structures = new Map<string, unknown>();
    const duplicates = new Set<string>();
    const read = (p: number) => this.page(withParams(joinUrl(this.opts.baseUrl, 'api/v1/structures'), { code_departement: departement, sources: this.opts.sources, exclure_doublons: true, page: p, size: DI_STRUCTURES_PAGE_SIZE }), signal, undefined);
    const first = await read(1);
    const rest = await Promise.all(Array.from({ length: Math.max(0, Math.min(first.pages, DI_STRUCTURES_MAX_PAGES) - 1) }, (_, i) => read(i + 2)));
    for (const b of [first, ...rest]) {
      for (const raw of b.items) {
        if (!raw || typeof raw !== 'object') continue;
        // a structure nested in a service is a BaseStructure: without the listing's `doublons` and `score_qualite`
        const { doublons, score_qualite, ...st } = raw as { id?: unknown; doublons?: unknown; score_qualite?: unknown };
        void score_qualite;
        if (typeof st.id === 'string') structures.set(st.id, st);
        for (const d of Array.isArray(doublons) ? (doublons as Array<{ id?: unknown } | null>) : []) if (d && typeof d.id === 'string') duplicates.add(d.id);
      }
    }
    for (const id of duplicates) structures.delete(id);
    return { structures, duplicates };
  }

  get(id: string, opts?: CallOptions): Promise<SearchItem> {
    return this.run(opts, async (signal) => {
      // `..` or a slash would climb out of /services/ once the URL is resolved (with the bearer token)
      if (!isSafeId(id)) throw new RelaisError('not-found');
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
        // the contract's `date_maj` is the SDK's `updated` (the most recently updated first)
        tri: query.sort === 'updated' ? 'date_maj' : query.sort,
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
      if (!isSafeId(id)) throw new RelaisError('not-found');
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
