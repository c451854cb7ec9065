/** The detail view of a service: contact, hours, how to apply, what to bring, accessibility, partner details (pro). */
import { html, nothing, type TemplateResult } from 'lit';
import { addressLines, formatDate, formatDistance, heading, located, mailtoHref, positionOf, sanitizeUrl, telHref, type SearchItem } from '@relais/core';
import type { DirectoryView } from './view.js';
import { staleBadge } from '../freshness.js';

export interface DetailHandlers {
  close(): void;
  copy(item: SearchItem): void;
}

/** `level`: the level of the element's title (the detail's heading is one below, its sections two below). */
export function renderDetail(v: DirectoryView, item: SearchItem, level: number, on: DetailHandlers): TemplateResult {
  const { service: s, structure: st } = item;
  const hours = v.labels?.parseOpeningHours(located(s, st, 'horaires_accueil'));
  const rawHours = located(s, st, 'horaires_accueil');
  const phone = located(s, st, 'telephone');
  const tel = telHref(phone);
  const mail = mailtoHref(located(s, st, 'courriel'));
  const site = sanitizeUrl(st?.site_web);
  const lien = sanitizeUrl(s.lien_mobilisation);
  const at = positionOf(s, st);
  const route = at ? sanitizeUrl(`https://www.openstreetmap.org/directions?to=${encodeURIComponent(`${at.lat},${at.lon}`)}`) : null;
  const address = addressLines(s, st, { complement: true });
  const kind = st?.typologie ? v.label('typologies', st.typologie) : null;
  const modes = s.modes_mobilisation.map((m) => v.label('modesMobilisation', m));
  return html`<article part="detail" class="detail" aria-labelledby="detail-title">
    <div class="detail-actions no-print">
      <button type="button" part="button" class="secondary" @click=${() => on.close()}>← ${v.t('back')}</button>
      <button type="button" part="button" class="secondary" @click=${() => window.print()}>${v.t('print')}</button>
      ${v.mode === 'pro' ? html`<button type="button" part="button" class="secondary" @click=${() => on.copy(item)}>${v.t('copyContact')}</button>` : nothing}
    </div>
    ${heading(level + 1, st && st.nom !== s.nom ? `${s.nom} — ${st.nom}` : s.nom, { id: 'detail-title', focusable: true })}
    <p class="meta">
      ${kind ? html`<span class="kind">${kind}</span>` : nothing}
      ${item.distanceKm !== null ? html`<span class="distance">${formatDistance(item.distanceKm, v.lang)}</span>` : nothing}
    </p>
    ${s.description ? html`<p class="description">${s.description}</p>` : nothing}
    <div class="detail-grid">
      <section>
        ${heading(level + 2, v.t('contact'))}
        ${address.length ? html`<p>${address.map((l, i) => html`${i ? html`<br />` : nothing}${l}`)}</p>` : nothing}
        ${route ? html`<p><a href=${route} target="_blank" rel="noopener noreferrer">${v.t('directions')}</a></p>` : nothing}
        <ul class="plain">
          ${tel ? html`<li><a href=${tel}>${v.t('call', { phone })}</a></li>` : nothing}
          ${mail ? html`<li><a href=${mail}>${v.t('email')}</a></li>` : nothing}
          ${site ? html`<li><a href=${site} target="_blank" rel="noopener noreferrer">${v.t('website')}<span class="visually-hidden"> (nouvelle fenêtre)</span></a></li>` : nothing}
        </ul>
      </section>
      <section>
        ${heading(level + 2, v.t('hours'))}
        ${hours ? html`<p><strong>${v.labels!.statusLine(hours, new Date(), v.lang)}</strong></p><ul class="plain">${v.labels!.summarize(hours, v.lang).map((l) => html`<li>${l}</li>`)}</ul>` : html`<p>${rawHours ?? v.t('noHours')}</p>`}
      </section>
      ${modes.length || s.conditions_acces || lien || s.mobilisation_precisions
        ? html`<section>
            ${heading(level + 2, v.t('howTo'))}
            ${modes.length ? html`<ul class="plain">${modes.map((m) => html`<li>${m}</li>`)}</ul>` : nothing}
            ${s.mobilisation_precisions ? html`<p>${s.mobilisation_precisions}</p>` : nothing}
            ${s.conditions_acces ? html`<p><span class="muted">${v.t('conditions')} :</span> ${s.conditions_acces}</p>` : nothing}
            ${lien ? html`<p><a href=${lien} target="_blank" rel="noopener noreferrer">${v.t('applyOnline', { host: new URL(lien).hostname })}<span class="visually-hidden"> (nouvelle fenêtre)</span></a></p>` : nothing}
          </section>`
        : nothing}
      ${s.justificatifs.length
        ? html`<section>
            ${heading(level + 2, v.t('bring'))}
            <ul>${s.justificatifs.map((j) => html`<li>${j}</li>`)}</ul>
          </section>`
        : nothing}
      ${s.accessibilite || st?.accessibilite_lieu
        ? html`<section>
            ${heading(level + 2, v.t('accessibility'))}
            ${s.accessibilite ? html`<p>${s.accessibilite}</p>` : nothing}
            ${sanitizeUrl(st?.accessibilite_lieu) ? html`<p><a href=${sanitizeUrl(st?.accessibilite_lieu)!} target="_blank" rel="noopener noreferrer">Acceslibre</a></p>` : nothing}
          </section>`
        : nothing}
    </div>
    ${s.publics.length ? html`<p><span class="muted">${v.t('publics')} :</span> ${s.publics.map((p) => v.label('publics', p)).join(', ')}</p>` : nothing}
    ${s.frais_precisions ? html`<p>${s.frais_precisions}</p>` : nothing}
    ${v.mode === 'pro'
      ? html`<section class="pro">
          ${heading(level + 2, v.t('proDetails'))}
          <dl>
            ${st?.numero_finess ? html`<dt>${v.t('finess')}</dt><dd>${st.numero_finess}</dd>` : nothing}
            ${s.zone_eligibilite.length ? html`<dt>${v.t('zone')}</dt><dd>${s.zone_eligibilite.slice(0, 20).join(', ')}${s.zone_eligibilite.length > 20 ? '…' : ''}</dd>` : nothing}
            ${s.mobilisable_par.length ? html`<dt>${v.t('mobilisable')}</dt><dd>${s.mobilisable_par.map((m) => v.label('personnesMobilisatrices', m)).join(', ')}</dd>` : nothing}
          </dl>
        </section>`
      : nothing}
    <p class="muted small updated">${staleBadge(v.t, s.date_maj, v.staleAfterMonths, 'detail-stale')} ${v.t('updated', { date: formatDate(s.date_maj, v.lang) })}${st?.source_libelle ? ` · ${v.t('source', { source: st.source_libelle })}` : ''}</p>
    ${v.suggest ? v.suggest.render(item, level + 2) : nothing}
  </article>`;
}
