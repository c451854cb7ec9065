/**
 * The directory inside `<relais-provider>`, as a reactive controller: it takes the hand-offs asked of it (« Où
 * s’adresser » in the eligibility widget), opens the service another widget (the map) selects and searches the area
 * the map narrowed to; it shares its own search and selection back. Alone, without a provider, it does nothing.
 */
import type { ReactiveControllerHost } from 'lit';
import { StoreController, type DirectoryRequest, type RelaisStore, type SearchQuery, type StoreChangeEvent } from '@relais/core';
import { sharedFilters } from './search.js';

/** What the provider's changes ask of the directory. */
export interface ProviderLinkHost {
  /** A hand-off: search what it asks, from its first page. */
  requested(r: DirectoryRequest): void;
  /** The service selected by another widget (opened), or none (the detail closes). */
  selected(id: string | null): void;
  /** The map's area, followed when it changes: the directory searches there. */
  area(): SearchQuery['bbox'];
  areaChanged(bbox: NonNullable<SearchQuery['bbox']>): void;
}

export class ProviderLink {
  private readonly ctl: StoreController;

  constructor(
    host: ReactiveControllerHost & HTMLElement,
    private readonly h: ProviderLinkHost,
  ) {
    this.ctl = new StoreController(host, { attached: (s) => void (s.request && this.take()), changed: (what, s) => this.changed(what, s) });
  }

  /** The provider's store; `undefined` alone. */
  get store(): RelaisStore | undefined {
    return this.ctl.store;
  }

  /** Shares a search with the other widgets (the map shows the same one, the words typed too). */
  share(q: SearchQuery): void {
    this.store?.setFilters(sharedFilters(q, this.store.filters.bbox));
  }

  /** Tells the other widgets which service is open (`null`: none). */
  select(id: string | null): void {
    this.store?.select(id);
  }

  /** The person left the map's area (its chip removed): the other widgets leave it too. */
  leaveArea(): void {
    this.store?.setFilters({ ...this.store.filters, bbox: undefined });
  }

  private changed(what: StoreChangeEvent['what'], store: RelaisStore): void {
    if (what === 'request') this.take();
    if (what === 'selection') this.h.selected(store.selected);
    // another widget (the map) narrowed the area: follow its bounding box
    const bbox = store.filters.bbox;
    if (what === 'filters' && bbox && JSON.stringify(bbox) !== JSON.stringify(this.h.area())) this.h.areaChanged(bbox);
  }

  private take(): void {
    const r = this.store?.takeRequest();
    if (r) this.h.requested(r);
  }
}
