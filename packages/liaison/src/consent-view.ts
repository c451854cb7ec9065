/**
 * The consent step of the liaison form: the framework of the sharing, the recipient, what is sent and never sent, the
 * information given to the person (printable on its own), and the answer recorded with who gave it and how. Every
 * control has its label, hint and error in the same shadow root; the rules and legal texts come from ./consent.js.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { heading } from '@relais/core';
import type * as ConsentRules from './consent.js';
import type { ConsentError, ConsentInput } from './consent.js';
import { allowedFields, recipientsOf, withheldFields, type SheetValues, type Template } from './sheet-schema.js';
import { errorSummary } from './fields.js';
import type { MessageKey } from './messages.js';

/** What the consent step needs from the form. */
export interface ConsentContext {
  rules: typeof ConsentRules;
  sheet: Template;
  values: SheetValues;
  input: ConsentInput;
  errors: readonly ConsentError[];
  /** The information shown for the current answers (also what is hashed into the record). */
  info: ReturnType<typeof ConsentRules.informationText> | undefined;
  /** Why nothing can be sent (the site's notice is missing), said to the webmaster. */
  noticeMissing: string | undefined;
  sendError: string;
  sending: boolean;
  level: number;
  t(key: MessageKey, params?: Record<string, unknown>): string;
  set(patch: Partial<ConsentInput>): void;
  submit(e: Event): void;
  back(): void;
  printInformation(): void;
}

type Controls = ReturnType<typeof controls>;

/** The controls of the step, bound to its errors. */
function controls(ctx: ConsentContext) {
  const errorOf = (field: ConsentError['field']): string | undefined => ctx.errors.find((e) => e.field === field)?.message;
  /** A group of radios with its legend, hint and error; the first radio has the group's id. */
  const radios = <T extends string>(field: ConsentError['field'], legend: string, options: Array<{ value: T; label: string; hint?: string }>, current: string | undefined, onPick: (v: T) => void, hint?: string): TemplateResult => {
    const id = `c-${field}`;
    const err = errorOf(field);
    const describedBy = [hint ? `${id}-hint` : '', err ? `${id}-error` : ''].filter(Boolean).join(' ') || nothing;
    return html`<fieldset class="field" aria-describedby=${describedBy}>
      <legend>${legend}</legend>
      ${hint ? html`<p class="hint" id=${`${id}-hint`}>${hint}</p>` : nothing}
      ${err ? html`<p class="error-text" id=${`${id}-error`}>${err}</p>` : nothing}
      ${options.map((o, i) => {
        const oid = i === 0 ? id : `${id}-${i}`;
        return html`<div class="option">
          <input id=${oid} type="radio" name=${id} .checked=${current === o.value} aria-invalid=${err ? 'true' : 'false'} aria-describedby=${o.hint ? `${oid}-hint` : nothing} @change=${() => onPick(o.value)} />
          <label for=${oid}>${o.label}</label>
          ${o.hint ? html`<p class="hint option-hint" id=${`${oid}-hint`}>${o.hint}</p>` : nothing}
        </div>`;
      })}
    </fieldset>`;
  };
  /** A checkbox with its error. */
  const checkbox = (field: 'representativeConfirmed' | 'protectedPersonInformed' | 'childInformed' | 'copyGiven', label: string, checked: boolean, onChange: (on: boolean) => void): TemplateResult => {
    const id = `c-${field}`;
    const err = field === 'childInformed' || field === 'copyGiven' ? undefined : errorOf(field);
    return html`<div class="field">
      ${err ? html`<p class="error-text" id=${`${id}-error`}>${err}</p>` : nothing}
      <div class="option">
        <input id=${id} type="checkbox" .checked=${checked} aria-invalid=${err ? 'true' : 'false'} aria-describedby=${err ? `${id}-error` : nothing} @change=${(e: Event) => onChange((e.target as HTMLInputElement).checked)} />
        <label for=${id}>${label}</label>
      </div>
    </div>`;
  };
  /** A text control (input or textarea) with its label, hint and error. */
  const textControl = (field: 'representativeName' | 'childInterestReason' | 'impossibleReason' | 'followUp' | 'collectedBy', label: string, value: string | undefined, onInput: (v: string) => void, opts: { multiline?: boolean; hint?: string } = {}): TemplateResult => {
    const id = `c-${field}`;
    const err = errorOf(field);
    const describedBy = [opts.hint ? `${id}-hint` : '', err ? `${id}-error` : ''].filter(Boolean).join(' ') || nothing;
    return html`<div class="field">
      <label for=${id}>${label}</label>
      ${opts.hint ? html`<p class="hint" id=${`${id}-hint`}>${opts.hint}</p>` : nothing}
      ${err ? html`<p class="error-text" id=${`${id}-error`}>${err}</p>` : nothing}
      ${opts.multiline
        ? html`<textarea id=${id} rows="3" .value=${value ?? ''} aria-invalid=${err ? 'true' : 'false'} aria-describedby=${describedBy} @input=${(e: Event) => onInput((e.target as HTMLTextAreaElement).value)}></textarea>`
        : html`<input id=${id} type="text" autocomplete="off" .value=${value ?? ''} aria-invalid=${err ? 'true' : 'false'} aria-describedby=${describedBy} @input=${(e: Event) => onInput((e.target as HTMLInputElement).value)} />`}
    </div>`;
  };
  return { radios, checkbox, textControl };
}

/** What is sent to the chosen recipient, and what never is. */
function parts(ctx: ConsentContext, recipient: ReturnType<typeof recipientsOf>[number]): TemplateResult {
  const { sheet: t, t: m } = ctx;
  const local = t.sections.flatMap((s) => s.fields.filter((f) => f.deviceOnly).map((f) => f.label));
  const out = [...t.sections.filter((s) => !recipient.sections.includes(s.id)).map((s) => s.title), ...withheldFields(t, recipient.sections, recipient.audience).map((f) => f.label), ...local];
  return html`<section class="parts" aria-labelledby="parts-title">
    ${heading(ctx.level + 1, m('partsTitle'), { id: 'parts-title' })}
    <ul>${t.sections.filter((s) => recipient.sections.includes(s.id) && s.fields.some((f) => allowedFields(t, [s.id], recipient.audience).has(f.id))).map((s) => html`<li>${s.title}</li>`)}</ul>
    ${out.length ? html`<p>${m('neverSent', { list: out.join(' ; ') })}</p>` : nothing}
  </section>`;
}

/** Who answered, their representative, and who else was informed. */
function respondent(ctx: ConsentContext, c: Controls): TemplateResult {
  const { rules, input, set, t: m } = ctx;
  const rep = rules.representation(ctx.values['mesure_protection'], rules.personContext(ctx.values));
  const byOptions =
    rep.rule === 'parents'
      ? [{ value: 'representant' as const, label: m('parents') }]
      : [{ value: 'personne' as const, label: m('person') }, ...(rep.rule === 'if-provided' ? [{ value: 'representant' as const, label: m('representative', { role: rep.role }) }] : [])];
  return html`${c.radios('by', m('whoAnswered'), byOptions, input.by, (v) => set({ by: v }), rep.explanation)}
    ${input.by === 'representant' && rep.rule !== 'never'
      ? html`${c.textControl('representativeName', rep.rule === 'parents' ? m('parentsName') : m('representativeName'), input.representativeName, (v) => set({ representativeName: v }))}
        ${rep.rule === 'if-provided'
          ? html`${c.checkbox('representativeConfirmed', rep.condition!, Boolean(input.representativeConfirmed), (on) => set({ representativeConfirmed: on }))}
            ${c.checkbox('protectedPersonInformed', m('protectedInformed'), Boolean(input.protectedPersonInformed), (on) => set({ protectedPersonInformed: on }))}`
          : nothing}`
      : nothing}
    ${rep.rule === 'parents' ? c.checkbox('childInformed', m('minorInformed'), Boolean(input.childInformed), (on) => set({ childInformed: on })) : nothing}`;
}

/** The consent step. */
export function renderConsent(ctx: ConsentContext): TemplateResult {
  const { rules, sheet: t, input, set, t: m, level, info } = ctx;
  const { REGIMES, COVERED_QUESTION, regimesFor, personContext } = rules;
  const c = controls(ctx);
  const offers = regimesFor(t, input.covered, personContext(ctx.values));
  const regime = input.regime && offers.some((o) => o.id === input.regime) ? REGIMES[input.regime] : undefined;
  const recipients = recipientsOf(t);
  const recipient = recipients.find((r) => r.id === input.recipient);
  const child = regime?.id === 'protection-enfance';
  const impossible = input.decision === 'information-impossible';
  return html`<form class="consent" novalidate @submit=${ctx.submit}>
    ${errorSummary(ctx.errors.map((e) => ({ field: e.field, message: e.message })), m, 'c-')}
    ${ctx.sendError ? html`<p class="error-text" id="send-error" role="alert" tabindex="-1">${ctx.sendError}</p>` : nothing}
    ${heading(level, m('consentTitle'), { id: 'consent-title', focusable: true })}
    ${ctx.noticeMissing ? html`<div part="notice-missing" class="warning" id="notice-missing"><p>${ctx.noticeMissing}</p></div>` : nothing}
    <p>${m('consentIntro')}</p>
    ${c.radios(
      'covered',
      COVERED_QUESTION.legend,
      [
        { value: 'oui' as const, label: COVERED_QUESTION.yes },
        { value: 'non' as const, label: COVERED_QUESTION.no },
      ],
      input.covered,
      (v) => set({ covered: v, regime: '', decision: '' }),
      COVERED_QUESTION.hint,
    )}
    ${offers.length
      ? c.radios(
          'regime',
          m('regimeLegend'),
          offers.map((o) => ({ value: o.id, label: o.recommended ? m('recommended', { label: REGIMES[o.id].label }) : REGIMES[o.id].label, hint: `${REGIMES[o.id].when} (${REGIMES[o.id].legalBasis})` })),
          input.regime,
          (v) => set({ regime: v, decision: '' }),
          input.covered === 'non' ? m('notCsp') : m('inDoubt'),
        )
      : nothing}
    ${recipients.length > 1 ? c.radios('recipient', m('toWhom'), recipients.map((r) => ({ value: r.id, label: r.label })), input.recipient, (v) => set({ recipient: v })) : nothing}
    ${recipient ? parts(ctx, recipient) : nothing}
    ${info
      ? html`<section part="information" class="information" id="information" aria-labelledby="information-title">
          ${heading(level + 1, info.title, { id: 'information-title' })}
          ${info.parts.map((p) => html`<p><strong>${p.heading} :</strong> ${p.text}</p>`)}
          <p class="hint">${m('infoVersion', { version: info.version })}</p>
          <button type="button" part="button" class="no-print" @click=${ctx.printInformation}>${m('printInfo')}</button>
        </section>`
      : nothing}
    ${regime && !child && !impossible ? respondent(ctx, c) : nothing}
    ${regime ? c.radios('decision', regime.asks === 'information' ? m('parentsInformation') : m('personAnswer'), regime.decisions.map((d) => ({ value: d.value, label: d.label })), input.decision, (v) => set({ decision: v })) : nothing}
    ${impossible
      ? html`${c.textControl('impossibleReason', m('impossibleReason'), input.impossibleReason, (v) => set({ impossibleReason: v }), { multiline: true, hint: m('impossibleHint') })}
        ${c.textControl('followUp', m('followUp'), input.followUp, (v) => set({ followUp: v }), { hint: m('followUpHint') })}`
      : nothing}
    ${child && input.decision === 'information-contraire-interet' ? c.textControl('childInterestReason', m('childInterest'), input.childInterestReason, (v) => set({ childInterestReason: v }), { multiline: true }) : nothing}
    ${child ? c.checkbox('childInformed', m('childInformed'), Boolean(input.childInformed), (on) => set({ childInformed: on })) : nothing}
    ${c.radios(
      'method',
      child || impossible ? m('howInformed') : m('howCollected'),
      [
        { value: 'oral' as const, label: m('oral') },
        { value: 'ecrit' as const, label: m('written') },
      ],
      input.method,
      (v) => set({ method: v }),
    )}
    ${info && !impossible ? c.checkbox('copyGiven', m('copyGiven'), Boolean(input.copyGiven), (on) => set({ copyGiven: on })) : nothing}
    ${c.textControl('collectedBy', m('collectedBy'), input.collectedBy, (v) => set({ collectedBy: v }))}
    <div class="actions">
      <button type="submit" part="button" class="primary" ?disabled=${ctx.sending}>${ctx.sending ? m('sending') : m('saveAnswer')}</button>
      <button type="button" part="button" @click=${ctx.back}>${m('backToReview')}</button>
    </div>
  </form>`;
}

/** Prints only the information text of `form`, for the person to keep (CSP R1110-3, D1110-3-1). */
export function printInformation(form: HTMLElement): void {
  form.setAttribute('data-print', 'information');
  try {
    window.print();
  } finally {
    form.removeAttribute('data-print');
  }
}
