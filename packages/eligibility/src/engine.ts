/**
 * `evaluate(catalogue, answers, { date })`: which benefits may apply, why or why not, what is still
 * unknown, an estimate, and where to apply. Three-valued logic (met / not_met / unknown); pure — the
 * date is an argument and nothing leaves the function.
 */
import { parseCatalogue, type Amount, type Benefit, type Catalogue, type Condition, type Leaf, type Parameter, type Territory } from './catalogue.js';
import { factById } from './facts.js';

/** Answers keyed by fact id; a missing key (or `null`, or 'inconnu') means unknown. */
export type Answers = Readonly<Record<string, unknown>>;
export type Tri = 'met' | 'not_met' | 'unknown';
export type Status = 'eligible' | 'probable' | 'not_eligible' | 'unknown';

export interface Criterion {
  status: Tri;
  /** French sentence ("Vous avez 58 ans ; l’APA est ouverte à partir de 60 ans (CASF L232-2)."). */
  text: string;
  fact: string;
}

export interface AmountEstimate {
  kind: 'exact' | 'estimate' | 'range' | 'none';
  value?: number;
  min?: number;
  max?: number;
  per?: 'mois' | 'an' | 'jour';
  /** Date of the parameter values used. */
  asOf?: string;
  /** How it was computed, in French. */
  basis: string;
  /** A parameter used still has to be checked against the official source. */
  toVerify?: boolean;
}

export interface BenefitResult {
  id: string;
  label: string;
  falc?: string;
  status: Status;
  criteria: Criterion[];
  /** Conditions not modelled by the engine. */
  toCheck: string[];
  amount: AmountEstimate;
  nextSteps: Benefit['nextSteps'];
  sources: string[];
  /** Who decides, when the result is "probable". */
  evaluation?: Benefit['evaluation'];
  /** Id of the catalogue it comes from (local aides). */
  local: boolean;
}

export interface NextQuestion {
  fact: string;
  /** How many undecided benefits the answer would decide (or help decide). */
  decides: number;
}

export interface Evaluation {
  results: BenefitResult[];
  nextQuestions: NextQuestion[];
}

const UNKNOWN = new Set<unknown>([undefined, null, '', 'inconnu']);
const isKnown = (v: unknown) => !UNKNOWN.has(v) && !(typeof v === 'number' && Number.isNaN(v));

/** The value of a parameter in force at `date`. */
export function paramValue(p: Parameter, date: string): { value: number; since: string; toVerify: boolean } | undefined {
  let best: Parameter['values'][number] | undefined;
  for (const v of p.values) if (v.since <= date && (!best || v.since > best.since)) best = v;
  return best ? { value: best.value, since: best.since, toVerify: !!best.toVerify } : undefined;
}

const fmt = (v: unknown): string => {
  if (typeof v === 'boolean') return v ? 'oui' : 'non';
  if (typeof v === 'number') return new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 }).format(v);
  if (Array.isArray(v)) return v.map(fmt).join(', ');
  const opt = typeof v === 'string' ? v : String(v);
  return opt;
};

function optionLabel(fact: string, v: unknown): string {
  const f = factById(fact);
  const o = f?.options?.find((x) => x.value === v);
  return o ? o.label.toLowerCase() : fmt(v);
}

interface Ctx {
  answers: Answers;
  params: Record<string, Parameter>;
  date: string;
}

function leafTri(l: Leaf, ctx: Ctx): { status: Tri; value: unknown; threshold: unknown } {
  const v = ctx.answers[l.fact];
  let threshold: unknown = l.value;
  if (l.param) {
    const p = ctx.params[l.param];
    const pv = p ? paramValue(p, ctx.date) : undefined;
    threshold = pv ? pv.value * (l.factor ?? 1) : undefined;
  }
  if (l.otherFact) threshold = ctx.answers[l.otherFact];
  if (!isKnown(v) || threshold === undefined || (l.otherFact && !isKnown(threshold))) return { status: 'unknown', value: v, threshold };
  let ok: boolean;
  switch (l.op) {
    case 'eq':
      ok = v === threshold;
      break;
    case 'ne':
      ok = v !== threshold;
      break;
    case 'gte':
      ok = Number(v) >= Number(threshold);
      break;
    case 'gt':
      ok = Number(v) > Number(threshold);
      break;
    case 'lte':
      ok = Number(v) <= Number(threshold);
      break;
    case 'lt':
      ok = Number(v) < Number(threshold);
      break;
    case 'in':
      ok = Array.isArray(threshold) && threshold.includes(v as never);
      break;
    case 'notIn':
      ok = Array.isArray(threshold) && !threshold.includes(v as never);
      break;
  }
  return { status: ok ? 'met' : 'not_met', value: v, threshold };
}

function explain(l: Leaf, r: { status: Tri; value: unknown; threshold: unknown }): string {
  const value = typeof r.value === 'string' || typeof r.value === 'boolean' ? optionLabel(l.fact, r.value) : fmt(r.value);
  return l.explain[r.status].replace(/\{value\}/g, value).replace(/\{threshold\}/g, fmt(r.threshold));
}

/** Evaluates a condition tree; collects the criteria worth showing and the unknown facts. */
function evalCond(c: Condition, ctx: Ctx, out: Criterion[], unknownFacts: Set<string>): Tri {
  if ('fact' in c) {
    const r = leafTri(c, ctx);
    out.push({ status: r.status, text: explain(c, r), fact: c.fact });
    if (r.status === 'unknown') {
      unknownFacts.add(c.fact);
      if (c.otherFact && !isKnown(ctx.answers[c.otherFact])) unknownFacts.add(c.otherFact);
    }
    return r.status;
  }
  if ('not' in c) {
    const inner: Criterion[] = [];
    const s = evalCond(c.not, ctx, inner, unknownFacts);
    const flipped: Tri = s === 'met' ? 'not_met' : s === 'not_met' ? 'met' : 'unknown';
    for (const x of inner) out.push({ ...x, status: x.status === 'met' ? 'not_met' : x.status === 'not_met' ? 'met' : 'unknown' });
    return flipped;
  }
  const list = 'all' in c ? c.all : c.any;
  const parts = list.map((x) => {
    const crit: Criterion[] = [];
    const unk = new Set<string>();
    const s = evalCond(x, ctx, crit, unk);
    return { s, crit, unk };
  });
  let s: Tri;
  if ('all' in c) s = parts.some((p) => p.s === 'not_met') ? 'not_met' : parts.some((p) => p.s === 'unknown') ? 'unknown' : 'met';
  else s = parts.some((p) => p.s === 'met') ? 'met' : parts.some((p) => p.s === 'unknown') ? 'unknown' : 'not_met';
  // Show what explains the outcome: for "any" met, the branch that is met; otherwise every branch.
  const shown = 'any' in c && s === 'met' ? parts.filter((p) => p.s === 'met').slice(0, 1) : 'all' in c && s === 'not_met' ? parts.filter((p) => p.s !== 'unknown') : parts;
  for (const p of shown) out.push(...p.crit);
  if (s === 'unknown') for (const p of parts) if (p.s === 'unknown') p.unk.forEach((f) => unknownFacts.add(f));
  return s;
}

/** Département of an INSEE commune code. */
const dep = (code: string) => (code.startsWith('97') ? code.slice(0, 3) : code.slice(0, 2));

function territoryTri(t: Territory | undefined, answers: Answers): Tri {
  if (!t) return 'met';
  const code = answers['demandeur.depcom'];
  if (!isKnown(code) || typeof code !== 'string') return 'unknown';
  if (t.communes?.includes(code)) return 'met';
  if (t.departements?.includes(dep(code))) return 'met';
  const epci = answers['demandeur.epci'];
  if (typeof epci === 'string' && t.epci?.includes(epci)) return 'met';
  return 'not_met';
}

const frDate = (d: string | undefined) => (d ? new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${d}T12:00:00Z`)) : '');
const euro = (n: number) => new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR', minimumFractionDigits: 2 }).format(n);

function estimate(a: Amount | undefined, ctx: Ctx): AmountEstimate {
  if (!a) return { kind: 'none', basis: 'Pas de montant : droit, carte ou statut.' };
  const p = (id: string) => {
    const pr = ctx.params[id];
    return pr ? paramValue(pr, ctx.date) : undefined;
  };
  const note = a.note ? ` ${a.note}` : '';
  if (a.type === 'fixed') {
    const v = p(a.param);
    if (!v) return { kind: 'none', basis: 'Montant non disponible à cette date.' };
    return { kind: 'exact', value: v.value, per: a.per, asOf: v.since, toVerify: v.toVerify, basis: `${ctx.params[a.param]!.label} : ${euro(v.value)} par ${a.per} (valeur au ${frDate(v.since)}).${note}` };
  }
  if (a.type === 'differential') {
    const v = p(a.param);
    const r = ctx.answers[a.resources];
    if (!v) return { kind: 'none', basis: 'Montant non disponible à cette date.' };
    const ceiling = v.value * (a.factor ?? 1);
    if (!isKnown(r)) return { kind: 'range', min: 0, max: ceiling, per: a.per, asOf: v.since, toVerify: v.toVerify, basis: `Jusqu’à ${euro(ceiling)} par ${a.per}, moins vos ressources (valeur au ${frDate(v.since)}).${note}` };
    const value = Math.max(0, Math.round((ceiling - Number(r)) * 100) / 100);
    return { kind: 'estimate', value, per: a.per, asOf: v.since, toVerify: v.toVerify, basis: `${euro(ceiling)} moins vos ressources de ${euro(Number(r))} par ${a.per} (valeur au ${frDate(v.since)}).${note}` };
  }
  if (a.type === 'range-by') {
    const key = ctx.answers[a.fact];
    const values = Object.entries(a.params).map(([k, id]) => [k, p(id)] as const).filter(([, v]) => v);
    if (!values.length) return { kind: 'none', basis: 'Montant non disponible à cette date.' };
    const asOf = values.map(([, v]) => v!.since).sort().pop();
    const toVerify = values.some(([, v]) => v!.toVerify);
    const hit = isKnown(key) ? values.find(([k]) => k === String(key)) : undefined;
    if (hit) return { kind: 'range', min: 0, max: hit[1]!.value, per: a.per, asOf, toVerify, basis: `Jusqu’à ${euro(hit[1]!.value)} par ${a.per} selon le plan d’aide, moins une participation selon vos ressources (valeur au ${frDate(asOf)}).${note}` };
    const all = values.map(([, v]) => v!.value);
    return { kind: 'range', min: Math.min(...all), max: Math.max(...all), per: a.per, asOf, toVerify, basis: `Plafond entre ${euro(Math.min(...all))} et ${euro(Math.max(...all))} par ${a.per} selon le niveau d’autonomie (valeur au ${frDate(asOf)}).${note}` };
  }
  const base = p(a.base);
  if (!base) return { kind: 'none', basis: 'Montant non disponible à cette date.' };
  const ups = a.upTo.map(p).filter(Boolean) as Array<{ value: number; since: string; toVerify: boolean }>;
  const max = base.value + Math.max(0, ...ups.map((u) => u.value));
  const asOf = [base.since, ...ups.map((u) => u.since)].sort().pop();
  return { kind: 'range', min: base.value, max, per: a.per, asOf, toVerify: base.toVerify || ups.some((u) => u.toVerify), basis: `${euro(base.value)} par ${a.per}, et jusqu’à ${euro(max)} avec le complément le plus élevé (valeur au ${frDate(asOf)}).${note}` };
}

/** Options of evaluate(). */
export interface EvaluateOptions {
  /** Date of the evaluation (YYYY-MM-DD): picks the parameters in force and the benefits valid then. */
  date: string;
}

/**
 * Evaluates every benefit of the catalogue(s). Local benefits outside the person's territory are left
 * out; a local benefit with `replaces` hides the national one it replaces on its territory.
 */
export function evaluate(catalogue: Catalogue | unknown, answers: Answers, opts: EvaluateOptions): Evaluation {
  if (!opts || !/^\d{4}-\d{2}-\d{2}$/.test(opts.date)) throw new TypeError('evaluate : la date (AAAA-MM-JJ) est obligatoire, le moteur ne lit pas l’horloge.');
  const cat = (catalogue as Catalogue)?.benefits && (catalogue as { __parsed?: boolean }).__parsed ? (catalogue as Catalogue) : parseCatalogue(catalogue);
  const ctx: Ctx = { answers, params: cat.parameters ?? {}, date: opts.date };
  const replaced = new Set<string>();
  for (const b of cat.benefits) if (b.replaces && territoryTri(b.territory, answers) !== 'not_met') replaced.add(b.replaces);

  const results: BenefitResult[] = [];
  const factCounts = new Map<string, number>();
  for (const b of cat.benefits) {
    if (b.validFrom && opts.date < b.validFrom) continue;
    if (b.validUntil && opts.date > b.validUntil) continue;
    if (replaced.has(b.id) && !b.territory) continue;
    const terr = territoryTri(b.territory, answers);
    if (terr === 'not_met') continue;
    const criteria: Criterion[] = [];
    const unknownFacts = new Set<string>();
    if (b.territory) {
      const where = b.territory.label ?? 'le territoire de cette aide';
      criteria.push({ status: terr, fact: 'demandeur.depcom', text: terr === 'met' ? `Vous habitez ${where}.` : `Cette aide est réservée aux habitants de ${where} : indiquez votre commune.` });
      if (terr === 'unknown') unknownFacts.add('demandeur.depcom');
    }
    const s = evalCond(b.conditions, ctx, criteria, unknownFacts);
    const tri: Tri = s === 'not_met' ? 'not_met' : s === 'unknown' || terr === 'unknown' ? 'unknown' : 'met';
    const status: Status = tri === 'not_met' ? 'not_eligible' : tri === 'unknown' ? 'unknown' : b.evaluation ? 'probable' : 'eligible';
    if (status === 'unknown') for (const f of unknownFacts) factCounts.set(f, (factCounts.get(f) ?? 0) + 1);
    // the same sentence can come from two branches (a taux asked twice): say it once
    const seen = new Set<string>();
    const shown = criteria.filter((c) => !seen.has(c.text) && seen.add(c.text));
    results.push({
      id: b.id,
      label: b.label,
      falc: b.falc,
      status,
      criteria: shown,
      toCheck: b.toCheck ?? [],
      amount: status === 'not_eligible' ? { kind: 'none', basis: 'Pas de montant : les conditions ne sont pas remplies.' } : estimate(b.amount, ctx),
      nextSteps: b.nextSteps,
      sources: b.sources,
      evaluation: b.evaluation,
      local: !!b.territory,
    });
  }
  const nextQuestions = [...factCounts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([fact, decides]) => ({ fact, decides }));
  return { results, nextQuestions };
}

/** Parameters whose last value is older than their usual revaluation date (for a CI warning). */
export function staleParameters(catalogue: Catalogue, today: string): Array<{ id: string; label: string; lastSince: string; expected: string }> {
  const out: Array<{ id: string; label: string; lastSince: string; expected: string }> = [];
  for (const [id, p] of Object.entries(catalogue.parameters ?? {})) {
    if (!p.revaluation || p.revaluation === 'none') continue;
    const last = [...p.values].sort((a, b) => (a.since < b.since ? -1 : 1)).pop()!.since;
    const md = p.revaluation === 'annual-01-01' ? '01-01' : '04-01';
    const y = Number(today.slice(0, 4));
    const expected = `${today.slice(5) >= md ? y : y - 1}-${md}`;
    if (last < expected) out.push({ id, label: p.label, lastSince: last, expected });
  }
  return out;
}

/** Validates once, so that evaluate() can be called on every answer without parsing again. */
export function prepareCatalogue(raw: unknown): Catalogue {
  const c = parseCatalogue(raw) as Catalogue & { __parsed?: boolean };
  Object.defineProperty(c, '__parsed', { value: true, enumerable: false });
  return c;
}
