#!/usr/bin/env node
// The reference server the demo talks to: static files of the demo site, the CDN build of the SDK,
// the embedded sample data, and the Relais REST API under /api: by default the in-memory reference implementation
// (rest-api.mjs) on the demo's sample; `npm start` mounts @relais/server there instead (scripts/start.mjs).
// Static files are sent in brotli or gzip per Accept-Encoding (compressed once per file and modification time, then
// from memory), with an ETag (304 when unchanged); `no-cache` (revalidate) except for versioned files: the CDN build
// under /cdn/<version>/ and its content-hashed chunks, cached for a year as `immutable`.
//   node examples/server/server.mjs [--port 8080] [--no-compression]
import { createServer } from 'node:http';
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { acceptedEncoding, addVary, compressAsync, isCompressible, MIN_COMPRESS_BYTES } from '@relais/server/compress';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRestHandler } from './rest-api.mjs';
import { createLiaisonReceiver } from './liaison-receiver.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
// the SDK's version, stamped in its bundles (an « older copy » is this one renamed)
const { version: VERSION } = JSON.parse(readFileSync(join(root, 'packages/core/package.json'), 'utf8'));
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8', '.map': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon' };
const CDN = join(root, 'packages/relais/dist/cdn');
/** The CDN build under a path that carries its version, as a CDN serves it (`relais@0.2.0/`): cached as immutable. */
export const CDN_PATH = `/cdn/${VERSION}/`;
const MOUNTS = [
  [CDN_PATH, CDN],
  ['/relais/', CDN],
  // "an older copy" for examples/demo/double.html: the same build, its scripts stamped with version 0.0.9
  ['/relais-ancienne/', join(root, 'packages/relais/dist/cdn'), (body, file) => (file.endsWith('.js') ? Buffer.from(body.toString('utf8').replaceAll(`"${VERSION}"`, '"0.0.9"')) : body)],
  ['/data/catalogues/', join(root, 'packages/eligibility/catalogues')],
  ['/data/', join(root, 'examples/data')],
  ['/', join(root, 'examples/demo')],
];
// A strict policy: the demo must work without inline scripts or styles, and without eval. Images: the map's
// default background, « Plan IGN » of the IGN Géoplateforme.
export const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: https://data.geopf.fr; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

const IMMUTABLE = 'public, max-age=31536000, immutable';
/** A file of the build whose name carries its content's hash (rollup's `chunks/[name]-[hash].js`, 8 characters). */
const HASHED = /^\/relais\/chunks\/[\w-]+-[\w-]{8}\.js(\.map)?$/;
/** Whether a path names one version of a file forever: its version is in the path, or its content hash in its name. */
export const isVersioned = (pathname) => pathname.startsWith(CDN_PATH) || HASHED.test(pathname);

/**
 * Static files kept in memory per mount and path, with their modification time: the bytes as they are, their ETag,
 * and each coding compressed at the first request that asks for it (quickly, then at the smallest size).
 * @type {Map<string, { mtimeMs: number, size: number, type: string, etag: string, identity: Buffer, coded: Map<string, Promise<Buffer>> }>}
 */
const files = new Map();
async function cachedFile(key, file, s, transform) {
  const hit = files.get(key);
  if (hit && hit.mtimeMs === s.mtimeMs && hit.size === s.size) return hit;
  let body = await readFile(file);
  if (transform) body = transform(body, file);
  const entry = { mtimeMs: s.mtimeMs, size: s.size, type: TYPES[extname(file)] ?? 'application/octet-stream', etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`, identity: body, coded: new Map() };
  files.set(key, entry);
  return entry;
}

/** Sends a static file: compressed when accepted and worth it, 304 when the client has it, immutable when versioned. */
async function sendFile(req, res, pathname, entry, compression) {
  const worth = compression && entry.identity.length >= MIN_COMPRESS_BYTES && isCompressible(entry.type);
  const enc = worth ? acceptedEncoding(req.headers['accept-encoding']) : null;
  // one ETag per representation (RFC 9110 §8.8.3), the same bytes' tag with the coding's suffix; weak for a coded
  // copy, whose bytes change once the smallest compression replaces the quick one (same content)
  const etag = enc ? `W/${entry.etag.slice(0, -1)}-${enc}"` : entry.etag;
  const headers = { 'content-type': entry.type, 'content-security-policy': CSP, 'x-content-type-options': 'nosniff', 'cache-control': isVersioned(pathname) ? IMMUTABLE : 'no-cache', etag };
  if (worth) addVary(res, 'Accept-Encoding');
  const inm = req.headers['if-none-match'];
  if (inm && inm.split(',').some((t) => t.trim().replace(/^W\//, '') === etag.replace(/^W\//, '') || t.trim() === '*')) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  let body = entry.identity;
  if (enc) {
    if (!entry.coded.has(enc)) {
      // the first request gets a quick compression (brotli 5: 0.2 s for the 4.4 MB France services file, where
      // brotli 11 takes 20 s); the smallest one (brotli 11, gzip 9) is made off the request, for the next ones
      const quick = compressAsync(entry.identity, enc, 'dynamic');
      entry.coded.set(enc, quick);
      quick
        .then(() => compressAsync(entry.identity, enc, 'static'))
        .then((best) => entry.coded.set(enc, Promise.resolve(best)))
        .catch(() => undefined);
    }
    body = await entry.coded.get(enc);
    headers['content-encoding'] = enc;
  }
  headers['content-length'] = body.length;
  res.writeHead(200, headers);
  res.end(req.method === 'HEAD' ? undefined : body);
}

/**
 * @param {{ api?: { handle(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse): Promise<boolean> } }} [opts]
 *   `api`: what answers under /api, e.g. a @relais/server app mounted at `/api` with its directory and liaison routes
 *   (`npm start`); without it, the in-memory reference REST API on the demo's sample and the reference liaison
 *   receiver of this folder, writing the demo's sheets to files.
 *   `compression: false`: every answer as if no client accepted a coding (identity), as this server was before it
 *   compressed (the mobile bench's « before »).
 *   `mounts`: more `[path prefix, directory]` pairs served before the demo's own (e.g. the mobile bench's pages)
 */
export function createDemoServer(opts = {}) {
  const compression = opts.compression !== false;
  const mounts = [...(opts.mounts ?? []), ...MOUNTS];
  const dataset = JSON.parse(readFileSync(join(root, 'examples/data/nievre-demo.json'), 'utf8'));
  const reference = createRestHandler(dataset, { prefix: '/api' });
  const api = opts.api ? (req, res) => opts.api.handle(req, res) : reference;
  // received liaison sheets of the demo (fictional data), kept out of git; anonymous: demo only (a deployment declares partners)
  const liaison = opts.api ? async () => false : createLiaisonReceiver({ dir: process.env.RELAIS_RECEIVED_DIR ?? join(root, 'examples/server/received'), anonymous: true });
  return createServer(async (req, res) => {
    try {
      if (!compression) delete req.headers['accept-encoding'];
      if (await liaison(req, res)) return;
      if (await api(req, res)) return;
      const url = new URL(req.url, 'http://localhost');
      const pathname = decodeURIComponent(url.pathname);
      for (const [prefix, dir, transform] of mounts) {
        if (!pathname.startsWith(prefix)) continue;
        let file = normalize(join(dir, pathname.slice(prefix.length)));
        if (!file.startsWith(dir + sep) && file !== dir) break;
        let s = await stat(file).catch(() => null);
        if (s?.isDirectory()) {
          file = join(file, 'index.html');
          s = await stat(file).catch(() => null);
        }
        if (!s?.isFile()) break;
        const entry = await cachedFile(`${prefix}\0${file}`, file, s, transform).catch(() => null);
        if (!entry) break;
        await sendFile(req, res, pathname, entry, compression);
        return;
      }
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Page introuvable');
    } catch (e) {
      console.error('[demo]', e instanceof Error ? e.message : e);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Erreur du serveur de démonstration');
    }
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const i = process.argv.indexOf('--port');
  const port = Number(i > 0 ? process.argv[i + 1] : process.env.PORT ?? 8080);
  createDemoServer({ compression: !process.argv.includes('--no-compression') }).listen(port, '127.0.0.1', () => {
    console.log(`Démo Relais (données de démonstration, Nièvre) : http://localhost:${port}/`);
  });
}
