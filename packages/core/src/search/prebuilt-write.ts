/**
 * The writer of the prebuilt index (format: search/prebuilt.ts): validates a dataset once, indexes each
 * département's services once, and returns the manifest and the chunk files. Used by the `relais-index` command
 * (packages/core/bin) and by `relais-server export-index`. No file system here: the callers write the files.
 */
import { VERSION } from '../element/define.js';
import { normalizeDataset } from '../model/normalize.js';
import type { Diagnostics, Service, Structure } from '../model/types.js';
import { departementOfItem } from '../client/pipeline.js';
import { ServiceIndex } from './service-index.js';
import { ALL_CHUNK, encodeChunk, NATIONAL_CHUNK, PREBUILT_FORMAT, PREBUILT_SCHEMA, PREBUILT_VERSION, sha256Hex, type PrebuiltManifest } from './prebuilt.js';

/** The files of a prebuilt index: `manifest.json` and one `.rix` file per chunk, by file name. */
export interface PrebuiltIndexFiles {
  manifest: PrebuiltManifest;
  /** File name (relative to the manifest) → bytes. */
  files: Map<string, Uint8Array>;
}

/** The chunk of a service: its département, or `national` when it has none or is open only at a distance. */
export function chunkOf(service: Service, structure: Structure | null): string {
  const remote = service.modes_accueil.length > 0 && service.modes_accueil.every((m) => m === 'a-distance');
  return (!remote && departementOfItem({ service, structure, distanceKm: null })) || NATIONAL_CHUNK;
}

/**
 * Builds the prebuilt index of a dataset `{ structures, services }` (data·inclusion v1 shape, as the static source
 * reads it): validated with the same rules, each chunk indexed as the static source indexes the services of its
 * départements. `validated: true` skips validation for records already validated (the server's); `all: false` leaves out the
 * file of every service.
 */
export async function buildPrebuiltIndex(raw: unknown, opts: { validated?: boolean; generated?: Date; all?: boolean } = {}): Promise<PrebuiltIndexFiles> {
  let structures: Structure[];
  let services: Service[];
  let diagnostics: Diagnostics | undefined;
  if (opts.validated) ({ structures, services } = raw as { structures: Structure[]; services: Service[] });
  else ({ structures, services, diagnostics } = normalizeDataset(raw));
  const byId = new Map(structures.map((s) => [s.id, s]));
  const groups = new Map<string, number[]>();
  const deps: Array<string | null> = [];
  services.forEach((s, i) => {
    const st = byId.get(s.structure_id) ?? null;
    deps.push(departementOfItem({ service: s, structure: st, distanceKm: null }));
    const code = chunkOf(s, st);
    let g = groups.get(code);
    if (!g) groups.set(code, (g = []));
    g.push(i);
  });
  const files = new Map<string, Uint8Array>();
  const write = async (code: string, idx: number[]): Promise<PrebuiltManifest['chunks'][number]> => {
    const sv = idx.map((i) => services[i]!);
    const used = new Set(sv.map((s) => s.structure_id));
    const st = structures.filter((s) => used.has(s.id));
    const snapshot = new ServiceIndex(st, sv).toSnapshot();
    const bytes = await encodeChunk({ code, snapshot, seq: Uint32Array.from(idx), deps: idx.map((i) => deps[i]!) });
    const file = `${code}.rix`;
    files.set(file, bytes);
    const h = new DataView(bytes.buffer, bytes.byteOffset).getUint32(8, true);
    const start = (12 + h + 7) & ~7;
    return { code, file, services: sv.length, structures: snapshot.structures.length, bytes: bytes.byteLength, sha256: await sha256Hex(bytes.subarray(start)) };
  };
  const chunks: PrebuiltManifest['chunks'] = [];
  const codes = [...groups.keys()].sort((a, b) => (a === NATIONAL_CHUNK ? 1 : b === NATIONAL_CHUNK ? -1 : a < b ? -1 : 1));
  for (const code of codes) chunks.push(await write(code, groups.get(code)!));
  // one file of every service for the pages that serve no particular département (one request, nothing to merge);
  // the only analysis done twice
  // (one chunk already holds every service: it is that file)
  const all = opts.all === false ? undefined : chunks.length === 1 ? chunks[0] : await write(ALL_CHUNK, services.map((_, i) => i));
  const departements = [...new Set(deps.filter((d): d is string => d !== null))].sort();
  const manifest: PrebuiltManifest = {
    format: PREBUILT_FORMAT,
    version: PREBUILT_VERSION,
    sdk: VERSION,
    schema: PREBUILT_SCHEMA,
    generated: (opts.generated ?? new Date()).toISOString(),
    services: services.length,
    structures: new Set(services.map((s) => s.structure_id)).size,
    departements,
    chunks,
    ...(all ? { all } : {}),
    ...(diagnostics ? { diagnostics } : {}),
  };
  return { manifest, files };
}

/** A French summary of a prebuilt index, for the commands that write one. */
export function describePrebuilt({ manifest, files }: PrebuiltIndexFiles): string {
  const bytes = [...files.values()].reduce((a, b) => a + b.byteLength, 0);
  const n = (x: number) => x.toLocaleString('fr-FR');
  const s = (x: number, one: string, many: string) => `${n(x)} ${x > 1 ? many : one}`;
  const d = manifest.diagnostics;
  const lines = [
    `Index préconstruit : ${s(manifest.services, 'service', 'services')}, ${s(manifest.structures, 'structure', 'structures')}, ${s(manifest.chunks.length, 'morceau', 'morceaux')} (${s(manifest.departements.length, 'département', 'départements')}${manifest.chunks.some((c) => c.code === NATIONAL_CHUNK) ? ' et un morceau national' : ''})${manifest.all && !manifest.chunks.includes(manifest.all) ? ' et un fichier complet' : ''}, ${n(Math.round(bytes / 1024))} Ko en tout.`,
    ...(d ? [`Validation : ${s(d.received, 'enregistrement lu', 'enregistrements lus')} (structures et services), ${n(d.accepted)} gardés, ${n(d.skipped)} écartés, ${s(d.warnings, 'valeur corrigée', 'valeurs corrigées')}.`] : []),
    `Le plus gros morceau : ${[...manifest.chunks].sort((a, b) => b.bytes - a.bytes).slice(0, 1).map((c) => `${c.code} (${n(c.services)} services, ${n(Math.round(c.bytes / 1024))} Ko)`)[0] ?? '—'}.`,
  ];
  return lines.join('\n');
}
