/** Rounds a commune to its EPCI or département: the commune itself is never measured. */
import { departementOf, loadChunk, DEPARTEMENT_CODES } from '../geo/gazetteer.js';
import type { MeasureZone } from './types.js';

const COMMUNE = /^(\d{5}|2[AB]\d{3})$/;

/**
 * The zone of a commune (INSEE code): its EPCI (SIREN) when it belongs to one, else its département; `aucune` when
 * there is no commune or the code is unknown. Paris, Lyon and Marseille arrondissements round like their commune.
 */
export async function zoneOfCommune(code: string | null | undefined): Promise<MeasureZone> {
  if (!code || !COMMUNE.test(code)) return { niveau: 'aucune' };
  const dep = departementOf(code);
  if (!DEPARTEMENT_CODES.includes(dep)) return { niveau: 'aucune' };
  let place;
  try {
    const list = await loadChunk(dep);
    // Paris, Lyon, Marseille: the gazetteer lists their arrondissements, which belong to the commune's EPCI
    place = list.find((c) => c.code === code) ?? list.find((c) => c.parent === code);
  } catch {
    place = undefined; // the chunk could not load: the département is still known from the code
  }
  if (place?.epci && /^\d{9}$/.test(place.epci)) return { niveau: 'epci', code: place.epci };
  return { niveau: 'departement', code: place?.departement ?? dep };
}

/** A zone given already rounded by a widget (`{ epci }` or `{ departement }`), checked. */
export function zoneOfArea(area: { epci?: string | null; departement?: string | null } | null | undefined): MeasureZone {
  if (area?.epci && /^\d{9}$/.test(area.epci)) return { niveau: 'epci', code: area.epci };
  if (area?.departement && DEPARTEMENT_CODES.includes(area.departement)) return { niveau: 'departement', code: area.departement };
  return { niveau: 'aucune' };
}
