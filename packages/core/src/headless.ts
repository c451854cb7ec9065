/**
 * The headless part of @relais/core: no DOM, runs in Node (≥ 20) and in browsers.
 * Model and validation, taxonomy, search, gazetteer, opening hours, URL sanitizer, client.
 */
export * from './errors.js';
export * from './model/schema.js';
export type * from './model/types.js';
export { normalizeDataset, normalizeServices, normalizeStructures, describeIssue, DiagnosticsCollector } from './model/normalize.js';
export * from './model/opening-hours.js';
export { located, positionOf, addressLines, addressLine } from './model/view.js';
export * from './time/calendar.js';
export { issuePath, issueReason, DataFormatError, type ValidationIssue } from './model/issues.js';
export * from './taxonomy/taxonomy.js';
export * from './text/analyze.js';
export * from './search/query.js';
export { readRestSearchParams, type InvalidParam } from './search/rest-params.js';
export { TextIndex, type Synonym, type TextMatch, type EmitText, type EmitConcept } from './search/text-index.js';
export { ServiceIndex, taxonomySynonyms } from './search/service-index.js';
export * from './geo/distance.js';
export * from './geo/gazetteer.js';
export * from './url.js';
export * from './client/client.js';
export { wrapClient, type ClientOverrides } from './client/wrap.js';
export { Http, retryAfterMs, type HttpOptions } from './client/http.js';
export * from './contracts/contributions.js';
export type * from './contracts/indicators.js';
export { readableLegal } from './i18n/legal.js';
export { translate, plural, toLang, todayIso, formatDate, formatMoney, formatNumber, formatDistance, type Lang, type Catalogue, type Message, lazyCatalogue, type LazyCatalogue, type EnglishSource } from './i18n/i18n.js';
