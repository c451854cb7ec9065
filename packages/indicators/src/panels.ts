/**
 * The dashboard's sections as templates: a section's data table (its chart's alternative), the chart's place, the
 * « Télécharger en CSV » button, and the sections written differently (eligibility's key figure, freshness, a section
 * the server does not give). Functions of a {@link PanelContext} and of the section's table; the element draws the
 * charts into the places left here.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { formatNumber, heading, type Lang } from '@relais/core';
import type { MessageKey, T } from './messages.js';
import { probableFollowUp, type Indicators } from './model.js';
import { chartBars, type Cell, type SectionId, type SectionTable } from './sections.js';

/** What every section needs from the element. */
export interface PanelContext {
  t: T;
  lang: Lang;
  /** The answer's threshold (« moins de k »). */
  k: number;
  /** The charts could not be drawn (their captions say so). */
  chartFailed: boolean;
  download: (id: SectionId) => void;
}

/** A cell as read: text, a number in the page's language, or « moins de k ». */
export function cellText(c: Cell, { t, lang, k }: PanelContext): string {
  if (typeof c === 'string') return c;
  if ('n' in c) return formatNumber(c.n, lang);
  return t('masked', { k });
}

const percent = (lang: Lang, n: number) => new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'fr-FR', { style: 'percent', maximumFractionDigits: 0 }).format(n);

/** A section's table, in a region that scrolls on its own (never the page sideways), named by the caption. */
export function renderTable(x: PanelContext, table: SectionTable, captionId: string, caption: string): TemplateResult {
  if (!table.rows.length) return html`<p class="muted">${x.t('empty')}</p>`;
  return html`<div class="table-wrap" role="region" aria-labelledby=${`${captionId}-caption`} tabindex="0">
    <table part="table">
      <caption id=${`${captionId}-caption`} class="visually-hidden">${x.t('tableOf', { title: caption })}</caption>
      <thead>
        <tr>${table.headers.map((h, i) => html`<th scope="col" class=${i > 0 && table.rows.some((r) => typeof r[i] !== 'string') ? 'num' : ''}>${h}</th>`)}</tr>
      </thead>
      <tbody>
        ${table.rows.map(
          (r) => html`<tr>
            ${r.map((c, i) =>
              i === 0
                ? html`<th scope="row">${cellText(c, x)}</th>`
                : html`<td class=${typeof c === 'string' ? '' : typeof c === 'object' && 'masked' in c ? 'num masked' : 'num'}>${cellText(c, x)}</td>`,
            )}
          </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

/** « Télécharger en CSV », named after its section for screen readers. */
export function renderCsvButton(x: PanelContext, id: SectionId, title: string): TemplateResult {
  return html`<button type="button" part="button" class="csv" data-section=${id} @click=${() => x.download(id)}>
    ${x.t('csv')}<span class="visually-hidden"> : ${title}</span>
  </button>`;
}

/** A section: heading, intro, what `extra` adds, the chart's place (when it has bars), the table and its CSV. */
export function renderSection(x: PanelContext, level: number, table: SectionTable, titleKey: MessageKey, introKey?: MessageKey, extra: unknown = nothing): TemplateResult {
  const title = x.t(titleKey);
  const hid = `h-${table.id}`;
  return html`<section part="section" class="section" id=${`section-${table.id}`} aria-labelledby=${hid}>
    ${heading(level, title, { id: hid })}
    ${introKey ? html`<p class="muted">${x.t(introKey)}</p>` : nothing}
    ${extra}
    ${chartBars(table).length
      ? html`<figure class="figure">
          <div part="chart" class="chart" id=${`chart-${table.id}`} aria-hidden="true"></div>
          <figcaption class="hint">${x.chartFailed ? x.t('chartFailed') : x.t('chartNote', { k: x.k })}</figcaption>
        </figure>`
      : nothing}
    ${renderTable(x, table, hid, title)}
    ${table.rows.length ? renderCsvButton(x, table.id, title) : nothing}
  </section>`;
}

/** A section the answer does not have: its heading and why. */
export function renderNone(x: PanelContext, level: number, titleKey: MessageKey, textKey: MessageKey): TemplateResult {
  return html`<section part="section" class="section" aria-labelledby=${`h-${titleKey}`}>
    ${heading(level, x.t(titleKey), { id: `h-${titleKey}` })}
    <p class="muted">${x.t(textKey)}</p>
  </section>`;
}

/** Eligibility's key figure: how many « probable » results were followed by a directory search. */
export function renderProbable(x: PanelContext, d: Indicators): TemplateResult {
  const f = probableFollowUp(d.eligibilite);
  if (!d.eligibilite.some((r) => r.statut === 'probable')) return html``;
  if (!f || f.shown === 0) return html`<p>${x.t('probableNone')}</p>`;
  return html`<p class="key-figure">${x.t('probableFollow', { followed: formatNumber(f.followed, x.lang), shown: formatNumber(f.shown, x.lang), pct: percent(x.lang, f.followed / f.shown) })}</p>`;
}

/** The directory's freshness: records to check out of all, then its table. */
export function renderFreshness(x: PanelContext, level: number, d: Indicators, table: SectionTable): TemplateResult {
  const f = d.fraicheur;
  if (!f || typeof f.services !== 'number' || typeof f.a_verifier !== 'number') return renderNone(x, level, 'freshness', 'freshnessNone');
  const pct = f.services ? percent(x.lang, f.a_verifier / f.services) : '0 %';
  return html`<section part="section" class="section" id="section-fraicheur" aria-labelledby="h-fraicheur">
    ${heading(level, x.t('freshness'), { id: 'h-fraicheur' })}
    <p class="key-figure">${x.t('freshnessText', { old: formatNumber(f.a_verifier, x.lang), total: formatNumber(f.services, x.lang), pct })}</p>
    ${renderTable(x, table, 'h-fraicheur', x.t('freshness'))}
    ${renderCsvButton(x, 'fraicheur', x.t('freshness'))}
  </section>`;
}
