import type { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import type { Dataset } from '../model/schema.js';

/** The four source properties of a widget used without a provider (read by `SourceController`). */
export interface SourceAttributes {
  src?: string | undefined;
  source?: 'static' | 'data-inclusion' | 'rest' | undefined;
  baseUrl?: string | undefined;
  data?: Dataset | undefined;
}

// A mixin's base class takes any arguments (TypeScript's rule for mixin constructors).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Constructor<T = object> = new (...args: any[]) => T;

/**
 * The source attributes of a widget used standalone (without `<relais-provider>`): `src`, `source`, `base-url` and
 * the `data` property, declared and documented once for every widget that reads services (`SourceController` builds
 * the widget's own client from them).
 */
export const SourceAttributesMixin = <T extends Constructor<LitElement>>(base: T) => {
  class SourceAttributesElement extends base {
    /** URL of a static JSON file in the data·inclusion shape (standalone use). */
    @property() src: string | undefined;
    /** Kind of source when standalone: `static`, `data-inclusion` or `rest`. */
    @property() source: 'static' | 'data-inclusion' | 'rest' | undefined;
    /** Base URL of the data·inclusion API (or its proxy) or of a Relais REST API (standalone use). */
    @property({ attribute: 'base-url' }) baseUrl: string | undefined;
    /** A dataset object (standalone use, property only). */
    @property({ attribute: false }) data: Dataset | undefined;
  }
  return SourceAttributesElement as Constructor<SourceAttributes> & T;
};
