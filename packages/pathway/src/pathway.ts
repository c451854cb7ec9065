import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { ContextConsumer } from '@lit/context';
import { RelaisElement, RelaisErrorEvent, Http, markHandoff, RelaisError, storeContext, formatDate, termLabel, sanitizeUrl, translate, heading, todayIso } from '@relais/core';
import { pathwayStyles } from './pathway.styles.js';
import { computeSchedule, simulate, type Schedule, type ScheduledStep, type StepStatus } from './schedule.js';
import { PathwayDataError, type PathwayEvent, type PathwayTemplate } from './model.js';
import { pathwayTemplates } from './templates.js';
import { messages, type MessageKey } from './messages.js';
import { isIsoDate, type IsoDate } from './calendar.js';

/** `relais-step-select`: a step was opened (its id). */
export class RelaisStepSelectEvent extends Event {
  static readonly eventName = 'relais-step-select';
  constructor(readonly stepId: string) {
    super(RelaisStepSelectEvent.eventName, { bubbles: true, composed: true });
  }
}

/**
 * `relais-pathway-view`: a pathway was shown (or its statuses changed): the template id and, for each step with a
 * deadline, whether it is late — never a date, an event of the case or a fact declared. Not fired for a simulation.
 */
export class RelaisPathwayViewEvent extends Event {
  static readonly eventName = 'relais-pathway-view';
  constructor(
    readonly templateId: string,
    readonly steps: ReadonlyArray<{ id: string; late: boolean }>,
  ) {
    super(RelaisPathwayViewEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'relais-step-select': RelaisStepSelectEvent;
    'relais-pathway-view': RelaisPathwayViewEvent;
  }
}



/**
 * The steps of a pathway (MDPH, PCH, APA, EHPAD admission, hospital discharge, child protection, RSA)
 * with dates, legal deadlines, who acts and what to do now.
 *
 * @element relais-pathway
 * @fires {RelaisStepSelectEvent} relais-step-select - A step's details were opened (`stepId`).
 * @fires {RelaisPathwayViewEvent} relais-pathway-view - The pathway was shown or its statuses changed: `templateId` and, per step with a deadline, `late` (never a date or a fact).
 * @fires {RelaisErrorEvent} relais-error - The case or template could not be loaded or is invalid (`message` in French).
 * @csspart timeline - The ordered list of steps.
 * @csspart step - One step.
 * @csspart status - The status text of a step.
 * @csspart next - The "what to do now" box (a live region): every late item, by legal weight, then the person's running deadlines, then the current step.
 * @csspart simulate - The "simulate my pathway" form.
 * @csspart button - Buttons.
 * @csspart error - Why the pathway or its case cannot be shown or loaded (with a retry button when it may work later).
 * @cssprop {<color>} [--relais-color-primary=#0a5cc2] - Liens, boutons, tuile choisie, étape en cours, regroupements de la carte.
 * @cssprop {<color>} [--relais-color-on-primary=#ffffff] - Texte sur les boutons principaux.
 * @cssprop {<color>} [--relais-color-text=#1e1e1e] - Texte.
 * @cssprop {<color>} [--relais-color-muted=#555a64] - Texte secondaire (aides, dates de mise à jour).
 * @cssprop {<color>} [--relais-color-surface=#ffffff] - Fond des widgets.
 * @cssprop {<color>} [--relais-color-surface-alt=#f3f5f8] - Fond des tuiles, panneaux et cartes.
 * @cssprop {<color>} [--relais-color-border=#8a8f98] - Bordures des champs et des cartes (contraste 3:1 au moins).
 * @cssprop {<color>} [--relais-color-danger=#b3261e] - Erreurs, critères non remplis, étapes en retard.
 * @cssprop {<color>} [--relais-color-success=#1b6e3a] - Critères remplis, étapes faites, brouillon enregistré.
 * @cssprop {<color>} [--relais-color-warning-surface=#fff4d6] - Fond des avertissements (données de démonstration, valeurs à vérifier).
 * @cssprop {<color>} [--relais-color-accent-1=#7a1f5c] - Troisième couleur de légende (établissements).
 * @cssprop {<color>} [--relais-color-accent-2=#8a4b00] - Quatrième couleur de légende (accompagnement).
 * @cssprop {<length>} [--relais-space-1=0.25rem] - Très petit espace.
 * @cssprop {<length>} [--relais-space-2=0.5rem] - Petit espace.
 * @cssprop {<length>} [--relais-space-3=1rem] - Espace courant.
 * @cssprop {<length>} [--relais-space-4=1.5rem] - Grand espace.
 * @cssprop {<length>} [--relais-radius=0.375rem] - Arrondi des angles.
 * @cssprop [--relais-font-family=system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif] - Police (celle du site hôte si elle y est chargée ; Relais n’en embarque aucune).
 * @cssprop {<length>} [--relais-font-size=1rem] - Taille du texte courant.
 * @cssprop {<number>} [--relais-line-height=1.5] - Interlignage.
 * @cssprop [--relais-focus-ring=3px solid #0a5cc2] - Contour de l’élément qui a le focus clavier (épaisseur, style, couleur).
 * @cssprop [--relais-elevation-1=0 1px 3px rgb(0 0 0 / 0.15)] - Ombre des panneaux flottants (fenêtres de la carte).
 * @cssprop {<length>} [--relais-pathway-marker-size=1.5rem] - Taille des pastilles d’étape.
 */
export class RelaisPathway extends RelaisElement {
  /** Messages: French with the element, English loaded when the element speaks English (see `messages.ts`). */
  static override messageCatalogues = [messages];
  static override styles = [...RelaisElement.styles, pathwayStyles];

  /** Id of a shipped template (`mdph`, `pch`, `apa-domicile`, `ehpad-admission`, `sortie-hospitalisation`, `protection-enfance`, `rsa`). */
  @property({ attribute: 'template-id' }) templateId: string | undefined;
  /** A template object (property only); wins over `template-id`. */
  @property({ attribute: false }) template: PathwayTemplate | undefined;
  /** The events of the case, `[{ stepId, kind, date: 'YYYY-MM-DD' }]` (property only). */
  @property({ attribute: false }) events: PathwayEvent[] = [];
  /** URL of a JSON case `{ template, events }` (template: an id or an object). */
  @property() src: string | undefined;
  /** Today's date (YYYY-MM-DD); defaults to the device's date. */
  @property() today: string | undefined;
  /** `vertical` (default) or `horizontal` (compact; vertical again below 40rem). */
  @property({ reflect: true }) layout: 'vertical' | 'horizontal' = 'vertical';
  /** Shows the "simulate my pathway" form: the person enters the date of their request. */
  @property({ type: Boolean }) simulate = false;
  /** Counts working days with Alsace-Moselle's public holidays. */
  @property({ type: Boolean, attribute: 'alsace-moselle' }) alsaceMoselle = false;
  /** INSEE code of the person's commune, passed on when a step opens the directory. */
  @property() commune: string | undefined;
  /** Without a provider: a directory page to link actors to; `{kind}` is replaced by the structure kind. */
  @property({ attribute: 'directory-url' }) directoryUrl: string | undefined;
  /** Easy-read labels. */
  @property({ type: Boolean, reflect: true }) falc = false;
  /** Heading level of the title (1–6, default 2). */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;
  /**
   * Professional view: legal references as written (« CASF D311 ») with the « à vérifier » marks. Without it the
   * public sees each reference in words (« article D311 du code de l’action sociale et des familles »), followed by
   * « (à confirmer) » when the rule is still to be checked. On by default for professional templates (protection de
   * l’enfance).
   */
  @property({ type: Boolean, reflect: true }) pro = false;
  /**
   * Facts declared for the case, space-separated ids of the template's `facts` (e.g. `sejour-permanent` for an EHPAD
   * stay expected to last more than 2 months, `rqth-orientation-pro` for an MDPH decision contested before the
   * administrative court, `moins-de-3-ans` for a child): they decide which deadlines apply and how they are counted.
   */
  @property({ converter: { fromAttribute: (v: string | null) => (v ? v.split(/[\s,]+/).filter(Boolean) : []), toAttribute: (v: string[]) => v.join(' ') } }) facts: string[] = [];

  @state() private loaded: { template: PathwayTemplate | string; events: PathwayEvent[]; facts?: string[] } | null = null;
  @state() private requestDate = '';
  @state() private simError = '';
  @state() private error = '';
  /** Why the `src` could not be fetched (network, HTTP, unreadable answer): shown above what was last loaded. */
  @state() private loadError: { message: string; retryable: boolean } | null = null;
  @state() private loading = false;

  private readonly storeCtx = new ContextConsumer(this, { context: storeContext, subscribe: true });
  private readonly http = new Http({ cacheTtlMs: 0 });

  private t(k: MessageKey, p: Record<string, unknown> = {}): string {
    return translate(messages, this.i18n.lang, k, p);
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('src') && this.src) void this.load(this.src);
  }

  private async load(url: string): Promise<void> {
    this.loading = true;
    try {
      const body = (await this.http.getJson(url)) as { template?: unknown; events?: unknown; facts?: unknown } | null;
      if (!body || typeof body !== 'object') throw new PathwayDataError('Dossier invalide — (racine) : objet { template, events } attendu.', '(racine)');
      this.loaded = { template: body.template as PathwayTemplate | string, events: (body.events ?? []) as PathwayEvent[], facts: body.facts as string[] | undefined };
      this.error = '';
      this.loadError = null;
    } catch (e) {
      if (e instanceof RelaisError) {
        // what was loaded before stays on screen; the person can try again
        this.loadError = { message: e.message, retryable: e.retryable };
        this.emit(new RelaisErrorEvent(e.kind, e.message));
      } else this.fail(e);
    } finally {
      this.loading = false;
    }
  }

  private fail(e: unknown): void {
    const message = e instanceof PathwayDataError || e instanceof RelaisError ? e.message : 'Erreur inattendue.';
    this.error = message;
    this.emit(new RelaisErrorEvent(e instanceof RelaisError ? e.kind : 'invalid-payload', message));
  }

  private resolveTemplate(): unknown {
    const t = this.template ?? this.loaded?.template ?? this.templateId;
    if (typeof t === 'string') {
      const found = pathwayTemplates[t];
      if (!found) throw new PathwayDataError(`Modèle de parcours inconnu : « ${t.slice(0, 40)} » (${Object.keys(pathwayTemplates).join(', ')}).`, 'template');
      return found;
    }
    return t;
  }

  private viewedKey = '';
  /** Fires `relais-pathway-view` when what it carries changed (once per template and statuses). */
  private viewed(schedule: Schedule): void {
    const steps = schedule.steps.filter((st) => st.dueOn && st.status !== 'skipped').map((st) => ({ id: st.id, late: st.status === 'overdue' || Boolean(st.doneOn && st.doneOn > st.dueOn!) }));
    const key = JSON.stringify([schedule.template.id, steps]);
    if (key === this.viewedKey) return;
    this.viewedKey = key;
    queueMicrotask(() => this.emit(new RelaisPathwayViewEvent(schedule.template.id, steps)));
  }

  /** The computed schedule (null while nothing is configured). */
  get schedule(): Schedule | null {
    const t = this.resolveTemplate();
    if (!t) return null;
    const opts = { today: this.today && isIsoDate(this.today) ? this.today : todayIso(), alsaceMoselle: this.alsaceMoselle, facts: this.loaded?.facts ?? this.facts };
    if (this.simulate && this.requestDate) return simulate(t, this.requestDate, opts);
    return computeSchedule(t, this.loaded?.events ?? this.events, opts);
  }

  override render(): TemplateResult {
    let schedule: Schedule | null = null;
    let invalid = this.error;
    if (!invalid) {
      try {
        schedule = this.schedule;
      } catch (e) {
        invalid = e instanceof PathwayDataError ? e.message : String(e);
        queueMicrotask(() => this.emit(new RelaisErrorEvent('invalid-payload', invalid)));
      }
    }
    const le = this.loadError;
    const banner = le
      ? html`<div part="error" class="error" role="alert">
          <p>${this.t('loadFailed')}</p>
          <p>${le.message}</p>
          ${schedule ? html`<p>${this.t('kept')}</p>` : nothing}
          ${le.retryable && this.src ? html`<button type="button" part="button" ?disabled=${this.loading} @click=${() => void this.load(this.src!)}>${this.t('retry')}</button>` : nothing}
        </div>`
      : nothing;
    if (invalid) return html`<div part="error" class="error" role="alert"><p>${this.t('invalid')}</p><p>${invalid}</p></div>`;
    if (!schedule) return html`${banner}<p role="status">${this.loading ? this.t('loading') : ''}</p>`;
    if (!this.simulate) this.viewed(schedule);
    const total = schedule.steps.length;
    const cur = schedule.steps.find((s) => s.id === schedule!.current);
    const level = Math.min(6, Math.max(1, this.headingLevel || 2));
    const label = (this.falc && schedule.template.falc) || schedule.template.label;
    return html`
      ${banner}
      <section aria-labelledby="pathway-title">
        ${heading(level, label, { id: 'pathway-title' })}
        ${schedule.template.description ? html`<p class="muted">${schedule.template.description}</p>` : nothing}
        ${this.simulate ? this.renderSimulate() : nothing}
        <p id="pathway-summary">
          ${cur ? this.t('summary', { label: this.stepLabel(cur), n: cur.index, total }) : this.t('summaryDone')}
          ${schedule.expectedEnd && cur ? html` ${this.t('expectedEnd')} ${this.date(schedule.expectedEnd)} ${this.t('estimated')}.` : nothing}
        </p>
        <div part="next" class="next" role="status" aria-live="polite">
          <p><strong>${this.t('next')}</strong>${schedule.actions.length > 1 ? nothing : html` ${schedule.nextAction}`}</p>
          ${schedule.actions.length > 1
            ? html`${this.rupturePrefix(schedule) ? html`<p>${this.rupturePrefix(schedule)}</p>` : nothing}
                <ul class="actions">
                  ${schedule.actions.map((a) => {
                    const step = schedule!.steps.find((x) => x.id === a.stepId)!;
                    const tag = a.kind === 'late' && step.dueIsEstimate ? 'action-late-estimate' : (`action-${a.kind}` as MessageKey);
                    return html`<li class="action-${a.kind}"><span class="tag">${this.t(tag)}</span> — ${this.stepLabel(step)} : ${a.text}</li>`;
                  })}
                </ul>`
            : nothing}
        </div>
        ${schedule.ruptures.length
          ? html`<div class="ruptures">
              ${heading(level + 1, this.t('ruptures'))}
              <ul>${schedule.ruptures.map((r) => html`<li>${this.date(r.date)} — ${r.advice}</li>`)}</ul>
            </div>`
          : nothing}
        <ol part="timeline" class="timeline ${this.layout}" aria-labelledby="pathway-title" aria-describedby="pathway-summary">
          ${schedule.steps.map((s) => this.renderStep(s, total, level + 1, schedule!.current, this.pro || schedule!.template.audience === 'professionnel'))}
        </ol>
        <button type="button" part="button" class="print" @click=${() => window.print()}>${this.t('print')}</button>
      </section>
    `;
  }

  /** The advice of a recent rupture that the schedule puts before the first action. */
  private rupturePrefix(schedule: Schedule): string {
    const first = schedule.actions[0]?.text ?? '';
    return first && schedule.nextAction.endsWith(first) ? schedule.nextAction.slice(0, schedule.nextAction.length - first.length).trim() : '';
  }

  private stepLabel(s: ScheduledStep): string {
    return (this.falc && s.falc) || s.label;
  }

  private date(d: IsoDate): TemplateResult {
    // French writes the first of a month « 1er » (formatDate does)
    return html`<time datetime=${d}>${formatDate(d, this.i18n.lang)}</time>`;
  }

  private statusText(st: StepStatus): string {
    return this.t(`status-${st}` as MessageKey);
  }

  private renderStep(s: ScheduledStep, total: number, level: number, current: string | null, pro: boolean): TemplateResult {
    const kindLabel = s.actor.kind ? termLabel('typologies', s.actor.kind, { lang: this.i18n.lang }) : null;
    const store = this.storeCtx.value;
    const link = !store && s.actor.kind && this.directoryUrl ? sanitizeUrl(new URL(this.directoryUrl.replace('{kind}', encodeURIComponent(s.actor.kind)), document.baseURI).href) : null;
    return html`<li part="step" class="step ${s.status}" aria-current=${ifDefined(s.id === current ? 'step' : undefined)}>
      <span class="marker" aria-hidden="true">${s.status === 'done' ? '✓' : s.status === 'overdue' ? '!' : s.status === 'skipped' ? '–' : s.index}</span>
      <div class="body">
        ${heading(level, html`<span class="visually-hidden">${this.t('stepOf', { n: s.index, total })} : </span>${this.stepLabel(s)}${s.optional ? html` <span class="muted">(${this.t('optional')})</span>` : nothing}`)}
        <p class="line"><span part="status" class="status">${s.status === 'overdue' && s.dueIsEstimate ? this.t('status-overdue-estimate') : this.statusText(s.status)}</span>${s.doneOn ? html` ${this.t('done')} ${this.date(s.doneOn)}` : s.inferred ? html` ${this.t('doneUnknown')}` : s.startedOn && s.status !== 'done' ? html` — ${this.t('started')} ${this.date(s.startedOn)}` : nothing}</p>
        ${s.dueOn && s.status !== 'done' && s.status !== 'skipped'
          ? html`<p class="line due ${s.owner === 'person' ? 'due-person' : 'due-admin'}">${s.owner === 'person' ? this.t('yourDeadline') : s.dueIsEstimate ? this.t('dueWorst', { cond: s.estimateIf }) : this.t('adminDeadline')} ${this.date(s.dueOn)}${s.daysLeft !== null ? html` (${s.daysLeft >= 0 ? this.t('daysLeft', { n: s.daysLeft }) : this.t('daysLate', { n: -s.daysLeft })})` : nothing}</p>`
          : s.expectedOn && s.status === 'upcoming' && !s.optional
            ? html`<p class="line muted">${this.t('expected')} ${this.date(s.expectedOn)} ${this.t('estimated')}</p>`
            : nothing}
        ${s.nextAction && (s.status === 'current' || s.status === 'overdue')
          ? html`<p class="action">${s.nextAction}</p>`
          : s.dueText && s.owner === 'person' && s.status === 'upcoming' && s.daysLeft !== null
            ? html`<p class="action">${s.dueText}</p>`
            : nothing}
        <details @toggle=${(e: Event) => (e.target as HTMLDetailsElement).open && this.emit(new RelaisStepSelectEvent(s.id))}>
          <summary>${this.t('details')}<span class="visually-hidden"> : ${this.stepLabel(s)}</span></summary>
          <p>${this.t('actor')} ${s.actor.label}</p>
          ${kindLabel && store
            ? html`<p><button type="button" part="button" class="link" @click=${() => (markHandoff({ origin: 'parcours' }), store.requestDirectory({ from: 'pathway', typologies: [s.actor.kind!], commune: this.commune, reason: `${this.stepLabel(s)} : ${s.actor.label}` }))}>${this.t('findActor', { kind: kindLabel })}</button></p>`
            : link
              ? html`<p><a href=${link} @click=${() => markHandoff({ origin: 'parcours' })}>${this.t('findActor', { kind: kindLabel })}</a></p>`
              : nothing}
          ${s.documents.length
            ? html`<p>${this.t('documents')}</p>
                <ul>${s.documents.map((d) => html`<li>${d.label} — <span class="doc-status">${d.received ? this.t('received') : s.status === 'done' ? this.t('notMarked') : this.t('toProvide')}</span></li>`)}</ul>`
            : nothing}
          ${s.deadlineText ? html`<p>${this.t('deadline')} ${s.deadlineText}.</p>` : nothing}
          ${s.condition ? html`<p>${this.t('condition', { label: s.condition })}</p>` : nothing}
          ${s.legal
            ? html`<p>${s.deadline?.indicative ? this.t('source') : this.t('legal')} ${pro ? s.legal : s.legalText}${s.toVerify ? html` <span class="to-verify">${pro ? this.t('toVerify') : this.t('toConfirm')}</span>` : nothing}</p>`
            : nothing}
        </details>
      </div>
    </li>`;
  }

  private renderSimulate(): TemplateResult {
    return html`<form part="simulate" class="simulate" novalidate @submit=${this.onSimulate}>
      <label for="request-date">${this.t('simulateLabel')}</label>
      <p class="hint" id="request-date-hint">${this.t('simulateHint')}</p>
      ${this.simError ? html`<p class="error-text" id="request-date-error">${this.simError}</p>` : nothing}
      <input id="request-date" type="date" .value=${this.requestDate} aria-describedby=${this.simError ? 'request-date-hint request-date-error' : 'request-date-hint'} aria-invalid=${this.simError ? 'true' : 'false'} />
      <button type="submit" part="button" class="primary">${this.t('simulateButton')}</button>
    </form>`;
  }

  private onSimulate(e: Event): void {
    e.preventDefault();
    const input = this.renderRoot.querySelector<HTMLInputElement>('#request-date')!;
    if (!isIsoDate(input.value)) {
      this.simError = this.t('simulateError');
      input.focus();
      return;
    }
    this.simError = '';
    this.requestDate = input.value;
  }
}
