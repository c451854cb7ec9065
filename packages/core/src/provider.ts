import { nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { ContextProvider } from '@lit/context';
import { RelaisElement } from './element/base.js';
import { clientContext, storeContext } from './element/context.js';
import { RelaisStore } from './element/store.js';
import { createClient, type ClientOptions, type RelaisClient } from './client/client.js';
import { RelaisErrorEvent } from './element/events.js';
import { RelaisError } from './errors.js';
import type { Dataset } from './model/schema.js';

/** Builds client options from widget attributes (shared by the provider and standalone widgets). */
export function clientOptionsFromAttributes(a: { source?: string | null; src?: string | null; baseUrl?: string | null; data?: Dataset | null; departements?: string | null }): ClientOptions | null {
  const source = a.source || (a.src || a.data ? 'static' : a.baseUrl ? 'rest' : null);
  if (!source) return null; // nothing configured yet (the client may come as a property)
  const deps = a.departements?.split(',').map((d) => d.trim()).filter(Boolean);
  if (source === 'static') return { source, ...(a.data ? { data: a.data } : {}), ...(a.src ? { url: a.src } : {}), ...(deps?.length ? { departements: deps } : {}) };
  // createClient() explains what is missing or unknown
  return { source, baseUrl: a.baseUrl ?? '' } as ClientOptions;
}

/** True when one of the source attributes changed. */
export const sourceChanged = (changed: Map<PropertyKey, unknown>): boolean => ['source', 'src', 'baseUrl', 'data', 'departements'].some((k) => changed.has(k));

/**
 * Builds the client described by source attributes: `client` is undefined when nothing is configured,
 * `error` (in French) when the configuration is wrong.
 */
export function clientFromAttributes(a: Parameters<typeof clientOptionsFromAttributes>[0]): { client?: RelaisClient; error?: RelaisError } {
  const opts = clientOptionsFromAttributes(a);
  if (!opts) return {};
  try {
    return { client: createClient(opts) };
  } catch (e) {
    return { error: e instanceof RelaisError ? e : new RelaisError('unsupported') };
  }
}

/**
 * Holds the shared configuration and the one typed client, and links the widgets placed inside
 * it: the map follows the directory's filters and selection, an eligibility result opens the
 * directory on "where to apply". Renders its children only.
 *
 * @element relais-provider
 * @slot - The Relais widgets (and any other content) that share this client.
 * @fires {RelaisErrorEvent} relais-error - The source is misconfigured (no `src`/`base-url`).
 * @attr {string} mesure-endpoint - Turns measurement on (off by default): posts aggregate-only events to this endpoint of `@relais/server` (`/api/indicateurs/evenements`) — need tiles, result counts, the EPCI or département, benefit ids and statuses; never the words typed, a position or an answer (packages/core/PRIVACY.md). Measures the widgets inside this provider; read when the provider is added to the page.
 * @attr {boolean} mesure-matomo - Turns measurement on (off by default) towards the page's Matomo (`window._paq`): site searches with their result count, and events. The site keeps Matomo within the CNIL consent exemption (packages/core/PRIVACY.md). Read when the provider is added to the page.
 */
export class RelaisProvider extends RelaisElement {
  private measuring: Promise<() => void> | undefined;

  /** Kind of source: `static` (a JSON file), `data-inclusion` (the national API) or `rest` (the Relais REST contract). Defaults to `static` when `src` is set. */
  @property({ reflect: true }) source: 'static' | 'data-inclusion' | 'rest' | undefined;

  /**
   * URL of the static JSON file `{ structures, services }` (data·inclusion v1 shape), or of the `manifest.json` of a
   * prebuilt index (`relais-index`): loaded with no validation and no analysis.
   */
  @property() src: string | undefined;

  /**
   * Départements the page serves, comma-separated (`58` or `58,89`): with a prebuilt index (`src` names its
   * manifest), only their chunks and the national one are downloaded. Ignored for a JSON file.
   */
  @property() departements: string | undefined;

  /** Base URL of the data·inclusion API (or of its proxy) or of a Relais REST API. */
  @property({ attribute: 'base-url' }) baseUrl: string | undefined;

  /** A dataset object for the static source (property only). */
  @property({ attribute: false }) data: Dataset | undefined;

  private _client: RelaisClient | undefined;
  private _ownClient = true;

  /** The shared client. Set it to use a client you built with `createClient()`; otherwise it is built from the attributes. */
  @property({ attribute: false })
  get client(): RelaisClient | undefined {
    return this._client;
  }
  set client(c: RelaisClient | undefined) {
    const old = this._client;
    this._client = c;
    this._ownClient = false;
    this.clientProvider.setValue(c);
    this.requestUpdate('client', old);
  }

  /** The shared selection, filters and hand-off requests. */
  readonly store = new RelaisStore();

  private readonly clientProvider = new ContextProvider(this, { context: clientContext });
  private readonly storeProvider = new ContextProvider(this, { context: storeContext, initialValue: this.store });

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (!this._ownClient) return;
    if (sourceChanged(changed)) {
      const { client, error } = clientFromAttributes(this);
      this._client = client;
      if (error) this.emit(new RelaisErrorEvent(error.kind, error.message));
      this.clientProvider.setValue(this._client);
    }
  }

  override createRenderRoot(): HTMLElement {
    // No shadow root: the provider is transparent for layout and styling.
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.style.display = this.style.display || 'contents';
    void this.storeProvider;
    this.measure(this.getAttribute('mesure-endpoint'), this.hasAttribute('mesure-matomo'));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    void this.measuring?.then((stop) => stop());
  }

  /**
   * Loads the measurement code only when the site turns it on (`mesure-endpoint`, `mesure-matomo`, read when the
   * provider is connected); the events heard before the code is loaded are kept for it.
   */
  private measure(endpoint: string | null, matomo: boolean): void {
    if (!endpoint && !matomo) return;
    const early: Event[] = [];
    const keep = (e: Event) => early.push(e);
    const names = 'search result submit pathway-view'.split(' ');
    names.map((n) => this.addEventListener(`relais-${n}`, keep, true));
    this.measuring = import('./measure/index.js').then((m) => {
      names.map((n) => this.removeEventListener(`relais-${n}`, keep, true));
      return m.measureFromAttributes(this, endpoint, matomo, early);
    });
  }

  override render() {
    return nothing;
  }
}
