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
  /** `started` (e.g. dépôt), `done`, or `complete` (dossier complet). */
  event: z.enum(['started', 'done', 'complete']),
});

/** A deadline, as data. */
export const DeadlineSchema = z.object({
  /** How many units. */
  amount: z.number().check(z.int(), z.gte(0), z.lte(3650)),
  /** `days` (calendaires), `working-days` (ouvrés) or `months` (de date à date). */
  unit: z.enum(['days', 'working-days', 'months']),
  /** From which event. */
  from: Anchor,
  /** What silence means when the deadline passes: `rejet`, `accord`, or nothing said. */
  silence: z.optional(z.enum(['rejet', 'accord'])),
  /** Legal reference ("CASF R241-33"). */
  legal: z.optional(text(300)),
  /** True when the deadline is a practice, not a rule of law (shown as "délai indicatif"). */
  indicative: z.optional(z.boolean()),
  /** True when the value still has to be checked against the official text (kept visible). */
  toVerify: z.optional(z.boolean()),
  /** Moves a deadline falling on a weekend or public holiday to the next working day. */
  nextWorkingDay: z.optional(z.boolean()),
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
});

/** A pathway template. */
export const TemplateSchema = z.object({
  id,
  label: text(200),
  falc: z.optional(text(200)),
  description: z.optional(text(2000)),
  /** Who the pathway is for and how events can be shown (child protection events are never for a family portal). */
  audience: z.optional(z.enum(['usager', 'professionnel'])),
  steps: z.array(StepSchema).check(z.minLength(1), z.maxLength(40)),
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
});

export type Deadline = z.infer<typeof DeadlineSchema>;
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
export function parseTemplate(raw: unknown): PathwayTemplate {
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
    if (s.alternativeTo && !ids.has(s.alternativeTo)) throw new PathwayDataError(`Modèle de parcours invalide — steps[${i}].alternativeTo : l’étape « ${s.alternativeTo} » n’existe pas.`, `steps[${i}].alternativeTo`);
  });
  return t;
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
