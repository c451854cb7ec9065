/**
 * Measurement events (packages/core/measurement-v1.schema.json): validation with Ajv (JSON Schema 2020-12, the
 * schema file of @relais/core as is), French messages, and the reduction of a batch to aggregate cells. Only the
 * dimensions the indicators publish are kept; everything else an event carries (`site`, `publics`, `source`, the
 * number of results beyond « zero or not », the exact day beyond yesterday/today) is dropped here.
 */
import { createRequire } from 'node:module';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';

const require = createRequire(import.meta.url);

/** The JSON Schema of one event, from @relais/core. */
export const MEASUREMENT_SCHEMA = require('@relais/core/measurement-v1.schema.json') as { oneOf: Array<{ properties: { type: { const: string } } }> };

/** A calendar date `YYYY-MM-DD` that exists (2026-02-30 does not). */
export const isDate = (s: string): boolean => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!));
  return d.getUTCFullYear() === +m[1]! && d.getUTCMonth() === +m[2]! - 1 && d.getUTCDate() === +m[3]!;
};

let compiled: ValidateFunction | null = null;
const validator = (): ValidateFunction => {
  if (!compiled) {
    const ajv = new Ajv2020({ allErrors: true });
    ajv.addFormat('date', isDate);
    compiled = ajv.compile(MEASUREMENT_SCHEMA);
  }
  return compiled;
};

const TYPES = MEASUREMENT_SCHEMA.oneOf.map((b) => b.properties.type.const);
const where = (path: string) => (path ? ` (${path.slice(1).replace(/\//g, '.')})` : '');

/** One Ajv error in French. */
function french(e: ErrorObject): string {
  const at = where(e.instancePath);
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'additionalProperties':
      return `champ non prévu « ${String(p.additionalProperty).slice(0, 40)} »${at} : un événement ne porte que les champs du schéma (aucun texte libre, aucune position, aucune réponse)`;
    case 'required':
      return `champ obligatoire manquant « ${String(p.missingProperty)} »${at}`;
    case 'pattern':
      return `valeur refusée${at} : un identifiant du référentiel est attendu (minuscules, chiffres, tirets), ou un code de zone (SIREN d’EPCI, département)`;
    case 'format':
      return `date invalide${at} : AAAA-MM-JJ attendu`;
    case 'const':
      return `valeur refusée${at} : « ${String(p.allowedValue)} » attendu`;
    case 'enum':
      return `valeur refusée${at} : ${(p.allowedValues as unknown[]).map((v) => `« ${String(v)} »`).join(', ')} attendu`;
    case 'type':
      return `type refusé${at} : ${String(p.type)} attendu`;
    case 'maxLength':
      return `texte trop long${at} : ${String(p.limit)} caractères au plus`;
    case 'maxItems':
      return `liste trop longue${at} : ${String(p.limit)} éléments au plus`;
    case 'uniqueItems':
      return `liste avec doublons${at}`;
    case 'minimum':
      return `nombre trop petit${at} : ${String(p.limit)} au moins`;
    case 'not':
      return `code de zone interdit${at} avec le niveau « aucune »`;
    default:
      return `valeur refusée${at} (${e.keyword})`;
  }
}

/**
 * Checks one event against the schema; `null` when valid, else a French message (the errors of the branch of its
 * `type`, so that a search is explained as a search).
 */
export function checkEvent(event: unknown): string | null {
  const validate = validator();
  if (validate(event)) return null;
  if (!event || typeof event !== 'object' || Array.isArray(event)) return 'un événement est un objet JSON';
  const type = (event as { type?: unknown }).type;
  const branch = typeof type === 'string' ? TYPES.indexOf(type) : -1;
  if (branch < 0) return `type d’événement inconnu : ${TYPES.map((t) => `« ${t} »`).join(', ')} attendu`;
  const prefix = `#/oneOf/${branch}/`;
  const errors = (validate.errors ?? []).filter((e) => e.schemaPath.startsWith(prefix) && e.keyword !== 'if');
  const messages = [...new Set(errors.map(french))];
  return messages.length ? messages.slice(0, 5).join(' ; ') : 'événement non conforme au schéma de mesure v1';
}

/** The kinds of cells the indicators keep. */
export type CellKind = 'recherche' | 'suivi' | 'eligibilite' | 'fiche' | 'parcours';
/** A cell's dimensions: identifiers and zone codes only. */
export type Dims = Record<string, string | boolean>;

/** The key of the dimension used when an event has no need tile nor thématique, or a sheet no recipient type. */
export const NONE = '(aucun)';

interface Zone {
  niveau: 'epci' | 'departement' | 'aucune';
  code?: string;
}
type Event =
  | { type: 'recherche'; jour: string; besoin?: string; thematiques: string[]; zone: Zone; resultats: number; origine: string; aide?: string }
  | { type: 'eligibilite'; jour: string; resultats: Array<{ aide: string; statut: string }>; zone: Zone }
  | { type: 'fiche'; jour: string; modele: string; etat: string; destinataire?: string }
  | { type: 'parcours'; jour: string; modele: string; etapes: Array<{ etape: string; statut: string }> };

const zoneDims = (z: Zone): Dims => ({ niveau: z.niveau, code: z.code ?? '' });

/** The cells one (valid) event adds to, each with its count. */
export function cellsOf(raw: unknown): Array<{ kind: CellKind; dims: Dims }> {
  const e = raw as Event;
  switch (e.type) {
    case 'recherche': {
      // a need tile, else each thématique: a search for two thématiques counts once for each
      const besoins = e.besoin ? [e.besoin] : e.thematiques.length ? e.thematiques : [NONE];
      const out: Array<{ kind: CellKind; dims: Dims }> = besoins.map((besoin) => ({ kind: 'recherche', dims: { besoin, ...zoneDims(e.zone), sans_resultat: e.resultats === 0 } }));
      if (e.origine === 'eligibilite' && e.aide) out.push({ kind: 'suivi', dims: { aide: e.aide, ...zoneDims(e.zone) } });
      return out;
    }
    case 'eligibilite':
      return e.resultats.map((r) => ({ kind: 'eligibilite', dims: { aide: r.aide, statut: r.statut, ...zoneDims(e.zone) } }));
    case 'fiche':
      return [{ kind: 'fiche', dims: { modele: e.modele, destinataire: e.destinataire ?? NONE, etat: e.etat } }];
    case 'parcours':
      return e.etapes.map((s) => ({ kind: 'parcours', dims: { modele: e.modele, etape: s.etape, statut: s.statut } }));
  }
}

/** Today and yesterday in Europe/Paris (the day French sites live in), `YYYY-MM-DD`. */
export function parisDays(now: number): { today: string; yesterday: string } {
  const fmt = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' });
  const today = fmt.format(new Date(now));
  const y = new Date(`${today}T00:00:00Z`);
  y.setUTCDate(y.getUTCDate() - 1);
  return { today, yesterday: y.toISOString().slice(0, 10) };
}

/**
 * The day an event is counted on: its `jour` when it is yesterday or today (Paris time on the server's clock), else
 * the nearest of the two: a queue sent late counts on yesterday, a clock ahead on today, and no client writes into an
 * older day.
 */
export function countedDay(jour: string, days: { today: string; yesterday: string }): string {
  if (jour > days.today) return days.today;
  if (jour < days.yesterday) return days.yesterday;
  return jour;
}

/** A batch reduced to cells: `{ day, kind, dims, n }` with one entry per distinct cell. */
export function reduceBatch(events: readonly unknown[], now: number): Array<{ day: string; kind: CellKind; dims: Dims; n: number }> {
  const days = parisDays(now);
  const cells = new Map<string, { day: string; kind: CellKind; dims: Dims; n: number }>();
  for (const e of events) {
    const day = countedDay((e as { jour: string }).jour, days);
    for (const c of cellsOf(e)) {
      const sorted = Object.fromEntries(Object.entries(c.dims).sort(([a], [b]) => (a < b ? -1 : 1)));
      const key = `${day}|${c.kind}|${JSON.stringify(sorted)}`;
      const cell = cells.get(key);
      if (cell) cell.n++;
      else cells.set(key, { day, kind: c.kind, dims: sorted, n: 1 });
    }
  }
  return [...cells.values()];
}
