/**
 * Catalogue format: declarative data (JSON), validated with zod/mini; a JSON Schema is generated from
 * the same schema (catalogue.schema.json). In the spirit of aides-jeunes, extended with all/any/not
 * nesting, labelled criteria with their French explanations, validity dates, territories, dated
 * parameters and amounts.
 */
import * as z from 'zod/mini';
import { DataFormatError, issuePath, issueReason } from '@relais/core/headless';

z.config({ jitless: true });

const slug = z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'identifiant en minuscules, chiffres et tirets'));
const factId = z.string().check(z.regex(/^[a-z_]+\.[a-z0-9_]+$/, 'identifiant de fait « groupe.nom »'));
const text = (max = 2000) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));
const date = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'date AAAA-MM-JJ attendue'));
const scalar = z.union([z.number(), z.string(), z.boolean()]);

/** A dated value of a parameter. */
export const ParameterValueSchema = z.object({
  value: z.number(),
  since: date,
  legal: z.optional(text(300)),
  /** The value still has to be checked against the official source (kept visible). */
  toVerify: z.optional(z.boolean()),
});

/**
 * How a parameter is revalued: each 1 January, each 1 April, each 1 January following the SMIC (`smic`), or never.
 * A value in force past its next revaluation date, with no newer value, is `stale` and shown as such.
 */
export const RevaluationSchema = z.enum(['annual-01-01', 'annual-04-01', 'smic', 'none']);

/** A parameter with dated values; the right one is picked for the evaluation date. */
export const ParameterSchema = z.object({
  label: text(300),
  unit: z.optional(z.enum(['€/mois', '€/an', '€/jour', 'ans', 'ratio', 'heures'])),
  values: z.array(ParameterValueSchema).check(z.minLength(1)),
  /** Usual revaluation: past it, the value in force is reported as stale. */
  revaluation: z.optional(RevaluationSchema),
  /** Where the series comes from (texts, OpenFisca file, circular). */
  source: z.optional(text(500)),
  /** Known revaluations outside the usual rule (a SMIC rise on 1 June): past one, an older value is stale. */
  revaluedOn: z.optional(z.array(date)),
});

/** The French sentences of a criterion, with `{value}` (the answer) and `{threshold}` placeholders. */
const Explain = z.object({ met: text(500), not_met: text(500), unknown: text(500) });

/**
 * The kind of a criterion picks its French sentence templates (one set per kind, in `texts.ts`):
 * `fact` (an answer to a yes/no or choice question), `age-min`, `age-max`, `resources` (a ceiling) and `cost`
 * (a part of the resources compared with a cost).
 */
export const CriterionKindSchema = z.enum(['fact', 'age-min', 'age-max', 'resources', 'cost']);

/** A leaf criterion on one fact. */
export const LeafSchema = z.object({
  fact: factId,
  op: z.enum(['eq', 'ne', 'gte', 'gt', 'lte', 'lt', 'in', 'notIn']),
  /** Literal to compare with. */
  value: z.optional(z.union([scalar, z.array(scalar)])),
  /** Or a parameter id (dated value). */
  param: z.optional(z.string().check(z.maxLength(80))),
  /** Multiply the parameter (e.g. 12 × monthly amount). */
  factor: z.optional(z.number()),
  /** Or another fact (`foyer.ressources_mensuelles` < `demandeur.frais_hebergement`). */
  otherFact: z.optional(factId),
  /** Multiply the answer before comparing (the 90 % of resources an ASH resident pays). */
  valueFactor: z.optional(z.number()),
  /** `resources`: the ceiling for a couple (parameter id), chosen when `demandeur.en_couple` is true. */
  coupleParam: z.optional(z.string().check(z.maxLength(80))),
  /** `resources`: the ceiling rises by `rate` per unit of `fact` (+50 % per dependent child). */
  perChild: z.optional(z.object({ fact: factId, rate: z.number() })),
  /** Answers in [from, to) cannot be decided from the answer alone: « à vérifier » with `greyText`. */
  grey: z.optional(z.tuple([z.number(), z.number()])),
  greyText: z.optional(text(500)),
  /**
   * An exception the questions do not cover: when this criterion is met the answer is « à vérifier » (never a
   * definite yes), with this sentence naming the fact that would settle it and who to ask.
   */
  exception: z.optional(text(500)),
  /**
   * `resources`: the part of the answer that is earnings (another fact). The law disregards part of the earnings
   * (abattements): resources over the ceiling only because of earnings are « à vérifier », and so are resources over
   * the ceiling while the earnings are not given.
   */
  earnings: z.optional(factId),
  /** `cost`: the minimum the person keeps each month (`factor` × parameter), when more than the share left by `valueFactor`. */
  keep: z.optional(z.object({ param: z.string().check(z.maxLength(80)), factor: z.optional(z.number()) })),
  /**
   * A « non » to this criterion does not close the right (it belongs to someone else, a carer): « à vérifier » with
   * this sentence instead.
   */
  ifNot: z.optional(text(500)),
  /** Sentences replacing the template of the kind for some statuses, with `{value}` and `{threshold}`. */
  say: z.optional(z.object({ met: z.optional(text(500)), not_met: z.optional(text(500)), unknown: z.optional(text(500)) })),
  /** Sentence templates (`fact` kind): what the law requires, as a noun phrase (« une RSDAE reconnue par la MDPH »). */
  need: z.optional(text(300)),
  kind: z.optional(CriterionKindSchema),
  /** Free sentences (local catalogues), with `{value}` and `{threshold}`; used when there is no `kind`. */
  explain: z.optional(Explain),
  legal: z.optional(text(300)),
});

export type Leaf = z.infer<typeof LeafSchema>;
/**
 * One sentence for a whole group instead of the sentences of its branches: `not_met` when no branch is met, `unknown`
 * when every branch is undecided (« L’ASPA est ouverte à 65 ans, ou dès 62 ans en cas d’inaptitude… »). The branches
 * of an « any » group are written for their own case: shown together they contradict each other.
 */
export interface GroupSummary {
  not_met?: string;
  unknown?: string;
}
const GroupSummarySchema = z.object({ not_met: z.optional(text(500)), unknown: z.optional(text(500)) });

export type Condition = Leaf | { all: Condition[]; label?: string; summary?: GroupSummary } | { any: Condition[]; label?: string; summary?: GroupSummary } | { not: Condition; label?: string };

export const ConditionSchema: z.ZodMiniType<Condition> = z.lazy(() =>
  z.union([
    LeafSchema,
    z.object({ all: z.array(ConditionSchema).check(z.minLength(1)), label: z.optional(text(300)), summary: z.optional(GroupSummarySchema) }),
    z.object({ any: z.array(ConditionSchema).check(z.minLength(1)), label: z.optional(text(300)), summary: z.optional(GroupSummarySchema) }),
    z.object({ not: ConditionSchema, label: z.optional(text(300)) }),
  ]),
) as z.ZodMiniType<Condition>;

/** Territory: départements, EPCI (SIREN) or communes (INSEE). */
export const TerritorySchema = z.object({
  departements: z.optional(z.array(z.string().check(z.regex(/^(\d{2,3}|2[AB])$/)))),
  epci: z.optional(z.array(z.string().check(z.regex(/^\d{9}$/)))),
  communes: z.optional(z.array(z.string().check(z.regex(/^(\d{5}|2[AB]\d{3})$/)))),
  label: z.optional(text(200)),
});

/** How much: a fixed value, a differential (ceiling − resources), a range by a fact, or a base and a maximum. */
/** Parameters written into a note: `{0}`, `{1}`… are replaced by `factor × value` in euros, dated like the amount. */
const NoteParams = z.optional(z.array(z.object({ param: z.string(), factor: z.optional(z.number()) })));
export const AmountSchema = z.union([
  z.object({ type: z.literal('fixed'), param: z.string(), per: z.enum(['mois', 'an', 'jour']), note: z.optional(text(500)), noteParams: NoteParams }),
  /** `coupleMax`: for a couple, what one member alone can receive (the single amount); the couple amount needs both. */
  z.object({ type: z.literal('differential'), param: z.string(), coupleParam: z.optional(z.string()), coupleMax: z.optional(z.string()), factor: z.optional(z.number()), resources: factId, per: z.enum(['mois', 'an']), note: z.optional(text(500)), noteParams: NoteParams }),
  z.object({ type: z.literal('range-by'), fact: factId, params: z.record(z.string(), z.string()), per: z.enum(['mois', 'an']), note: z.optional(text(500)), noteParams: NoteParams }),
  z.object({ type: z.literal('base-up-to'), base: z.string(), upTo: z.array(z.string()).check(z.minLength(1)), per: z.enum(['mois', 'an']), note: z.optional(text(500)), noteParams: NoteParams }),
]);

/** How the benefit is named in generated sentences: « l’APA » / « de l’APA ». */
export const BenefitNameSchema = z.object({ the: text(120), of: text(120) });

/** One benefit (aide, right, card, status, leave). */
export const BenefitSchema = z.object({
  id: slug,
  label: text(200),
  /** The benefit's short name with its article, for the generated sentences. */
  name: z.optional(BenefitNameSchema),
  falc: z.optional(text(200)),
  description: z.optional(text(2000)),
  validFrom: z.optional(date),
  validUntil: z.optional(date),
  territory: z.optional(TerritorySchema),
  /** A local benefit that replaces a national one on its territory (a département's variant). */
  replaces: z.optional(slug),
  conditions: ConditionSchema,
  /** Who decides after the checkable criteria: then the result is "probable", not "eligible". */
  evaluation: z.optional(z.object({ by: text(200), what: text(500) })),
  /** Conditions the engine does not model, shown as « à vérifier » on a possible result. */
  toCheck: z.optional(z.array(text(500))),
  /** Exceptions and other routes the questions do not cover: shown on every result, a not-eligible one included, with where to ask. */
  exceptions: z.optional(z.array(text(500))),
  amount: z.optional(AmountSchema),
  nextSteps: z.object({
    where: text(300),
    /** Structure kind to find in the directory (STRUCTURE_KINDS value). */
    kind: z.optional(z.string().check(z.maxLength(60))),
    form: z.optional(text(200)),
    documents: z.optional(z.array(text(300))),
    link: z.optional(text(2083)),
  }),
  sources: z.array(text(500)).check(z.minLength(1)),
});

/** A catalogue (national or local). */
export const CatalogueSchema = z.object({
  id: slug,
  label: text(200),
  /** Who maintains it (a département, a CCAS). */
  publisher: z.optional(text(200)),
  territory: z.optional(TerritorySchema),
  parameters: z.optional(z.record(z.string(), ParameterSchema)),
  benefits: z.array(BenefitSchema).check(z.minLength(1)),
});

export type Parameter = z.infer<typeof ParameterSchema>;
export type Territory = z.infer<typeof TerritorySchema>;
export type Amount = z.infer<typeof AmountSchema>;
export type Benefit = z.infer<typeof BenefitSchema>;
/** A catalogue of benefits (national or local); not the message catalogues of `@relais/core`. */
export type BenefitCatalogue = z.infer<typeof CatalogueSchema>;
/** @deprecated Renamed `BenefitCatalogue` (`Catalogue` in `@relais/core` is a catalogue of messages); this alias goes in 0.3. */
export type Catalogue = BenefitCatalogue;

/** A catalogue that cannot be used; the message names the faulty entry and field. */
export class CatalogueError extends DataFormatError {
  override readonly name = 'CatalogueError';
}

/** Validates a catalogue (and the references of its criteria to parameters). */
export function parseCatalogue(raw: unknown): BenefitCatalogue {
  const r = CatalogueSchema.safeParse(raw);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    const path = issuePath(issue.path);
    let entry = '';
    if (issue.path[0] === 'benefits' && typeof issue.path[1] === 'number') {
      const b = (raw as { benefits?: Array<{ id?: unknown }> }).benefits?.[issue.path[1]];
      if (b && typeof b.id === 'string') entry = ` (aide « ${b.id.slice(0, 60)} »)`;
    }
    const reason = issue.code === 'invalid_union' ? 'forme non reconnue (critère, groupe all/any/not ou montant)' : issueReason(issue);
    throw new CatalogueError(`Catalogue invalide${entry} — ${path} : ${reason}.`, path);
  }
  const c = r.data;
  const params = new Set(Object.keys(c.parameters ?? {}));
  const ids = new Set<string>();
  c.benefits.forEach((b, i) => {
    if (ids.has(b.id)) throw new CatalogueError(`Catalogue invalide (aide « ${b.id} ») — benefits[${i}].id : identifiant en double.`, `benefits[${i}].id`);
    ids.add(b.id);
    const check = (cond: Condition, path: string): void => {
      if ('fact' in cond) {
        if (cond.param && !params.has(cond.param)) throw new CatalogueError(`Catalogue invalide (aide « ${b.id} ») — ${path}.param : le paramètre « ${cond.param} » n’existe pas.`, `${path}.param`);
        if (cond.keep && !params.has(cond.keep.param)) throw new CatalogueError(`Catalogue invalide (aide « ${b.id} ») — ${path}.keep : le paramètre « ${cond.keep.param} » n’existe pas.`, `${path}.keep`);
        if (cond.coupleParam && !params.has(cond.coupleParam)) throw new CatalogueError(`Catalogue invalide (aide « ${b.id} ») — ${path}.coupleParam : le paramètre « ${cond.coupleParam} » n’existe pas.`, `${path}.coupleParam`);
        if (cond.value === undefined && !cond.param && !cond.otherFact) throw new CatalogueError(`Catalogue invalide (aide « ${b.id} ») — ${path} : valeur, paramètre ou autre fait attendu.`, path);
        if (!cond.explain && !cond.kind) throw new CatalogueError(`Catalogue invalide (aide « ${b.id} ») — ${path} : phrases (explain) ou type de critère (kind) attendus.`, path);
        if (cond.kind === 'fact' && !cond.need) throw new CatalogueError(`Catalogue invalide (aide « ${b.id} ») — ${path}.need : ce que demande le texte est attendu pour un critère de type « fact ».`, `${path}.need`);
      } else if ('all' in cond) cond.all.forEach((x, k) => check(x, `${path}.all[${k}]`));
      else if ('any' in cond) cond.any.forEach((x, k) => check(x, `${path}.any[${k}]`));
      else check(cond.not, `${path}.not`);
    };
    check(b.conditions, `benefits[${i}].conditions`);
    const a = b.amount;
    const refs = !a ? [] : a.type === 'fixed' ? [a.param] : a.type === 'differential' ? [a.param, ...(a.coupleParam ? [a.coupleParam] : []), ...(a.coupleMax ? [a.coupleMax] : [])] : a.type === 'range-by' ? Object.values(a.params) : [a.base, ...a.upTo];
    if (a?.noteParams) refs.push(...a.noteParams.map((n) => n.param));
    for (const p of refs) if (!params.has(p)) throw new CatalogueError(`Catalogue invalide (aide « ${b.id} ») — benefits[${i}].amount : le paramètre « ${p} » n’existe pas.`, `benefits[${i}].amount`);
  });
  return c;
}

/** Merges catalogues: parameters are shared (later ones win), benefits are concatenated. */
export function mergeCatalogues(...cats: BenefitCatalogue[]): BenefitCatalogue {
  return {
    id: 'fusion',
    label: cats.map((c) => c.label).join(' + '),
    parameters: Object.assign({}, ...cats.map((c) => c.parameters ?? {})),
    benefits: cats.flatMap((c) => c.benefits.map((b) => (c.territory && !b.territory ? { ...b, territory: c.territory } : b))),
  };
}

/** The JSON Schema of the catalogue format (for editors and CI), generated from the zod schema. */
export const catalogueJsonSchema = (): unknown => z.toJSONSchema(CatalogueSchema, { io: 'input', unrepresentable: 'any' });
