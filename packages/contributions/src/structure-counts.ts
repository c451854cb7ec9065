/** The contributions per author and per organisation (« Contributions par structure »). */
import { html, type TemplateResult } from 'lit';
import { formatNumber, type ContributionStats, type Lang } from '@relais/core';
import type { T } from './messages.js';

/** The counts (null while they load), in the element's words. */
export function renderStructureCounts(s: ContributionStats | null, { t, lang }: { t: T; lang: Lang }): TemplateResult {
  if (!s) return html`<p class="muted">${t('loading')}</p>`;
  const n = (v: number) => formatNumber(v, lang);
  return html`<p>${t('byAuthor', { usager: n(s.par_auteur.usager), professionnel: n(s.par_auteur.professionnel), structure: n(s.par_auteur.structure) })}</p>
    ${s.par_structure.length
      ? html`<div class="table-wrap">
          <table part="table" class="stats">
            <caption>${t('statsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">${t('structure')}</th>
                <th scope="col" class="num">${t('suggestions')}</th>
                <th scope="col" class="num">${t('acceptees')}</th>
                <th scope="col" class="num">${t('refusees')}</th>
                <th scope="col" class="num">${t('confirmations')}</th>
              </tr>
            </thead>
            <tbody>
              ${s.par_structure.map(
                (r) => html`<tr>
                  <th scope="row">${r.structure_nom}</th>
                  <td class="num">${n(r.suggestions)}</td>
                  <td class="num">${n(r.acceptees)}</td>
                  <td class="num">${n(r.refusees)}</td>
                  <td class="num">${n(r.confirmations)}</td>
                </tr>`,
              )}
            </tbody>
          </table>
        </div>`
      : html`<p>${t('statsEmpty')}</p>`}`;
}
