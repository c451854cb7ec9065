/**
 * The section of unmet needs: the need the map shows, the map's place (drawn by the element once the EPCI centres
 * are known), what the map could not place, then the table and its CSV.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { heading } from '@relais/core';
import { renderCsvButton, renderTable, type PanelContext } from './panels.js';
import type { SectionTable } from './sections.js';

/** What the section shows besides its table. */
export interface UnmetView {
  level: number;
  table: SectionTable;
  /** The answer has unmet needs (else no map). */
  any: boolean;
  /** A département is given: the map has its area. */
  mapped: boolean;
  /** The needs to choose from (id and name, in order) and the one chosen (`''`: all). */
  needs: Array<{ id: string; name: string }>;
  need: string;
  /** `tile-url="none"`: a map without background. */
  noTiles: boolean;
  mapState: 'idle' | 'ready' | 'failed';
  /** Rows the map could not place (no EPCI centre). */
  unplaced: number;
  chooseNeed: (need: string) => void;
}

export function renderUnmet(x: PanelContext, v: UnmetView): TemplateResult {
  const { t } = x;
  const title = t('unmet');
  return html`<section part="section" class="section" id="section-besoins-non-couverts" aria-labelledby="h-besoins-non-couverts">
    ${heading(v.level, title, { id: 'h-besoins-non-couverts' })}
    <p class="muted">${t('unmetIntro')}</p>
    ${v.any
      ? v.mapped
        ? html`<div class="map-tools">
              <label for="map-need">${t('mapNeed')}</label>
              <select id="map-need" .value=${v.need} @change=${(e: Event) => v.chooseNeed((e.target as HTMLSelectElement).value)}>
                <option value="" ?selected=${!v.need}>${t('allNeeds')}</option>
                ${v.needs.map((n) => html`<option value=${n.id} ?selected=${n.id === v.need}>${n.name}</option>`)}
              </select>
            </div>
            <p class="visually-hidden" id="map-help">${t('mapHelp')}</p>
            <div id="unmet-map" part="map" class="map ${v.noTiles ? 'no-tiles' : ''}" role="region" aria-label=${t('mapLabel')} aria-describedby="map-help"></div>
            ${v.mapState === 'failed' ? html`<p class="hint">${t('mapFailed')}</p>` : nothing}
            ${v.unplaced ? html`<p class="hint">${t('mapUnplaced', { n: v.unplaced })}</p>` : nothing}`
        : html`<p class="hint">${t('mapNeedsDep')}</p>`
      : nothing}
    ${renderTable(x, v.table, 'h-besoins-non-couverts', title)}
    ${v.table.rows.length ? renderCsvButton(x, v.table.id, title) : nothing}
  </section>`;
}
