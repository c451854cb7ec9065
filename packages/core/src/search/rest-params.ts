/**
 * The REST contract's search parameters (packages/core/rest-openapi.json), read into a `SearchQuery`: what a server
 * that implements the contract for the `rest` source has to parse.
 */
import type { SearchQuery } from './query.js';

/** A parameter the contract refuses, with the reason in French. */
export interface InvalidParam {
  name: string;
  reason: string;
}

/** The contract's list parameters and the query fields they fill. */
const LISTS = { thematiques: 'thematiques', publics: 'publics', types: 'types', typologies: 'typologies', modes_accueil: 'modesAccueil', frais: 'frais' } as const;

/**
 * Reads the search parameters of the REST contract (packages/core/rest-openapi.json: `q`, the lists, `code_commune`,
 * `departements`, `lat`/`lon`/`rayon_km`, `bbox`, `ouvert_a`, `tri`, `page`/`size`) into a `SearchQuery`; returns the
 * query and the parameters the contract refuses, each with its reason in French (the `invalid-params` of a 400).
 * The one reading of the contract, shared by `@relais/server` and the reference handler of the examples.
 */
export function readRestSearchParams(params: URLSearchParams): { query: SearchQuery; errors: InvalidParam[] } {
  const errors: InvalidParam[] = [];
  const q: { -readonly [K in keyof SearchQuery]: SearchQuery[K] } = {};
  const text = params.get('q');
  if (text) {
    if (text.length > 200) errors.push({ name: 'q', reason: '200 caractères au plus' });
    else q.text = text;
  }
  for (const [param, key] of Object.entries(LISTS)) {
    const v = params.getAll(param).filter(Boolean);
    if (v.length) q[key] = v;
  }
  const commune = params.get('code_commune');
  if (commune) {
    if (!/^(\d{5}|2[AB]\d{3})$/.test(commune)) errors.push({ name: 'code_commune', reason: 'code INSEE à 5 caractères attendu' });
    else q.commune = commune;
  }
  const departements = params.getAll('departements').filter(Boolean);
  if (departements.length) {
    if (departements.some((d) => !/^(\d{2}|2[AB]|97\d)$/.test(d))) errors.push({ name: 'departements', reason: 'code de département attendu (58, 2A, 971…)' });
    else q.departements = departements;
  }
  const lat = params.get('lat');
  const lon = params.get('lon');
  if ((lat === null) !== (lon === null)) errors.push({ name: lat === null ? 'lat' : 'lon', reason: 'lat et lon vont ensemble' });
  else if (lat !== null && lon !== null) {
    const la = Number(lat);
    const lo = Number(lon);
    if (lat.trim() === '' || lon.trim() === '' || !Number.isFinite(la) || !Number.isFinite(lo) || Math.abs(la) > 90 || Math.abs(lo) > 180) errors.push({ name: 'lat', reason: 'coordonnées invalides' });
    else q.near = { lat: la, lon: lo };
  }
  const radius = params.get('rayon_km');
  if (radius !== null) {
    const r = Number(radius);
    if (!(r > 0 && r <= 20000)) errors.push({ name: 'rayon_km', reason: 'nombre entre 0 et 20 000 attendu' });
    else if (q.near) q.near = { ...q.near, radiusKm: r };
    else errors.push({ name: 'rayon_km', reason: 'un rayon se mesure autour de lat et lon' });
  }
  const bbox = params.get('bbox');
  if (bbox) {
    const b = bbox.split(',').map(Number);
    if (b.length !== 4 || b.some((x) => !Number.isFinite(x)) || b[0]! > b[2]! || b[1]! > b[3]!) errors.push({ name: 'bbox', reason: 'ouest,sud,est,nord attendu' });
    else q.bbox = b as [number, number, number, number];
  }
  const openAt = params.get('ouvert_a');
  if (openAt) {
    if (Number.isNaN(Date.parse(openAt))) errors.push({ name: 'ouvert_a', reason: 'date ISO 8601 attendue' });
    else q.openAt = openAt;
  }
  const tri = params.get('tri');
  if (tri) {
    // `date_maj`: the most recently updated first (the SDK's sort `updated`, « Fiches vérifiées récemment »)
    if (tri === 'date_maj') q.sort = 'updated';
    else if (tri !== 'relevance' && tri !== 'distance' && tri !== 'name') errors.push({ name: 'tri', reason: 'relevance, distance, name ou date_maj' });
    else q.sort = tri;
  }
  for (const k of ['page', 'size'] as const) {
    const v = params.get(k);
    if (v === null) continue;
    const n = Number(v);
    if (v.trim() === '' || !Number.isInteger(n) || n < 1 || (k === 'size' && n > 200)) errors.push({ name: k, reason: k === 'size' ? 'entier entre 1 et 200' : 'entier à partir de 1' });
    else if (k === 'size') q.pageSize = n;
    else q.page = n;
  }
  return { query: q, errors };
}
