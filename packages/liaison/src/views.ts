/**
 * The views of the liaison form other than a section and the consent step: unlock, resume, the task list, the review,
 * and the two results (sent / queued / withdrawn, not shared). Each is a function of what it shows and of the actions
 * it offers; the element decides which one is on screen.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { heading, formatDate, type Lang } from '@relais/core';
import type { ConsentRecord } from './consent.js';
import type * as ConsentRules from './consent.js';
import type { DraftMeta } from './draft-store.js';
import type { Field, FieldError, SectionStatus, Template } from './sheet-schema.js';
import { errorSummary, renderField, type FieldContext } from './fields.js';
import type { MessageKey } from './messages.js';

/** A message in the form's language. */
export type T = (key: MessageKey, params?: Record<string, unknown>) => string;
const LONG: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' };

/** What the form shows after a send: the receipt, the sheet waiting in the outbox, or the sending cancelled. */
export type SentView =
  | { kind: 'sent'; outcome: 'sent'; message: string; receipt?: string }
  | { kind: 'sent'; outcome: 'queued'; message: string }
  | { kind: 'sent'; outcome: 'withdrawn'; message: string };

export function renderUnlock(o: { level: number; t: T; exists: boolean; error: string; submit: (e: Event) => void }): TemplateResult {
  const { t, error } = o;
  return html`<form class="unlock" novalidate @submit=${o.submit}>
    ${heading(o.level, t('unlockTitle'), { id: 'unlock-title', focusable: true })}
    <label for="passphrase">${t('passphrase')}</label>
    <p class="hint" id="passphrase-hint">${o.exists ? t('passphraseEnter') : t('passphraseChoose')}</p>
    ${error ? html`<p class="error-text" id="passphrase-error">${error}</p>` : nothing}
    <input id="passphrase" type="password" autocomplete="off" aria-describedby=${error ? 'passphrase-hint passphrase-error' : 'passphrase-hint'} aria-invalid=${error ? 'true' : 'false'} />
    <div class="actions">
      <button type="submit" part="button" class="primary">${t('openSheet')}</button>
    </div>
  </form>`;
}

export function renderResume(o: { level: number; t: T; lang: Lang; meta: DraftMeta; resume: (keep: boolean) => void }): TemplateResult {
  const { t } = o;
  return html`<div class="resume">
    ${heading(o.level, t('resumeTitle'), { id: 'resume-title', focusable: true })}
    <p>${t('lastSaved', { date: formatDate(o.meta.updatedAt, o.lang, LONG) })}</p>
    <div class="actions">
      <button type="button" part="button" class="primary" @click=${() => o.resume(true)}>${t('resume')}</button>
      <button type="button" part="button" @click=${() => o.resume(false)}>${t('restart')}</button>
    </div>
  </div>`;
}

export function renderTasks(o: {
  level: number;
  t: T;
  sheet: Template;
  statuses: Record<string, SectionStatus>;
  importError: string;
  open: (section: string) => void;
  review: () => void;
  exportFile: () => void;
  importFile: (e: Event) => void;
}): TemplateResult {
  const { t, sheet, statuses, importError } = o;
  const all = Object.values(statuses);
  return html`<div part="tasks">
    ${heading(o.level, t('tasksTitle'), { id: 'tasks-title', focusable: true })}
    ${sheet.description ? html`<p>${sheet.description}</p>` : nothing}
    <p>${t('partsDone', { done: all.filter((s) => s === 'completed').length, total: all.length })}</p>
    <ol class="tasks">
      ${sheet.sections.map(
        (s) => html`<li>
          <button type="button" class="link task" @click=${() => o.open(s.id)}>${s.title}</button>
          <span class="status ${statuses[s.id]}">${t(`status-${statuses[s.id]!}`)}</span>
        </li>`,
      )}
    </ol>
    <div class="actions no-print">
      <button type="button" part="button" class="primary" @click=${o.review}>${t('review')}</button>
      <button type="button" part="button" @click=${() => window.print()}>${t('print')}</button>
      <button type="button" part="button" @click=${o.exportFile}>${t('export')}</button>
    </div>
    <div class="import no-print">
      <label for="import-file">${t('importLabel')}</label>
      <p class="hint" id="import-hint">${t('importHint')}</p>
      ${importError ? html`<p class="error-text" id="import-error" role="alert">${importError}</p>` : nothing}
      <input id="import-file" type="file" accept="application/json,.json" aria-describedby=${importError ? 'import-hint import-error' : 'import-hint'} @change=${o.importFile} />
    </div>
  </div>`;
}

export function renderReview(o: {
  level: number;
  t: T;
  lang: Lang;
  sheet: Template;
  /** The date printed as « Dernière mise à jour ». */
  updated: string | undefined;
  /** What the receiver refused (each opens its section). */
  refused: readonly FieldError[];
  /** Missing or invalid values (nothing can be sent before they are corrected). */
  invalid: number;
  /** Why the sheet cannot be sent as it is (shown with an endpoint only). */
  blockers: readonly FieldError[] | undefined;
  fields: (section: Template['sections'][number]) => Field[];
  display: (f: Field) => string;
  open: (section: string, keepErrors?: boolean) => void;
  consent: (() => void) | undefined;
  back: () => void;
}): TemplateResult {
  const { t, level, refused } = o;
  return html`<div class="review">
    ${heading(level, t('review'), { id: 'review-title', focusable: true })}
    ${o.updated ? html`<p class="updated">${t('updated', { date: formatDate(o.updated, o.lang, { day: 'numeric', month: 'long', year: 'numeric' }) })}</p>` : nothing}
    ${refused.length
      ? html`<div part="error-summary" class="error-summary" id="server-errors" tabindex="-1" role="alert" aria-labelledby="server-errors-title">
          <p id="server-errors-title"><strong>${t('refused', { n: refused.length })}</strong></p>
          <ul>${refused.map((e) => html`<li><button type="button" class="link" @click=${() => o.open(e.section, true)}>${e.message}</button></li>`)}</ul>
          <p>${t('refusedKept')}</p>
        </div>`
      : nothing}
    ${o.sheet.sections.map(
      (s) => html`<section aria-labelledby=${`r-${s.id}`}>
        ${heading(level + 1, s.title, { id: `r-${s.id}` })}
        <dl>
          ${o.fields(s).map((f) => (f.deviceOnly ? html`<div class="device-only"><dt>${f.label}</dt><dd>${o.display(f)}</dd></div>` : html`<dt>${f.label}</dt><dd>${o.display(f)}</dd>`))}
        </dl>
        <button type="button" part="button" class="link no-print" @click=${() => o.open(s.id)}>${t('editSection', { title: s.title })}</button>
      </section>`,
    )}
    ${o.invalid ? html`<p class="error-text">${t('toFix', { n: o.invalid })}</p>` : nothing}
    ${o.blockers ? o.blockers.map((b) => html`<p class="error-text" id="send-blocker">${b.message}</p>`) : nothing}
    <div class="actions no-print">
      ${o.consent ? html`<button type="button" part="button" class="primary" ?disabled=${o.invalid > 0} @click=${o.consent}>${t('toConsent')}</button>` : nothing}
      <button type="button" part="button" @click=${() => window.print()}>${t('print')}</button>
      <button type="button" part="button" @click=${o.back}>${t('backToTasks')}</button>
    </div>
  </div>`;
}

/** The person objected or refused: the answer is shown as recorded, nothing leaves the device. */
export function renderNotShared(o: { level: number; t: T; lang: Lang; record: ConsentRecord; rules: typeof ConsentRules; back: () => void }): TemplateResult {
  const { t, record } = o;
  const decision = o.rules.REGIMES[record.regime].decisions.find((d) => d.value === record.decision)!;
  return html`<div class="sent">
    ${heading(o.level, t('notSentTitle'), { id: 'result-title', focusable: true })}
    <p>${t('answerRecorded', {
      decision: `${decision.label.charAt(0).toLowerCase()}${decision.label.slice(1)}`,
      method: record.method === 'oral' ? t('oralLower') : t('writtenLower'),
      by: record.collectedBy,
      date: formatDate(record.at, o.lang, { day: 'numeric', month: 'long', year: 'numeric' }),
    })}</p>
    <p>${t('nothingSent')}</p>
    <div class="actions">
      <button type="button" part="button" @click=${o.back}>${t('backToSheet')}</button>
    </div>
  </div>`;
}

/** After a send: the receipt (and how to object), the sheet waiting (retry, withdraw), or the sending cancelled. */
export function renderSent(o: { level: number; t: T; view: SentView; retry: () => void; withdraw: () => void; back: () => void }): TemplateResult {
  const { t, view } = o;
  const receipt = view.outcome === 'sent' ? view.receipt : undefined;
  const queued = view.outcome === 'queued';
  return html`<div class="sent">
    ${heading(o.level, queued ? t('titleQueued') : view.outcome === 'withdrawn' ? t('titleWithdrawn') : t('titleSent'), { id: 'result-title', focusable: true })}
    <p>${view.message}</p>
    ${receipt ? html`<p>${t('objection', { receipt: receipt.slice(0, 8) })}</p>` : nothing}
    <div class="actions">
      ${queued ? html`<button type="button" part="button" class="primary" @click=${o.retry}>${t('retrySend')}</button>` : nothing}
      ${queued ? html`<button type="button" part="button" @click=${o.withdraw}>${t('withdraw')}</button>` : nothing}
      <button type="button" part="button" @click=${o.back}>${receipt ? t('newSheet') : t('backToSheet')}</button>
    </div>
  </div>`;
}

/** One section of the sheet: its fields, and the error summary when the person continued with errors. */
export function renderSection(o: { level: number; section: Template['sections'][number]; fields: Field[]; ctx: FieldContext; next: () => void; back: () => void }): TemplateResult {
  const { t } = o.ctx;
  const s = o.section;
  return html`<form part="section" novalidate @submit=${(e: Event) => (e.preventDefault(), o.next())}>
    ${errorSummary(o.ctx.errors.filter((e) => e.section === s.id), t, 'f-')}
    ${heading(o.level, s.title, { id: 'section-title', focusable: true })}
    ${s.description ? html`<p>${s.description}</p>` : nothing}
    ${o.fields.map((f) => renderField(f, o.ctx))}
    <div class="actions">
      <button type="submit" part="button" class="primary">${t('saveAndContinue')}</button>
      <button type="button" part="button" @click=${o.back}>${t('backToTasks')}</button>
    </div>
  </form>`;
}
