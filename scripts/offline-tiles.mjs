// Tests and scripts never reach the internet: in a Chromium page, requests to https:// are intercepted; tiles of the
// IGN Géoplateforme (the map's default background, data.geopf.fr) get a local tile, anything else is refused.
//   await keepPageOffline(page)    → page.offlineRequests: the URLs intercepted (to assert on)
import { deflateSync } from 'node:zlib';

const CRC = new Int32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c;
});
const crc32 = (buf) => {
  let c = -1;
  for (const b of buf) c = CRC[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
};

/** A 256 × 256 PNG tile: a pale land colour with a faint grid, so that a screenshot shows where tiles are drawn. */
export function tilePng() {
  const size = 256;
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 3);
    for (let x = 0; x < size; x++) {
      const line = x % 64 === 0 || y % 64 === 0;
      const [r, g, b] = line ? [214, 210, 196] : [242, 239, 233];
      row.set([r, g, b], 1 + x * 3);
    }
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))]);
}

const TILE_HOSTS = ['data.geopf.fr'];
let tile;

/** Intercepts every https:// request of a puppeteer page (local pages are http://127.0.0.1 or localhost). */
export async function keepPageOffline(page) {
  tile ??= tilePng().toString('base64');
  const requests = [];
  page.offlineRequests = requests;
  const cdp = await page.createCDPSession();
  cdp.on('Fetch.requestPaused', (e) => {
    requests.push(e.request.url);
    const host = new URL(e.request.url).hostname;
    const reply = TILE_HOSTS.includes(host)
      ? cdp.send('Fetch.fulfillRequest', { requestId: e.requestId, responseCode: 200, responseHeaders: [{ name: 'content-type', value: 'image/png' }, { name: 'access-control-allow-origin', value: '*' }], body: tile })
      : cdp.send('Fetch.failRequest', { requestId: e.requestId, errorReason: 'BlockedByClient' });
    reply.catch(() => {}); // the page may be closing
  });
  await cdp.send('Fetch.enable', { patterns: [{ urlPattern: 'https://*' }, { urlPattern: 'wss://*' }] });
  return page;
}
