import type { LitElement, PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import type { Dataset } from '../model/schema.js';
import type { RelaisClient } from '../client/client.js';
import type { SourceAttributes, SourceController } from './source-controller.js';

export type { SourceAttributes } from './source-controller.js';

/** A widget with its source attributes and the `client` property. */
export interface SourceElement extends SourceAttributes {
  client: RelaisClient | undefined;
}

// A mixin's base class takes any arguments (TypeScript's rule for mixin constructors).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Constructor<T = object> = new (...args: any[]) => T;

/**
 * The source attributes of a widget used standalone (without `<relais-provider>`): `src`, `source`, `base-url` and
 * the `data` property, and the `client` property, declared and documented once for every widget that reads services.
 * The widget makes its `SourceController` as `sourceCtl`: it builds the widget's own client from these attributes
 * (read on each change, before the widget's `willUpdate`), and `client` reads and sets the client in use through it.
 */
export const SourceAttributesMixin = <T extends Constructor<LitElement>>(base: T) => {
  class SourceAttributesElement extends base {
    /**
     * URL of a static JSON file in the data·inclusion shape, or of the `manifest.json` of a prebuilt index written by
     * `relais-index` (standalone use): a prebuilt index loads with no validation and no analysis, and only the chunks
     * of the widget's `departements` when it has them.
     */
    @property() src: string | undefined;
    /** Kind of source when standalone: `static`, `data-inclusion` or `rest`. */
    @property() source: 'static' | 'data-inclusion' | 'rest' | undefined;
    /** Base URL of the data·inclusion API (or its proxy) or of a Relais REST API (standalone use). */
    @property({ attribute: 'base-url' }) baseUrl: string | undefined;
    /** A dataset object (standalone use, property only). */
    @property({ attribute: false }) data: Dataset | undefined;
    /** The widget's data source, made by the widget. */
    declare protected readonly sourceCtl: SourceController;

    /** The client in use: the provider's, or one built from the attributes, or one set here. */
    @property({ attribute: false })
    get client(): RelaisClient | undefined {
      return this.sourceCtl.client;
    }
    set client(c: RelaisClient | undefined) {
      const old = this.sourceCtl.explicitClient;
      this.sourceCtl.explicitClient = c;
      this.requestUpdate('client', old);
    }

    override willUpdate(changed: PropertyValues): void {
      this.sourceCtl.sync(changed);
      super.willUpdate(changed);
    }
  }
  return SourceAttributesElement as Constructor<SourceElement> & T;
};
