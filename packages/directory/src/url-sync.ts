/**
 * The search kept in the page URL (`sync-url`), as a reactive controller: read when the element starts and when the
 * person goes Back or Forward (`popstate`), written after each search and when a detail opens or closes.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { readUrlState, writeUrlState, type UrlState } from './filters.js';

export interface UrlSyncHost {
  /** The element's `sync-url`: off, on (never the words typed), or `text` (the words too). */
  mode(): boolean | 'text';
  /** The search to write. */
  state(): UrlState;
  /** Back or Forward: the search read from the URL. */
  popped(s: UrlState): void;
}

export class UrlSync implements ReactiveController {
  constructor(
    host: ReactiveControllerHost,
    private readonly h: UrlSyncHost,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    if (this.h.mode()) window.addEventListener('popstate', this.onPopState);
  }

  hostDisconnected(): void {
    window.removeEventListener('popstate', this.onPopState);
  }

  /** The search in the page's URL (the words only with `sync-url="text"`). */
  read(): UrlState {
    return readUrlState(new URLSearchParams(location.search), { text: this.h.mode() === 'text' });
  }

  /** Writes the search into the current history entry (when `sync-url` is on and something changed). */
  write(): void {
    if (!this.h.mode()) return;
    const next = writeUrlState(new URL(location.href), this.h.state(), { text: this.h.mode() === 'text' });
    if (next.href !== location.href) history.replaceState(history.state, '', next.href);
  }

  private readonly onPopState = (): void => this.h.popped(this.read());
}
