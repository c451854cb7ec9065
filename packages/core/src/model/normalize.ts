import { ServiceSchema, StructureSchema, type ServiceInput, type StructureInput } from './schema.js';
import type { DataIssue, Diagnostics, Service, Structure } from './types.js';
import { kindByFiness, kindByReseau, term, type VocabularyName } from '../taxonomy/taxonomy.js';
import { checkOpeningHours } from './opening-hours.js';
import { isInFranceBounds } from '../geo/distance.js';
import { RelaisError } from '../errors.js';
import { issuePath } from './issues.js';
import { DiagnosticsCollector } from './diagnostics.js';

export { DiagnosticsCollector } from './diagnostics.js';

const LABELS: Record<string, string> = { structure: 'Structure', service: 'Service', dataset: 'Jeu de données' };

/** Turns a zod issue into a French sentence. */
function frenchIssue(code: string, message: string, path: string): string {
  switch (code) {
    case 'invalid_type':
      return `le champ « ${path} » est manquant ou n’a pas le bon type`;
    case 'too_small':
      return `le champ « ${path} » est vide ou trop court`;
    case 'too_big':
      return `le champ « ${path} » est trop long`;
    case 'invalid_format':
      return `le champ « ${path} » n’a pas le bon format${message && message !== 'Invalid input' ? ` (${message})` : ''}`;
    default:
      return `le champ « ${path} » est invalide`;
  }
}

/** Formats an issue as one French line, for logs and notices. */
export function describeIssue(i: DataIssue): string {
  const who = `${LABELS[i.record]} n° ${i.index + 1}${i.id ? ` (« ${i.id.slice(0, 80)} »)` : ''}`;
  return `${who} : ${i.message} — ${i.outcome ?? (i.severity === 'error' ? 'ignoré' : 'valeur écartée')}.`;
}

const idOf = (raw: unknown): string | undefined => {
  if (raw && typeof raw === 'object' && 'id' in raw && typeof (raw as { id: unknown }).id === 'string') return (raw as { id: string }).id;
  return undefined;
};

function keepKnown(values: readonly string[] | null | undefined, vocab: VocabularyName, ctx: Ctx, field: string): string[] {
  if (!values) return [];
  const out: string[] = [];
  for (const v of values) {
    if (term(vocab, v)) {
      if (!out.includes(v)) out.push(v);
    } else ctx.warn(field, `valeur inconnue « ${String(v).slice(0, 60)} » dans « ${field} »`);
  }
  return out;
}

interface Ctx {
  /** Reports a value; `outcome` when it is not dropped (the default « valeur écartée »). */
  warn(field: string, message: string, outcome?: string): void;
}

const str = (v: string | null | undefined): string | null => {
  if (v == null) return null;
  const t = v.trim();
  return t === '' ? null : t;
};

function coords(r: { latitude?: number | null; longitude?: number | null }, ctx: Ctx): [number | null, number | null] {
  const { latitude: la, longitude: lo } = r;
  if (la == null || lo == null) return [null, null];
  if (!Number.isFinite(la) || !Number.isFinite(lo) || Math.abs(la) > 90 || Math.abs(lo) > 180) {
    ctx.warn('latitude', 'coordonnées impossibles');
    return [null, null];
  }
  if (!isInFranceBounds(la, lo)) {
    // kept (nothing is lost), and the message says what happens to them: not drawn, distances meaningless
    ctx.warn('latitude', `coordonnées hors de France (métropole et outre-mer) : ${la}, ${lo}`, 'position gardée, mais non placée sur la carte (à corriger à la source)');
  }
  return [la, lo];
}

// A pragmatic address check (RFC 5322 is wider, but a directory must give an address one can write to).
const EMAIL = /^[^\s@"(),:;<>[\\\]]+@[^\s@"(),:;<>[\\\]]+\.[A-Za-z]{2,}$/;

function email(v: string | null | undefined, ctx: Ctx): string | null {
  const e = str(v);
  if (e && !EMAIL.test(e)) {
    ctx.warn('courriel', `adresse e-mail invalide « ${e.slice(0, 80)} »`);
    return null;
  }
  return e;
}

function hours(v: string | null | undefined, ctx: Ctx): string | null {
  const h = str(v);
  if (h && checkOpeningHours(h) === 'invalid') {
    ctx.warn('horaires_accueil', `horaires au format non reconnu (OpenStreetMap opening_hours attendu, par ex. « Mo-Fr 09:00-12:00 ») : « ${h.slice(0, 80)} »`);
    return null;
  }
  return h;
}

function located(r: StructureInput | ServiceInput, ctx: Ctx) {
  const [latitude, longitude] = coords(r, ctx);
  return {
    adresse: str(r.adresse),
    complement_adresse: str(r.complement_adresse),
    commune: str(r.commune),
    code_postal: str(r.code_postal),
    code_insee: str(r.code_insee),
    latitude,
    longitude,
    telephone: str(r.telephone),
    courriel: email(r.courriel, ctx),
    lien_source: str(r.lien_source),
    horaires_accueil: hours(r.horaires_accueil, ctx),
  };
}

/**
 * The structure kind: the one given, else derived from the FINESS category, else from the réseaux
 * porteurs (`france-service` → `france-services`, `ccas-cias` → `ccas-cias`…), so that a national file
 * such as the France services list answers the structure-type filter.
 */
function kindOf(r: StructureInput, given: string | null, reseaux: readonly string[]): string | null {
  if (given && term('typologies', given)) return given;
  const f = str(r.categorie_finess);
  const byFiness = f ? kindByFiness(f) : undefined;
  if (byFiness) return byFiness.value;
  return kindByReseau(reseaux)?.value ?? null;
}

function toStructure(r: StructureInput, ctx: Ctx): Structure {
  const typologie = str(r.typologie);
  if (typologie && !term('typologies', typologie)) ctx.warn('typologie', `valeur inconnue « ${typologie.slice(0, 60)} » dans « typologie »`);
  const reseaux = keepKnown(r.reseaux_porteurs, 'reseauxPorteurs', ctx, 'reseaux_porteurs');
  const libelle = str(r.source_libelle);
  return {
    source: r.source,
    id: r.id,
    nom: r.nom,
    date_maj: r.date_maj.slice(0, 10),
    description: str(r.description),
    siret: str(r.siret),
    site_web: str(r.site_web),
    accessibilite_lieu: str(r.accessibilite_lieu),
    reseaux_porteurs: reseaux,
    ...located(r, ctx),
    typologie: kindOf(r, typologie, reseaux),
    numero_finess: str(r.numero_finess),
    categorie_finess: str(r.categorie_finess),
    ...(libelle ? { source_libelle: libelle } : {}),
  };
}

function toService(r: ServiceInput, ctx: Ctx): Service {
  // data·inclusion v0 had `frais` as a list: keep its first known value.
  const fraisList = r.frais == null ? [] : Array.isArray(r.frais) ? r.frais : [r.frais];
  const frais = keepKnown(fraisList, 'frais', ctx, 'frais')[0] ?? null;
  const type = str(r.type);
  if (type && !term('types', type)) ctx.warn('type', `valeur inconnue « ${type.slice(0, 60)} » dans « type »`);
  return {
    source: r.source,
    id: r.id,
    structure_id: r.structure_id,
    nom: r.nom,
    description: str(r.description),
    date_maj: r.date_maj.slice(0, 10),
    type: type && term('types', type) ? type : null,
    thematiques: keepKnown(r.thematiques, 'thematiques', ctx, 'thematiques'),
    frais,
    frais_precisions: str(r.frais_precisions),
    publics: keepKnown(r.publics, 'publics', ctx, 'publics'),
    publics_precisions: str(r.publics_precisions),
    conditions_acces: str(r.conditions_acces),
    modes_accueil: keepKnown(r.modes_accueil, 'modesAccueil', ctx, 'modes_accueil'),
    modes_mobilisation: keepKnown(r.modes_mobilisation, 'modesMobilisation', ctx, 'modes_mobilisation'),
    mobilisable_par: keepKnown(r.mobilisable_par, 'personnesMobilisatrices', ctx, 'mobilisable_par'),
    mobilisation_precisions: str(r.mobilisation_precisions),
    lien_mobilisation: str(r.lien_mobilisation),
    contact_nom_prenom: str(r.contact_nom_prenom),
    zone_eligibilite: (r.zone_eligibilite ?? []).filter((z) => /^(\d[\dAB]\d{0,3}|2[AB]\d{0,3}|\d{9}|99\d{3}|france)$/.test(z)),
    volume_horaire_hebdomadaire: r.volume_horaire_hebdomadaire ?? null,
    nombre_semaines: r.nombre_semaines ?? null,
    ...located(r, ctx),
    accessibilite: str(r.accessibilite),
    justificatifs: (r.justificatifs ?? []).map((j) => j.trim()).filter(Boolean),
  };
}

function parseList<I, O>(
  list: unknown,
  kind: 'structure' | 'service',
  schema: { safeParse(v: unknown): { success: true; data: I } | { success: false; error: { issues: Array<{ code: string; message: string; path: PropertyKey[] }> } } },
  convert: (r: I, ctx: Ctx) => O,
  diag: DiagnosticsCollector,
): O[] {
  if (list == null) return [];
  if (!Array.isArray(list)) {
    diag.add({ record: 'dataset', index: 0, field: `${kind}s`, message: `« ${kind}s » doit être une liste`, severity: 'error' });
    return [];
  }
  const out: O[] = [];
  const seen = new Set<string>();
  list.forEach((raw, index) => {
    diag.report.received++;
    const parsed = schema.safeParse(raw);
    const id = idOf(raw);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      const path = first && first.path.length ? issuePath(first.path) : '(enregistrement)';
      diag.add({ record: kind, index, id, field: path, message: first ? frenchIssue(first.code, first.message, path) : 'enregistrement illisible', severity: 'error' });
      return;
    }
    const pid = (parsed.data as { id: string }).id;
    if (seen.has(pid)) {
      diag.add({ record: kind, index, id: pid, field: 'id', message: 'identifiant en double', severity: 'error' });
      return;
    }
    seen.add(pid);
    const ctx: Ctx = { warn: (field, message, outcome) => diag.add({ record: kind, index, id: pid, field, message, severity: 'warning', ...(outcome ? { outcome } : {}) }) };
    out.push(convert(parsed.data, ctx));
    diag.report.accepted++;
  });
  return out;
}

/** Validates and normalises a list of structures; invalid ones are skipped and reported. */
export const normalizeStructures = (list: unknown, diag: DiagnosticsCollector): Structure[] =>
  parseList(list, 'structure', StructureSchema, toStructure, diag);

/** Validates and normalises a list of services; invalid ones are skipped and reported. */
export const normalizeServices = (list: unknown, diag: DiagnosticsCollector): Service[] =>
  parseList(list, 'service', ServiceSchema, toService, diag);

/**
 * Reports each service whose structure is missing (absent, or skipped as invalid). A file of services
 * only (no structure list at all) is allowed: services then carry their own address.
 */
function reportOrphans(rawStructures: unknown, structures: readonly Structure[], rawServices: unknown, services: readonly Service[], diag: DiagnosticsCollector): void {
  if (!Array.isArray(rawStructures) || rawStructures.length === 0 || !Array.isArray(rawServices)) return;
  const known = new Set(structures.map((s) => s.id));
  const position = new Map<string, number>();
  rawServices.forEach((raw, i) => {
    const id = idOf(raw);
    if (id !== undefined && !position.has(id)) position.set(id, i);
  });
  for (const s of services) {
    if (known.has(s.structure_id)) continue;
    diag.add({ record: 'service', index: position.get(s.id) ?? 0, id: s.id, field: 'structure_id', message: `structure « ${s.structure_id.slice(0, 80)} » introuvable dans le jeu de données`, severity: 'warning', outcome: 'service gardé sans sa structure' });
  }
}

/**
 * Validates and normalises a whole dataset in the data·inclusion shape `{ structures, services }`.
 * Never throws on bad records; throws a `RelaisDataError` only when the payload is not a dataset at all.
 */
export function normalizeDataset(raw: unknown): { structures: Structure[]; services: Service[]; diagnostics: Diagnostics } {
  const diag = new DiagnosticsCollector();
  if (!raw || typeof raw !== 'object' || Array.isArray(raw) || !('services' in raw)) {
    throw new RelaisError('invalid-payload', { message: 'Les données reçues ne sont pas un jeu de données { structures, services } au format data·inclusion.' });
  }
  const data = raw as { structures?: unknown; services?: unknown };
  const structures = normalizeStructures(data.structures, diag);
  const services = normalizeServices(data.services, diag);
  reportOrphans(data.structures, structures, data.services, services, diag);
  return { structures, services, diagnostics: diag.report };
}
