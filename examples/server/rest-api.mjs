// Reference implementation of the Relais REST contract (packages/core/rest-openapi.json) over a
// dataset in the data·inclusion shape, using @relais/core's headless search. Plain Node http handler:
// (req, res) => boolean (true when it answered). Used by the demo server and by the test server.
import { normalizeDataset, ServiceIndex, resolveCommune } from '../../packages/core/dist/headless.js';
import { departementOfItem } from '../../packages/core/dist/client/pipeline.js';

const LIST = ['thematiques', 'publics', 'types', 'typologies', 'modes_accueil', 'frais'];

function problem(res, status, title, detail, extra = {}) {
  res.writeHead(status, { 'content-type': 'application/problem+json; charset=utf-8', 'access-control-allow-origin': '*' });
  res.end(JSON.stringify({ type: 'about:blank', title, status, detail, ...extra }));
  return true;
}

function json(res, status, body, headers = {}) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'access-control-allow-origin': '*', 'cache-control': 'no-store', ...headers });
  res.end(JSON.stringify(body));
  return true;
}

/** Reads and checks the search parameters; returns [query, errors]. */
export function readQuery(params) {
  const errors = [];
  const q = {};
  const text = params.get('q');
  if (text) q.text = text.slice(0, 200);
  const map = { modes_accueil: 'modesAccueil' };
  for (const k of LIST) {
    const v = params.getAll(k).filter(Boolean);
    if (v.length) q[map[k] ?? k] = v;
  }
  const commune = params.get('code_commune');
  if (commune) {
    if (!/^(\d{5}|2[AB]\d{3})$/.test(commune)) errors.push({ name: 'code_commune', reason: 'code INSEE à 5 caractères attendu' });
    else q.commune = commune;
  }
  const departements = params.getAll('departements').filter(Boolean);
  if (departements.length) {
    const bad = departements.find((d) => !/^(\d{2}|2[AB]|97\d)$/.test(d));
    if (bad) errors.push({ name: 'departements', reason: 'code de département attendu (58, 2A, 971…)' });
    else q.departements = departements;
  }
  const lat = params.get('lat');
  const lon = params.get('lon');
  if ((lat === null) !== (lon === null)) errors.push({ name: 'lat', reason: 'lat et lon vont ensemble' });
  else if (lat !== null) {
    const la = Number(lat);
    const lo = Number(lon);
    if (!Number.isFinite(la) || !Number.isFinite(lo) || Math.abs(la) > 90 || Math.abs(lo) > 180) errors.push({ name: 'lat', reason: 'coordonnées invalides' });
    else q.near = { lat: la, lon: lo };
  }
  const radius = params.get('rayon_km');
  if (radius !== null) {
    const r = Number(radius);
    if (!(r > 0 && r <= 20000)) errors.push({ name: 'rayon_km', reason: 'nombre entre 0 et 20 000 attendu' });
    else if (q.near) q.near.radiusKm = r;
  }
  const bbox = params.get('bbox');
  if (bbox) {
    const b = bbox.split(',').map(Number);
    if (b.length !== 4 || b.some((x) => !Number.isFinite(x))) errors.push({ name: 'bbox', reason: 'ouest,sud,est,nord attendu' });
    else q.bbox = b;
  }
  const openAt = params.get('ouvert_a');
  if (openAt) {
    if (Number.isNaN(Date.parse(openAt))) errors.push({ name: 'ouvert_a', reason: 'date ISO 8601 attendue' });
    else q.openAt = openAt;
  }
  const tri = params.get('tri');
  if (tri) {
    if (!['relevance', 'distance', 'name'].includes(tri)) errors.push({ name: 'tri', reason: 'relevance, distance ou name' });
    else q.sort = tri;
  }
  for (const k of ['page', 'size']) {
    const v = params.get(k);
    if (v === null) continue;
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1 || (k === 'size' && n > 200)) errors.push({ name: k, reason: k === 'size' ? 'entier entre 1 et 200' : 'entier à partir de 1' });
    else q[k === 'size' ? 'pageSize' : 'page'] = n;
  }
  return [q, errors];
}

/**
 * Creates the REST handler for a dataset.
 * @param {unknown} dataset data·inclusion shape { structures, services }
 * @param {{ prefix?: string }} [opts] path prefix, e.g. '/api'
 */
export function createRestHandler(dataset, opts = {}) {
  const prefix = opts.prefix ?? '';
  const { structures, services, diagnostics } = normalizeDataset(dataset);
  const index = new ServiceIndex(structures, services);
  // the index of the services located in some départements, built once per scope
  const byId = new Map(structures.map((s) => [s.id, s]));
  const scopes = new Map();
  const scoped = (departements) => {
    if (!departements?.length) return index;
    const key = [...new Set(departements)].sort().join(',');
    if (!scopes.has(key)) {
      const kept = services.filter((service) => departements.includes(departementOfItem({ service, structure: byId.get(service.structure_id) ?? null, distanceKm: null })));
      const ids = new Set(kept.map((s) => s.structure_id));
      if (scopes.size > 20) scopes.clear();
      scopes.set(key, new ServiceIndex(structures.filter((s) => ids.has(s.id)), kept));
    }
    return scopes.get(key);
  };
  return async function handle(req, res) {
    const url = new URL(req.url, 'http://localhost');
    if (!url.pathname.startsWith(prefix + '/')) return false;
    const path = url.pathname.slice(prefix.length);
    if (req.method === 'OPTIONS') {
      res.writeHead(204, { 'access-control-allow-origin': '*', 'access-control-allow-methods': 'GET', 'access-control-allow-headers': 'accept, authorization' });
      res.end();
      return true;
    }
    if (path === '/services' && req.method === 'GET') {
      const [q, errors] = readQuery(url.searchParams);
      if (errors.length) return problem(res, 400, 'Paramètres invalides', 'Certains paramètres de recherche sont invalides.', { 'invalid-params': errors });
      let place = null;
      if (q.commune) {
        place = (await resolveCommune(q.commune)) ?? null;
        if (!place) return problem(res, 422, 'Commune inconnue', `Aucune commune n’a le code INSEE ${q.commune}.`);
      }
      const r = scoped(q.departements).search(q, place);
      return json(res, 200, {
        items: r.items.map((i) => ({ service: i.service, structure: i.structure, distance_km: i.distanceKm })),
        total: r.total,
        page: r.page,
        size: r.pageSize,
        pages: Math.ceil(r.total / r.pageSize),
        facets: r.facets,
        relaxed: r.relaxed,
        unsupported: [],
      });
    }
    const m = /^\/services\/([^/]+)$/.exec(path);
    if (m && req.method === 'GET') {
      const item = index.get(decodeURIComponent(m[1]));
      if (!item) return problem(res, 404, 'Service introuvable', 'Ce service n’existe pas ou plus.');
      return json(res, 200, { service: item.service, structure: item.structure });
    }
    if (path === '/diagnostics' && req.method === 'GET') return json(res, 200, diagnostics);
    return false;
  };
}

