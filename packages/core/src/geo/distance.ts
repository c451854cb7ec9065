/** A point in WGS84 degrees. */
export interface LatLon {
  lat: number;
  lon: number;
}

/** A bounding box [west, south, east, north] in WGS84 degrees. */
export type BBox = readonly [west: number, south: number, east: number, north: number];

const R = 6371.0088;
const RAD = Math.PI / 180;

/** Great-circle distance in kilometres (haversine). */
export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const dLat = (lat2 - lat1) * RAD;
  const dLon = (lon2 - lon1) * RAD;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * R * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** Metropolitan France with Corsica, and the overseas départements and collectivities. */
const FRANCE_BOXES: readonly BBox[] = [
  [-5.3, 41.2, 9.7, 51.2], // métropole + Corse
  [-61.9, 15.8, -60.9, 16.6], // Guadeloupe
  [-61.3, 14.3, -60.7, 14.95], // Martinique
  [-54.7, 2.0, -51.5, 5.9], // Guyane
  [55.1, -21.5, 55.9, -20.8], // La Réunion
  [44.9, -13.1, 45.4, -12.5], // Mayotte
  [-56.5, 46.7, -56.1, 47.2], // Saint-Pierre-et-Miquelon
  [-63.2, 17.8, -62.7, 18.2], // Saint-Martin, Saint-Barthélemy
  [-178.3, -14.4, -176.0, -13.1], // Wallis-et-Futuna
  [-154.8, -27.8, -134.3, -7.8], // Polynésie française
  [163.5, -22.8, 168.2, -19.5], // Nouvelle-Calédonie
];

/** True when the point lies in metropolitan France or an overseas territory. */
export const isInFranceBounds = (lat: number, lon: number): boolean => FRANCE_BOXES.some((b) => inBBox(b, lat, lon));

/** True when the point is inside the box. */
export const inBBox = (b: BBox, lat: number, lon: number): boolean => lon >= b[0] && lon <= b[2] && lat >= b[1] && lat <= b[3];

/** A place resolved from a commune code: centroid, département and EPCI. */
export interface ResolvedPlace {
  code: string;
  lat: number;
  lon: number;
  departement: string;
  epci: string | null;
}
