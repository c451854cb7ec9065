/**
 * The records not confirmed for a while (« Fiches à vérifier »): a table with, per record, its last update and how to
 * ask its structure to confirm it (a one-time link by e-mail), or what that request gave.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { formatDate, type FreshnessItem, type Lang, type Page } from '@relais/core';
import type { T } from './messages.js';
import { renderPager } from './pager.js';

/** What a confirmation request gave: « Envoyé à … » or the server's sentence. */
export interface Sent {
  ok: boolean;
  text: string;
}

/** What the list needs. */
export interface FreshnessView {
  /** The page shown; null while it loads. */
  page: Page<FreshnessItem> | null;
  /** Months without confirmation the list is about. */
  months: number;
  /** The element's id prefix. */
  uid: string;
  t: T;
  lang: Lang;
  /** Per service: what its confirmation request gave. */
  sent: ReadonlyMap<string, Sent>;
  /** The services whose request is on its way. */
  busy: ReadonlySet<string>;
  ask: (item: FreshnessItem) => void;
  go: (page: number) => void;
}

export function renderFreshness(v: FreshnessView): TemplateResult {
  const { page: f, t } = v;
  if (!f) return html`<p class="muted">${t('loading')}</p>`;
  if (!f.items.length) return html`<p>${t('freshEmpty')}</p>`;
  return html`<p class="count-line">${t('freshCount', { n: f.total })}</p>
    <div class="table-wrap">
      <table part="table" class="fresh">
        <caption>${t('freshCaption', { n: v.months })}</caption>
        <thead>
          <tr>
            <th scope="col">${t('service')}</th>
            <th scope="col">${t('structure')}</th>
            <th scope="col">${t('updatedOn')}</th>
            <th scope="col">${t('request')}</th>
          </tr>
        </thead>
        <tbody>
          ${f.items.map((it, i) => html`<tr>
            <th scope="row">${it.service_nom}</th>
            <td>${it.structure_nom}</td>
            <td>${formatDate(it.date_maj, v.lang)}</td>
            <td>${renderRequest(v, it, `${v.uid}-sent-${i}`)}</td>
          </tr>`)}
        </tbody>
      </table>
    </div>
    ${renderPager(f, v)}`;
}

/** The request's cell: « Demander une confirmation », what it gave, or why it cannot be asked. */
function renderRequest(v: FreshnessView, it: FreshnessItem, sentId: string): TemplateResult {
  const { t } = v;
  const sent = v.sent.get(it.service_id);
  return html`${it.demande_envoyee_le && !sent ? html`<p class="muted">${t('alreadySent', { date: formatDate(it.demande_envoyee_le, v.lang) })}</p>` : nothing}
    ${sent?.ok
      ? html`<p class="success" id=${sentId}>${sent.text}</p>`
      : it.a_un_courriel
        ? html`<button type="button" part="button" class="secondary ask" ?disabled=${v.busy.has(it.service_id)} aria-describedby=${sent ? sentId : nothing} @click=${() => v.ask(it)}>
            ${t('askConfirm')}<span class="visually-hidden"> : ${it.service_nom}</span>
          </button>`
        : html`<p class="muted">${t('noEmail')}</p>`}
    ${sent && !sent.ok ? html`<p class="error-text" id=${sentId}>${sent.text}</p>` : nothing}`;
}
