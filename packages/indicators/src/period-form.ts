/** The period form of the dashboard: two dates (« Du », « Au »), each with its error, and « Afficher ». */
import { html, nothing, type TemplateResult } from 'lit';
import type { MessageKey, T } from './messages.js';

/** What the form shows: the dates in its fields, what is wrong with them, and what « Afficher » does. */
export interface PeriodView {
  t: T;
  du: string;
  au: string;
  errors: { du?: MessageKey; au?: MessageKey };
  submit: (e: Event) => void;
}

export function renderPeriod({ t, du, au, errors: e, submit }: PeriodView): TemplateResult {
  const described = (id: 'du' | 'au') => (e[id] ? `period-hint period-${id}-error` : 'period-hint');
  return html`<form part="period" class="period" novalidate @submit=${submit}>
    <fieldset>
      <legend>${t('periodLegend')}</legend>
      <p class="hint" id="period-hint">${t('periodHint')}</p>
      <div class="dates">
        <div class="field">
          <label for="period-du">${t('du')}</label>
          ${e.du ? html`<p class="error-text" id="period-du-error">${t(e.du)}</p>` : nothing}
          <input id="period-du" name="du" type="date" .value=${du} aria-describedby=${described('du')} aria-invalid=${e.du ? 'true' : 'false'} />
        </div>
        <div class="field">
          <label for="period-au">${t('au')}</label>
          ${e.au ? html`<p class="error-text" id="period-au-error">${t(e.au)}</p>` : nothing}
          <input id="period-au" name="au" type="date" .value=${au} aria-describedby=${described('au')} aria-invalid=${e.au ? 'true' : 'false'} />
        </div>
        <button type="submit" part="button" class="primary">${t('show')}</button>
      </div>
    </fieldset>
  </form>`;
}
