/** The pager under a listing of the contributions API (the queue, the records to check): previous, « page n of m », next. */
import { html, nothing, type TemplateResult } from 'lit';
import { formatNumber, type Lang, type Page } from '@relais/core';
import type { T } from './messages.js';

/** Nothing for a single page; otherwise the pager, `go` asked for the page chosen. */
export function renderPager(p: Page<unknown> | null, o: { t: T; lang: Lang; go: (page: number) => void }): TemplateResult | typeof nothing {
  if (!p || p.pages <= 1) return nothing;
  const { t } = o;
  return html`<nav class="pager" aria-label=${t('page', { page: p.page, pages: p.pages })}>
    <button type="button" part="button" ?disabled=${p.page <= 1} @click=${() => o.go(p.page - 1)}>${t('prev')}</button>
    <span>${t('page', { page: formatNumber(p.page, o.lang), pages: formatNumber(p.pages, o.lang) })}</span>
    <button type="button" part="button" ?disabled=${p.page >= p.pages} @click=${() => o.go(p.page + 1)}>${t('next')}</button>
  </nav>`;
}
