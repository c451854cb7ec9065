/** The indicators of `@relais/server`: measurement events in, daily aggregates out, cells below k masked. */
export { createIndicatorsRoutes, indicatorsRoutes, EVENTS_PATH, INDICATORS_PATH, MAX_BYTES, MAX_EVENTS, MAX_DAYS, type IndicatorsRoutesOptions } from './routes.js';
export { readIndicatorsConfig, MIN_K, type IndicatorsConfig } from './config.js';
export { checkEvent, cellsOf, reduceBatch, countedDay, parisDays, isDate, NONE, type CellKind, type Dims } from './events.js';
export { buildIndicators, protectGroup, epciDepartements, type Indicators, type ReportQuery } from './report.js';
export type { Count, Zone } from '@relais/core/headless';
