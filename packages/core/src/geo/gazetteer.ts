/**
 * Commune gazetteer: autocomplete by name or postcode, commune → centroid, département, EPCI.
 * Data: INSEE COG 2024 (communes.csv) and @etalab/decoupage-administratif, derived by
 * scripts/derive-data.mjs into one lazily loaded chunk per département (≈ 5 kB gzip each).
 */
import { fold, editDistance } from '../text/analyze.js';
import { haversineKm } from './distance.js';
import { COMMUNE_CHUNKS } from './communes-index.js';
import { DEPARTEMENTS } from './departements-data.js';
import type { ResolvedPlace } from './distance.js';

/** A commune (or a municipal arrondissement of Paris, Lyon or Marseille). */
export interface Commune {
  /** INSEE (COG) code. */
  code: string;
  /** Official name with its article ("Le Creusot"). */
  name: string;
  postcodes: string[];
  lat: number;
  lon: number;
  /** Municipal population (2021). */
  population: number;
  /** Département code. */
  departement: string;
  /** SIREN of the EPCI the commune belongs to. */
  epci: string | null;
  /** For an arrondissement, the code of its commune. */
  parent: string | null;
}

/** Département code of a commune code. */
export const departementOf = (code: string): string => (code.startsWith('97') ? code.slice(0, 3) : code.slice(0, 2));

/** Name of a département. */
export const departementName = (code: string): string | undefined => DEPARTEMENTS.find(([c]) => c === code)?.[1];

/** Every département code the gazetteer knows. */
export const DEPARTEMENT_CODES: readonly string[] = Object.keys(COMMUNE_CHUNKS);

const key = (s: string) =>
  fold(s)
    .replace(/['’\-]/g, ' ')
    .replace(/\bst\b/g, 'saint')
    .replace(/\bste\b/g, 'sainte')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * One département's communes from its chunk: nine columns, one per line (the format: scripts/derive-data.mjs).
 * Exported for Node tools that read the committed chunks directly (the demo data generator).
 */
export function decodeCommuneChunk(dep: string, text: string): Commune[] {
  const [[lat0, lon0, prefix], epcis, codes, names, postcodes, [positions], populations, epciOf, parents] = text.split('\n').map((l) => l.split(',')) as string[][] & { length: 9 };
  const at = (i: number, base: string) => (parseInt(base, 36) + parseInt(positions!.slice(i, i + 3), 36)) / 1e4;
  let code = 0;
  let name = '';
  return names.map((entry, i) => {
    code += parseInt(codes[i] || '1', 36);
    const k = +entry[0]! || 0;
    name = name.slice(0, k) + entry.slice(k && 1);
    return {
      code: dep + String(code).padStart(5 - dep.length, '0'),
      name,
      postcodes: postcodes[i] ? postcodes[i]!.split(' ').map((p) => (p[0] === '=' ? p.slice(1) : prefix + p)) : [],
      lat: at(i * 6, lat0!),
      lon: at(i * 6 + 3, lon0!),
      population: parseInt(populations[i]!, 36),
      departement: dep,
      epci: epciOf[i] ? epcis[parseInt(epciOf[i]!, 36)]! : null,
      parent: parents[i] || null,
    };
  });
}

/** A loaded gazetteer. */
export class Gazetteer {
  readonly communes: readonly Commune[];
  private readonly keys: string[];
  private readonly byCode: Map<string, Commune>;

  constructor(communes: readonly Commune[]) {
    this.communes = communes;
    this.keys = communes.map((c) => key(c.name));
    this.byCode = new Map(communes.map((c) => [c.code, c]));
  }

  /**
   * Loads the communes of the given départements (all of France when none are given: about 530 kB
   * gzip, so give the territory you serve), or of some départements and those around them (`around`: Nièvre →
   * Yonne, Cher, Allier…). Chunks are cached: loading twice costs nothing.
   */
  static async load(opts: { departements?: readonly string[]; around?: readonly string[] } = {}): Promise<Gazetteer> {
    const deps = opts.around?.length ? await departementsAround(opts.around) : opts.departements?.length ? opts.departements : DEPARTEMENT_CODES;
    const lists = await Promise.all(deps.map((d) => loadChunk(d)));
    return new Gazetteer(lists.flat());
  }

  /** One commune by INSEE code. */
  get(code: string): Commune | undefined {
    return this.byCode.get(code);
  }

  /** Communes served by a postcode. */
  byPostcode(postcode: string): Commune[] {
    return this.communes.filter((c) => c.postcodes.includes(postcode)).sort((a, b) => b.population - a.population);
  }

  /**
   * Autocomplete: "clam" → Clamecy; "58500" or "585" → the communes of those postcodes;
   * small typos are forgiven when nothing starts with what was typed. Larger communes first.
   */
  search(text: string, opts: { limit?: number } = {}): Commune[] {
    const limit = opts.limit ?? 8;
    const q = text.trim();
    if (!q) return [];
    if (/^\d{2,5}$/.test(q)) {
      const hits = this.communes.filter((c) => c.postcodes.some((p) => p.startsWith(q)) || c.code === q);
      return hits.sort((a, b) => b.population - a.population).slice(0, limit);
    }
    const k = key(q);
    if (k.length < 2) return [];
    const scored: Array<[number, Commune]> = [];
    for (let i = 0; i < this.keys.length; i++) {
      const name = this.keys[i]!;
      let s = -1;
      if (name === k) s = 3;
      else if (name.startsWith(k)) s = 2;
      else if (name.includes(' ' + k)) s = 1;
      if (s >= 0) scored.push([s, this.communes[i]!]);
    }
    if (scored.length === 0 && k.length >= 4) {
      const max = k.length >= 8 ? 2 : 1;
      for (let i = 0; i < this.keys.length; i++) {
        const name = this.keys[i]!;
        if (editDistance(k, name.slice(0, k.length), max) <= max || editDistance(k, name.slice(0, k.length + 1), max) <= max) scored.push([0, this.communes[i]!]);
      }
    }
    return scored
      .sort((a, b) => b[0] - a[0] || b[1].population - a[1].population)
      .slice(0, limit)
      .map(([, c]) => c);
  }

  /** The commune whose centroid is the nearest to a point (for "autour de moi"). */
  nearest(lat: number, lon: number): Commune | undefined {
    let best: Commune | undefined;
    let bd = Infinity;
    for (const c of this.communes) {
      const d = haversineKm(lat, lon, c.lat, c.lon);
      if (d < bd) {
        bd = d;
        best = c;
      }
    }
    return best;
  }

  /** Centroid, département and EPCI of a commune, as the search needs them. */
  resolve(code: string): ResolvedPlace | undefined {
    const c = this.byCode.get(code);
    return c ? { code: c.code, lat: c.lat, lon: c.lon, departement: c.departement, epci: c.epci } : undefined;
  }
}

/**
 * Some départements and those around them: each one whose communes come within 20 km of theirs (by the centres and
 * reach of departement-centres.ts, loaded on demand).
 */
export async function departementsAround(codes: readonly string[]): Promise<string[]> {
  const { DEPARTEMENT_CENTRES } = await import('../client/departement-centres.js');
  const mine = DEPARTEMENT_CENTRES.filter(([c]) => codes.includes(c));
  return DEPARTEMENT_CENTRES.filter(([c, la, lo, reach]) => codes.includes(c) || mine.some(([, la2, lo2, reach2]) => haversineKm(la, lo, la2, lo2) <= reach + reach2 + 20)).map(([c]) => c);
}

const chunkCache = new Map<string, Promise<Commune[]>>();

/** Loads (once) the communes of one département. */
export function loadChunk(dep: string): Promise<Commune[]> {
  const loader = COMMUNE_CHUNKS[dep];
  if (!loader) return Promise.resolve([]);
  let p = chunkCache.get(dep);
  if (!p) {
    p = loader().then((m) => decodeCommuneChunk(dep, m.default));
    chunkCache.set(dep, p);
    p.catch(() => chunkCache.delete(dep));
  }
  return p;
}

/** Resolves one commune code to a place, loading only its département. */
export async function resolveCommune(code: string): Promise<ResolvedPlace | undefined> {
  const list = await loadChunk(departementOf(code));
  const c = list.find((x) => x.code === code);
  return c ? { code: c.code, lat: c.lat, lon: c.lon, departement: c.departement, epci: c.epci } : undefined;
}

let epciNames: Promise<Map<string, string>> | null = null;
/** Name of an EPCI by SIREN (loads the EPCI list, ≈ 17 kB gzip, on first call). */
export async function epciName(siren: string): Promise<string | undefined> {
  epciNames ??= import('../../data/epci.js').then((m) => new Map(m.default.split('\n').map((l) => l.split('|') as [string, string])));
  return (await epciNames).get(siren);
}
