/**
 * `evaluate(catalogue, answers, { date })`: which benefits may apply, why or why not, what is still
 * unknown, an estimate, and where to apply. Three-valued logic (met / not_met / unknown); pure — the
 * date is an argument and nothing leaves the function.
 */
import { parseCatalogue, type Amount, type Benefit, type BenefitCatalogue, type Condition, type Leaf, type Parameter, type Territory } from './catalogue.js';
import { factById } from './facts.js';
import { SPECIAL, TEMPLATES, capitalise, euro, frDate, num, situationText, valueNote, type TextVars } from './texts.js';

/** Answers keyed by fact id; a missing key (or `null`, or 'inconnu') means unknown. */
export type Answers = Readonly<Record<string, unknown>>;
export type Tri = 'met' | 'not_met' | 'unknown';
export type Status = 'eligible' | 'probable' | 'not_eligible' | 'unknown';

/** A dated parameter value used by a criterion or an amount, with its freshness. */
export interface ParamUse {
  id: string;
  label: string;
  value: number;
  /** Date the value is in force from (YYYY-MM-DD). */
  since: string;
  /** The revaluation date (YYYY-MM-DD) the value has not caught up with, or null when it is current. */
  stale: string | null;
  /** The value still has to be confirmed against the official source. */
  toVerify: boolean;
  /** How many revaluations (usual rule and known extra ones) have passed since the value came into force. */
  missed: number;
  /** French: « montant au 1er avril 2025 — la revalorisation d’avril 2026 n’est pas encore connue ». */
  note: string;
  source?: string;
}

export interface Criterion {
  status: Tri;
  /** French sentence, from the templates of its kind (« La personne a 58 ans ; l’APA n’est possible qu’à partir de 60 ans (CASF R232-1). »). */
  text: string;
  fact: string;
  /** The article it applies. */
  legal?: string;
  /** Parameters it compares with (dated, with their freshness). */
  values: ParamUse[];
  /** A value it rests on is past its revaluation date. */
  stale: boolean;
  /** A value it rests on is unconfirmed. */
  toVerify: boolean;
}

export interface AmountEstimate {
  kind: 'exact' | 'estimate' | 'range' | 'none';
  value?: number;
  min?: number;
  max?: number;
  per?: 'mois' | 'an' | 'jour';
  /** Date of the oldest parameter value used (a combined amount is as old as its oldest part). */
  asOf?: string;
  /** How it was computed, in French. */
  basis: string;
  /** A parameter used still has to be checked against the official source. */
  toVerify: boolean;
  /** A parameter used is past its revaluation date. */
  stale: boolean;
  /** One French note per parameter used that is stale or unconfirmed. */
  notes: string[];
  /** The parameters used. */
  values: ParamUse[];
}

export interface BenefitResult {
  id: string;
  label: string;
  falc?: string;
  status: Status;
  criteria: Criterion[];
  /** Conditions not modelled by the engine (« à vérifier »). */
  toCheck: string[];
  /** Exceptions and other routes the questions do not cover: worth checking even when the result is not eligible. */
  exceptions: string[];
  amount: AmountEstimate;
  nextSteps: Benefit['nextSteps'];
  sources: string[];
  /** Who decides, when the result is "probable". */
  evaluation?: Benefit['evaluation'];
  /** Id of the catalogue it comes from (local aides). */
  local: boolean;
  /** A criterion or the amount rests on a value past its revaluation date. */
  stale: boolean;
  /** A criterion or the amount rests on an unconfirmed value. */
  toVerify: boolean;
  /** A right of the carer (AJPA, congé de proche aidant), not of the person the simulation is for. */
  forCarer: boolean;
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

/**
 * The last revaluation date on or before `date` for a rule (null for `none`), or for a parameter's rule and its known
 * extra revaluations (`revaluedOn`: a SMIC rise on 1 June).
 */
export function lastRevaluation(rule: Parameter['revaluation'], date: string, extra: readonly string[] = []): string | null {
  let last: string | null = null;
  if (rule && rule !== 'none') {
    const md = rule === 'annual-04-01' ? '04-01' : '01-01';
    const y = Number(date.slice(0, 4));
    last = `${date.slice(5) >= md ? y : y - 1}-${md}`;
  }
  for (const d of extra) if (d <= date && (!last || d > last)) last = d;
  return last;
}

/** How many revaluations fall in (since, date]. */
function missedRevaluations(p: Parameter, since: string, date: string): number {
  let n = 0;
  if (p.revaluation && p.revaluation !== 'none') {
    const md = p.revaluation === 'annual-04-01' ? '04-01' : '01-01';
    for (let y = Number(since.slice(0, 4)); y <= Number(date.slice(0, 4)); y++) if (`${y}-${md}` > since && `${y}-${md}` <= date) n++;
  }
  for (const d of p.revaluedOn ?? []) if (d > since && d <= date) n++;
  return n;
}

/** A parameter's value in force at `date`, with whether it is stale or unconfirmed, and the note to show. */
export function paramUse(id: string, p: Parameter | undefined, date: string): ParamUse | undefined {
  if (!p) return undefined;
  const v = paramValue(p, date);
  if (!v) return undefined;
  const expected = lastRevaluation(p.revaluation, date, p.revaluedOn);
  const stale = expected && v.since < expected ? expected : null;
  return { id, label: p.label, value: v.value, since: v.since, stale, toVerify: v.toVerify, missed: stale ? missedRevaluations(p, v.since, date) : 0, note: valueNote(p, v.since, stale, v.toVerify), source: p.source };
}

/**
 * Resources above a ceiling by at most this share are « proche du plafond, à vérifier », not « non »: the figure
 * asked is an order of magnitude, and the organisms count past resources after abattements (AAH: two years before;
 * ASPA: the last three months).
 */
export const CEILING_MARGIN = 0.1;
/** Added to the margin for each revaluation the ceiling has missed, and when it is unconfirmed. */
export const UNCONFIRMED_MARGIN = 0.05;

/** The margin above a ceiling within which a « non » is not definite. */
export const ceilingMargin = (u: ParamUse): number => CEILING_MARGIN + UNCONFIRMED_MARGIN * (u.missed + (u.toVerify ? 1 : 0));

const fmt = (v: unknown): string => {
  if (typeof v === 'boolean') return v ? 'oui' : 'non';
  if (typeof v === 'number') return num(v);
  if (Array.isArray(v)) return v.map(fmt).join(', ');
  return typeof v === 'string' ? v : String(v);
};

function optionLabel(fact: string, v: unknown): string {
  const f = factById(fact);
  const o = f?.options?.find((x) => x.value === v);
  return o ? o.label.toLowerCase() : fmt(v);
}

function says(fact: string, v: unknown): string {
  const o = factById(fact)?.options?.find((x) => x.value === v);
  return o?.says ?? `${capitalise(factById(fact)?.question ?? fact)} ${optionLabel(fact, v)}`;
}

interface Ctx {
  answers: Answers;
  params: Record<string, Parameter>;
  date: string;
  /** Parameter uses, memoised for this evaluation. */
  uses: Map<string, ParamUse | undefined>;
}

const use = (ctx: Ctx, id: string): ParamUse | undefined => {
  if (!ctx.uses.has(id)) ctx.uses.set(id, paramUse(id, ctx.params[id], ctx.date));
  return ctx.uses.get(id);
};

/**
 * Answers with the facts derived from others: for a person not in a couple, the resources « of the person and the
 * partner » are the person's own.
 * Pure: returns a new object when something is derived.
 */
export function deriveAnswers(a: Answers): Answers {
  // `foyer.ressources_mensuelles` is the person's and the partner's resources, never the other occupants' (CSS L815-9):
  // for a person not in a couple it is the person's own, and the other way round
  if (a['demandeur.en_couple'] !== false) return a;
  if (!isKnown(a['demandeur.ressources_propres']) && isKnown(a['foyer.ressources_mensuelles'])) return { ...a, 'demandeur.ressources_propres': a['foyer.ressources_mensuelles'] };
  if (isKnown(a['demandeur.ressources_propres']) && !isKnown(a['foyer.ressources_mensuelles'])) return { ...a, 'foyer.ressources_mensuelles': a['demandeur.ressources_propres'] };
  return a;
}

interface Named {
  the: string;
  of: string;
}

interface LeafOut {
  status: Tri;
  text: string;
  ask: string[];
  values: ParamUse[];
}

const compare = (op: Leaf['op'], v: unknown, t: unknown): boolean => {
  switch (op) {
    case 'eq':
      return v === t;
    case 'ne':
      return v !== t;
    case 'gte':
      return Number(v) >= Number(t);
    case 'gt':
      return Number(v) > Number(t);
    case 'lte':
      return Number(v) <= Number(t);
    case 'lt':
      return Number(v) < Number(t);
    case 'in':
      return Array.isArray(t) && t.includes(v as never);
    case 'notIn':
      return Array.isArray(t) && !t.includes(v as never);
  }
};

const perText = (l: Leaf, ctx: Ctx): string => {
  const unit = (l.param && ctx.params[l.param]?.unit) || '€/mois';
  return unit === '€/an' ? 'par an' : unit === '€/jour' ? 'par jour' : 'par mois';
};

/** Evaluates one criterion and writes its sentence. */
function evalLeaf(l: Leaf, ctx: Ctx, name: Named): LeafOut {
  const v = ctx.answers[l.fact];
  const known = isKnown(v);
  const values: ParamUse[] = [];
  const ask: string[] = [];
  let threshold: unknown = l.value;
  let couple: boolean | undefined;
  let status: Tri;
  let text: string | undefined;

  // thresholds: a literal, a dated parameter (single or couple, raised per child), or another answer
  if (l.param) {
    const single = use(ctx, l.param);
    const cpl = l.coupleParam ? use(ctx, l.coupleParam) : undefined;
    const c = ctx.answers['demandeur.en_couple'];
    couple = l.coupleParam && typeof c === 'boolean' ? c : undefined;
    const chosen = couple === true ? cpl : single;
    if (chosen) values.push(chosen);
    if (!chosen) {
      return { status: 'unknown', text: `La valeur du plafond ${name.of} n’est pas connue au ${frDate(ctx.date)} : à vérifier${l.legal ? ` (${l.legal})` : ''}.`, ask: [], values };
    }
    threshold = chosen.value * (l.factor ?? 1);
    if (l.coupleParam && couple === undefined && cpl) {
      const low = single!.value * (l.factor ?? 1);
      const high = cpl.value * (l.factor ?? 1);
      values.push(cpl);
      if (!known) {
        ask.push('demandeur.en_couple');
      } else if (Number(v) > low && Number(v) <= high) {
        ask.push('demandeur.en_couple');
        const vars = { the: name.the, of: name.of, legal: l.legal, value: Number(v), per: perText(l, ctx), low, high, which: 'le plafond dépend de la vie en couple, qui n’est pas indiquée' };
        return { status: 'unknown', text: SPECIAL.between(vars), ask, values };
      } else if (Number(v) > high) {
        threshold = high;
        couple = true;
      }
    }
  }
  if (l.otherFact) {
    const o = ctx.answers[l.otherFact];
    if (!isKnown(o)) ask.push(l.otherFact);
    threshold = isKnown(o) ? Number(o) * (l.factor ?? 1) : undefined;
  }
  let children: number | undefined;
  if (l.perChild) {
    const n = ctx.answers[l.perChild.fact];
    if (isKnown(n)) {
      children = Number(n);
      threshold = Number(threshold) * (1 + l.perChild.rate * children);
    }
  }
  const situation = situationText(couple, children, !!l.coupleParam);

  // `keep`: the person keeps at least this much each month (ASH: 1 % of the yearly ASPA), more than the share left
  let kept: number | undefined;
  if (l.keep) {
    const k = use(ctx, l.keep.param);
    if (k) {
      values.push(k);
      kept = Math.round(k.value * (l.keep.factor ?? 1) * 100) / 100;
    }
  }
  const scaled = known ? Math.round(Math.max(0, Math.min(Number(v) * (l.valueFactor ?? 1), kept === undefined ? Infinity : Number(v) - kept)) * 100) / 100 : undefined;
  if (!known || threshold === undefined) {
    status = 'unknown';
    if (!known) ask.unshift(l.fact);
  } else {
    status = compare(l.op, l.valueFactor !== undefined || kept !== undefined ? scaled : v, threshold) ? 'met' : 'not_met';
  }
  const option = known ? factById(l.fact)?.options?.find((o) => o.value === v) : undefined;

  const per = perText(l, ctx);
  const vars: TextVars = { the: name.the, of: name.of, legal: l.legal, need: l.need, value: known ? Number(v) : undefined, threshold: threshold === undefined ? undefined : Number(threshold), situation, per, share: l.valueFactor, scaled, kept };
  if (l.kind === 'fact' && known) vars.says = says(l.fact, v);

  // the cases that cannot give a definite answer
  if (status === 'not_met' && l.perChild && children === undefined) {
    ask.push(l.perChild.fact);
    status = 'unknown';
    text = `Les ressources indiquées (${euro(Number(v))} ${per}) dépassent le plafond ${name.of} sans enfant (${euro(Number(threshold))} ${per}), qui augmente de ${num(l.perChild.rate * 100)} % par enfant à charge : le nombre d’enfants n’est pas indiqué${l.legal ? ` (${l.legal})` : ''}.`;
  } else if (status === 'not_met' && l.earnings && !isKnown(ctx.answers[l.earnings])) {
    // part of the earnings is not counted: over the ceiling, a « non » needs to know how much is earnings
    status = 'unknown';
    ask.push(l.earnings);
    text = SPECIAL.earningsUnknown(vars);
  } else if (status === 'not_met' && l.earnings && Number(v) - Number(ctx.answers[l.earnings]) <= Number(threshold)) {
    status = 'unknown';
    text = SPECIAL.earnings({ ...vars, other: Math.max(0, Number(v) - Number(ctx.answers[l.earnings])) });
  } else if (status === 'not_met' && (l.op === 'lte' || l.op === 'lt') && l.param && values.length && Number(v) <= Number(threshold) * (1 + Math.max(...values.map(ceilingMargin)))) {
    status = 'unknown';
    const shaky = values.find((u) => u.stale || u.toVerify);
    text = SPECIAL.near({ ...vars, note: shaky?.note });
  } else if (status === 'not_met' && l.fact === 'demandeur.gir' && ctx.answers['demandeur.gir_estime'] === true && l.kind === 'fact') {
    status = 'unknown';
    text = SPECIAL.estimated(vars);
  } else if (status === 'met' && l.fact === 'demandeur.gir' && ctx.answers['demandeur.gir_estime'] === true && known) {
    // a guess is never stated as a fact: only the département's team evaluates the GIR
    text = SPECIAL.estimatedMet({ ...vars, value: Number(v) });
  }
  if (known && l.grey && typeof v === 'number' && v >= l.grey[0] && v < l.grey[1]) {
    status = 'unknown';
    text = `La personne a ${num(v)} ans ; ${l.greyText ?? 'à vérifier'}${l.legal ? ` (${l.legal})` : ''}.`;
  }
  if (status === 'met' && l.exception) {
    status = 'unknown';
    text = l.exception;
  }
  if (option?.pending) {
    // the authority that decides has not been asked yet: nothing is decided, whatever the list says
    status = 'unknown';
    text = SPECIAL.pending({ ...vars, says: option.says ?? '', pending: option.pending });
  } else if (status === 'not_met' && l.ifNot) {
    status = 'unknown';
    text = l.ifNot;
  }
  if (!text && l.say?.[status]) text = l.say[status]!.replace(/\{value\}/g, known ? fmt(v) : '').replace(/\{threshold\}/g, fmt(threshold));
  if (!text) {
    if (l.kind) text = TEMPLATES[l.kind][status](vars);
    else {
      const shown = typeof v === 'string' || typeof v === 'boolean' ? optionLabel(l.fact, v) : fmt(v);
      text = l.explain![status].replace(/\{value\}/g, shown).replace(/\{threshold\}/g, fmt(threshold));
    }
  }
  return { status, text, ask: status === 'unknown' ? ask : [], values };
}

const firstLeaf = (c: Condition): Leaf | undefined => ('fact' in c ? c : 'not' in c ? firstLeaf(c.not) : firstLeaf(('all' in c ? c.all : c.any)[0]!));

/** Evaluates a condition tree; collects the criteria worth showing and the unknown facts. */
function evalCond(c: Condition, ctx: Ctx, name: Named, out: Criterion[], unknownFacts: Set<string>): Tri {
  if ('fact' in c) {
    const r = evalLeaf(c, ctx, name);
    // an exception that does not apply says nothing useful: it is not shown
    if (!(c.exception && r.status === 'not_met')) out.push({ status: r.status, text: r.text, fact: c.fact, legal: c.legal, values: r.values, stale: r.values.some((u) => !!u.stale), toVerify: r.values.some((u) => u.toVerify) });
    for (const f of r.ask) unknownFacts.add(f);
    return r.status;
  }
  if ('not' in c) {
    const inner: Criterion[] = [];
    const s = evalCond(c.not, ctx, name, inner, unknownFacts);
    const flipped: Tri = s === 'met' ? 'not_met' : s === 'not_met' ? 'met' : 'unknown';
    for (const x of inner) out.push({ ...x, status: x.status === 'met' ? 'not_met' : x.status === 'not_met' ? 'met' : 'unknown' });
    return flipped;
  }
  const list = 'all' in c ? c.all : c.any;
  const parts = list.map((x) => {
    const crit: Criterion[] = [];
    const unk = new Set<string>();
    const s = evalCond(x, ctx, name, crit, unk);
    return { s, crit, unk };
  });
  let s: Tri;
  if ('all' in c) s = parts.some((p) => p.s === 'not_met') ? 'not_met' : parts.some((p) => p.s === 'unknown') ? 'unknown' : 'met';
  else s = parts.some((p) => p.s === 'met') ? 'met' : parts.some((p) => p.s === 'unknown') ? 'unknown' : 'not_met';
  // Show what explains the outcome. An « any » group: the branch that is met; when undecided, only the undecided
  // branches (each is written for its own case: shown beside a branch that is not met they contradict each other);
  // when nothing is met, or nothing is decided, or the fact the group turns on (its first criterion: the age) is not
  // given, the group's own sentence if it has one.
  const summary = 'not' in c ? undefined : c.summary?.[s === 'met' ? 'not_met' : s];
  const allUnknown = parts.every((p) => p.s === 'unknown');
  const first0 = firstLeaf(c);
  const pivotUnknown = s === 'unknown' && !!first0 && !isKnown(ctx.answers[first0.fact]);
  if (summary && (s === 'not_met' || allUnknown || pivotUnknown)) {
    out.push({ status: s, text: summary, fact: first0?.fact ?? '', legal: first0?.legal, values: [], stale: false, toVerify: false });
    // with it, the answers that closed a route of their own (« la personne ne travaille plus »); not the ages, which
    // the summary states, nor an answer that closed several routes at once (the taux), which it states too
    if (s === 'not_met') {
      const inParts = new Map<string, number>();
      for (const p of parts) for (const f of new Set(p.crit.filter((x) => x.status === 'not_met').map((x) => x.fact))) inParts.set(f, (inParts.get(f) ?? 0) + 1);
      for (const p of parts) for (const x of p.crit) if (x.status === 'not_met' && x.fact !== 'demandeur.age' && inParts.get(x.fact) === 1) out.push(x);
    }
  } else {
    const shown = 'any' in c ? (s === 'met' ? parts.filter((p) => p.s === 'met').slice(0, 1) : s === 'unknown' ? parts.filter((p) => p.s === 'unknown') : parts) : s === 'not_met' ? parts.filter((p) => p.s !== 'unknown') : parts;
    for (const p of shown) out.push(...p.crit);
  }
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

function amountOf(a: Amount, ctx: Ctx, kind: AmountEstimate['kind'], used: ParamUse[], basis: string, extra: Partial<AmountEstimate>): AmountEstimate {
  const all = [...used];
  let note = a.note ? ` ${a.note}` : '';
  a.noteParams?.forEach((np, i) => {
    const u = use(ctx, np.param);
    if (u) all.push(u);
    note = note.replace(new RegExp(`\\{${i}\\}`, 'g'), u ? euro(Math.round(u.value * (np.factor ?? 1) * 100) / 100) : '(montant non disponible)');
  });
  const values = [...new Map(all.map((u) => [u.id, u])).values()];
  // the date shown with the amount is the oldest of its own parts; a parameter only quoted in the note has its own note
  const asOf = used.map((u) => u.since).sort()[0];
  const notes = values.filter((u) => u.stale || u.toVerify).map((u) => `${u.label} : ${u.note}.`);
  return { kind, per: a.per, asOf, basis: `${basis}${asOf ? ` (${new Set(used.map((u) => u.id)).size > 1 ? 'valeurs' : 'valeur'} au ${frDate(asOf)})` : ''}.${note}`, toVerify: values.some((u) => u.toVerify), stale: values.some((u) => !!u.stale), notes, values, ...extra };
}

const perWord = (per: string) => `par ${per}`;
const none = (basis: string): AmountEstimate => ({ kind: 'none', basis, toVerify: false, stale: false, notes: [], values: [] });

function estimate(a: Amount | undefined, ctx: Ctx): AmountEstimate {
  if (!a) return none('Pas d’estimation de montant : l’organisme le fixe après évaluation, ou il s’agit d’un droit ou d’une carte.');
  const missing = none(`Montant non disponible au ${frDate(ctx.date)} : à vérifier auprès de l’organisme.`);
  if (a.type === 'fixed') {
    const v = use(ctx, a.param);
    if (!v) return missing;
    return amountOf(a, ctx, 'exact', [v], `${v.label} : ${euro(v.value)} ${perWord(a.per)}`, { value: v.value });
  }
  if (a.type === 'differential') {
    const couple = ctx.answers['demandeur.en_couple'] === true && a.coupleParam;
    const v = use(ctx, couple ? a.coupleParam! : a.param);
    const r = ctx.answers[a.resources];
    if (!v) return missing;
    const ceiling = Math.round(v.value * (a.factor ?? 1) * 100) / 100;
    const who = a.coupleParam ? (couple ? ' pour un couple' : ' pour une personne seule') : '';
    if (!isKnown(r)) return amountOf(a, ctx, 'range', [v], `Jusqu’à ${euro(ceiling)} ${perWord(a.per)}${who}, moins les ressources`, { min: 0, max: ceiling });
    const value = Math.max(0, Math.round((ceiling - Number(r)) * 100) / 100);
    const cap = couple && a.coupleMax ? use(ctx, a.coupleMax) : undefined;
    if (cap && value > cap.value) {
      // one member of the couple alone receives at most the single amount; the couple amount needs both to be entitled
      return amountOf(a, ctx, 'estimate', [cap, v], `Au plus ${euro(cap.value)} ${perWord(a.per)} pour la personne (montant pour une personne seule) ; si les deux membres du couple y ont droit, ${euro(ceiling)} moins les ressources du couple (${euro(Number(r))}), soit ${euro(value)} ${perWord(a.per)} pour le couple`, { value: cap.value });
    }
    return amountOf(a, ctx, 'estimate', [v], `${euro(ceiling)}${who} moins les ressources indiquées (${euro(Number(r))}) ${perWord(a.per)}${couple && a.coupleMax ? ', si les deux membres du couple y ont droit' : ''}`, { value });
  }
  if (a.type === 'range-by') {
    const key = ctx.answers[a.fact];
    const entries = Object.entries(a.params).map(([k, id]) => [k, use(ctx, id)] as const).filter((e): e is readonly [string, ParamUse] => !!e[1]);
    if (!entries.length) return missing;
    const hit = isKnown(key) ? entries.find(([k]) => k === String(key)) : undefined;
    if (hit) return amountOf(a, ctx, 'range', [hit[1]], `Jusqu’à ${euro(hit[1].value)} ${perWord(a.per)} selon le plan d’aide, moins une participation selon les ressources`, { min: 0, max: hit[1].value });
    const all = entries.map(([, v]) => v.value);
    return amountOf(a, ctx, 'range', entries.map(([, v]) => v), `Plafond entre ${euro(Math.min(...all))} et ${euro(Math.max(...all))} ${perWord(a.per)} selon le niveau d’autonomie`, { min: Math.min(...all), max: Math.max(...all) });
  }
  const base = use(ctx, a.base);
  if (!base) return missing;
  const ups = a.upTo.map((id) => use(ctx, id)).filter((u): u is ParamUse => !!u);
  const top = ups.reduce<ParamUse | undefined>((m, u) => (!m || u.value > m.value ? u : m), undefined);
  const max = Math.round((base.value + (top?.value ?? 0)) * 100) / 100;
  // each figure with its own date: the base and the complement are not revalued together
  const dated = (u: ParamUse) => `${u.stale || u.toVerify ? 'valeur' : 'valeur'} au ${frDate(u.since)}`;
  const basis = `${euro(base.value)} ${perWord(a.per)} (${dated(base)})${top ? `, et jusqu’à ${euro(max)} avec le complément le plus élevé (complément de ${euro(top.value)}, ${dated(top)})` : ''}`;
  return { ...amountOf(a, ctx, 'range', [base, ...ups], basis, { min: base.value, max }), basis: `${basis}.${a.note ? ` ${a.note}` : ''}` };
}

/** A sentence without its trailing reference, and the reference: « … (CSS L821-1). » → [« … », « CSS L821-1 »]. */
const refOf = (t: string): [string, string | undefined] => {
  const m = / \(([^()]+)\)\.$/.exec(t);
  return m ? [t.slice(0, m.index), m[1]] : [t, undefined];
};

/** Two references in one: « CSS L821-1 » and « CSS L821-2 » → « CSS L821-1, L821-2 ». */
function mergeRefs(a: string, b: string): string {
  const code = (r: string) => /^(CASF|CSS|CT) /.exec(r)?.[1];
  if (a === b) return a;
  if (code(a) && code(a) === code(b)) {
    const have = a.split(', ');
    const more = b.slice(code(b)!.length + 1).split(', ').filter((x) => !have.includes(x) && !have.includes(`${code(a)} ${x}`));
    return more.length ? `${a}, ${more.join(', ')}` : a;
  }
  return `${a} ; ${b}`;
}

/**
 * The criteria as shown: the same sentence from two branches (a rate asked twice, « pas encore de demande à la MDPH »)
 * said once, with both references; a criterion on a question that is not asked after the answer given (the RSDAE
 * while the MDPH has not been asked) left out, the answer that leaves it open already says so.
 */
function tidy(criteria: Criterion[], answers: Answers): Criterion[] {
  const out: Criterion[] = [];
  const at = new Map<string, number>();
  for (const c of criteria) {
    const f = c.status === 'unknown' ? factById(c.fact) : undefined;
    if (f?.askIf && f.askIf.notIn.includes(answers[f.askIf.fact] as never) && factById(f.askIf.fact)?.options?.find((o) => o.value === answers[f.askIf!.fact])?.pending) continue;
    const [body, ref] = refOf(c.text);
    const key = `${c.status}|${body}`;
    const i = at.get(key);
    if (i === undefined) {
      at.set(key, out.length);
      out.push(c);
      continue;
    }
    const prev = out[i]!;
    const prevRef = refOf(prev.text)[1];
    if (ref && prevRef && ref !== prevRef) {
      const merged = mergeRefs(prevRef, ref);
      out[i] = { ...prev, text: `${body} (${merged}).`, legal: merged, values: [...prev.values, ...c.values.filter((u) => !prev.values.some((p) => p.id === u.id))], stale: prev.stale || c.stale, toVerify: prev.toVerify || c.toVerify };
    }
  }
  return out;
}

/** Who evaluates a GIR estimated by the questionnaire (a benefit with no evaluation of its own). */
const GIR_EVALUATION = { by: 'l’équipe médico-sociale du département', what: 'évalue le GIR (le questionnaire n’en donne qu’une estimation)' };

/** A benefit asked by the carer: its conditions require, at the top, that the request be made by the carer. */
const forCarer = (c: Condition): boolean => 'all' in c && c.all.some((x) => 'fact' in x && x.fact === 'aidant.est_aidant' && x.op === 'eq' && x.value === true);

/** An amount of 0 € is never shown: the organism computes it from the resources it retains. */
const noZero = (a: AmountEstimate): AmountEstimate =>
  ((a.kind === 'exact' || a.kind === 'estimate') && !a.value) || (a.kind === 'range' && !a.max)
    ? { ...none('Montant à calculer par l’organisme, d’après les ressources qu’il retient : avec celles indiquées, l’estimation ne donne pas de montant.'), values: a.values }
    : a;

/** Options of evaluate(). */
export interface EvaluateOptions {
  /** Date of the evaluation (YYYY-MM-DD): picks the parameters in force and the benefits valid then. */
  date: string;
}

/**
 * Evaluates every benefit of the catalogue(s). Local benefits outside the person's territory are left
 * out; a local benefit with `replaces` hides the national one it replaces on its territory.
 */
export function evaluate(catalogue: BenefitCatalogue | unknown, answers: Answers, opts: EvaluateOptions): Evaluation {
  if (!opts || !/^\d{4}-\d{2}-\d{2}$/.test(opts.date)) throw new TypeError('evaluate : la date (AAAA-MM-JJ) est obligatoire, le moteur ne lit pas l’horloge.');
  const cat = (catalogue as BenefitCatalogue)?.benefits && (catalogue as { __parsed?: boolean }).__parsed ? (catalogue as BenefitCatalogue) : parseCatalogue(catalogue);
  const ctx: Ctx = { answers: deriveAnswers(answers), params: cat.parameters ?? {}, date: opts.date, uses: new Map() };
  // a person living alone is asked the household's resources, which are their own (deriveAnswers)
  const askAs = (f: string) => (f === 'demandeur.ressources_propres' && answers['demandeur.en_couple'] === false ? 'foyer.ressources_mensuelles' : f);
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
      criteria.push({ status: terr, fact: 'demandeur.depcom', values: [], stale: false, toVerify: false, text: terr === 'met' ? `La personne habite ${where}.` : `Cette aide est réservée aux habitants de ${where} : la commune n’est pas indiquée.` });
      if (terr === 'unknown') unknownFacts.add('demandeur.depcom');
    }
    const name = b.name ?? { the: `« ${b.label} »`, of: `de « ${b.label} »` };
    const s = evalCond(b.conditions, ctx, name, criteria, unknownFacts);
    const tri: Tri = s === 'not_met' ? 'not_met' : s === 'unknown' || terr === 'unknown' ? 'unknown' : 'met';
    // a benefit that rests on an estimated GIR is probable, after the evaluation, never plainly eligible
    const onEstimate = ctx.answers['demandeur.gir_estime'] === true && criteria.some((c) => c.fact === 'demandeur.gir' && c.status === 'met');
    const status: Status = tri === 'not_met' ? 'not_eligible' : tri === 'unknown' ? 'unknown' : b.evaluation || onEstimate ? 'probable' : 'eligible';
    if (status === 'unknown') for (const f of unknownFacts) factCounts.set(askAs(f), (factCounts.get(askAs(f)) ?? 0) + 1);
    const shown = tidy(criteria, ctx.answers);
    const amount = status === 'not_eligible' ? none('Pas de montant : les conditions ne sont pas remplies.') : noZero(estimate(b.amount, ctx));
    results.push({
      id: b.id,
      label: b.label,
      falc: b.falc,
      status,
      criteria: shown,
      toCheck: b.toCheck ?? [],
      exceptions: b.exceptions ?? [],
      amount,
      nextSteps: b.nextSteps,
      sources: b.sources,
      evaluation: b.evaluation ?? (onEstimate ? GIR_EVALUATION : undefined),
      local: !!b.territory,
      stale: amount.stale || shown.some((c) => c.stale),
      toVerify: amount.toVerify || shown.some((c) => c.toVerify),
      forCarer: forCarer(b.conditions),
    });
  }
  // a question that makes no sense after an answer already given (RSDAE after « pas de handicap reconnu ») is not asked
  const relevant = (id: string) => {
    const f = factById(id);
    return !f?.askIf || !f.askIf.notIn.includes(answers[f.askIf.fact] as never);
  };
  const nextQuestions = [...factCounts].filter(([f]) => relevant(f)).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([fact, decides]) => ({ fact, decides }));
  return { results, nextQuestions };
}

/** Parameters whose value in force at `today` is past its revaluation date (for a CI warning). */
export function staleParameters(catalogue: BenefitCatalogue, today: string): Array<{ id: string; label: string; lastSince: string; expected: string }> {
  const out: Array<{ id: string; label: string; lastSince: string; expected: string }> = [];
  for (const [id, p] of Object.entries(catalogue.parameters ?? {})) {
    const u = paramUse(id, p, today);
    if (u?.stale) out.push({ id, label: p.label, lastSince: u.since, expected: u.stale });
  }
  return out;
}

/** Validates once, so that evaluate() can be called on every answer without parsing again. */
export function prepareCatalogue(raw: unknown): BenefitCatalogue {
  const c = parseCatalogue(raw) as BenefitCatalogue & { __parsed?: boolean };
  Object.defineProperty(c, '__parsed', { value: true, enumerable: false });
  return c;
}

/** One sentence a criterion can produce: the texts table (`test/texts.md`) lists them all. */
export interface CriterionTextRow {
  benefit: string;
  /** Position of the criterion in the benefit's conditions (1-based, depth-first). */
  criterion: number;
  fact: string;
  legal?: string;
  status: Tri;
  text: string;
}

/**
 * Every sentence every criterion of a catalogue can produce at `date`, in each status: each criterion is evaluated
 * alone against representative answers (each option of a choice, each side of a threshold, single and couple, with
 * and without children, an estimated GIR, no answer). For review: a reader sees every text in one place.
 */
export function criterionTexts(catalogue: BenefitCatalogue, date: string): CriterionTextRow[] {
  const rows: CriterionTextRow[] = [];
  const params = catalogue.parameters ?? {};
  for (const b of catalogue.benefits) {
    const name = b.name ?? { the: `« ${b.label} »`, of: `de « ${b.label} »` };
    const leaves: Leaf[] = [];
    const summaries: CriterionTextRow[] = [];
    const walk = (c: Condition): void => {
      if ('fact' in c) leaves.push(c);
      else if ('not' in c) walk(c.not);
      else {
        const at = leaves.length + 1;
        const first = firstLeaf(c);
        for (const st of ['not_met', 'unknown'] as const) if (c.summary?.[st]) summaries.push({ benefit: b.id, criterion: at, fact: first?.fact ?? '', legal: first?.legal, status: st, text: c.summary[st]! });
        ('all' in c ? c.all : c.any).forEach(walk);
      }
    };
    walk(b.conditions);
    leaves.forEach((l, i) => {
      const sets: Array<Record<string, unknown>> = [{}];
      const f = factById(l.fact);
      if (f?.options) for (const o of f.options) sets.push({ [l.fact]: o.value }, { [l.fact]: o.value, [`${l.fact}_estime`]: true });
      else {
        const ts: number[] = [];
        if (typeof l.value === 'number') ts.push(l.value);
        for (const id of [l.param, l.coupleParam]) {
          const u = id ? paramUse(id, params[id], date) : undefined;
          if (u) ts.push(u.value * (l.factor ?? 1));
        }
        if (l.otherFact) ts.push(2000 / (l.valueFactor ?? 1));
        if (l.grey) ts.push(...l.grey);
        // ages: each side of the threshold; amounts: 1 € each side, just above (within the margin) and well above
        const near = (t: number) => (l.kind === 'age-min' || l.kind === 'age-max' ? [t - 1, t] : [t - 1, t + 1, Math.round(t * 1.03 * 100) / 100, Math.round(t * 1.3)]);
        const values = [...new Set(ts.flatMap(near))].filter((v) => v >= 0);
        const couples = l.coupleParam ? [false, true, undefined] : [undefined];
        const kids = l.perChild ? [0, 1, undefined] : [undefined];
        for (const v of values) for (const c of couples) for (const k of kids) {
          const a: Record<string, unknown> = { [l.fact]: v, 'demandeur.en_couple': c };
          if (l.perChild) a[l.perChild.fact] = k;
          if (l.otherFact) a[l.otherFact] = 2000;
          sets.push(a);
          // earnings: none, or all of the resources (over the ceiling only because of them)
          if (l.earnings) sets.push({ ...a, [l.earnings]: 0 }, { ...a, [l.earnings]: v });
        }
        if (l.otherFact) sets.push({ [l.otherFact]: 2000 });
        if (l.coupleParam) sets.push({ 'demandeur.en_couple': true }, { 'demandeur.en_couple': false });
      }
      const seen = new Set<string>();
      const found: CriterionTextRow[] = [];
      for (const answers of sets) {
        const ctx: Ctx = { answers, params, date, uses: new Map() };
        const r = evalLeaf(l, ctx, name);
        const key = `${r.status}|${r.text}`;
        if (seen.has(key) || (l.exception && r.status === 'not_met')) continue;
        seen.add(key);
        found.push({ benefit: b.id, criterion: i + 1, fact: l.fact, legal: l.legal, status: r.status, text: r.text });
      }
      const order: Record<Tri, number> = { met: 0, not_met: 1, unknown: 2 };
      rows.push(...found.sort((x, y) => order[x.status] - order[y.status]));
      // a group's own sentence, after the first criterion of the group
      rows.push(...summaries.filter((r) => r.criterion === i + 1));
    });
  }
  return rows;
}
