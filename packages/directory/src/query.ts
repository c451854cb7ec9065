/**
 * The directory's search as a query: the words, the filters, the place (a commune, or a position with its radius),
 * the map's area, the départements served; and the part of it the map shows (the provider's shared filters).
 */
import type { SearchQuery, SharedFilters } from '@relais/core';
import type { DirectoryFilters } from './filters.js';
import type { Place } from './places.js';

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
