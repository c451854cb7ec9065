/**
 * One suggestion of the moderation queue: who sent it and when, the before/after table of its fields (a box per field
 * to apply when the record is the département's own, else the producer's page), « Accepter » and the rejection's
 * reason. A function of what it shows and of the actions it offers; the element keeps the state.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { formatDate, heading, sanitizeUrl, type Champ, type Contribution, type Lang } from '@relais/core';
import type { T } from './messages.js';

/** What a suggestion's view needs. */
export interface QueueItemView {
  c: Contribution;
  /** The id its elements' ids start with (`…-title`, `…-motif`, `…-error`). */
  id: string;
  level: number;
  t: T;
  lang: Lang;
  /** The fields ticked for acceptance. */
  ticked: ReadonlySet<Champ>;
  /** The rejection's reason typed so far. */
  reason: string;
  /** The error beside the buttons, and the one of the reason field. */
  error: string | undefined;
  reasonError: string | undefined;
  /** A decision is on its way: the buttons wait. */
  busy: boolean;
  toggle: (champ: Champ) => void;
  typeReason: (value: string) => void;
  accept: () => void;
  reject: () => void;
}

export function renderQueueItem(v: QueueItemView): TemplateResult {
  const { c, id, t } = v;
  const producer = sanitizeUrl(c.lien_source);
  const producerHost = producer && /^https?:/.test(producer) ? new URL(producer).hostname : null;
  return html`<article class="contribution" part="contribution" aria-labelledby="${id}-title">
    ${heading(v.level, c.structure_nom && c.structure_nom !== c.service_nom ? `${c.service_nom} — ${c.structure_nom}` : c.service_nom, { id: `${id}-title`, focusable: true })}
    <p class="muted">${t('received', { date: formatDate(c.recu_le, v.lang), who: t(`by-${c.auteur}`) })}</p>
    ${c.contact ? html`<p><span class="muted">${t('contact')}</span> ${c.contact}</p>` : nothing}
    ${c.commentaire ? html`<p><span class="muted">${t('comment')}</span> ${c.commentaire}</p>` : nothing}
    ${c.modifiable
      ? nothing
      : html`<div class="notice">
          <p>${t('notModifiable', { source: c.source })}</p>
          ${producerHost ? html`<p><a href=${producer!} target="_blank" rel="noopener noreferrer">${t('producer', { host: producerHost })}<span class="visually-hidden"> (${t('newWindow')})</span></a></p>` : nothing}
        </div>`}
    ${renderChanges(v)}
    ${v.error ? html`<p class="error-text" id="${id}-error">${v.error}</p>` : nothing}
    <div class="decide">
      ${c.modifiable
        ? html`<button type="button" part="button" class="primary accept" ?disabled=${v.busy} aria-describedby=${v.error ? `${id}-error` : nothing} @click=${() => v.accept()}>${t('accept')}</button>`
        : nothing}
      ${renderReject(v)}
    </div>
  </article>`;
}

/** The before/after table, with a box per field to apply when the record can be changed here. */
function renderChanges({ c, id, t, ticked, toggle }: QueueItemView): TemplateResult {
  return html`<div class="table-wrap">
    <table part="table">
      <caption>${t('caption', { name: c.service_nom })}</caption>
      <thead>
        <tr>
          ${c.modifiable ? html`<th scope="col">${t('apply')}</th>` : nothing}
          <th scope="col">${t('field')}</th>
          <th scope="col">${t('before')}</th>
          <th scope="col">${t('after')}</th>
        </tr>
      </thead>
      <tbody>
        ${c.changements.map(
          (f) => html`<tr>
            ${c.modifiable
              ? html`<td class="apply"><input type="checkbox" id="${id}-${f.champ}" aria-label=${t('applyField', { field: f.libelle })} .checked=${ticked.has(f.champ)} @change=${() => toggle(f.champ)} /></td>`
              : nothing}
            <th scope="row">${f.libelle}</th>
            <td class="before">${f.avant ?? html`<span class="muted">${t('empty')}</span>`}</td>
            <td class="after">${f.champ === 'ferme' ? t('closed') : f.apres}</td>
          </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

/** The reason of a rejection (required, 500 characters) and « Refuser ». */
function renderReject({ id, t, reason, reasonError, busy, typeReason, reject }: QueueItemView): TemplateResult {
  return html`<div class="reject">
    <label for="${id}-motif">${t('rejectLabel')}</label>
    <p class="hint" id="${id}-motif-hint">${t('rejectHint')}</p>
    ${reasonError ? html`<p class="error-text" id="${id}-motif-error">${reasonError}</p>` : nothing}
    <textarea
      id="${id}-motif"
      part="input"
      rows="2"
      maxlength="500"
      aria-invalid=${reasonError ? 'true' : 'false'}
      aria-describedby=${reasonError ? `${id}-motif-hint ${id}-motif-error` : `${id}-motif-hint`}
      .value=${reason}
      @input=${(e: Event) => typeReason((e.target as HTMLTextAreaElement).value)}
    ></textarea>
    <button type="button" part="button" class="secondary reject-button" ?disabled=${busy} @click=${() => reject()}>${t('reject')}</button>
  </div>`;
}
