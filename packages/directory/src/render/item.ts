/** One result of the list: name (opens the detail), kind, distance, today's hours, address, contact, publics, update. */
import { html, nothing, type TemplateResult } from 'lit';
import { addressLine, formatDate, formatDistance, heading, located, sanitizeUrl, telHref, type SearchItem } from '@relais/core';
import type { DirectoryView } from './view.js';
import { staleBadge } from '../freshness.js';

export interface ItemHandlers {
  /** Opens the detail; `id` is the title button's, where the focus goes back when it closes. */
  open(item: SearchItem, id: string): void;
  copy(item: SearchItem): void;
}

/** `id`: the title button's id (unique in the element); `level`: the heading level of the item's title. */
export function renderItem(v: DirectoryView, item: SearchItem, id: string, level: number, on: ItemHandlers): TemplateResult {
  const { service: s, structure: st } = item;
  const kind = st?.typologie ? v.label('typologies', st.typologie) : null;
  const hours = v.labels?.parseOpeningHours(located(s, st, 'horaires_accueil'));
  const phone = located(s, st, 'telephone');
  const tel = telHref(phone);
  const site = sanitizeUrl(st?.site_web);
  const address = addressLine(s, st);
  const title = st && st.nom !== s.nom ? `${s.nom} — ${st.nom}` : s.nom;
  return html`<li part="result" class="item">
    <article aria-labelledby=${id}>
      ${heading(level, html`<button type="button" class="link title-link" id=${id} @click=${() => on.open(item, id)}>${title}</button>`)}
      <p class="meta">
        ${kind ? html`<span class="kind">${kind}</span>` : nothing}
        ${item.distanceKm !== null ? html`<span class="distance">${formatDistance(item.distanceKm, v.lang)}</span>` : nothing}
        ${hours ? html`<span class="hours">${v.labels!.statusLine(hours, new Date(), v.lang)}</span>` : nothing}
      </p>
      ${address ? html`<p class="address">${address}</p>` : nothing}
      <p class="contact">
        ${tel ? html`<a href=${tel}>${v.t('call', { phone })}</a>` : nothing}
        ${site ? html`<a href=${site} target="_blank" rel="noopener noreferrer">${v.t('website')}<span class="visually-hidden"> (${st?.nom}, nouvelle fenêtre)</span></a>` : nothing}
      </p>
      ${s.publics.length ? html`<p class="publics"><span class="muted">${v.t('publics')} :</span> ${s.publics.map((p) => v.label('publics', p)).join(', ')}</p>` : nothing}
      <p class="updated muted">${staleBadge(v.t, s.date_maj, v.staleAfterMonths, `${id}-stale`)} ${v.t('updated', { date: formatDate(s.date_maj, v.lang) })}${st?.source_libelle ? ` · ${v.t('source', { source: st.source_libelle })}` : ''}</p>
      ${v.mode === 'pro' ? html`<button type="button" part="button" class="link" @click=${() => on.copy(item)}>${v.t('copyContact')}</button>` : nothing}
    </article>
  </li>`;
}
