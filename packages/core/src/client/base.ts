/**
 * What every client shares — the base class of the sources (channels, abort, diagnostics, map points from result
 * pages) — apart from createClient (client.ts): the static source and its Web Worker import this module without the
 * client's on-demand loading of the remote sources, so the worker stays one file (bundlers such as Vite build a
 * worker as a single script).
 */
import { RelaisError, isAbortError } from '../errors.js';
import { DiagnosticsCollector } from '../model/diagnostics.js';
import type { Diagnostics, SearchItem } from '../model/types.js';
import { positionOf } from '../model/view.js';
import { MAX_PAGE_SIZE, pointPlace, type MapPoints, type SearchQuery, type SearchResult } from '../search/query.js';
import { isInFranceBounds } from '../geo/distance.js';
import type { CallOptions, ClientOptions, RelaisClient } from './types.js';


/** Event fired by a client (`diagnostics`) when new data issues are found. */
export class DiagnosticsEvent extends Event {
  constructor(readonly diagnostics: Diagnostics) {
    super('diagnostics');
  }
}

/** What every client shares: diagnostics, channels that supersede older calls, points read page by page. */
export abstract class BaseClient extends EventTarget implements RelaisClient {
  abstract readonly source: ClientOptions['source'];
  protected collector = new DiagnosticsCollector();
  private readonly channels = new Map<string, AbortController>();

  get diagnostics(): Diagnostics {
    return this.collector.report;
  }

  protected reportIssues(before: number): void {
    const r = this.collector.report;
    if (r.skipped + r.warnings > before) this.dispatchEvent(new DiagnosticsEvent(r));
  }

  /**
   * Wraps a call with channel superseding and signal handling. Without a channel the caller's signal is the call's
   * own: a client called by another (the page's client by createClient's, a search by `points`) is not wrapped twice.
   */
  protected run<T>(opts: CallOptions | undefined, fn: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const outer = opts?.signal;
    const channel = opts?.channel;
    if (outer?.aborted) return Promise.reject(new RelaisError('aborted'));
    const wrap = (signal: AbortSignal) =>
      withSignal(
        fn(signal).catch((e: unknown) => {
          throw isAbortError(e) ? new RelaisError('aborted') : e;
        }),
        signal,
      );
    if (!channel) return wrap(outer ?? new AbortController().signal);
    const ctrl = new AbortController();
    const onOuter = () => ctrl.abort();
    outer?.addEventListener('abort', onOuter, { once: true });
    this.channels.get(channel)?.abort();
    this.channels.set(channel, ctrl);
    return wrap(ctrl.signal).finally(() => {
      outer?.removeEventListener('abort', onOuter);
      if (this.channels.get(channel) === ctrl) this.channels.delete(channel);
    });
  }

  abstract search(query: SearchQuery, opts?: CallOptions): Promise<SearchResult>;

  /** Remote sources: pages of results turned into points, up to `maxPoints`. */
  points(query: SearchQuery, opts?: CallOptions & { maxPoints?: number }): Promise<MapPoints> {
    const max = opts?.maxPoints ?? 1000;
    return this.run(opts, async (signal) => {
      const out: MapPoints = { points: [], total: 0, withoutPosition: 0, outsideFrance: 0 };
      for (let page = 1; out.points.length + out.withoutPosition + out.outsideFrance < max; page++) {
        const r = await this.search({ ...query, bbox: undefined, page, pageSize: MAX_PAGE_SIZE }, { signal });
        out.total = r.total;
        // what a remote source could not filter (data·inclusion's extension values…): the points are broader than asked
        const broader = r.unsupported.filter((u) => u !== 'facets');
        if (page === 1 && broader.length) out.unsupported = broader;
        if (r.totalIsMinimum) out.truncated = true;
        for (const { service: s, structure: st } of r.items) {
          const at = positionOf(s, st);
          if (!at) out.withoutPosition++;
          else if (!isInFranceBounds(at.lat, at.lon)) out.outsideFrance++;
          else out.points.push({ id: s.id, lat: at.lat, lon: at.lon, kind: st?.typologie ?? null, name: s.nom, ...pointPlace(s, st) });
        }
        if (page * MAX_PAGE_SIZE >= r.total || r.items.length === 0) break;
      }
      out.truncated = out.truncated || out.points.length + out.withoutPosition + out.outsideFrance < out.total;
      return out;
    });
  }

  abstract get(id: string, opts?: CallOptions): Promise<SearchItem>;
  abstract ready(opts?: { signal?: AbortSignal }): Promise<void>;
  abstract refresh(): void;
}

/** Races a promise against an AbortSignal, rejecting with RelaisError('aborted'). */
export function withSignal<T>(p: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return p;
  if (signal.aborted) return Promise.reject(new RelaisError('aborted'));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new RelaisError('aborted'));
    signal.addEventListener('abort', onAbort, { once: true });
    p.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e) => {
        signal.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });
}
