/**
 * What a widget needs only once it shows services: the labels of the vocabularies (taxonomy) and the reading of
 * opening hours. A separate entry (`@relais/core/labels`) so that a widget can import it on demand, beside its data,
 * and render its form before these arrive.
 */
export { termLabel, term } from './taxonomy/taxonomy.js';
export { parseOpeningHours, statusLine, summarize, openStatus, isOpenAt } from './model/opening-hours.js';
