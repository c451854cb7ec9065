/**
 * The sentences that say what a search found: the count (« 12 services trouvés près de Clamecy »), what the source
 * could not filter, why nothing serves the place. Plain functions of the element's words and state.
 */
import { departementName, type SearchResult } from '@relais/core';
import { COMMUNE_KM, type OutOfReach } from './widen.js';
import type { Place } from './places.js';
import type { DirectoryView } from './render/view.js';

/** The place of the search, by name: the commune chosen, the one recognised among the words, or « Autour de moi »'s. */
export function searchedPlaceName(result: SearchResult | null, place: Place | null): string {
  return result?.recognizedPlace?.name ?? (place?.kind === 'commune' ? place.name : (place?.name ?? ''));
}

/** The count line; `widened`: the results are wider than asked (a notice above them says where they are). */
export function countText(v: DirectoryView, r: SearchResult, place: Place | null, widened: string): string {
  // a remote source that read only its first pages gives a lower bound: « Au moins 12 services trouvés près de … »
  if (r.totalIsMinimum && r.total > 0) {
    const exact = countText(v, { ...r, totalIsMinimum: false }, place, widened);
    return v.t('countAtLeast', { count: exact.charAt(0).toLowerCase() + exact.slice(1) });
  }
  // widened results are not « près de » the commune: the notice above them says where they are
  // … nor « près de 58079 » while the commune's name is on its way
  if (!place || widened || (place.kind === 'commune' && place.name === place.code)) return v.t('count', { n: r.total });
  // « 12 services trouvés près de Clamecy », « 137 services trouvés autour de vous, près de Clamecy »
  const name = place.kind === 'near' ? v.t('nearYou', { name: place.name }) : v.t('nearPlace', { name: place.name });
  return v.t('countNear', { n: r.total, place: name });
}

/** What the source could not filter (`unsupported`), as a sentence: « Ce répertoire ne permet pas de filtrer par … ». */
export function unsupportedText(v: DirectoryView, r: SearchResult): string {
  const names = r.unsupported.filter((u) => u !== 'facets').map((u) => {
    const [filter, value] = u.split(':') as [string, string | undefined];
    // a value: its label; a whole filter: the name of its control
    const control = ({ typologies: 'kind', radiusKm: 'distance', openAt: 'openNow', near: 'aroundMe' } as Record<string, Parameters<DirectoryView['t']>[0]>)[filter];
    const label = value !== undefined ? v.label(filter === 'thematiques' && !value.includes('--') ? 'categories' : (filter as Parameters<DirectoryView['label']>[0]), value) : control ? v.t(control) : filter;
    return v.lang === 'en' ? `“${label}”` : `« ${label} »`;
  });
  return names.length ? v.t('unsupported', { list: new Intl.ListFormat(v.lang, { type: 'conjunction' }).format(names) }) : '';
}

/** The département has matching services, none of which serves the commune chosen. */
export function outOfReachText(v: DirectoryView, o: OutOfReach, place: Place | null): string {
  return v.t('outOfReach', { n: o.n, dep: departementName(o.dep) ?? o.dep, place: place?.kind === 'commune' ? place.name : '', km: COMMUNE_KM });
}

/** « 11 services correspondant à « portage de repas » existent dans ces données, mais aucun ne dessert Clamecy. » */
export function elsewhereText(v: DirectoryView, e: NonNullable<SearchResult['elsewhere']>, words: string, placeName: string, radiusKm: number | undefined): string {
  return v.t('elsewhere', { ...e, words: words.trim(), place: placeName, km: radiusKm ?? COMMUNE_KM });
}
