// The size budgets of the CDN build (issue 8), in gzip kB, read by `.size-limit.mjs` (checked in CI by
// `npm test`) and by `bench/sizes.mjs` (the table in bench/README.md, with brotli beside gzip).
// Each row is what a browser downloads before the thing runs: an entry and the chunks it imports
// statically (packages/relais/dist/cdn/manifest.json, written by the rollup build).
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CDN = join(dirname(fileURLToPath(import.meta.url)), '../packages/relais/dist/cdn');

/** Files an entry of the ESM build loads before it runs. */
export function closure(entry) {
  const m = JSON.parse(readFileSync(join(CDN, 'manifest.json'), 'utf8'));
  const files = m.entries[entry];
  if (!files) throw new Error(`no entry ${entry} in manifest.json: run the build first`);
  return files;
}
const only = (entry) => closure(entry).filter((f) => f === `${entry}.js`);

/**
 * `limit` is what CI enforces; `target` what the issue asked. They differ only where the target is
 * missed, and then the limit is the measured size rounded up, so that it can only go down.
 */
export const budgets = () => [
  { name: 'Autoloader (relais.js)', files: closure('relais'), target: 1.5, limit: 1.5 },
  { name: 'Page annuaire : autoloader + cœur + <relais-directory>', files: [...closure('relais'), ...closure('widgets/relais-directory')], target: 35, limit: 35 },
  { name: 'Carte : chunk <relais-map> + Leaflet + supercluster (sans le cœur)', files: [...only('widgets/relais-map'), 'vendor/leaflet.js', 'vendor/supercluster.js'], target: 60, limit: 60 },
  { name: 'Éligibilité : chunk <relais-eligibility> avec le catalogue national (sans le cœur)', files: only('widgets/relais-eligibility'), target: 30, limit: 30 },
  { name: 'Fiche de liaison : chunk <relais-liaison-form> (sans le cœur)', files: only('widgets/relais-liaison-form'), limit: 20 },
  { name: 'Parcours : chunk <relais-pathway> (sans le cœur)', files: only('widgets/relais-pathway'), limit: 20 },
  // 121 (was 120 at 119.86 measured): the directory's « plus larges » notice and « au moins N », the map's département scope (issue 16)
  { name: 'Tout-en-un ESM (relais-all.js et ses chunks, sans Leaflet)', files: closure('relais-all'), limit: 121 },
  { name: 'Tout-en-un IIFE (relais.iife.js, sans Leaflet)', files: ['relais.iife.js'], target: 120, limit: 120 },
];
