/**
 * The origin of a directory search handed off from another widget (« Trouver : … » of `<relais-eligibility>`, a
 * pathway step's link), for measurement only.
 *
 * Never in the URL: a benefit id in an address (`?aide=aah`) says that the person may be disabled, and an address is
 * kept in the history, in server logs (Referer) and in analytics. A one-shot marker in `sessionStorage` (this tab
 * only, removed when read, ignored after 10 minutes) carries it to the directory's next search instead — and only
 * when the site turned measurement on (otherwise nothing is written).
 */
export type SearchOrigin = 'directe' | 'eligibilite' | 'parcours' | 'carte';

/** A search's origin, with the benefit whose result led to it. */
export interface Handoff {
  origin: SearchOrigin;
  /** With `eligibilite`: the benefit id. */
  benefit?: string;
}

const KEY = 'relais-mesure-origine';
const MAX_AGE_MS = 10 * 60 * 1000;
let enabled = false;
let pending: (Handoff & { at: number }) | null = null;

/** Turns hand-off markers on or off (set by `startMeasurement`). */
export function setHandoffMarking(on: boolean): void {
  enabled = on;
}

/** Notes a hand-off towards the directory (nothing when measurement is off). */
export function markHandoff(h: Handoff): void {
  if (!enabled) return;
  pending = { origin: h.origin, ...(h.benefit ? { benefit: h.benefit } : {}), at: Date.now() };
  try {
    sessionStorage.setItem(KEY, JSON.stringify(pending));
  } catch {
    // storage refused: the in-page marker still works
  }
}

/** Takes (and removes) the pending hand-off: the origin of this search, `directe` when none. */
export function takeHandoff(): Handoff {
  let h = pending;
  pending = null;
  try {
    const raw = sessionStorage.getItem(KEY);
    if (raw) {
      sessionStorage.removeItem(KEY);
      h ??= JSON.parse(raw) as Handoff & { at: number };
    }
  } catch {
    // unreadable: no origin
  }
  const fresh = h && typeof h.at === 'number' && Date.now() - h.at < MAX_AGE_MS && (h.origin === 'eligibilite' || h.origin === 'parcours' || h.origin === 'carte');
  if (!fresh) return { origin: 'directe' };
  return { origin: h!.origin, ...(h!.origin === 'eligibilite' && typeof h!.benefit === 'string' && /^[a-z0-9_-]{1,80}$/.test(h!.benefit) ? { benefit: h!.benefit } : {}) };
}
