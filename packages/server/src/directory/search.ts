/**
 * The directory search in SQL, with the semantics of the static engine (@relais/core ServiceIndex):
 * - words: French full text (`relais_fr`: french stemming, accents ignored), the last word as a prefix, typo
 *   tolerance through the lexicon (`pg_trgm` candidates kept within the static engine's edit distance), and the SDK's
 *   synonym table (phrases people type → taxonomy concepts the services carry); every word must match, else the
 *   services matching the most words (`relaxed`);
 * - a commune: its eligibility zones (commune, département, EPCI, France), 50 km around for on-site services,
 *   distances (earthdistance) and the distance sort; a point and radius; a map box; départements;
 * - filters: OR within a list, AND between lists; facets counted each without its own filter (true counts);
 * - paging with the true total.
 */
import { analyze, editDistance, isOpenAt, paging, taxonomySynonyms, DEFAULT_COMMUNE_RADIUS_KM, type Facets, type ResolvedPlace, type SearchItem, type SearchQuery, type Service, type Structure, type Synonym } from '@relais/core/headless';
import type { Queryable } from '../db/types.js';

/** Field weights of the full-text document as `ts_rank` takes them ({D, C, B, A}): description 0.4, place and labels 1.5, structure 2, service name 3 (÷ 3). */
const WEIGHTS = '{0.133,0.5,0.667,1}';
/** `ts_rank` of one occurrence of weight 1 is 0.6079: scaled so that a word of the service name scores 3, as in the static index. */
const RANK_SCALE = 3 / 0.6079271;
const EXACT = 1;
const PREFIX = 0.75;
const TYPO = 0.55;
/** `earth_distance` measures on a sphere of radius `earth()` (6 378 168 m); the SDK on one of 6 371 km. */
const KM = '(6371.0 / earth())';

/** A hit of the search: the stored records and the distance. */
export interface DirectoryHit {
  service: Service;
  structure: Structure | null;
  distance_km: number | null;
}

/** A page of results, in the shape of the REST contract's SearchPage. */
export interface DirectoryPage {
  items: DirectoryHit[];
  total: number;
  page: number;
  size: number;
  pages: number;
  facets: Facets;
  relaxed: boolean;
  unsupported: string[];
}

let synonymTable: Map<string, Synonym['concepts']> | null = null;
let maxPhrase = 1;
/** The SDK's synonyms, keyed by their analysed phrase (as TextIndex does). */
function synonyms(): Map<string, Synonym['concepts']> {
  if (!synonymTable) {
    synonymTable = new Map();
    for (const s of taxonomySynonyms()) {
      const key = analyze(s.phrase).join(' ');
      if (!key) continue;
      const merged = new Map(synonymTable.get(key) ?? []);
      for (const [c, w] of s.concepts) merged.set(c, Math.max(merged.get(c) ?? 0, w));
      synonymTable.set(key, [...merged]);
      maxPhrase = Math.max(maxPhrase, key.split(' ').length);
    }
  }
  return synonymTable;
}

interface WordClause {
  word: string;
  prefix: boolean;
}
interface Clause {
  /** The words, all required (a phrase of several words, or one word). */
  words: WordClause[];
  /** Concepts of a known phrase, with their strength. */
  concepts: ReadonlyArray<readonly [string, number]>;
}

/** The query's clauses: known phrases (longest first) become one clause with their concepts; other words one each. */
export function clauses(text: string): Clause[] {
  const table = synonyms();
  const ws = analyze(text);
  const out: Clause[] = [];
  for (let i = 0; i < ws.length; ) {
    let n = Math.min(maxPhrase, ws.length - i);
    for (; n >= 1; n--) {
      const concepts = table.get(ws.slice(i, i + n).join(' '));
      if (concepts) {
        out.push({ words: ws.slice(i, i + n).map((w, k) => ({ word: w, prefix: i + k === ws.length - 1 })), concepts });
        break;
      }
    }
    if (n >= 1) i += n;
    else {
      out.push({ words: [{ word: ws[i]!, prefix: i === ws.length - 1 }], concepts: [] });
      i++;
    }
  }
  return out;
}

/** What the lexicon says of each typed word: its stem, how many services contain it, its near words. */
interface WordInfo {
  stem: string | null;
  df: number;
  typos: Array<{ word: string; ndoc: number }>;
}

async function lookUpWords(db: Queryable, words: string[]): Promise<{ info: Map<string, WordInfo>; n: number }> {
  const rows = await db.query<{ w: string; stem: string | null; df: number | null; cands: Array<{ word: string; ndoc: number }> | null; n: number }>(
    `select q.w, st.stem, (select ndoc from directory_words where word = st.stem) as df,
       (select json_agg(json_build_object('word', d.word, 'ndoc', d.ndoc)) from directory_words d
         where length(st.stem) >= 4 and similarity(d.word, st.stem) >= 0.3 and d.word <> st.stem) as cands,
       (select count(*) from directory_services)::int as n
     from unnest($1::text[]) as q(w)
     left join lateral (select (tsvector_to_array(to_tsvector('relais_fr', q.w)))[1] as stem) st on true`,
    [words],
  );
  const info = new Map<string, WordInfo>();
  for (const r of rows) {
    const stem = r.stem;
    const max = stem && stem.length >= 8 ? 2 : 1;
    const typos = stem ? (r.cands ?? []).filter((c) => /^[a-z0-9]+$/.test(c.word) && editDistance(stem, c.word, max) <= max) : [];
    info.set(r.w, { stem, df: r.df ?? 0, typos });
  }
  return { info, n: rows[0]?.n ?? 0 };
}

/** Builds parameterised SQL: `p(value, type)` appends a parameter and returns `$n::type`. */
class Params {
  readonly values: unknown[] = [];
  private readonly refs: string[] = [];
  p(v: unknown, type: 'text' | 'text[]' | 'float8'): string {
    this.values.push(v);
    const ref = `$${this.values.length}::${type}`;
    this.refs.push(ref);
    return ref;
  }
  /**
   * A condition that is always true and names every parameter with its type: a statement that leaves some out
   * (the facet counts do not compute the score) would otherwise fail with « could not determine data type ».
   */
  anchor(): string {
    return this.refs.length ? `(row(${this.refs.join(', ')}) is null or true)` : 'true';
  }
}

interface TextSql {
  /** Boolean SQL of each clause. */
  matches: string[];
  /** Score SQL of the whole query. */
  score: string;
}

const idf = (n: number, df: number) => Math.log(1 + n / (df + 0.5));

/** The SQL of the typed words (null when the text has no searchable word). */
async function textSql(db: Queryable, text: string, ps: Params): Promise<TextSql | null> {
  const cs = clauses(text);
  if (!cs.length) return null;
  const { info, n } = await lookUpWords(db, [...new Set(cs.flatMap((c) => c.words.map((w) => w.word)))]);
  const conceptDf = new Map<string, number>();
  const allConcepts = [...new Set(cs.flatMap((c) => c.concepts.map(([k]) => k)))];
  if (allConcepts.length) {
    const rows = await db.query<{ c: string; df: number }>(
      `select c, (select count(*) from directory_services where concepts @> array[c])::int as df from unnest($1::text[]) as c`,
      [allConcepts],
    );
    for (const r of rows) conceptDf.set(r.c, r.df);
  }
  const wordSql = (w: WordClause): { match: string; score: string } | null => {
    const i = info.get(w.word);
    if (!i?.stem) return null;
    const weight = (q: string, f: number) => `${f * RANK_SCALE} * ts_rank('${WEIGHTS}', s.search, ${q}, 0)`;
    const exact = `to_tsquery('relais_fr', ${ps.p(w.word, 'text')})`;
    const parts = [weight(exact, EXACT)];
    const ors = [`s.search @@ ${exact}`];
    // the last word as a prefix (search as you type), others from 3 letters
    if (w.word.length >= 2 && (w.prefix || w.word.length >= 3)) {
      const pre = `to_tsquery('relais_fr', ${ps.p(w.word + ':*', 'text')})`;
      parts.push(weight(pre, PREFIX));
      ors.push(`s.search @@ ${pre}`);
    }
    // typo tolerance when the word is absent or rare (as the static engine)
    let df = i.df;
    if (i.df < 3 && i.typos.length) {
      const typo = `to_tsquery('simple', ${ps.p(i.typos.map((t) => t.word).join(' | '), 'text')})`;
      parts.push(weight(typo, TYPO));
      ors.push(`s.search @@ ${typo}`);
      df = Math.max(df, ...i.typos.map((t) => t.ndoc));
    }
    return { match: `(${ors.join(' or ')})`, score: `${idf(n, df)} * greatest(${parts.join(', ')})` };
  };
  const matches: string[] = [];
  const scores: string[] = [];
  for (const c of cs) {
    const words = c.words.map(wordSql);
    const known = words.filter((w): w is NonNullable<typeof w> => !!w);
    const allWords = known.length === c.words.length && known.length > 0 ? known : null;
    if (!c.concepts.length) {
      if (!allWords) continue; // a word the French dictionary drops (« aux », « été »…): not a clause
      matches.push(allWords[0]!.match);
      scores.push(`case when ${allWords[0]!.match} then ${allWords[0]!.score} else 0 end`);
      continue;
    }
    // a known phrase: the services carrying one of its concepts, or containing all its words
    const conceptMatch = `s.concepts && ${ps.p(c.concepts.map(([k]) => k), 'text[]')}`;
    const conceptScore = `greatest(${c.concepts
      .map(([k, strength]) => `case when s.concepts @> array[${ps.p(k, 'text')}] then ${strength * (k.startsWith('k:') ? 1.2 : 1) * idf(n, conceptDf.get(k) ?? 0)} else 0 end`)
      .join(', ')})`;
    const wordsMatch = allWords ? allWords.map((w) => w.match).join(' and ') : 'false';
    // the concept is what the phrase means: a service with it ranks above one that only repeats the words
    const wordsScore = allWords ? `least(${allWords.map((w) => w.score).join(' + ')}, 0.9 * ${conceptScore})` : '0';
    matches.push(`(${conceptMatch} or (${wordsMatch}))`);
    scores.push(`case when ${conceptMatch} then ${conceptScore} when ${wordsMatch} then ${wordsScore} else 0 end`);
  }
  if (!matches.length) return null;
  return { matches, score: scores.join(' + ') };
}

type FacetKey = 'thematiques' | 'publics' | 'types' | 'typologies' | 'modesAccueil' | 'frais';
const FACETS: readonly FacetKey[] = ['thematiques', 'publics', 'types', 'typologies', 'modesAccueil', 'frais'];

/** A search of the REST contract (the SDK's query; its sort `updated` is the contract's `tri=date_maj`, the most recently updated first). */
export type DirectoryQuery = SearchQuery;

/** Searches the directory. `place` is `query.commune` resolved by the gazetteer. */
export async function searchDirectory(db: Queryable, q: DirectoryQuery, place: ResolvedPlace | null): Promise<DirectoryPage> {
  const { page, pageSize } = paging({ page: q.page, pageSize: q.pageSize });
  const ps = new Params();
  // a service whose closure a moderator accepted stays in the table (history) but leaves the search
  const where: string[] = ['s.closed_at is null'];
  const text = q.text?.trim() ? await textSql(db, q.text, ps) : null;

  // the place, the box, the time and the départements always apply (they are not facets)
  const origin = q.near ? { lat: q.near.lat, lon: q.near.lon } : place ? { lat: place.lat, lon: place.lon } : null;
  const radius = q.near?.radiusKm ?? (place ? DEFAULT_COMMUNE_RADIUS_KM : undefined);
  const zones = q.commune ? [q.commune, place?.departement ?? q.commune.slice(0, q.commune.startsWith('97') ? 3 : 2), ...(place?.epci ? [place.epci] : []), 'france'] : null;
  if (zones) where.push(`(cardinality(s.zone_eligibilite) = 0 or s.zone_eligibilite && ${ps.p(zones, 'text[]')})`);
  let dist = 'null::float8';
  if (origin) {
    const here = `ll_to_earth(${ps.p(origin.lat, 'float8')}, ${ps.p(origin.lon, 'float8')})`;
    dist = `case when s.latitude is null or s.remote_only then null else earth_distance(ll_to_earth(s.latitude, s.longitude), ${here}) * ${KM} end`;
    if (radius !== undefined) {
      const r = ps.p(radius, 'float8');
      // three alternatives, each through an index (the earthdistance GiST index, the partial index of unplaced
      // services): remote services, placed services within the radius, unplaced services when a commune is given
      where.push(
        `(s.remote_only
           or (s.latitude is not null and earth_box(${here}, ${r} / ${KM}) @> ll_to_earth(s.latitude, s.longitude)
             and earth_distance(ll_to_earth(s.latitude, s.longitude), ${here}) * ${KM} <= ${r})${zones ? '\n           or s.latitude is null' : ''})`,
      );
    }
  }
  if (q.bbox) {
    const [w, s, e, n] = q.bbox;
    where.push(`(s.latitude between ${ps.p(s, 'float8')} and ${ps.p(n, 'float8')} and s.longitude between ${ps.p(w, 'float8')} and ${ps.p(e, 'float8')})`);
  }
  if (q.departements?.length) where.push(`s.departement = any(${ps.p([...q.departements], 'text[]')})`);

  // relaxed: when no service matches every clause, those matching the most (counted on the words alone, as the
  // static engine does, in a sub-query of the same statement)
  let hits = '0';
  const need = text?.matches.length ?? 0;
  if (text) {
    hits = text.matches.map((m) => `(${m})::int`).join(' + ');
    if (need > 1) where.push(`(${hits}) >= greatest(1, (select coalesce(max(${hits}), 0) from directory_services s where ${text.matches.join(' or ')}))`);
    else where.push(text.matches[0]!);
  }

  // opening hours are read by the SDK's parser: the services of the other filters, then the open ones by id
  if (q.openAt) {
    const at = new Date(q.openAt);
    const rows = await db.query<{ id: string; h: string | null }>(
      `select s.id, coalesce(s.data->>'horaires_accueil', st.data->>'horaires_accueil') as h
       from directory_services s left join directory_structures st on st.id = s.structure_id where ${[...where, ps.anchor()].join(' and ')}`,
      ps.values,
    );
    const open = rows.filter((r) => r.h && isOpenAt(r.h, at)).map((r) => r.id);
    where.push(`s.id = any(${ps.p(open, 'text[]')})`);
  }

  // facet filters: OR within a list, AND between lists; each facet is counted without its own filter
  const f: Partial<Record<FacetKey, string>> = {};
  const list = (k: FacetKey) => (q[k]?.length ? ps.p([...q[k]!], 'text[]') : null);
  let v: string | null;
  if ((v = list('thematiques'))) f.thematiques = `(s.thematiques && ${v} or s.categories && ${v})`;
  if ((v = list('publics'))) f.publics = `(s.publics && ${v} or 'tous-publics' = any(s.publics))`;
  if ((v = list('types'))) f.types = `s.type = any(${v})`;
  if ((v = list('typologies'))) f.typologies = `s.typologie = any(${v})`;
  if ((v = list('modesAccueil'))) f.modesAccueil = `s.modes_accueil && ${v}`;
  if ((v = list('frais'))) f.frais = `s.frais = any(${v})`;
  const pass = (except?: FacetKey) => FACETS.filter((k) => k !== except && f[k]).map((k) => `f_${k}`).join(' and ') || 'true';

  // the score is computed only where it is used (the page), not for the facet counts
  const base = (withScore: boolean) => `with m as (
    select s.id, s.structure_id, s.name_key, s.date_maj, s.thematiques, s.categories, s.publics, s.type, s.typologie, s.modes_accueil, s.frais,
      ${withScore && text ? text.score : '0'} as score, ${hits} as hits, ${withScore ? dist : 'null::float8'} as dist,
      ${FACETS.map((k) => `${f[k] ?? 'true'} as f_${k}`).join(', ')}
    from directory_services s
    where ${[...where, ps.anchor()].join(' and ')}
  )`;
  // a service open to `tous-publics` is a result of every public ticked: it counts for each (as the filter and the
  // static engine do)
  const facetSql = `${base(false)}
    select 'total' as f, null as v, count(*) filter (where ${pass()})::int as n from m
    union all select 'hits', null, min(m.hits) filter (where ${pass()})::int from m
    union all select 'thematiques', x, count(*)::int from m, unnest(m.thematiques) x where ${pass('thematiques')} group by x
    union all select 'categories', x, count(*)::int from m, unnest(m.categories) x where ${pass('thematiques')} group by x
    union all select 'publics', p.x, count(*)::int from m, (select public as x from directory_publics) p
      where (p.x = any(m.publics) or 'tous-publics' = any(m.publics)) and ${pass('publics')} group by p.x
    union all select 'types', m.type, count(*)::int from m where m.type is not null and ${pass('types')} group by m.type
    union all select 'typologies', m.typologie, count(*)::int from m where m.typologie is not null and ${pass('typologies')} group by m.typologie
    union all select 'modesAccueil', x, count(*)::int from m, unnest(m.modes_accueil) x where ${pass('modesAccueil')} group by x
    union all select 'frais', m.frais, count(*)::int from m where m.frais is not null and ${pass('frais')} group by m.frais`;

  const sort = q.sort ?? (text ? 'relevance' : origin ? 'distance' : 'name');
  const order =
    sort === 'relevance' && text
      ? 'round(m.score::numeric, 3) desc, m.dist asc nulls last, m.name_key, m.id'
      : sort === 'distance' && origin
        ? 'm.dist asc nulls last, m.name_key, m.id'
        : sort === 'updated'
          ? 'm.date_maj desc, m.name_key, m.id'
          : 'm.name_key, m.id';
  const itemSql = `${base(true)}
    select sv.data as service, st.data as structure, m.dist
    from m join directory_services sv on sv.id = m.id left join directory_structures st on st.id = m.structure_id
    where ${pass()}
    order by ${order}
    limit ${pageSize} offset ${(page - 1) * pageSize}`;

  const [facetRows, itemRows] = await Promise.all([
    db.query<{ f: string; v: string | null; n: number }>(facetSql, ps.values),
    db.query<{ service: Service; structure: Structure | null; dist: number | null }>(itemSql, ps.values),
  ]);
  const facets: Facets = { thematiques: {}, categories: {}, publics: {}, types: {}, typologies: {}, modesAccueil: {}, frais: {} };
  let total = 0;
  let relaxed = false;
  for (const r of facetRows) {
    if (r.f === 'total') total = r.n;
    else if (r.f === 'hits') relaxed = need > 1 && r.n !== null && r.n < need;
    else facets[r.f as keyof Facets][r.v!] = r.n;
  }
  const items: SearchItem[] = itemRows.map((r) => ({ service: r.service, structure: r.structure, distanceKm: r.dist === null ? null : Math.round(r.dist * 10) / 10 }));
  return {
    items: items.map((i) => ({ service: i.service, structure: i.structure, distance_km: i.distanceKm })),
    total,
    page,
    size: pageSize,
    pages: Math.ceil(total / pageSize),
    facets,
    relaxed,
    unsupported: [],
  };
}

/** One service and its structure, or null. */
export async function getService(db: Queryable, id: string): Promise<{ service: Service; structure: Structure | null } | null> {
  const [r] = await db.query<{ service: Service; structure: Structure | null }>(
    'select s.data as service, st.data as structure from directory_services s left join directory_structures st on st.id = s.structure_id where s.id = $1 and s.closed_at is null',
    [id],
  );
  return r ?? null;
}
