/**
 * The directory's search: the query (the words, the filters, the place — a commune, or a position with its radius —,
 * the map's area, the départements served), one run of it on the client (widened when it finds nothing), and the part
 * of it the map shows (the provider's shared filters).
 */
import type { Commune, RelaisClient, SearchQuery, SharedFilters } from '@relais/core';
import type { DirectoryFilters } from './filters.js';
import type { Place } from './places.js';
import { widenSearch, type Searched, type WidenContext, type WidenMode } from './widen.js';

export interface QueryParts {
  page: number;
  pageSize: number;
  text: string;
  filters: DirectoryFilters;
  place: Place | null;
  /** The map's area (« Rechercher dans cette zone »). */
  bbox: SearchQuery['bbox'];
  /** The départements served. */
  departements: string[];
}

export function buildQuery(p: QueryParts): SearchQuery {
  const q: SearchQuery = { page: p.page, pageSize: p.pageSize };
  if (p.text.trim()) q.text = p.text.trim();
  p.filters.applyTo(q);
  if (p.bbox) q.bbox = p.bbox;
  if (p.departements.length) q.departements = p.departements;
  if (p.place?.kind === 'commune') {
    q.commune = p.place.code;
    // a radius with a commune: the client measures from the commune's centre
    if (p.filters.radiusKm) q.near = undefined;
  } else if (p.place?.kind === 'near') {
    q.near = { lat: p.place.lat, lon: p.place.lon, radiusKm: p.filters.radiusKm ?? 50 };
  }
  return q;
}

/** What the map shows of a search: the same one, words included (« Aucun service » here is no « 124 services » there). */
export function sharedFilters(q: SearchQuery, bbox: SearchQuery['bbox']): SharedFilters {
  return { text: q.text, thematiques: q.thematiques, publics: q.publics, typologies: q.typologies, modesAccueil: q.modesAccueil, frais: q.frais, commune: q.commune, near: q.near, bbox, departements: q.departements };
}

/** What one run of the search needs besides the client. */
export interface RunContext {
  query: SearchQuery;
  place: Place | null;
  radiusKm: number | undefined;
  bbox: SearchQuery['bbox'];
  /** The départements served. */
  scope: string[];
  widen: WidenMode | null;
  channel: string;
  commune(code: string): Promise<Commune | undefined>;
  /** Waited for beside the first answer (the labels, the English words). */
  ready: Promise<unknown>;
  /** The element's words and gazetteer once `ready` (its language may have changed meanwhile). */
  words(): WidenContext;
}

/**
 * Runs the search: a radius around a commune is measured from its centre; an empty search near a commune widens
 * (see `widenSearch`). Null when `signal` was aborted meanwhile (a newer search started).
 */
export async function searchOnce(client: RelaisClient, signal: AbortSignal, ctx: RunContext): Promise<Searched | null> {
  const asked = { ...ctx.query };
  const c = asked.commune && ctx.radiusKm ? await ctx.commune(asked.commune) : undefined;
  if (c) asked.near = { lat: c.lat, lon: c.lon, radiusKm: ctx.radiusKm! };
  const opts = { channel: ctx.channel, signal };
  const [first] = await Promise.all([client.search(asked, opts), ctx.ready]);
  const ask = { byCommune: ctx.place?.kind === 'commune' && !ctx.bbox, radiusKm: ctx.radiusKm, mode: ctx.widen, scope: ctx.scope, current: () => !signal.aborted };
  return widenSearch(client, asked, first, ask, opts, ctx.words());
}
