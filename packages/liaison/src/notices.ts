/**
 * What the liaison form says besides its current view: that the sheet cannot be shown (why) or is still loading, the
 * shared device's warning before its inactivity erase, and a newer version of the draft saved in another tab.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { heading, formatDate, type Lang } from '@relais/core';
import type { DraftMeta } from './draft-store.js';
import type { T } from './views.js';

/** Shown instead of the form: why the sheet cannot be shown (`error`, in French), else that it is loading. */
export function renderUnavailable(o: { level: number; t: T; error: string | undefined }): TemplateResult {
  const { t, error } = o;
  return html`<section aria-labelledby="title">
    ${heading(o.level, t('sheet'), { id: 'title' })}
    ${error ? html`<div part="error" class="error-box" role="alert"><p>${t('cannotShow')}</p><p>${error}</p></div>` : html`<p role="status">${t('loadingSheet')}</p>`}
  </section>`;
}

/** The inactivity warning (shared device) and the conflict with another tab's version, each with its way out. */
export function renderDraftNotices(o: {
  t: T;
  lang: Lang;
  /** The inactivity erase is one minute away. */
  idleWarning: boolean;
  /** The version another tab saved since this one last saved. */
  conflict: DraftMeta | null;
  keepFilling: () => void;
  takeTheirs: () => void;
  keepMine: () => void;
}): TemplateResult {
  const { t } = o;
  return html`${o.idleWarning
    ? html`<div class="warning" role="alert"><p>${t('idleSoon')}</p><button type="button" part="button" class="primary" @click=${o.keepFilling}>${t('keepFilling')}</button></div>`
    : nothing}
  ${o.conflict
    ? html`<div class="warning" role="alert"><p>${t('conflict', { time: formatDate(o.conflict.updatedAt, o.lang, { hour: '2-digit', minute: '2-digit' }) })}</p>
        <button type="button" part="button" @click=${o.takeTheirs}>${t('takeTheirs')}</button>
        <button type="button" part="button" @click=${o.keepMine}>${t('keepMine')}</button></div>`
    : nothing}`;
}
