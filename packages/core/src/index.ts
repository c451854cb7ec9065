/**
 * @relais/core: everything headless (see ./headless.ts) plus the base element, events, context,
 * shared store and `<relais-provider>` class (registered by `@relais/core/provider.js`).
 */
export * from './headless.js';
export { LangController } from './i18n/i18n.js';
export { defineElement, VERSION } from './element/define.js';
export { RelaisElement, hostReset, tokens, controls, pageStyles } from './element/base.js';
export { heading } from './element/heading.js';
export { yieldToMain, AfterYield } from './element/yield.js';
export * from './element/events.js';
export { clientContext, storeContext } from './element/context.js';
export { RelaisStore, StoreChangeEvent, type SharedFilters, type DirectoryRequest } from './element/store.js';
export { RelaisProvider, clientOptionsFromAttributes, clientFromAttributes, sourceChanged } from './provider.js';
export { SourceController, type SourceAttributes, type SourceCallbacks, type RunOptions } from './element/source-controller.js';
export { PlaceController, browserLocate, type Locate } from './element/place-controller.js';
export { SourceAttributesMixin, type SourceElement } from './element/source-attributes.js';
export { StoreController, type StoreCallbacks } from './element/store-controller.js';
export { markHandoff, takeHandoff, type Handoff, type SearchOrigin } from './element/handoff.js';
// measurement (off unless started): the provider loads it on demand from './measure/index.js'
export * from './measure/index.js';
