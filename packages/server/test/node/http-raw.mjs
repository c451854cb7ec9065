// A GET that keeps the bytes as sent (fetch decodes brotli and gzip on its own), and their decoding: for the tests of
// compressed answers (this package's and the demo server's, tests/node/demo-serving.test.mjs).
import { request } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';

/** GET `url` with `headers`; resolves with the status, the headers and the raw body. */
export function getRaw(url, headers = {}) {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    })
      .on('error', reject)
      .end();
  });
}

/** The body of a `getRaw` answer, decoded per its `content-encoding`. */
export const decode = (r) => (r.headers['content-encoding'] === 'br' ? brotliDecompressSync(r.body) : r.headers['content-encoding'] === 'gzip' ? gunzipSync(r.body) : r.body);
