/**
 * « Signaler une erreur ou proposer une mise à jour »: the short form of a service's detail, loaded when a person
 * first opens it (suggest-hook.ts renders the button until then), in the directory's own
 * shadow root (label, control, hint and error together), sent to the contributions API
 * (`POST {contributions-url}/services/{id}/suggestions`, packages/core/contributions-openapi.json). Nothing about the
 * person's situation is asked; a hidden honeypot (`site_web`) catches robots; the server's 422 `errors` are shown in
 * a GOV.UK-style summary (focused) and next to each field; a live region says the thanks, the errors and the 429 wait.
 * When the record names its producer's page (`lien_source`, data·inclusion), that page is offered too.
 */
import { css, html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { heading, sanitizeUrl, translate, type Lang, type SearchItem } from '@relais/core';
import { suggestMessages, type SuggestMessageKey } from './suggest-messages.js';
import { messages, type MessageKey } from './messages.js';

/** What the form needs from its element. */
export interface SuggestHost extends ReactiveControllerHost {
  readonly renderRoot: HTMLElement | DocumentFragment;
}

/** The fields a suggestion can change (the contract's `Champ`). */
export const CHAMPS = ['telephone', 'courriel', 'adresse', 'horaires_accueil', 'description', 'ferme', 'demenage'] as const;
export type Champ = (typeof CHAMPS)[number];
/** Who writes (the contract's `Auteur`). */
export const AUTEURS = ['usager', 'professionnel', 'structure'] as const;
export type Auteur = (typeof AUTEURS)[number];

type Status = 'idle' | 'sending' | 'sent';
/** An error shown in the summary and next to its control (`target`: the control's id, or null). */
export interface SuggestError {
  champ: string;
  message: string;
  target: string | null;
}

const MAX = { valeur: 2000, contact: 200, commentaire: 2000 } as const;
const LONG: ReadonlySet<Champ> = new Set(['description', 'horaires_accueil']);

/** The value shown as « Valeur actuelle » for a field of a record (the structure's when the service has none). */
export function currentValue(item: SearchItem, champ: Champ): string | null {
  const { service: s, structure: st } = item;
  const address = () => [s.adresse ?? st?.adresse, [s.code_postal ?? st?.code_postal, s.commune ?? st?.commune].filter(Boolean).join(' ')].filter(Boolean).join(', ') || null;
  switch (champ) {
    case 'telephone':
      return s.telephone ?? st?.telephone ?? null;
    case 'courriel':
      return s.courriel ?? st?.courriel ?? null;
    case 'adresse':
    case 'demenage':
      return address();
    case 'horaires_accueil':
      return s.horaires_accueil ?? st?.horaires_accueil ?? null;
    case 'description':
      return s.description ?? null;
    default:
      return null;
  }
}

/** The form's state and behaviour; the directory renders it inside a service's detail (`render`). */
export class SuggestController implements ReactiveController {
  open = false;
  private serviceId: string | null = null;
  private chosen = new Set<Champ>();
  private values: Partial<Record<Champ, string>> = {};
  private auteur: Auteur | null = null;
  private contact = '';
  private commentaire = '';
  private honeypot = '';
  private status: Status = 'idle';
  private errors: SuggestError[] = [];
  /** What the live region says (thanks, errors, the wait). */
  private said = '';
  /** A failure not tied to a field (429, 5xx, network), shown above the button. */
  private failure = '';
  private aborter: AbortController | null = null;

  constructor(
    private readonly host: SuggestHost,
    /** The contributions API's base URL (the element's `contributions-url`, or its REST `base-url`). */
    private readonly endpoint: () => string | null,
    private readonly lang: () => Lang,
  ) {
    host.addController(this);
    // the form's styles join the element's (a constructable stylesheet: no inline style, strict CSP)
    const root = host.renderRoot;
    const sheet = formStyles.styleSheet;
    if (root instanceof ShadowRoot && sheet && !root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  }

  /** The English of the form and the badge, loaded beside the element's own (French until it has arrived). */
  hostUpdate(): void {
    if (this.lang() === 'en' && !suggestMessages.enLoaded) void suggestMessages.loadEn().then(() => this.host.requestUpdate(), () => undefined);
  }

  hostDisconnected(): void {
    this.aborter?.abort();
  }

  private t(key: SuggestMessageKey, p: Record<string, unknown> = {}): string {
    return translate(suggestMessages, this.lang(), key, p);
  }

  /** The words the form shares with the directory (its button, the producer's page). */
  private dt(key: MessageKey, p: Record<string, unknown> = {}): string {
    return translate(messages, this.lang(), key, p);
  }

  private $<T extends HTMLElement>(sel: string): T | null {
    return this.host.renderRoot.querySelector<T>(sel);
  }

  private reset(id: string | null): void {
    this.aborter?.abort();
    this.serviceId = id;
    this.open = false;
    this.chosen = new Set();
    this.values = {};
    this.auteur = null;
    this.contact = this.commentaire = this.honeypot = '';
    this.status = 'idle';
    this.errors = [];
    this.said = this.failure = '';
  }

  /** Opens the form for a service (the first time, right after this module has loaded). */
  openFor(id: string): void {
    this.reset(id);
    this.open = true;
    this.host.requestUpdate();
  }

  private toggleOpen(): void {
    this.open = !this.open;
    this.host.requestUpdate();
  }

  private toggleChamp(c: Champ): void {
    if (this.chosen.has(c)) this.chosen.delete(c);
    else this.chosen.add(c);
    this.chosen = new Set(CHAMPS.filter((x) => this.chosen.has(x)));
    this.host.requestUpdate();
  }

  /** The errors the browser can tell before sending (the server tells the rest, in its 422). */
  private localErrors(): SuggestError[] {
    const out: SuggestError[] = [];
    if (!this.chosen.size) out.push({ champ: 'changements', message: this.t('needField'), target: 'suggest-champ-telephone' });
    for (const c of this.chosen) {
      if (c !== 'ferme' && !(this.values[c] ?? '').trim()) out.push({ champ: c, message: this.t('needValue', { field: this.t(`champ-${c}`).toLowerCase() }), target: `suggest-value-${c}` });
    }
    if (!this.auteur) out.push({ champ: 'auteur', message: this.t('needWho'), target: 'suggest-auteur-usager' });
    return out;
  }

  /** The control a server error names (`telephone`, `auteur`, `changements[0].valeur`…), or null. */
  private targetOf(champ: string, sent: Champ[]): string | null {
    const idx = /^changements\D*(\d+)/.exec(champ);
    const c = idx ? sent[Number(idx[1])] : (CHAMPS as readonly string[]).includes(champ) ? (champ as Champ) : null;
    if (c) return c === 'ferme' ? 'suggest-champ-ferme' : `suggest-value-${c}`;
    if (champ === 'auteur') return 'suggest-auteur-usager';
    if (champ === 'contact') return 'suggest-contact';
    if (champ === 'commentaire') return 'suggest-comment';
    if (champ === 'changements') return 'suggest-champ-telephone';
    return null;
  }

  private async showErrors(errors: SuggestError[]): Promise<void> {
    this.errors = errors;
    this.said = this.t('errorsCount', { n: errors.length });
    this.host.requestUpdate();
    await this.host.updateComplete;
    this.$<HTMLElement>('#suggest-errors')?.focus();
  }

  private async submit(e: Event, item: SearchItem): Promise<void> {
    e.preventDefault();
    if (this.status === 'sending') return;
    this.failure = '';
    const local = this.localErrors();
    if (local.length) return this.showErrors(local);
    const base = this.endpoint();
    if (!base) return;
    const sent = [...this.chosen];
    const body: Record<string, unknown> = {
      auteur: this.auteur,
      changements: sent.map((champ) => ({ champ, valeur: champ === 'ferme' ? '' : (this.values[champ] ?? '').trim() })),
    };
    if (this.commentaire.trim()) body.commentaire = this.commentaire.trim();
    if (this.contact.trim()) body.contact = this.contact.trim();
    if (this.honeypot) body.site_web = this.honeypot.slice(0, 200);
    this.status = 'sending';
    this.errors = [];
    this.said = this.t('sending');
    this.host.requestUpdate();
    this.aborter = new AbortController();
    let res: Response;
    try {
      res = await fetch(`${base}/services/${encodeURIComponent(item.service.id)}/suggestions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json, application/problem+json' },
        body: JSON.stringify(body),
        signal: this.aborter.signal,
      });
    } catch (err) {
      if ((err as Error).name === 'AbortError') return;
      return this.fail(this.t('failed'));
    }
    this.status = 'idle';
    if (res.status === 202) {
      this.status = 'sent';
      this.said = this.t('thanks');
      this.host.requestUpdate();
      await this.host.updateComplete;
      this.$<HTMLElement>('#suggest-thanks')?.focus();
      return;
    }
    if (res.status === 422) {
      const p = (await res.json().catch(() => null)) as { errors?: Array<{ champ?: unknown; message?: unknown }> } | null;
      const list = (p?.errors ?? [])
        .filter((x) => typeof x?.champ === 'string' && typeof x.message === 'string')
        .map((x) => ({ champ: x.champ as string, message: x.message as string, target: this.targetOf(x.champ as string, sent) }));
      if (list.length) return this.showErrors(list);
      return this.fail(this.t('failed'));
    }
    if (res.status === 429) {
      const after = Number(res.headers.get('retry-after'));
      return this.fail(this.t('tooMany', { n: Math.max(1, Math.ceil((Number.isFinite(after) && after > 0 ? after : 60) / 60)) }));
    }
    if (res.status === 413) return this.fail(this.t('tooLarge'));
    if (res.status === 404) return this.fail(this.t('unknown'));
    return this.fail(this.t('failed'));
  }

  private fail(message: string): void {
    this.status = 'idle';
    this.failure = message;
    this.said = message;
    this.host.requestUpdate();
  }

  private errorOf(target: string): SuggestError | undefined {
    return this.errors.find((e) => e.target === target);
  }

  private goTo(e: Event, target: string | null): void {
    e.preventDefault();
    if (target) this.$<HTMLElement>(`#${target}`)?.focus();
  }

  /**
   * The disclosure button, the producer's page (`lien_source`) and, once opened, the form; `level`: the level of
   * the detail's sections (the error summary's heading is one below).
   */
  render(item: SearchItem, level: number): TemplateResult {
    if (item.service.id !== this.serviceId) this.reset(item.service.id);
    const base = this.endpoint();
    const producer = sanitizeUrl(item.service.lien_source);
    const producerHost = producer && /^https?:/.test(producer) ? new URL(producer).hostname : null;
    if (!base && !producerHost) return html``;
    return html`<section class="suggest no-print" aria-label=${this.dt('suggestOpen')}>
      ${base
        ? html`<button type="button" part="button" class="secondary" id="suggest-toggle" aria-expanded=${this.open ? 'true' : 'false'} aria-controls="suggest-panel" @click=${() => this.toggleOpen()}>
            ${this.dt('suggestOpen')}
          </button>`
        : nothing}
      ${producerHost
        ? html`<p class="producer"><a href=${producer!} target="_blank" rel="noopener noreferrer">${this.dt('suggestProducer', { host: producerHost })}<span class="visually-hidden"> (${this.dt('newWindow')})</span></a></p>`
        : nothing}
      ${base ? html`<div id="suggest-panel" class="suggest-panel" ?hidden=${!this.open}>${this.open ? this.renderPanel(item, level) : nothing}</div>` : nothing}
      <p class="visually-hidden" role="status" aria-live="polite" aria-atomic="true" id="suggest-live">${this.said}</p>
    </section>`;
  }

  private renderPanel(item: SearchItem, level: number): TemplateResult {
    if (this.status === 'sent') {
      return html`<div class="suggest-done">
        <p id="suggest-thanks" class="success" tabindex="-1">${this.t('thanks')}</p>
        <button type="button" part="button" class="link" @click=${() => (this.reset(item.service.id), (this.open = true), this.host.requestUpdate())}>${this.t('another')}</button>
      </div>`;
    }
    const err = (id: string) => this.errorOf(id);
    const errText = (id: string) => (err(id) ? html`<p class="error-text" id="${id}-error">${err(id)!.message}</p>` : nothing);
    const described = (...ids: Array<string | false>) => ids.filter(Boolean).join(' ') || nothing;
    const auteurError = err('suggest-auteur-usager');
    const champsError = err('suggest-champ-telephone');
    return html`<form class="suggest-form" novalidate @submit=${(e: Event) => void this.submit(e, item)}>
      ${this.errors.length
        ? html`<div class="error-summary" id="suggest-errors" tabindex="-1" aria-labelledby="suggest-errors-title">
            ${heading(Math.min(6, level + 1), this.t('summaryTitle'), { id: 'suggest-errors-title' })}
            <ul>
              ${this.errors.map((e) => (e.target ? html`<li><a href="#${e.target}" @click=${(ev: Event) => this.goTo(ev, e.target)}>${e.message}</a></li>` : html`<li>${e.message}</li>`))}
            </ul>
          </div>`
        : nothing}
      <p class="hint">${this.t('intro')} ${this.t('privacy')}</p>
      <fieldset aria-describedby=${champsError ? 'suggest-champ-telephone-error' : nothing}>
        <legend>${this.t('which')}</legend>
        ${champsError ? html`<p class="error-text" id="suggest-champ-telephone-error">${champsError.message}</p>` : nothing}
        ${CHAMPS.map((c) => {
          const on = this.chosen.has(c);
          const current = currentValue(item, c);
          const vid = `suggest-value-${c}`;
          const invalid = !!err(vid);
          return html`<div class="choice">
            <div class="check">
              <input type="checkbox" id="suggest-champ-${c}" .checked=${on} @change=${() => this.toggleChamp(c)} />
              <label for="suggest-champ-${c}">${this.t(`champ-${c}`)}</label>
            </div>
            ${c === 'ferme'
              ? on
                ? html`<p class="hint nested">${this.t('closedHint')}</p>`
                : nothing
              : html`<div class="field nested" id="suggest-field-${c}" ?hidden=${!on}>
                  ${on
                    ? html`<p class="hint" id="${vid}-current">${current ? this.t('current', { value: current }) : this.t('noCurrent')}</p>
                        <label for=${vid}>${this.t('newValue', { field: this.t(`champ-${c}`).toLowerCase() })}</label>
                        ${errText(vid)}
                        ${LONG.has(c)
                          ? html`<textarea id=${vid} part="input" rows="3" maxlength=${MAX.valeur} aria-invalid=${invalid ? 'true' : 'false'} aria-describedby=${described(`${vid}-current`, invalid && `${vid}-error`)} .value=${this.values[c] ?? ''} @input=${(e: Event) => (this.values = { ...this.values, [c]: (e.target as HTMLTextAreaElement).value })}></textarea>`
                          : html`<input id=${vid} part="input" type=${c === 'courriel' ? 'email' : c === 'telephone' ? 'tel' : 'text'} autocomplete="off" maxlength=${MAX.valeur} aria-invalid=${invalid ? 'true' : 'false'} aria-describedby=${described(`${vid}-current`, invalid && `${vid}-error`)} .value=${this.values[c] ?? ''} @input=${(e: Event) => (this.values = { ...this.values, [c]: (e.target as HTMLInputElement).value })} />`}`
                    : nothing}
                </div>`}
          </div>`;
        })}
      </fieldset>
      <fieldset aria-describedby=${auteurError ? 'suggest-auteur-error' : nothing}>
        <legend>${this.t('who')}</legend>
        ${auteurError ? html`<p class="error-text" id="suggest-auteur-error">${auteurError.message}</p>` : nothing}
        ${AUTEURS.map(
          (a) => html`<div class="check">
            <input type="radio" name="suggest-auteur" id="suggest-auteur-${a}" value=${a} .checked=${this.auteur === a} @change=${() => ((this.auteur = a), this.host.requestUpdate())} />
            <label for="suggest-auteur-${a}">${this.t(a === 'usager' ? 'whoUsager' : a === 'professionnel' ? 'whoPro' : 'whoStructure')}</label>
          </div>`,
        )}
      </fieldset>
      <div class="field">
        <label for="suggest-contact">${this.t('contact')}</label>
        <p class="hint" id="suggest-contact-hint">${this.t('contactHint')}</p>
        ${errText('suggest-contact')}
        <input id="suggest-contact" part="input" type="text" autocomplete="off" maxlength=${MAX.contact} aria-invalid=${err('suggest-contact') ? 'true' : 'false'} aria-describedby=${described('suggest-contact-hint', !!err('suggest-contact') && 'suggest-contact-error')} .value=${this.contact} @input=${(e: Event) => (this.contact = (e.target as HTMLInputElement).value)} />
      </div>
      <div class="field">
        <label for="suggest-comment">${this.t('comment')}</label>
        <p class="hint" id="suggest-comment-hint">${this.t('commentHint')}</p>
        ${errText('suggest-comment')}
        <textarea id="suggest-comment" part="input" rows="3" maxlength=${MAX.commentaire} aria-invalid=${err('suggest-comment') ? 'true' : 'false'} aria-describedby=${described('suggest-comment-hint', !!err('suggest-comment') && 'suggest-comment-error')} .value=${this.commentaire} @input=${(e: Event) => (this.commentaire = (e.target as HTMLTextAreaElement).value)}></textarea>
      </div>
      <div class="hp" aria-hidden="true">
        <label for="suggest-site">${this.t('honeypot')}</label>
        <input id="suggest-site" name="site_web" type="text" tabindex="-1" autocomplete="off" .value=${this.honeypot} @input=${(e: Event) => (this.honeypot = (e.target as HTMLInputElement).value)} />
      </div>
      ${this.failure ? html`<p class="error-text" id="suggest-failure">${this.failure}</p>` : nothing}
      <div class="actions">
        <button type="submit" part="button" class="primary" ?disabled=${this.status === 'sending'}>${this.status === 'sending' ? this.t('sending') : this.t('send')}</button>
        <button type="button" part="button" class="secondary" @click=${() => (this.reset(item.service.id), this.host.requestUpdate(), void this.host.updateComplete.then(() => this.$<HTMLElement>('#suggest-toggle')?.focus()))}>${this.t('cancel')}</button>
      </div>
    </form>`;
  }
}

/** Styles of the form (tokens only), added to the element's adopted stylesheets when the form loads. */
export const formStyles = css`
  .suggest-panel { margin-top: var(--_r-space-2); }
  .suggest fieldset { border: 1px solid var(--_r-border); border-radius: var(--_r-radius); margin: 0 0 var(--_r-space-3); padding: var(--_r-space-2) var(--_r-space-3); min-width: 0; }
  .suggest legend { font-weight: 700; padding: 0 var(--_r-space-1); }
  .suggest .check { display: flex; gap: var(--_r-space-2); align-items: center; min-height: 2.75rem; }
  .suggest .check input { width: 1.5rem; height: 1.5rem; margin: 0; flex: none; }
  .suggest .nested { margin-inline-start: 2rem; margin-bottom: var(--_r-space-2); }
  .suggest textarea { font: inherit; color: var(--_r-text); background: var(--_r-surface); border: 1px solid var(--_r-border); border-radius: var(--_r-radius); padding: var(--_r-space-2); width: 100%; }
  .suggest input[type='tel'], .suggest input[type='email'] { font: inherit; color: var(--_r-text); background: var(--_r-surface); border: 1px solid var(--_r-border); border-radius: var(--_r-radius); padding: var(--_r-space-2); min-height: 2.75rem; width: 100%; }
  .suggest [aria-invalid='true'] { border: 2px solid var(--_r-danger); }
  .suggest .field { margin-bottom: var(--_r-space-3); }
  .suggest .actions { display: flex; flex-wrap: wrap; gap: var(--_r-space-2); align-items: center; }
  .suggest .actions button.secondary { margin-top: 0; }
  .error-summary { border: 3px solid var(--_r-danger); border-radius: var(--_r-radius); padding: var(--_r-space-2) var(--_r-space-3); margin-bottom: var(--_r-space-3); }
  .error-summary:focus { outline: var(--_r-focus-ring); outline-offset: 2px; }
  .error-summary ul { margin: 0; padding-inline-start: 1.25rem; }
  .error-summary a { color: var(--_r-danger); font-weight: 600; }
  .success { color: var(--_r-success); font-weight: 700; }
  .hp { position: absolute; inset-inline-start: -10000px; width: 1px; height: 1px; overflow: hidden; }
`;
