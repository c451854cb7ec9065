#!/usr/bin/env node
// The reference server the demo talks to: static files of the demo site, the CDN build of the SDK,
// the embedded sample data, and the Relais REST API under /api: by default the in-memory reference implementation
// (rest-api.mjs) on the demo's sample; `npm start` mounts @relais/server there instead (scripts/start.mjs).
//   node examples/server/server.mjs [--port 8080]
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRestHandler } from './rest-api.mjs';
import { createLiaisonReceiver } from './liaison-receiver.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
// the SDK's version, stamped in its bundles (an « older copy » is this one renamed)
const { version: VERSION } = JSON.parse(readFileSync(join(root, 'packages/core/package.json'), 'utf8'));
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8', '.map': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon' };
const MOUNTS = [
  ['/relais/', join(root, 'packages/relais/dist/cdn')],
  // "an older copy" for examples/demo/double.html: the same build, its scripts stamped with version 0.0.9
  ['/relais-ancienne/', join(root, 'packages/relais/dist/cdn'), (body, file) => (file.endsWith('.js') ? Buffer.from(body.toString('utf8').replaceAll(`"${VERSION}"`, '"0.0.9"')) : body)],
  ['/data/catalogues/', join(root, 'packages/eligibility/catalogues')],
  ['/data/', join(root, 'examples/data')],
  ['/', join(root, 'examples/demo')],
];
// A strict policy: the demo must work without inline scripts or styles, and without eval. Images: the map's
// default background, « Plan IGN » of the IGN Géoplateforme.
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: https://data.geopf.fr; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

/**
 * @param {{ api?: { handle(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse): Promise<boolean> } }} [opts]
 *   `api`: what answers under /api, e.g. a @relais/server app mounted at `/api` with its directory and liaison routes
 *   (`npm start`); without it, the in-memory reference REST API on the demo's sample and the reference liaison
 *   receiver of this folder, writing the demo's sheets to files
 */
export function createDemoServer(opts = {}) {
  const dataset = JSON.parse(readFileSync(join(root, 'examples/data/nievre-demo.json'), 'utf8'));
  const reference = createRestHandler(dataset, { prefix: '/api' });
  const api = opts.api ? (req, res) => opts.api.handle(req, res) : reference;
  // received liaison sheets of the demo (fictional data), kept out of git; anonymous: demo only (a deployment declares partners)
  const liaison = opts.api ? async () => false : createLiaisonReceiver({ dir: process.env.RELAIS_RECEIVED_DIR ?? join(root, 'examples/server/received'), anonymous: true });
  return createServer(async (req, res) => {
    try {
      if (await liaison(req, res)) return;
      if (await api(req, res)) return;
      const url = new URL(req.url, 'http://localhost');
      const pathname = decodeURIComponent(url.pathname);
      for (const [prefix, dir, transform] of MOUNTS) {
        if (!pathname.startsWith(prefix)) continue;
        let file = normalize(join(dir, pathname.slice(prefix.length)));
        if (!file.startsWith(dir + sep) && file !== dir) break;
        const s = await stat(file).catch(() => null);
        if (s?.isDirectory()) file = join(file, 'index.html');
        let body = await readFile(file).catch(() => null);
        if (!body) break;
        if (transform) body = transform(body, file);
        res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'content-security-policy': CSP, 'x-content-type-options': 'nosniff', 'cache-control': 'no-cache' });
        res.end(body);
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
  createDemoServer().listen(port, '127.0.0.1', () => {
    console.log(`Démo Relais (données de démonstration, Nièvre) : http://localhost:${port}/`);
  });
}
