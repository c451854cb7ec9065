/**
 * One step of the questionnaire: « pour qui ? », a fact's question (a number, a commune, a choice) or the GIR triage,
 * with its hint, its error and the ways on (continue, skip, back, see the results now).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { heading } from '@relais/core';
import type { Fact } from '../facts.js';
import { inLang, TRIAGE } from '../messages.js';
import { questionText, type EligibilityView } from './view.js';

/** The step on screen. */
export interface QuestionState {
  /** The fact asked (null for « pour qui ? »). */
  fact: Fact | null;
  /** The GIR triage: situations to choose from instead of the GIR levels. */
  triage: boolean;
  /** The answer already given to this question (shown again), if any; for « pour qui ? », who was chosen. */
  answer: unknown;
  /** The name of the commune answered (the answer itself is its INSEE code). */
  communeName: string | null;
  /** Why the answer was refused ('' when it was not). */
  error: string;
  /** The step's number, from 1; past the first, the person can go back or see the results. */
  step: number;
  /** How many benefits are still undecided. */
  undecided: number;
}

export interface QuestionHandlers {
  submit(e: Event): void;
  skip(): void;
  back(): void;
  seeResults(): void;
}

export function renderQuestion(v: EligibilityView, q: QuestionState, level: number, on: QuestionHandlers): TemplateResult {
  const { t, lang } = v;
  const { fact, answer, error } = q;
  const describedBy = [fact?.hint ? 'answer-hint' : '', error ? 'answer-error' : ''].filter(Boolean).join(' ') || undefined;
  let control: TemplateResult;
  if (!fact) {
    control = radios([['me', t('whoMe')], ['relative', t('whoRelative')], ['carer', t('whoCarer')]], (answer as string | null) ?? null, describedBy);
  } else if (fact.type === 'number' || fact.type === 'commune') {
    const shown = answer === undefined ? '' : fact.type === 'commune' ? (q.communeName ?? String(answer)) : String(answer);
    control = html`<input id="answer" name="answer" part="input" type="text" inputmode=${fact.type === 'number' ? 'decimal' : 'text'} autocomplete="off" .value=${shown} aria-describedby=${describedBy ?? nothing} aria-invalid=${error ? 'true' : 'false'} />${fact.unit ? html` <span aria-hidden="true">${fact.unit}</span>` : nothing}`;
  } else if (q.triage) {
    control = radios(TRIAGE.map((o) => [String(o.value), inLang(lang, o.label, o.labelEn)]), null, describedBy);
  } else {
    const opts: Array<[string, string]> = fact.options!.map((o) => [String(o.value), inLang(lang, (v.falc && o.falc) || o.label, o.labelEn)]);
    if (fact.id === 'demandeur.gir') opts.push(['__triage', t('girUnknown')]);
    control = radios(opts, answer !== undefined ? String(answer) : null, describedBy);
  }
  const isGroup = !fact || (fact.type !== 'number' && fact.type !== 'commune');
  const title = q.triage ? t('girTriage') : fact ? questionText(v, fact) : t('who');
  const hint = fact?.hint ? html`<p class="hint" id="answer-hint">${inLang(lang, fact.hint, fact.hintEn)}</p>` : nothing;
  const errorText = error ? html`<p class="error-text" id="answer-error">${error}</p>` : nothing;
  return html`<form part="question" class="question" novalidate @submit=${on.submit}>
    <p class="progress">${t('progress', { n: q.step })} · ${t('remaining', { n: q.undecided })}</p>
    ${q.step === 1 && !fact ? html`<p>${t('intro')}</p>` : nothing}
    ${isGroup
      ? html`<fieldset aria-describedby=${describedBy ?? nothing}>
          <legend>${heading(level, title, { id: 'question-title', focusable: true })}</legend>
          ${hint}
          ${errorText}
          ${control}
        </fieldset>`
      : html`${heading(level, html`<label for="answer">${title}</label>`, { id: 'question-title', focusable: true })}
          ${hint}
          ${errorText}
          <div class="field">${keyed(fact!.id, control)}</div>`}
    <div class="actions">
      <button type="submit" part="button" class="primary">${t('next')}</button>
      ${fact ? html`<button type="button" part="button" @click=${on.skip}>${t('skip')}</button>` : nothing}
      ${q.step > 1 ? html`<button type="button" part="button" @click=${on.back}>${t('back')}</button>` : nothing}
      ${q.step > 1 ? html`<button type="button" part="button" class="link" @click=${on.seeResults}>${t('seeResults')}</button>` : nothing}
    </div>
  </form>`;
}

/** A choice as radio buttons (`answer-0`, `answer-1`… : the focus goes to the first when the answer is refused). */
function radios(opts: Array<[string, string]>, selected: string | null, describedBy?: string): TemplateResult {
  return html`<div class="radios">
    ${opts.map(
      ([value, label], i) => html`<div class="radio">
        <input type="radio" name="answer" id=${`answer-${i}`} value=${value} ?checked=${selected === value} aria-describedby=${describedBy ?? nothing} />
        <label for=${`answer-${i}`}>${label}</label>
      </div>`,
    )}
  </div>`;
}
