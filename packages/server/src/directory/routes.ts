/**
 * The directory served by the REST contract of the SDK's `rest` source (packages/core/rest-openapi.json):
 * `GET /services` and `GET /services/{id}`.
 */
import { resolveCommune, type SearchQuery } from '@relais/core/headless';
import type { Route } from '../http/types.js';
import { sendJson, sendProblem } from '../http/respond.js';
import { getService, searchDirectory } from './search.js';

/** A parameter the contract refuses, with the reason in French. */
export interface InvalidParam {
  name: string;
  reason: string;
}

const LISTS = { thematiques: 'thematiques', publics: 'publics', types: 'types', typologies: 'typologies', modes_accueil: 'modesAccueil', frais: 'frais' } as const;

/** Reads the search parameters of the contract; returns the query and the refused parameters. */
export function readSearchParams(params: URLSearchParams): { query: SearchQuery; errors: InvalidParam[] } {
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
    if (tri !== 'relevance' && tri !== 'distance' && tri !== 'name') errors.push({ name: 'tri', reason: 'relevance, distance ou name' });
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

/** The routes of the directory. */
export const directoryRoutes: Route[] = [
  {
    method: 'GET',
    path: '/services',
    async handle(_req, res, { db, url }) {
      // `tri=date_maj` (least recently updated first, « à vérifier » first) is the server's own sort, read apart
      const byDate = url.searchParams.get('tri') === 'date_maj';
      if (byDate) url.searchParams.delete('tri');
      const { query, errors } = readSearchParams(url.searchParams);
      if (errors.length) return sendProblem(res, 400, 'Paramètres invalides', 'Certains paramètres de recherche sont invalides.', { 'invalid-params': errors });
      let place = null;
      if (query.commune) {
        place = (await resolveCommune(query.commune)) ?? null;
        if (!place) return sendProblem(res, 422, 'Commune inconnue', `Aucune commune n’a le code INSEE ${query.commune}.`);
      }
      sendJson(res, 200, await searchDirectory(db, byDate ? { ...query, sort: 'date_maj' } : query, place), { 'cache-control': 'no-store' });
    },
  },
  {
    method: 'GET',
    path: '/services/:id',
    async handle(_req, res, { db, params }) {
      const item = await getService(db, params.id!);
      if (!item) return sendProblem(res, 404, 'Service introuvable', 'Ce service n’existe pas ou plus.');
      sendJson(res, 200, item, { 'cache-control': 'no-store' });
    },
  },
];
