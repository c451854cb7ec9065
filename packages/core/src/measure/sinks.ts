/** Where measurement events go: the Relais server, Matomo, or the site's own function. */
import type { MeasurementEvent, MeasurementSink } from './types.js';

/** Options of {@link serverSink}. */
export interface ServerSinkOptions {
  /** Milliseconds before a partial batch is sent (default 10 s). */
  delayMs?: number;
  /** Attempts for one batch before it is dropped (default 2). */
  attempts?: number;
  /** The fetch to use (tests). */
  fetch?: typeof fetch;
}

const MAX_BATCH = 50;
const MAX_BYTES = 60 * 1024; // under the endpoint's 64 KiB, and fetch keepalive's 64 KiB

/**
 * Posts events to `@relais/server`'s `POST /indicateurs/evenements` (`{ evenements: [...] }`), by batches of 50 at
 * most: after `delayMs`, when 50 are pending, and when the page is hidden (`pagehide`, `visibilitychange`), with
 * `fetch(…, { keepalive: true, credentials: 'omit' })` — no cookie, no Referer. A failed batch is tried again once
 * (network error, 429, 5xx), then dropped: measurement never blocks nor slows the page.
 */
export function serverSink(endpoint: string, opts: ServerSinkOptions = {}): MeasurementSink {
  const delay = opts.delayMs ?? 10_000;
  const attempts = Math.max(1, opts.attempts ?? 2);
  const doFetch = opts.fetch ?? ((...a: Parameters<typeof fetch>) => fetch(...a));
  const queue: MeasurementEvent[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let closed = false;

  const post = (batch: MeasurementEvent[], left: number, final: boolean): void => {
    let body = JSON.stringify({ evenements: batch });
    while (body.length > MAX_BYTES && batch.length > 1) {
      // split rather than be refused (413)
      const half = batch.splice(Math.ceil(batch.length / 2));
      post(half, left, final);
      body = JSON.stringify({ evenements: batch });
    }
    let p: Promise<Response>;
    try {
      p = doFetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/json' }, body, keepalive: true, credentials: 'omit', referrerPolicy: 'no-referrer', mode: 'cors', cache: 'no-store' });
    } catch {
      return;
    }
    p.then(
      (r) => {
        if (!r.ok && (r.status === 429 || r.status >= 500) && left > 1 && !final) setTimeout(() => post(batch, left - 1, false), delay);
      },
      () => {
        if (left > 1 && !final) setTimeout(() => post(batch, left - 1, false), delay);
      },
    );
  };

  const flush = (final = false): void => {
    clearTimeout(timer);
    timer = undefined;
    while (queue.length) post(queue.splice(0, MAX_BATCH), attempts, final);
  };
  const onHide = (): void => {
    if (document.visibilityState === 'hidden') flush(true);
  };
  const onPageHide = (): void => flush(true);
  addEventListener('pagehide', onPageHide);
  document.addEventListener('visibilitychange', onHide);

  return {
    send(event) {
      if (closed) return;
      queue.push(event);
      if (queue.length >= MAX_BATCH) flush();
      else timer ??= setTimeout(() => flush(), delay);
    },
    flush,
    close() {
      flush(true);
      closed = true;
      removeEventListener('pagehide', onPageHide);
      document.removeEventListener('visibilitychange', onHide);
    },
  };
}

/** Matomo's command queue, as its snippet makes it (`var _paq = window._paq = window._paq || [];`). */
export type MatomoQueue = { push(...commands: unknown[][]): unknown };

/**
 * Pushes to Matomo's queue: `['trackSiteSearch', keyword, category, resultsCount]` for a search — the keyword is the
 * need tile, else the thématiques (never the words typed), the category the zone code (EPCI or département) — and
 * `['trackEvent', category, action, name]` for eligibility results, liaison sheets and pathways. Never `setUserId`,
 * a custom dimension or a URL. The site keeps Matomo within the CNIL consent exemption (see PRIVACY.md).
 */
export function matomoSink(opts: { paq?: MatomoQueue } = {}): MeasurementSink {
  const queue = (): MatomoQueue | undefined => opts.paq ?? ((globalThis as { _paq?: MatomoQueue })._paq);
  return {
    send(e) {
      const paq = queue();
      if (!paq) return;
      switch (e.type) {
        case 'recherche': {
          const keyword = e.besoin ?? (e.thematiques.length ? [...e.thematiques].sort().join(',') : 'toutes-thematiques');
          paq.push(['trackSiteSearch', keyword, e.zone.niveau === 'aucune' ? 'aucune-zone' : e.zone.code, e.resultats]);
          break;
        }
        case 'eligibilite':
          for (const r of e.resultats) paq.push(['trackEvent', 'Relais éligibilité', r.statut, r.aide]);
          break;
        case 'fiche':
          paq.push(['trackEvent', 'Relais fiche de liaison', e.etat, e.destinataire ? `${e.modele}/${e.destinataire}` : e.modele]);
          break;
        case 'parcours':
          for (const s of e.etapes) paq.push(['trackEvent', 'Relais parcours', s.statut, `${e.modele}/${s.etape}`]);
          break;
      }
    },
  };
}

/** Hands each event to the site's own function (its own analytics tool); an exception there is swallowed. */
export function callbackSink(fn: (event: MeasurementEvent) => void): MeasurementSink {
  return {
    send(e) {
      try {
        fn(structuredClone(e));
      } catch {
        // the site's tool must not break the widgets
      }
    },
  };
}
