// A test double of the data·inclusion API v1, built from the official spec (tests/contract/data-inclusion-openapi-v1.json)
// and the endpoint's documented behaviour (../shared/research/directory_standards.md §1.3, read from the API's code),
// never from the SDK's own search engine:
// - every query is read against the spec: a value outside an enum (the SDK's extension vocabulary) or a malformed
//   code answers 422 in FastAPI's shape `{ detail: [{ type, loc, msg, input }] }`; unknown parameters (`q`, `bbox`…)
//   are ignored, as FastAPI ignores them;
// - `/search/services`: an unknown `code_commune` answers 422 "This `code_commune` does not exist."; `lat`/`lon` go
//   together (else 422) and are used only with `code_commune` (without it: no geographic filter, no distance); with a
//   commune, services are kept when their zone of eligibility is empty or holds the commune, its département, its EPCI
//   or "france", and when they are within 50 km of the point (or of the commune centre) or remote; `distance` is in
//   whole km for on-site services; order: distance (nulls last), then id; `exclure_doublons` keeps, among duplicate
//   structures, the best-scored one; lists are ORs within a parameter, ANDed across;
// - pages are `{ items, total, page, size: items.length, pages: ceil(total / size asked) }`, `size` ≤ 10 000;
// - `/structures` and `/services` (the listings a server-side sync reads, and the SDK for a département scope with no
//   place): `code_departement` from `code_insee`, the service filters of the search on `/services`, order by id; a
//   duplicate structure is named in its twin's `doublons` and left out with `exclure_doublons`;
// - the data is the Nièvre sample as data·inclusion would hold it: only the national vocabulary (extension
//   thematiques, publics and modes removed), only the spec's fields, the structure nested in `service.structure`,
//   plus three duplicate structures from a second source; every record is validated against the spec at start-up.
// Every request is logged with its spec errors: GET /di/_requests (then ?clear=1) lets a test check that the SDK sent
// only valid requests; GET /di/_last gives the last search's query string.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveCommune, loadChunk, departementOf, haversineKm } from '../../packages/core/dist/headless.js';
import { DI_SPEC, checkRequest, readQuery, validate } from './openapi-check.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const schemas = DI_SPEC.components.schemas;
const enumOf = (name) => new Set(schemas[name].enum);
const THEMATIQUES = enumOf('Thematique');
const PUBLICS = enumOf('Public');
const MODES = enumOf('ModeAccueil');
const RESEAUX = enumOf('ReseauPorteur');
const pick = (o, schema) => Object.fromEntries(Object.keys(schemas[schema].properties).filter((k) => k in o).map((k) => [k, o[k]]));
const officialOnly = (list, allowed) => {
  const kept = (list ?? []).filter((v) => allowed.has(v));
  return kept.length ? kept : null;
};

/** The Nièvre sample as data·inclusion would serve it (DetailedService with its BaseStructure). */
export function diRecords(dataset = JSON.parse(readFileSync(join(root, 'examples/data/nievre.json'), 'utf8'))) {
  const structures = new Map(
    dataset.structures.map((st) => [st.id, { ...pick(st, 'BaseStructure'), adresse_certifiee: false, reseaux_porteurs: officialOnly(st.reseaux_porteurs, RESEAUX), score_qualite: 0.8 }]),
  );
  const services = dataset.services
    .filter((s) => structures.has(s.structure_id))
    .map((s) => {
      const { score_qualite, ...structure } = structures.get(s.structure_id);
      return {
        ...pick(s, 'Service'),
        thematiques: officialOnly(s.thematiques, THEMATIQUES),
        publics: officialOnly(s.publics, PUBLICS),
        modes_accueil: officialOnly(s.modes_accueil, MODES),
        adresse_certifiee: false,
        score_qualite,
        structure,
      };
    });
  // three France Services also published by a second source, less complete: duplicates for `exclure_doublons`
  const fs = services.filter((s) => s.structure.reseaux_porteurs?.includes('france-service')).slice(0, 3);
  for (const s of fs) {
    const structure = { ...s.structure, source: 'dora', id: `dora--${s.structure.id}` };
    services.push({ ...s, source: 'dora', id: `dora--${s.id}`, structure_id: structure.id, structure, score_qualite: 0.5, duplicateOf: s.structure.id });
  }
  for (const s of services) {
    const { duplicateOf, ...rest } = s;
    const errors = validate(DI_SPEC, { $ref: '#/components/schemas/DetailedService' }, rest, ['service']);
    if (errors.length) throw new Error(`data·inclusion double: record ${s.id} does not follow the spec: ${JSON.stringify(errors[0])}`);
    void duplicateOf;
  }
  return services;
}

/** A commune of the API's list (decoupage-administratif): Paris, Lyon and Marseille are communes as well as their arrondissements. */
async function communePlace(code) {
  const place = await resolveCommune(code);
  if (place) return place;
  const parts = (await loadChunk(departementOf(code))).filter((c) => c.parent === code);
  if (!parts.length) return null;
  const w = parts.reduce((a, c) => a + c.population, 0);
  return { code, lat: parts.reduce((a, c) => a + c.lat * c.population, 0) / w, lon: parts.reduce((a, c) => a + c.lon * c.population, 0) / w, departement: parts[0].departement, epci: parts[0].epci };
}

const json = (res, status, body) => {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store', 'access-control-allow-origin': '*' });
  res.end(JSON.stringify(body));
  return true;
};

/** The double, mounted under `prefix` (the API's base URL is then `${origin}${prefix}`). */
export function createDataInclusionDouble({ prefix = '/di', token = 'test-token' } = {}) {
  const services = diRecords();
  const byId = new Map(services.map((s) => [s.id, s]));
  const log = [];
  let last = '';

  // the service filters both `/search/services` and the `/services` listing take: ORs within a parameter, ANDed across
  const any = (have, wanted) => !wanted || (have ?? []).some((v) => wanted.includes(v));
  const matches = (s, q) =>
    (!q.thematiques || (s.thematiques ?? []).some((t) => q.thematiques.includes(t) || q.thematiques.includes(t.split('--')[0]))) &&
    (!q.frais || q.frais.includes(s.frais)) &&
    any(s.modes_accueil, q.modes_accueil) &&
    any(s.publics, q.publics) &&
    (!q.types || q.types.includes(s.type)) &&
    (!q.sources || q.sources.includes(s.source)) &&
    (q.score_qualite_minimum === undefined || s.score_qualite >= q.score_qualite_minimum);

  const search = async (res, q) => {
    if ((q.lat === undefined) !== (q.lon === undefined)) {
      return json(res, 422, { detail: [{ type: 'value_error', loc: ['query'], msg: 'Value error, `lat` et `lon` doivent être fournis ensemble', input: { lat: q.lat ?? null, lon: q.lon ?? null } }] });
    }
    let place = null;
    if (q.code_commune) {
      place = await communePlace(q.code_commune);
      if (!place) return json(res, 422, { detail: 'This `code_commune` does not exist.' });
    }
    let hits = services.filter((s) => matches(s, q));
    if (q.exclure_doublons) hits = hits.filter((s) => !s.duplicateOf || !services.some((o) => o.structure.id === s.duplicateOf && o.score_qualite >= s.score_qualite));
    let rows = hits.map((s) => ({ s, distance: null }));
    if (place) {
      const zone = new Set([place.code, place.departement, place.epci, '99100', 'france'].filter(Boolean));
      const from = q.lat !== undefined ? { lat: q.lat, lon: q.lon } : place;
      rows = hits
        .filter((s) => !s.zone_eligibilite || s.zone_eligibilite.some((z) => zone.has(z)))
        .map((s) => {
          const lat = s.latitude ?? s.structure.latitude;
          const lon = s.longitude ?? s.structure.longitude;
          const km = lat != null && lon != null ? haversineKm(from.lat, from.lon, lat, lon) : null;
          return { s, km };
        })
        .filter(({ s, km }) => (km !== null && km <= 50) || (s.modes_accueil ?? []).includes('a-distance'))
        .map(({ s, km }) => ({ s, distance: km !== null && km <= 50 && (s.modes_accueil ?? []).includes('en-presentiel') ? Math.round(km) : null }));
      rows.sort((a, b) => (a.distance ?? Infinity) - (b.distance ?? Infinity) || (a.s.id < b.s.id ? -1 : 1));
    } else rows.sort((a, b) => (a.s.id < b.s.id ? -1 : 1));
    const items = rows.slice((q.page - 1) * q.size, q.page * q.size).map(({ s, distance }) => {
      const { duplicateOf, ...service } = s;
      void duplicateOf;
      return { service, distance };
    });
    return json(res, 200, { items, total: rows.length, page: q.page, size: items.length, pages: Math.ceil(rows.length / q.size) });
  };

  // the listings a sync reads (`/api/v1/structures`, `/api/v1/services`): the département from `code_insee`, order by
  // id, a duplicate structure named in its kept twin's `doublons` (and left out with `exclure_doublons`)
  const listing = (res, template, q) => {
    const inTerritory = (r) => (!q.code_departement || (r.code_insee && departementOf(r.code_insee) === q.code_departement)) && (!q.sources || q.sources.includes(r.source));
    let rows;
    if (template === '/api/v1/structures') {
      const byStructure = new Map();
      for (const s of services) if (!byStructure.has(s.structure.id)) byStructure.set(s.structure.id, { ...s.structure, score_qualite: s.score_qualite, duplicateOf: s.duplicateOf });
      const all = [...byStructure.values()];
      rows = all
        .filter((st) => inTerritory(st) && !(q.exclure_doublons && st.duplicateOf))
        .map(({ duplicateOf, ...st }) => {
          const twins = duplicateOf ? all.filter((o) => o.id === duplicateOf) : all.filter((o) => o.duplicateOf === st.id);
          return pick({ ...st, doublons: twins.map((o) => ({ id: o.id, source: o.source })) }, 'ListedStructure');
        });
    } else rows = services.filter((s) => inTerritory(s) && matches(s, q)).map((s) => pick(s, 'Service'));
    rows.sort((a, b) => (a.id < b.id ? -1 : 1));
    const items = rows.slice((q.page - 1) * q.size, q.page * q.size);
    return json(res, 200, { items, total: rows.length, page: q.page, size: items.length, pages: Math.ceil(rows.length / q.size) });
  };

  return async (req, res, url) => {
    if (url.pathname === `${prefix}/_last`) return json(res, 200, { query: last });
    if (url.pathname === `${prefix}/_requests`) {
      const out = [...log];
      if (url.searchParams.get('clear')) log.length = 0;
      return json(res, 200, out);
    }
    if (!url.pathname.startsWith(`${prefix}/api/v1/`)) return false;
    const path = url.pathname.slice(prefix.length);
    const checked = checkRequest(DI_SPEC, path, url.searchParams);
    log.push({ path, query: url.search, errors: checked.errors, ignored: checked.ignored });
    if (log.length > 500) log.shift();
    if (req.headers.authorization !== `Bearer ${token}`) return json(res, 401, { detail: 'Not authenticated' });
    if (!checked.template) return json(res, 404, { detail: 'Not Found' });
    if (checked.errors.length) return json(res, 422, { detail: checked.errors });
    if (checked.template === '/api/v1/search/services') {
      last = url.search;
      const { values } = readQuery(DI_SPEC, checked.template, url.searchParams);
      return search(res, values);
    }
    if (checked.template === '/api/v1/services/{id}') {
      const s = byId.get(decodeURIComponent(path.slice('/api/v1/services/'.length)));
      if (!s) return json(res, 404, { detail: 'Not found' });
      const { duplicateOf, ...service } = s;
      void duplicateOf;
      return json(res, 200, service);
    }
    if (checked.template === '/api/v1/structures' || checked.template === '/api/v1/services') {
      const { values } = readQuery(DI_SPEC, checked.template, url.searchParams);
      return listing(res, checked.template, values);
    }
    return json(res, 501, { detail: `${checked.template} n’est pas simulé par le double de test` });
  };
}
