/**
 * `GET /indicateurs`: the aggregates of a period, with statistical secrecy.
 *
 * - Primary rule: a cell counting fewer than k events (0 included) is published as `{ masque: true }`, never its
 *   count; a derived cell too (`sans_resultat` is masked when below k even if `recherches` is shown).
 * - Subtraction rule (secondary suppression): cells whose sum is published, or can be deduced, form a group; a group
 *   never has exactly one masked cell, otherwise « total − the shown cells » would give it back. When it has one, the
 *   smallest shown cell of the group (then the first by key) is masked too. Groups: for each besoin, its
 *   `recherches` over the zones of `besoins_non_couverts` (total: `besoins[].recherches`), and its `sans_resultat`
 *   likewise; for each aide, its counts over the four statuses (every run returns every aide, so the number of runs,
 *   deducible from a fully shown aide, is the total); each `parcours` row (a_temps + en_retard = views of the pathway,
 *   deducible from another step of the same pathway). A `fiches` row is no group: a sheet queued then sent counts in
 *   both cells, their sum is no population.
 * - Order: by shown count, masked cells as 0, then by key: the order never hints at a masked value.
 */
import { departementName, epciName, loadChunk, DEPARTEMENT_CODES, type Count, type EligibilityStatus, type Indicators as Published, type Zone } from '@relais/core/headless';
import type { Queryable } from '../db/types.js';
import type { Logger } from '../http/types.js';
import type { CellKind } from './events.js';

/** A cell while the report is built. */
interface Cell {
  n: number;
  masked: boolean;
}
const cell = (n: number, k: number): Cell => ({ n, masked: n < k });
const out = (c: Cell): Count => (c.masked ? { masque: true } : { n: c.n });

/**
 * The subtraction rule on one group of cells whose sum is published or deducible: when exactly one cell is masked,
 * the smallest shown one is masked too (ties: the first in the given order).
 */
export function protectGroup(cells: readonly Cell[]): void {
  if (cells.filter((c) => c.masked).length !== 1) return;
  let smallest: Cell | null = null;
  for (const c of cells) if (!c.masked && (!smallest || c.n < smallest.n)) smallest = c;
  if (smallest) smallest.masked = true;
}

const STATUSES: readonly EligibilityStatus[] = ['eligible', 'probable', 'unknown', 'not_eligible'];

/**
 * The response of `GET /indicateurs`: the contract's `Indicators` (@relais/core) with the parts it leaves optional
 * always there (the directory's freshness, the contributions per organisation).
 */
export interface Indicators extends Omit<Published, 'fraicheur' | 'contributions'> {
  fraicheur: Required<NonNullable<Published['fraicheur']>>;
  contributions: Array<Required<NonNullable<Published['contributions']>[number]>>;
}

let epciDeps: Promise<Map<string, string>> | null = null;
/**
 * The département of each EPCI, from the commune data of @relais/core: the one where most of its inhabitants live
 * (the data has no seat; an EPCI across two départements is counted in the one of its majority, in practice the one
 * of its seat). Built once per process (≈ 35 000 communes).
 */
export function epciDepartements(): Promise<Map<string, string>> {
  epciDeps ??= (async () => {
    const pop = new Map<string, Map<string, number>>();
    for (const dep of DEPARTEMENT_CODES) {
      for (const c of await loadChunk(dep)) {
        if (!c.epci || c.parent) continue;
        const m = pop.get(c.epci) ?? new Map<string, number>();
        m.set(dep, (m.get(dep) ?? 0) + Math.max(1, c.population));
        pop.set(c.epci, m);
      }
    }
    const out = new Map<string, string>();
    for (const [epci, m] of pop) out.set(epci, [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0]);
    return out;
  })();
  return epciDeps;
}

const byShown = <T>(get: (r: T) => Cell, key: (r: T) => string) => (a: T, b: T) => {
  const va = get(a).masked ? 0 : get(a).n;
  const vb = get(b).masked ? 0 : get(b).n;
  return vb - va || (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
};

/** What `buildIndicators` needs. */
export interface ReportQuery {
  du: string;
  au: string;
  departement?: string | undefined;
  k: number;
  /** Today (`YYYY-MM-DD`), for the freshness of the directory. */
  today: string;
  log: Logger;
}

/** Reads the counts of the period and builds the published indicators. */
export async function buildIndicators(db: Queryable, q: ReportQuery): Promise<Indicators> {
  const { k } = q;
  const rows = await db.query<{ kind: CellKind; dims: Record<string, string | boolean>; n: number }>(
    'select kind, dims, sum(n)::bigint as n from indicator_counts where day between $1::date and $2::date group by kind, dims',
    [q.du, q.au],
  );
  const deps = q.departement ? await epciDepartements() : null;
  const inDep = (d: Record<string, string | boolean>): boolean => {
    if (!q.departement) return true;
    if (d.niveau === 'departement') return d.code === q.departement;
    if (d.niveau === 'epci') return deps!.get(String(d.code)) === q.departement;
    return false;
  };

  // sums per published key
  const add = (m: Map<string, number>, key: string, n: number) => m.set(key, (m.get(key) ?? 0) + Number(n));
  const search = new Map<string, number>(); // besoin|niveau|code|0/1
  const follow = new Map<string, number>(); // aide
  const elig = new Map<string, number>(); // aide|statut
  const sheets = new Map<string, number>(); // modele|destinataire|etat
  const steps = new Map<string, number>(); // modele|etape|statut
  for (const r of rows) {
    const d = r.dims;
    switch (r.kind) {
      case 'recherche':
        if (inDep(d)) add(search, JSON.stringify([d.besoin, d.niveau, d.code, d.sans_resultat === true]), r.n);
        break;
      case 'suivi':
        if (inDep(d)) add(follow, String(d.aide), r.n);
        break;
      case 'eligibilite':
        if (inDep(d)) add(elig, JSON.stringify([d.aide, d.statut]), r.n);
        break;
      case 'fiche':
        add(sheets, JSON.stringify([d.modele, d.destinataire, d.etat]), r.n);
        break;
      case 'parcours':
        add(steps, JSON.stringify([d.modele, d.etape, d.statut]), r.n);
        break;
    }
  }

  // searches: per besoin × zone, and per besoin
  const zoneRows = new Map<string, { besoin: string; niveau: string; code: string; all: number; zero: number }>();
  for (const [key, n] of search) {
    const [besoin, niveau, code, zero] = JSON.parse(key) as [string, string, string, boolean];
    const zk = JSON.stringify([besoin, niveau, code]);
    const z = zoneRows.get(zk) ?? { besoin, niveau, code, all: 0, zero: 0 };
    z.all += n;
    if (zero) z.zero += n;
    zoneRows.set(zk, z);
  }
  const perBesoin = new Map<string, { besoin: string; recherches: Cell; sans_resultat: Cell; zones: Array<{ niveau: string; code: string; recherches: Cell; sans_resultat: Cell }> }>();
  for (const z of zoneRows.values()) {
    const b = perBesoin.get(z.besoin) ?? { besoin: z.besoin, recherches: cell(0, k), sans_resultat: cell(0, k), zones: [] };
    b.zones.push({ niveau: z.niveau, code: z.code, recherches: cell(z.all, k), sans_resultat: cell(z.zero, k) });
    perBesoin.set(z.besoin, b);
  }
  for (const b of perBesoin.values()) {
    b.zones.sort((x, y) => (x.niveau + x.code < y.niveau + y.code ? -1 : 1));
    b.recherches = cell(b.zones.reduce((s, z) => s + z.recherches.n, 0), k);
    b.sans_resultat = cell(b.zones.reduce((s, z) => s + z.sans_resultat.n, 0), k);
    // the totals are published: the zones of a besoin never hide exactly one cell
    if (!b.recherches.masked) protectGroup(b.zones.map((z) => z.recherches));
    if (!b.sans_resultat.masked) protectGroup(b.zones.map((z) => z.sans_resultat));
  }
  const names = new Map<string, string | undefined>();
  const zoneOf = async (niveau: string, code: string): Promise<Zone> => {
    if (niveau === 'aucune') return { niveau: 'aucune' };
    const key = `${niveau}|${code}`;
    if (!names.has(key)) names.set(key, niveau === 'epci' ? await epciName(code) : departementName(code));
    const nom = names.get(key);
    return { niveau: niveau as Zone['niveau'], code, ...(nom ? { nom } : {}) };
  };
  const flat = [...perBesoin.values()].flatMap((b) => b.zones.map((z) => ({ besoin: b.besoin, ...z })));
  flat.sort(byShown((r) => r.sans_resultat, (r) => `${r.besoin}|${r.niveau}|${r.code}`));
  const besoins_non_couverts: Indicators['besoins_non_couverts'] = [];
  for (const r of flat) besoins_non_couverts.push({ besoin: r.besoin, zone: await zoneOf(r.niveau, r.code), recherches: out(r.recherches), sans_resultat: out(r.sans_resultat) });
  const besoins = [...perBesoin.values()]
    .sort(byShown((b) => b.recherches, (b) => b.besoin))
    .map((b) => ({ besoin: b.besoin, recherches: out(b.recherches), sans_resultat: out(b.sans_resultat) }));

  // eligibility: the four statuses of every aide seen, and the searches that followed a result of the aide
  const aides = new Set<string>();
  for (const key of elig.keys()) aides.add((JSON.parse(key) as [string])[0]);
  for (const aide of follow.keys()) aides.add(aide);
  const eligRows: Array<{ aide: string; statut: EligibilityStatus; n: Cell; suivis: Cell }> = [];
  for (const aide of [...aides].sort()) {
    const group = STATUSES.map((statut) => ({ aide, statut, n: cell(elig.get(JSON.stringify([aide, statut])) ?? 0, k), suivis: cell(0, k) }));
    protectGroup(group.map((g) => g.n));
    // a search follows an « eligible » or « probable » result: the count of the aide on both rows (not to be added)
    const f = follow.get(aide) ?? 0;
    for (const g of group) g.suivis = cell(g.statut === 'eligible' || g.statut === 'probable' ? f : 0, k);
    eligRows.push(...group);
  }
  const eligibilite = eligRows.map((r) => ({ aide: r.aide, statut: r.statut, n: out(r.n), suivis_d_une_recherche: out(r.suivis) }));

  // liaison sheets and pathway steps (each pathway row is a group)
  const pairs = <A extends string, B extends string>(m: Map<string, number>, a: A, b: B, grouped: boolean) => {
    const rowsOf = new Map<string, { x: string; y: string; cells: Record<string, Cell> }>();
    for (const [key, n] of m) {
      const [x, y, s] = JSON.parse(key) as [string, string, string];
      const rk = JSON.stringify([x, y]);
      const r = rowsOf.get(rk) ?? { x, y, cells: { [a]: cell(0, k), [b]: cell(0, k) } };
      r.cells[s] = cell(n, k);
      rowsOf.set(rk, r);
    }
    const list = [...rowsOf.values()].sort((p, q2) => (p.x + '|' + p.y < q2.x + '|' + q2.y ? -1 : 1));
    if (grouped) for (const r of list) protectGroup([r.cells[a]!, r.cells[b]!]);
    return list;
  };
  const fiches = pairs(sheets, 'envoyee', 'en_attente', false).map((r) => ({ modele: r.x, destinataire: r.y, envoyees: out(r.cells.envoyee!), en_attente: out(r.cells.en_attente!) }));
  const parcours = pairs(steps, 'a_temps', 'en_retard', true).map((r) => ({ modele: r.x, etape: r.y, a_temps: out(r.cells.a_temps!), en_retard: out(r.cells.en_retard!) }));

  // freshness of the directory (its state today, not events)
  const [fresh] = await db.query<{ services: number; a_verifier: number }>(
    `select count(*)::bigint as services, count(*) filter (where date_maj < ($1::date - interval '12 months'))::bigint as a_verifier
       from directory_services where ($2::text is null or departement = $2::text)`,
    [q.today, q.departement ?? null],
  );

  return {
    k,
    du: q.du,
    au: q.au,
    besoins_non_couverts,
    besoins,
    eligibilite,
    fiches,
    parcours,
    fraicheur: { services: Number(fresh?.services ?? 0), a_verifier: Number(fresh?.a_verifier ?? 0) },
    contributions: await contributions(db, q),
  };
}

/**
 * Contributions per organisation, when the contributions module (issue 19, table `contrib_counts`) is installed: its
 * running totals (not per period); `[]` without it.
 */
async function contributions(db: Queryable, q: ReportQuery): Promise<Indicators['contributions']> {
  const [t] = await db.query<{ t: string | null }>(`select to_regclass('contrib_counts')::text as t`);
  if (!t?.t) return [];
  try {
    const rows = await db.query<{ structure_id: string; structure_nom: string | null; suggestions: number; acceptees: number; confirmations: number }>(
      `select c.structure_id, max(s.nom) as structure_nom, sum(c.suggestions)::bigint as suggestions, sum(c.acceptees)::bigint as acceptees,
              sum(c.confirmations)::bigint as confirmations
         from contrib_counts c left join directory_structures s on s.id = c.structure_id
        where ($1::text is null or c.departement = $1::text)
        group by c.structure_id
        order by sum(c.suggestions) desc, c.structure_id`,
      [q.departement ?? null],
    );
    return rows.map((r) => ({ structure_id: r.structure_id, structure_nom: r.structure_nom ?? '', suggestions: Number(r.suggestions), acceptees: Number(r.acceptees), confirmations: Number(r.confirmations) }));
  } catch (e) {
    // a contributions table of another shape: the other indicators still answer
    q.log.warn('indicators.contributions_unreadable', { error: (e as Error).name, code: (e as { code?: string }).code ?? null });
    return [];
  }
}
