/**
 * Liaison-sheet templates as data: sections → fields with type, required, showIf, sensitivity and who
 * fills them, with French labels, hints and examples. Validated with zod/mini; a host adds its own
 * template file. Validation of the values follows GOV.UK / DSFR: when the person continues or sends,
 * never on blur, never clearing a field, each message with an example of the expected format.
 */
import * as z from 'zod/mini';
import { DataFormatError, issuePath, issueReason } from '@relais/core/headless';

z.config({ jitless: true });

const id = z.string().check(z.regex(/^[a-z0-9][a-z0-9_-]{0,62}$/, 'identifiant en minuscules, chiffres, tirets'));
const text = (max = 500) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));

/** Types of fields. */
export const FIELD_TYPES = ['text', 'textarea', 'date', 'datetime', 'tel', 'email', 'number', 'choice', 'multi', 'boolean', 'list'] as const;

/** Sensitivity: S0 administrative, S1 personal, S2 health, S3 most sensitive (end of life, behaviour), NIR. */
export const SENSITIVITIES = ['S0', 'S1', 'S2', 'S3', 'NIR'] as const;

/** Who fills a field: the person or carer, the doctor, a professional, the emergency service, the system. */
export const AUTHORS = ['personne', 'medecin', 'professionnel', 'urgences', 'systeme'] as const;

/**
 * Who sees a field once the sheet is kept or sent: the person and the proches at home, the secours (pompiers,
 * SAMU), the emergency department, the médecin traitant, the professional who fills it, the receiving structure.
 */
export const AUDIENCES = ['personne', 'proches', 'secours', 'urgences', 'medecin', 'intervenants', 'emetteur', 'destinataire'] as const;

/** French names of the audiences (for the person: « qui voit cette information »). */
export const AUDIENCE_LABELS: Readonly<Record<(typeof AUDIENCES)[number], string>> = {
  personne: 'la personne',
  proches: 'ses proches',
  secours: 'les secours (pompiers, SAMU)',
  urgences: 'le service des urgences',
  medecin: 'le médecin traitant',
  intervenants: 'les intervenants du domicile (aide, soins infirmiers, portage…)',
  emetteur: 'le professionnel qui remplit la fiche',
  destinataire: 'la structure qui reçoit la fiche',
};

/** An official model a template is built on (HAS, ANS CI-SIS, DORA…), cited as data. */
export const ModelSchema = z.object({
  id,
  /** Name of the model, as its publisher gives it. */
  title: text(300),
  publisher: text(200),
  /** Version or date of the model ("2025.01", "publié le 26/03/2021", a commit). */
  version: text(100),
  /** Where to read it (a web page, a repository path). */
  reference: text(500),
  /** What could not be checked against the model itself (« à vérifier »). */
  toVerify: z.optional(text(1000)),
});

/** Where a field comes from in a model: the model's id and the model's own field (section, element, value set). */
export const ModelFieldSchema = z.object({ model: id, field: text(300) });

/** A field. */
export const FieldSchema = z.object({
  id,
  label: text(300),
  hint: z.optional(text(500)),
  /** An example of the expected format, shown with the error message ("par exemple 03 86 12 34 56"). */
  example: z.optional(text(200)),
  type: z.enum(FIELD_TYPES),
  required: z.optional(z.boolean()),
  options: z.optional(z.array(z.object({ value: id, label: text(200) }))),
  /** For `list`: the sub-fields of each item (a treatment, a person to notify…). */
  item: z.optional(z.array(z.object({ id, label: text(200), type: z.enum(['text', 'tel', 'date', 'email']), required: z.optional(z.boolean()) }))),
  maxItems: z.optional(z.number().check(z.int(), z.positive(), z.lte(50))),
  maxLength: z.optional(z.number().check(z.int(), z.positive(), z.lte(20000))),
  /** Shown only when another field of the same sheet has this value (`equals`) or one of these values (`in`). */
  showIf: z.optional(z.object({ field: id, equals: z.optional(z.union([z.string(), z.boolean(), z.number()])), in: z.optional(z.array(z.string()).check(z.minLength(1))) })),
  /** S2 and S3 are health data (RGPD art. 9): a field that reveals health (LSF, the reason of a referral…) is S2 at least. */
  sensitivity: z.enum(SENSITIVITIES),
  author: z.enum(AUTHORS),
  /** Why the field is needed (data minimisation, CNIL): what the reader does with it. */
  purpose: z.optional(text(500)),
  /** Who sees it when the sheet is kept or sent. */
  seenBy: z.optional(z.array(z.enum(AUDIENCES)).check(z.minLength(1))),
  /** The model field(s) it comes from; empty when the field is this SDK's own (then say why in `purpose`). */
  modelFields: z.optional(z.array(ModelFieldSchema)),
  /** What is « à vérifier » about this field against its model. */
  toVerify: z.optional(text(500)),
  /**
   * The value never leaves the device: never exported, sent or printed — except on the paper kept at home when the
   * site enables it (`home-print-access` on `<relais-liaison-form>`). For the door code.
   */
  deviceOnly: z.optional(z.boolean()),
  /**
   * The sheet cannot be SENT while this field has one of these values (it can still be kept and printed): e.g. « the
   * person does not know she is referred » — nobody can be informed of a sharing she does not know about. `message`
   * says why, in French.
   */
  blocksSending: z.optional(z.object({ in: z.array(z.string()).check(z.minLength(1)), message: text(500) })),
});

/** A section. */
export const SectionSchema = z.object({
  id,
  title: text(200),
  description: z.optional(text(1000)),
  fields: z.array(FieldSchema).check(z.minLength(1)),
  /** A section is reviewed after this many months (the kept fiche frigo: 12). */
  reviewAfterMonths: z.optional(z.number().check(z.int(), z.positive(), z.lte(120))),
  /** The part of the model it follows (« CI-SIS DLU-FT-SU 2025.01 — fiche de transfert »). */
  modelPart: z.optional(text(300)),
});

/** A recipient of the sheet and the sections it needs (only those are sent). */
export const RecipientSchema = z.object({
  id,
  label: text(200),
  /** Sections sent to this recipient, in form order. */
  sections: z.array(id).check(z.minLength(1)),
  /**
   * Who this recipient is among the fields' `seenBy`: when set, a field of a sent section leaves the device only if
   * its `seenBy` names this audience (a field without `seenBy` is then not sent). Without it, `seenBy` is
   * documentation only and every field of the sections is sent.
   */
  audience: z.optional(z.enum(AUDIENCES)),
});

/** A template. */
export const TemplateSchema = z.object({
  id,
  version: text(40),
  title: text(200),
  description: z.optional(text(2000)),
  sections: z.array(SectionSchema).check(z.minLength(1)),
  sources: z.optional(z.array(text(500))),
  /** The official models the sheet is rebuilt on (model, version, reference). */
  models: z.optional(z.array(ModelSchema)),
  /** Who may receive the sheet and which sections each needs; without it, one recipient gets every section. */
  recipients: z.optional(z.array(RecipientSchema).check(z.minLength(1))),
  /** What is « à vérifier » about the template as a whole. */
  toVerify: z.optional(z.array(text(1000))),
  /**
   * Sharing frames for the consent step: `recommended` is shown first as « recommandé » (an orientation to a
   * structure that does not yet follow the person needs her agreement: `hors-equipe`); `excluded` are never offered
   * for this sheet (child protection for the DLU-Dom sent to the emergency department). Ids of `CONSENT_REGIMES`.
   */
  regimes: z.optional(z.object({ recommended: z.optional(id), excluded: z.optional(z.array(id)), reason: z.optional(text(500)) })),
});

export type Field = z.infer<typeof FieldSchema>;
export type Section = z.infer<typeof SectionSchema>;
export type Template = z.infer<typeof TemplateSchema>;
export type Model = z.infer<typeof ModelSchema>;
export type Recipient = z.infer<typeof RecipientSchema>;
export type Audience = (typeof AUDIENCES)[number];

/** The values of a sheet: by field id; lists are arrays of objects. Strings are kept as typed. */
export type SheetValues = Record<string, unknown>;

/** A template that cannot be used; the message names the faulty field. */
export class TemplateError extends DataFormatError {
  override readonly name = 'TemplateError';
}

/**
 * Validates a sheet template against the sheet schema (unique field ids, showIf pointing to an existing field, options
 * for choices).
 */
export function parseSheetTemplate(raw: unknown): Template {
  const r = TemplateSchema.safeParse(raw);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    throw new TemplateError(`Modèle de fiche invalide — ${issuePath(issue.path)} : ${issueReason(issue)}.`, issuePath(issue.path));
  }
  const t = r.data;
  const ids = new Set<string>();
  t.sections.forEach((s, si) =>
    s.fields.forEach((f, fi) => {
      const path = `sections[${si}].fields[${fi}]`;
      if (ids.has(f.id)) throw new TemplateError(`Modèle de fiche invalide — ${path}.id : l’identifiant « ${f.id} » est en double.`, `${path}.id`);
      ids.add(f.id);
      if ((f.type === 'choice' || f.type === 'multi') && !f.options?.length) throw new TemplateError(`Modèle de fiche invalide — ${path}.options : un choix demande des options.`, `${path}.options`);
      if (f.type === 'list' && !f.item?.length) throw new TemplateError(`Modèle de fiche invalide — ${path}.item : une liste demande ses sous-champs.`, `${path}.item`);
    }),
  );
  const models = new Set((t.models ?? []).map((m) => m.id));
  t.sections.forEach((s, si) =>
    s.fields.forEach((f, fi) => {
      const path = `sections[${si}].fields[${fi}]`;
      if (f.showIf && !ids.has(f.showIf.field)) throw new TemplateError(`Modèle de fiche invalide — ${path}.showIf.field : le champ « ${f.showIf.field} » n’existe pas.`, `${path}.showIf.field`);
      if (f.showIf && (f.showIf.equals === undefined) === (f.showIf.in === undefined)) throw new TemplateError(`Modèle de fiche invalide — ${path}.showIf : indiquez « equals » ou « in », l’un des deux.`, `${path}.showIf`);
      f.modelFields?.forEach((m, mi) => {
        if (!models.has(m.model)) throw new TemplateError(`Modèle de fiche invalide — ${path}.modelFields[${mi}].model : le modèle « ${m.model} » n’est pas dans « models ».`, `${path}.modelFields[${mi}].model`);
      });
    }),
  );
  const sectionIds = new Set(t.sections.map((s) => s.id));
  t.recipients?.forEach((r, ri) =>
    r.sections.forEach((sid, k) => {
      if (!sectionIds.has(sid)) throw new TemplateError(`Modèle de fiche invalide — recipients[${ri}].sections[${k}] : la partie « ${sid} » n’existe pas.`, `recipients[${ri}].sections[${k}]`);
    }),
  );
  return t;
}

/** @deprecated Renamed `parseSheetTemplate` (pathway has its own `parsePathwayTemplate`); this alias goes in 0.3. */
export const parseTemplate = parseSheetTemplate;

/** A validation error of a value, for the error summary and the message next to the field. */
export interface FieldError {
  /** Field id (and item index and sub-field for lists: `traitements.2.dose`). */
  field: string;
  section: string;
  /** French message with an example of the expected format. */
  message: string;
}

const isEmpty = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);
const PHONE = /^(?:\+\d{2,3}\s?|0)[1-9](?:[\s.-]?\d{2}){4}$/;
const EMAIL = /^[^\s@<>"'`]+@[^\s@<>"'`]+\.[^\s@<>"'`]+$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const realDate = (d: string) => {
  if (!DATE.test(d)) return false;
  const x = new Date(`${d}T12:00:00Z`);
  return !Number.isNaN(x.getTime()) && x.toISOString().slice(0, 10) === d;
};

/** Whether a field is shown, given the other values (showIf). */
export const isShown = (f: Field, values: SheetValues): boolean => {
  if (!f.showIf) return true;
  const v = values[f.showIf.field];
  return f.showIf.in ? typeof v === 'string' && f.showIf.in.includes(v) : v === f.showIf.equals;
};

/** Whether a field holds health data (RGPD art. 9): sensitivity S2 or S3. */
export const isHealthData = (f: Field): boolean => f.sensitivity === 'S2' || f.sensitivity === 'S3';

/** Whether people see the field: the fields the system fills (a directory id…) are kept, never shown. */
export const isForPeople = (f: Field): boolean => f.author !== 'systeme';

/** The recipients of a template: its own list, or one recipient that needs every section. */
export function recipientsOf(t: Template): Recipient[] {
  return t.recipients ?? [{ id: 'destinataire', label: 'La structure destinataire', sections: t.sections.map((s) => s.id) }];
}

/** Whether a field may be sent to this audience (no audience: `seenBy` is documentation only). */
export function seenByAudience(f: Field, audience: Audience | undefined): boolean {
  return !audience || Boolean(f.seenBy?.includes(audience));
}

/**
 * The fields a recipient may receive: those of the sections named, never a `deviceOnly` field, and — when the
 * recipient has an `audience` — only those whose `seenBy` names it. A receiver refuses any other value.
 */
export function allowedFields(t: Template, sections: readonly string[], audience?: Audience): Set<string> {
  return new Set(t.sections.filter((s) => sections.includes(s.id)).flatMap((s) => s.fields.filter((f) => !f.deviceOnly && seenByAudience(f, audience)).map((f) => f.id)));
}

/** The fields of the sections sent that the recipient does NOT receive (its `audience` is not in their `seenBy`). */
export function withheldFields(t: Template, sections: readonly string[], audience?: Audience): Field[] {
  return t.sections.filter((s) => sections.includes(s.id)).flatMap((s) => s.fields.filter((f) => !f.deviceOnly && !seenByAudience(f, audience)));
}

/** What stops the sheet from being sent (a `blocksSending` value in a sent section), in form order. */
export function sendBlockers(t: Template, values: SheetValues, sections: readonly string[]): FieldError[] {
  return t.sections
    .filter((s) => sections.includes(s.id))
    .flatMap((s) => s.fields.filter((f) => f.blocksSending && isShown(f, values) && f.blocksSending.in.includes(String(values[f.id]))).map((f) => ({ field: f.id, section: s.id, message: f.blocksSending!.message })));
}

/**
 * The values that leave the device for a recipient: only the fields of the given sections, never a `deviceOnly`
 * field (the door code), never a field hidden by showIf. Unknown keys (an old `accord_personne`…) are dropped.
 */
export function sharedValues(t: Template, values: SheetValues, sections: readonly string[], audience?: Audience): SheetValues {
  const out: SheetValues = {};
  for (const s of t.sections) {
    if (!sections.includes(s.id)) continue;
    for (const f of s.fields) {
      if (f.deviceOnly || !isShown(f, values) || !seenByAudience(f, audience)) continue;
      if (Object.prototype.hasOwnProperty.call(values, f.id) && values[f.id] !== undefined) out[f.id] = values[f.id];
    }
  }
  return out;
}

function checkScalar(type: string, v: unknown, label: string, example: string | undefined, maxLength?: number): string | null {
  const ex = example ? `, par exemple ${example}` : '';
  if (typeof v === 'string' && maxLength && v.length > maxLength) return `${label} : ${maxLength} caractères au plus (actuellement ${v.length}).`;
  switch (type) {
    case 'tel':
      return typeof v === 'string' && PHONE.test(v.trim()) ? null : `${label} : indiquez un numéro de téléphone à 10 chiffres${ex || ', par exemple 03 86 12 34 56'}.`;
    case 'email':
      return typeof v === 'string' && EMAIL.test(v.trim()) ? null : `${label} : indiquez une adresse électronique${ex || ', par exemple nom@exemple.fr'}.`;
    case 'date':
      return typeof v === 'string' && realDate(v) ? null : `${label} : indiquez une date réelle${ex || ', par exemple 27/03/1941'}.`;
    case 'datetime':
      return typeof v === 'string' && !Number.isNaN(Date.parse(v)) ? null : `${label} : indiquez une date et une heure${ex}.`;
    case 'number':
      return typeof v === 'number' && Number.isFinite(v) ? null : `${label} : indiquez un nombre${ex}.`;
    case 'boolean':
      return typeof v === 'boolean' ? null : `${label} : répondez oui ou non.`;
    default:
      return typeof v === 'string' ? null : `${label} : texte attendu.`;
  }
}

/**
 * The sections a receiver validates: those the consent names, and any other section of which a value was sent. A
 * section neither named nor sent was not shared (only the sections the recipient needs leave the device).
 */
export function receivedSections(t: Template, values: SheetValues, consentSections: unknown): string[] {
  const named = Array.isArray(consentSections) ? consentSections.filter((x): x is string => typeof x === 'string') : [];
  return t.sections.filter((s) => named.includes(s.id) || s.fields.some((f) => !isEmpty(values[f.id]))).map((s) => s.id);
}

/**
 * Validates the values of a sheet (or of one section, or of some sections). Returns the errors in the order of the form,
 * for an error summary that links to each field. Never changes the values.
 */
export function validateSheet(t: Template, values: SheetValues, opts: { section?: string; sections?: readonly string[] } = {}): FieldError[] {
  const errors: FieldError[] = [];
  for (const s of t.sections) {
    if (opts.section && s.id !== opts.section) continue;
    if (opts.sections && !opts.sections.includes(s.id)) continue;
    for (const f of s.fields) {
      if (!isShown(f, values)) continue;
      const v = values[f.id];
      if (isEmpty(v)) {
        if (f.required) errors.push({ field: f.id, section: s.id, message: `${f.label} : ce champ est obligatoire${f.example ? ` (par exemple ${f.example})` : ''}.` });
        continue;
      }
      if (f.type === 'choice') {
        if (!f.options!.some((o) => o.value === v)) errors.push({ field: f.id, section: s.id, message: `${f.label} : choisissez une des réponses proposées.` });
      } else if (f.type === 'multi') {
        if (!Array.isArray(v) || v.some((x) => !f.options!.some((o) => o.value === x))) errors.push({ field: f.id, section: s.id, message: `${f.label} : choisissez parmi les réponses proposées.` });
      } else if (f.type === 'list') {
        if (!Array.isArray(v)) {
          errors.push({ field: f.id, section: s.id, message: `${f.label} : liste attendue.` });
          continue;
        }
        if (f.maxItems && v.length > f.maxItems) errors.push({ field: f.id, section: s.id, message: `${f.label} : ${f.maxItems} éléments au plus.` });
        v.forEach((item, i) => {
          for (const sub of f.item!) {
            const sv = (item as Record<string, unknown> | null)?.[sub.id];
            const subLabel = `${f.label} n° ${i + 1}, ${sub.label.toLowerCase()}`;
            if (isEmpty(sv)) {
              if (sub.required) errors.push({ field: `${f.id}.${i}.${sub.id}`, section: s.id, message: `${subLabel} : ce champ est obligatoire.` });
              continue;
            }
            const m = checkScalar(sub.type, sv, subLabel, undefined, 2000);
            if (m) errors.push({ field: `${f.id}.${i}.${sub.id}`, section: s.id, message: m });
          }
        });
      } else {
        const m = checkScalar(f.type, v, f.label, f.example, f.maxLength ?? (f.type === 'textarea' ? 5000 : 500));
        if (m) errors.push({ field: f.id, section: s.id, message: m });
      }
    }
  }
  return errors;
}

/** Status of a section for the task list: non commencé, en cours, terminé, à mettre à jour. */
export type SectionStatus = 'not-started' | 'in-progress' | 'completed' | 'to-review';

/** Statuses of the sections (GOV.UK task list), `updatedAt` per section for the review after N months. */
export function sectionStatuses(t: Template, values: SheetValues, sectionUpdatedAt: Record<string, string> = {}, today = new Date().toISOString().slice(0, 10)): Record<string, SectionStatus> {
  const out: Record<string, SectionStatus> = {};
  for (const s of t.sections) {
    const shown = s.fields.filter((f) => isShown(f, values));
    const filled = shown.filter((f) => !isEmpty(values[f.id]));
    if (filled.length === 0) {
      out[s.id] = 'not-started';
      continue;
    }
    const errors = validateSheet(t, values, { section: s.id });
    const updated = sectionUpdatedAt[s.id];
    if (s.reviewAfterMonths && updated) {
      const limit = new Date(`${updated}T12:00:00Z`);
      limit.setUTCMonth(limit.getUTCMonth() + s.reviewAfterMonths);
      if (limit.toISOString().slice(0, 10) <= today && errors.length === 0) {
        out[s.id] = 'to-review';
        continue;
      }
    }
    out[s.id] = errors.length === 0 ? 'completed' : 'in-progress';
  }
  return out;
}

/** The exported file of a sheet (JSON). */
export interface SheetFile {
  format: 'relais-liaison';
  formatVersion: 1;
  template: string;
  templateVersion: string;
  exportedAt: string;
  values: SheetValues;
}

/** Builds the export file of a sheet. `deviceOnly` fields (the door code) are never in it. */
export const exportSheet = (t: Template, values: SheetValues, now = new Date()): SheetFile => {
  const local = new Set(t.sections.flatMap((s) => s.fields.filter((f) => f.deviceOnly).map((f) => f.id)));
  return {
    format: 'relais-liaison',
    formatVersion: 1,
    template: t.id,
    templateVersion: t.version,
    exportedAt: now.toISOString(),
    values: Object.fromEntries(Object.entries(values).filter(([k]) => !local.has(k))),
  };
};

/** An imported file that cannot be used; the message says why in French. */
export class ImportError extends Error {
  override readonly name = 'ImportError';
}

const typeOk = (f: Field, v: unknown): boolean => {
  if (v === null || v === undefined) return true;
  switch (f.type) {
    case 'boolean':
      return typeof v === 'boolean';
    case 'number':
      return typeof v === 'number' || typeof v === 'string';
    case 'multi':
      return Array.isArray(v) && v.every((x) => typeof x === 'string');
    case 'list':
      return Array.isArray(v) && v.every((x) => x && typeof x === 'object' && !Array.isArray(x) && Object.values(x).every((y) => typeof y === 'string'));
    default:
      return typeof v === 'string';
  }
};

/**
 * Reads an exported file: checks its format and template, keeps the known fields whose values have the
 * right type, and says how many were left out. Values are not validated for completeness: a draft may
 * be incomplete.
 */
export function importSheet(t: Template, raw: unknown): { values: SheetValues; dropped: string[] } {
  if (!raw || typeof raw !== 'object' || (raw as SheetFile).format !== 'relais-liaison') throw new ImportError('Fichier refusé : ce n’est pas une fiche exportée par Relais.');
  const file = raw as SheetFile;
  if (file.template !== t.id) throw new ImportError(`Fichier refusé : c’est une fiche « ${String(file.template).slice(0, 40)} », pas « ${t.title} ».`);
  if (!file.values || typeof file.values !== 'object' || Array.isArray(file.values)) throw new ImportError('Fichier refusé : les valeurs de la fiche sont illisibles.');
  const fields = new Map(t.sections.flatMap((s) => s.fields.map((f) => [f.id, f] as const)));
  const values: SheetValues = {};
  const dropped: string[] = [];
  for (const [k, v] of Object.entries(file.values)) {
    const f = fields.get(k);
    if (!f || !typeOk(f, v)) {
      dropped.push(k.slice(0, 60));
      continue;
    }
    values[k] = v;
  }
  return { values, dropped };
}
