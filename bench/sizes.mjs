#!/usr/bin/env node
// Sizes of the CDN build against the budgets (bench/size-budgets.mjs): gzip (what the budgets count,
// 1 kB = 1 000 bytes as size-limit counts) and brotli, written between the SIZES markers of
// bench/README.md. `npm run bench` runs it; `node bench/sizes.mjs` alone after `npm run build`.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { budgets, CDN } from './size-budgets.mjs';

const kB = (n) => (n / 1000).toFixed(1);
const rows = budgets().map((b) => {
  const bufs = b.files.map((f) => readFileSync(resolve(CDN, f)));
  const gz = bufs.reduce((a, x) => a + gzipSync(x, { level: 9 }).length, 0);
  const br = bufs.reduce((a, x) => a + brotliCompressSync(x, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length, 0);
  const raw = bufs.reduce((a, x) => a + x.length, 0);
  const verdict = b.target === undefined ? (gz / 1000 <= b.limit ? 'within limit' : '**over limit**') : gz / 1000 <= b.target ? 'met' : '**missed**';
  return `| ${b.name.replace(/</g, '&lt;')} | ${b.files.length} | ${kB(raw)} | ${kB(gz)} | ${kB(br)} | ${b.target ?? '—'} | ${b.limit} | ${verdict} |`;
});
const table = `Measured ${new Date().toISOString().slice(0, 10)} from \`npm run build\`.\n\n| what a page downloads | files | minified (kB) | gzip (kB) | brotli (kB) | target gzip (kB) | CI limit gzip (kB) | target |\n|---|---:|---:|---:|---:|---:|---:|---|\n${rows.join('\n')}\n`;
const readme = join(CDN, '../../../../bench/README.md');
const text = readFileSync(readme, 'utf8');
writeFileSync(readme, text.replace(/<!-- SIZES:START -->[\s\S]*<!-- SIZES:END -->/, `<!-- SIZES:START -->\n${table}<!-- SIZES:END -->`));
console.log(table);
