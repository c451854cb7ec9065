/**
 * Places in a search: the commune named among the words typed (« ehpad clamecy »), and the commune a point lies in
 * (« Autour de moi »), from the gazetteer's chunks. No DOM.
 */
import { fold, STOP_WORDS, analyze } from '../text/analyze.js';
import { STRUCTURE_KINDS, THEMATIQUES, PUBLICS } from '../taxonomy/taxonomy.js';
import { DEPARTEMENT_CENTRES } from '../client/departement-centres.js';
import { haversineKm } from './distance.js';
import { loadChunk, type Commune } from './gazetteer.js';

/** A commune recognised among the words of a search. */
export interface PlaceInText {
  commune: Commune;
  /** The words that named it, as typed (« Clamecy », « cosne-cours-sur-loire »). */
  words: string;
  /** The other words, to search for. */
  rest: string;
}

const token = (w: string) => {
  const f = fold(w).replace(/[^a-z0-9]/g, '');
  return f === 'st' ? 'saint' : f === 'ste' ? 'sainte' : f;
};
const nameKeys = (name: string): string[] => {
  const base = name.replace(/\(.*?\)/g, ' ');
  const ws = base.split(/[\s'’\-]+/).map(token).filter(Boolean);
  const keys = [ws.join(' ')];
  // « La Charité-sur-Loire » is typed « charité sur loire » too
  if (ws.length > 1 && ['le', 'la', 'les', 'l'].includes(ws[0]!)) keys.push(ws.slice(1).join(' '));
  return keys;
};

/** Words that name a need, not a place: a commune of that one word (« Aide », « Vie »…) is not taken for the place. */
const NEED_WORDS: ReadonlySet<string> = (() => {
  const s = new Set<string>(STOP_WORDS);
  for (const t of [...STRUCTURE_KINDS, ...THEMATIQUES, ...PUBLICS]) {
    for (const p of [t.label, ...(t.keywords ?? []), ...('falc' in t && t.falc ? [t.falc] : [])]) {
      for (const w of p.split(/[\s'’\-(),/]+/)) {
        if (!w) continue;
        s.add(token(w));
        s.add(analyze(w)[0] ?? '');
      }
    }
  }
  return s;
})();

const lexicons = new WeakMap<readonly Commune[], { byKey: Map<string, Commune>; maxWords: number }>();
function lexicon(communes: readonly Commune[]) {
  let lx = lexicons.get(communes);
  if (!lx) {
    const byKey = new Map<string, Commune>();
    let maxWords = 1;
    for (const c of communes) {
      if (c.parent) continue; // arrondissements: « Paris 12e Arrondissement » is typed « paris »
      for (const k of nameKeys(c.name)) {
        const prev = byKey.get(k);
        // namesakes (« Saint-Pierre »): the most populated
        if (!prev || c.population > prev.population) byKey.set(k, c);
        maxWords = Math.max(maxWords, k.split(' ').length);
      }
    }
    lx = { byKey, maxWords };
    lexicons.set(communes, lx);
  }
  return lx;
}

/**
 * Finds the commune named in a search's words (the longest name wins: « cosne-cours-sur-loire » before « cosne »),
 * among the given communes. A one-word name that is also a word of need (« aide »), shorter than 3 letters, or for
 * which `common` says it is an ordinary word of the data (« loire », « vignes », « frais ») is not taken for a place.
 */
export function placeInText(text: string, communes: readonly Commune[], opts: { common?: (word: string) => boolean } = {}): PlaceInText | null {
  const parts = text.split(/([\s'’\-,;.]+)/);
  // words with their position among the parts (separators are odd indexes)
  const ws: Array<{ part: number; key: string }> = [];
  parts.forEach((p, i) => {
    if (i % 2 === 0 && p) {
      const k = token(p);
      if (k) ws.push({ part: i, key: k });
    }
  });
  const { byKey, maxWords } = lexicon(communes);
  for (let n = Math.min(maxWords, ws.length); n >= 1; n--) {
    for (let i = 0; i + n <= ws.length; i++) {
      const key = ws.slice(i, i + n).map((w) => w.key).join(' ');
      const c = byKey.get(key);
      if (!c) continue;
      if (n === 1 && (key.length < 3 || NEED_WORDS.has(key) || /^\d+$/.test(key) || opts.common?.(key))) continue;
      const from = ws[i]!.part;
      const to = ws[i + n - 1]!.part;
      const words = parts.slice(from, to + 1).join('');
      const rest = [...parts.slice(0, from), ' ', ...parts.slice(to + 1)].join('').replace(/\s+/g, ' ').trim();
      return { commune: c, words, rest };
    }
  }
  return null;
}

/** The communes of some départements (loaded once each). */
export async function communesOf(departements: Iterable<string>): Promise<readonly Commune[]> {
  const deps = [...new Set(departements)].sort();
  const key = deps.join(',');
  let p = scopes.get(key);
  if (!p) {
    p = Promise.all(deps.map((d) => loadChunk(d))).then((lists) => lists.flat());
    if (scopes.size > 20) scopes.clear();
    scopes.set(key, p);
    p.catch(() => scopes.delete(key));
  }
  return p;
}
const scopes = new Map<string, Promise<readonly Commune[]>>();

/**
 * The commune whose centre is the nearest to a point, among the départements around it (their centres and reach:
 * departement-centres.ts); none farther than 30 km from any commune centre (not in France).
 */
export async function nearestCommuneTo(lat: number, lon: number): Promise<Commune | undefined> {
  const deps = DEPARTEMENT_CENTRES.filter(([, la, lo, reach]) => haversineKm(lat, lon, la, lo) <= reach + 15).map(([code]) => code);
  let best: { c: Commune; d: number } | undefined;
  for (const c of await communesOf(deps)) {
    const d = haversineKm(lat, lon, c.lat, c.lon);
    if (!best || d < best.d) best = { c, d };
  }
  return best && best.d <= 30 ? best.c : undefined;
}
