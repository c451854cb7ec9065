/**
 * Pathway templates and cases as data, validated with zod/mini. A malformed template or case is
 * rejected with a French message naming the faulty field (`steps[2].deadline.unit : …`).
 */
import * as z from 'zod/mini';
import { DataFormatError, issuePath, issueReason, type ValidationIssue } from '@relais/core/headless';
import { isIsoDate, type IsoDate } from './calendar.js';

z.config({ jitless: true });

const id = z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'identifiant en minuscules, chiffres et tirets'));
const text = (max = 2000) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));
const isoDate = z.string().check(z.refine((s) => isIsoDate(s), 'date AAAA-MM-JJ attendue'));

/** What a deadline is counted from: an event of a step of the same case. */
const Anchor = z.object({
  /** Step whose event starts the count. */
  step: id,
  /**
   * `started` (e.g. dépôt), `done`, `complete` (the dossier complet of the case: a `complete` event, else the end of
   * the step marked `marksComplete`), or `lapsed` (the date the step's own deadline with a silence rule passed
   * without the step being done: an implicit decision).
   */
  event: z.enum(['started', 'done', 'complete', 'lapsed']),
  /**
   * The starting event in plain French, as the text counts it (« la réception du plan d’aide », « la date du dossier
   * complet indiquée sur l’accusé de réception »); defaults to the step's label.
   */
  label: z.optional(text(300)),
});

const UNITS = ['days', 'weeks', 'working-days', 'months'] as const;

/** A change of a deadline when a fact of the case is declared (a younger child, a kind of place…). */
const Variant = z.object({
  /** The fact (one of the template's `facts`). */
  if: id,
  /** Replaces the amount. */
  amount: z.optional(z.number().check(z.int(), z.gte(0), z.lte(3650))),
  /** Replaces the unit. */
  unit: z.optional(z.enum(UNITS)),
  /** Counted in jours francs (see the deadline's `franc`). */
  franc: z.optional(z.boolean()),
  /** Said with the deadline when the fact is declared. */
  note: z.optional(text(500)),
});

/** A deadline, as data. */
export const DeadlineSchema = z.object({
  /** How many units. */
  amount: z.number().check(z.int(), z.gte(0), z.lte(3650)),
  /** `days` (calendaires), `weeks`, `working-days` (ouvrés) or `months` (de date à date). */
  unit: z.enum(UNITS),
  /** From which event. */
  from: Anchor,
  /**
   * Whose deadline it is: `person` (the person must act: answer, observe, contest, withdraw) or `administration`
   * (default: the body must act). Messages are worded for each.
   */
  owner: z.optional(z.enum(['person', 'administration'])),
  /** What must be done by then, as an infinitive (« répondre au plan d’aide », « décider »). */
  task: z.optional(text(300)),
  /** For the administration's deadlines: who must act, as a subject (« La CDAPH », « Le département »). */
  by: z.optional(text(200)),
  /** A second starting event, used when `from` is unknown (e.g. a recours from the notification or from the implicit rejection). */
  orFrom: z.optional(Anchor),
  /** With `orFrom`: `first` (default: `from`, else `orFrom` when `from` is unknown) or `latest` (`from`, or `orFrom` when it is later; nothing while `from` is unknown). */
  combine: z.optional(z.enum(['first', 'latest'])),
  /** The deadline applies only when this fact of the case is declared (one of the template's `facts`). */
  appliesIf: z.optional(id),
  /** Changes of the deadline under declared facts. */
  variants: z.optional(z.array(Variant).check(z.maxLength(10))),
  /** What silence means when the deadline passes: `rejet`, `accord`, or nothing said. */
  silence: z.optional(z.enum(['rejet', 'accord'])),
  /** What happens when the deadline passes, in plain French (« la demande est réputée refusée », « France Travail vous oriente »); defaults from `silence`. */
  consequence: z.optional(text(300)),
  /** A remark said with the deadline (« plus court selon l’âge de l’enfant »). */
  note: z.optional(text(500)),
  /** Legal reference ("CASF R241-33"). */
  legal: z.optional(text(300)),
  /** True when the deadline is a practice, not a rule of law (shown as "délai indicatif"). */
  indicative: z.optional(z.boolean()),
  /** True when the value still has to be checked against the official text: the public reads « (à confirmer) », professionals the mark. */
  toVerify: z.optional(z.boolean()),
  /**
   * Moves a deadline falling on a Saturday, Sunday or public holiday to the next working day (code de procédure civile
   * art. 642; the same before the administrative court). Without it, a person's deadline ending on such a day says
   * that the end may move (« à confirmer »).
   */
  nextWorkingDay: z.optional(z.boolean()),
  /** Délai franc: the last day counted is not the end, the person may still act the day after (administrative court). */
  franc: z.optional(z.boolean()),
  /**
   * The deadline runs only if the person was told of it (a recours: the délais et voies de recours written in the
   * notification, or in the accusé de réception for an implicit rejection — CRPA L112-6, CJA R421-5): once passed it
   * « semble » passed, never certainly.
   */
  ifNotified: z.optional(z.boolean()),
  /**
   * `started`: the person meets the deadline by starting the step (a recours is made when it is sent, CASF R241-36; a
   * rétractation when the letter is sent, L311-4-1), not by its end: once started in time it is never late.
   */
  metBy: z.optional(z.literal('started')),
  /**
   * A step whose own deadline (the person's, with a silence rule) lapsing makes this deadline's `silence` and
   * `consequence` void, and its `whenLate` with them (APA: no forfait once the reply to the plan lapsed, R232-7).
   */
  voidIfLapsed: z.optional(id),
  /**
   * When the starting event is unknown and the date is only indicative: what the person can ask to know it, as an
   * imperative (« demandez au département la date du dossier complet indiquée sur l’accusé de réception »). Said
   * instead of the consequence, which is never stated on an indicative date.
   */
  askFor: z.optional(text(300)),
});

/** One step of a template. */
export const StepSchema = z.object({
  id,
  label: text(200),
  /** Easy-read label. */
  falc: z.optional(text(200)),
  /** Who acts, in plain French, and the kind of structure (STRUCTURE_KINDS value) to find it in the directory. */
  actor: z.object({ label: text(200), kind: z.optional(z.string().check(z.maxLength(60))) }),
  /** Documents of the step. */
  documents: z.optional(z.array(text(300))),
  /** What the person does or can expect now, in plain French. */
  action: z.optional(text(1000)),
  /** What the person can do when the deadline has passed (recours…). */
  whenLate: z.optional(text(1000)),
  optional: z.optional(z.boolean()),
  /** This step replaces another (a branch): when one of them happens, the other is skipped. */
  alternativeTo: z.optional(id),
  deadline: z.optional(DeadlineSchema),
  /** Usual duration in days, for the expected calendar when no legal deadline applies (indicative). */
  typicalDays: z.optional(z.number().check(z.int(), z.gte(0), z.lte(3650))),
  /** Legal basis of the step. */
  legal: z.optional(text(300)),
  /** The end of this step is the date of the dossier complet (an accusé de réception stating it), for `complete` anchors. */
  marksComplete: z.optional(z.boolean()),
  /** True when the step's own `legal` (a rule said in `action`) still has to be checked on Légifrance (« à confirmer » for the public). */
  toVerify: z.optional(z.boolean()),
});

/** A fact a case can declare (« le séjour prévu dure plus de 2 mois », « l’enfant a moins de 3 ans »). */
export const FactSchema = z.object({ id, label: text(300) });

/** A pathway template. */
export const TemplateSchema = z.object({
  id,
  label: text(200),
  falc: z.optional(text(200)),
  description: z.optional(text(2000)),
  /** Who the pathway is for and how events can be shown (child protection events are never for a family portal). */
  audience: z.optional(z.enum(['usager', 'professionnel'])),
  steps: z.array(StepSchema).check(z.minLength(1), z.maxLength(40)),
  /** Facts a case can declare, which change deadlines (`appliesIf`, `variants`). */
  facts: z.optional(z.array(FactSchema).check(z.maxLength(20))),
  /** Sources (legal texts, official pages) the template was written from. */
  sources: z.optional(z.array(text(500))),
});

/** Kinds of events of a case. */
export const EVENT_KINDS = ['started', 'done', 'skipped', 'complete', 'document-received', 'hospitalisation', 'demenagement', 'perte-de-droit', 'majorite', 'avancee-en-age', 'autre-rupture'] as const;
/** Ruptures: changes in the person's life that can break a pathway. */
export const RUPTURES = ['hospitalisation', 'demenagement', 'perte-de-droit', 'majorite', 'avancee-en-age', 'autre-rupture'] as const;

/** One dated event of a case: `{ stepId, kind, date: 'YYYY-MM-DD' }`. */
export const EventSchema = z.object({
  /** Step concerned; optional for ruptures, which concern the whole case. */
  stepId: z.optional(id),
  kind: z.enum(EVENT_KINDS),
  date: isoDate,
  /** For `document-received`: which document (its label in the template). */
  document: z.optional(text(300)),
  /** A short note (no personal data). */
  note: z.optional(text(500)),
});

/** A case: a template (by id or inline) and its events. */
export const CaseSchema = z.object({
  template: z.union([id, TemplateSchema]),
  events: z.array(EventSchema).check(z.maxLength(500)),
  /** Facts declared for the case (ids of the template's `facts`). */
  facts: z.optional(z.array(id).check(z.maxLength(20))),
});

export type Deadline = z.infer<typeof DeadlineSchema>;
export type DeadlineAnchor = z.infer<typeof Anchor>;
export type StepTemplate = z.infer<typeof StepSchema>;
export type PathwayTemplate = z.infer<typeof TemplateSchema>;
export type PathwayEvent = z.infer<typeof EventSchema> & { date: IsoDate };
export type EventKind = (typeof EVENT_KINDS)[number];
export type Rupture = (typeof RUPTURES)[number];
export type PathwayCase = z.infer<typeof CaseSchema>;

/** A template or case that cannot be used. */
export class PathwayDataError extends DataFormatError {
  override readonly name = 'PathwayDataError';
  /** Dotted path of the faulty field (same as `path`). */
  get field(): string {
    return this.path;
  }
}

const describe = (issue: ValidationIssue, what: string): PathwayDataError => {
  const field = issuePath(issue.path);
  return new PathwayDataError(`${what} invalide — ${field} : ${issueReason(issue)}.`, field);
};

/** Validates a template; checks that step ids are unique and that references point to existing steps. */
export function parsePathwayTemplate(raw: unknown): PathwayTemplate {
  const r = TemplateSchema.safeParse(raw);
  if (!r.success) throw describe(r.error.issues[0]!, 'Modèle de parcours');
  const t = r.data;
  const ids = new Set<string>();
  t.steps.forEach((s, i) => {
    if (ids.has(s.id)) throw new PathwayDataError(`Modèle de parcours invalide — steps[${i}].id : l’identifiant « ${s.id} » est en double.`, `steps[${i}].id`);
    ids.add(s.id);
  });
  t.steps.forEach((s, i) => {
    if (s.deadline && !ids.has(s.deadline.from.step)) throw new PathwayDataError(`Modèle de parcours invalide — steps[${i}].deadline.from.step : l’étape « ${s.deadline.from.step} » n’existe pas.`, `steps[${i}].deadline.from.step`);
    if (s.deadline?.orFrom && !ids.has(s.deadline.orFrom.step)) throw new PathwayDataError(`Modèle de parcours invalide — steps[${i}].deadline.orFrom.step : l’étape « ${s.deadline.orFrom.step} » n’existe pas.`, `steps[${i}].deadline.orFrom.step`);
    for (const [a, field] of [[s.deadline?.from, 'from'], [s.deadline?.orFrom, 'orFrom']] as const) {
      if (a?.event !== 'lapsed') continue;
      const target = t.steps.find((x) => x.id === a.step)?.deadline;
      if (!target || (!target.silence && !target.consequence)) throw new PathwayDataError(`Modèle de parcours invalide — steps[${i}].deadline.${field}.event : « lapsed » demande que l’étape « ${a.step} » ait un délai avec une règle de silence (silence ou consequence).`, `steps[${i}].deadline.${field}.event`);
    }
    const factIds = new Set((t.facts ?? []).map((f) => f.id));
    const factRefs: Array<[string, string]> = [];
    if (s.deadline?.appliesIf) factRefs.push([s.deadline.appliesIf, `steps[${i}].deadline.appliesIf`]);
    s.deadline?.variants?.forEach((v, j) => factRefs.push([v.if, `steps[${i}].deadline.variants[${j}].if`]));
    for (const [f, field] of factRefs) if (!factIds.has(f)) throw new PathwayDataError(`Modèle de parcours invalide — ${field} : la situation « ${f} » n’est pas déclarée dans facts.`, field);
    if (s.deadline?.voidIfLapsed) {
      const v = t.steps.find((x) => x.id === s.deadline!.voidIfLapsed)?.deadline;
      if (!v || (!v.silence && !v.consequence)) throw new PathwayDataError(`Modèle de parcours invalide — steps[${i}].deadline.voidIfLapsed : l’étape « ${s.deadline.voidIfLapsed} » doit avoir un délai avec une règle de silence.`, `steps[${i}].deadline.voidIfLapsed`);
    }
    if (s.alternativeTo && !ids.has(s.alternativeTo)) throw new PathwayDataError(`Modèle de parcours invalide — steps[${i}].alternativeTo : l’étape « ${s.alternativeTo} » n’existe pas.`, `steps[${i}].alternativeTo`);
  });
  return t;
}

/** Validates the facts declared for a case against its template. */
export function parseFacts(raw: unknown, template: PathwayTemplate): string[] {
  if (raw === undefined || raw === null) return [];
  const r = z.array(id).safeParse(raw);
  if (!r.success) throw describe({ ...r.error.issues[0]!, path: ['facts', ...r.error.issues[0]!.path] }, 'Dossier');
  const known = new Set((template.facts ?? []).map((f) => f.id));
  r.data.forEach((f, i) => {
    if (!known.has(f)) throw new PathwayDataError(`Dossier invalide — facts[${i}] : la situation « ${f} » n’est pas prévue par le modèle « ${template.id} »${known.size ? ` (${[...known].join(', ')})` : ''}.`, `facts[${i}]`);
  });
  return r.data;
}

/** Validates the events of a case against its template (unknown steps are rejected). */
export function parseEvents(raw: unknown, template: PathwayTemplate): PathwayEvent[] {
  const r = z.array(EventSchema).safeParse(raw);
  if (!r.success) throw describe({ ...r.error.issues[0]!, path: ['events', ...r.error.issues[0]!.path] }, 'Dossier');
  const ids = new Set(template.steps.map((s) => s.id));
  r.data.forEach((e, i) => {
    if (e.stepId && !ids.has(e.stepId)) throw new PathwayDataError(`Dossier invalide — events[${i}].stepId : l’étape « ${e.stepId} » n’existe pas dans le modèle « ${template.id} ».`, `events[${i}].stepId`);
    if (!e.stepId && !(RUPTURES as readonly string[]).includes(e.kind)) throw new PathwayDataError(`Dossier invalide — events[${i}].stepId : un événement « ${e.kind} » doit nommer son étape.`, `events[${i}].stepId`);
  });
  return r.data;
}

/** @deprecated Renamed `parsePathwayTemplate` (liaison has its own `parseSheetTemplate`); this alias goes in 0.3. */
export const parseTemplate = parsePathwayTemplate;
