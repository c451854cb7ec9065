/**
 * The results: the aides that may apply, those to check and those that do not (each with why, how much, where to apply
 * and the texts it rests on), then the answers given, each with its « Modifier ».
 */
import { html, nothing, type TemplateResult } from 'lit';
import { formatMoney, heading, markHandoff, sanitizeUrl, termLabel } from '@relais/core';
import type { BenefitResult } from '../engine.js';
import { FACTS, type Fact } from '../facts.js';
import { readableLegal, splitLegal } from '../legal.js';
import { inLang } from '../messages.js';
import { questionText, type EligibilityView } from './view.js';

/** What the results show. */
export interface ResultsState {
  /** The results about the person (a carer's own rights left out when no carer is involved). */
  results: readonly BenefitResult[];
  /** Whether a carer's own rights were left out (a sentence then says where to find them). */
  carerLeftOut: boolean;
  /** Who the simulation is for: the wording of the groups depends on it. */
  who: 'me' | 'relative' | 'carer' | null;
  answers: Readonly<Record<string, unknown>>;
  skipped: readonly string[];
  /** The name of the commune answered (the answer itself is its INSEE code). */
  communeName: string | null;
  /** Without a provider: the directory page « où s’adresser » links to; `{kind}` is replaced by the structure kind. */
  directoryUrl: string | undefined;
}

export interface ResultsHandlers {
  /** Back to one question (`who` or a fact's id). */
  edit(id: string): void;
  /** « Modifier mes réponses »: back to the next question still open. */
  editAnswers(): void;
  restart(): void;
  /** Inside a provider: asks the directory for the structures of this kind (a hand-off); absent without one. */
  requestDirectory?: (r: BenefitResult, kind: string) => void;
}

export function renderResults(v: EligibilityView, s: ResultsState, level: number, on: ResultsHandlers): TemplateResult {
  const { t } = v;
  const yes = s.results.filter((r) => r.status === 'eligible' || r.status === 'probable');
  const check = s.results.filter((r) => r.status === 'unknown');
  const no = s.results.filter((r) => r.status === 'not_eligible');
  const benefit = (r: BenefitResult) => renderBenefit(v, s, r, level + 2, on);
  return html`<div part="results" class="results">
    ${heading(level, t('results'), { id: 'results-title', focusable: true })}
    <div class="actions no-print">
      <button type="button" part="button" @click=${on.editAnswers}>${t('edit')}</button>
      <button type="button" part="button" @click=${on.restart}>${t('restart')}</button>
      <button type="button" part="button" @click=${() => window.print()}>${t('print')}</button>
    </div>
    <section aria-labelledby="g-yes">
      ${heading(level + 1, `${t(s.who === 'me' ? 'groupYes' : 'groupYesOther')} (${yes.length})`, { id: 'g-yes' })}
      ${yes.length ? yes.map(benefit) : html`<p>${t('noneYes')}</p>`}
    </section>
    ${check.length ? html`<section aria-labelledby="g-check">${heading(level + 1, `${t('groupCheck')} (${check.length})`, { id: 'g-check' })}${check.map(benefit)}</section>` : nothing}
    ${no.length
      ? html`<section aria-labelledby="g-no">
          ${heading(level + 1, `${t('groupNo')} (${no.length})`, { id: 'g-no' })}
          <details class="why-not"><summary>${t('whyNot')}</summary>${no.map(benefit)}</details>
        </section>`
      : nothing}
    ${s.carerLeftOut ? html`<p class="carer-pointer">${t(s.who === 'me' ? 'carerPointerMe' : 'carerPointerOther')}</p>` : nothing}
    <section aria-labelledby="g-answers" class="answers">
      ${heading(level + 1, t('answers'), { id: 'g-answers' })}
      <dl>
        ${FACTS.filter((f) => f.id in s.answers || s.skipped.includes(f.id)).map(
          (f) => html`<dt>${questionText(v, f)}</dt><dd>${answerText(v, s, f)} <button type="button" part="button" class="link no-print" @click=${() => on.edit(f.id)}>${t('editOne')}<span class="visually-hidden"> : ${questionText(v, f)}</span></button></dd>`,
        )}
      </dl>
    </section>
  </div>`;
}

/** One benefit: its status, who decides, the amount, each criterion, what to check, where to apply, its sources. */
function renderBenefit(v: EligibilityView, s: ResultsState, r: BenefitResult, level: number, on: ResultsHandlers): TemplateResult {
  const { t } = v;
  const statusText = { eligible: t('statusEligible'), probable: t('statusProbable'), unknown: t('statusUnknown'), not_eligible: t('statusNot') }[r.status];
  const kind = r.nextSteps.kind;
  const kindLabel = kind ? termLabel('typologies', kind, { lang: v.lang }) : null;
  const link = !on.requestDirectory && kind && s.directoryUrl ? sanitizeUrl(new URL(s.directoryUrl.replace('{kind}', encodeURIComponent(kind)), document.baseURI).href) : null;
  const handoff = () => markHandoff({ origin: 'eligibilite', benefit: r.id });
  return html`<article part="benefit" class="benefit ${r.status}" aria-labelledby=${`b-${r.id}`}>
    ${heading(level, (v.falc && r.falc) || r.label, { id: `b-${r.id}` })}
    <p class="status"><strong>${statusText}</strong>${r.local ? html` · ${t('local')}` : nothing}</p>
    ${r.evaluation && r.status !== 'not_eligible' ? html`<p>${t('decidedBy', { by: r.evaluation.by, what: r.evaluation.what })}</p>` : nothing}
    ${renderAmount(v, r)}
    <p class="sub">${t('criteria')}</p>
    <ul class="criteria">
      ${r.criteria.map(
        (c) => html`<li class=${c.status}><span class="tag">${c.status === 'met' ? t('met') : c.status === 'not_met' ? t('notMet') : t('unknown')}</span> ${splitLegal(c.text).text}${c.values.length
            ? html` <span class=${c.stale || c.toVerify ? 'value-note warn' : 'value-note'}>(${c.values.map((u) => u.note).join(' ; ')})</span>`
            : nothing}</li>`,
      )}
    </ul>
    ${r.toCheck.length && r.status !== 'not_eligible' ? html`<p class="sub">${t('toCheck')}</p><ul>${r.toCheck.map((x) => html`<li>${splitLegal(x).text}</li>`)}</ul>` : nothing}
    ${r.exceptions.length
      ? html`<p class="sub">${t('exceptions')}</p><ul>${r.exceptions.map((x) => html`<li>${splitLegal(x).text}</li>`)}</ul>${r.status === 'not_eligible' ? html`<p>${t('askAt', { where: r.nextSteps.where })}</p>` : nothing}`
      : nothing}
    ${r.status !== 'not_eligible'
      ? html`<div class="where">
          <p class="sub">${t('where')}</p>
          <p>${r.nextSteps.where}</p>
          ${r.nextSteps.form ? html`<p>${t('form')} ${r.nextSteps.form}</p>` : nothing}
          ${r.nextSteps.documents?.length ? html`<details><summary>${t('documents')}</summary><ul>${r.nextSteps.documents.map((d) => html`<li>${d}</li>`)}</ul></details>` : nothing}
          ${kind && on.requestDirectory
            ? html`<button type="button" part="button" class="link" @click=${() => (handoff(), on.requestDirectory!(r, kind))}>${t('findWhere', { kind: kindLabel })}</button>`
            : link
              ? html`<a href=${link} @click=${handoff}>${t('findWhere', { kind: kindLabel })}</a>`
              : nothing}
        </div>`
      : nothing}
    <details class="sources"><summary>${t('sources')}</summary><ul>${legalRefs(r).map((x) => html`<li>${x}</li>`)}</ul></details>
  </article>`;
}

/** The amount: exact, estimated, « jusqu’à » or a range, per day, month or year; the values to verify; its basis. */
function renderAmount(v: EligibilityView, r: BenefitResult): TemplateResult | typeof nothing {
  const { t } = v;
  const a = r.amount;
  if (a.kind === 'none') return nothing;
  const money = (n: number) => formatMoney(n, v.lang);
  const per = a.per === 'jour' ? t('perDay') : a.per === 'an' ? t('perYear') : t('perMonth');
  const value =
    a.kind === 'exact'
      ? money(a.value!)
      : a.kind === 'estimate'
        ? t('estimate', { value: money(a.value!) })
        : a.min === 0 || a.min === undefined
          ? t('upTo', { max: money(a.max!) })
          : t('between', { min: money(a.min), max: money(a.max!) });
  return html`<p class="amount"><strong>${t('amount')} :</strong> ${value} ${per}${a.asOf ? html` (<span>${t('asOf', { date: a.asOf })}</span>${a.toVerify ? html`, ${t('toVerify')}` : nothing})` : nothing}</p>
    ${a.notes.length ? html`<ul class="value-warnings">${a.notes.map((n) => html`<li><strong>${t('valueWarning')}</strong> ${n}</li>`)}</ul>` : nothing}
    <p class="muted small">${splitLegal(a.basis).text}</p>`;
}

/**
 * The texts a result rests on, in words (« article R232-4 du code de l’action sociale et des familles »): the
 * references taken out of its sentences, then its sources.
 */
function legalRefs(r: BenefitResult): string[] {
  const texts = [...r.criteria.map((c) => c.text), r.amount.basis, ...(r.status === 'not_eligible' ? [] : r.toCheck), ...r.exceptions];
  const refs = texts.flatMap((x) => splitLegal(x).refs).map(readableLegal);
  return [...new Set([...refs, ...r.sources.map(readableLegal)])];
}

/** An answer in words: the option's label, the commune's name, the number with its unit, or « non renseigné ». */
function answerText(v: EligibilityView, s: ResultsState, f: Fact): string {
  const value = s.answers[f.id];
  if (value === undefined) return v.t('notAnswered');
  if (f.type === 'commune') return s.communeName ?? String(value);
  const o = f.options?.find((x) => x.value === value);
  if (o && f.id === 'demandeur.gir' && s.answers['demandeur.gir_estime'] === true) return v.t('girEstimated', { label: inLang(v.lang, o.label, o.labelEn) });
  if (o) return inLang(v.lang, o.label, o.labelEn);
  return `${value}${f.unit ? ` ${f.unit}` : ''}`;
}
