/**
 * The shared state of widgets under one `<relais-provider>`: the current filters (the map follows
 * the directory), the selected service, and hand-off requests ("where to apply" from the
 * eligibility checker or a pathway step opens the directory filtered on a kind of structure).
 */
import type { SearchQuery } from '../search/query.js';

/**
 * The search shared between widgets: the map shows what the directory found, words typed included (they stay in
 * memory on the page, never in the address or a log).
 */
export type SharedFilters = Omit<SearchQuery, 'page' | 'pageSize' | 'sort'>;

/** A request for the directory to show where to go. */
export interface DirectoryRequest {
  /** Structure kinds to show (`mdph-mda`, `ccas-cias`…). */
  typologies?: string[];
  thematiques?: string[];
  /** INSEE code of the person's commune, if they gave it. */
  commune?: string;
  /** Who asked (`eligibility`, `pathway`…), for the heading shown to the person. */
  from: string;
  /** A short French reason shown above the results ("Où faire la demande d’APA"). */
  reason?: string;
}

/** Fired by the store when something changes. */
export class StoreChangeEvent extends Event {
  constructor(readonly what: 'filters' | 'selection' | 'request') {
    super('change');
  }
}

/** The shared store. */
export class RelaisStore extends EventTarget {
  private _filters: SharedFilters = {};
  private _selected: string | null = null;
  private _request: DirectoryRequest | null = null;

  /** Current shared filters. */
  get filters(): SharedFilters {
    return this._filters;
  }

  /** Id of the selected service. */
  get selected(): string | null {
    return this._selected;
  }

  /** The latest directory request, until a directory takes it. */
  get request(): DirectoryRequest | null {
    return this._request;
  }

  /** Replaces the shared filters. */
  setFilters(filters: SharedFilters): void {
    if (JSON.stringify(filters) === JSON.stringify(this._filters)) return;
    this._filters = { ...filters };
    this.dispatchEvent(new StoreChangeEvent('filters'));
  }

  /** Selects a service (or clears the selection with null). */
  select(id: string | null): void {
    if (id === this._selected) return;
    this._selected = id;
    this.dispatchEvent(new StoreChangeEvent('selection'));
  }

  /** Asks a directory under the same provider to show where to go. */
  requestDirectory(req: DirectoryRequest): void {
    this._request = req;
    this.dispatchEvent(new StoreChangeEvent('request'));
  }

  /** Takes (and clears) the pending directory request. */
  takeRequest(): DirectoryRequest | null {
    const r = this._request;
    this._request = null;
    return r;
  }
}
