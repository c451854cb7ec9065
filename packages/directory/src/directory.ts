import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { property, state, query } from 'lit/decorators.js';
import { AfterYield, RelaisElement, RelaisSearchEvent, RelaisSelectEvent, SourceAttributesMixin, SourceController, pageStyles, yieldToMain } from '@relais/core';
import { apiBase, translate, heading, type DirectoryRequest, type SearchQuery, type SearchResult } from '@relais/core';
import { messages, type MessageKey } from './messages.js';
import { needLabel, type Need } from './needs.js';
import { DirectoryFilters, split, type FilterList, type UrlState } from './filters.js';
import { PlaceField } from './places.js';
import type { Searched, WidenMode } from './widen.js';
import { SearchRunner, buildQuery, type RunContext, type Status } from './search.js';
import { announcement, countText, resultsState, type Shown } from './wording.js';
import { revealResults, type Reveal } from './focus.js';
import { DetailState } from './detail-state.js';
import { UrlSync } from './url-sync.js';
import { ProviderLink } from './provider-link.js';
import { SourceReport } from './source-report.js';
import { directoryStyles } from './directory.styles.js';
import { renderFiltersPanel } from './render/filters-panel.js';
import { renderNeeds, renderSearchForm, type SearchFormHandlers } from './render/search-form.js';
import { renderResults, type ResultsHandlers } from './render/results.js';
import { renderDetail } from './render/detail.js';
import type { ActiveChip, DirectoryView, Vocabulary } from './render/view.js';
import { SuggestHook, suggestStyles } from './suggest-hook.js';
import type * as LabelsModule from '@relais/core/labels';

/**
 * Vocabulary labels and opening hours are needed only with results: they load on demand, beside the data, so that
 * the search form renders before them (bench/README.md, "Sizes").
 */
let labels: typeof LabelsModule | undefined;
const labelsReady: Promise<typeof LabelsModule> = import('@relais/core/labels').then((m) => (labels = m));

let instances = 0;

/**
 * Search of social, medico-social and health services, starting from a need and a place.
 *
 * Works alone (configured by its attributes) or inside `<relais-provider>`, where it shares its
 * filters and selection with `<relais-map>` and receives "where to apply" requests.
 *
 * @element relais-directory
 *
 * @fires {RelaisSearchEvent} relais-search - After each search: `total`, the filters and the need tile chosen (never the words typed).
 * @fires {RelaisSelectEvent} relais-select - A service was opened (`serviceId`), or closed (`null`).
 * @fires {RelaisErrorEvent} relais-error - The source failed; `message` is the French sentence shown.
 * @fires {RelaisDataWarningEvent} relais-data-warning - Invalid records were skipped in the source (`skipped`, `warnings`).
 *
 * @csspart search - The search form.
 * @csspart input - The text and place inputs.
 * @csspart button - Buttons.
 * @csspart needs - The list of need tiles.
 * @csspart need - One need tile.
 * @csspart filters - The filters panel.
 * @csspart chips - The list of active filters.
 * @csspart chip - One active filter (a button that removes it).
 * @csspart status - The result count and progress line (a live region).
 * @csspart results - The list of results.
 * @csspart result - One result.
 * @csspart detail - The detail view of a service.
 * @csspart error - The error message with its retry button.
 * @csspart pagination - The page navigation.
 *
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
 * @cssprop {<length>} [--relais-directory-max-width=60rem] - Largeur maximale de l’annuaire.
 */
export class RelaisDirectory extends SourceAttributesMixin(RelaisElement) {
  /** Messages: French with the element, English loaded when the element speaks English (see `messages.ts`). */
  static override messageCatalogues = [messages];
  static override styles = [...RelaisElement.styles, pageStyles, directoryStyles, suggestStyles];

  /** INSEE code of the commune to start from (e.g. `58079` for Clamecy). */
  @property() commune: string | undefined;
  /** Thematiques to start from, comma-separated (slugs or categories such as `autonomie`). */
  @property() thematiques: string | undefined;
  /** Publics to start from, comma-separated (`seniors,proches-aidants`). */
  @property() publics: string | undefined;
  /**
   * Départements served, comma-separated (`58` or `58,89`): the results are the services located there, and the place
   * autocomplete offers their communes (default: no scope; the autocomplete then offers the `commune`'s département, else
   * all of France).
   */
  @property() departements: string | undefined;
  /** Results per page (default 10). */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 10;
  /** `public` (default) or `pro`: a denser list, partner details, copy-contact button, data-quality notice. */
  @property({ reflect: true }) mode: 'public' | 'pro' = 'public';
  /** Easy-read (FALC) wording of needs and labels. */
  @property({ type: Boolean, reflect: true }) falc = false;
  /**
   * Keep the search in the page URL (`relais-…` parameters) so that a link reproduces it: needs, filters,
   * commune, page and the open service. The typed words are written only with `sync-url="text"`: they may
   * reveal the person's situation (« violences conjugales ») and an address stays in the history, in server
   * logs and in analytics.
   */
  @property({ attribute: 'sync-url', converter: { fromAttribute: (v: string | null) => (v === null ? false : v === 'text' ? 'text' : true) } }) syncUrl: boolean | 'text' = false;
  /** Hide the need tiles. */
  @property({ type: Boolean, attribute: 'hide-needs' }) hideNeeds = false;
  /** Heading level of the widget's title (1–6, default 2); its sections are one level below. 0 hides the title: the sections are then at level 2, right under the page's h1. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;
  /**
   * Base URL of the contributions API (packages/core/contributions-openapi.json, e.g. `https://annuaire.departement.fr/api`):
   * each detail then offers « Signaler une erreur ou proposer une mise à jour ». Default: `base-url` when `source="rest"`;
   * none otherwise (only the producer's own correction page, when the record names one).
   */
  @property({ attribute: 'contributions-url' }) contributionsUrl: string | undefined;
  /** Months after which a record's `date_maj` shows « À vérifier » in the results and the detail (default 12; 0: never). */
  @property({ type: Number, attribute: 'stale-after-months' }) staleAfterMonths = 12;

  @state() private text = '';
  /**
   * The words typed and not yet taken into the search: a keystroke only keeps them (the field shows them at once),
   * the search and its rendering follow after a yield to the main thread, once for the keystrokes typed meanwhile (INP).
   */
  private typed: string | null = null;
  private readonly typing = new AfterYield(() => this.takeTyped());
  /** The needs and filters chosen (an immutable value: each change assigns new filters). */
  @state() private filters = new DirectoryFilters();
  @state() private page = 1;
  /** The search's progress: `idle`, `loading`, `slow`, `error`. */
  private get status(): Status {
    return this.search.status;
  }
  /** The results shown (tests read them, as before the search had its controller). */
  private get result(): SearchResult | null {
    return this.search.result;
  }
  @state() private requestReason = '';
  @state() private announce = '';
  /** The map's area, when the person searched there (« Rechercher dans cette zone »). */
  private bbox: SearchQuery['bbox'];

  @query('#what') private whatInput!: HTMLInputElement;
  @query('#where') private whereInput!: HTMLInputElement;

  private readonly uid = `d${++instances}`;
  /** The source's failures and skipped records: shown, announced, told. */
  private readonly report = new SourceReport(this, { emit: (e) => this.emit(e), announce: (text) => (this.announce = text) });
  /** The data source: a search again when the client changes, only the latest search shown, « slow » after 300 ms. */
  protected readonly sourceCtl = new SourceController(this, {
    changed: (c) => {
      if (!c) return;
      void this.runSearch();
      if (this.placeField.unnamed && this.placeField.place?.kind === 'commune') void this.placeField.name(this.placeField.place.code);
    },
    diagnostics: (c) => this.report.diagnostics(c),
    error: (e) => this.report.fail(e),
  });
  /** The place searched, its field, its commune combobox and « Autour de moi ». */
  private readonly placeField = new PlaceField(this, {
    scope: () => ({ departements: split(this.departements), commune: this.commune }),
    t: (key, p) => this.t(key, p),
    chosen: () => ((this.page = 1), this.searchNow()),
    named: () => void (this.search.result && (this.announce = countText(this.view, this.search.result, this.placeField.place, this.search.widened))),
    announce: (text) => (this.announce = text),
    focus: () => this.whereInput?.focus(),
  });
  /** Inside a provider: its hand-offs, the map's selection and area; this search and selection shared back. */
  private readonly provider = new ProviderLink(this, {
    requested: (r) => this.takeRequest(r),
    selected: (id) => this.detail.follow(id),
    area: () => this.bbox,
    areaChanged: (bbox) => ((this.bbox = bbox), (this.page = 1), this.searchNow()),
  });
  private initialised = false;
  /** The search: its runs, its results, its progress. */
  private readonly search = new SearchRunner(this, {
    source: () => this.sourceCtl,
    context: (widen) => this.runContext(widen),
    found: (f, reveal) => this.found(f, reveal),
    failed: (e) => this.report.fail(e),
    started: () => this.initialised,
  });

  private readonly t = (key: MessageKey, p: Record<string, unknown> = {}): string => translate(messages, this.i18n.lang, key, p);
  private readonly label = (vocab: Vocabulary, value: string): string => (labels ? labels.termLabel(vocab, value, { lang: this.i18n.lang, falc: this.falc }) : value);
  private readonly needLabel = (n: Need): string => needLabel(n, this.i18n.lang, this.falc);

  /** What the render modules need: words, labels, language, mode. */
  private readonly suggest = new SuggestHook(this, () => apiBase(this.contributionsUrl ?? (this.source === 'rest' ? this.baseUrl : undefined)), () => this.i18n.lang);

  private get view(): DirectoryView {
    return { t: this.t, label: this.label, lang: this.i18n.lang, mode: this.mode, labels, staleAfterMonths: this.staleAfterMonths, suggest: this.suggest };
  }

  /** The search in the page URL (`sync-url`). */
  private readonly url = new UrlSync(this, {
    mode: () => this.syncUrl,
    state: () => {
      const p = this.placeField.place;
      return { text: this.text.trim(), commune: p?.kind === 'commune' ? p.code : undefined, ...this.filters.toUrl(), page: this.page, service: this.detail.item?.service.id };
    },
    popped: (s) => {
      const open = this.detail.item;
      this.applyUrl(s);
      if (open && !s.service) this.detail.close(true);
      this.searchNow();
    },
  });

  /** The service shown in detail, opened from a result, the map or the URL. */
  private readonly detail = new DetailState(this, {
    root: () => this.renderRoot,
    client: () => this.sourceCtl.client,
    syncUrl: () => !!this.syncUrl,
    writeUrl: () => this.url.write(),
    selected: (id) => (this.emit(new RelaisSelectEvent(id)), this.provider.select(id)),
    ready: () => labelsReady,
    fail: (e) => this.report.fail(e),
    announce: (text) => (this.announce = text),
    t: (key) => this.t(key),
  });

  // ---------- lifecycle ----------

  override connectedCallback(): void {
    super.connectedCallback();
    if (!labels) void labelsReady.then(() => this.requestUpdate());
  }

  override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (!this.initialised) {
      this.initialised = true;
      this.filters = new DirectoryFilters({ extraThematiques: split(this.thematiques), publics: split(this.publics) });
      if (this.commune) this.placeField.setCommune(this.commune);
      if (this.syncUrl) this.applyUrl(this.url.read());
    }
  }

  override updated(changed: PropertyValues<this>): void {
    if (changed.has('commune') && changed.get('commune') !== undefined && this.commune) {
      this.placeField.setCommune(this.commune);
      void this.placeField.name(this.commune);
      this.searchNow();
    }
  }

  // ---------- provider store ----------

  /** A hand-off (« Où s’adresser »): its search, from the first page, widened rather than empty, the focus taken there. */
  private takeRequest(r: DirectoryRequest): void {
    this.requestReason = r.reason ?? '';
    if (r.commune) {
      this.placeField.setCommune(r.commune);
      void this.placeField.name(r.commune);
    }
    this.detail.clear();
    // a hand-off never ends in zero results
    this.search.widenNext = 'auto';
    this.searchInstead(r.thematiques ?? [], r.typologies ?? []);
  }

  /** Another search in this one's place (a hand-off, « Demander au CCAS »): no words, its kinds only, the focus on its results. */
  private searchInstead(extraThematiques: readonly string[], typologies: readonly string[]): void {
    this.text = '';
    this.filters = this.filters.with({ needs: [], extraThematiques, typologies });
    this.page = 1;
    this.search.reveal = 'focus';
    this.searchNow();
  }

  // ---------- search ----------

  /** The current search as a query (shared with the map through the provider). */
  get query(): SearchQuery {
    const { page, pageSize, text, filters, bbox } = this;
    return buildQuery({ page, pageSize, text, filters, bbox, place: this.placeField.place, departements: split(this.departements) });
  }

  private searchNow(): void {
    this.typing.flush();
    this.search.now();
  }

  /** The words typed since the last yield, taken: shown by the element, searched when the person stops typing. */
  private takeTyped(): void {
    if (this.typed === null) return;
    this.text = this.typed;
    this.typed = null;
    this.page = 1;
    this.requestReason = '';
    if (this.isConnected) this.search.soon();
  }

  /** Runs the search; a newer search aborts an older one (no stale results ever shown). */
  runSearch(): Promise<void> {
    return this.search.run();
  }

  /** What one run of the search needs from the element, taken when it starts. */
  private runContext(widen: WidenMode | null): RunContext {
    const { communes, place } = this.placeField;
    // the labels, and the English words when the element speaks English: the count is announced in its language
    const ready = Promise.all([labelsReady, this.i18n.ready]);
    const words = () => ({ t: (key: MessageKey, p?: Record<string, unknown>) => this.t(key, p), lang: this.i18n.lang, gazetteer: (deps: string[]) => communes.gazetteer(deps) });
    return { query: this.query, place, radiusKm: this.filters.radiusKm, bbox: this.bbox, scope: split(this.departements), widen, channel: this.uid, ready, words, commune: (code) => communes.commune(code) };
  }

  /** A search found its results: said in the live region, revealed, told (event), shared with the map, in the URL. */
  private found({ q, result }: Searched, reveal: Reveal): void {
    this.report.clear();
    this.announce = announcement(this.view, { ...this.shown, result });
    if (reveal) void this.updateComplete.then(() => revealResults(this.renderRoot, reveal));
    // the commune asked, even when the search was widened beyond it; the need tile when one is chosen (measurement)
    const asked = this.placeField.place?.kind === 'commune' ? this.placeField.place.code : null;
    this.emit(new RelaisSearchEvent(result.total, { thematiques: q.thematiques ?? [], publics: q.publics ?? [], commune: q.commune ?? asked }, this.filters.needs.length === 1 ? this.filters.needs[0] : undefined));
    // the map shows the same search: the words typed too (« Aucun service » here is no « 124 services » there)
    this.url.write();
    if (this.provider.store) void this.updateComplete.then(yieldToMain).then(() => this.provider.share(q));
  }

  /** What the element shows of its search (the sentences are made from it). */
  private get shown(): Shown {
    const { result, widened, outOfReach } = this.search;
    return { result, place: this.placeField.place, widened, outOfReach, text: this.text, filters: this.filters };
  }

  // ---------- filters ----------

  /** New filters (or the same), and the search again from its first page. */
  private refilter(next: DirectoryFilters = this.filters): void {
    this.filters = next;
    this.page = 1;
    this.searchNow();
  }

  private toggle(list: FilterList, value: string): void {
    this.requestReason = '';
    this.refilter(this.filters.toggle(list, value));
  }

  private activeChips(): ActiveChip[] {
    const chips: ActiveChip[] = this.filters
      .chips({ t: this.t, need: this.needLabel, label: this.label })
      .map((c) => ({ label: c.label, remove: () => this.refilter(c.next) }));
    if (this.bbox) chips.push({ label: this.t('mapArea'), remove: () => ((this.bbox = undefined), this.provider.leaveArea(), this.refilter()) });
    return chips;
  }

  private clearAll(): void {
    this.bbox = undefined;
    this.requestReason = '';
    this.refilter(this.filters.cleared());
    this.whatInput?.focus();
  }

  // ---------- URL state ----------

  /** Applies the search read from the URL (`sync-url`). */
  private applyUrl(s: UrlState): void {
    this.text = s.text ?? this.text;
    const p = this.placeField.place;
    if (s.commune && !(p?.kind === 'commune' && p.code === s.commune)) {
      // the commune by its name, never its INSEE code (« près de Clamecy »)
      this.placeField.setCommune(s.commune);
      if (this.sourceCtl.client) void this.placeField.name(s.commune);
    }
    this.filters = this.filters.fromUrl(s);
    this.page = s.page ?? 1;
    if (s.service) void this.detail.openById(s.service);
  }

  // ---------- render ----------

  override render(): TemplateResult {
    // with the title hidden (0), the sections take its place, right under the page's heading (level 2)
    const level = this.headingLevel === 0 ? 1 : Math.min(6, Math.max(1, this.headingLevel || 2));
    return html`
      <div class="root" aria-busy=${this.status === 'slow' ? 'true' : 'false'}>
        ${this.headingLevel === 0 ? nothing : heading(level, this.t('title'), { id: 'title' })}
        ${this.renderForm()}
        ${this.detail.item ? renderDetail(this.view, this.detail.item, level, this.detail.handlers) : html`${this.hideNeeds ? nothing : this.renderNeeds(level)} ${this.renderFilters()} ${this.renderResults(level)}`}
        <p class="visually-hidden" role="status" aria-live="polite" aria-atomic="true" id="live">${this.announce}</p>
      </div>
    `;
  }

  private renderForm(): TemplateResult {
    return renderSearchForm(this.view, { uid: this.uid, text: this.text, ...this.placeField.formState }, this.formHandlers);
  }

  private readonly formHandlers: SearchFormHandlers = {
    submit: (e) => void this.onSubmit(e),
    textInput: (value) => {
      this.typed = value;
      this.typing.schedule();
    },
    ...this.placeField.handlers,
  };

  private async onSubmit(e: Event): Promise<void> {
    e.preventDefault();
    this.typing.flush();
    this.placeField.communes.close();
    if (!(await this.placeField.resolveTyped())) return;
    this.page = 1;
    this.search.reveal = 'scroll';
    this.searchNow();
  }

  private renderNeeds(level: number): unknown {
    return guard([this.filters.needs, this.i18n.lang, this.mode, this.falc, labels, level], () => renderNeeds(this.view, level, this.falc, this.filters.needs, this.needLabel, (id) => ((this.search.reveal = 'scroll'), this.toggle('needs', id))));
  }

  /** Unchanged while the person types: the filters, the results, the place and the words the panel shows are the same. */
  private renderFilters(): unknown {
    const canSortUpdated = this.sourceCtl.client?.source === 'static' || this.sourceCtl.client?.source === 'rest';
    const deps = [this.filters, this.result, this.placeField.place, canSortUpdated, this.bbox, this.i18n.lang, this.mode, this.falc, labels];
    return guard(deps, () => renderFiltersPanel(this.view, {
      filters: this.filters,
      result: this.result,
      hasPlace: !!this.placeField.place,
      canSortUpdated,
      chips: this.activeChips(),
      toggle: (list, value) => this.toggle(list, value),
      change: (next) => this.refilter(next),
      clearAll: () => this.clearAll(),
    }));
  }

  private renderResults(level: number): TemplateResult {
    const { uid, requestReason } = this;
    const { skipped, error } = this.report;
    // the list is rendered again only when the results, or the words and labels it is written with, change
    const listKey = [this.result, this.i18n.lang, this.mode, this.falc, labels, this.staleAfterMonths, level];
    const rest = { itemId: (i: number) => `${uid}-open-${i}`, requestReason, skipped, error, slow: this.status === 'slow', listKey };
    return renderResults(this.view, resultsState(this.view, this.shown, rest, () => this.activeChips()), level, this.resultHandlers);
  }

  private readonly resultHandlers: ResultsHandlers = {
    open: (item, id) => this.detail.open(item, id),
    copy: this.detail.handlers.copy,
    retry: () => (this.sourceCtl.client?.refresh(), this.searchNow()),
    goPage: (p) => this.goPage(p),
    showDepartement: () => ((this.search.widenNext = 'departement'), (this.page = 1), this.searchNow()),
    widenRadius: () => ((this.filters = this.filters.with({ radiusKm: undefined })), this.searchNow()),
    askCcas: () => this.askCcas(),
    clearWords: () => ((this.text = ''), this.searchNow()),
  };

  private goPage(p: number): void {
    this.page = p;
    // the pages of widened results are widened the same way
    this.search.widenNext = this.search.widened ? this.search.widenedBy : null;
    void this.runSearch().then(() => this.renderRoot.querySelector<HTMLElement>('#results-title')?.focus());
  }

  /** The way out of « none serves your town »: the social action centre (CCAS/CIAS) or town hall near the place. */
  private askCcas(): void {
    const recognized = this.result?.recognizedPlace;
    if (recognized && this.placeField.place?.kind !== 'commune') this.placeField.place = { kind: 'commune', code: recognized.code, name: recognized.name };
    if (recognized) this.placeField.text = recognized.name;
    this.searchInstead([], ['ccas-cias']);
  }
}
