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
  clientContext,
  clientFromAttributes,
  sourceChanged,
  departementOf,
  formatNumber,
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
  | 'geoRefused' | 'tileError' | 'cluster' | 'open' | 'center' | 'legend' | 'loading' | 'mapLabel' | 'retry' | 'call' | 'noPoints' | 'keyboardHelp';

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
    keyboardHelp: 'Tabulation pour passer d’un repère à l’autre, Entrée pour l’ouvrir ; flèches et + / − pour déplacer et zoomer.',
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
    keyboardHelp: 'Tab moves between markers, Enter opens one; arrows and + / − pan and zoom.',
  },
};

const FRANCE: [number, number] = [46.6, 2.4];
const LIST_LIMIT = 100;

/**
 * Services on a Leaflet map, clustered (supercluster), reachable by keyboard, with a list of what is
 * in view always available. Leaflet is loaded only when the map is about to be visible.
 *
 * @element relais-map
 * @fires relais-select - A service's "Voir la fiche" was chosen (`serviceId`).
 * @fires relais-viewport - The map moved (`bbox`, `zoom`).
 * @fires relais-error - The source failed (`message` in French).
 * @csspart map - The map container.
 * @csspart toolbar - The buttons above the map.
 * @csspart list - The list alternative.
 * @csspart legend - The legend.
 * @csspart status - The count line (a live region).
 * @csspart button - Buttons.
 * @cssprop --relais-map-height - Height of the map (default 28rem).
 * @cssprop --relais-map-color-accueil - Markers of places that receive the public (default: --relais-color-primary).
 * @cssprop --relais-map-color-domicile - Markers of services at home (default: --relais-color-success).
 * @cssprop --relais-map-color-etablissement - Markers of residential establishments (default: --relais-color-accent-1).
 * @cssprop --relais-map-color-accompagnement - Markers of support services (default: --relais-color-accent-2).
 * @cssprop --relais-map-color-lien - Markers of social-tie services (default: --relais-color-text).
 * @cssprop --relais-color-primary - Clusters, buttons.
 * @cssprop --relais-color-surface-alt - Background when no tiles are configured.
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
  /** Tile URL template of the partner's allowed provider (`https://…/{z}/{x}/{y}.png`); none: a plain background. */
  @property({ attribute: 'tile-url' }) tileUrl: string | undefined;
  /** Attribution of the tiles, as plain text. */
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
  @state() private inView: MapPoint[] = [];
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
    this.visible = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) {
      this.observer?.observe(this);
      if (this.mapEl) this.resize?.observe(this.mapEl);
    }
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
        void this.loadPoints();
      }
    }
    if (what === 'selection' && this.store?.selected) this.highlight(this.store.selected);
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
    const map = L.map(this.mapEl, { center: FRANCE, zoom: 5, minZoom: 3, maxZoom: this.maxZoom, keyboard: true, zoomControl: true, attributionControl: true, zoomAnimation: false, markerZoomAnimation: false, fadeAnimation: false });
    // only an http(s) tile template, resolved against the page; {z}/{x}/{y} survive the URL parser as %7B…%7D
    const safe = this.tileUrl && /\{z\}/.test(this.tileUrl) ? sanitizeUrl(new URL(this.tileUrl, document.baseURI).href) : null;
    const url = safe && /^https?:/.test(safe) ? decodeURI(safe) : null;
    if (url) {
      const layer = L.tileLayer(url, { maxZoom: this.maxZoom });
      layer.on('tileerror', () => (this.tileError = true));
      layer.addTo(map);
      // attribution as text: never HTML from an attribute
      if (this.tileAttribution) map.attributionControl.addAttribution(escapeHtml(this.tileAttribution));
    }
    this.layer = L.layerGroup().addTo(map);
    map.on('moveend', () => this.onMove());
    map.on('movestart', () => {
      if (!this.programmatic) this.moved = true;
    });
    this.map = map;
    this.ready = true;
  }

  private buildIndex(): void {
    const Sc = this.SC!;
    // radius in screen pixels (extent 256 = Leaflet's tile size): markers never overlap, so every target keeps 24 px (WCAG 2.5.8)
    const idx = new Sc<{ id: string; kind: string | null; name: string }>({ radius: 50, extent: 256, maxZoom: 16 });
    idx.load(spread(this.points!.points).map((p) => ({ type: 'Feature', properties: { id: p.id, kind: p.kind, name: p.name }, geometry: { type: 'Point', coordinates: [p.lon, p.lat] } })));
    this.index = idx;
    if (!this.commune && this.points!.points.length) this.fitPoints();
    this.renderClusters();
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
    this.map!.fitBounds([[s, w], [n, e]], { padding: [20, 20], maxZoom: 13, animate: false });
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

  /** Draws the clusters and points of the current view (markers as DOM, keyboard reachable). */
  renderClusters(): void {
    if (!this.map || !this.index || !this.layer) return;
    const L = this.L!;
    const b = this.map.getBounds();
    const zoom = Math.round(this.map.getZoom());
    const features = this.index.getClusters([b.getWest(), b.getSouth(), b.getEast(), b.getNorth()], zoom);
    this.layer.clearLayers();
    let inView = 0;
    for (const f of features) {
      const [lon, lat] = f.geometry.coordinates as [number, number];
      const props = f.properties as { cluster?: boolean; cluster_id?: number; point_count?: number; id?: string; kind?: string | null; name?: string };
      if (props.cluster) {
        const n = props.point_count!;
        const el = document.createElement('span');
        el.className = 'cluster';
        // the visible number is part of the accessible name (WCAG 2.5.3): no "4k" abbreviation
        el.textContent = String(n);
        if (n >= 1000) el.classList.add('large');
        const size = n < 10 ? 34 : n < 100 ? 38 : n < 1000 ? 42 : 46;
        const marker = L.marker([lat, lon], { icon: L.divIcon({ html: el, className: 'relais-cluster', iconSize: [size, size] }), keyboard: true, title: this.t('cluster', { n }) });
        marker.on('click', () => {
          const z = Math.min(this.index!.getClusterExpansionZoom(props.cluster_id!), this.maxZoom);
          this.map!.setView([lat, lon], z);
        });
        this.accessible(marker, this.t('cluster', { n }));
        this.layer.addLayer(marker);
        inView += n;
      } else {
        const group = groupOf(props.kind ?? null);
        const el = document.createElement('span');
        el.className = `pin ${group.id}`;
        el.setAttribute('aria-hidden', 'true');
        el.textContent = group.symbol;
        const label = `${props.name}${props.kind ? ` — ${termLabel('typologies', props.kind, { lang: this.i18n.lang })}` : ''}`;
        const marker = L.marker([lat, lon], { icon: L.divIcon({ html: el, className: 'relais-pin', iconSize: [30, 30] }), keyboard: true, title: label });
        marker.on('click', () => void this.openPopup(marker, props.id!));
        this.accessible(marker, label);
        (marker as Leaflet.Marker & { relaisId?: string }).relaisId = props.id;
        this.layer.addLayer(marker);
        inView++;
      }
    }
    this.inViewCount = inView;
    if (this.listOpen) this.updateList();
  }

  /**
   * The list alternative: the services in view, the 100 nearest to the centre of the map, by name.
   * Computed only while the list is open (it is the costly part of a move at 50 000 points).
   */
  private updateList(): void {
    if (!this.map || !this.points) return;
    const b = this.map.getBounds();
    const c = this.map.getCenter();
    const w = b.getWest(), e = b.getEast(), s = b.getSouth(), n = b.getNorth();
    const inb = this.points.points.filter((p) => p.lat >= s && p.lat <= n && p.lon >= w && p.lon <= e);
    const d = (p: MapPoint) => (p.lat - c.lat) ** 2 + ((p.lon - c.lng) * Math.cos((c.lat * Math.PI) / 180)) ** 2;
    const nearest = inb.length > LIST_LIMIT ? inb.sort((a, b2) => d(a) - d(b2)).slice(0, LIST_LIMIT) : inb;
    this.inView = nearest.sort((a, b2) => a.name.localeCompare(b2.name, 'fr'));
  }

  /** Markers are buttons with a name; Enter and Space activate them. */
  private accessible(marker: Leaflet.Marker, label: string): void {
    marker.on('add', () => {
      const el = marker.getElement();
      if (!el) return;
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

  private async openPopup(marker: Leaflet.Marker, id: string): Promise<void> {
    const c = this.client;
    if (!c || !this.L) return;
    try {
      const item = await c.get(id);
      const { service: s, structure: st } = item;
      const box = document.createElement('div');
      box.className = 'popup';
      const h = document.createElement('p');
      h.className = 'popup-title';
      h.textContent = st && st.nom !== s.nom ? `${s.nom} — ${st.nom}` : s.nom;
      box.append(h);
      if (st?.typologie) box.append(line(termLabel('typologies', st.typologie, { lang: this.i18n.lang }), 'kind'));
      const address = [s.adresse ?? st?.adresse, [s.code_postal ?? st?.code_postal, s.commune ?? st?.commune].filter(Boolean).join(' ')].filter(Boolean).join(', ');
      if (address) box.append(line(address));
      const hours = parseOpeningHours(s.horaires_accueil ?? st?.horaires_accueil);
      if (hours) box.append(line(statusLine(hours, new Date(), this.i18n.lang)));
      const phone = s.telephone ?? st?.telephone;
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
      marker.unbindPopup();
      marker.bindPopup(box, { maxWidth: 280 }).openPopup();
      open.focus();
    } catch (e) {
      if (!isAbortError(e)) this.fail(e);
    }
  }

  private select(id: string): void {
    this.emit(new RelaisSelectEvent(id));
    this.store?.select(id);
  }

  /** Centres on a service and opens its popup (used when another widget selects it). */
  highlight(id: string): void {
    const p = this.points?.points.find((x) => x.id === id);
    if (!p || !this.map) return;
    this.programmatic = true;
    // beyond the index's last zoom every service is its own marker
    this.map.setView([p.lat, p.lon], Math.max(this.map.getZoom(), 17), { animate: false });
    this.programmatic = false;
    this.renderClusters();
    this.layer?.eachLayer((l) => {
      const m = l as Leaflet.Marker & { relaisId?: string };
      if (m.relaisId === id) void this.openPopup(m, id);
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
            ${this.listOpen ? this.t('hideList') : this.t('showList', { n: formatNumber(this.inViewCount, this.i18n.lang) })}
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
          <ul>
            ${this.inView.map(
              (p) => html`<li>
                <span class="name">${p.name}</span>${p.kind ? html` <span class="muted">— ${termLabel('typologies', p.kind, { lang: this.i18n.lang })}</span>` : nothing}
                <button type="button" part="button" class="link" @click=${() => this.select(p.id)}>${this.t('open')}<span class="visually-hidden"> : ${p.name}</span></button>
                <button type="button" part="button" class="link" @click=${() => this.centerOn(p)}>${this.t('center')}<span class="visually-hidden"> : ${p.name}</span></button>
              </li>`,
            )}
          </ul>
          ${this.inViewCount > LIST_LIMIT ? html`<p>${this.t('listMore', { n: this.inViewCount - LIST_LIMIT })}</p>` : nothing}
        </div>
        <p class="visually-hidden" id="map-help">${this.t('keyboardHelp')}</p>
        ${this.ready ? nothing : html`<p class="muted">${this.t('loading')}</p>`}
        <div id="map" part="map" class="map ${this.tileUrl ? 'tiles' : 'no-tiles'}" role="region" aria-label=${this.t('mapLabel')} aria-describedby="map-help"></div>
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
