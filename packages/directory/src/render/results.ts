/**
 * The results section: why the list is shown (a hand-off's reason), errors, the count, the notices that say how the
 * search was read or widened, the list, the pagination; and, when nothing is found, why and the ways out.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { departementName, formatNumber, heading, type RelaisError, type SearchResult } from '@relais/core';
import { renderItem, type ItemHandlers } from './item.js';
import type { OutOfReach } from '../widen.js';
import type { ActiveChip, DirectoryView } from './view.js';

/** Nothing found: what the element knows about why, and what can be widened. */
export interface EmptyState {
  chips: ActiveChip[];
  /** A radius under the default is set around a place. */
  canWiden: boolean;
  /** The words typed (a way out is to clear them). */
  text: string;
  /** The département's matching services serve elsewhere, said in `outOfReachText`. */
  outOfReach: OutOfReach | null;
  outOfReachText: string;
  /** Matching services exist elsewhere in the data, said in `elsewhereText`. */
  elsewhere: boolean;
  elsewhereText: string;
  /** The place searched, by name ('' when none): the social action centre there is offered. */
  placeName: string;
  ccasAsked: boolean;
  /** Only the first pages of a remote source were read: nothing found there is not « nothing matches » (said in the status). */
  partial?: boolean;
}

export interface EmptyHandlers {
  showDepartement(): void;
  widenRadius(): void;
  askCcas(): void;
  clearWords(): void;
}

export interface ResultsState {
  result: SearchResult | null;
  /** The id of the result `i`'s title button. */
  itemId(i: number): string;
  requestReason: string;
  skipped: number;
  error: RelaisError | null;
  slow: boolean;
  /**
   * What the list is written from besides the results (language, mode, labels…): while it is unchanged, the list is
   * not rendered again (a keystroke, « slow », a new announcement leave it as it is). Without it, it is rendered each time.
   */
  listKey?: readonly unknown[];
  countText: string;
  unsupportedText: string;
  widened: string;
  empty(): EmptyState;
}

export interface ResultsHandlers extends ItemHandlers, EmptyHandlers {
  retry(): void;
  goPage(page: number): void;
}

/** `level`: the level of the element's title (the section's heading is one below, each result's title two below). */
export function renderResults(v: DirectoryView, st: ResultsState, level: number, on: ResultsHandlers): TemplateResult {
  const r = st.result;
  const pages = r ? Math.max(1, Math.ceil(r.total / r.pageSize)) : 1;
  return html`
    <section class="results" aria-labelledby="results-title">
      ${heading(level + 1, v.t('results'), { id: 'results-title', focusable: true })}
      ${st.requestReason ? html`<p class="reason">${st.requestReason}</p>` : nothing}
      ${v.mode === 'pro' && st.skipped > 0 ? html`<p class="notice">${v.t('dataWarning', { n: st.skipped })}</p>` : nothing}
      ${st.error
        ? html`<div class="error" part="error" role="alert">
            <p>${st.error.message}</p>
            <button type="button" part="button" class="primary" @click=${() => on.retry()}>${v.t('retry')}</button>
            ${r && r.items.length ? html`<p class="muted">${v.t('previousResults')}</p>` : nothing}
          </div>`
        : nothing}
      <p part="status" class="status">
        ${st.slow ? html`<span class="spinner" aria-hidden="true"></span>${v.t('searching')}` : r ? st.countText : ''}
      </p>
      ${r?.recognizedPlace ? html`<p class="notice recognized">${v.t('recognizedPlace', { place: r.recognizedPlace.name })}</p>` : nothing}
      ${r?.relaxed ? html`<p class="notice">${v.t('relaxed')}</p>` : nothing}
      ${r && st.unsupportedText ? html`<p class="notice unsupported">${st.unsupportedText}</p>` : nothing}
      ${st.widened && r && r.total > 0 ? html`<p class="notice widened">${st.widened}</p>` : nothing}
      ${r && r.total === 0 && !st.error ? renderEmpty(v, st.empty(), on) : nothing}
      ${r && r.items.length
        ? html`<ol part="results" class="list ${v.mode}" start=${(r.page - 1) * r.pageSize + 1}>
            ${st.listKey ? guard([...st.listKey, r.items], () => items(v, r.items, st, level, on)) : items(v, r.items, st, level, on)}
          </ol>`
        : nothing}
      ${r && pages > 1
        ? html`<nav part="pagination" class="pagination" aria-label=${v.t('results')}>
            <button type="button" part="button" ?disabled=${r.page <= 1} @click=${() => on.goPage(r.page - 1)}>${v.t('prev')}</button>
            <span>${v.t('page', { page: formatNumber(r.page, v.lang), pages: formatNumber(pages, v.lang) })}</span>
            <button type="button" part="button" ?disabled=${r.page >= pages} @click=${() => on.goPage(r.page + 1)}>${v.t('next')}</button>
          </nav>`
        : nothing}
    </section>
  `;
}

/** The results' items (not keyed with `repeat`: ≈ 1 kB gzip more for every page, for a list rendered once per search). */
function items(v: DirectoryView, list: SearchResult['items'], st: ResultsState, level: number, on: ResultsHandlers): unknown {
  return list.map((item, i) => renderItem(v, item, st.itemId(i), level + 2, on));
}

/** Nothing found: why (out of reach, elsewhere in the data), then every way to widen the search. */
export function renderEmpty(v: DirectoryView, e: EmptyState, on: EmptyHandlers): TemplateResult {
  const out = e.outOfReach;
  return html`<div class="empty">
    ${e.partial ? nothing : html`<p><strong>${v.t('emptyTitle')}</strong></p>`}
    ${out ? html`<p class="why">${e.outOfReachText}</p>` : nothing}
    ${!out && e.elsewhere ? html`<p class="why elsewhere">${e.elsewhereText}</p>` : nothing}
    ${e.chips.length || e.canWiden || e.text || out || e.elsewhere
      ? html`<p>${v.t('emptyWhy')}</p>
          <ul class="widen">
            ${out
              ? html`<li><button type="button" part="button" class="link" @click=${() => on.showDepartement()}>${v.t('showDep', { dep: departementName(out.dep) ?? out.dep })}</button></li>`
              : nothing}
            ${e.canWiden ? html`<li><button type="button" part="button" class="link" @click=${() => on.widenRadius()}>${v.t('widen', { km: 50 })}</button></li>` : nothing}
            ${e.elsewhere && e.placeName && !e.ccasAsked
              ? html`<li><button type="button" part="button" class="link" @click=${() => on.askCcas()}>${v.t('showCcas', { place: e.placeName })}</button></li>`
              : nothing}
            ${e.text ? html`<li><button type="button" part="button" class="link" @click=${() => on.clearWords()}>${v.t('clearWords')}</button></li>` : nothing}
            ${e.chips.map((c) => html`<li><button type="button" part="button" class="link" @click=${c.remove}>${v.t('removeThis', { label: c.label })}</button></li>`)}
          </ul>`
      : nothing}
  </div>`;
}
