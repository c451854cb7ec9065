/**
 * The map itself: the Leaflet map, its background, the layer of markers, the supercluster index and the popups. The
 * only module with Leaflet code (`leaflet-adapter.ts` only loads the libraries); `<relais-map>` holds the state shown
 * around it (count, list, legend, errors) and talks to it through `ClusterLayerHost`.
 */
import type Supercluster from 'supercluster';
import { addressLine, isAbortError, located, parseOpeningHours, statusLine, telHref, termLabel, type BBox, type MapPoint, type SearchItem } from '@relais/core';
import { loadMapLibraries, type L, type Leaflet } from './leaflet-adapter.js';
import { groupOf } from './legend.js';
import type { TileSource } from './tiles.js';

/** The texts the map needs from its element, in the page's language. */
export type ClusterText = 'cluster' | 'closePopup' | 'zoomIn' | 'zoomOut' | 'call' | 'open';

/** What the layer asks of the element that holds it. */
export interface ClusterLayerHost {
  /** The focused element in the element's shadow root (a marker, a popup's button…). */
  active(): Element | null | undefined;
  /** The page's language (labels of kinds, opening hours). */
  lang(): string;
  text(k: ClusterText, p?: Record<string, unknown>): string;
  /** A marker's accessible name. */
  label(p: MapPoint): string;
  /** The service and structure of a popup; `undefined` when there is no source. */
  item(id: string): Promise<SearchItem> | undefined;
  /** « Voir la fiche » in a popup. */
  select(id: string): void;
  /** The person (not the code) started moving the map. */
  moved(): void;
  /** The map moved: its bounding box (rounded to 1e-5°) and zoom. */
  viewport(bbox: BBox, zoom: number): void;
  /** Markers were drawn: how many services the view holds. */
  drawn(inView: number): void;
  tileError(): void;
  failed(e: unknown): void;
}

type Props = { id: string; kind: string | null; name: string };
type MarkerWithId = Leaflet.Marker & { relaisId?: string; relaisKey?: string };

const FRANCE: [number, number] = [46.6, 2.4];

export class ClusterLayer {
  /** The Leaflet map. */
  readonly map: Leaflet.Map;
  private readonly layer: Leaflet.LayerGroup;
  private index: Supercluster<Props> | undefined;
  private points: readonly MapPoint[] = [];
  private byId = new Map<string, MapPoint>();
  /** Markers on the map by cluster or service: kept across moves, so that a focused marker is never replaced. */
  private markers = new Map<string, MarkerWithId>();
  /** After a cluster opened from a focused marker: move the focus to the nearest of what it expands into. */
  private focusNear: { lat: number; lon: number } | null = null;
  /** A move made by the code (not the person): no « Rechercher dans cette zone ». */
  private programmatic = false;
  private removed = false;

  /** Loads Leaflet and supercluster (once per page) and draws an empty map in `container`. */
  static async create(container: HTMLElement, host: ClusterLayerHost, opts: { maxZoom: number; tiles: TileSource | null }): Promise<ClusterLayer> {
    const { L, Supercluster: SC } = await loadMapLibraries();
    return new ClusterLayer(L, SC, container, host, opts);
  }

  private constructor(
    private readonly L: L,
    private readonly SC: typeof Supercluster,
    container: HTMLElement,
    private readonly host: ClusterLayerHost,
    private readonly opts: { maxZoom: number; tiles: TileSource | null },
  ) {
    // Zoom animations are off: they move content (WCAG 2.3.3) and Leaflet throws when a map is removed mid-animation.
    const map = L.map(container, { center: FRANCE, zoom: 5, minZoom: 3, maxZoom: opts.maxZoom, keyboard: true, zoomControl: false, attributionControl: true, zoomAnimation: false, markerZoomAnimation: false, fadeAnimation: false });
    // Leaflet credited in plain text: a link there would be a tiny target under the markers near the corner (WCAG 2.5.8)
    map.attributionControl.setPrefix('Leaflet');
    L.control.zoom({ zoomInTitle: host.text('zoomIn'), zoomOutTitle: host.text('zoomOut') }).addTo(map);
    const tiles = opts.tiles;
    if (tiles) {
      const layer = L.tileLayer(tiles.url, { maxZoom: Math.min(opts.maxZoom, tiles.maxZoom), maxNativeZoom: tiles.maxZoom });
      layer.on('tileerror', () => host.tileError());
      layer.addTo(map);
      // attribution as text: never HTML from an attribute
      if (tiles.attribution) map.attributionControl.addAttribution(escapeHtml(tiles.attribution));
    }
    // a popup's close button, in the page's language; the focus goes back to its marker when it closes
    map.on('popupopen', (e) => {
      const close = e.popup.getElement()?.querySelector('.leaflet-popup-close-button');
      close?.setAttribute('aria-label', host.text('closePopup'));
      close?.removeAttribute('title');
    });
    map.on('popupclose', (e) => {
      // the popup's element is gone with the focus it held: the focus is nowhere (the body)
      const lost = !host.active() && (!document.activeElement || document.activeElement === document.body);
      if (lost) this.focusMarker((e.popup as unknown as { _source?: Leaflet.Marker })._source);
    });
    this.layer = L.layerGroup().addTo(map);
    map.on('moveend', () => this.onMove());
    map.on('movestart', () => {
      if (!this.programmatic) host.moved();
    });
    this.map = map;
  }

  /** Whether points are indexed (the view's count is known). */
  get indexed(): boolean {
    return this.index !== undefined;
  }

  /** The current view: its bounds [west, south, east, north] and centre. */
  view(): { bounds: BBox; center: { lat: number; lon: number } } {
    const b = this.map.getBounds();
    const c = this.map.getCenter();
    return { bounds: [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()], center: { lat: c.lat, lon: c.lng } };
  }

  /** Moves the map at once, as the code's move (not the person's). */
  setView(lat: number, lon: number, zoom: number): void {
    this.programmatic = true;
    this.map.setView([lat, lon], zoom, { animate: false });
    this.programmatic = false;
  }

  /** The container changed size. */
  invalidateSize(): void {
    this.map.invalidateSize();
  }

  /** Removes the map (the element left the page). */
  remove(): void {
    this.removed = true;
    this.map.remove();
    this.markers.clear();
  }

  /** New points: a new index, the markers drawn again; with `fit`, the view fitted to them. */
  setPoints(points: readonly MapPoint[], fit: boolean): void {
    this.points = points;
    this.byId = new Map(points.map((p) => [p.id, p]));
    // radius in screen pixels (extent 256 = Leaflet's tile size): markers never overlap, so every target keeps 24 px (WCAG 2.5.8)
    const idx = new this.SC<Props>({ radius: 50, extent: 256, maxZoom: 16 });
    idx.load(spread(points).map((p) => ({ type: 'Feature', properties: { id: p.id, kind: p.kind, name: p.name }, geometry: { type: 'Point', coordinates: [p.lon, p.lat] } })));
    this.index = idx;
    // new data: cluster ids mean other groups now
    const hadFocus = this.focusedMarker() !== null;
    this.clearMarkers();
    if (fit && points.length) this.fitPoints();
    this.draw();
    if (hadFocus && !this.focusedMarker()) this.focusMarker(undefined);
  }

  /** Every marker drawn again (their names are in the page's language). */
  redraw(): void {
    this.clearMarkers();
    this.draw();
  }

  /**
   * Centres on a service and opens its popup. `focus`: move the keyboard focus to the summary (only when the person
   * asked for it here).
   */
  highlight(p: MapPoint, focus: boolean): void {
    // beyond the index's last zoom every service is its own marker
    this.setView(p.lat, p.lon, Math.max(this.map.getZoom(), 17));
    this.draw();
    this.layer.eachLayer((l) => {
      const m = l as MarkerWithId;
      if (m.relaisId === p.id) void this.openPopup(m, p.id, focus);
    });
  }

  private clearMarkers(): void {
    this.layer.clearLayers();
    this.markers.clear();
  }

  private fitPoints(): void {
    let s = 90, w = 180, n = -90, e = -180;
    for (const p of this.points) {
      if (p.lat < s) s = p.lat;
      if (p.lat > n) n = p.lat;
      if (p.lon < w) w = p.lon;
      if (p.lon > e) e = p.lon;
    }
    this.programmatic = true;
    // markers clear of the zoom buttons (top left) and of the attribution (bottom right): no target under another (WCAG 2.5.8)
    this.map.fitBounds([[s, w], [n, e]], { paddingTopLeft: [60, 20], paddingBottomRight: [20, 40], maxZoom: 13, animate: false });
    this.programmatic = false;
  }

  private onMove(): void {
    this.draw();
    const [w, s, e, n] = this.view().bounds;
    this.host.viewport(roundBBox([w, s, e, n]), this.map.getZoom());
  }

  /**
   * Draws the clusters and points of the current view (markers as DOM, keyboard reachable). Markers still in
   * view are kept as they are (a focused marker keeps the focus: no trap, no lost click), the others are
   * removed, and the markers follow the reading order (top to bottom, then left to right): the order of Tab.
   */
  draw(): void {
    if (!this.index) return;
    const zoom = Math.round(this.map.getZoom());
    const [w, s, e, n] = this.view().bounds;
    const features = this.index.getClusters([w, s, e, n], zoom);
    const focused = this.focusedMarker();
    const focusedAt = focused?.getLatLng();
    const next = new Map<string, MarkerWithId>();
    const ordered: Array<{ marker: MarkerWithId; row: number; x: number }> = [];
    let inView = 0;
    for (const f of features) {
      const [lon, lat] = f.geometry.coordinates as [number, number];
      const props = f.properties as { cluster?: boolean; cluster_id?: number; point_count?: number; id?: string };
      const key = props.cluster ? `c${props.cluster_id}` : `p${props.id}`;
      const marker = this.markers.get(key) ?? (props.cluster ? this.clusterMarker(lat, lon, props.cluster_id!, props.point_count!) : this.pointMarker(lat, lon, props.id!));
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
    const near = this.focusNear ?? (focused && !next.has(focused.relaisKey ?? '') && focusedAt ? { lat: focusedAt.lat, lon: focusedAt.lng } : null);
    this.focusNear = null;
    if (near) this.focusMarker(nearest(ordered.map((o) => o.marker), near));
    this.host.drawn(inView);
  }

  /** The marker that has the focus, if any. */
  private focusedMarker(): MarkerWithId | null {
    const active = this.host.active();
    if (!active) return null;
    for (const m of this.markers.values()) if (m.getElement() === active) return m;
    return null;
  }

  /** Focuses a marker's element, else the map itself (never the page's body). */
  private focusMarker(marker: Leaflet.Marker | undefined): void {
    const el = marker?.getElement();
    if (el?.isConnected) el.focus({ preventScroll: true });
    else this.map.getContainer().focus({ preventScroll: true });
  }

  /** Puts the marker elements in reading order without ever moving the focused one (moving it would blur it). */
  private orderMarkers(els: readonly HTMLElement[]): void {
    const pane = els[0]?.parentElement;
    if (!pane) return;
    const current = [...pane.children];
    if (current.length === els.length && current.every((c, i) => c === els[i])) return;
    const active = this.host.active();
    const fi = els.findIndex((e) => e === active);
    if (fi < 0) {
      for (const e of els) pane.append(e);
      return;
    }
    for (let i = 0; i < fi; i++) pane.insertBefore(els[i]!, els[fi]!);
    for (let i = fi + 1; i < els.length; i++) pane.append(els[i]!);
  }

  private clusterMarker(lat: number, lon: number, clusterId: number, n: number): MarkerWithId {
    const el = document.createElement('span');
    el.className = 'cluster';
    // the visible number is part of the accessible name (WCAG 2.5.3): no "4k" abbreviation
    el.textContent = String(n);
    if (n >= 1000) el.classList.add('large');
    const size = n < 10 ? 34 : n < 100 ? 38 : n < 1000 ? 42 : 46;
    const label = this.host.text('cluster', { n });
    const marker: MarkerWithId = this.L.marker([lat, lon], { icon: this.L.divIcon({ html: el, className: 'relais-cluster', iconSize: [size, size] }), keyboard: true, title: label, autoPanOnFocus: false });
    marker.relaisKey = `c${clusterId}`;
    marker.on('click', () => {
      const z = Math.min(this.index!.getClusterExpansionZoom(clusterId), this.opts.maxZoom);
      if (marker.getElement() === this.host.active()) this.focusNear = { lat, lon };
      this.map.setView([lat, lon], z);
      this.focusNear = null;
    });
    this.accessible(marker, label);
    return marker;
  }

  private pointMarker(lat: number, lon: number, id: string): MarkerWithId {
    const p = this.byId.get(id);
    const group = groupOf(p?.kind ?? null);
    const el = document.createElement('span');
    el.className = `pin ${group.id}`;
    el.setAttribute('aria-hidden', 'true');
    el.textContent = group.symbol;
    const label = p ? this.host.label(p) : id;
    const marker: MarkerWithId = this.L.marker([lat, lon], { icon: this.L.divIcon({ html: el, className: 'relais-pin', iconSize: [30, 30] }), keyboard: true, title: label, autoPanOnFocus: false });
    marker.relaisKey = `p${id}`;
    marker.relaisId = id;
    marker.on('click', () => void this.openPopup(marker, id, true));
    this.accessible(marker, label);
    return marker;
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
    const pending = this.host.item(id);
    if (!pending) return;
    try {
      const item = await pending;
      if (this.removed) return;
      const box = this.popup(item, id);
      marker.unbindPopup();
      const width = this.map.getSize().x;
      marker.bindPopup(box, { maxWidth: Math.max(150, Math.min(280, width - 124)), autoPan: false }).openPopup();
      this.keepInView(marker.getPopup());
      if (focus) box.querySelector<HTMLButtonElement>('button.open')?.focus({ preventScroll: true });
    } catch (e) {
      if (!isAbortError(e)) this.host.failed(e);
    }
  }

  /** A service's summary: name, kind, address, opening status, phone, « Voir la fiche »; text only, never HTML. */
  private popup({ service: s, structure: st }: SearchItem, id: string): HTMLDivElement {
    const lang = this.host.lang();
    const box = document.createElement('div');
    box.className = 'popup';
    const h = document.createElement('p');
    h.className = 'popup-title';
    h.textContent = st && st.nom !== s.nom ? `${s.nom} — ${st.nom}` : s.nom;
    box.append(h);
    if (st?.typologie) box.append(line(termLabel('typologies', st.typologie, { lang }), 'kind'));
    const address = addressLine(s, st);
    if (address) box.append(line(address));
    const hours = parseOpeningHours(located(s, st, 'horaires_accueil'));
    if (hours) box.append(line(statusLine(hours, new Date(), lang)));
    const phone = located(s, st, 'telephone');
    const tel = telHref(phone);
    if (tel && phone) {
      const a = document.createElement('a');
      a.href = tel;
      a.textContent = this.host.text('call', { phone });
      const p = document.createElement('p');
      p.append(a);
      box.append(p);
    }
    const open = document.createElement('button');
    open.type = 'button';
    open.className = 'open';
    open.textContent = this.host.text('open');
    open.addEventListener('click', () => this.host.select(id));
    box.append(open);
    // Escape closes the summary (the focus goes back to the marker, see popupclose)
    box.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') {
        e.stopPropagation();
        this.map.closePopup();
      }
    });
    return box;
  }

  /**
   * Moves the map at once (no animation that a click or a key could interrupt half-way) so that the whole summary
   * is in view, clear of the zoom buttons (top left) and of the attribution (bottom right).
   */
  private keepInView(popup: Leaflet.Popup | undefined): void {
    const el = popup?.getElement();
    if (!el) return;
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
}

const round = (x: number) => Math.round(x * 1e5) / 1e5;

/** A bounding box rounded to 1e-5° (about a metre): what the map tells and shares. */
export const roundBBox = ([w, s, e, n]: BBox): BBox => [round(w), round(s), round(e), round(n)];

function nearest(markers: readonly Leaflet.Marker[], p: { lat: number; lon: number }): Leaflet.Marker | undefined {
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
