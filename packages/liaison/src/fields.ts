/**
 * The fields of a sheet, rendered from its template: each with its label, hint and error in the same shadow root (the
 * first control of a group carries the field's id, which the error summary links to), and shown back in the review.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { formatDate, type Lang } from '@relais/core';
import { isForPeople, isShown, type Field, type FieldError, type SheetValues, type Template } from './sheet-schema.js';
import type { MessageKey } from './messages.js';

/** What a field needs from the form. */
export interface FieldContext {
  values: SheetValues;
  errors: readonly FieldError[];
  /** The section the field belongs to (saved with the draft: « Reprendre » lands there). */
  section: string;
  t(key: MessageKey, params?: Record<string, unknown>): string;
  change(id: string, value: unknown, section: string): void;
}

const errorOf = (ctx: FieldContext, id: string): FieldError | undefined => ctx.errors.find((e) => e.field === id);

type InputType = 'text' | 'date' | 'datetime-local' | 'tel' | 'email';
const inputTypes: Partial<Record<Field['type'], InputType>> = { date: 'date', datetime: 'datetime-local', tel: 'tel', email: 'email' };
/** A sub-field of a list: a date, an e-mail, a phone number or text (no date and time). */
const subType = (type: Field['type']): InputType => (type === 'date' || type === 'email' || type === 'tel' ? type : 'text');

/** One field of a section. */
export function renderField(f: Field, ctx: FieldContext): TemplateResult {
  const { t, section } = ctx;
  const id = `f-${f.id}`;
  const err = errorOf(ctx, f.id);
  const describedBy = [f.hint ? `${id}-hint` : '', err ? `${id}-error` : ''].filter(Boolean).join(' ') || nothing;
  const v = ctx.values[f.id];
  const hint = f.hint ? html`<p class="hint" id=${`${id}-hint`}>${f.hint}</p>` : nothing;
  const error = err ? html`<p class="error-text" id=${`${id}-error`}>${err.message}</p>` : nothing;
  const req = f.required ? html` <span class="req">${t('required')}</span>` : nothing;
  if (f.type === 'choice' || f.type === 'multi' || f.type === 'boolean') {
    const opts = f.type === 'boolean' ? [{ value: 'true', label: t('yes') }, { value: 'false', label: t('no') }] : f.options!;
    const multi = f.type === 'multi';
    const selected = (x: string) => (multi ? Array.isArray(v) && v.includes(x) : f.type === 'boolean' ? String(v) === x : v === x);
    return html`<fieldset class="field" aria-describedby=${describedBy}>
      <legend>${f.label}${req}</legend>
      ${hint}${error}
      ${opts.map(
        (o, i) => html`<div class="option">
          <input id=${i === 0 ? id : `${id}-${i}`} type=${multi ? 'checkbox' : 'radio'} name=${f.id} .checked=${selected(o.value)} aria-invalid=${err ? 'true' : 'false'}
            @change=${(e: Event) => {
              const on = (e.target as HTMLInputElement).checked;
              if (multi) {
                const cur = Array.isArray(v) ? (v as string[]) : [];
                ctx.change(f.id, on ? [...cur, o.value] : cur.filter((x) => x !== o.value), section);
              } else ctx.change(f.id, f.type === 'boolean' ? o.value === 'true' : o.value, section);
            }} />
          <label for=${i === 0 ? id : `${id}-${i}`}>${o.label}</label>
        </div>`,
      )}
    </fieldset>`;
  }
  if (f.type === 'list') {
    const items = Array.isArray(v) ? (v as Array<Record<string, string>>) : [];
    const label = f.label.toLowerCase();
    return html`<fieldset class="field list" aria-describedby=${describedBy}>
      <legend>${f.label}${req}</legend>
      ${hint}${error}
      ${items.map(
        (item, i) => html`<div class="item">
          <p class="item-title">${t('itemNo', { label: f.label, n: i + 1 })}</p>
          ${f.item!.map((sub) => {
            const sid = `${id}-${i}-${sub.id}`;
            const serr = errorOf(ctx, `${f.id}.${i}.${sub.id}`);
            return html`<label for=${sid}>${sub.label}${sub.required ? html` <span class="req">${t('required')}</span>` : nothing}</label>
              ${serr ? html`<p class="error-text" id=${`${sid}-error`}>${serr.message}</p>` : nothing}
              <input id=${sid} type=${subType(sub.type)} .value=${item[sub.id] ?? ''} aria-invalid=${serr ? 'true' : 'false'} aria-describedby=${serr ? `${sid}-error` : nothing}
                @input=${(e: Event) => ctx.change(f.id, items.map((it, k) => (k === i ? { ...it, [sub.id]: (e.target as HTMLInputElement).value } : it)), section)} />`;
          })}
          <button type="button" part="button" class="link" @click=${() => ctx.change(f.id, items.filter((_, k) => k !== i), section)}>${t('removeItem', { label, n: i + 1 })}</button>
        </div>`,
      )}
      ${!f.maxItems || items.length < f.maxItems ? html`<button type="button" part="button" @click=${() => ctx.change(f.id, [...items, {}], section)}>${t('addItem', { label })}</button>` : nothing}
    </fieldset>`;
  }
  // a device-only field (the door code) never reaches paper from the section view either (Ctrl+P)
  return html`<div class=${f.deviceOnly ? 'field device-only' : 'field'}>
    <label for=${id}>${f.label}${req}</label>
    ${hint}${error}
    ${f.type === 'textarea'
      ? html`<textarea id=${id} rows="4" .value=${(v as string) ?? ''} aria-describedby=${describedBy} aria-invalid=${err ? 'true' : 'false'} @input=${(e: Event) => ctx.change(f.id, (e.target as HTMLTextAreaElement).value, section)}></textarea>`
      : html`<input id=${id} type=${inputTypes[f.type] ?? 'text'} inputmode=${f.type === 'number' ? 'decimal' : nothing} autocomplete="off" .value=${v === undefined || v === null ? '' : String(v)} aria-describedby=${describedBy} aria-invalid=${err ? 'true' : 'false'}
          @input=${(e: Event) => {
            const raw = (e.target as HTMLInputElement).value;
            ctx.change(f.id, f.type === 'number' && raw.trim() !== '' && Number.isFinite(Number(raw.replace(',', '.'))) ? Number(raw.replace(',', '.')) : raw, section);
          }} />`}
  </div>`;
}

/** A field's value as the review shows it. */
export function displayValue(f: Field, values: SheetValues, lang: Lang, t: FieldContext['t']): string {
  const v = values[f.id];
  if (v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)) return t('notGiven');
  if (f.type === 'boolean') return v ? t('yes') : t('no');
  if (f.type === 'choice') return f.options!.find((o) => o.value === v)?.label ?? String(v);
  if (f.type === 'multi') return (v as string[]).map((x) => f.options!.find((o) => o.value === x)?.label ?? x).join(', ');
  if (f.type === 'list') return (v as Array<Record<string, string>>).map((it) => Object.values(it).filter(Boolean).join(', ')).join(' ; ');
  if (f.type === 'date' && typeof v === 'string') return formatDate(v, lang);
  return String(v);
}

/** Focuses an element of the shadow root the event came from (the error summary's links). */
function focusIn(ev: Event, id: string): void {
  ev.preventDefault();
  ((ev.currentTarget as Element).getRootNode() as ShadowRoot | Document).querySelector<HTMLElement>(`#${id}`)?.focus();
}

/** The error summary at the top of a form: each message links to its control (`prefix` + the field id). */
export function errorSummary(errs: ReadonlyArray<{ field: string; message: string }>, t: FieldContext['t'], prefix: string): TemplateResult | typeof nothing {
  if (!errs.length) return nothing;
  const target = (field: string) => `${prefix}${field.replace(/\./g, '-')}`;
  return html`<div part="error-summary" class="error-summary" id="error-summary" tabindex="-1" role="alert" aria-labelledby="error-summary-title">
    <p id="error-summary-title"><strong>${t('problems', { n: errs.length })}</strong></p>
    <ul>${errs.map((e) => html`<li><a href=${`#${target(e.field)}`} @click=${(ev: Event) => focusIn(ev, target(e.field))}>${e.message}</a></li>`)}</ul>
  </div>`;
}

/**
 * Whether a field is asked: shown to people, its showIf met, and never the door code on a shared device (a
 * professional filling a sheet for someone else writes it by hand on the paper kept at home).
 */
export const isAsked = (f: Field, values: SheetValues, device: 'personal' | 'shared'): boolean => isForPeople(f) && isShown(f, values) && !(f.deviceOnly && device === 'shared');

/** The section of a field (`list.0.sub` is in the section of `list`), else the first one. */
export function sectionOf(sheet: Template, field: string): string {
  const base = field.split('.')[0];
  return sheet.sections.find((s) => s.fields.some((f) => f.id === base))?.id ?? sheet.sections[0]!.id;
}

/** The date printed as « Dernière mise à jour »: the sheet's own field when it has one, else the last change. */
export function lastUpdate(values: SheetValues, sectionUpdatedAt: Record<string, string>): string | undefined {
  const declared = values['date_mise_a_jour'];
  if (typeof declared === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(declared)) return declared;
  return Object.values(sectionUpdatedAt).sort().at(-1);
}
