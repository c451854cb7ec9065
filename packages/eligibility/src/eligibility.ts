import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ContextConsumer } from '@lit/context';
import { RelaisElement, RelaisErrorEvent, Http, departementOf, RelaisError, PlaceController, storeContext, heading, translate, todayIso } from '@relais/core';
import { evaluate, prepareCatalogue, type Answers, type BenefitResult, type Evaluation } from './engine.js';
import { mergeCatalogues, parseCatalogue, CatalogueError, type BenefitCatalogue } from './catalogue.js';
import { factById } from './facts.js';
import { nationalCatalogue } from './national.js';
import { messages, type MessageKey } from './messages.js';
import { eligibilityStyles } from './eligibility.styles.js';
import { forgetEncrypted, loadEncrypted, saveEncrypted } from './secure-session.js';
import { RelaisResultEvent } from './events.js';
import { renderQuestion, type QuestionHandlers } from './render/question.js';
import { renderResults, type ResultsHandlers } from './render/results.js';
import type { EligibilityView } from './render/view.js';

export { RelaisResultEvent };

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

  /** What the render modules need: words, language, easy-read. */
  private get view(): EligibilityView {
    return { t: (k, p) => this.t(k, p), lang: this.i18n.lang, falc: this.falc };
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

  private renderQuestion(ev: Evaluation, level: number): TemplateResult {
    const id = this.current!;
    const q = {
      fact: id === 'who' ? null : factById(id)!,
      triage: this.triage,
      answer: id === 'who' ? this.who : this.answers[id],
      communeName: this.communeName,
      error: this.error,
      step: this.history.length + 1,
      undecided: ev.results.filter((r) => r.status === 'unknown').length,
    };
    return renderQuestion(this.view, q, level, this.questionHandlers);
  }

  private readonly questionHandlers: QuestionHandlers = {
    submit: (e) => void this.submit(e),
    skip: () => this.skip(),
    back: () => this.backStep(),
    seeResults: () => this.showResults(),
  };

  /** The results about the person: a carer's own rights are left out when no carer is involved. */
  private shown(ev: Evaluation): BenefitResult[] {
    return this.answers['aidant.est_aidant'] === false ? ev.results.filter((r) => !r.forCarer) : ev.results;
  }

  private renderResults(ev: Evaluation, level: number): TemplateResult {
    const results = this.shown(ev);
    const { who, answers, skipped, communeName, directoryUrl } = this;
    const store = this.storeCtx.value;
    const commune = typeof answers['demandeur.depcom'] === 'string' ? (answers['demandeur.depcom'] as string) : undefined;
    const on: ResultsHandlers = {
      edit: (id) => this.edit(id),
      editAnswers: () => this.edit(this.pickNext(ev) ?? 'who'),
      restart: () => this.restart(),
      requestDirectory: store ? (r, kind) => store.requestDirectory({ from: 'eligibility', typologies: [kind], commune, reason: `${this.t('where')} ${r.label}` }) : undefined,
    };
    return renderResults(this.view, { results, carerLeftOut: results.length < ev.results.length, who, answers, skipped, communeName, directoryUrl }, level, on);
  }
}
