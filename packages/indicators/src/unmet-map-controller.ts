/**
 * The map of unmet needs as a controller of `<relais-indicators>`: it finds the EPCI centres of the answer (once per
 * département and list of EPCI), creates the Leaflet map on demand (unmet-map.ts, loaded then), draws the circles of
 * the need chosen one draw after the other, and removes the map when the element leaves the page.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { formatNumber, type Lang } from '@relais/core';
import type { T } from './messages.js';
import { countOf, type Indicators, type Zone } from './model.js';
import type { Circle, UnmetMap } from './unmet-map.js';

/** What the map shows, read from the element each time it is needed. */
export interface UnmetMapSource {
  /** The answer shown (null before the first). */
  shown: Indicators | null;
  departement: string | undefined;
  /** The need chosen (`''`: all of them). */
  need: string;
  t: T;
  lang: Lang;
  zoneText: (z: Zone) => string;
  /** The map's container, once rendered. */
  container: () => HTMLElement | null;
  tiles: { tileUrl: string | undefined; tileAttribution: string | undefined };
  /** A colour token of the element, else `fallback`. */
  token: (name: string, fallback: string) => string;
}

export class UnmetMapController implements ReactiveController {
  /** `ready` once drawn, `failed` when the map or the centres could not be loaded. */
  state: 'idle' | 'ready' | 'failed' = 'idle';
  private map: UnmetMap | null = null;
  private centres: Map<string, { lat: number; lon: number }> | null = null;
  private centresFor = '';
  /** The draws, one after the other: two at once would both create a Leaflet map on the same container. */
  private drawing: Promise<void> = Promise.resolve();

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly source: () => UnmetMapSource,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.map?.remove();
    this.map = null;
    this.setState('idle');
  }

  resize(): void {
    this.map?.resize();
  }

  draw(): Promise<void> {
    this.drawing = this.drawing.then(() => this.drawNow());
    return this.drawing;
  }

  /** The circles: per EPCI, the searches without a result of the need chosen (or of all), published cells only. */
  circles(s: UnmetMapSource = this.source()): { circles: Circle[]; unplaced: number } {
    const rows = (s.shown?.besoins_non_couverts ?? []).filter((r) => !s.need || r.besoin === s.need);
    const per = new Map<string, { value: number; masked: boolean; name: string }>();
    let unplaced = 0;
    for (const r of rows) {
      const c = r.zone.niveau === 'epci' && r.zone.code ? this.centres?.get(r.zone.code) : undefined;
      if (!c) {
        unplaced++;
        continue;
      }
      const p = per.get(r.zone.code!) ?? { value: 0, masked: false, name: s.zoneText(r.zone) };
      const n = countOf(r.sans_resultat);
      if (n === null) p.masked = true;
      else p.value += n;
      per.set(r.zone.code!, p);
    }
    const k = s.shown?.k ?? 5;
    const circles = [...per].map(([code, p]) => {
      const c = this.centres!.get(code)!;
      const label = s.t('circle', { name: p.name, n: formatNumber(p.value, s.lang) }) + (p.masked ? s.t('circleMasked', { k }) : '');
      return { code, lat: c.lat, lon: c.lon, value: p.value, label };
    });
    return { circles, unplaced };
  }

  private async drawNow(): Promise<void> {
    const { shown, departement, container, t, tiles } = this.source();
    const el = container();
    if (!shown || !el || !departement) return;
    try {
      const sirens = [...new Set(shown.besoins_non_couverts.filter((r) => r.zone.niveau === 'epci' && r.zone.code).map((r) => r.zone.code!))];
      const key = `${departement}|${sirens.join(',')}`;
      if (this.centresFor !== key) {
        const { epciCentres } = await import('./epci-centres.js');
        this.centres = await epciCentres(sirens, departement);
        this.centresFor = key;
      }
      if (!this.map) {
        const { UnmetMap } = await import('./unmet-map.js');
        if (!el.isConnected) return;
        this.map = await UnmetMap.create(el, { ...tiles, zoomIn: t('zoomIn'), zoomOut: t('zoomOut') });
      }
      const s = this.source();
      this.map.draw(this.circles(s).circles, { fill: s.token('--_r-danger', '#b3261e'), stroke: s.token('--_r-danger', '#b3261e') });
      this.setState('ready');
    } catch {
      this.setState('failed');
    }
  }

  private setState(state: UnmetMapController['state']): void {
    if (this.state === state) return;
    this.state = state;
    this.host.requestUpdate();
  }
}
