// One way to start Chromium, and to serve files to it, for scripts and Node tests (screenshots, benchmarks, story checks).
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import puppeteer from 'puppeteer-core';
import { ensureBrowser } from './ensure-browser.mjs';
import { keepPageOffline } from './offline-tiles.mjs';

/** Flags for a root user on a VM with no network but loopback. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

/** Launches headless Chromium (Debian's, installed when missing); its pages never reach the internet (map tiles are served locally). */
export const launchChromium = async (extraArgs = [], opts = {}) => {
  const browser = await puppeteer.launch({ executablePath: ensureBrowser(), headless: true, args: [...CHROMIUM_ARGS, ...extraArgs], ...opts });
  const newPage = browser.newPage.bind(browser);
  browser.newPage = async (...a) => keepPageOffline(await newPage(...a));
  return browser;
};

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.json': 'application/json', '.css': 'text/css', '.svg': 'image/svg+xml', '.map': 'application/json' };

/** Serves the files of `dir` on a free loopback port (for pages a script or test opens in Chromium). */
export async function serveStatic(dir) {
  const root = resolve(dir);
  const server = createServer(async (req, res) => {
    const p = normalize(join(root, decodeURIComponent(new URL(req.url, 'http://x').pathname)));
    if (!p.startsWith(root + sep) && p !== root) return res.writeHead(403).end();
    const body = await readFile(p.endsWith(sep) || p === root ? join(p, 'index.html') : p).catch(() => null);
    if (!body) return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': TYPES[extname(p)] ?? 'application/octet-stream' });
    res.end(body);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { server, origin: `http://127.0.0.1:${server.address().port}` };
}
