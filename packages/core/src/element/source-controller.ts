import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ContextConsumer } from '@lit/context';
import type { RelaisClient } from '../client/types.js';
import { isAbortError, type RelaisError } from '../errors.js';
import { clientFromAttributes, sourceChanged } from '../provider.js';
import { clientContext } from './context.js';
import type { Dataset } from '../model/schema.js';

/** The four source properties of a widget used without a provider (read by `SourceController`). */
export interface SourceAttributes {
  src?: string | undefined;
  source?: 'static' | 'data-inclusion' | 'rest' | undefined;
  baseUrl?: string | undefined;
  data?: Dataset | undefined;
}

/** What the widget hears from its source. */
export interface SourceCallbacks {
  /** The client in use changed (`undefined`: none any more); called after the host's update, before `updated()`. */
  changed?(client: RelaisClient | undefined): void;
  /** The client's diagnostics changed (records skipped or repaired), and once for each new client. */
  diagnostics?(client: RelaisClient): void;
  /** The source attributes describe no usable source (the message is in French). */
  error?(error: RelaisError): void;
}

/** How a run tells that it is slow. */
export interface RunOptions {
  /** Called once if the run is still the latest and pending after `slowMs`: a progress line may then show. */
  slow?(): void;
  /** Default 300 ms. */
  slowMs?: number;
}

/**
 * The data source of a widget, as a Lit reactive controller: the client in use is the one set on the `client`
 * property, else one built from the widget's own source attributes (`src`, `source`, `base-url`, `data`), else the
 * `<relais-provider>`'s (context). It follows the client's `diagnostics` event, and runs calls so that only the latest
 * counts: a newer run aborts the older one, whose result is dropped.
 *
 * The host calls `sync(changed)` in its `willUpdate` (the attributes are read once per change).
 */
export class SourceController implements ReactiveController {
  private explicit: RelaisClient | undefined;
  private own: RelaisClient | undefined;
  private readonly provided: ContextConsumer<{ __context__: RelaisClient | undefined }, ReactiveControllerHost & HTMLElement>;
  private listened: RelaisClient | undefined;
  private running: AbortController | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement & SourceAttributes,
    private readonly callbacks: SourceCallbacks = {},
  ) {
    this.provided = new ContextConsumer(host, { context: clientContext, subscribe: true });
    host.addController(this);
  }

  /** The client in use: the one set explicitly, else the widget's own, else the provider's. */
  get client(): RelaisClient | undefined {
    return this.explicit ?? this.own ?? this.provided.value;
  }

  /** The client set explicitly (the widget's `client` property); the host requests its own update. */
  get explicitClient(): RelaisClient | undefined {
    return this.explicit;
  }
  set explicitClient(c: RelaisClient | undefined) {
    this.explicit = c;
  }

  /** Builds the widget's own client again when one of its source properties changed. */
  sync(changed: ReadonlyMap<PropertyKey, unknown>): void {
    if (!sourceChanged(changed as Map<PropertyKey, unknown>)) return;
    // a widget's own `departements` (directory, map), when it has them, names the chunks of a prebuilt index to load
    const { client, error } = clientFromAttributes(this.host as SourceAttributes & { departements?: string });
    this.own = client;
    if (error) this.callbacks.error?.(error);
  }

  hostUpdated(): void {
    const c = this.client;
    if (c === this.listened) return;
    this.listen(this.listened, false);
    this.listen(c, true);
    this.listened = c;
    if (c) this.onDiagnostics();
    this.callbacks.changed?.(c);
  }

  hostConnected(): void {
    // moved in the page: the same client, listened to again (a pending run goes on)
    this.listen(this.listened, true);
  }

  hostDisconnected(): void {
    this.listen(this.listened, false);
    // taken out of the page (not moved: a move reconnects it before the microtask runs), the widget stops its run
    // and the requests and retries behind it
    queueMicrotask(() => {
      if (!this.host.isConnected) this.running?.abort();
    });
  }

  /**
   * Listens (or stops) to a client's diagnostics. A client made by `Object.create(client)` is not an EventTarget of
   * its own (the browser refuses to listen on it, « Illegal invocation »): it still works, without diagnostics, and the
   * console says to wrap it with `wrapClient` instead.
   */
  private listen(c: RelaisClient | undefined, on: boolean): void {
    if (!c) return;
    try {
      if (on) c.addEventListener('diagnostics', this.onDiagnostics);
      else c.removeEventListener('diagnostics', this.onDiagnostics);
    } catch {
      if (on) console.warn('Relais : client sans événements, utilisez wrapClient(). / Client without events: use wrapClient().');
    }
  }

  /**
   * Runs a call on the client in use. A newer run aborts this one. Resolves with `{ value }`, or with `undefined` when
   * there is no client, or when the run was aborted or superseded (its result is stale); other errors are thrown.
   */
  async run<T>(call: (client: RelaisClient, signal: AbortSignal) => Promise<T>, opts: RunOptions = {}): Promise<{ value: T } | undefined> {
    const c = this.client;
    if (!c) return undefined;
    this.running?.abort();
    const mine = new AbortController();
    this.running = mine;
    const slow = opts.slow;
    const timer = slow ? setTimeout(() => this.running === mine && slow(), opts.slowMs ?? 300) : undefined;
    try {
      const value = await call(c, mine.signal);
      return this.running === mine && !mine.signal.aborted ? { value } : undefined;
    } catch (e) {
      if (isAbortError(e) || this.running !== mine) return undefined;
      throw e;
    } finally {
      clearTimeout(timer);
      if (this.running === mine) this.running = undefined;
    }
  }

  /** Aborts the run in progress (e.g. the widget left the page): its result is dropped. */
  abort(): void {
    this.running?.abort();
    this.running = undefined;
  }

  private readonly onDiagnostics = (): void => {
    if (this.listened) this.callbacks.diagnostics?.(this.listened);
  };
}
