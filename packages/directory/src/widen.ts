/**
 * When a search near a commune finds nothing, or the data has nothing there: the wider search that is shown instead,
 * and the sentence that says so. A hand-off never ends in zero results; the person's own search says why it found
 * none and offers the wider one.
 */
import { departementName, departementOf, formatDistance, located, type Gazetteer, type RelaisClient, type SearchQuery, type SearchResult } from '@relais/core';
import type { MessageKey } from './messages.js';
import type { Lang } from './render/view.js';

/** Radius used to find services beyond the default 50 km (the whole of France fits in it). */
export const ANY_KM = 20_000;
/** Default radius around a commune (`SearchQuery.commune`). */
export const COMMUNE_KM = 50;

/** How an empty search widens: a hand-off (`auto`), or the person asked for the département's services. */
export type WidenMode = 'auto' | 'departement';
/** The département has `n` matching services, none of which serves the commune. */
export interface OutOfReach {
  n: number;
  dep: string;
}
type Opts = { channel: string; signal: AbortSignal };
type Widened = { q: SearchQuery; result: SearchResult; widened: string };

/** What widening needs from the element: its words and its gazetteer. */
export interface WidenContext {
  t(key: MessageKey, p?: Record<string, unknown>): string;
  lang: Lang;
  gazetteer(deps: string[]): Promise<Gazetteer>;
}

export interface WidenAsk {
  /** The search is around a commune chosen (not a position, not the map's area). */
  byCommune: boolean;
  radiusKm: number | undefined;
  mode: WidenMode | null;
  /** The départements the site serves (`departements`). */
  scope: string[];
  /** False once a newer search started: nothing more is asked. */
  current(): boolean;
}

export interface Searched {
  q: SearchQuery;
  result: SearchResult;
  widened: string;
  outOfReach: OutOfReach | null;
  /** How the results were widened (their other pages are read the same way); undefined: as before. */
  widenedBy?: WidenMode | null;
}

/**
 * The results to show for `q`, whose first answer is `result`: the nearest services where the data has none, a wider
 * search when a commune's search found nothing, else `result`. Null when a newer search started meanwhile.
 */
export async function widenSearch(client: RelaisClient, q: SearchQuery, result: SearchResult, ask: WidenAsk, opts: Opts, ctx: WidenContext): Promise<Searched | null> {
  const beyond = q.commune && ask.byCommune ? await beyondData(client, q, ask, opts, ctx) : null;
  if (!ask.current()) return null;
  if (beyond) return { ...beyond, outOfReach: null };
  if (result.total === 0 && q.commune && ask.byCommune && !ask.radiusKm) {
    const found = await widen(client, q, ask.mode, opts, ctx);
    if (!ask.current()) return null;
    if (found && 'result' in found) return { ...found, outOfReach: null, widenedBy: ask.mode };
    if (found) return { q, result, widened: '', outOfReach: found.outOfReach };
  }
  return { q, result, widened: '', outOfReach: null };
}

/**
 * A search near a commune found nothing. A hand-off (`auto`) widens to the département, then to the nearest service
 * of that kind in the data (one that serves the commune, else any), and says so; the person's choice (`departement`) shows the département's services even
 * if they do not serve the commune. Otherwise, when the département has matching services, says why none is shown.
 */
async function widen(client: RelaisClient, q: SearchQuery, mode: WidenMode | null, opts: Opts, ctx: WidenContext): Promise<Widened | { outOfReach: OutOfReach } | null> {
  const code = q.commune!;
  const dep = departementOf(code);
  const c = (await ctx.gazetteer([dep])).get(code);
  if (!c) return null;
  const placeName = c.name;
  const around = { lat: c.lat, lon: c.lon, radiusKm: ANY_KM };
  const say = (r: SearchResult, key: 'widenedDep' | 'widenedNearest' | 'widenedNoZone') => {
    const first = r.items[0];
    const town = first ? (located(first.service, first.structure, 'commune') ?? '') : '';
    const dist = first?.distanceKm != null ? formatDistance(first.distanceKm, ctx.lang) : '';
    return ctx.t(key, { n: r.total, km: COMMUNE_KM, place: placeName, dep: departementName(dep) ?? dep, town: titleCase(town), dist });
  };
  if (mode === 'auto') {
    // the département first (services that serve the commune, at any distance), then anywhere in the data
    const inDep: SearchQuery = { ...q, near: around, departements: [dep], sort: 'distance' };
    const r1 = await client.search(inDep, opts);
    if (r1.total > 0) return { q: inDep, result: r1, widened: say(r1, 'widenedDep') };
    const anywhere: SearchQuery = { ...q, near: around, departements: undefined, sort: 'distance' };
    const r2 = await client.search(anywhere, opts);
    if (r2.total > 0) return { q: anywhere, result: r2, widened: say(r2, 'widenedNearest') };
    // none says it serves the commune: the nearest of that kind all the same, said so (they will know whom to ask)
    const nearest: SearchQuery = { ...q, commune: undefined, near: around, departements: undefined, sort: 'distance', ignoreZones: true };
    const r3 = await client.search(nearest, opts);
    if (r3.total > 0) return { q: nearest, result: r3, widened: say(r3, 'widenedNoZone') };
    return null;
  }
  // the département's matching services, whether or not they serve the commune (their zone, their distance)
  const depQuery: SearchQuery = { ...q, commune: undefined, near: around, departements: [dep], sort: q.text ? q.sort : 'distance', ignoreZones: true };
  const r = await client.search(depQuery, opts);
  if (mode === 'departement' && r.total > 0) return { q: depQuery, result: r, widened: ctx.t('widenedZone', { place: placeName, dep: departementName(dep) ?? dep }) };
  return r.total > 0 ? { outOfReach: { n: r.total, dep } } : null;
}

/**
 * A commune where the data has no service at all (Auxerre, with the Nièvre's data): the nearest services, with their
 * distance, and a notice that says the data does not cover the commune. Null when the data covers its département.
 */
async function beyondData(client: RelaisClient, q: SearchQuery, ask: WidenAsk, opts: Opts, ctx: WidenContext): Promise<Widened | null> {
  const code = q.commune!;
  const dep = departementOf(code);
  if (ask.scope.length) {
    if (ask.scope.includes(dep)) return null;
  } else if (client.source !== 'static' || (await client.search({ departements: [dep], pageSize: 1 }, opts)).total > 0) return null;
  const c = (await ctx.gazetteer([dep])).get(code);
  if (!c) return null;
  const nearest: SearchQuery = { ...q, commune: undefined, near: { lat: c.lat, lon: c.lon, radiusKm: ask.radiusKm ?? ANY_KM }, sort: q.sort ?? 'distance', ignoreZones: true };
  const result = await client.search(nearest, opts);
  const first = result.items[0];
  if (!first) return null;
  const town = titleCase(located(first.service, first.structure, 'commune') ?? '');
  const dist = first.distanceKm != null ? formatDistance(first.distanceKm, ctx.lang) : '';
  return { q: nearest, result, widened: ctx.t('widenedNoData', { place: c.name, dep: departementName(dep) ?? dep, town, dist }) };
}

/** « NEVERS » → « Nevers », « SAINT-PIERRE-LE-MOUTIER » → « Saint-Pierre-le-Moutier »; a mixed-case name is kept. */
export function titleCase(name: string): string {
  if (name !== name.toUpperCase()) return name;
  const small = new Set(['le', 'la', 'les', 'de', 'des', 'du', 'sur', 'sous', 'en', 'et', 'aux', 'au']);
  return name
    .toLowerCase()
    .replace(/[^\s'’-]+/g, (w, i: number) => (i > 0 && small.has(w) ? w : w.charAt(0).toUpperCase() + w.slice(1)));
}
