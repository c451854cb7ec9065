/**
 * The origin of a directory search handed off from another widget (« Trouver : … » of `<relais-eligibility>`, a
 * pathway step's link), for measurement only.
 *
 * Never in the URL: a benefit id in an address (`?aide=aah`) says that the person may be disabled, and an address is
 * kept in the history, in server logs (Referer) and in analytics. A one-shot marker in `sessionStorage` (this tab
 * only, removed when read, ignored after 10 minutes) carries it to the directory's next search instead (the measurement takes it when it hears that search's
 * `relais-search`, so that the directory page carries none of this code) — and only
 * when the site turned measurement on (otherwise nothing is written). The measurement checks it again (map.ts).
 */
export type SearchOrigin = 'directe' | 'eligibilite' | 'parcours' | 'carte';

/** A search's origin, with the benefit whose result led to it. */
export interface Handoff {
  origin: SearchOrigin;
  /** With `eligibilite`: the benefit id. */
  benefit?: string | undefined;
}

const KEY = 'relais-mesure-origine';
/** How many measurements run (two providers may each measure). */
let on = 0;
let mem: string | null = null;

/** Turns hand-off markers on or off (by `startMeasurement` and its stop function, which may be several). */
export function setHandoffMarking(v: boolean): void {
  on = Math.max(0, on + (v ? 1 : -1));
}

/** Notes a hand-off towards the directory (nothing when measurement is off). */
export function markHandoff(h: Handoff): void {
  if (!on) return;
  mem = JSON.stringify({ ...h, at: Date.now() });
  try {
    sessionStorage.setItem(KEY, mem);
  } catch {
    // storage refused: the in-page marker still works
  }
}

/** Takes (and removes) the pending hand-off: the origin of this search, `directe` when none (or older than 10 minutes). */
export function takeHandoff(): Handoff {
  let raw = mem;
  mem = null;
  try {
    raw ??= sessionStorage.getItem(KEY);
    sessionStorage.removeItem(KEY);
  } catch {
    // no storage: the in-page marker only
  }
  try {
    const h = JSON.parse(raw!) as Handoff & { at: number };
    if (Date.now() - h.at < 6e5 && ['eligibilite', 'parcours', 'carte'].includes(h.origin)) return { origin: h.origin, benefit: h.benefit };
  } catch {
    // none, or unreadable
  }
  return { origin: 'directe' };
}
