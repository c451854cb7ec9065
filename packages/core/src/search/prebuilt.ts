/**
 * The prebuilt index: a static dataset validated and analysed once (by `relais-index` or `relais-server export-index`),
 * written as one binary file per département, which the static source loads with no validation and no analysis.
 *
 * A file (`*.rix`): the 8 bytes `RELAISIX`, the header length (uint32, little-endian), the header (UTF-8 JSON:
 * format, format version, SDK version, schema version, counts, payload length, SHA-256 of the payload, sections),
 * padding to 8 bytes, then the payload: each section a typed array (little-endian) aligned on 8 bytes, or the JSON
 * of the rest (the records in columns, the term strings, the facet values). The loader checks everything before it
 * makes an index: a wrong version, a truncated file or a checksum that does not match is a RelaisError with a French
 * message, and nothing is half loaded.
 *
 * The manifest (JSON, `format: "relais-index"`) lists the chunks: one per département, and `national` for the
 * services placed in none or open only at a distance; and `all`, one file of every service, for pages that serve no
 * particular département. It is what `src` names.
 *
 * This module has no validation (zod) and no text analysis: it runs in the static source's worker. The writer is
 * prebuilt-write.ts.
 */
import { RelaisError } from '../errors.js';
import { VERSION } from '../element/define.js';
import type { Diagnostics, Service, Structure } from '../model/types.js';
import { ServiceIndex, taxonomySynonyms, type ServiceIndexSnapshot } from './service-index.js';
import { TextIndex, type TextIndexSnapshot } from './text-index.js';

/** `format` of a manifest. */
export const PREBUILT_FORMAT = 'relais-index';
/** Version of the file layout; a loader reads only its own. */
export const PREBUILT_VERSION = 1;
/** Version of the records' shape (the normalised data·inclusion v1 records, model/types.ts). */
export const PREBUILT_SCHEMA = 1;
/** The chunk of the services placed in no département or open only at a distance. */
export const NATIONAL_CHUNK = 'national';
/** The code of the file of every service. */
export const ALL_CHUNK = 'france';

const MAGIC = 'RELAISIX';
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** One chunk as the manifest lists it. */
export interface PrebuiltChunkEntry {
  /** Département code (`58`, `2A`, `971`) or `national`. */
  code: string;
  /** File name, relative to the manifest. */
  file: string;
  services: number;
  structures: number;
  /** Size of the file in bytes. */
  bytes: number;
  /** SHA-256 of the file's payload (hexadecimal), as in its header. */
  sha256: string;
}

/** The manifest of a prebuilt index (`manifest.json`). */
export interface PrebuiltManifest {
  format: typeof PREBUILT_FORMAT;
  version: number;
  /** Version of the SDK that wrote it. */
  sdk: string;
  schema: number;
  /** When it was written (ISO). */
  generated: string;
  services: number;
  structures: number;
  /** The départements where the data has services. */
  departements: string[];
  chunks: PrebuiltChunkEntry[];
  /** Every service in one file (code `france`): what a page serving no particular département loads. */
  all?: PrebuiltChunkEntry;
  /** What the validation of the source data found (records skipped or repaired), shown as the JSON path shows it. */
  diagnostics?: Diagnostics;
}

/** A chunk, loaded: its index snapshot, each service's position in the whole dataset and its département. */
export interface PrebuiltChunk {
  code: string;
  snapshot: ServiceIndexSnapshot;
  /** Position of each service in the source data (merged chunks keep the source order). */
  seq: Uint32Array;
  /** Département of each service (`null`: none), for the national chunk's services. */
  deps: Array<string | null>;
}

/** Header of a chunk file. */
interface Header {
  format: string;
  version: number;
  sdk: string;
  schema: number;
  code: string;
  services: number;
  structures: number;
  payload: number;
  sha256: string;
  /** [path, type, byte offset in the payload, element count] */
  sections: Array<[string, string, number, number]>;
}

type Typed = Uint8Array | Uint16Array | Uint32Array | Int32Array | Float32Array | Float64Array;
const TYPES: Record<string, { new (b: ArrayBufferLike, o: number, n: number): Typed; BYTES_PER_ELEMENT: number }> = { Uint8Array, Uint16Array, Uint32Array, Int32Array, Float32Array, Float64Array };

const invalid = (detail: string, message: string): RelaisError => new RelaisError('invalid-payload', { detail, message });
const damaged = (detail: string) => invalid(detail, 'L’index préconstruit est endommagé ou incomplet : régénérez-le avec relais-index, puis rechargez la page.');

/** SHA-256 in hexadecimal (Web Crypto: browsers, workers and Node ≥ 20). */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const d = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  let s = '';
  for (const b of d) s += b.toString(16).padStart(2, '0');
  return s;
}

/** Checks a format, schema and SDK version: the same format and schema, and the same SDK minor version (its analysis of words). */
function checkVersions(what: string, v: { version?: unknown; schema?: unknown; sdk?: unknown }): void {
  if (v.version !== PREBUILT_VERSION || v.schema !== PREBUILT_SCHEMA) {
    throw invalid(`${what}: version ${String(v.version)}, schéma ${String(v.schema)} (attendus ${PREBUILT_VERSION}, ${PREBUILT_SCHEMA})`, `L’index préconstruit est dans une version de format que cette page ne lit pas (${String(v.version)}) : régénérez-le avec relais-index ${VERSION}.`);
  }
  const minor = (x: string) => x.split('.').slice(0, 2).join('.');
  if (typeof v.sdk !== 'string' || minor(v.sdk) !== minor(VERSION)) {
    throw invalid(`${what}: SDK ${String(v.sdk)}, page ${VERSION}`, `L’index préconstruit a été produit par Relais ${String(v.sdk).slice(0, 20)} et cette page utilise Relais ${VERSION} : régénérez-le avec relais-index ${VERSION}.`);
  }
}

/** Reads and checks a manifest (parsed JSON). */
export function readManifest(raw: unknown): PrebuiltManifest {
  const m = raw as Partial<PrebuiltManifest>;
  if (!m || m.format !== PREBUILT_FORMAT) throw invalid('pas un manifeste relais-index', 'Ce fichier n’est pas le manifeste d’un index préconstruit Relais.');
  checkVersions('manifeste', m);
  if (!Array.isArray(m.chunks) || !Array.isArray(m.departements)) throw damaged('manifeste sans liste de morceaux');
  return m as PrebuiltManifest;
}

/** True when parsed JSON is a prebuilt index's manifest rather than a dataset. */
export const isPrebuiltManifest = (raw: unknown): boolean => !!raw && typeof raw === 'object' && (raw as { format?: unknown }).format === PREBUILT_FORMAT;

let synonymTable: Pick<TextIndexSnapshot, 'synonyms' | 'maxPhrase'> | null = null;
/** The analysed synonym table of this SDK's taxonomy (as ServiceIndex builds it), made once. */
function sdkSynonyms(): Pick<TextIndexSnapshot, 'synonyms' | 'maxPhrase'> {
  synonymTable ??= new TextIndex(0, undefined, undefined, taxonomySynonyms()).toSnapshot();
  return synonymTable;
}

// ————— records in columns —————

/** Records as columns: each column's distinct values (JSON) and each record's value id (0: the key is absent). */
interface Columns {
  keys: string[];
  values: unknown[][];
  ids: Record<string, Typed>;
}

function toColumns(rows: readonly object[]): Columns {
  const keys: string[] = [];
  const at = new Map<string, number>();
  for (const r of rows) for (const k of Object.keys(r)) if (!at.has(k)) at.set(k, keys.push(k) - 1);
  const values = keys.map(() => [null] as unknown[]);
  const ids: Record<string, Typed> = {};
  keys.forEach((k, c) => {
    const seen = new Map<string, number>();
    const col = new Uint32Array(rows.length);
    rows.forEach((r, i) => {
      if (!Object.prototype.hasOwnProperty.call(r, k)) return;
      const v = (r as Record<string, unknown>)[k];
      const key = JSON.stringify(v) ?? 'undefined';
      let id = seen.get(key);
      if (id === undefined) seen.set(key, (id = values[c]!.push(v === undefined ? null : v) - 1));
      col[i] = id;
    });
    const max = values[c]!.length;
    ids[c] = max < 256 ? Uint8Array.from(col) : max < 65536 ? Uint16Array.from(col) : col;
  });
  return { keys, values, ids };
}

function fromColumns<T>(c: Columns, n: number): T[] {
  const cols = c.keys.map((_, k) => c.ids[k]!);
  // Records are copies of a template of their keys (one hidden class: fast and compact), then filled column by
  // column (one key per loop): 3–4× faster than adding the keys record by record, which makes dictionaries.
  const optional = cols.map((_, k) => k).filter((k) => cols[k]!.includes(0));
  const templates = new Map<string, Record<string, unknown>>();
  const out = new Array<Record<string, unknown>>(n);
  for (let i = 0; i < n; i++) {
    let sig = '';
    for (const k of optional) sig += cols[k]![i] ? '1' : '0';
    let t = templates.get(sig);
    if (!t) {
      t = {};
      for (let k = 0; k < cols.length; k++) if (cols[k]![i]) t[c.keys[k]!] = null;
      templates.set(sig, t);
    }
    out[i] = { ...t };
  }
  for (let k = 0; k < cols.length; k++) {
    const key = c.keys[k]!;
    const col = cols[k]!;
    const values = c.values[k]!;
    if (optional.includes(k)) {
      for (let i = 0; i < n; i++) if (col[i]) out[i]![key] = values[col[i]!];
    } else for (let i = 0; i < n; i++) out[i]![key] = values[col[i]!];
  }
  return out as T[];
}

// ————— the binary container —————

/** Splits a tree into typed-array sections and the JSON of the rest. */
function split(tree: unknown, path: string, out: Array<[string, Typed]>): unknown {
  if (ArrayBuffer.isView(tree)) {
    out.push([path, tree as Typed]);
    return { $s: out.length - 1 };
  }
  if (tree && typeof tree === 'object' && !Array.isArray(tree)) {
    const o: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(tree)) o[k] = split(v, path ? `${path}.${k}` : k, out);
    return o;
  }
  return tree;
}

function join(tree: unknown, sections: Typed[]): unknown {
  if (tree && typeof tree === 'object' && !Array.isArray(tree)) {
    const s = (tree as { $s?: number }).$s;
    if (typeof s === 'number') return sections[s];
    for (const [k, v] of Object.entries(tree)) (tree as Record<string, unknown>)[k] = join(v, sections);
  }
  return tree;
}

const pad8 = (n: number) => (n + 7) & ~7;

/** Writes one chunk: the index of its services, their source positions and départements. */
export async function encodeChunk(chunk: PrebuiltChunk): Promise<Uint8Array> {
  if (!LITTLE_ENDIAN) throw new RelaisError('unsupported', { message: 'L’index préconstruit s’écrit sur une machine petit-boutiste (little-endian).' });
  const { structures, services, ...index } = chunk.snapshot;
  // the synonyms are the SDK's (its taxonomy), the same in every chunk: the loader makes them once
  const text: Partial<TextIndexSnapshot> = { ...index.text };
  delete text.synonyms;
  delete text.maxPhrase;
  const depNames = [...new Set(chunk.deps.map((d) => d ?? ''))];
  const depAt = new Map(depNames.map((d, i) => [d, i]));
  const tree = {
    structures: toColumns(structures),
    services: toColumns(services),
    index: { ...index, text },
    seq: chunk.seq,
    deps: { names: depNames, ids: Uint16Array.from(chunk.deps, (d) => depAt.get(d ?? '')!) },
  };
  const sections: Array<[string, Typed]> = [];
  const rest = new TextEncoder().encode(JSON.stringify(split(tree, '', sections)));
  const parts: Uint8Array[] = [];
  const table: Header['sections'] = [];
  let off = 0;
  const put = (path: string, type: string, bytes: Uint8Array, count: number) => {
    table.push([path, type, off, count]);
    parts.push(bytes);
    off += bytes.byteLength;
    const p = pad8(off) - off;
    if (p) parts.push(new Uint8Array(p));
    off += p;
  };
  put('$json', 'Uint8Array', rest, rest.byteLength);
  for (const [path, a] of sections) put(path, a.constructor.name, new Uint8Array(a.buffer, a.byteOffset, a.byteLength), a.length);
  const payload = new Uint8Array(off);
  let at = 0;
  for (const p of parts) {
    payload.set(p, at);
    at += p.byteLength;
  }
  const header: Header = { format: PREBUILT_FORMAT, version: PREBUILT_VERSION, sdk: VERSION, schema: PREBUILT_SCHEMA, code: chunk.code, services: services.length, structures: structures.length, payload: off, sha256: await sha256Hex(payload), sections: table };
  const h = new TextEncoder().encode(JSON.stringify(header));
  const start = pad8(12 + h.byteLength);
  const file = new Uint8Array(start + off);
  file.set(new TextEncoder().encode(MAGIC), 0);
  new DataView(file.buffer).setUint32(8, h.byteLength, true);
  file.set(h, 12);
  file.set(payload, start);
  return file;
}

/**
 * Reads one chunk file. Checks the magic, the versions, the length and the SHA-256 of the payload before anything is
 * made; the typed arrays are views on `bytes` (no copy when it is 8-byte aligned).
 */
export async function decodeChunk(bytes: ArrayBuffer | Uint8Array, expected?: { sha256?: string }): Promise<PrebuiltChunk & { sha256: string }> {
  let u8 = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  // (a copy: Node's Buffer#slice would be a view)
  if (u8.byteOffset % 8) u8 = Uint8Array.prototype.slice.call(u8);
  const text = new TextDecoder();
  if (u8.byteLength < 12 || text.decode(u8.subarray(0, 8)) !== MAGIC) throw invalid('signature RELAISIX absente', 'Ce fichier n’est pas un index préconstruit Relais (signature absente).');
  const hLen = new DataView(u8.buffer, u8.byteOffset, 12).getUint32(8, true);
  if (12 + hLen > u8.byteLength) throw damaged('en-tête tronqué');
  let header: Header;
  try {
    header = JSON.parse(text.decode(u8.subarray(12, 12 + hLen))) as Header;
  } catch {
    throw damaged('en-tête illisible');
  }
  checkVersions('index', header);
  if (!LITTLE_ENDIAN) throw new RelaisError('unsupported', { message: 'L’index préconstruit ne se lit que sur une machine petit-boutiste (little-endian).' });
  const start = pad8(12 + hLen);
  if (u8.byteLength !== start + header.payload) throw damaged(`taille ${u8.byteLength} octets au lieu de ${start + header.payload} (fichier tronqué ?)`);
  const payload = u8.subarray(start);
  const sum = await sha256Hex(payload);
  if (sum !== header.sha256 || (expected?.sha256 && expected.sha256 !== sum)) throw damaged(`SHA-256 ${sum.slice(0, 12)}… au lieu de ${(expected?.sha256 ?? header.sha256).slice(0, 12)}…`);
  try {
    const views: Typed[] = [];
    let json: unknown = null;
    for (const [path, type, off, count] of header.sections) {
      const T = TYPES[type];
      if (!T || off % 8 || off + count * T.BYTES_PER_ELEMENT > payload.byteLength) throw new RangeError(`section ${path}`);
      const view = new T(payload.buffer, payload.byteOffset + off, count);
      if (path === '$json') json = JSON.parse(text.decode(view));
      else views.push(view);
    }
    const tree = join(json, views) as { structures: Columns; services: Columns; index: Omit<ServiceIndexSnapshot, 'structures' | 'services'>; seq: Uint32Array; deps: { names: string[]; ids: Uint16Array } };
    const structures = fromColumns<Structure>(tree.structures, header.structures);
    const services = fromColumns<Service>(tree.services, header.services);
    const deps = Array.from(tree.deps.ids, (i) => tree.deps.names[i] || null);
    if (tree.seq.length !== services.length || deps.length !== services.length) throw new RangeError('seq/deps');
    const { synonyms, maxPhrase } = sdkSynonyms();
    return { code: header.code, snapshot: { ...tree.index, text: { ...tree.index.text, synonyms, maxPhrase }, structures, services }, seq: tree.seq, deps, sha256: sum };
  } catch (e) {
    throw e instanceof RelaisError ? e : damaged(`contenu incohérent (${String((e as Error).message ?? e).slice(0, 60)})`);
  }
}

// ————— merging chunks —————

/**
 * One index over the services of several chunks that `keep` accepts, in their order in the source data: the same
 * index, facet values and postings as building it from those records (search/service-index.ts), with no analysis.
 */
export function mergeChunks(chunks: readonly PrebuiltChunk[], keep: (chunk: PrebuiltChunk, doc: number) => boolean = () => true): ServiceIndex {
  // the merged documents, in source order
  const picked: Array<[seq: number, part: number, doc: number]> = [];
  chunks.forEach((c, p) => {
    for (let i = 0; i < c.seq.length; i++) if (keep(c, i)) picked.push([c.seq[i]!, p, i]);
  });
  // one chunk kept whole (a département page's own département): its index as it is
  const parts = new Set(picked.map(([, p]) => p));
  if (parts.size === 1) {
    const only = chunks[[...parts][0]!]!;
    if (picked.length === only.seq.length) return ServiceIndex.fromSnapshot(only.snapshot);
  }
  picked.sort((a, b) => a[0] - b[0]);
  const n = picked.length;
  const newId = chunks.map((c) => new Int32Array(c.seq.length).fill(-1));
  picked.forEach(([, p, i], d) => (newId[p]![i] = d));
  const snaps = chunks.map((c) => c.snapshot);
  const services = picked.map(([, p, i]) => snaps[p]!.services[i]!);
  const used = new Set(services.map((s) => s.structure_id));
  const structures = new Map<string, Structure>();
  for (const s of snaps) for (const st of s.structures) if (used.has(st.id) && !structures.has(st.id)) structures.set(st.id, st);
  const lat = new Float64Array(n);
  const lon = new Float64Array(n);
  const remoteOnly = new Uint8Array(n);
  picked.forEach(([, p, i], d) => {
    lat[d] = snaps[p]!.lat[i]!;
    lon[d] = snaps[p]!.lon[i]!;
    remoteOnly[d] = snaps[p]!.remoteOnly[i]!;
  });
  // facets: values numbered in order of first use, as the build does; one list per distinct (chunk, list)
  const facets = {} as ServiceIndexSnapshot['facets'];
  for (const f of Object.keys(snaps[0]!.facets) as Array<keyof ServiceIndexSnapshot['facets']>) {
    const names: string[] = [];
    const nameId = new Map<string, number>();
    const listId = new Map<number, number>();
    const lists: number[] = [];
    const listOffsets = [0];
    const docLists = new Uint32Array(n);
    picked.forEach(([, p, i], d) => {
      const src = snaps[p]!.facets[f];
      const k = src.docLists[i]!;
      const key = k * chunks.length + p;
      let l = listId.get(key);
      if (l === undefined) {
        listId.set(key, (l = listOffsets.length - 1));
        for (let v = src.listOffsets[k]!; v < src.listOffsets[k + 1]!; v++) {
          const name = src.names[src.lists[v]!]!;
          let id = nameId.get(name);
          if (id === undefined) nameId.set(name, (id = names.push(name) - 1));
          lists.push(id);
        }
        listOffsets.push(lists.length);
      }
      docLists[d] = l;
    });
    facets[f] = { names, lists: Uint16Array.from(lists), listOffsets: Uint32Array.from(listOffsets), docLists };
  }
  // text: the terms that keep a posting; postings ordered by document (a counting sort by document, then by term)
  const terms: string[] = [];
  const termAt = new Map<string, number>();
  const termOf = chunks.map(() => [] as number[]);
  let total = 0;
  snaps.forEach((s, p) => {
    const t = s.text;
    const ids = newId[p]!;
    for (let k = 0; k < t.terms.length; k++) {
      let kept = 0;
      for (let q = t.offsets[k]!; q < t.offsets[k + 1]!; q++) if (ids[t.postDocs[q]!]! >= 0) kept++;
      if (!kept) {
        termOf[p]!.push(-1);
        continue;
      }
      total += kept;
      let id = termAt.get(t.terms[k]!);
      if (id === undefined) termAt.set(t.terms[k]!, (id = terms.push(t.terms[k]!) - 1));
      termOf[p]!.push(id);
    }
  });
  const byDoc = new Uint32Array(n + 1);
  snaps.forEach((s, p) => {
    const ids = newId[p]!;
    for (const doc of s.text.postDocs) {
      const d = ids[doc]!;
      if (d >= 0) byDoc[d + 1]!++;
    }
  });
  for (let d = 0; d < n; d++) byDoc[d + 1]! += byDoc[d]!;
  const tTerm = new Uint32Array(total);
  const tW = new Float32Array(total);
  const fillDoc = byDoc.slice(0, n);
  const df = new Uint32Array(terms.length + 1);
  snaps.forEach((s, p) => {
    const t = s.text;
    const ids = newId[p]!;
    const tm = termOf[p]!;
    for (let k = 0; k < t.terms.length; k++) {
      const term = tm[k]!;
      if (term < 0) continue;
      for (let q = t.offsets[k]!; q < t.offsets[k + 1]!; q++) {
        const d = ids[t.postDocs[q]!]!;
        if (d < 0) continue;
        const at = fillDoc[d]!++;
        tTerm[at] = term;
        tW[at] = t.postWeights[q]!;
        df[term + 1]!++;
      }
    }
  });
  const offsets = df;
  for (let k = 0; k < terms.length; k++) offsets[k + 1]! += offsets[k]!;
  const fill = offsets.slice(0, terms.length);
  const postDocs = new Uint32Array(total);
  const postWeights = new Float32Array(total);
  for (let d = 0; d < n; d++) {
    for (let at = byDoc[d]!; at < byDoc[d + 1]!; at++) {
      const q = fill[tTerm[at]!]!++;
      postDocs[q] = d;
      postWeights[q] = tW[at]!;
    }
  }
  const idf = new Float32Array(terms.length);
  for (let k = 0; k < terms.length; k++) idf[k] = Math.log(1 + n / (offsets[k + 1]! - offsets[k]! + 0.5));
  const sorted = Uint32Array.from(terms.map((_, i) => i).sort((a, b) => (terms[a]! < terms[b]! ? -1 : 1)));
  const { synonyms, maxPhrase } = snaps[0]!.text;
  return ServiceIndex.fromSnapshot({ structures: [...structures.values()], services, lat, lon, remoteOnly, facets, text: { size: n, terms, sorted, offsets, postDocs, postWeights, idf, synonyms, maxPhrase } });
}

// ————— loading —————

/** A prebuilt index loaded by the static source: its index, the index of some départements, the départements it has. */
export interface LoadedPrebuilt {
  index: ServiceIndex;
  scoped(departements: readonly string[]): ServiceIndex;
  departements: readonly string[];
}

/**
 * Loads the chunks a page needs: those of `departements` and the national chunk when the page serves some
 * départements, else the file of every service (or every chunk). `fetchBytes` gets a file by URL; each file is
 * checked (versions, length, SHA-256) before any index is made.
 */
export async function loadPrebuilt(raw: unknown, manifestUrl: string, fetchBytes: (url: string) => Promise<ArrayBuffer>, departements?: readonly string[]): Promise<LoadedPrebuilt> {
  const m = readManifest(raw);
  const wanted = departements?.length ? new Set([...departements, NATIONAL_CHUNK]) : null;
  const entries = wanted ? m.chunks.filter((c) => wanted.has(c.code)) : m.all ? [m.all] : m.chunks;
  const chunks = await Promise.all(entries.map(async (e) => decodeChunk(await fetchBytes(new URL(e.file, manifestUrl).href), e)));
  const index = mergeChunks(chunks);
  const scopes = new Map<string, ServiceIndex>();
  const scoped = (deps: readonly string[]): ServiceIndex => {
    const key = [...new Set(deps)].sort().join(',');
    let sub = scopes.get(key);
    if (!sub) {
      const set = new Set(deps);
      sub = mergeChunks(chunks, (c, i) => set.has(c.deps[i]!));
      if (scopes.size > 20) scopes.clear();
      scopes.set(key, sub);
    }
    return sub;
  };
  const present = wanted ? [...new Set(chunks.flatMap((c) => c.deps.filter((d): d is string => d !== null)))].sort() : m.departements;
  return { index, scoped, departements: present };
}
