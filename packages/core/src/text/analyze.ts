/**
 * French text analysis, shared by the search (search/) and the gazetteer (geo/): case and accent folding, elisions (l’, d’, qu’…),
 * stop words and light plural stemming. Runs in Node and the browser; no dependency.
 */

const DIACRITICS = /[\u0300-\u036f]/g;
const LIGATURES: Record<string, string> = { œ: 'oe', æ: 'ae', ß: 'ss' };

/** Lower-cases and removes accents: « Élysée Œuvre » → « elysee oeuvre ». */
export function fold(s: string): string {
  return s
    .toLowerCase()
    .replace(/[œæß]/g, (c) => LIGATURES[c] ?? c)
    .normalize('NFD')
    .replace(DIACRITICS, '');
}

/** French stop words (folded). Kept short: words that carry no need. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  ('a au aux avec ce ces dans de des du en et il ils je la le les leur lui ma mais me mes moi mon ne nos notre nous on ou par pas pour qu que qui sa se ses son sur ta te tes toi ton tu un une vos votre vous y ' +
    'est sont etre ete cette cet chez comme plus tres tout tous toute toutes sans sous vers').split(' '),
);


/** Light French plural stemming: « services » → « service », « hôpitaux » → « hopital », « eaux » → « eau ». */
export function stem(t: string): string {
  if (t.length <= 3 || /\d/.test(t)) return t;
  if (t.endsWith('aux') && t.length > 4) return t.slice(0, -3) + 'al';
  if (t.endsWith('eaux') || t.endsWith('eux')) return t.slice(0, -1);
  if (t.endsWith('s') && !t.endsWith('ss') && !t.endsWith('us') && !t.endsWith('is')) return t.slice(0, -1);
  return t;
}

// Folding table for the Latin-1 and Latin Extended-A ranges: lower case, no accent; '' for separators.
const TABLE: string[] = (() => {
  const t: string[] = [];
  for (let c = 0; c < 0x180; c++) {
    const ch = String.fromCharCode(c);
    const f = fold(ch);
    t.push(/^[a-z0-9]+$/.test(f) ? f : '');
  }
  return t;
})();
const ELIDED = new Set(['l', 'd', 'j', 'm', 'n', 's', 't', 'c', 'qu', 'jusqu', 'lorsqu', 'puisqu']);
const isApostrophe = (c: number) => c === 39 || c === 0x2019 || c === 0x2018 || c === 96;

/**
 * Splits text into folded words in one pass (no regular expression on the hot path), removing
 * elisions (« l’aide » → « aide »). Characters outside Latin ranges that are letters or digits
 * are folded with `fold()`; everything else separates words.
 */
export function words(s: string): string[] {
  const out: string[] = [];
  // A word is a slice of `s` while its characters need no folding (a–z, 0–9); `built` takes over otherwise.
  let start = -1;
  let built: string | null = null;
  const end = (i: number): string => (built !== null ? built : s.slice(start, i));
  const flush = (i: number) => {
    if (start >= 0) out.push(end(i));
    start = -1;
    built = null;
  };
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
      if (start < 0) start = i;
      else if (built !== null) built += s[i];
      continue;
    }
    let f = '';
    if (c < 0x180) f = TABLE[c]!;
    else if (c >= 0x300 && c <= 0x36f) {
      // combining accent of a decomposed letter: dropped
      if (start >= 0 && built === null) built = s.slice(start, i);
      continue;
    }
    else if (!isApostrophe(c) && /[\p{L}\p{N}]/u.test(s[i]!)) f = fold(s[i]!);
    if (f) {
      if (start < 0) {
        start = i;
        built = f;
      } else built = (built !== null ? built : s.slice(start, i)) + f;
      continue;
    }
    if (isApostrophe(c) && start >= 0 && ELIDED.has(end(i))) {
      start = -1;
      built = null;
      continue;
    }
    flush(i);
  }
  flush(s.length);
  return out;
}

/** Analyses text into index terms: folded, elisions removed, stop words dropped, stemmed. */
export function analyze(s: string): string[] {
  const out: string[] = [];
  for (const w of words(s)) {
    if (STOP_WORDS.has(w) || (w.length < 2 && !(w >= '0' && w <= '9'))) continue;
    out.push(stem(w));
  }
  return out;
}

/** editDistance()'s rows, reused. */
let rows = new Int32Array(96);

/**
 * Restricted Damerau-Levenshtein distance (one transposition counts as one edit), with an upper
 * bound: returns `max + 1` as soon as the distance is known to exceed `max`.
 */
export function editDistance(a: string, b: string, max: number): number {
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > max) return max + 1;
  // three rows in one reused buffer (called for thousands of candidate terms per keystroke)
  const w = lb + 1;
  if (rows.length < 3 * w) rows = new Int32Array(6 * w);
  let prev2 = 0;
  let prev = w;
  let cur = 2 * w;
  for (let j = 0; j <= lb; j++) {
    rows[prev2 + j] = 0;
    rows[prev + j] = j;
    rows[cur + j] = 0;
  }
  for (let i = 1; i <= la; i++) {
    rows[cur] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= lb; j++) {
      const cb = b.charCodeAt(j - 1);
      let v = Math.min(rows[prev + j]! + 1, rows[cur + j - 1]! + 1, rows[prev + j - 1]! + (ca === cb ? 0 : 1));
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) v = Math.min(v, rows[prev2 + j - 2]! + 1);
      rows[cur + j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  return rows[prev + lb]!;
}
