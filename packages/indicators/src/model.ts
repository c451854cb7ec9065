/**
 * The answer of `GET /indicateurs` (packages/core/indicators-openapi.json, schema `Indicators`) and what the dashboard
 * reads from it: a count or a masked cell, the default period, the period's checks. No DOM here.
 */

import type { Count, Indicators } from '@relais/core';

/** The contract's types, written once in @relais/core (the server publishes them too). */
export type { Count, EligibilityStatus, Indicators, Zone } from '@relais/core';

/** The number of a count, or null when it is masked. */
export const countOf = (c: Count | undefined): number | null => (c && 'n' in c && typeof c.n === 'number' ? c.n : null);

/** Whether a count is a masked cell. */
export const isMasked = (c: Count | undefined): boolean => !!c && 'masque' in c && c.masque === true;

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date written YYYY-MM-DD. */
export function isIsoDate(s: string): boolean {
  if (!ISO.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** Days from `du` to `au` (0 when equal, negative when `au` is before). */
export function daysBetween(du: string, au: string): number {
  return Math.round((Date.parse(`${au}T00:00:00Z`) - Date.parse(`${du}T00:00:00Z`)) / 86_400_000);
}

/** The default period: the twelve months that end today (`au` = today, `du` = the day after the same day a year before). */
export function lastTwelveMonths(today: string): { du: string; au: string } {
  const d = new Date(`${today}T00:00:00Z`);
  const y = d.getUTCFullYear() - 1;
  const m = d.getUTCMonth();
  // the same date a year before (29 February → 28 February), then the day after
  const sameDay = Math.min(d.getUTCDate(), new Date(Date.UTC(y, m + 1, 0)).getUTCDate());
  const from = new Date(Date.UTC(y, m, sameDay + 1));
  return { du: from.toISOString().slice(0, 10), au: today };
}

/** What is wrong with a period, as a message key (null when it can be asked for). The contract allows 366 days at most after `du`. */
export function periodProblem(du: string, au: string): 'duInvalid' | 'auInvalid' | 'auBeforeDu' | 'tooLong' | null {
  if (!isIsoDate(du)) return 'duInvalid';
  if (!isIsoDate(au)) return 'auInvalid';
  const days = daysBetween(du, au);
  if (days < 0) return 'auBeforeDu';
  if (days > 366) return 'tooLong';
  return null;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): boolean => isObj(v) && ((Number.isInteger(v.n) && (v.n as number) >= 0) || v.masque === true);

/**
 * Reads an answer: the indicators, or the French reason it cannot be shown (the first field that breaks the contract).
 * Fields the dashboard does not know are ignored (a newer server); the ones it shows must follow the contract.
 */
export function readIndicators(body: unknown): { ok: true; value: Indicators } | { ok: false; reason: string } {
  const bad = (where: string) => ({ ok: false as const, reason: `réponse non conforme au contrat des indicateurs (${where})` });
  if (!isObj(body)) return bad('objet attendu');
  if (!Number.isInteger(body.k) || (body.k as number) < 5) return bad('k');
  if (typeof body.du !== 'string' || !isIsoDate(body.du)) return bad('du');
  if (typeof body.au !== 'string' || !isIsoDate(body.au)) return bad('au');
  const lists: Array<[string, string[], string[]]> = [
    ['besoins_non_couverts', ['besoin'], ['recherches', 'sans_resultat']],
    ['besoins', ['besoin'], ['recherches', 'sans_resultat']],
    ['eligibilite', ['aide', 'statut'], ['n', 'suivis_d_une_recherche']],
    ['fiches', ['modele', 'destinataire'], ['envoyees', 'en_attente']],
    ['parcours', ['modele', 'etape'], ['a_temps', 'en_retard']],
  ];
  for (const [name, strings, counts] of lists) {
    const list = body[name];
    if (!Array.isArray(list)) return bad(name);
    for (let i = 0; i < list.length; i++) {
      const row: unknown = list[i];
      if (!isObj(row)) return bad(`${name}[${i}]`);
      for (const s of strings) if (typeof row[s] !== 'string') return bad(`${name}[${i}].${s}`);
      for (const c of counts) if (!isCount(row[c])) return bad(`${name}[${i}].${c}`);
      if (name === 'besoins_non_couverts' && (!isObj(row.zone) || !['epci', 'departement', 'aucune'].includes(row.zone.niveau as string))) return bad(`${name}[${i}].zone`);
      if (name === 'eligibilite' && !['eligible', 'probable', 'unknown', 'not_eligible'].includes(row.statut as string)) return bad(`${name}[${i}].statut`);
    }
  }
  if (body.fraicheur !== undefined && !isObj(body.fraicheur)) return bad('fraicheur');
  if (body.contributions !== undefined && !Array.isArray(body.contributions)) return bad('contributions');
  return { ok: true, value: body as unknown as Indicators };
}

/**
 * How often a « probable » result was followed by a directory search: the sum over the aides whose two cells are both
 * published (a masked cell is never guessed). Null when no aide has both.
 */
export function probableFollowUp(rows: Indicators['eligibilite']): { followed: number; shown: number } | null {
  let followed = 0;
  let shown = 0;
  let any = false;
  for (const r of rows) {
    if (r.statut !== 'probable') continue;
    const n = countOf(r.n);
    const f = countOf(r.suivis_d_une_recherche);
    if (n === null || f === null) continue;
    any = true;
    shown += n;
    followed += f;
  }
  return any ? { followed, shown } : null;
}
