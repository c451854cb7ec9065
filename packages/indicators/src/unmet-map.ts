/**
 * The map of unmet needs: one proportional circle per EPCI (area proportional to its searches without a result),
 * at the mean of its communes' coordinates (epci-centres.ts), drawn with Leaflet as `<relais-map>` loads it
 * (@relais/map/leaflet). Loaded on demand, with Leaflet and its stylesheet. Keyboard: the map pans with the arrows and
 * zooms with + and −; each circle is a focusable image named by its EPCI and count, whose tooltip opens on focus. The
 * section's table is the map's equivalent.
 */
import { loadLeaflet, leafletStyles, tileSource, type Leaflet } from '@relais/map/leaflet';

/** One circle: where, how many, and its accessible name. */
export interface Circle {
  code: string;
  lat: number;
  lon: number;
  value: number;
  label: string;
}

/** The colours of the circles, read from the element's tokens. */
export interface MapTheme {
  fill: string;
  stroke: string;
}

const MAX_RADIUS = 28;
const MIN_RADIUS = 5;

/** Radius in pixels: the circle's area is proportional to the value (the largest at MAX_RADIUS). */
export const radiusOf = (value: number, max: number): number => Math.max(MIN_RADIUS, MAX_RADIUS * Math.sqrt(value / Math.max(1, max)));

/** A Leaflet map in a shadow root: adopts Leaflet's stylesheet there, draws and redraws the circles. */
export class UnmetMap {
  private layer: Leaflet.LayerGroup | null = null;

  private constructor(
    private readonly L: typeof Leaflet,
    readonly map: Leaflet.Map,
  ) {}

  static async create(container: HTMLElement, opts: { tileUrl?: string; tileAttribution?: string; zoomIn: string; zoomOut: string }): Promise<UnmetMap> {
    const L = await loadLeaflet();
    const root = container.getRootNode();
    if (root instanceof ShadowRoot && leafletStyles.styleSheet && !root.adoptedStyleSheets.includes(leafletStyles.styleSheet)) {
      // Leaflet's rules first, so that the element's own styles (adopted by Lit) still win
      root.adoptedStyleSheets = [leafletStyles.styleSheet, ...root.adoptedStyleSheets];
    }
    const map = L.map(container, { center: [46.6, 2.4], zoom: 5, minZoom: 4, maxZoom: 13, keyboard: true, zoomControl: false, zoomAnimation: false, markerZoomAnimation: false, fadeAnimation: false });
    map.attributionControl.setPrefix('Leaflet');
    L.control.zoom({ zoomInTitle: opts.zoomIn, zoomOutTitle: opts.zoomOut }).addTo(map);
    const tiles = tileSource(opts.tileUrl, opts.tileAttribution, 13);
    if (tiles) {
      L.tileLayer(tiles.url, { maxZoom: 13, maxNativeZoom: tiles.maxZoom }).addTo(map);
      if (tiles.attribution) map.attributionControl.addAttribution(tiles.attribution.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`));
    }
    return new UnmetMap(L, map);
  }

  /** Draws the circles (the largest first, so that small ones stay on top and reachable) and fits the view to them. */
  draw(circles: readonly Circle[], theme: MapTheme): void {
    const L = this.L;
    this.layer?.remove();
    const layer = L.layerGroup().addTo(this.map);
    this.layer = layer;
    const max = Math.max(1, ...circles.map((c) => c.value));
    for (const c of [...circles].sort((a, b) => b.value - a.value)) {
      const m = L.circleMarker([c.lat, c.lon], { radius: radiusOf(c.value, max), color: theme.stroke, weight: 2, fillColor: theme.fill, fillOpacity: 0.45 });
      m.bindTooltip(c.label, { direction: 'top' });
      m.addTo(layer);
      const el = m.getElement();
      if (el) {
        el.setAttribute('tabindex', '0');
        el.setAttribute('role', 'img');
        el.setAttribute('aria-label', c.label);
        el.setAttribute('data-epci', c.code);
        el.addEventListener('focus', () => m.openTooltip());
        el.addEventListener('blur', () => m.closeTooltip());
      }
    }
    if (circles.length) {
      const bounds = L.latLngBounds(circles.map((c) => [c.lat, c.lon] as [number, number]));
      this.map.fitBounds(bounds.pad(0.25), { animate: false, maxZoom: 10 });
    }
  }

  /** The container changed size. */
  resize(): void {
    this.map.invalidateSize();
  }

  remove(): void {
    this.map.remove();
  }
}
