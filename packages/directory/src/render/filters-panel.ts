/** The filters panel (publics, kinds, modes, free, open now, distance, sort) and the chips of the active filters. */
import { html, nothing, type TemplateResult } from 'lit';
import { formatNumber, type SearchResult } from '@relais/core';
import type { DirectoryFilters, FilterList } from '../filters.js';
import { checkbox, type ActiveChip, type DirectoryView } from './view.js';

const PUBLIC_OPTIONS = ['seniors', 'personnes-agees-en-perte-dautonomie', 'personnes-en-situation-de-handicap', 'enfants-en-situation-de-handicap', 'proches-aidants', 'familles'];
const MODE_OPTIONS = ['en-presentiel', 'a-domicile', 'a-distance'];
const RADII = [5, 10, 20, 50];

export interface FiltersPanel {
  filters: DirectoryFilters;
  /** The results shown: their facets count each value, and a value that would give none is not offered. */
  result: SearchResult | null;
  /** A place is chosen: distance and sort by distance are possible. */
  hasPlace: boolean;
  /** The source sorts by `date_maj` (the static and REST ones): « Fiches vérifiées récemment » is offered. */
  canSortUpdated?: boolean;
  chips: ActiveChip[];
  /** A checkbox of a list was ticked or unticked. */
  toggle(list: FilterList, value: string): void;
  /** A switch, the distance or the sort changed. */
  change(next: DirectoryFilters): void;
  clearAll(): void;
}

export function renderFiltersPanel(v: DirectoryView, p: FiltersPanel): TemplateResult {
  const { filters: fl, chips } = p;
  const f = p.result && !p.result.unsupported.includes('facets') ? p.result.facets : undefined;
  const count = (m: Record<string, number> | undefined, val: string) => (f && m ? ` (${formatNumber(m[val] ?? 0, v.lang)})` : '');
  // a value that would give no result is not offered (unless it is ticked: it can be unticked)
  const offered = (m: Record<string, number> | undefined, val: string, on: boolean) => on || !f || !m || (m[val] ?? 0) > 0;
  const kinds = f ? Object.entries(f.typologies).sort((a, b) => b[1] - a[1]).map(([k]) => k) : [];
  for (const k of fl.typologies) if (!kinds.includes(k)) kinds.push(k);
  return html`
    <details class="filters" part="filters" ?open=${v.mode === 'pro' || chips.length > 0}>
      <summary>${v.t('filters')}</summary>
      <div class="filter-grid">
        <fieldset>
          <legend>${v.t('public')}</legend>
          ${PUBLIC_OPTIONS.filter((x) => offered(f?.publics, x, fl.publics.includes(x))).map((x) => checkbox(`pub-${x}`, v.label('publics', x) + count(f?.publics, x), fl.publics.includes(x), () => p.toggle('publics', x)))}
        </fieldset>
        <fieldset>
          <legend>${v.t('kind')}</legend>
          <div class="scroll">${kinds.map((k) => checkbox(`kind-${k}`, v.label('typologies', k) + count(f?.typologies, k), fl.typologies.includes(k), () => p.toggle('typologies', k)))}</div>
        </fieldset>
        <fieldset>
          <legend>${v.t('mode')}</legend>
          ${MODE_OPTIONS.filter((m) => offered(f?.modesAccueil, m, fl.modes.includes(m))).map((m) => checkbox(`mode-${m}`, v.label('modesAccueil', m) + count(f?.modesAccueil, m), fl.modes.includes(m), () => p.toggle('modes', m)))}
          ${offered(f?.frais, 'gratuit', fl.free) ? checkbox('free', v.t('free') + count(f?.frais, 'gratuit'), fl.free, () => p.change(fl.with({ free: !fl.free }))) : nothing}
          ${checkbox('open-now', v.t('openNow'), fl.openNow, () => p.change(fl.with({ openNow: !fl.openNow })))}
        </fieldset>
        <div class="selects">
          <label for="radius">${v.t('distance')}</label>
          <select id="radius" part="input" ?disabled=${!p.hasPlace} @change=${(e: Event) => p.change(fl.with({ radiusKm: Number((e.target as HTMLSelectElement).value) || undefined }))}>
            <option value="" ?selected=${!fl.radiusKm}>${v.t('anyDistance')}</option>
            ${RADII.map((r) => html`<option value=${r} ?selected=${fl.radiusKm === r}>${v.t('km', { km: r })}</option>`)}
          </select>
          <label for="sort">${v.t('sort')}</label>
          <select id="sort" part="input" @change=${(e: Event) => p.change(fl.with({ sort: ((e.target as HTMLSelectElement).value || undefined) as DirectoryFilters['sort'] }))}>
            <option value="" ?selected=${!fl.sort}>${v.t('sortRelevance')}</option>
            <option value="distance" ?selected=${fl.sort === 'distance'} ?disabled=${!p.hasPlace}>${v.t('sortDistance')}</option>
            <option value="name" ?selected=${fl.sort === 'name'}>${v.t('sortName')}</option>
            ${p.canSortUpdated || fl.sort === 'updated' ? html`<option value="updated" ?selected=${fl.sort === 'updated'}>${v.t('sortUpdated')}</option>` : nothing}
          </select>
        </div>
      </div>
    </details>
    ${chips.length
      ? html`<div class="chips-row">
          <ul part="chips" class="chips" aria-label=${v.t('activeFilters')}>
            ${chips.map((c) => html`<li><button type="button" part="chip" class="chip" aria-label=${v.t('removeFilter', { label: c.label })} @click=${c.remove}>${c.label} <span aria-hidden="true">×</span></button></li>`)}
          </ul>
          <button type="button" part="button" class="link" @click=${() => p.clearAll()}>${v.t('clearAll')}</button>
        </div>`
      : nothing}
  `;
}
