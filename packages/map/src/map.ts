import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import {
  RelaisElement,
  RelaisError,
  RelaisErrorEvent,
  RelaisSelectEvent,
  PlaceController,
  SourceAttributesMixin,
  SourceController,
  StoreController,
  formatDistance,
  formatNumber,
  heading,
  termLabel,
  translate,
  type BBox,
  type MapPoint,
  type MapPoints,
  type RelaisStore,
  type SearchQuery,
  type StoreChangeEvent,
} from '@relais/core';
import { ClusterLayer, roundBBox, type ClusterLayerHost } from './cluster-layer.js';
import { tileSource } from './tiles.js';
import { LIST_LIMIT, listInView, type ListLine } from './list.js';
import { leafletStyles } from './leaflet-styles.js';
import { mapStyles } from './map.styles.js';
import { GROUPS, groupOf, type MarkerGroup } from './legend.js';
import { messages, type MessageKey as K } from './messages.js';

/** `relais-viewport`: the map moved (bounding box [west, south, east, north] and zoom). */
export class RelaisViewportEvent extends Event {
  static readonly eventName = 'relais-viewport';
  constructor(
    readonly bbox: BBox,
    readonly zoom: number,
  ) {
    super(RelaisViewportEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'relais-viewport': RelaisViewportEvent;
  }
}

export { spread } from './cluster-layer.js';
export { PLAN_IGN, type TileSource } from './tiles.js';


/**
 * Services on a Leaflet map, clustered (supercluster), reachable by keyboard, with a list of what is
 * in view always available. Leaflet is loaded only when the map is about to be visible.
 *
 * @element relais-map
 * @fires {RelaisSelectEvent} relais-select - A service's "Voir la fiche" was chosen (`serviceId`).
 * @fires {RelaisViewportEvent} relais-viewport - The map moved (`bbox`, `zoom`).
 * @fires {RelaisErrorEvent} relais-error - The source failed (`message` in French).
 * @csspart map - The map container.
 * @csspart toolbar - The buttons above the map.
 * @csspart list - The list alternative.
 * @csspart legend - The legend.
 * @csspart status - The count line (a live region).
 * @csspart button - Buttons.
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
 * @cssprop {<length>} [--relais-map-height=28rem] - Hauteur de la carte.
 * @cssprop {<color>} [--relais-map-color-accueil=var(--relais-color-primary)] - Repères « lieu d’accueil » (sinon la couleur principale).
 * @cssprop {<color>} [--relais-map-color-domicile=var(--relais-color-success)] - Repères « à domicile » (sinon la couleur de succès).
 * @cssprop {<color>} [--relais-map-color-etablissement=var(--relais-color-accent-1)] - Repères « établissement » (sinon l’accent 1).
 * @cssprop {<color>} [--relais-map-color-accompagnement=var(--relais-color-accent-2)] - Repères « accompagnement » (sinon l’accent 2).
 * @cssprop {<color>} [--relais-map-color-lien=var(--relais-color-text)] - Repères « lien social » (sinon la couleur du texte).
 */
export class RelaisMap extends SourceAttributesMixin(RelaisElement) {
  /** Messages: French with the element, English loaded when the element speaks English (see `messages.ts`). */
  static override messageCatalogues = [messages];
  static override styles = [...RelaisElement.styles, leafletStyles, mapStyles];

  /** INSEE code of a commune to centre on. */
  @property() commune: string | undefined;
  /**
   * Tile URL template of the background (`https://…/{z}/{x}/{y}.png`). Default: « Plan IGN » of the IGN
   * Géoplateforme (open data, no key; allow `img-src https://data.geopf.fr` in a Content-Security-Policy);
   * `none`: a plain background and no tile request.
   */
  @property({ attribute: 'tile-url' }) tileUrl: string | undefined;
  /** Attribution of the tiles given in `tile-url`, as plain text (the default background names IGN itself). */
  @property({ attribute: 'tile-attribution' }) tileAttribution: string | undefined;
  /** Maximum zoom (default 18). */
  @property({ type: Number, attribute: 'max-zoom' }) maxZoom = 18;
  /** Heading level of the title (1–6, default 2); 0 hides it. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;
  /** Start with the list alternative open. */
  @property({ type: Boolean, attribute: 'list-open' }) listOpen = false;
  /** Départements shown, comma-separated (`58` or `58,89`): only the services located there. Default: all. */
  @property() departements: string | undefined;

  @state() private points: MapPoints | null = null;
  /** Marker families present in the points (the legend), derived once per load, not on every move. */
  @state() private legendGroups: readonly MarkerGroup[] = [];
  @state() private inView: ListLine[] = [];
  @state() private inViewCount = 0;
  @state() private error: RelaisError | null = null;
  @state() private tileError = false;
  @state() private moved = false;
  @state() private geoError = false;
  @state() private ready = false;

  @query('#map') private mapEl!: HTMLDivElement;

  /** The data source: points loaded again when the client changes, only the latest load shown. */
  protected readonly sourceCtl = new SourceController(this, { changed: (c) => void (c && this.loadPoints()), error: (e) => this.fail(e) });
  /** Communes (distances, centring) and the person's position. */
  private readonly places = new PlaceController(this, { departements: () => [] });
  /** The provider's shared store: the directory's search and selection. */
  protected readonly storeCtx = new StoreController(this, { attached: (s) => (this.filters = this.sharedQuery(s)), changed: (what, s) => this.onStore(what, s) });
  /** The Leaflet map, its markers and popups, once Leaflet is loaded. */
  private cluster: ClusterLayer | undefined;
  private visible = false;
  private observer: IntersectionObserver | undefined;
  private resize: ResizeObserver | undefined;
  private filters: SearchQuery = {};
  private readonly uid = `m${Math.random().toString(36).slice(2, 8)}`;
  /** The service this map itself asked to open (its own selection coming back from the store is not re-shown). */
  private ownSelection: string | null = null;
  /** Where distances in the list are measured from: the chosen commune. */
  @state() private origin: { lat: number; lon: number; name: string } | null = null;
  private originCode: string | undefined;
  private renderedLang: string | undefined;

  private t(k: K, p: Record<string, unknown> = {}): string {
    return translate(messages, this.i18n.lang, k, p);
  }

  override firstUpdated(): void {
    // Leaflet is loaded when the map is about to be visible, never before.
    this.observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting) && !this.visible) {
        this.visible = true;
        void this.init();
      }
    }, { rootMargin: '200px' });
    this.observer.observe(this);
    this.resize = new ResizeObserver(() => this.cluster?.invalidateSize());
    this.resize.observe(this.mapEl);
  }

  override updated(changed: PropertyValues<this>): void {
    this.updateOrigin();
    if (this.renderedLang !== undefined && this.renderedLang !== this.i18n.lang) {
      // marker names are in the page's language: draw them again
      this.cluster?.redraw();
    }
    this.renderedLang = this.i18n.lang;
    if (changed.has('commune') && this.commune && this.cluster) void this.centerOnCommune(this.commune);
    if (changed.has('departements') && changed.get('departements') !== undefined && this.client) void this.loadPoints();
  }

  /** The filters with the map's own département scope (the directory's, shared through the store, wins). */
  private get scopedFilters(): SearchQuery {
    const deps = (this.departements ?? '').split(',').map((d) => d.trim()).filter(Boolean);
    return deps.length && !this.filters.departements?.length ? { ...this.filters, departements: deps } : this.filters;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.observer?.disconnect();
    this.resize?.disconnect();
    this.cluster?.remove();
    this.cluster = undefined;
    this.visible = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) {
      this.observer?.observe(this);
      if (this.mapEl) this.resize?.observe(this.mapEl);
    }
  }

  /** The commune distances are measured from: the shared search's, else the `commune` attribute. */
  private updateOrigin(): void {
    const code = this.filters.commune ?? this.commune;
    if (code === this.originCode) return;
    this.originCode = code;
    if (!code) {
      this.origin = null;
      return;
    }
    void this.places
      .commune(code)
      .then((c) => {
        if (this.originCode === code) this.origin = c ? { lat: c.lat, lon: c.lon, name: c.name } : null;
        if (this.listOpen) this.updateList();
      })
      .catch(() => {
        if (this.originCode === code) this.origin = null;
      });
  }

  private get store(): RelaisStore | undefined {
    return this.storeCtx.store;
  }

  private sharedQuery(s: RelaisStore): SearchQuery {
    // the map shows every match: its own box is not a filter for itself
    return { ...s.filters, bbox: undefined };
  }

  private onStore(what: StoreChangeEvent['what'], store: RelaisStore): void {
    if (what === 'filters') {
      const next = this.sharedQuery(store);
      if (JSON.stringify(next) !== JSON.stringify(this.filters)) {
        this.filters = next;
        this.updateOrigin();
        void this.loadPoints();
      }
    }
    if (what === 'selection') {
      const id = store.selected;
      // a service opened from this map is already shown here: re-centring would take the focus away
      if (id && id !== this.ownSelection) this.highlight(id, false);
      if (id !== this.ownSelection) this.ownSelection = null;
    }
  }

  private fail(e: unknown): void {
    const err = e instanceof RelaisError ? e : new RelaisError('network', { detail: String(e) });
    this.error = err;
    this.emit(new RelaisErrorEvent(err.kind, err.message, err.status));
  }

  /** Loads the points of the current filters (all of them, not a page). */
  async loadPoints(): Promise<void> {
    try {
      const run = await this.sourceCtl.run((c, signal) => c.points(this.scopedFilters, { channel: this.uid, signal }));
      if (!run) return;
      const pts = run.value;
      this.points = pts;
      const present = new Set(pts.points.map((p) => groupOf(p.kind).id));
      this.legendGroups = GROUPS.filter((g) => present.has(g.id));
      this.error = null;
      this.cluster?.setPoints(pts.points, !this.commune);
      this.requestUpdate(); // the list button can now give its count
    } catch (e) {
      this.fail(e);
    }
  }

  private async init(): Promise<void> {
    try {
      this.cluster = await ClusterLayer.create(this.mapEl, this.layerHost, { maxZoom: this.maxZoom, tiles: tileSource(this.tileUrl, this.tileAttribution, this.maxZoom) });
      this.ready = true;
      if (this.points) {
        this.cluster.setPoints(this.points.points, !this.commune);
        this.requestUpdate(); // the list button can now give its count
      }
      if (this.commune) await this.centerOnCommune(this.commune);
    } catch (e) {
      this.fail(new RelaisError('network', { message: 'La carte n’a pas pu être chargée. La liste reste disponible.', cause: e }));
    }
  }

  /** What the map layer asks of this element. */
  private readonly layerHost: ClusterLayerHost = {
    active: () => this.shadowRoot?.activeElement,
    lang: () => this.i18n.lang,
    text: (k, p) => this.t(k, p),
    label: (p) => this.pointLabel(p),
    item: (id) => this.client?.get(id),
    select: (id) => this.select(id),
    moved: () => (this.moved = true),
    viewport: (bbox, zoom) => this.emit(new RelaisViewportEvent(bbox, zoom)),
    drawn: (n) => {
      this.inViewCount = n;
      if (this.listOpen) this.updateList();
    },
    tileError: () => (this.tileError = true),
    failed: (e) => this.fail(e),
  };

  /** The Leaflet map (tests read it). */
  protected get map(): ClusterLayer['map'] | undefined {
    return this.cluster?.map;
  }

  private async centerOnCommune(code: string): Promise<void> {
    const c = await this.places.commune(code);
    if (c) this.cluster?.setView(c.lat, c.lon, 11);
  }

  /** Draws the markers of the current view again. */
  renderClusters(): void {
    this.cluster?.draw();
  }

  /** A marker's or a list line's name: the service, who runs it, where (services often share a name). */
  private pointLabel(p: MapPoint): string {
    const who = [p.structure, p.commune].filter(Boolean).join(', ');
    return `${p.name}${who ? ` — ${who}` : p.kind ? ` — ${termLabel('typologies', p.kind, { lang: this.i18n.lang })}` : ''}`;
  }

  /** The list alternative (see `listInView`), computed only while the list is open. */
  private updateList(): void {
    if (!this.cluster || !this.points) return;
    const { bounds, center } = this.cluster.view();
    this.inView = listInView(this.points.points, bounds, center, this.origin, (p) => this.pointLabel(p));
  }

  private select(id: string): void {
    this.ownSelection = id;
    this.emit(new RelaisSelectEvent(id));
    this.store?.select(id);
  }

  /**
   * Centres on a service and opens its popup (used when another widget selects it, and by « Voir sur la carte »).
   * `focus`: move the keyboard focus to the summary (only when the person asked for it here).
   */
  highlight(id: string, focus = true): void {
    const p = this.points?.points.find((x) => x.id === id);
    if (p) this.cluster?.highlight(p, focus);
  }

  private toggleList(): void {
    this.listOpen = !this.listOpen;
    if (this.listOpen) this.updateList();
  }

  private searchArea(): void {
    const bbox = roundBBox(this.cluster!.view().bounds);
    this.moved = false;
    if (this.store) this.store.setFilters({ ...this.store.filters, bbox });
  }

  private aroundMe(): void {
    this.geoError = false;
    this.places.locate().then(
      ({ lat, lon }) => this.cluster?.setView(lat, lon, 12),
      () => (this.geoError = true),
    );
  }

  private centerOn(p: MapPoint): void {
    this.cluster?.setView(p.lat, p.lon, 16);
    this.highlight(p.id);
  }

  override render(): TemplateResult {
    const pts = this.points;
    const listId = `${this.uid}-list`;
    return html`
      <section aria-labelledby="map-title">
        ${this.headingLevel === 0 ? html`<span id="map-title" class="visually-hidden">${this.t('title')}</span>` : heading(this.headingLevel, this.t('title'), { id: 'map-title' })}
        <div part="toolbar" class="toolbar">
          <button type="button" part="button" aria-expanded=${this.listOpen ? 'true' : 'false'} aria-controls=${listId} @click=${this.toggleList}>
            ${this.listOpen ? this.t('hideList') : this.cluster?.indexed ? this.t('showList', { n: formatNumber(this.inViewCount, this.i18n.lang) }) : this.t('showListPlain')}
          </button>
          ${this.moved && this.store ? html`<button type="button" part="button" class="primary" @click=${this.searchArea}>${this.t('searchArea')}</button>` : nothing}
          <button type="button" part="button" @click=${this.aroundMe}>${this.t('aroundMe')}</button>
        </div>
        <p part="status" class="status" role="status" aria-live="polite">
          ${pts ? this.t('status', { n: pts.points.length, inView: this.inViewCount }) : this.t('loading')}
          ${pts?.withoutPosition ? html` ${this.t('withoutPosition', { n: pts.withoutPosition })}` : nothing}
          ${pts?.outsideFrance ? html` ${this.t('outsideFrance', { n: pts.outsideFrance })}` : nothing}
          ${pts?.truncated ? html` ${this.t('truncated')}` : nothing}
          ${pts?.unsupported?.length ? html` ${this.t('broader')}` : nothing}
          ${this.tileError ? html` ${this.t('tileError')}` : nothing}
          ${this.geoError ? html` ${this.t('geoRefused')}` : nothing}
        </p>
        ${this.error
          ? html`<div class="error" role="alert"><p>${this.error.message}</p><button type="button" part="button" @click=${() => (this.client?.refresh(), void this.loadPoints())}>${this.t('retry')}</button></div>`
          : nothing}
        <div id=${listId} part="list" class="list" ?hidden=${!this.listOpen}>
          ${heading(Math.min(6, (this.headingLevel || 2) + 1), this.t('listTitle'))}
          ${this.inView.length === 0 ? html`<p>${this.t('noPoints')}</p>` : nothing}
          ${this.origin && this.inView.length ? html`<p class="muted">${this.t('listSorted', { place: this.origin.name })}</p>` : nothing}
          <ul>
            ${this.inView.map(
              ({ point: p, km, label }) => html`<li>
                <span class="name">${p.name}</span>${p.structure ? html` — <span class="structure">${p.structure}</span>` : nothing}
                <span class="where muted">${[p.commune, km !== null ? this.t('away', { d: formatDistance(km, this.i18n.lang) }) : null, p.kind ? termLabel('typologies', p.kind, { lang: this.i18n.lang }) : null].filter(Boolean).join(' · ')}</span>
                <span class="actions">
                  <button type="button" part="button" class="link" @click=${() => this.select(p.id)}>${this.t('open')}<span class="visually-hidden"> : ${label}</span></button>
                  <button type="button" part="button" class="link" @click=${() => this.centerOn(p)}>${this.t('center')}<span class="visually-hidden"> : ${label}</span></button>
                </span>
              </li>`,
            )}
          </ul>
          ${this.inViewCount > LIST_LIMIT ? html`<p>${this.t('listMore', { n: this.inViewCount - LIST_LIMIT })}</p>` : nothing}
        </div>
        <p class="visually-hidden" id="map-help">${this.t('keyboardHelp')}</p>
        ${this.ready ? nothing : html`<p class="muted">${this.t('loading')}</p>`}
        <div id="map" part="map" class="map ${this.tileUrl?.trim() === 'none' ? 'no-tiles' : 'tiles'}" role="region" aria-label=${this.t('mapLabel')} aria-describedby="map-help"></div>
        <div part="legend" class="legend" aria-label=${this.t('legend')} role="group">
          ${this.legendGroups.map((g) => html`<span class="legend-item"><span class="pin ${g.id}" aria-hidden="true">${g.symbol}</span> ${this.i18n.lang === 'en' ? g.labelEn : g.label}</span>`)}
          <span class="legend-item"><span class="cluster small" aria-hidden="true">n</span> ${this.i18n.lang === 'en' ? 'group of services' : 'groupe de services'}</span>
        </div>
      </section>
    `;
  }
}
