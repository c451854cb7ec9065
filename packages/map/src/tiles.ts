/** The map's background: « Plan IGN » by default, a partner's tile template, or none. */
import { sanitizeUrl } from '@relais/core';

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

/** The background: the partner's `tile-url`, none with `tile-url="none"` (or without `{z}`), else « Plan IGN ». */
export function tileSource(tileUrl: string | undefined, attribution: string | undefined, maxZoom: number): TileSource | null {
  const raw = tileUrl?.trim();
  if (!raw) return PLAN_IGN;
  if (raw === 'none' || !/\{z\}/.test(raw)) return null;
  // only an http(s) tile template, resolved against the page; {z}/{x}/{y} survive the URL parser as %7B…%7D
  const safe = sanitizeUrl(new URL(raw, document.baseURI).href);
  const url = safe && /^https?:/.test(safe) ? decodeURI(safe) : null;
  return url ? { url, attribution: attribution ?? '', maxZoom } : null;
}
