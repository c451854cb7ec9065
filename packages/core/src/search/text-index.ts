/**
 * A compact inverted index for French full-text search with prefix and typo tolerance and
 * synonym concepts. Written for this SDK and chosen by measurement against minisearch,
 * flexsearch and fuse.js (see bench/README.md).
 *
 * - Terms come from `analyze()` (folded, elisions, stop words, light stemming).
 * - Each document may also carry "concepts" (taxonomy values), indexed as `~value` terms that
 *   no typed word can reach directly; a synonym table maps phrases people type to concepts.
 * - Postings are typed arrays; a query is a list of clauses that must all match (AND), each
 *   clause being the best of its alternatives (exact term, prefix, typo, concept).
 */
import { analyze, editDistance } from '../text/analyze.js';

/** Receives the fields of a document with their weights. */
export type EmitText = (text: string | null | undefined, weight: number) => void;
/** Receives the concepts of a document with their weights. */
export type EmitConcept = (concept: string, weight: number) => void;

/** Phrase → concepts, and how strongly each concept stands for the phrase (0–1). */
export interface Synonym {
  phrase: string;
  concepts: ReadonlyArray<readonly [concept: string, strength: number]>;
}

/** Scores of a query over the documents. */
export interface TextMatch {
  /** Matching document ids, in no particular order. */
  docs: Uint32Array;
  /** Score by document id (0 for non-matching documents). */
  scores: Float32Array;
  /** True when no document matched every word and the best partial matches are returned instead. */
  relaxed: boolean;
}

const EXACT = 1;
const PREFIX = 0.75;
const TYPO = 0.55;
const MAX_PREFIX_TERMS = 400;

interface Alternative {
  term: number;
  factor: number;
}

/**
 * What a built index holds, ready-made (`TextIndex.toSnapshot()`, written by the prebuilt index, search/prebuilt.ts):
 * the terms and the postings in compressed sparse rows. Restoring it needs no analysis of the documents.
 */
export interface TextIndexSnapshot {
  size: number;
  /** Term strings by id (`~value` for concepts). */
  terms: string[];
  /** Term ids in the order of their strings. */
  sorted: Uint32Array;
  /** Term t's postings are postDocs/postWeights[offsets[t] .. offsets[t + 1]], documents in increasing order. */
  offsets: Uint32Array;
  postDocs: Uint32Array;
  postWeights: Float32Array;
  idf: Float32Array;
  /** Analysed phrase → concepts. */
  synonyms: Array<[phrase: string, concepts: Array<[concept: string, strength: number]>]>;
  maxPhrase: number;
}

/** Builds and queries the index. */
export class TextIndex {
  readonly size: number;
  private readonly termIds = new Map<string, number>();
  private terms: string[] = [];
  private sorted: Uint32Array = new Uint32Array(0);
  /** Postings in compressed sparse rows: term t's documents are docs[offsets[t] .. offsets[t + 1]]. */
  private offsets: Uint32Array = new Uint32Array(1);
  private postDocs: Uint32Array = new Uint32Array(0);
  private postWeights: Float32Array = new Float32Array(0);
  private idf: Float32Array = new Float32Array(0);
  private byFirst = new Map<string, number[]>();
  private readonly synonyms = new Map<string, Synonym['concepts']>();
  private maxPhrase = 1;

  /**
   * Builds the index of `size` documents, or restores one from its snapshot (`TextIndex.fromSnapshot`).
   * @param size number of documents (ids 0..size-1), or a snapshot
   * @param fields calls `emit` with each text of a document and its weight
   * @param concepts calls `emit` with each taxonomy value of a document and its weight
   */
  constructor(
    size: number | TextIndexSnapshot,
    fields: (doc: number, emit: EmitText) => void = () => undefined,
    concepts: (doc: number, emit: EmitConcept) => void = () => undefined,
    synonyms: readonly Synonym[] = [],
  ) {
    if (typeof size === 'number') {
      this.size = size;
      this.build(size, fields, concepts, synonyms);
    } else {
      this.size = size.size;
      this.restore(size);
    }
  }

  /** Restores an index from `toSnapshot()`: no document is analysed. The arrays are used as they are, not copied. */
  static fromSnapshot(snapshot: TextIndexSnapshot): TextIndex {
    return new TextIndex(snapshot);
  }

  /** The built index, ready-made (the arrays themselves, not copies). */
  toSnapshot(): TextIndexSnapshot {
    const synonyms = [...this.synonyms].map(([k, cs]) => [k, cs.map(([c, w]) => [c, w] as [string, number])] as [string, Array<[string, number]>]);
    return { size: this.size, terms: this.terms, sorted: this.sorted, offsets: this.offsets, postDocs: this.postDocs, postWeights: this.postWeights, idf: this.idf, synonyms, maxPhrase: this.maxPhrase };
  }

  private restore(s: TextIndexSnapshot): void {
    const n = s.terms.length;
    if (s.offsets.length !== n + 1 || s.sorted.length !== n || s.idf.length !== n || s.postDocs.length !== s.postWeights.length || s.offsets[n] !== s.postDocs.length) {
      throw new RangeError('TextIndex snapshot: inconsistent arrays');
    }
    this.terms = s.terms;
    for (let i = 0; i < n; i++) this.termIds.set(s.terms[i]!, i);
    this.sorted = s.sorted;
    this.offsets = s.offsets;
    this.postDocs = s.postDocs;
    this.postWeights = s.postWeights;
    this.idf = s.idf;
    this.indexFirstLetters();
    for (const [k, cs] of s.synonyms) this.synonyms.set(k, cs);
    this.maxPhrase = s.maxPhrase;
  }

  /** Term ids by first letter (concepts left out), for typo matching. */
  private indexFirstLetters(): void {
    for (let i = 0; i < this.terms.length; i++) {
      const t = this.terms[i]!;
      if (t.startsWith('~')) continue;
      const k = t[0]!;
      let b = this.byFirst.get(k);
      if (!b) this.byFirst.set(k, (b = []));
      b.push(i);
    }
  }

  private build(size: number, fields: (doc: number, emit: EmitText) => void, concepts: (doc: number, emit: EmitConcept) => void, synonyms: readonly Synonym[]): void {
    // Pass 1: (term, doc, weight) triples in growable typed arrays; one triple per term and document.
    let cap = 1 << 16;
    let tTerm = new Uint32Array(cap);
    let tDoc = new Uint32Array(cap);
    let tW = new Float32Array(cap);
    let count = 0;
    let lastDoc = new Int32Array(1 << 12).fill(-1);
    let lastSlot = new Uint32Array(1 << 12);
    const idOf = (t: string): number => {
      let id = this.termIds.get(t);
      if (id === undefined) {
        id = this.terms.length;
        this.termIds.set(t, id);
        this.terms.push(t);
        if (id >= lastDoc.length) {
          const ld = new Int32Array(lastDoc.length * 2).fill(-1);
          ld.set(lastDoc);
          lastDoc = ld;
          const ls = new Uint32Array(lastSlot.length * 2);
          ls.set(lastSlot);
          lastSlot = ls;
        }
      }
      return id;
    };
    const add = (id: number, d: number, weight: number, concept: boolean) => {
      if (lastDoc[id] === d) {
        const k = lastSlot[id]!;
        const prev = tW[k]!;
        // Repeated words add a little, the field weight dominates; concepts keep their strongest weight.
        tW[k] = concept ? Math.max(prev, weight) : Math.max(prev, weight) + 0.1 * Math.min(prev, weight);
        return;
      }
      if (count === cap) {
        cap *= 2;
        const a = new Uint32Array(cap);
        a.set(tTerm);
        tTerm = a;
        const b = new Uint32Array(cap);
        b.set(tDoc);
        tDoc = b;
        const c = new Float32Array(cap);
        c.set(tW);
        tW = c;
      }
      tTerm[count] = id;
      tDoc[count] = d;
      tW[count] = weight;
      lastDoc[id] = d;
      lastSlot[id] = count;
      count++;
    };
    // Short texts (names, labels, communes) repeat across documents: analyse each once, keep term ids.
    const shortTexts = new Map<string, number[]>();
    let d = 0;
    const emitText = (text: string | null | undefined, weight: number): void => {
      if (!text) return;
      if (text.length < 100) {
        let ids = shortTexts.get(text);
        if (!ids) {
          ids = analyze(text).map(idOf);
          shortTexts.set(text, ids);
        }
        for (let k = 0; k < ids.length; k++) add(ids[k]!, d, weight, false);
      } else {
        const ts = analyze(text);
        for (let k = 0; k < ts.length; k++) add(idOf(ts[k]!), d, weight, false);
      }
    };
    const conceptIds = new Map<string, number>();
    const emitConcept = (c: string, weight: number): void => {
      let id = conceptIds.get(c);
      if (id === undefined) conceptIds.set(c, (id = idOf('~' + c)));
      add(id, d, weight, true);
    };
    for (d = 0; d < size; d++) {
      fields(d, emitText);
      concepts(d, emitConcept);
    }
    // Pass 2: counting sort of the triples by term (documents stay in increasing order).
    const nTerms = this.terms.length;
    const offsets = new Uint32Array(nTerms + 1);
    for (let k = 0; k < count; k++) offsets[tTerm[k]! + 1]!++;
    for (let t = 0; t < nTerms; t++) offsets[t + 1]! += offsets[t]!;
    const fill = offsets.slice(0, nTerms);
    const docs = new Uint32Array(count);
    const weights = new Float32Array(count);
    for (let k = 0; k < count; k++) {
      const p = fill[tTerm[k]!]!++;
      docs[p] = tDoc[k]!;
      weights[p] = tW[k]!;
    }
    this.offsets = offsets;
    this.postDocs = docs;
    this.postWeights = weights;
    this.idf = new Float32Array(nTerms);
    for (let t = 0; t < nTerms; t++) this.idf[t] = Math.log(1 + size / (offsets[t + 1]! - offsets[t]! + 0.5));
    const order = this.terms.map((_, i) => i).sort((a, b) => (this.terms[a]! < this.terms[b]! ? -1 : 1));
    this.sorted = Uint32Array.from(order);
    this.indexFirstLetters();
    for (const s of synonyms) {
      const key = analyze(s.phrase).join(' ');
      if (!key) continue;
      const prev = this.synonyms.get(key) ?? [];
      const merged = new Map<string, number>(prev.map(([c, w]) => [c, w]));
      for (const [c, w] of s.concepts) merged.set(c, Math.max(merged.get(c) ?? 0, w));
      this.synonyms.set(key, [...merged]);
      this.maxPhrase = Math.max(this.maxPhrase, key.split(' ').length);
    }
  }

  /** Number of distinct terms (including concepts). */
  get termCount(): number {
    return this.terms.length;
  }

  private prefixTerms(p: string): number[] {
    // binary search for the first term >= p
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.terms[this.sorted[mid]!]! < p) lo = mid + 1;
      else hi = mid;
    }
    const out: number[] = [];
    for (let i = lo; i < this.sorted.length && out.length < MAX_PREFIX_TERMS; i++) {
      const id = this.sorted[i]!;
      if (!this.terms[id]!.startsWith(p)) break;
      out.push(id);
    }
    return out;
  }

  private typoTerms(t: string): number[] {
    if (t.length < 4) return [];
    const max = t.length >= 8 ? 2 : 1;
    const out: number[] = [];
    const bucket = this.byFirst.get(t[0]!) ?? [];
    for (const id of bucket) {
      const cand = this.terms[id]!;
      if (Math.abs(cand.length - t.length) > max || cand === t) continue;
      if (editDistance(t, cand, max) <= max) out.push(id);
    }
    return out;
  }

  /** Alternatives for one analysed query word. `last` enables prefix matching (typing). */
  private wordAlternatives(w: string, last: boolean): Alternative[] {
    const alts = new Map<number, number>();
    const exact = this.termIds.get(w);
    if (exact !== undefined) alts.set(exact, EXACT);
    if (w.length >= 2 && (last || w.length >= 3)) {
      for (const id of this.prefixTerms(w)) if (!alts.has(id)) alts.set(id, PREFIX);
    }
    if (exact === undefined || this.df(exact) < 3) {
      for (const id of this.typoTerms(w)) if (!alts.has(id)) alts.set(id, TYPO);
      // An unstemmed or differently stemmed form ("maisons" typed as "maison")
    }
    return [...alts].map(([term, factor]) => ({ term, factor }));
  }

  /**
   * Turns the query into clauses: each clause is a list of alternatives of which a document
   * must match at least one. Known phrases ("maison de retraite") become one clause whose
   * alternatives are their concepts plus, for one-word phrases, the word itself.
   */
  private clauses(query: string, prefixLast: boolean): Array<{ alts: Alternative[]; all?: Alternative[][] }> {
    const ws = analyze(query);
    const out: Array<{ alts: Alternative[]; all?: Alternative[][] }> = [];
    for (let i = 0; i < ws.length; ) {
      let matched = 0;
      for (let n = Math.min(this.maxPhrase, ws.length - i); n >= 1; n--) {
        const key = ws.slice(i, i + n).join(' ');
        const concepts = this.synonyms.get(key);
        if (!concepts) continue;
        const alts: Alternative[] = [];
        for (const [c, strength] of concepts) {
          const id = this.termIds.get('~' + c);
          if (id !== undefined) alts.push({ term: id, factor: strength });
        }
        // The words of the phrase themselves, all required, also satisfy the clause.
        const all = ws.slice(i, i + n).map((w, k) => this.wordAlternatives(w, prefixLast && i + k === ws.length - 1));
        out.push({ alts, all });
        matched = n;
        break;
      }
      if (matched) {
        i += matched;
        continue;
      }
      const w = ws[i]!;
      out.push({ alts: this.wordAlternatives(w, prefixLast && i === ws.length - 1) });
      i++;
    }
    return out;
  }

  private df(term: number): number {
    return this.offsets[term + 1]! - this.offsets[term]!;
  }

  /**
   * Query buffers, one per document, allocated on the first search and reused (derived from nothing stored: a
   * snapshot of the index needs no new field). Every search leaves them zeroed: it clears only what it touched.
   */
  private buffers: { clause: Float32Array; inter: Float32Array; word: Float32Array; hits: Uint8Array; clauseDocs: Uint32Array; interDocs: Uint32Array; wordDocs: Uint32Array; matchDocs: Uint32Array } | null = null;

  /**
   * Scores the alternatives into `into` (each document keeps its best alternative) and appends the documents it
   * scores for the first time to `list` from `len`; returns the new length. Only the postings are visited.
   */
  private scoreAlts(alts: Alternative[], into: Float32Array, list: Uint32Array, len: number): number {
    const docs = this.postDocs;
    const ws = this.postWeights;
    for (const { term, factor } of alts) {
      const f = factor * this.idf[term]!;
      const end = this.offsets[term + 1]!;
      for (let k = this.offsets[term]!; k < end; k++) {
        const s = ws[k]! * f;
        const d = docs[k]!;
        const prev = into[d]!;
        if (s > prev) {
          if (prev === 0) list[len++] = d;
          into[d] = s;
        }
      }
    }
    return len;
  }

  /**
   * Searches. Returns null for an empty query (no words): the caller then keeps every document.
   * The work is proportional to the postings of the query's terms, not to the number of documents.
   * @param prefixLast treat the last word as a prefix (search-as-you-type)
   */
  search(query: string, prefixLast = true): TextMatch | null {
    const clauses = this.clauses(query, prefixLast);
    if (clauses.length === 0) return null;
    const n = this.size;
    const b = (this.buffers ??= {
      clause: new Float32Array(n),
      inter: new Float32Array(n),
      word: new Float32Array(n),
      hits: new Uint8Array(n),
      clauseDocs: new Uint32Array(n),
      interDocs: new Uint32Array(n),
      wordDocs: new Uint32Array(n),
      matchDocs: new Uint32Array(n),
    });
    const { clause: s, inter, word, hits, clauseDocs, interDocs, wordDocs, matchDocs } = b;
    const total = new Float32Array(n);
    // documents with at least one clause, in the order first met
    let mLen = 0;
    for (const c of clauses) {
      let sLen = this.scoreAlts(c.alts, s, clauseDocs, 0);
      if (c.all && c.all.length > 0) {
        // documents containing every word of the phrase
        let iLen = this.scoreAlts(c.all[0]!, inter, interDocs, 0);
        for (let w = 1; w < c.all.length; w++) {
          const wLen = this.scoreAlts(c.all[w]!, word, wordDocs, 0);
          let keep = 0;
          for (let k = 0; k < iLen; k++) {
            const d = interDocs[k]!;
            const v = word[d]!;
            if (v > 0) {
              inter[d] = inter[d]! + v;
              interDocs[keep++] = d;
            } else inter[d] = 0;
          }
          iLen = keep;
          for (let k = 0; k < wLen; k++) word[wordDocs[k]!] = 0;
        }
        // The concept is what the phrase means: a document that has it is fully relevant, whatever its text
        // repeats (otherwise, among 2 845 France services, the one whose note says « CNI » outranks the nearest).
        // The words count for documents without the concept, below the best documents with it.
        let best = 0;
        for (let k = 0; k < sLen; k++) if (s[clauseDocs[k]!]! > best) best = s[clauseDocs[k]!]!;
        for (let k = 0; k < iLen; k++) {
          const d = interDocs[k]!;
          const v = inter[d]!;
          inter[d] = 0;
          if (s[d] === 0 && v > 0) {
            s[d] = best > 0 ? Math.min(v, 0.9 * best) : v;
            clauseDocs[sLen++] = d;
          }
        }
      }
      for (let k = 0; k < sLen; k++) {
        const d = clauseDocs[k]!;
        const v = s[d]!;
        s[d] = 0;
        if (v > 0) {
          if (hits[d] === 0) matchDocs[mLen++] = d;
          total[d] = total[d]! + v;
          hits[d] = hits[d]! + 1;
        }
      }
    }
    const need = clauses.length;
    let count = 0;
    for (let k = 0; k < mLen; k++) if (hits[matchDocs[k]!] === need) count++;
    let relaxed = false;
    let min = need;
    if (count === 0 && need > 1 && mLen > 0) {
      // No document has every word: keep those that have the most.
      relaxed = true;
      min = 0;
      for (let k = 0; k < mLen; k++) if (hits[matchDocs[k]!]! > min) min = hits[matchDocs[k]!]!;
      for (let k = 0; k < mLen; k++) if (hits[matchDocs[k]!]! >= min) count++;
    } else if (count === 0 && need > 1) relaxed = true;
    const docs = new Uint32Array(count);
    let j = 0;
    if (mLen > n >>> 4) {
      // many matches: one pass over the documents gives them in increasing order
      for (let d = 0; d < n; d++) if (hits[d]! >= min) docs[j++] = d;
    } else {
      for (let k = 0; k < mLen; k++) if (hits[matchDocs[k]!]! >= min) docs[j++] = matchDocs[k]!;
      docs.sort();
    }
    for (let k = 0; k < mLen; k++) hits[matchDocs[k]!] = 0;
    return { docs, scores: total, relaxed };
  }
}
