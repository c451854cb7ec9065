/**
 * The directory's detail view: the service shown, opened from a result, from another widget
 * (the map, through the provider) or from the URL; closed by its button or by Back; the focus goes back where the
 * person was; « Copier les coordonnées ».
 */
import type { ReactiveControllerHost } from 'lit';
import { addressLine, isAbortError, isSafeId, located, type RelaisClient, type SearchItem } from '@relais/core';
import { deepActiveElement, focusBack, isDetailEntry, pushDetailEntry, showDetail } from './focus.js';
import type { DetailHandlers } from './render/detail.js';

/** What the detail asks of the element. */
export interface DetailHost {
  root(): ParentNode & Node;
  client(): RelaisClient | undefined;
  /** The search is kept in the page URL (`sync-url`). */
  syncUrl(): boolean;
  /** Writes the search (with the open service) into the URL. */
  writeUrl(): void;
  /** A service was opened (its id), or the detail closed (`null`): the event, the provider's selection. */
  selected(id: string | null): void;
  /** Waited for before a detail opened by id shows (its labels). */
  ready(): Promise<unknown>;
  fail(e: unknown): void;
  announce(text: string): void;
  t(key: 'copied'): string;
}

export class DetailState {
  /** The service shown, or `null`: the results are shown. */
  item: SearchItem | null = null;
  /** The result line's button the detail was opened from (its id): the focus goes back there. */
  private returnTo: string | null = null;
  /** Where the person was when another widget (the map) opened the detail: the focus goes back there. */
  private returnEl: HTMLElement | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly h: DetailHost,
  ) {}

  /** The detail view's buttons: back, copy the contact. */
  readonly handlers: DetailHandlers = {
    close: () => this.close(),
    copy: (item) => void this.copy(item),
  };

  /** Leaves the detail without a word (a hand-off shows results). */
  clear(): void {
    this.item = null;
    this.host.requestUpdate();
  }

  /** Opens a service's detail; `from`: the element that had the focus in another widget; `byPerson`: not from the URL. */
  async openById(id: string, from: HTMLElement | null = null, byPerson = false): Promise<void> {
    const client = this.h.client();
    if (!client || !isSafeId(id)) return;
    try {
      const [item] = await Promise.all([client.get(id), this.h.ready()]);
      this.open(item, null, from, byPerson);
    } catch (e) {
      if (!isAbortError(e)) this.h.fail(e);
    }
  }

  /**
   * Shows a detail, scrolled into view with the focus on its heading. With `sync-url`, a detail opened by the
   * person is a history entry (Back closes it); one read from the URL is not.
   */
  open(item: SearchItem, fromButtonId: string | null, from: HTMLElement | null = null, byPerson = true): void {
    const wasOpen = this.item !== null;
    this.returnTo = fromButtonId;
    this.returnEl = from && !this.h.root().contains(from) && from !== document.body ? from : null;
    this.item = item;
    this.host.requestUpdate();
    this.h.selected(item.service.id);
    if (this.h.syncUrl()) {
      if (byPerson && !wasOpen) pushDetailEntry(item.service.id);
      this.h.writeUrl();
    }
    void this.host.updateComplete.then(() => showDetail(this.h.root()));
  }

  /** Follows another widget's selection (the map): opens the service selected there, closes when none is. */
  follow(id: string | null): void {
    if (id && id !== this.item?.service.id) void this.openById(id, deepActiveElement(), true);
    if (id === null && this.item) this.close();
  }

  /** Closes the detail (`fromHistory`: Back was pressed); the focus goes back where the person was. */
  close(fromHistory = false): void {
    if (!fromHistory && this.h.syncUrl() && this.item && isDetailEntry(this.item.service.id)) {
      // the detail is the current history entry: going back closes it (see the element's popstate) and keeps Back consistent
      history.back();
      return;
    }
    this.clear();
    this.h.selected(null);
    if (this.h.syncUrl() && !fromHistory) this.h.writeUrl();
    const back = this.returnTo;
    const elsewhere = this.returnEl;
    this.returnEl = null;
    void this.host.updateComplete.then(() => focusBack(this.h.root(), back, elsewhere));
  }

  /** « Copier les coordonnées » (pro mode): names, address, phone, email, one per line. */
  async copy(item: SearchItem): Promise<void> {
    const { service: s, structure: st } = item;
    const lines = [st?.nom ?? s.nom, s.nom !== st?.nom ? s.nom : '', addressLine(s, st), located(s, st, 'telephone') ?? '', located(s, st, 'courriel') ?? ''].filter(Boolean);
    try {
      await navigator.clipboard.writeText(lines.join('\n'));
      this.h.announce(this.h.t('copied'));
    } catch {
      // clipboard refused (permissions): nothing copied, nothing to announce
    }
  }
}
