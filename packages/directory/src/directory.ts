import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state, query } from 'lit/decorators.js';
import { ContextConsumer } from '@lit/context';
import {
  RelaisElement,
  RelaisError,
  RelaisErrorEvent,
  RelaisDataWarningEvent,
  RelaisSearchEvent,
  RelaisSelectEvent,
  clientContext,
  storeContext,
  clientFromAttributes,
  sourceChanged,
  translate,
  isSafeId,
  heading,
  departementOf,
  departementName,
  isAbortError,
  type Commune,
  type RelaisClient,
  type RelaisStore,
  type SearchItem,
  type SearchQuery,
  type SearchResult,
  type Dataset,
  type StoreChangeEvent,
} from '@relais/core';
import { messages, type MessageKey } from './messages.js';
import type { Need } from './needs.js';
import { DirectoryFilters, readUrlState, split, writeUrlState, type FilterList } from './filters.js';
import { renderFiltersPanel } from './render/filters-panel.js';
import { renderNeeds, renderSearchForm, type SearchFormHandlers } from './render/search-form.js';
import { DirectoryGazetteers } from './places.js';
import { COMMUNE_KM, widenSearch, type OutOfReach, type WidenMode } from './widen.js';
import { directoryStyles } from './directory.styles.js';
import { renderResults, type ResultsHandlers, type ResultsState } from './render/results.js';
import { renderDetail, type DetailHandlers } from './render/detail.js';
import type { ActiveChip, DirectoryView } from './render/view.js';
import type * as LabelsModule from '@relais/core/labels';

/**
 * Vocabulary labels and opening hours are needed only with results: they load on demand, beside the data, so that
 * the search form renders before them (bench/README.md, "Sizes").
 */
let labels: typeof LabelsModule | undefined;
const labelsReady: Promise<typeof LabelsModule> = import('@relais/core/labels').then((m) => (labels = m));

type Place = { kind: 'commune'; code: string; name: string } | { kind: 'near'; lat: number; lon: number; name: string | null };
type Status = 'idle' | 'loading' | 'slow' | 'error';
/** After a search, what the person is shown: the results heading focused (a hand-off), the count in view (a tile, a submit). */
type Reveal = 'focus' | 'scroll' | null;

const SLOW_MS = 300;
const TYPE_DEBOUNCE_MS = 180;
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
export class RelaisDirectory extends RelaisElement {
  /** Messages: French with the element, English loaded when the element speaks English (see `messages.ts`). */
  static override messageCatalogues = [messages];
  static override styles = [...RelaisElement.styles, directoryStyles];

  /** URL of a static JSON file in the data·inclusion shape (standalone use). */
  @property() src: string | undefined;
  /** Kind of source when standalone: `static`, `data-inclusion` or `rest`. */
  @property() source: 'static' | 'data-inclusion' | 'rest' | undefined;
  /** Base URL of the data·inclusion API (or its proxy) or of a Relais REST API (standalone use). */
  @property({ attribute: 'base-url' }) baseUrl: string | undefined;
  /** A dataset object (standalone use, property only). */
  @property({ attribute: false }) data: Dataset | undefined;
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

  private _client: RelaisClient | undefined;
  /** The client in use: the provider's, or one built from the attributes, or one set here. */
  @property({ attribute: false })
  get client(): RelaisClient | undefined {
    return this._client ?? this.provided.value;
  }
  set client(c: RelaisClient | undefined) {
    const old = this._client;
    this._client = c;
    this.requestUpdate('client', old);
  }

  @state() private text = '';
  @state() private placeText = '';
  @state() private place: Place | null = null;
  @state() private placeError = '';
  @state() private suggestions: Commune[] = [];
  @state() private activeSuggestion = -1;
  @state() private locating = false;
  /** The needs and filters chosen (an immutable value: each change assigns new filters). */
  @state() private filters = new DirectoryFilters();
  @state() private page = 1;
  @state() private result: SearchResult | null = null;
  @state() private status: Status = 'idle';
  @state() private error: RelaisError | null = null;
  @state() private detail: SearchItem | null = null;
  @state() private requestReason = '';
  /** Why the results shown are wider than asked (« Aucun service de ce type à moins de 50 km de … : voici … »). */
  @state() private widened = '';
  /** Why a search near a commune found nothing although the département has matching services, and how many. */
  @state() private outOfReach: OutOfReach | null = null;
  /** The next search widens itself if it finds nothing (a hand-off), or shows the département (`departement`). */
  private widenNext: WidenMode | null = null;
  /** How the results shown were widened: their other pages are read the same way. */
  private widenedBy: WidenMode | null = null;
  private reveal: Reveal = null;
  @state() private announce = '';
  @state() private skipped = 0;

  @query('#what') private whatInput!: HTMLInputElement;
  @query('#where') private whereInput!: HTMLInputElement;

  private readonly uid = `d${++instances}`;
  private readonly provided = new ContextConsumer(this, { context: clientContext, subscribe: true });
  protected readonly storeCtx = new ContextConsumer(this, { context: storeContext, subscribe: true, callback: (s) => this.attachStore(s) });
  private store: RelaisStore | undefined;
  private ownClient: RelaisClient | undefined;
  private typeTimer: ReturnType<typeof setTimeout> | undefined;
  private slowTimer: ReturnType<typeof setTimeout> | undefined;
  private searchSeq = 0;
  /** Aborted when the element leaves the page: its searches stop. */
  private lifetime = new AbortController();
  private returnFocusTo: string | null = null;
  /** Where the person was when another widget (the map) opened a detail: the focus goes back there. */
  private returnFocusEl: HTMLElement | null = null;
  private initialised = false;
  /** The place field holds what the person typed, not yet resolved (the commune's name must not overwrite it). */
  private placeTyped = false;
  private listenedClient: RelaisClient | undefined;

  private t(key: MessageKey, p: Record<string, unknown> = {}): string {
    return translate(messages, this.i18n.lang, key, p);
  }

  private label(vocab: Parameters<typeof LabelsModule.termLabel>[0], value: string): string {
    return labels ? labels.termLabel(vocab, value, { lang: this.i18n.lang, falc: this.falc }) : value;
  }

  /** What the render modules need: words, labels, language, mode. */
  private get view(): DirectoryView {
    return { t: (key, p) => this.t(key, p), label: (vocab, value) => this.label(vocab, value), lang: this.i18n.lang, mode: this.mode, labels };
  }

  private readonly detailHandlers: DetailHandlers = {
    close: () => this.closeDetail(),
    copy: (item) => void this.copyContact(item),
  };

  // ---------- lifecycle ----------

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.lifetime.signal.aborted) {
      // put back in the page: the search stopped on removal runs again
      this.lifetime = new AbortController();
      if (this.initialised) this.searchNow();
    }
    if (!labels) void labelsReady.then(() => this.requestUpdate());
    if (this.syncUrl) window.addEventListener('popstate', this.onPopState);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // a removed directory stops its searches (and their retries)
    this.lifetime.abort();
    window.removeEventListener('popstate', this.onPopState);
    this.store?.removeEventListener('change', this.onStoreChange);
    this.listenedClient?.removeEventListener('diagnostics', this.onDiagnostics);
    clearTimeout(this.typeTimer);
    clearTimeout(this.slowTimer);
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (sourceChanged(changed)) {
      const { client, error } = clientFromAttributes(this);
      this.ownClient = client;
      if (error) this.fail(error);
    }
    if (!this.initialised) {
      this.initialised = true;
      this.filters = new DirectoryFilters({ extraThematiques: split(this.thematiques), publics: split(this.publics) });
      if (this.commune) this.place = { kind: 'commune', code: this.commune, name: this.commune };
      if (this.syncUrl) this.applyUrlState();
    }
  }

  override updated(changed: PropertyValues<this>): void {
    const client = this.activeClient();
    if (client !== this.listenedClient) {
      this.listenedClient?.removeEventListener('diagnostics', this.onDiagnostics);
      client?.addEventListener('diagnostics', this.onDiagnostics);
      this.listenedClient = client;
      if (client) {
        this.onDiagnostics();
        void this.runSearch();
        if (this.place?.kind === 'commune' && this.place.name === this.place.code) void this.nameCommune(this.place.code);
      }
    }
    if (changed.has('commune') && changed.get('commune') !== undefined && this.commune) {
      this.place = { kind: 'commune', code: this.commune, name: this.commune };
      this.placeTyped = false;
      void this.nameCommune(this.commune);
      this.searchNow();
    }
  }

  private activeClient(): RelaisClient | undefined {
    return this._client ?? this.ownClient ?? this.provided.value;
  }

  // ---------- provider store ----------

  private attachStore(s: RelaisStore | undefined): void {
    this.store?.removeEventListener('change', this.onStoreChange);
    this.store = s;
    s?.addEventListener('change', this.onStoreChange);
    if (s?.request) this.takeRequest();
  }

  private onStoreChange = (e: Event): void => {
    const what = (e as StoreChangeEvent).what;
    if (what === 'request') this.takeRequest();
    if (what === 'selection') {
      const id = this.store?.selected;
      if (id && id !== this.detail?.service.id) void this.openById(id, deepActiveElement(), true);
      if (id === null && this.detail) this.closeDetail();
    }
    if (what === 'filters' && this.store) {
      // another widget (the map) narrowed the area: follow its bounding box
      const bbox = this.store.filters.bbox;
      if (bbox && JSON.stringify(bbox) !== JSON.stringify(this.bbox)) {
        this.bbox = bbox;
        this.page = 1;
        this.searchNow();
      }
    }
  };

  private bbox: SearchQuery['bbox'];

  private takeRequest(): void {
    const r = this.store?.takeRequest();
    if (!r) return;
    this.text = '';
    this.filters = this.filters.with({ needs: [], extraThematiques: r.thematiques ?? [], typologies: r.typologies ?? [] });
    this.requestReason = r.reason ?? '';
    if (r.commune) {
      this.place = { kind: 'commune', code: r.commune, name: r.commune };
      this.placeTyped = false;
      void this.nameCommune(r.commune);
    }
    this.detail = null;
    this.page = 1;
    // a hand-off never ends in zero results, and takes the person to them
    this.widenNext = 'auto';
    this.reveal = 'focus';
    this.searchNow();
  }

  // ---------- query ----------

  /** The current search as a query (shared with the map through the provider). */
  get query(): SearchQuery {
    const q: SearchQuery = { page: this.page, pageSize: this.pageSize };
    if (this.text.trim()) q.text = this.text.trim();
    this.filters.applyTo(q);
    if (this.bbox) q.bbox = this.bbox;
    const deps = split(this.departements);
    if (deps.length) q.departements = deps;
    if (this.place?.kind === 'commune') {
      q.commune = this.place.code;
      if (this.filters.radiusKm) {
        // a radius with a commune: the client measures from the commune's centre
        q.near = undefined;
      }
    } else if (this.place?.kind === 'near') {
      q.near = { lat: this.place.lat, lon: this.place.lon, radiusKm: this.filters.radiusKm ?? 50 };
    }
    return q;
  }

  private async effectiveQuery(): Promise<SearchQuery> {
    const q = this.query;
    if (q.commune && this.filters.radiusKm) {
      const g = await this.gazetteers.load([departementOf(q.commune)]);
      const c = g.get(q.commune);
      if (c) q.near = { lat: c.lat, lon: c.lon, radiusKm: this.filters.radiusKm };
    }
    return q;
  }

  private searchSoon(): void {
    clearTimeout(this.typeTimer);
    this.typeTimer = setTimeout(() => void this.runSearch(), TYPE_DEBOUNCE_MS);
  }

  private searchNow(): void {
    clearTimeout(this.typeTimer);
    void this.runSearch();
  }

  /** Runs the search; a newer search aborts an older one (no stale results ever shown). */
  async runSearch(): Promise<void> {
    const client = this.activeClient();
    if (!client) return;
    const seq = ++this.searchSeq;
    const widen = this.widenNext;
    const reveal = this.reveal;
    this.widenNext = null;
    this.reveal = null;
    this.status = 'loading';
    clearTimeout(this.slowTimer);
    this.slowTimer = setTimeout(() => {
      if (seq === this.searchSeq && this.status === 'loading') this.status = 'slow';
    }, SLOW_MS);
    try {
      const asked = await this.effectiveQuery();
      const opts = { channel: this.uid, signal: this.lifetime.signal };
      const [first] = await Promise.all([client.search(asked, opts), labelsReady]);
      const ask = { byCommune: this.place?.kind === 'commune' && !this.bbox, radiusKm: this.filters.radiusKm, mode: widen, scope: split(this.departements), current: () => seq === this.searchSeq };
      const found = await widenSearch(client, asked, first, ask, opts, { t: (key, p) => this.t(key, p), lang: this.i18n.lang, gazetteer: (deps) => this.gazetteers.load(deps) });
      if (!found || seq !== this.searchSeq) return;
      const { q, result, widened, outOfReach } = found;
      if (found.widenedBy !== undefined) this.widenedBy = found.widenedBy;
      this.result = result;
      this.widened = widened;
      this.outOfReach = outOfReach;
      this.error = null;
      this.status = 'idle';
      const recognized = result.recognizedPlace ? this.t('recognizedPlace', { place: result.recognizedPlace.name }) : '';
      const elsewhere = !outOfReach && result.total === 0 && result.elsewhere?.total ? this.elsewhereText(result.elsewhere) : '';
      this.announce = [recognized, widened, this.countText(result), this.unsupportedText(result), outOfReach ? this.outOfReachText(outOfReach) : '', elsewhere].filter(Boolean).join(' ');
      if (reveal) void this.revealResults(reveal);
      this.emit(new RelaisSearchEvent(result.total, { thematiques: q.thematiques ?? [], publics: q.publics ?? [], commune: q.commune ?? asked.commune ?? null }, this.filters.needs.length === 1 ? this.filters.needs[0] : undefined));
      // the map shows the same search: the words typed too (« Aucun service » here is no « 124 services » there)
      this.store?.setFilters({ text: q.text, thematiques: q.thematiques, publics: q.publics, typologies: q.typologies, modesAccueil: q.modesAccueil, frais: q.frais, commune: q.commune, near: q.near, bbox: this.store.filters.bbox, departements: q.departements });
      if (this.syncUrl) this.pushUrlState();
    } catch (e) {
      if (isAbortError(e) || seq !== this.searchSeq) return;
      this.status = 'error';
      this.fail(e);
    } finally {
      if (seq === this.searchSeq) clearTimeout(this.slowTimer);
    }
  }

  private outOfReachText(o: { n: number; dep: string }): string {
    return this.t('outOfReach', { n: o.n, dep: departementName(o.dep) ?? o.dep, place: this.place?.kind === 'commune' ? this.place.name : '', km: COMMUNE_KM });
  }

  /**
   * Shows the results: a hand-off scrolls them into view and focuses their heading; a tile or a submitted search only
   * brings the count into view (the focus stays where the person is). Smooth scrolling unless reduced motion is asked.
   */
  private async revealResults(how: Exclude<Reveal, null>): Promise<void> {
    await this.updateComplete;
    const behavior: ScrollBehavior = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth';
    if (how === 'focus') {
      const h = this.renderRoot.querySelector<HTMLElement>('#results-title');
      h?.focus({ preventScroll: true });
      h?.scrollIntoView({ block: 'start', behavior });
    } else {
      this.renderRoot.querySelector<HTMLElement>('.status')?.scrollIntoView({ block: 'nearest', behavior });
    }
  }

  private fail(e: unknown): void {
    const err = e instanceof RelaisError ? e : new RelaisError('network', { detail: String(e) });
    this.error = err;
    this.announce = err.message;
    this.emit(new RelaisErrorEvent(err.kind, err.message, err.status));
  }

  private onDiagnostics = (): void => {
    const d = this.activeClient()?.diagnostics;
    if (!d || d.skipped + d.warnings === 0 || d.skipped === this.skipped) return;
    this.skipped = d.skipped;
    this.emit(new RelaisDataWarningEvent(d.skipped, d.warnings, d.received));
  };

  private countText(r: SearchResult): string {
    // a remote source that read only its first pages gives a lower bound: « Au moins 12 services trouvés près de … »
    // … and none among them is no « Aucun service »: the rest was not read
    if (r.totalIsMinimum && r.total === 0) return this.t('countNoneRead');
    if (r.totalIsMinimum && r.total > 0) {
      const exact = this.countText({ ...r, totalIsMinimum: false });
      return this.t('countAtLeast', { count: exact.charAt(0).toLowerCase() + exact.slice(1) });
    }
    // widened results are not « près de » the commune: the notice above them says where they are
    // … nor « près de 58079 » while the commune's name is on its way
    if (!this.place || this.widened || (this.place.kind === 'commune' && this.place.name === this.place.code)) return this.t('count', { n: r.total });
    // « 12 services trouvés près de Clamecy », « 137 services trouvés autour de vous, près de Clamecy »
    const place = this.place.kind === 'near' ? this.t('nearYou', { name: this.place.name }) : this.t('nearPlace', { name: this.place.name });
    return this.t('countNear', { n: r.total, place });
  }

  /** What the source could not filter (`unsupported`), as a sentence: « Ce répertoire ne permet pas de filtrer par … ». */
  private unsupportedText(r: SearchResult): string {
    const names = r.unsupported.filter((u) => u !== 'facets').map((u) => {
      const [filter, value] = u.split(':') as [string, string | undefined];
      // a value: its label; a whole filter: the name of its control
      const control = ({ typologies: 'kind', radiusKm: 'distance', openAt: 'openNow', near: 'aroundMe' } as Record<string, Parameters<typeof this.t>[0]>)[filter];
      const label = value !== undefined ? this.label(filter === 'thematiques' && !value.includes('--') ? 'categories' : (filter as Parameters<typeof this.label>[0]), value) : control ? this.t(control) : filter;
      return this.i18n.lang === 'en' ? `“${label}”` : `« ${label} »`;
    });
    return names.length ? this.t('unsupported', { list: new Intl.ListFormat(this.i18n.lang, { type: 'conjunction' }).format(names) }) : '';
  }

  // ---------- places ----------

  private readonly gazetteers = new DirectoryGazetteers(() => ({ departements: split(this.departements), commune: this.commune }));

  private async nameCommune(code: string): Promise<void> {
    const g = await this.gazetteers.load([departementOf(code)]);
    const c = g.get(code);
    if (c && this.place?.kind === 'commune' && this.place.code === code) {
      this.place = { kind: 'commune', code, name: c.name };
      if (!this.placeTyped) this.placeText = c.name;
      if (this.result) this.announce = this.countText(this.result);
    }
  }

  private async onPlaceInput(e: InputEvent): Promise<void> {
    this.placeText = (e.target as HTMLInputElement).value;
    this.placeTyped = true;
    this.placeError = '';
    const value = this.placeText;
    if (value.trim().length < 2) {
      this.suggestions = [];
      return;
    }
    const g = await this.gazetteers.load();
    if (value !== this.placeText) return;
    let found = g.search(value, { limit: 8 });
    if (!found.length && value.trim().length >= 4) {
      found = (await this.gazetteers.widerFor(value, false)).search(value, { limit: 8 });
      if (value !== this.placeText) return;
    }
    this.suggestions = found;
    this.activeSuggestion = -1;
  }

  private onPlaceKeydown(e: KeyboardEvent): void {
    const n = this.suggestions.length;
    if (e.key === 'ArrowDown' && n) {
      e.preventDefault();
      this.activeSuggestion = (this.activeSuggestion + 1) % n;
    } else if (e.key === 'ArrowUp' && n) {
      e.preventDefault();
      this.activeSuggestion = (this.activeSuggestion - 1 + n) % n;
    } else if (e.key === 'Enter' && n && this.activeSuggestion >= 0) {
      e.preventDefault();
      this.choosePlace(this.suggestions[this.activeSuggestion]!);
    } else if (e.key === 'Escape' && n) {
      e.preventDefault();
      this.suggestions = [];
    }
  }

  private choosePlace(c: Commune): void {
    this.place = { kind: 'commune', code: c.code, name: c.name };
    this.placeText = c.name;
    this.placeTyped = false;
    this.suggestions = [];
    this.placeError = '';
    this.page = 1;
    this.searchNow();
  }

  /** Resolves what was typed in the place field when the form is submitted. */
  private async resolveTypedPlace(): Promise<boolean> {
    const typed = this.placeText.trim();
    if (!typed) {
      // an empty field the person never touched is the commune still being named (the page's `commune`, a hand-off):
      // a search submitted before its name arrives keeps it
      if (!this.placeTyped && this.place?.kind === 'commune') return true;
      this.place = null;
      return true;
    }
    if (this.place && (this.place.name === typed || (this.place.kind === 'near' && typed === this.t('aroundMeLabel', { name: this.place.name })))) return true;
    const g = await this.gazetteers.load();
    // a real commune outside the départements served (Auxerre) is found too: the results then say the data has none there
    const hit = g.search(typed, { limit: 1 })[0] ?? (await this.gazetteers.widerFor(typed, false)).search(typed, { limit: 1 })[0];
    if (!hit) {
      this.placeError = this.t('placeUnknown');
      this.announce = this.placeError;
      this.whereInput?.focus();
      // meanwhile the whole of France (≈ 650 kB): a real commune far from the départements served is then taken
      void this.gazetteers.widerFor(typed, true)
        .then((all) => {
          const far = all.search(typed, { limit: 1 })[0];
          if (!far || this.placeText.trim() !== typed) return;
          this.choosePlace(far);
        })
        .catch(() => undefined);
      return false;
    }
    this.place = { kind: 'commune', code: hit.code, name: hit.name };
    this.placeText = hit.name;
    this.placeTyped = false;
    return true;
  }

  private aroundMe(): void {
    if (!('geolocation' in navigator)) {
      this.placeError = this.t('geoRefused');
      this.whereInput?.focus();
      return;
    }
    this.locating = true;
    this.placeError = '';
    navigator.geolocation.getCurrentPosition(
      async (pos) => {
        this.locating = false;
        const { latitude: lat, longitude: lon } = pos.coords;
        let name: string | null = null;
        try {
          name = (await this.gazetteers.load()).nearest(lat, lon)?.name ?? null;
        } catch {
          name = null;
        }
        this.place = { kind: 'near', lat, lon, name };
        this.placeText = this.t('aroundMeLabel', { name });
        this.placeTyped = false;
        this.page = 1;
        this.searchNow();
      },
      () => {
        this.locating = false;
        this.placeError = this.t('geoRefused');
        this.announce = this.placeError;
        this.whereInput?.focus();
      },
      { timeout: 10_000, maximumAge: 600_000 },
    );
  }

  // ---------- filters ----------

  private toggle(list: FilterList, value: string): void {
    this.filters = this.filters.toggle(list, value);
    this.page = 1;
    this.requestReason = '';
    this.searchNow();
  }

  private activeChips(): ActiveChip[] {
    const re = (next: DirectoryFilters) => {
      this.filters = next;
      this.page = 1;
      this.searchNow();
    };
    const chips: ActiveChip[] = this.filters
      .chips({ t: (key, p) => this.t(key, p), need: (n) => this.needLabel(n), label: (vocab, value) => this.label(vocab, value) })
      .map((c) => ({ label: c.label, remove: () => re(c.next) }));
    if (this.bbox) chips.push({ label: this.i18n.lang === 'en' ? 'Map area' : 'Zone de la carte', remove: () => ((this.bbox = undefined), this.store?.setFilters({ ...this.store.filters, bbox: undefined }), re(this.filters)) });
    return chips;
  }

  private clearAll(): void {
    this.filters = this.filters.cleared();
    this.bbox = undefined;
    this.requestReason = '';
    this.page = 1;
    this.searchNow();
    this.whatInput?.focus();
  }

  private needLabel(n: Need): string {
    return this.i18n.lang === 'en' ? n.labelEn : this.falc ? n.falc : n.label;
  }

  // ---------- detail ----------

  /** Opens a service's detail; `from`: the element that had the focus in another widget; `byPerson`: not from the URL. */
  private async openById(id: string, from: HTMLElement | null = null, byPerson = false): Promise<void> {
    const client = this.activeClient();
    if (!client || !isSafeId(id)) return;
    try {
      const [item] = await Promise.all([client.get(id), labelsReady]);
      this.openDetail(item, null, from, byPerson);
    } catch (e) {
      if (!isAbortError(e)) this.fail(e);
    }
  }

  /**
   * Shows a detail, scrolled into view with the focus on its heading. With `sync-url`, a detail opened by the
   * person is a history entry (Back closes it); one read from the URL is not.
   */
  private openDetail(item: SearchItem, fromButtonId: string | null, from: HTMLElement | null = null, byPerson = true): void {
    const wasOpen = this.detail !== null;
    this.returnFocusTo = fromButtonId;
    this.returnFocusEl = from && !this.renderRoot.contains(from) && from !== document.body ? from : null;
    this.detail = item;
    this.emit(new RelaisSelectEvent(item.service.id));
    this.store?.select(item.service.id);
    if (this.syncUrl) {
      // a detail the person opens is a history entry of its own (Back closes it); its address is written just after
      if (byPerson && !wasOpen) {
        const state: unknown = history.state;
        history.pushState({ ...(state && typeof state === 'object' ? state : {}), relaisDetail: item.service.id }, '', location.href);
      }
      this.pushUrlState();
    }
    void this.updateComplete.then(() => {
      this.renderRoot.querySelector<HTMLElement>('.detail')?.scrollIntoView({ block: 'start' });
      this.renderRoot.querySelector<HTMLElement>('#detail-title')?.focus({ preventScroll: true });
    });
  }

  /** Closes the detail (`fromHistory`: Back was pressed); the focus goes back where the person was. */
  private closeDetail(fromHistory = false): void {
    const entry = (history.state as { relaisDetail?: string } | null)?.relaisDetail;
    if (!fromHistory && this.syncUrl && this.detail && entry === this.detail.service.id) {
      // the detail is the current history entry: going back closes it (see onPopState) and keeps Back consistent
      history.back();
      return;
    }
    this.detail = null;
    this.emit(new RelaisSelectEvent(null));
    this.store?.select(null);
    if (this.syncUrl && !fromHistory) this.pushUrlState();
    const back = this.returnFocusTo;
    const elsewhere = this.returnFocusEl;
    this.returnFocusEl = null;
    void this.updateComplete.then(() => {
      if (elsewhere?.isConnected) return elsewhere.focus();
      const target = (back && this.renderRoot.querySelector<HTMLElement>(`#${back}`)) || this.renderRoot.querySelector<HTMLElement>('#results-title');
      if (!target) return;
      target.focus();
      // Back to an address with a fragment (`#contenu`): the browser then moves the focus to the page's body, after
      // this; while the person has not moved on, the focus is put back on the result line (WCAG 2.4.3)
      const keep = (e: FocusEvent): void => {
        if (e.relatedTarget) return;
        setTimeout(() => {
          const a = document.activeElement;
          if (!a || a === document.body) target.focus({ preventScroll: true });
        });
      };
      target.addEventListener('focusout', keep);
      setTimeout(() => target.removeEventListener('focusout', keep), 1000);
    });
  }

  private async copyContact(item: SearchItem): Promise<void> {
    const { service: s, structure: st } = item;
    const lines = [st?.nom ?? s.nom, s.nom !== st?.nom ? s.nom : '', [s.adresse ?? st?.adresse, [s.code_postal ?? st?.code_postal, s.commune ?? st?.commune].filter(Boolean).join(' ')].filter(Boolean).join(', '), s.telephone ?? st?.telephone ?? '', s.courriel ?? st?.courriel ?? ''].filter(Boolean);
    try {
      await navigator.clipboard.writeText(lines.join('\n'));
      this.announce = this.t('copied');
    } catch {
      // clipboard refused (permissions): nothing copied, nothing to announce
    }
  }

  // ---------- URL state ----------

  private applyUrlState(): void {
    const s = readUrlState(new URLSearchParams(location.search), { text: this.syncUrl === 'text' });
    this.text = s.text ?? this.text;
    if (s.commune && !(this.place?.kind === 'commune' && this.place.code === s.commune)) {
      // the commune by its name, never its INSEE code (« près de Clamecy »)
      this.place = { kind: 'commune', code: s.commune, name: s.commune };
      if (this.activeClient()) void this.nameCommune(s.commune);
    }
    this.filters = this.filters.fromUrl(s);
    this.page = s.page ?? 1;
    if (s.service) void this.openById(s.service);
  }

  private pushUrlState(): void {
    const next = writeUrlState(new URL(location.href), {
      text: this.text.trim(),
      commune: this.place?.kind === 'commune' ? this.place.code : undefined,
      ...this.filters.toUrl(),
      page: this.page,
      service: this.detail?.service.id,
    }, { text: this.syncUrl === 'text' });
    if (next.href !== location.href) history.replaceState(history.state, '', next.href);
  }

  private onPopState = (): void => {
    const open = this.detail;
    this.applyUrlState();
    if (open && !readUrlState(new URLSearchParams(location.search)).service) this.closeDetail(true);
    this.searchNow();
  };

  // ---------- render ----------

  override render(): TemplateResult {
    // with the title hidden (0), the sections take its place, right under the page's heading (level 2)
    const level = this.headingLevel === 0 ? 1 : Math.min(6, Math.max(1, this.headingLevel || 2));
    return html`
      <div class="root" aria-busy=${this.status === 'slow' ? 'true' : 'false'}>
        ${this.headingLevel === 0 ? nothing : heading(level, this.t('title'), { id: 'title' })}
        ${this.renderForm()}
        ${this.detail ? renderDetail(this.view, this.detail, level, this.detailHandlers) : html`${this.hideNeeds ? nothing : this.renderNeeds(level)} ${this.renderFilters()} ${this.renderResults(level)}`}
        <p class="visually-hidden" role="status" aria-live="polite" aria-atomic="true" id="live">${this.announce}</p>
      </div>
    `;
  }

  private renderForm(): TemplateResult {
    const { uid, text, placeText, placeError, suggestions, activeSuggestion, locating } = this;
    return renderSearchForm(this.view, { uid, text, placeText, placeError, suggestions, activeSuggestion, locating }, this.formHandlers);
  }

  private readonly formHandlers: SearchFormHandlers = {
    submit: (e) => void this.onSubmit(e),
    textInput: (value) => {
      this.text = value;
      this.page = 1;
      this.requestReason = '';
      this.searchSoon();
    },
    placeInput: (e) => void this.onPlaceInput(e),
    placeKeydown: (e) => this.onPlaceKeydown(e),
    placeBlur: () => setTimeout(() => (this.suggestions = []), 150),
    choose: (c) => this.choosePlace(c),
    aroundMe: () => this.aroundMe(),
  };

  private async onSubmit(e: Event): Promise<void> {
    e.preventDefault();
    this.suggestions = [];
    if (!(await this.resolveTypedPlace())) return;
    this.page = 1;
    this.reveal = 'scroll';
    this.searchNow();
  }

  private renderNeeds(level: number): TemplateResult {
    return renderNeeds(this.view, level, this.falc, this.filters.needs, (n) => this.needLabel(n), (id) => ((this.reveal = 'scroll'), this.toggle('needs', id)));
  }

  private renderFilters(): TemplateResult {
    return renderFiltersPanel(this.view, {
      filters: this.filters,
      result: this.result,
      hasPlace: !!this.place,
      chips: this.activeChips(),
      toggle: (list, value) => this.toggle(list, value),
      change: (next) => ((this.filters = next), (this.page = 1), this.searchNow()),
      clearAll: () => this.clearAll(),
    });
  }

  private renderResults(level: number): TemplateResult {
    const r = this.result;
    const state: ResultsState = {
      result: r,
      itemId: (i) => `${this.uid}-open-${i}`,
      requestReason: this.requestReason,
      skipped: this.skipped,
      error: this.error,
      slow: this.status === 'slow',
      countText: r ? this.countText(r) : '',
      unsupportedText: r ? this.unsupportedText(r) : '',
      widened: this.widened,
      empty: () => {
        const out = this.outOfReach;
        const elsewhere = this.result?.elsewhere?.total ? this.result.elsewhere : null;
        return {
          chips: this.activeChips(),
          canWiden: !!this.place && (this.filters.radiusKm ?? 50) < 50,
          text: this.text,
          outOfReach: out,
          outOfReachText: out ? this.outOfReachText(out) : '',
          elsewhere: !!elsewhere,
          elsewhereText: elsewhere ? this.elsewhereText(elsewhere) : '',
          placeName: this.searchedPlaceName(),
          ccasAsked: this.filters.typologies.includes('ccas-cias'),
          partial: !!this.result?.totalIsMinimum,
        };
      },
    };
    return renderResults(this.view, state, level, this.resultHandlers);
  }

  private readonly resultHandlers: ResultsHandlers = {
    open: (item, id) => this.openDetail(item, id),
    copy: (item) => void this.copyContact(item),
    retry: () => (this.activeClient()?.refresh(), this.searchNow()),
    goPage: (p) => this.goPage(p),
    showDepartement: () => ((this.widenNext = 'departement'), (this.page = 1), this.searchNow()),
    widenRadius: () => ((this.filters = this.filters.with({ radiusKm: undefined })), this.searchNow()),
    askCcas: () => this.askCcas(),
    clearWords: () => ((this.text = ''), this.searchNow()),
  };

  private goPage(p: number): void {
    this.page = p;
    // the pages of widened results are widened the same way
    this.widenNext = this.widened ? this.widenedBy : null;
    void this.runSearch().then(() => this.renderRoot.querySelector<HTMLElement>('#results-title')?.focus());
  }

  /** The place of the search, by name: the commune chosen, the one recognised among the words, or « Autour de moi »'s. */
  private searchedPlaceName(): string {
    return this.result?.recognizedPlace?.name ?? (this.place?.kind === 'commune' ? this.place.name : (this.place?.name ?? ''));
  }

  /** « 11 services correspondant à « portage de repas » existent dans ces données, mais aucun ne dessert Clamecy. » */
  private elsewhereText(e: NonNullable<SearchResult['elsewhere']>): string {
    return this.t('elsewhere', { ...e, words: this.text.trim(), place: this.searchedPlaceName(), km: this.filters.radiusKm ?? COMMUNE_KM });
  }

  /** The way out of « none serves your town »: the social action centre (CCAS/CIAS) or town hall near the place. */
  private askCcas(): void {
    const recognized = this.result?.recognizedPlace;
    if (recognized && this.place?.kind !== 'commune') this.place = { kind: 'commune', code: recognized.code, name: recognized.name };
    if (recognized) this.placeText = recognized.name;
    this.text = '';
    this.filters = this.filters.with({ needs: [], extraThematiques: [], typologies: ['ccas-cias'] });
    this.page = 1;
    this.reveal = 'focus';
    this.searchNow();
  }
}

/** The element that has the focus, through shadow roots. */
function deepActiveElement(): HTMLElement | null {
  let a = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a instanceof HTMLElement ? a : null;
}
