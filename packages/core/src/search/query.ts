import type { BBox, ResolvedPlace } from '../geo/distance.js';

export type { ResolvedPlace };
import type { SearchItem, Service, Structure } from '../model/types.js';
import { located } from '../model/view.js';

/**
 * Sort orders. `updated`: the records updated or confirmed most recently first (`date_maj`), then by name; the static
 * source sorts so, the REST source asks the contract's `tri=date_maj` (data·inclusion does not offer it).
 */
export type SortOrder = 'relevance' | 'distance' | 'name' | 'updated';

/**
 * A search. Within a list filter values are alternatives (OR); different filters all apply (AND),
 * as in the data·inclusion API.
 */
export interface SearchQuery {
  /** Words typed by the person ("aide à domicile", "ehpad nevers"). */
  text?: string;
  /** Thematique slugs or whole categories (`autonomie`, `sante--acces-aux-soins`). */
  thematiques?: readonly string[];
  /** Publics; services open to `tous-publics` match any. */
  publics?: readonly string[];
  /** Service types (`accompagnement`, `information`…). */
  types?: readonly string[];
  /** Structure kinds (`ccas-cias`, `ehpad`, `mdph-mda`…). */
  typologies?: readonly string[];
  /** INSEE code of a commune: keeps services open there, within `near.radiusKm` (default 50 km) if on site, and sorts by distance. */
  commune?: string;
  /** A point (and optional radius in km) to measure distances from. */
  near?: { lat: number; lon: number; radiusKm?: number };
  /** Only services whose position lies in this box [west, south, east, north]. */
  bbox?: BBox;
  /**
   * Département codes (`58`, `2A`, `971`): only services located in one of them (by the INSEE code of the service,
   * else of its structure). The static and REST sources filter exactly; data·inclusion on the pages it reads.
   */
  departements?: readonly string[];
  /** Modes d'accueil (`en-presentiel`, `a-distance`, `a-domicile`). */
  modesAccueil?: readonly string[];
  /** Fees (`gratuit`, `payant`). */
  frais?: readonly string[];
  /** Only services open at this moment (ISO string or Date); services with unreadable hours are left out. */
  openAt?: string | Date;
  /** Page number, from 1. */
  page?: number;
  /** Results per page (1–200, default 20). */
  pageSize?: number;
  /** Sort order (default: relevance, or distance when a place is given and no words are typed). */
  sort?: SortOrder;
  /**
   * List services near the place even when their `zone_eligibilite` leaves it out (default: a service serving only
   * its own town is not listed for a person elsewhere, whether the place is a commune or `near`, « Autour de moi »).
   */
  ignoreZones?: boolean;
  /**
   * Recognise a commune named among the words (« ehpad clamecy »): taken as the place when none is given, and removed
   * from the words (default: yes; `false` searches the words as typed). `SearchResult.recognizedPlace` says so.
   */
  placeInText?: boolean;
}

/** Counts by value, for each facet. */
export interface Facets {
  thematiques: Record<string, number>;
  /** Counts by thematique category (`autonomie`, `sante`…). */
  categories: Record<string, number>;
  publics: Record<string, number>;
  types: Record<string, number>;
  typologies: Record<string, number>;
  modesAccueil: Record<string, number>;
  frais: Record<string, number>;
}

/** A page of results. */
export interface SearchResult {
  items: SearchItem[];
  /** Number of matching services. */
  total: number;
  /** Facet counts; each facet is counted as if its own filter were not set (so other values stay visible). */
  facets: Facets;
  page: number;
  pageSize: number;
  /** True when no service matched every word and the closest partial matches are shown. */
  relaxed: boolean;
  /** Filters this source could not apply (remote sources); the widget says so. */
  unsupported: string[];
  /**
   * True when `total` is a lower bound: a filter ran on the pages a remote source read, and it read only the first
   * ones (the widget says « au moins N »).
   */
  totalIsMinimum?: boolean;
  /** The commune recognised among the words and used as the place (« ehpad clamecy » → Clamecy), which the widget shows. */
  recognizedPlace?: { code: string; name: string; words: string };
  /**
   * When nothing matched near the place: how many services match the rest of the search elsewhere in the data, and
   * why none is listed — `notServing`: their `zone_eligibilite` leaves the place out; `tooFar`: they serve it but lie
   * beyond the radius. Absent when something matched or no place was given.
   */
  elsewhere?: { total: number; notServing: number; tooFar: number };
}

/** A service as a point on a map. */
export interface MapPoint {
  id: string;
  lat: number;
  lon: number;
  /** Structure kind (`ehpad`, `ccas-cias`…), for the marker's shape and legend. */
  kind: string | null;
  /** Service name. */
  name: string;
  /** Name of the structure that runs the service (tells apart services of the same name). */
  structure?: string;
  /** Commune of the service (or of its structure). */
  commune?: string;
}

/** The structure's name (when it differs from the service's) and the commune of a map point. */
export function pointPlace(s: Service, st: Structure | null | undefined): Pick<MapPoint, 'structure' | 'commune'> {
  const out: Pick<MapPoint, 'structure' | 'commune'> = {};
  if (st?.nom && st.nom !== s.nom) out.structure = st.nom;
  const commune = located(s, st, 'commune');
  if (commune) out.commune = commune;
  return out;
}

/** Every matching service with a position, and what could not be drawn. */
export interface MapPoints {
  points: MapPoint[];
  /** Matching services, drawn or not. */
  total: number;
  /** Matching services with no coordinates (listed, not drawn). */
  withoutPosition: number;
  /** Matching services whose coordinates lie outside France and its overseas territories (flagged, not drawn). */
  outsideFrance: number;
  /** True when a remote source gave only the first points. */
  truncated?: boolean;
  /** What the source could not filter as asked (`filter:value`, as in {@link SearchResult.unsupported}, facets left out): the points are broader. */
  unsupported?: string[];
}

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 200;
export const DEFAULT_COMMUNE_RADIUS_KM = 50;

/** Clamps page and page size. */
export function paging(q: SearchQuery): { page: number; pageSize: number } {
  const pageSize = Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(q.pageSize ?? DEFAULT_PAGE_SIZE)));
  const page = Math.max(1, Math.floor(q.page ?? 1));
  return { page, pageSize };
}

/** A stable key for caching a query. */
export function queryKey(q: SearchQuery): string {
  const norm = (a?: readonly string[]) => (a && a.length ? [...a].sort() : undefined);
  return JSON.stringify({
    t: q.text?.trim().toLowerCase() || undefined,
    th: norm(q.thematiques),
    p: norm(q.publics),
    ty: norm(q.types),
    k: norm(q.typologies),
    c: q.commune,
    n: q.near,
    b: q.bbox,
    d: norm(q.departements),
    m: norm(q.modesAccueil),
    f: norm(q.frais),
    o: q.openAt ? new Date(q.openAt).toISOString().slice(0, 16) : undefined,
    pg: paging(q),
    s: q.sort,
    z: q.ignoreZones || undefined,
    w: q.placeInText === false ? false : undefined,
  });
}

/** An empty facets object. */
export const emptyFacets = (): Facets => ({ thematiques: {}, categories: {}, publics: {}, types: {}, typologies: {}, modesAccueil: {}, frais: {} });
