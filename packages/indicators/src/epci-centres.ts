import { loadChunk, departementsAround } from '@relais/core';

/** Where an EPCI is drawn: the mean of its communes' centroids, and how many communes that mean is made of. */
export interface EpciCentre {
  lat: number;
  lon: number;
  communes: number;
}

/**
 * The centre of each EPCI (by SIREN): the mean of the coordinates of its communes in @relais/core's gazetteer
 * (INSEE COG 2024, one lazily loaded chunk per département). The communes of the département and of those around it
 * are read (about 6 kB gzip each), so that an EPCI reaching over the border is centred on all its communes.
 * Municipal arrondissements (Paris, Lyon, Marseille) are left out: their commune is already counted.
 */
export async function epciCentres(sirens: readonly string[], departement: string): Promise<Map<string, EpciCentre>> {
  const wanted = new Set(sirens);
  const sums = new Map<string, { lat: number; lon: number; n: number }>();
  const lists = await Promise.all((await departementsAround([departement])).map((d) => loadChunk(d)));
  for (const c of lists.flat()) {
    if (!c.epci || !wanted.has(c.epci) || c.parent) continue;
    const s = sums.get(c.epci) ?? { lat: 0, lon: 0, n: 0 };
    s.lat += c.lat;
    s.lon += c.lon;
    s.n += 1;
    sums.set(c.epci, s);
  }
  return new Map([...sums].map(([siren, s]) => [siren, { lat: s.lat / s.n, lon: s.lon / s.n, communes: s.n }]));
}
