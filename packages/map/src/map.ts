import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { ContextConsumer } from '@lit/context';
import type Supercluster from 'supercluster';
import {
  RelaisElement,
  RelaisError,
  RelaisErrorEvent,
  RelaisSelectEvent,
  Gazetteer,
  addressLine,
  located,
  clientContext,
  clientFromAttributes,
  sourceChanged,
  departementOf,
  formatDistance,
  formatNumber,
  haversineKm,
  heading,
  isAbortError,
  parseOpeningHours,
  sanitizeUrl,
  statusLine,
  storeContext,
  telHref,
  termLabel,
  translate,
  type BBox,
  type Catalogue,
  type Dataset,
  type MapPoint,
  type MapPoints,
  type RelaisClient,
  type RelaisStore,
  type SearchQuery,
  type StoreChangeEvent,
} from '@relais/core';
import { loadMapLibraries, type L, type Leaflet } from './leaflet-adapter.js';
import { leafletStyles } from './leaflet-styles.js';
import { mapStyles } from './map.styles.js';
import { GROUPS, groupOf, type MarkerGroup } from './legend.js';

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

type K =
  | 'title' | 'status' | 'withoutPosition' | 'outsideFrance' | 'truncated' | 'showList' | 'hideList' | 'listTitle' | 'listMore' | 'searchArea' | 'aroundMe'
  | 'geoRefused' | 'tileError' | 'cluster' | 'open' | 'center' | 'legend' | 'loading' | 'mapLabel' | 'retry' | 'call' | 'noPoints' | 'keyboardHelp'
  | 'closePopup' | 'zoomIn' | 'zoomOut' | 'listSorted' | 'away' | 'showListPlain';

const messages: Catalogue<K> = {
  fr: {
    title: 'Carte des services',
    status: (p) => `${formatNumber(p.n as number, 'fr')} service${(p.n as number) > 1 ? 's' : ''} sur la carte, ${formatNumber(p.inView as number, 'fr')} dans la zone affichée.`,
    withoutPosition: (p) => `${p.n} sans position : visibles dans la liste, pas sur la carte.`,
    outsideFrance: (p) => `${p.n} avec une position hors de France : à vérifier dans la source.`,
    truncated: 'Seuls les premiers services de la source sont affichés.',
    showList: (p) => `Afficher la liste des services de la zone (${p.n})`,
    hideList: 'Masquer la liste',
    listTitle: 'Services dans la zone affichée',
    listMore: (p) => `… et ${p.n} autres : zoomez pour réduire la zone.`,
    searchArea: 'Rechercher dans cette zone',
    aroundMe: 'Autour de moi',
    geoRefused: 'Votre position n’est pas disponible : utilisez la liste ou déplacez la carte.',
    tileError: 'Le fond de carte ne répond pas ; les services restent affichés.',
    cluster: (p) => `${p.n} services — agrandir`,
    open: 'Voir la fiche',
    center: 'Voir sur la carte',
    legend: 'Légende',
    loading: 'Chargement de la carte…',
    mapLabel: 'Carte interactive des services. La liste ci-dessus présente les mêmes services.',
    retry: 'Réessayer',
    call: (p) => `Appeler le ${p.phone}`,
    noPoints: 'Aucun service à afficher.',
    keyboardHelp: 'Tabulation pour passer d’un repère à l’autre, Entrée pour l’ouvrir, Échap pour le refermer ; sur la carte elle-même, flèches et + / − pour déplacer et zoomer.',
    closePopup: 'Fermer le résumé',
    showListPlain: 'Afficher la liste des services de la zone',
    zoomIn: 'Zoom avant',
    zoomOut: 'Zoom arrière',
    listSorted: (p) => `Du plus proche au plus loin de ${p.place}.`,
    away: (p) => `à ${p.d}`,
  },
  en: {
    title: 'Map of services',
    status: (p) => `${formatNumber(p.n as number, 'en')} service${(p.n as number) > 1 ? 's' : ''} on the map, ${formatNumber(p.inView as number, 'en')} in view.`,
    withoutPosition: (p) => `${p.n} without a position: in the list, not on the map.`,
    outsideFrance: (p) => `${p.n} with a position outside France: to check in the source.`,
    truncated: 'Only the first services of the source are shown.',
    showList: (p) => `Show the list of services in view (${p.n})`,
    hideList: 'Hide the list',
    listTitle: 'Services in view',
    listMore: (p) => `… and ${p.n} more: zoom in to narrow the area.`,
    searchArea: 'Search this area',
    aroundMe: 'Near me',
    geoRefused: 'Your location is not available: use the list or move the map.',
    tileError: 'The background map is not responding; services are still shown.',
    cluster: (p) => `${p.n} services — zoom in`,
    open: 'Open details',
    center: 'Show on the map',
    legend: 'Legend',
    loading: 'Loading the map…',
    mapLabel: 'Interactive map of services. The list above shows the same services.',
    retry: 'Try again',
    call: (p) => `Call ${p.phone}`,
    noPoints: 'No service to show.',
    keyboardHelp: 'Tab moves between markers, Enter opens one, Escape closes it; on the map itself, arrows and + / − pan and zoom.',
    closePopup: 'Close the summary',
    showListPlain: 'Show the list of services in view',
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    listSorted: (p) => `Nearest to ${p.place} first.`,
    away: (p) => `${p.d} away`,
  },
};

const FRANCE: [number, number] = [46.6, 2.4];
const LIST_LIMIT = 100;

/** A background map: an XYZ tile template (`{z}`, `{x}`, `{y}`) and its attribution, as plain text. */
export interface TileSource {
  url: string;
  attribution: string;
  maxZoom: number;
}

/**
 * The default background: « Plan IGN » (GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2) of the IGN Géoplateforme, open data
 * served without a key, through the WMTS GetTile request documented on geoservices.ign.fr (« Service Géoplateforme
 * d'images tuilées WMTS »: data.geopf.fr/wmts, tile matrix set PM = Web Mercator, the tiles Leaflet asks for).
 * Sites with a Content-Security-Policy allow `img-src https://data.geopf.fr`.
 */
export const PLAN_IGN: TileSource & { toVerify: boolean } = {
  url: 'https://data.geopf.fr/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2&STYLE=normal&FORMAT=image/png&TILEMATRIXSET=PM&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}',
  // the exact wording IGN asks for is « à vérifier » (Licence Ouverte Etalab 2.0: name the source and its date)
  attribution: 'Plan IGN © IGN – Géoplateforme',
  maxZoom: 19,
  toVerify: true,
};

type MarkerWithId = Leaflet.Marker & { relaisId?: string };

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
export class RelaisMap extends RelaisElement {
  static override styles = [...RelaisElement.styles, leafletStyles, mapStyles];

  /** URL of a static JSON file (standalone use). */
  @property() src: string | undefined;
  /** Kind of source when standalone: `static`, `data-inclusion` or `rest`. */
  @property() source: 'static' | 'data-inclusion' | 'rest' | undefined;
  /** Base URL of a remote source (standalone use). */
  @property({ attribute: 'base-url' }) baseUrl: string | undefined;
  /** A dataset object (standalone use, property only). */
  @property({ attribute: false }) data: Dataset | undefined;
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

  private _client: RelaisClient | undefined;
  /** The client in use (the provider's, one built from the attributes, or one set here). */
  @property({ attribute: false })
  get client(): RelaisClient | undefined {
    return this._client ?? this.ownClient ?? this.provided.value;
  }
  set client(c: RelaisClient | undefined) {
    const old = this._client;
    this._client = c;
    this.requestUpdate('client', old);
  }

  @state() private points: MapPoints | null = null;
  /** Marker families present in the points (the legend), derived once per load, not on every move. */
  @state() private legendGroups: readonly MarkerGroup[] = [];
  @state() private inView: Array<{ point: MapPoint; km: number | null; label: string }> = [];
  @state() private inViewCount = 0;
  @state() private error: RelaisError | null = null;
  @state() private tileError = false;
  @state() private moved = false;
  @state() private geoError = false;
  @state() private ready = false;

  @query('#map') private mapEl!: HTMLDivElement;

  private ownClient: RelaisClient | undefined;
  private readonly provided = new ContextConsumer(this, { context: clientContext, subscribe: true });
  protected readonly storeCtx = new ContextConsumer(this, { context: storeContext, subscribe: true, callback: (s) => this.attachStore(s) });
  private store: RelaisStore | undefined;
  private L: L | undefined;
  private map: Leaflet.Map | undefined;
  private layer: Leaflet.LayerGroup | undefined;
  private index: Supercluster<{ id: string; kind: string | null; name: string }> | undefined;
  private visible = false;
  private observer: IntersectionObserver | undefined;
  private resize: ResizeObserver | undefined;
  private programmatic = false;
  private listenedClient: RelaisClient | undefined;
  private filters: SearchQuery = {};
  private seq = 0;
  private readonly uid = `m${Math.random().toString(36).slice(2, 8)}`;
  /** Markers on the map by cluster or service: kept across moves, so that a focused marker is never replaced. */
  private markers = new Map<string, MarkerWithId>();
  /** After a cluster opened from a focused marker: move the focus to the nearest of what it expands into. */
  private focusNear: { lat: number; lon: number } | null = null;
  /** The service this map itself asked to open (its own selection coming back from the store is not re-shown). */
  private ownSelection: string | null = null;
  /** Where distances in the list are measured from: the chosen commune. */
  @state() private origin: { lat: number; lon: number; name: string } | null = null;
  private originCode: string | undefined;
  private renderedLang: string | undefined;

  private t(k: K, p: Record<string, unknown> = {}): string {
    return translate(messages, this.i18n.lang, k, p);
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (sourceChanged(changed)) {
      const { client, error } = clientFromAttributes(this);
      this.ownClient = client;
      if (error) this.fail(error);
    }
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
    this.resize = new ResizeObserver(() => this.map?.invalidateSize());
    this.resize.observe(this.mapEl);
  }

  override updated(changed: PropertyValues<this>): void {
    this.updateOrigin();
    if (this.renderedLang !== undefined && this.renderedLang !== this.i18n.lang) {
      // marker names are in the page's language: draw them again
      this.clearMarkers();
      this.renderClusters();
    }
    this.renderedLang = this.i18n.lang;
    const c = this.client;
    if (c !== this.listenedClient) {
      this.listenedClient = c;
      if (c) void this.loadPoints();
    }
    if (changed.has('commune') && this.commune && this.map) void this.centerOnCommune(this.commune);
    if (changed.has('departements') && changed.get('departements') !== undefined && c) void this.loadPoints();
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
    this.store?.removeEventListener('change', this.onStore);
    this.map?.remove();
    this.map = undefined;
    this.markers.clear();
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
    void Gazetteer.load({ departements: [departementOf(code)] })
      .then((g) => {
        const c = g.get(code);
        if (this.originCode === code) this.origin = c ? { lat: c.lat, lon: c.lon, name: c.name } : null;
        if (this.listOpen) this.updateList();
      })
      .catch(() => {
        if (this.originCode === code) this.origin = null;
      });
  }

  private attachStore(s: RelaisStore | undefined): void {
    this.store?.removeEventListener('change', this.onStore);
    this.store = s;
    s?.addEventListener('change', this.onStore);
    if (s) this.filters = this.sharedQuery(s);
  }

  private sharedQuery(s: RelaisStore): SearchQuery {
    // the map shows every match: its own box is not a filter for itself
    return { ...s.filters, bbox: undefined };
  }

  private onStore = (e: Event): void => {
    const what = (e as StoreChangeEvent).what;
    if (what === 'filters' && this.store) {
      const next = this.sharedQuery(this.store);
      if (JSON.stringify(next) !== JSON.stringify(this.filters)) {
        this.filters = next;
        this.updateOrigin();
        void this.loadPoints();
      }
    }
    if (what === 'selection') {
      const id = this.store?.selected ?? null;
      // a service opened from this map is already shown here: re-centring would take the focus away
      if (id && id !== this.ownSelection) this.highlight(id, false);
      if (id !== this.ownSelection) this.ownSelection = null;
    }
  };

  private fail(e: unknown): void {
    const err = e instanceof RelaisError ? e : new RelaisError('network', { detail: String(e) });
    this.error = err;
    this.emit(new RelaisErrorEvent(err.kind, err.message, err.status));
  }

  /** Loads the points of the current filters (all of them, not a page). */
  async loadPoints(): Promise<void> {
    const c = this.client;
    if (!c) return;
    const seq = ++this.seq;
    try {
      const pts = await c.points(this.scopedFilters, { channel: this.uid });
      if (seq !== this.seq) return;
      this.points = pts;
      this.pointsById = undefined;
      const present = new Set(pts.points.map((p) => groupOf(p.kind).id));
      this.legendGroups = GROUPS.filter((g) => present.has(g.id));
      this.error = null;
      if (this.L) this.buildIndex();
    } catch (e) {
      if (!isAbortError(e)) this.fail(e);
    }
  }

  private async init(): Promise<void> {
    try {
      const { L, Supercluster } = await loadMapLibraries();
      this.L = L;
      this.index = undefined;
      this.SC = Supercluster;
      this.createMap();
      if (this.points) this.buildIndex();
      if (this.commune) await this.centerOnCommune(this.commune);
    } catch (e) {
      this.fail(new RelaisError('network', { message: 'La carte n’a pas pu être chargée. La liste reste disponible.', cause: e }));
    }
  }

  private SC: typeof Supercluster | undefined;

  private createMap(): void {
    const L = this.L!;
    // Zoom animations are off: they move content (WCAG 2.3.3) and Leaflet throws when a map is removed mid-animation.
    const map = L.map(this.mapEl, { center: FRANCE, zoom: 5, minZoom: 3, maxZoom: this.maxZoom, keyboard: true, zoomControl: false, attributionControl: true, zoomAnimation: false, markerZoomAnimation: false, fadeAnimation: false });
    // Leaflet credited in plain text: a link there would be a tiny target under the markers near the corner (WCAG 2.5.8)
    map.attributionControl.setPrefix('Leaflet');
    L.control.zoom({ zoomInTitle: this.t('zoomIn'), zoomOutTitle: this.t('zoomOut') }).addTo(map);
    const tiles = this.tiles();
    if (tiles) {
      const layer = L.tileLayer(tiles.url, { maxZoom: Math.min(this.maxZoom, tiles.maxZoom), maxNativeZoom: tiles.maxZoom });
      layer.on('tileerror', () => (this.tileError = true));
      layer.addTo(map);
      // attribution as text: never HTML from an attribute
      if (tiles.attribution) map.attributionControl.addAttribution(escapeHtml(tiles.attribution));
    }
    // a popup's close button, in the page's language; the focus goes back to its marker when it closes
    map.on('popupopen', (e) => {
      const close = e.popup.getElement()?.querySelector('.leaflet-popup-close-button');
      close?.setAttribute('aria-label', this.t('closePopup'));
      close?.removeAttribute('title');
    });
    map.on('popupclose', (e) => {
      // the popup's element is gone with the focus it held: the focus is nowhere (the body)
      const lost = !this.shadowRoot?.activeElement && (!document.activeElement || document.activeElement === document.body);
      if (lost) this.focusMarker((e.popup as unknown as { _source?: Leaflet.Marker })._source);
    });
    this.layer = L.layerGroup().addTo(map);
    map.on('moveend', () => this.onMove());
    map.on('movestart', () => {
      if (!this.programmatic) this.moved = true;
    });
    this.map = map;
    this.ready = true;
  }

  /** The background: the partner's `tile-url`, none with `tile-url="none"`, else « Plan IGN ». */
  private tiles(): TileSource | null {
    const raw = this.tileUrl?.trim();
    if (!raw) return PLAN_IGN;
    if (raw === 'none' || !/\{z\}/.test(raw)) return null;
    // only an http(s) tile template, resolved against the page; {z}/{x}/{y} survive the URL parser as %7B…%7D
    const safe = sanitizeUrl(new URL(raw, document.baseURI).href);
    const url = safe && /^https?:/.test(safe) ? decodeURI(safe) : null;
    return url ? { url, attribution: this.tileAttribution ?? '', maxZoom: this.maxZoom } : null;
  }

  private clearMarkers(): void {
    this.layer?.clearLayers();
    this.markers.clear();
  }

  /** Focuses a marker's element, else the map itself (never the page's body). */
  private focusMarker(marker: Leaflet.Marker | undefined): void {
    const el = marker?.getElement();
    if (el?.isConnected) el.focus({ preventScroll: true });
    else this.map?.getContainer().focus({ preventScroll: true });
  }
  private buildIndex(): void {
    const Sc = this.SC!;
    // radius in screen pixels (extent 256 = Leaflet's tile size): markers never overlap, so every target keeps 24 px (WCAG 2.5.8)
    const idx = new Sc<{ id: string; kind: string | null; name: string }>({ radius: 50, extent: 256, maxZoom: 16 });
    idx.load(spread(this.points!.points).map((p) => ({ type: 'Feature', properties: { id: p.id, kind: p.kind, name: p.name }, geometry: { type: 'Point', coordinates: [p.lon, p.lat] } })));
    this.index = idx;
    this.requestUpdate(); // the list button can now give its count
    // new data: cluster ids mean other groups now
    const hadFocus = this.focusedMarker() !== null;
    this.clearMarkers();
    if (!this.commune && this.points!.points.length) this.fitPoints();
    this.renderClusters();
    if (hadFocus && !this.focusedMarker()) this.focusMarker(undefined);
  }

  private fitPoints(): void {
    const pts = this.points!.points;
    let s = 90, w = 180, n = -90, e = -180;
    for (const p of pts) {
      if (p.lat < s) s = p.lat;
      if (p.lat > n) n = p.lat;
      if (p.lon < w) w = p.lon;
      if (p.lon > e) e = p.lon;
    }
    this.programmatic = true;
    // markers clear of the zoom buttons (top left) and of the attribution (bottom right): no target under another (WCAG 2.5.8)
    this.map!.fitBounds([[s, w], [n, e]], { paddingTopLeft: [60, 20], paddingBottomRight: [20, 40], maxZoom: 13, animate: false });
    this.programmatic = false;
  }

  private async centerOnCommune(code: string): Promise<void> {
    const g = await Gazetteer.load({ departements: [departementOf(code)] });
    const c = g.get(code);
    if (c && this.map) {
      this.programmatic = true;
      this.map.setView([c.lat, c.lon], 11, { animate: false });
      this.programmatic = false;
    }
  }

  private onMove(): void {
    this.renderClusters();
    const b = this.map!.getBounds();
    const bbox: BBox = [round(b.getWest()), round(b.getSouth()), round(b.getEast()), round(b.getNorth())];
    this.emit(new RelaisViewportEvent(bbox, this.map!.getZoom()));
  }

  /**
   * Draws the clusters and points of the current view (markers as DOM, keyboard reachable). Markers still in
   * view are kept as they are (a focused marker keeps the focus: no trap, no lost click), the others are
   * removed, and the markers follow the reading order (top to bottom, then left to right): the order of Tab.
   */
  renderClusters(): void {
    if (!this.map || !this.index || !this.layer) return;
    const L = this.L!;
    const b = this.map.getBounds();
    const zoom = Math.round(this.map.getZoom());
    const features = this.index.getClusters([b.getWest(), b.getSouth(), b.getEast(), b.getNorth()], zoom);
    const focused = this.focusedMarker();
    const focusedAt = focused?.getLatLng();
    const next = new Map<string, MarkerWithId>();
    const ordered: Array<{ marker: MarkerWithId; row: number; x: number }> = [];
    let inView = 0;
    for (const f of features) {
      const [lon, lat] = f.geometry.coordinates as [number, number];
      const props = f.properties as { cluster?: boolean; cluster_id?: number; point_count?: number; id?: string; kind?: string | null; name?: string };
      const key = props.cluster ? `c${props.cluster_id}` : `p${props.id}`;
      const marker = this.markers.get(key) ?? (props.cluster ? this.clusterMarker(L, lat, lon, props.cluster_id!, props.point_count!) : this.pointMarker(L, lat, lon, props.id!));
      next.set(key, marker);
      const pt = this.map.latLngToContainerPoint([lat, lon]);
      ordered.push({ marker, row: Math.floor(pt.y / 40), x: pt.x });
      inView += props.cluster ? props.point_count! : 1;
    }
    for (const [key, m] of this.markers) if (!next.has(key)) this.layer.removeLayer(m);
    for (const { marker } of ordered) if (!this.layer.hasLayer(marker)) this.layer.addLayer(marker);
    this.markers = next;
    ordered.sort((a, c) => a.row - c.row || a.x - c.x);
    this.orderMarkers(ordered.map((o) => o.marker.getElement()).filter((e): e is HTMLElement => !!e));
    // the focus never falls to the page: onto what a cluster opened into, or the nearest marker, or the map
    const near = this.focusNear ?? (focused && !next.has(this.keyOf(focused)) && focusedAt ? { lat: focusedAt.lat, lon: focusedAt.lng } : null);
    this.focusNear = null;
    if (near) this.focusMarker(this.nearest(ordered.map((o) => o.marker), near));
    this.inViewCount = inView;
    if (this.listOpen) this.updateList();
  }

  private keyOf(m: MarkerWithId & { relaisKey?: string }): string {
    return m.relaisKey ?? '';
  }

  /** The marker that has the focus, if any. */
  private focusedMarker(): MarkerWithId | null {
    const active = this.shadowRoot?.activeElement;
    if (!active) return null;
    for (const m of this.markers.values()) if (m.getElement() === active) return m;
    return null;
  }

  private nearest(markers: readonly Leaflet.Marker[], p: { lat: number; lon: number }): Leaflet.Marker | undefined {
    let best: Leaflet.Marker | undefined;
    let bestD = Infinity;
    for (const m of markers) {
      const ll = m.getLatLng();
      const d = (ll.lat - p.lat) ** 2 + (ll.lng - p.lon) ** 2;
      if (d < bestD) {
        bestD = d;
        best = m;
      }
    }
    return best;
  }

  /** Puts the marker elements in reading order without ever moving the focused one (moving it would blur it). */
  private orderMarkers(els: readonly HTMLElement[]): void {
    const pane = els[0]?.parentElement;
    if (!pane) return;
    const current = [...pane.children];
    if (current.length === els.length && current.every((c, i) => c === els[i])) return;
    const active = this.shadowRoot?.activeElement;
    const fi = els.findIndex((e) => e === active);
    if (fi < 0) {
      for (const e of els) pane.append(e);
      return;
    }
    for (let i = 0; i < fi; i++) pane.insertBefore(els[i]!, els[fi]!);
    for (let i = fi + 1; i < els.length; i++) pane.append(els[i]!);
  }

  private clusterMarker(L: L, lat: number, lon: number, clusterId: number, n: number): MarkerWithId {
    const el = document.createElement('span');
    el.className = 'cluster';
    // the visible number is part of the accessible name (WCAG 2.5.3): no "4k" abbreviation
    el.textContent = String(n);
    if (n >= 1000) el.classList.add('large');
    const size = n < 10 ? 34 : n < 100 ? 38 : n < 1000 ? 42 : 46;
    const label = this.t('cluster', { n });
    const marker: MarkerWithId & { relaisKey?: string } = L.marker([lat, lon], { icon: L.divIcon({ html: el, className: 'relais-cluster', iconSize: [size, size] }), keyboard: true, title: label, autoPanOnFocus: false });
    marker.relaisKey = `c${clusterId}`;
    marker.on('click', () => {
      const z = Math.min(this.index!.getClusterExpansionZoom(clusterId), this.maxZoom);
      if (marker.getElement() === this.shadowRoot?.activeElement) this.focusNear = { lat, lon };
      this.map!.setView([lat, lon], z);
      this.focusNear = null;
    });
    this.accessible(marker, label);
    return marker;
  }

  private pointMarker(L: L, lat: number, lon: number, id: string): MarkerWithId {
    const p = this.pointById(id);
    const group = groupOf(p?.kind ?? null);
    const el = document.createElement('span');
    el.className = `pin ${group.id}`;
    el.setAttribute('aria-hidden', 'true');
    el.textContent = group.symbol;
    const label = p ? this.pointLabel(p) : id;
    const marker: MarkerWithId & { relaisKey?: string } = L.marker([lat, lon], { icon: L.divIcon({ html: el, className: 'relais-pin', iconSize: [30, 30] }), keyboard: true, title: label, autoPanOnFocus: false });
    marker.relaisKey = `p${id}`;
    marker.relaisId = id;
    marker.on('click', () => void this.openPopup(marker, id, true));
    this.accessible(marker, label);
    return marker;
  }

  private pointsById: Map<string, MapPoint> | undefined;
  private pointById(id: string): MapPoint | undefined {
    if (!this.pointsById || this.pointsById.size !== this.points?.points.length) this.pointsById = new Map(this.points?.points.map((p) => [p.id, p]));
    return this.pointsById.get(id);
  }

  /** A marker's or a list line's name: the service, who runs it, where (services often share a name). */
  private pointLabel(p: MapPoint): string {
    const who = [p.structure, p.commune].filter(Boolean).join(', ');
    return `${p.name}${who ? ` — ${who}` : p.kind ? ` — ${termLabel('typologies', p.kind, { lang: this.i18n.lang })}` : ''}`;
  }

  /**
   * The list alternative: the services in view, the 100 nearest to the centre of the map; nearest to the chosen
   * commune first when there is one, else by name. Computed only while the list is open (it is the costly part
   * of a move at 50 000 points).
   */
  private updateList(): void {
    if (!this.map || !this.points) return;
    const b = this.map.getBounds();
    const c = this.map.getCenter();
    const w = b.getWest(), e = b.getEast(), s = b.getSouth(), n = b.getNorth();
    const inb = this.points.points.filter((p) => p.lat >= s && p.lat <= n && p.lon >= w && p.lon <= e);
    const d = (p: MapPoint) => (p.lat - c.lat) ** 2 + ((p.lon - c.lng) * Math.cos((c.lat * Math.PI) / 180)) ** 2;
    const nearest = inb.length > LIST_LIMIT ? inb.sort((a, b2) => d(a) - d(b2)).slice(0, LIST_LIMIT) : inb;
    const o = this.origin;
    const lines = nearest.map((p) => ({ point: p, km: o ? haversineKm(o.lat, o.lon, p.lat, p.lon) : null, label: this.pointLabel(p) }));
    lines.sort((a, b2) => (a.km ?? 0) - (b2.km ?? 0) || a.label.localeCompare(b2.label, 'fr'));
    // buttons must have distinct names: two lines alike (same service, structure and town) get a number
    const seen = new Map<string, number>();
    for (const l of lines) {
      const k = seen.get(l.label) ?? 0;
      seen.set(l.label, k + 1);
      if (k) l.label = `${l.label} (${k + 1})`;
    }
    this.inView = lines;
  }

  /** Markers are buttons with a name; Enter and Space activate them. */
  private accessible(marker: Leaflet.Marker, label: string): void {
    marker.on('add', () => {
      const el = marker.getElement();
      if (!el || el.dataset.relais) return;
      el.dataset.relais = 'marker';
      el.setAttribute('role', 'button');
      el.setAttribute('aria-label', label);
      el.removeAttribute('title');
      el.addEventListener('keydown', (e: KeyboardEvent) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          e.stopPropagation();
          marker.fire('click');
        }
      });
    });
  }

  private async openPopup(marker: Leaflet.Marker, id: string, focus: boolean): Promise<void> {
    const c = this.client;
    if (!c || !this.L || !this.map) return;
    try {
      const item = await c.get(id);
      if (!this.map) return;
      const { service: s, structure: st } = item;
      const box = document.createElement('div');
      box.className = 'popup';
      const h = document.createElement('p');
      h.className = 'popup-title';
      h.textContent = st && st.nom !== s.nom ? `${s.nom} — ${st.nom}` : s.nom;
      box.append(h);
      if (st?.typologie) box.append(line(termLabel('typologies', st.typologie, { lang: this.i18n.lang }), 'kind'));
      const address = addressLine(s, st);
      if (address) box.append(line(address));
      const hours = parseOpeningHours(located(s, st, 'horaires_accueil'));
      if (hours) box.append(line(statusLine(hours, new Date(), this.i18n.lang)));
      const phone = located(s, st, 'telephone');
      const tel = telHref(phone);
      if (tel && phone) {
        const a = document.createElement('a');
        a.href = tel;
        a.textContent = this.t('call', { phone });
        const p = document.createElement('p');
        p.append(a);
        box.append(p);
      }
      const open = document.createElement('button');
      open.type = 'button';
      open.className = 'open';
      open.textContent = this.t('open');
      open.addEventListener('click', () => this.select(id));
      box.append(open);
      // Escape closes the summary (the focus goes back to the marker, see popupclose)
      box.addEventListener('keydown', (e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          this.map?.closePopup();
        }
      });
      marker.unbindPopup();
      const width = this.map.getSize().x;
      marker.bindPopup(box, { maxWidth: Math.max(150, Math.min(280, width - 124)), autoPan: false }).openPopup();
      this.keepInView(marker.getPopup());
      if (focus) open.focus({ preventScroll: true });
    } catch (e) {
      if (!isAbortError(e)) this.fail(e);
    }
  }

  /**
   * Moves the map at once (no animation that a click or a key could interrupt half-way) so that the whole summary
   * is in view, clear of the zoom buttons (top left) and of the attribution (bottom right).
   */
  private keepInView(popup: Leaflet.Popup | undefined): void {
    const el = popup?.getElement();
    if (!el || !this.map) return;
    const m = this.map.getContainer().getBoundingClientRect();
    const r = el.getBoundingClientRect();
    const pad = { left: 56, top: 12, right: 12, bottom: 30 };
    let dx = 0;
    let dy = 0;
    if (r.right > m.right - pad.right) dx = r.right - (m.right - pad.right);
    if (r.left - dx < m.left + pad.left) dx = r.left - (m.left + pad.left);
    if (r.bottom > m.bottom - pad.bottom) dy = r.bottom - (m.bottom - pad.bottom);
    if (r.top - dy < m.top + pad.top) dy = r.top - (m.top + pad.top);
    if (!dx && !dy) return;
    this.programmatic = true;
    this.map.panBy([Math.round(dx), Math.round(dy)], { animate: false });
    this.programmatic = false;
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
    if (!p || !this.map) return;
    this.programmatic = true;
    // beyond the index's last zoom every service is its own marker
    this.map.setView([p.lat, p.lon], Math.max(this.map.getZoom(), 17), { animate: false });
    this.programmatic = false;
    this.renderClusters();
    this.layer?.eachLayer((l) => {
      const m = l as Leaflet.Marker & { relaisId?: string };
      if (m.relaisId === id) void this.openPopup(m, id, focus);
    });
  }

  private toggleList(): void {
    this.listOpen = !this.listOpen;
    if (this.listOpen) this.updateList();
  }

  private searchArea(): void {
    const b = this.map!.getBounds();
    const bbox: BBox = [round(b.getWest()), round(b.getSouth()), round(b.getEast()), round(b.getNorth())];
    this.moved = false;
    if (this.store) this.store.setFilters({ ...this.store.filters, bbox });
  }

  private aroundMe(): void {
    this.geoError = false;
    navigator.geolocation?.getCurrentPosition(
      (pos) => {
        this.programmatic = true;
        this.map?.setView([pos.coords.latitude, pos.coords.longitude], 12, { animate: false });
        this.programmatic = false;
      },
      () => (this.geoError = true),
      { timeout: 10_000, maximumAge: 600_000 },
    );
  }

  private centerOn(p: MapPoint): void {
    this.programmatic = true;
    this.map?.setView([p.lat, p.lon], 16, { animate: false });
    this.programmatic = false;
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
            ${this.listOpen ? this.t('hideList') : this.index ? this.t('showList', { n: formatNumber(this.inViewCount, this.i18n.lang) }) : this.t('showListPlain')}
          </button>
          ${this.moved && this.store ? html`<button type="button" part="button" class="primary" @click=${this.searchArea}>${this.t('searchArea')}</button>` : nothing}
          <button type="button" part="button" @click=${this.aroundMe}>${this.t('aroundMe')}</button>
        </div>
        <p part="status" class="status" role="status" aria-live="polite">
          ${pts ? this.t('status', { n: pts.points.length, inView: this.inViewCount }) : this.t('loading')}
          ${pts?.withoutPosition ? html` ${this.t('withoutPosition', { n: pts.withoutPosition })}` : nothing}
          ${pts?.outsideFrance ? html` ${this.t('outsideFrance', { n: pts.outsideFrance })}` : nothing}
          ${pts?.truncated ? html` ${this.t('truncated')}` : nothing}
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

const round = (x: number) => Math.round(x * 1e5) / 1e5;

/**
 * Services of one building share its coordinates: past the last cluster zoom their markers would
 * sit on top of each other (unreachable targets). Spread them on a small circle (≈ 50 m).
 */
export function spread(points: readonly MapPoint[]): MapPoint[] {
  const groups = new Map<string, MapPoint[]>();
  for (const p of points) {
    const k = `${p.lat},${p.lon}`;
    const g = groups.get(k);
    if (g) g.push(p);
    else groups.set(k, [p]);
  }
  const out: MapPoint[] = [];
  for (const g of groups.values()) {
    if (g.length === 1) {
      out.push(g[0]!);
      continue;
    }
    const r = 0.0004 * (1 + g.length / 6);
    g.forEach((p, i) => {
      const a = (2 * Math.PI * i) / g.length;
      out.push({ ...p, lat: p.lat + r * Math.sin(a), lon: p.lon + (r * Math.cos(a)) / Math.cos((p.lat * Math.PI) / 180) });
    });
  }
  return out;
}

function line(text: string, cls?: string): HTMLParagraphElement {
  const p = document.createElement('p');
  if (cls) p.className = cls;
  p.textContent = text;
  return p;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
