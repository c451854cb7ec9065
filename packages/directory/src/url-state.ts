/**
 * The directory's search state in the page URL (`sync-url`), so that a link reproduces a search.
 * Keys are prefixed (`relais-…`) not to clash with the host page. Never a position from geolocation.
 * The words typed in the search field are written only when the site opts in (`sync-url="text"`):
 * they may say something about the person (« violences conjugales », « dette ») and an address is
 * kept in the history, in server logs (Referer) and in analytics. Needs, filters and the commune are
 * chosen from lists and are kept.
 */
import { isSafeId } from '@relais/core';
export interface UrlState {
  text?: string;
  commune?: string;
  needs?: string[];
  publics?: string[];
  typologies?: string[];
  modesAccueil?: string[];
  free?: boolean;
  openNow?: boolean;
  radiusKm?: number;
  sort?: 'relevance' | 'distance' | 'name';
  page?: number;
  service?: string;
}

const LISTS: Array<[keyof UrlState, string]> = [
  ['needs', 'relais-besoin'],
  ['publics', 'relais-public'],
  ['typologies', 'relais-type'],
  ['modesAccueil', 'relais-mode'],
];

/** Writes the state into a copy of `url`'s search parameters (other parameters are kept). */
export function writeUrlState(url: URL, s: UrlState, opts: { text?: boolean } = {}): URL {
  const out = new URL(url.href);
  for (const k of [...out.searchParams.keys()]) if (k.startsWith('relais-')) out.searchParams.delete(k);
  const p = out.searchParams;
  if (s.text && opts.text) p.set('relais-q', s.text.slice(0, 200));
  if (s.commune && /^(\d{5}|2[AB]\d{3})$/.test(s.commune)) p.set('relais-commune', s.commune);
  for (const [key, name] of LISTS) for (const v of (s[key] as string[] | undefined) ?? []) p.append(name, v);
  if (s.free) p.set('relais-gratuit', '1');
  if (s.openNow) p.set('relais-ouvert', '1');
  if (s.radiusKm) p.set('relais-km', String(s.radiusKm));
  if (s.sort && s.sort !== 'relevance') p.set('relais-tri', s.sort);
  if (s.page && s.page > 1) p.set('relais-page', String(s.page));
  if (s.service && isSafeId(s.service)) p.set('relais-fiche', s.service);
  return out;
}

/** Reads the state from search parameters, ignoring anything malformed. */
export function readUrlState(params: URLSearchParams, opts: { text?: boolean } = {}): UrlState {
  const s: UrlState = {};
  const text = opts.text ? params.get('relais-q') : null;
  if (text) s.text = text.slice(0, 200);
  const commune = params.get('relais-commune');
  if (commune && /^(\d{5}|2[AB]\d{3})$/.test(commune)) s.commune = commune;
  for (const [key, name] of LISTS) {
    const v = params.getAll(name).filter((x) => /^[a-z0-9-]{1,100}$/.test(x));
    if (v.length) (s as Record<string, unknown>)[key] = v;
  }
  if (params.get('relais-gratuit') === '1') s.free = true;
  if (params.get('relais-ouvert') === '1') s.openNow = true;
  const km = Number(params.get('relais-km'));
  if ([5, 10, 20, 50].includes(km)) s.radiusKm = km;
  const tri = params.get('relais-tri');
  if (tri === 'distance' || tri === 'name') s.sort = tri;
  const page = Number(params.get('relais-page'));
  if (Number.isInteger(page) && page > 1 && page < 100000) s.page = page;
  const fiche = params.get('relais-fiche');
  // never `.`, `..` or a path: the id goes into the API's path (`services/{id}`), with its token
  if (fiche && isSafeId(fiche)) s.service = fiche;
  return s;
}
