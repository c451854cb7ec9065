/**
 * The sentences that say what a search found: the count (« 12 services trouvés près de Clamecy »), what the source
 * could not filter, why nothing serves the place. Plain functions of the element's words and state.
 */
import { departementName, type SearchResult } from '@relais/core';
import { COMMUNE_KM, type OutOfReach } from './widen.js';
import type { Place } from './places.js';
import type { DirectoryFilters } from './filters.js';
import type { ResultsState } from './render/results.js';
import type { ActiveChip, DirectoryView } from './render/view.js';

/** What the element shows of its search, as the sentences need it. */
export interface Shown {
  result: SearchResult | null;
  place: Place | null;
  /** Why the results are wider than asked ('' when they are not). */
  widened: string;
  outOfReach: OutOfReach | null;
  /** The words typed. */
  text: string;
  filters: DirectoryFilters;
}

/** The place of the search, by name: the commune chosen, the one recognised among the words, or « Autour de moi »'s. */
export function searchedPlaceName(result: SearchResult | null, place: Place | null): string {
  return result?.recognizedPlace?.name ?? (place?.kind === 'commune' ? place.name : (place?.name ?? ''));
}

/** The count line; `widened`: the results are wider than asked (a notice above them says where they are). */
export function countText(v: DirectoryView, r: SearchResult, place: Place | null, widened: string): string {
  // a remote source that read only its first pages gives a lower bound: « Au moins 12 services trouvés près de … »
  // … and none among them is no « Aucun service »: the rest was not read
  if (r.totalIsMinimum && r.total === 0) return v.t('countNoneRead');
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

/** What the live region says after a search: the place recognised, the widening, the count, and why nothing is found. */
export function announcement(v: DirectoryView, s: Shown & { result: SearchResult }): string {
  const { result: r, place, widened, outOfReach: out } = s;
  const recognized = r.recognizedPlace ? v.t('recognizedPlace', { place: r.recognizedPlace.name }) : '';
  const elsewhere = !out && r.total === 0 && r.elsewhere?.total ? elsewhereText(v, r.elsewhere, s.text, searchedPlaceName(r, place), s.filters.radiusKm) : '';
  return [recognized, widened, countText(v, r, place, widened), unsupportedText(v, r), out ? outOfReachText(v, out, place) : '', elsewhere].filter(Boolean).join(' ');
}

/** The results section's state: the element's search and its sentences (`chips`: the active filters, removable). */
export function resultsState(v: DirectoryView, s: Shown, rest: Pick<ResultsState, 'itemId' | 'requestReason' | 'skipped' | 'error' | 'slow' | 'listKey'>, chips: () => ActiveChip[]): ResultsState {
  const { result: r, place, widened, outOfReach: out } = s;
  return {
    ...rest,
    result: r,
    countText: r ? countText(v, r, place, widened) : '',
    unsupportedText: r ? unsupportedText(v, r) : '',
    widened,
    empty: () => {
      const elsewhere = r?.elsewhere?.total ? r.elsewhere : null;
      return {
        chips: chips(),
        canWiden: !!place && (s.filters.radiusKm ?? 50) < 50,
        text: s.text,
        outOfReach: out,
        outOfReachText: out ? outOfReachText(v, out, place) : '',
        elsewhere: !!elsewhere,
        elsewhereText: elsewhere ? elsewhereText(v, elsewhere, s.text, searchedPlaceName(r, place), s.filters.radiusKm) : '',
        placeName: searchedPlaceName(r, place),
        ccasAsked: s.filters.typologies.includes('ccas-cias'),
        partial: !!r?.totalIsMinimum,
      };
    },
  };
}
