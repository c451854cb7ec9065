// The test server: fixtures and fault injection over real HTTP, mounted in web-test-runner's dev server.
//   /faults/status/:code[?retry-after=s]   answers that status (JSON body)
//   /faults/slow?ms=N                      the Nièvre dataset after N ms
//   /faults/truncated                      half of the dataset's JSON
//   /faults/html                           an HTML page with status 200
//   /faults/invalid-one-in-ten             100 services, every tenth invalid
//   /faults/empty                          an empty dataset
//   /faults/hang                           never answers (until the client gives up; closed after 30 s)
//   /faults/flaky/:key?fail=N              503 for the first N requests of :key, then the dataset
//   /faults/count/:key                     how many requests :key received
//   /faults/list                           the FAULTS below, for the browser tests
//   /prebuilt/(nievre|france-services|damaged)/:file  a prebuilt index (relais-index) of examples/data/*.json built on
//                                          first request (`damaged`: the Nièvre one with a byte changed in its chunk);
//                                          /prebuilt/_asked = the files asked so far
//   /faults/serve/:key?fault=F&times=N&file=P  the first N requests of :key get fault F, the next ones the file P
//                                          (under examples/ or packages/*/catalogues|test/fixtures); F is one of FAULTS
//   /faults/receiver/:key?fault=F&times=N  the liaison receiver behind the same faults, or receipt-truncated (stored,
//                                          but the receipt is cut in half)
//   /faults/remote/(rest|di)/:key/:fault/:after/:times/…  the REST API or the data·inclusion mock, whose requests
//                                          after+1 … after+times of :key get the fault (a base URL for createClient)
//   /di/api/v1/…                           the data·inclusion API v1 double enforcing the official spec (bearer
//                                          "test-token"); /di/_last = last query string, /di/_requests = requests and their spec errors
//   /rest/…                                the reference REST API (examples/server/rest-api.mjs) on the Nièvre dataset
//   /contrib/…                             the contributions contract double (contributions-double.mjs): requests and
//                                          answers checked against packages/core/contributions-openapi.json
//   /ind/<fixture>/indicateurs             GET /indicateurs, strict to packages/core/indicators-openapi.json (indicators-double.mjs)
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRestHandler } from '../../examples/server/rest-api.mjs';
import { createLiaisonReceiver } from '../../examples/server/liaison-receiver.mjs';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createDataInclusionDouble } from './data-inclusion-double.mjs';
import { createContributionsDouble } from './contributions-double.mjs';
import { createIndicatorsDouble } from './indicators-double.mjs';
import { measureRoute } from './measure-check.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const nievreText = readFileSync(join(root, 'examples/data/nievre.json'), 'utf8');
const nievre = JSON.parse(nievreText);

/** 100 services of which every tenth is invalid in a different way. */
export function invalidOneInTen() {
  const services = nievre.services.slice(0, 100).map((s) => ({ ...s }));
  const breakers = [
    (s) => delete s.nom,
    (s) => (s.date_maj = 'hier'),
    (s) => (s.id = 42),
    (s) => (s.nom = ''),
    (s) => (s.thematiques = 'sante'),
    (s) => (s.latitude = 'nord'),
    (s) => (s.code_postal = '5800'),
    (s) => delete s.structure_id,
    (s) => (s.publics = [1, 2]),
    (s) => (s.description = { html: '<b>x</b>' }),
  ];
  for (let i = 9, k = 0; i < services.length; i += 10, k++) breakers[k % breakers.length](services[i]);
  const ids = new Set(services.map((s) => s.structure_id));
  return { structures: nievre.structures.filter((s) => ids.has(s.id)), services };
}

const counts = new Map();

/**
 * The faults every remote call is tested against (tests/faults.test.ts). `retryable` faults are retried by the SDK
 * itself (so a test makes them last longer than its retries); `succeeds` ones must end in the data, slowly.
 */
export const FAULTS = {
  'status-500': { retryable: true },
  'status-503-retry-after': { retryable: true },
  'status-429-retry-after': { retryable: true },
  truncated: {},
  html: {},
  'not-json': {},
  'wrong-type': {},
  'slow-drip': { succeeds: true },
  huge: { succeeds: true },
};
const SERVABLE = /^(examples\/data\/[\w-]+\.json|packages\/\w+\/(catalogues|test\/fixtures)\/[\w-]+\.json)$/;

/** Answers `fault` in place of `body` (a JSON text). Returns true when it answered. */
async function answerFault(res, fault, body) {
  switch (fault) {
    case 'status-500':
      return send(res, 500, { detail: 'erreur interne' });
    case 'status-503-retry-after':
      return send(res, 503, { detail: 'maintenance' }, 'application/json', { 'retry-after': '1' });
    case 'status-429-retry-after':
      return send(res, 429, { detail: 'trop de requêtes' }, 'application/json', { 'retry-after': '1' });
    case 'truncated':
      return send(res, 200, body.slice(0, Math.floor(body.length / 2)));
    case 'html':
      return send(res, 200, '<!doctype html><title>Erreur</title><p>Le service est en maintenance.</p>', 'text/html; charset=utf-8');
    case 'not-json':
      return send(res, 200, 'Service temporairement indisponible');
    case 'wrong-type':
      return send(res, 200, body, 'text/plain; charset=utf-8');
    case 'slow-drip': {
      // the right answer, 20 pieces over about two seconds
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
      const step = Math.ceil(body.length / 20);
      for (let i = 0; i < body.length && !res.destroyed; i += step) {
        res.write(body.slice(i, i + step));
        await sleep(100);
      }
      res.end();
      return true;
    }
    case 'huge': {
      // the right answer behind 24 MB of an unknown field
      const padded = `{"_remplissage":"${'x'.repeat(24 * 2 ** 20)}",${body.trim().slice(1)}`;
      return send(res, 200, padded);
    }
    default:
      return send(res, 400, { detail: `faute inconnue ${fault}` });
  }
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const send = (res, status, body, type = 'application/json; charset=utf-8', headers = {}) => {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...headers });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
  return true;
};

// data·inclusion: a double that enforces the official spec (data-inclusion-double.mjs).
const di = createDataInclusionDouble({ prefix: '/di' });
const indicators = createIndicatorsDouble({ prefix: '/ind' });

const rest = createRestHandler(nievre, { prefix: '/rest' });
// contributions: a double that checks every request and answer against the contract
const contrib = createContributionsDouble({ prefix: '/contrib' });
const liaisonDir = mkdtempSync(join(tmpdir(), 'relais-liaison-test-'));
const liaison = createLiaisonReceiver({ dir: liaisonDir, path: '/liaison/receive', anonymous: true });

// prebuilt indexes (packages/core/src/search/prebuilt.ts), built on first request from core's dist
const prebuilt = new Map();
const prebuiltAsked = [];
async function prebuiltFile(name, file) {
  if (!prebuilt.has(name)) {
    const { buildPrebuiltIndex } = await import('../../packages/core/dist/prebuilt.js');
    const data = JSON.parse(readFileSync(join(root, `examples/data/${name === 'damaged' ? 'nievre' : name}.json`), 'utf8'));
    const built = await buildPrebuiltIndex(data);
    if (name === 'damaged') for (const b of built.files.values()) b[b.length - 64] ^= 1;
    prebuilt.set(name, built);
  }
  const built = prebuilt.get(name);
  return file === 'manifest.json' ? JSON.stringify(built.manifest) : built.files.get(file);
}

async function handle(req, res) {
  const url = new URL(req.url, 'http://localhost');
  const p = url.pathname;
  let m;
  if (p === '/prebuilt/_asked') return send(res, 200, prebuiltAsked);
  if ((m = /^\/prebuilt\/(nievre|france-services|damaged)\/([\w-]+\.(?:json|rix))$/.exec(p))) {
    prebuiltAsked.push(`${m[1]}/${m[2]}`);
    const body = await prebuiltFile(m[1], m[2]);
    if (!body) return send(res, 404, { detail: 'absent' });
    res.writeHead(200, { 'content-type': m[2].endsWith('.json') ? 'application/json' : 'application/octet-stream', 'cache-control': 'no-store' });
    res.end(body);
    return true;
  }
  if ((m = /^\/faults\/status\/(\d{3})$/.exec(p))) {
    const ra = url.searchParams.get('retry-after');
    return send(res, Number(m[1]), { detail: `status ${m[1]}` }, 'application/json', ra ? { 'retry-after': ra } : {});
  }
  if (p === '/faults/slow') {
    await sleep(Number(url.searchParams.get('ms') ?? 1000));
    return send(res, 200, nievreText);
  }
  if (p === '/faults/truncated') return send(res, 200, nievreText.slice(0, Math.floor(nievreText.length / 2)));
  if (p === '/faults/html') return send(res, 200, '<!doctype html><title>Maintenance</title><p>Site en maintenance</p>', 'text/html; charset=utf-8');
  if (p === '/faults/invalid-one-in-ten') return send(res, 200, invalidOneInTen());
  if (p === '/faults/empty') return send(res, 200, { structures: [], services: [] });
  if (p === '/faults/hang') {
    await new Promise((r) => {
      const t = setTimeout(r, 30_000);
      req.on('close', () => {
        clearTimeout(t);
        r();
      });
    });
    if (!res.writableEnded && !res.destroyed) send(res, 504, { detail: 'gave up' });
    return true;
  }
  if ((m = /^\/faults\/flaky\/([\w-]+)$/.exec(p))) {
    const n = (counts.get(m[1]) ?? 0) + 1;
    counts.set(m[1], n);
    if (n <= Number(url.searchParams.get('fail') ?? 1)) return send(res, 503, { detail: 'try later' });
    return send(res, 200, nievreText);
  }
  if (p === '/faults/list') return send(res, 200, FAULTS);
  if ((m = /^\/faults\/remote\/(rest|di)\/([\w-]+)\/([\w-]+)\/(\d+)\/(\d+)(\/.*)$/.exec(p))) {
    const [, kind, key, fault, after, times, tail] = m;
    const k = `remote-${key}`;
    const n = (counts.get(k) ?? 0) + 1;
    counts.set(k, n);
    const target = `/${kind}${tail}${url.search}`;
    if (n > Number(after) && n <= Number(after) + Number(times)) {
      // the answer the API would give, for the faults that need one
      const ok = await new Promise((resolve) => {
        const chunks = [];
        const fake = { writeHead: () => fake, setHeader: () => undefined, write: (c) => chunks.push(String(c)), end: (c) => resolve(chunks.join('') + (c ?? '')) };
        req.url = target;
        if (kind === 'rest') void rest(req, fake);
        else void di(req, fake, new URL(target, 'http://localhost'));
      });
      return answerFault(res, fault, ok);
    }
    req.url = target;
    return kind === 'rest' ? rest(req, res) : di(req, res, new URL(target, 'http://localhost'));
  }
  if ((m = /^\/faults\/serve\/([\w-]+)$/.exec(p))) {
    const file = url.searchParams.get('file') ?? '';
    if (!SERVABLE.test(file)) return send(res, 403, { detail: 'fichier non servi' });
    const n = (counts.get(m[1]) ?? 0) + 1;
    counts.set(m[1], n);
    const body = readFileSync(join(root, file), 'utf8');
    if (n <= Number(url.searchParams.get('times') ?? 1)) return answerFault(res, url.searchParams.get('fault'), body);
    return send(res, 200, body);
  }
  if ((m = /^\/faults\/receiver\/([\w-]+)$/.exec(p))) {
    const n = (counts.get(m[1]) ?? 0) + 1;
    counts.set(m[1], n);
    const faulted = n <= Number(url.searchParams.get('times') ?? 1);
    req.url = '/liaison/receive';
    if (faulted && url.searchParams.get('fault') === 'receipt-truncated') {
      // the sheet is received and stored, but its receipt arrives cut in half
      const { writeHead, end } = res;
      res.writeHead = (status, headers = {}) => writeHead.call(res, status, Object.fromEntries(Object.entries(headers).filter(([k]) => k.toLowerCase() !== 'content-length')));
      res.end = (chunk, ...rest) => end.call(res, chunk ? String(chunk).slice(0, Math.floor(String(chunk).length / 2)) : chunk, ...rest);
      return liaison(req, res);
    }
    if (faulted) {
      req.resume();
      return answerFault(res, url.searchParams.get('fault'), '{"status":"ok"}');
    }
    return liaison(req, res);
  }
  if ((m = /^\/faults\/count\/([\w-]+)$/.exec(p))) return send(res, 200, { count: counts.get(m[1]) ?? 0 });
  if ((m = /^\/faults\/counted\/([\w-]+)$/.exec(p))) {
    counts.set(m[1], (counts.get(m[1]) ?? 0) + 1);
    return send(res, 200, nievreText);
  }
  if ((m = /^\/faults\/liaison-count\/([\w-]+)$/.exec(p))) return send(res, 200, { count: readdirSync(liaisonDir).filter((f) => f.startsWith(m[1]) && f.endsWith('.json')).length });
  if (await measureRoute(req, res, url)) return true;
  if (await liaison(req, res)) return true;
  if (await di(req, res, url)) return true;
  if (await contrib(req, res, url)) return true;
  if (await indicators(req, res, url)) return true;
  if (await rest(req, res)) return true;
  return false;
}

/** web-test-runner / web-dev-server middleware. */
export function testServerMiddleware() {
  return async (ctx, next) => {
    if (!/^\/(faults|di|rest|liaison|contrib|ind|measure|prebuilt)\//.test(ctx.path)) return next();
    ctx.respond = false;
    const done = await handle(ctx.req, ctx.res);
    if (!done) send(ctx.res, 404, { detail: 'not found' });
  };
}
