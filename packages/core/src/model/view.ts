/**
 * What a service shows of its place: its own value, else its structure's (a service of data·inclusion often leaves
 * its address, phone or hours to the structure that runs it). One definition for the engine, the client and the
 * widgets, instead of `s.x ?? st?.x` written at every use.
 */
import type { Located, Service, Structure } from './types.js';

/** The service's own value of a located field, else its structure's, else `null`. */
export function located<K extends keyof Located>(s: Service, st: Structure | null | undefined, key: K): Located[K] | null {
  return s[key] ?? st?.[key] ?? null;
}

/** The service's position, else its structure's; `null` when either coordinate is missing. */
export function positionOf(s: Service, st: Structure | null | undefined): { lat: number; lon: number } | null {
  const lat = located(s, st, 'latitude');
  const lon = located(s, st, 'longitude');
  return lat == null || lon == null ? null : { lat, lon };
}

/**
 * The address as lines: the street, the complement (with `complement: true`), « code postal commune »; empty lines left
 * out. Each value is the service's, else its structure's.
 */
export function addressLines(s: Service, st: Structure | null | undefined, opts: { complement?: boolean } = {}): string[] {
  const town = [located(s, st, 'code_postal'), located(s, st, 'commune')].filter(Boolean).join(' ');
  return [located(s, st, 'adresse'), opts.complement ? located(s, st, 'complement_adresse') : null, town].filter((x): x is string => !!x);
}

/** The address on one line (« 1 rue de la Paix, 58500 Clamecy »), or `''`. */
export function addressLine(s: Service, st: Structure | null | undefined): string {
  return addressLines(s, st).join(', ');
}
