// Reference implementation of the Relais REST contract (packages/core/rest-openapi.json) over a
// dataset in the data·inclusion shape, using @relais/core's headless search and its reading of the contract's
// parameters (readRestSearchParams, shared with @relais/server). Plain Node http handler:
// (req, res) => boolean (true when it answered). Used by the demo server and by the test server.
import { normalizeDataset, ServiceIndex, resolveCommune, readRestSearchParams } from '../../packages/core/dist/headless.js';
import { departementOfItem } from '../../packages/core/dist/client/pipeline.js';
// answers in brotli or gzip per Accept-Encoding (from 1 kB), as @relais/server's
import { sendBody } from '@relais/server/compress';

function problem(res, status, title, detail, extra = {}) {
  sendBody(res, status, { 'content-type': 'application/problem+json; charset=utf-8', 'access-control-allow-origin': '*' }, JSON.stringify({ type: 'about:blank', title, status, detail, ...extra }));
  return true;
}

function json(res, status, body, headers = {}) {
  sendBody(res, status, { 'content-type': 'application/json; charset=utf-8', 'access-control-allow-origin': '*', 'cache-control': 'no-store', ...headers }, JSON.stringify(body));
  return true;
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
      const { query: q, errors } = readRestSearchParams(url.searchParams);
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

