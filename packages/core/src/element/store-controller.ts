import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ContextConsumer } from '@lit/context';
import { storeContext } from './context.js';
import type { RelaisStore, StoreChangeEvent } from './store.js';

/** What a widget hears from the shared store. */
export interface StoreCallbacks {
  /** A store was given (the provider's; again when the widget is put back in the page). */
  attached?(store: RelaisStore): void;
  /** Something changed in the store: the filters, the selection, or a request (a hand-off). */
  changed?(what: StoreChangeEvent['what'], store: RelaisStore): void;
}

/**
 * The `<relais-provider>`'s shared store (filters, selection, requests), as a Lit reactive controller: the store given
 * by the context, and its changes heard while the widget is in the page.
 */
export class StoreController implements ReactiveController {
  private current: RelaisStore | undefined;
  /** The context consumer: it asks again when the widget is connected, and the store is then attached again. */
  private readonly consumer: ContextConsumer<typeof storeContext, ReactiveControllerHost & HTMLElement>;

  constructor(
    host: ReactiveControllerHost & HTMLElement,
    private readonly callbacks: StoreCallbacks,
  ) {
    this.consumer = new ContextConsumer(host, { context: storeContext, subscribe: true, callback: (s) => this.attach(s) });
    host.addController(this);
  }

  /** The store, inside a provider; `undefined` alone. */
  get store(): RelaisStore | undefined {
    return this.current ?? this.consumer.value;
  }

  hostDisconnected(): void {
    this.current?.removeEventListener('change', this.onChange);
  }

  private attach(s: RelaisStore | undefined): void {
    this.current?.removeEventListener('change', this.onChange);
    this.current = s;
    s?.addEventListener('change', this.onChange);
    if (s) this.callbacks.attached?.(s);
  }

  private readonly onChange = (e: Event): void => {
    if (this.current) this.callbacks.changed?.((e as StoreChangeEvent).what, this.current);
  };
}
