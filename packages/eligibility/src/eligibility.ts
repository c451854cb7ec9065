import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { ContextConsumer } from '@lit/context';
import { RelaisElement, RelaisErrorEvent, Http, departementOf, markHandoff, RelaisError, PlaceController, storeContext, formatMoney, heading, sanitizeUrl, termLabel, translate, todayIso } from '@relais/core';
import { evaluate, prepareCatalogue, type Answers, type BenefitResult, type Evaluation } from './engine.js';
import { mergeCatalogues, parseCatalogue, CatalogueError, type BenefitCatalogue } from './catalogue.js';
import { FACTS, factById, type Fact } from './facts.js';
import { nationalCatalogue } from './national.js';
import { inLang, messages, TRIAGE, type MessageKey } from './messages.js';
import { readableLegal, splitLegal } from './legal.js';
import { eligibilityStyles } from './eligibility.styles.js';
import { forgetEncrypted, loadEncrypted, saveEncrypted } from './secure-session.js';

/** `relais-result`: results are shown; carries benefit ids and statuses only, never the answers. */
export class RelaisResultEvent extends Event {
  static readonly eventName = 'relais-result';
  constructor(
    readonly results: ReadonlyArray<{ id: string; status: BenefitResult['status'] }>,
    /** The person's area rounded to the EPCI (SIREN) or département of the commune answered, never the commune; null when none was given. */
    readonly area: { epci: string | null; departement: string } | null = null,
  ) {
    super(RelaisResultEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'relais-result': RelaisResultEvent;
  }
}



const STORAGE_KEY = 'relais-eligibility-answers';
/** History marker of the GIR triage step. */
const TRIAGE_STEP = 'demandeur.gir#triage';

/**
 * "Suis-je éligible ?": which aides and rights may apply, why or why not, an estimate, and where to
 * apply. Everything is computed in the browser; answers are never sent.
 *
 * @element relais-eligibility
 * @fires {RelaisResultEvent} relais-result - Results shown: benefit ids and statuses, and the area rounded to the EPCI or département (never the answers).
 * @fires {RelaisErrorEvent} relais-error - A local catalogue could not be loaded or is invalid (`message` in French).
 * @csspart question - The current question.
 * @csspart input - The answer fields (number, commune).
 * @csspart results - The results.
 * @csspart benefit - One benefit.
 * @csspart button - Buttons.
 * @csspart error - Why local catalogues could not be loaded (with a retry button when it may work later).
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
 * @cssprop {<length>} [--relais-eligibility-max-width=48rem] - Largeur maximale du questionnaire.
 */
export class RelaisEligibility extends RelaisElement {
  /** Messages: French with the element, English loaded when the element speaks English (see `messages.ts`). */
  static override messageCatalogues = [messages];
  static override styles = [...RelaisElement.styles, eligibilityStyles];

  /** URLs of local catalogues (JSON), comma-separated; merged with the national one and filtered by territory. */
  @property() catalogues: string | undefined;
  /** Date of the evaluation (YYYY-MM-DD); defaults to the device's date. */
  @property() date: string | undefined;
  /** Easy-read (FALC) questions. */
  @property({ type: Boolean, reflect: true }) falc = false;
  /**
   * Keep the answers for this tab so that a reload does not lose them. Off by default. They are never stored in
   * clear: sessionStorage holds only an AES-GCM ciphertext, and the key is a non-extractable CryptoKey kept in
   * IndexedDB (see `secure-session.ts`); « Recommencer » deletes both. Without Web Crypto or IndexedDB nothing is kept.
   */
  @property({ type: Boolean }) remember = false;
  /** Départements offered for the commune question (comma-separated); postcodes work everywhere. */
  @property() departements: string | undefined;
  /** Without a provider: the directory page to link "where to apply" to; `{kind}` is replaced by the structure kind. */
  @property({ attribute: 'directory-url' }) directoryUrl: string | undefined;
  /** Heading level of the title (1–6, default 2). */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;
  /** Extra catalogues as objects (property only). */
  @property({ attribute: false }) extraCatalogues: unknown[] = [];
  /**
   * Answers to start from, keyed by fact id (property only): a demo, or a service that already knows some facts.
   * Applied once, before the person answers; the results are shown and every answer can still be changed. Never stored.
   */
  @property({ attribute: false }) presetAnswers: Readonly<Record<string, unknown>> | undefined;

  @state() private answers: Record<string, unknown> = {};
  @state() private skipped: string[] = [];
  @state() private history: string[] = [];
  @state() private current: string | null = 'who';
  @state() private error = '';
  @state() private catalogue: BenefitCatalogue | null = null;
  @state() private loadError = '';
  /** Whether loading the local catalogues again may work (network, HTTP 5xx/429, unreadable answer). */
  @state() private loadRetryable = false;
  @state() private triage = false;
  /** Who the simulation is for (the wording of the results depends on it). */
  @state() private who: 'me' | 'relative' | 'carer' | null = null;
  /** Name of the commune answered (the answer itself is its INSEE code). */
  @state() private communeName: string | null = null;

  private readonly storeCtx = new ContextConsumer(this, { context: storeContext, subscribe: true });
  private readonly http = new Http({ cacheTtlMs: 0 });
  /** The commune question: the départements offered, a commune by its code or as typed. */
  private readonly places = new PlaceController(this, { departements: () => (this.departements ?? '').split(',').map((s) => s.trim()).filter(Boolean) });

  private t(k: MessageKey, p: Record<string, unknown> = {}): string {
    return translate(messages, this.i18n.lang, k, p);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.remember) void this.restore();
  }

  /** Reads the encrypted answers back (never from clear text); ignored once the person has started answering again. */
  private async restore(): Promise<void> {
    const saved = await loadEncrypted<{ answers?: Record<string, unknown>; skipped?: string[]; who?: string; communeName?: string }>(STORAGE_KEY);
    if (!saved?.answers || typeof saved.answers !== 'object' || Object.keys(this.answers).length) return;
    this.answers = Object.fromEntries(Object.entries(saved.answers).filter(([k]) => factById(k) || k === 'demandeur.gir_estime'));
    this.skipped = Array.isArray(saved.skipped) ? saved.skipped.filter((k) => typeof k === 'string') : [];
    this.who = saved.who === 'me' || saved.who === 'relative' || saved.who === 'carer' ? saved.who : null;
    this.communeName = typeof saved.communeName === 'string' ? saved.communeName : null;
    this.current = null;
    void this.nameCommune();
  }

  /** The name of an answered commune given as a code (preset answers): the summary never shows « 58079 ». */
  private async nameCommune(): Promise<void> {
    const code = this.answers['demandeur.depcom'];
    if (typeof code !== 'string' || this.communeName) return;
    try {
      const c = await this.places.commune(code);
      if (c && this.answers['demandeur.depcom'] === code) this.communeName = c.postcodes[0] ? `${c.name} (${c.postcodes[0]})` : c.name;
    } catch {
      // no gazetteer: the code stays
    }
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('presetAnswers') && this.presetAnswers && !Object.keys(this.answers).length) {
      this.answers = Object.fromEntries(Object.entries(this.presetAnswers).filter(([k]) => factById(k) || k === 'demandeur.gir_estime'));
      const carer = this.answers['aidant.est_aidant'];
      this.who = carer === true ? 'carer' : carer === false ? 'me' : 'relative';
      this.current = null;
      void this.nameCommune();
    }
    if (changed.has('catalogues') || changed.has('extraCatalogues') || !this.catalogue) void this.loadCatalogues();
  }

  private loading = false;
  private async loadCatalogues(): Promise<void> {
    if (this.loading) return;
    this.loading = true;
    try {
      const urls = (this.catalogues ?? '').split(',').map((s) => s.trim()).filter(Boolean);
      const locals: BenefitCatalogue[] = [];
      for (const u of urls) {
        const raw = await this.http.getJson(new URL(u, document.baseURI).href);
        try {
          locals.push(parseCatalogue(raw));
        } catch (e) {
          throw e instanceof CatalogueError ? new CatalogueError(`${u.split('/').pop()} : ${e.message}`, e.path) : e;
        }
      }
      for (const raw of this.extraCatalogues) locals.push(parseCatalogue(raw));
      this.catalogue = prepareCatalogue(mergeCatalogues(nationalCatalogue, ...locals));
      this.loadError = '';
    } catch (e) {
      this.catalogue ??= prepareCatalogue(nationalCatalogue);
      this.loadError = e instanceof CatalogueError || e instanceof RelaisError ? e.message : String(e);
      this.loadRetryable = e instanceof RelaisError && e.retryable;
      this.emit(new RelaisErrorEvent('invalid-payload', this.loadError));
    } finally {
      this.loading = false;
    }
  }

  /** The evaluation of the current answers (recomputed on each render; cheap). */
  get evaluation(): Evaluation | null {
    return this.catalogue ? evaluate(this.catalogue, this.answers as Answers, { date: this.date && /^\d{4}-\d{2}-\d{2}$/.test(this.date) ? this.date : todayIso() }) : null;
  }

  /** The last encrypted save (tests wait for it). */
  private saving: Promise<void> = Promise.resolve();

  private save(): void {
    if (!this.remember) return;
    const snapshot = { answers: this.answers, skipped: this.skipped, who: this.who, communeName: this.communeName };
    this.saving = this.saving.then(() => saveEncrypted(STORAGE_KEY, snapshot)).catch(() => {
      // no Web Crypto / IndexedDB: nothing is kept rather than anything in clear
    });
  }

  /** The next question: the fact that decides the most undecided benefits, not yet answered or skipped. */
  private pickNext(ev: Evaluation): string | null {
    const open = (id: string) => !(id in this.answers) && !this.skipped.includes(id);
    const q = ev.nextQuestions.find((n) => open(n.fact) && factById(n.fact));
    if (q) {
      // a question that builds on another (« ces difficultés… ») comes after it
      const pre = factById(q.fact)!.askIf?.fact;
      return pre && open(pre) && factById(pre) ? pre : q.fact;
    }
    // last, the commune: it finds where to apply nearby (and local aides), even when no rule needs it
    const c = 'demandeur.depcom';
    return !(c in this.answers) && !this.skipped.includes(c) ? c : null;
  }

  private advance(): void {
    const ev = this.evaluation;
    if (this.current) this.history = [...this.history, this.triage ? TRIAGE_STEP : this.current];
    this.current = ev ? this.pickNext(ev) : null;
    this.error = '';
    this.triage = false;
    this.save();
    if (!this.current) this.showResults();
    else void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#question-title')?.focus());
  }

  private showResults(): void {
    const ev = this.evaluation;
    this.current = null;
    const depcom = this.answers['demandeur.depcom'];
    const epci = this.answers['demandeur.epci'];
    const area = typeof depcom === 'string' ? { epci: typeof epci === 'string' ? epci : null, departement: departementOf(depcom) } : null;
    if (ev) this.emit(new RelaisResultEvent(this.shown(ev).map((r) => ({ id: r.id, status: r.status })), area));
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#results-title')?.focus());
  }

  private backStep(): void {
    const prev = this.history[this.history.length - 1];
    if (!prev) return;
    this.history = this.history.slice(0, -1);
    this.triage = prev === TRIAGE_STEP;
    this.current = prev === TRIAGE_STEP ? 'demandeur.gir' : prev;
    this.error = '';
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#question-title')?.focus());
  }

  private async submit(e: Event): Promise<void> {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const id = this.current!;
    if (id === 'who') {
      const v = (form.querySelector('input[name="answer"]:checked') as HTMLInputElement | null)?.value;
      if (!v) return this.fail(this.t('choiceError'));
      this.who = v as 'me' | 'relative' | 'carer';
      // « pour moi »: not a carer; « je suis l’aidant »: a carer; « pour un proche »: the user may be the carer too, so
      // the question is asked when an aide depends on it (the same situation gives the same results either way)
      const answers: Record<string, unknown> = { ...this.answers };
      if (v === 'relative') delete answers['aidant.est_aidant'];
      else answers['aidant.est_aidant'] = v === 'carer';
      this.answers = answers;
      return this.advance();
    }
    const fact = factById(id)!;
    if (fact.type === 'number') {
      const raw = (form.querySelector('input[name="answer"]') as HTMLInputElement).value.trim().replace(/\s/g, '').replace(',', '.');
      const n = Number(raw);
      if (!raw || !Number.isFinite(n) || n < (fact.min ?? 0) || n > (fact.max ?? Infinity)) return this.fail(this.t('numberError', { min: fact.min ?? 0, max: fact.max, example: id === 'demandeur.age' ? 72 : fact.unit === '€/mois' ? 1200 : 2 }));
      this.answers = { ...this.answers, [id]: n };
    } else if (fact.type === 'commune') {
      const typed = (form.querySelector('input[name="answer"]') as HTMLInputElement).value.trim();
      const commune = await this.places.resolve(typed);
      if (!commune) return this.fail(this.t('communeError'));
      this.communeName = commune.postcodes[0] ? `${commune.name} (${commune.postcodes[0]})` : commune.name;
      this.answers = { ...this.answers, [id]: commune.code, ...(commune.epci ? { 'demandeur.epci': commune.epci } : {}) };
    } else {
      const checked = form.querySelector('input[name="answer"]:checked') as HTMLInputElement | null;
      if (!checked) return this.fail(this.t('choiceError'));
      if (this.triage) {
        this.answers = { ...this.answers, [id]: Number(checked.value), 'demandeur.gir_estime': true };
      } else if (checked.value === '__triage') {
        // the triage is a step of its own (its own number, « Question précédente » comes back to the GIR list)
        this.history = [...this.history, id];
        this.triage = true;
        this.error = '';
        void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#question-title')?.focus());
        return;
      } else {
        const opt = fact.options!.find((o) => String(o.value) === checked.value)!;
        const answers: Record<string, unknown> = { ...this.answers, [id]: opt.value };
        if (id === 'demandeur.gir') delete answers['demandeur.gir_estime'];
        this.answers = answers;
      }
    }
    this.skipped = this.skipped.filter((s) => s !== id);
    this.advance();
  }

  private fail(message: string): void {
    this.error = message;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#answer-0, #answer')?.focus());
  }

  private skip(): void {
    if (this.current && this.current !== 'who') this.skipped = [...this.skipped, this.current];
    this.advance();
  }

  private restart(): void {
    this.answers = {};
    this.skipped = [];
    this.history = [];
    this.current = 'who';
    this.who = null;
    this.communeName = null;
    this.triage = false;
    if (this.remember) this.saving = this.saving.then(() => forgetEncrypted(STORAGE_KEY));
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#question-title')?.focus());
  }

  private edit(id: string): void {
    this.history = [];
    this.current = id;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#question-title')?.focus());
  }

  override render(): TemplateResult {
    const level = Math.min(6, Math.max(1, this.headingLevel || 2));
    const ev = this.evaluation;
    return html`<section aria-labelledby="title">
      ${heading(level, this.t('title'), { id: 'title' })}
      <p class="privacy">${this.t('privacy')}</p>
      ${this.loadError
        ? html`<div part="error" class="error" role="alert">
            <p>${this.t('invalidCatalogue')}</p>
            <p>${this.loadError}</p>
            <p>${this.t('nationalKept')}</p>
            ${this.loadRetryable ? html`<button type="button" part="button" @click=${() => void this.loadCatalogues()}>${this.t('retry')}</button>` : nothing}
          </div>`
        : nothing}
      ${!ev ? html`<p role="status">${this.t('loading')}</p>` : this.current ? this.renderQuestion(ev, level + 1) : this.renderResults(ev, level + 1)}
    </section>`;
  }

  private qText(f: Fact): string {
    return inLang(this.i18n.lang, this.falc ? f.falc : f.question, f.questionEn);
  }

  private renderQuestion(ev: Evaluation, level: number): TemplateResult {
    const id = this.current!;
    const fact = id === 'who' ? null : factById(id)!;
    const undecided = ev.results.filter((r) => r.status === 'unknown').length;
    const n = this.history.length + 1;
    const errId = this.error ? 'answer-error' : '';
    const describedBy = [fact?.hint ? 'answer-hint' : '', errId].filter(Boolean).join(' ') || undefined;
    let control: TemplateResult;
    if (!fact) {
      control = this.radios([['me', this.t('whoMe')], ['relative', this.t('whoRelative')], ['carer', this.t('whoCarer')]], this.who, describedBy);
    } else if (fact.type === 'number' || fact.type === 'commune') {
      const shown = fact.type === 'commune' ? (this.answers[id] !== undefined ? (this.communeName ?? String(this.answers[id])) : '') : this.answers[id] !== undefined ? String(this.answers[id]) : '';
      control = html`<input id="answer" name="answer" part="input" type="text" inputmode=${fact.type === 'number' ? 'decimal' : 'text'} autocomplete="off" .value=${shown} aria-describedby=${describedBy ?? nothing} aria-invalid=${this.error ? 'true' : 'false'} />${fact.unit ? html` <span aria-hidden="true">${fact.unit}</span>` : nothing}`;
    } else if (this.triage) {
      control = this.radios(TRIAGE.map((o) => [String(o.value), inLang(this.i18n.lang, o.label, o.labelEn)]), null, describedBy);
    } else {
      const opts: Array<[string, string]> = fact.options!.map((o) => [String(o.value), inLang(this.i18n.lang, (this.falc && o.falc) || o.label, o.labelEn)]);
      if (id === 'demandeur.gir') opts.push(['__triage', this.t('girUnknown')]);
      control = this.radios(opts, this.answers[id] !== undefined ? String(this.answers[id]) : null, describedBy);
    }
    const isGroup = !fact || (fact.type !== 'number' && fact.type !== 'commune');
    const title = this.triage ? this.t('girTriage') : fact ? this.qText(fact) : this.t('who');
    return html`<form part="question" class="question" novalidate @submit=${this.submit}>
      <p class="progress">${this.t('progress', { n })} · ${this.t('remaining', { n: undecided })}</p>
      ${n === 1 && !fact ? html`<p>${this.t('intro')}</p>` : nothing}
      ${isGroup
        ? html`<fieldset aria-describedby=${describedBy ?? nothing}>
            <legend>${heading(level, title, { id: 'question-title', focusable: true })}</legend>
            ${fact?.hint ? html`<p class="hint" id="answer-hint">${inLang(this.i18n.lang, fact.hint, fact.hintEn)}</p>` : nothing}
            ${this.error ? html`<p class="error-text" id="answer-error">${this.error}</p>` : nothing}
            ${control}
          </fieldset>`
        : html`${heading(level, html`<label for="answer">${title}</label>`, { id: 'question-title', focusable: true })}
            ${fact?.hint ? html`<p class="hint" id="answer-hint">${inLang(this.i18n.lang, fact.hint, fact.hintEn)}</p>` : nothing}
            ${this.error ? html`<p class="error-text" id="answer-error">${this.error}</p>` : nothing}
            <div class="field">${keyed(id, control)}</div>`}
      <div class="actions">
        <button type="submit" part="button" class="primary">${this.t('next')}</button>
        ${fact ? html`<button type="button" part="button" @click=${this.skip}>${this.t('skip')}</button>` : nothing}
        ${this.history.length ? html`<button type="button" part="button" @click=${this.backStep}>${this.t('back')}</button>` : nothing}
        ${this.history.length ? html`<button type="button" part="button" class="link" @click=${() => this.showResults()}>${this.t('seeResults')}</button>` : nothing}
      </div>
    </form>`;
  }

  private radios(opts: Array<[string, string]>, selected: string | null, describedBy?: string): TemplateResult {
    return html`<div class="radios">
      ${opts.map(
        ([v, label], i) => html`<div class="radio">
          <input type="radio" name="answer" id=${`answer-${i}`} value=${v} ?checked=${selected === v} aria-describedby=${describedBy ?? nothing} />
          <label for=${`answer-${i}`}>${label}</label>
        </div>`,
      )}
    </div>`;
  }

  private money(n: number): string {
    return formatMoney(n, this.i18n.lang);
  }

  private renderAmount(r: BenefitResult): TemplateResult | typeof nothing {
    const a = r.amount;
    if (a.kind === 'none') return nothing;
    const per = a.per === 'jour' ? this.t('perDay') : a.per === 'an' ? this.t('perYear') : this.t('perMonth');
    const value =
      a.kind === 'exact'
        ? this.money(a.value!)
        : a.kind === 'estimate'
          ? this.t('estimate', { value: this.money(a.value!) })
          : a.min === 0 || a.min === undefined
            ? this.t('upTo', { max: this.money(a.max!) })
            : this.t('between', { min: this.money(a.min), max: this.money(a.max!) });
    return html`<p class="amount"><strong>${this.t('amount')} :</strong> ${value} ${per}${a.asOf ? html` (<span>${this.t('asOf', { date: a.asOf })}</span>${a.toVerify ? html`, ${this.t('toVerify')}` : nothing})` : nothing}</p>
      ${a.notes.length ? html`<ul class="value-warnings">${a.notes.map((n) => html`<li><strong>${this.t('valueWarning')}</strong> ${n}</li>`)}</ul>` : nothing}
      <p class="muted small">${splitLegal(a.basis).text}</p>`;
  }

  private renderBenefit(r: BenefitResult, level: number): TemplateResult {
    const statusText = { eligible: this.t('statusEligible'), probable: this.t('statusProbable'), unknown: this.t('statusUnknown'), not_eligible: this.t('statusNot') }[r.status];
    const store = this.storeCtx.value;
    const kind = r.nextSteps.kind;
    const kindLabel = kind ? termLabel('typologies', kind, { lang: this.i18n.lang }) : null;
    const link = !store && kind && this.directoryUrl ? sanitizeUrl(new URL(this.directoryUrl.replace('{kind}', encodeURIComponent(kind)), document.baseURI).href) : null;
    const commune = typeof this.answers['demandeur.depcom'] === 'string' ? (this.answers['demandeur.depcom'] as string) : undefined;
    return html`<article part="benefit" class="benefit ${r.status}" aria-labelledby=${`b-${r.id}`}>
      ${heading(level, (this.falc && r.falc) || r.label, { id: `b-${r.id}` })}
      <p class="status"><strong>${statusText}</strong>${r.local ? html` · ${this.t('local')}` : nothing}</p>
      ${r.evaluation && r.status !== 'not_eligible' ? html`<p>${this.t('decidedBy', { by: r.evaluation.by, what: r.evaluation.what })}</p>` : nothing}
      ${this.renderAmount(r)}
      <p class="sub">${this.t('criteria')}</p>
      <ul class="criteria">
        ${r.criteria.map(
          (c) => html`<li class=${c.status}><span class="tag">${c.status === 'met' ? this.t('met') : c.status === 'not_met' ? this.t('notMet') : this.t('unknown')}</span> ${splitLegal(c.text).text}${c.values.length
              ? html` <span class=${c.stale || c.toVerify ? 'value-note warn' : 'value-note'}>(${c.values.map((u) => u.note).join(' ; ')})</span>`
              : nothing}</li>`,
        )}
      </ul>
      ${r.toCheck.length && r.status !== 'not_eligible' ? html`<p class="sub">${this.t('toCheck')}</p><ul>${r.toCheck.map((x) => html`<li>${splitLegal(x).text}</li>`)}</ul>` : nothing}
      ${r.exceptions.length
        ? html`<p class="sub">${this.t('exceptions')}</p><ul>${r.exceptions.map((x) => html`<li>${splitLegal(x).text}</li>`)}</ul>${r.status === 'not_eligible' ? html`<p>${this.t('askAt', { where: r.nextSteps.where })}</p>` : nothing}`
        : nothing}
      ${r.status !== 'not_eligible'
        ? html`<div class="where">
            <p class="sub">${this.t('where')}</p>
            <p>${r.nextSteps.where}</p>
            ${r.nextSteps.form ? html`<p>${this.t('form')} ${r.nextSteps.form}</p>` : nothing}
            ${r.nextSteps.documents?.length ? html`<details><summary>${this.t('documents')}</summary><ul>${r.nextSteps.documents.map((d) => html`<li>${d}</li>`)}</ul></details>` : nothing}
            ${kind && store
              ? html`<button type="button" part="button" class="link" @click=${() => (markHandoff({ origin: 'eligibilite', benefit: r.id }), store.requestDirectory({ from: 'eligibility', typologies: [kind], commune, reason: `${this.t('where')} ${r.label}` }))}>${this.t('findWhere', { kind: kindLabel })}</button>`
              : link
                ? html`<a href=${link} @click=${() => markHandoff({ origin: 'eligibilite', benefit: r.id })}>${this.t('findWhere', { kind: kindLabel })}</a>`
                : nothing}
          </div>`
        : nothing}
      <details class="sources"><summary>${this.t('sources')}</summary><ul>${this.legalRefs(r).map((s) => html`<li>${s}</li>`)}</ul></details>
    </article>`;
  }

  /**
   * The texts a result rests on, in words (« article R232-4 du code de l’action sociale et des familles »): the
   * references taken out of its sentences, then its sources.
   */
  private legalRefs(r: BenefitResult): string[] {
    const texts = [...r.criteria.map((c) => c.text), r.amount.basis, ...(r.status === 'not_eligible' ? [] : r.toCheck), ...r.exceptions];
    const refs = texts.flatMap((x) => splitLegal(x).refs).map(readableLegal);
    return [...new Set([...refs, ...r.sources.map(readableLegal)])];
  }

  /** The results about the person: a carer's own rights are left out when no carer is involved. */
  private shown(ev: Evaluation): BenefitResult[] {
    return this.answers['aidant.est_aidant'] === false ? ev.results.filter((r) => !r.forCarer) : ev.results;
  }

  private renderResults(ev: Evaluation, level: number): TemplateResult {
    const results = this.shown(ev);
    const carerLeftOut = results.length < ev.results.length;
    const yes = results.filter((r) => r.status === 'eligible' || r.status === 'probable');
    const check = results.filter((r) => r.status === 'unknown');
    const no = results.filter((r) => r.status === 'not_eligible');
    return html`<div part="results" class="results">
      ${heading(level, this.t('results'), { id: 'results-title', focusable: true })}
      <div class="actions no-print">
        <button type="button" part="button" @click=${() => this.edit(this.pickNext(ev) ?? 'who')}>${this.t('edit')}</button>
        <button type="button" part="button" @click=${this.restart}>${this.t('restart')}</button>
        <button type="button" part="button" @click=${() => window.print()}>${this.t('print')}</button>
      </div>
      <section aria-labelledby="g-yes">
        ${heading(level + 1, `${this.t(this.who === 'me' ? 'groupYes' : 'groupYesOther')} (${yes.length})`, { id: 'g-yes' })}
        ${yes.length ? yes.map((r) => this.renderBenefit(r, level + 2)) : html`<p>${this.t('noneYes')}</p>`}
      </section>
      ${check.length ? html`<section aria-labelledby="g-check">${heading(level + 1, `${this.t('groupCheck')} (${check.length})`, { id: 'g-check' })}${check.map((r) => this.renderBenefit(r, level + 2))}</section>` : nothing}
      ${no.length
        ? html`<section aria-labelledby="g-no">
            ${heading(level + 1, `${this.t('groupNo')} (${no.length})`, { id: 'g-no' })}
            <details class="why-not"><summary>${this.t('whyNot')}</summary>${no.map((r) => this.renderBenefit(r, level + 2))}</details>
          </section>`
        : nothing}
      ${carerLeftOut ? html`<p class="carer-pointer">${this.t(this.who === 'me' ? 'carerPointerMe' : 'carerPointerOther')}</p>` : nothing}
      <section aria-labelledby="g-answers" class="answers">
        ${heading(level + 1, this.t('answers'), { id: 'g-answers' })}
        <dl>
          ${FACTS.filter((f) => f.id in this.answers || this.skipped.includes(f.id)).map(
            (f) => html`<dt>${this.qText(f)}</dt><dd>${this.answerText(f)} <button type="button" part="button" class="link no-print" @click=${() => this.edit(f.id)}>${this.t('editOne')}<span class="visually-hidden"> : ${this.qText(f)}</span></button></dd>`,
          )}
        </dl>
      </section>
    </div>`;
  }

  private answerText(f: Fact): string {
    const v = this.answers[f.id];
    if (v === undefined) return this.t('notAnswered');
    if (f.type === 'commune') return this.communeName ?? String(v);
    const o = f.options?.find((x) => x.value === v);
    if (o && f.id === 'demandeur.gir' && this.answers['demandeur.gir_estime'] === true) return this.t('girEstimated', { label: inLang(this.i18n.lang, o.label, o.labelEn) });
    if (o) return inLang(this.i18n.lang, o.label, o.labelEn);
    return `${v}${f.unit ? ` ${f.unit}` : ''}`;
  }
}
