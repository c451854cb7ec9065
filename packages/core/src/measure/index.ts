/** Measurement (off unless started): see packages/core/PRIVACY.md and measurement-v1.schema.json. */
export { startMeasurement, measureFromAttributes, type MeasurementOptions } from './start.js';
export { serverSink, matomoSink, callbackSink, type ServerSinkOptions, type MatomoQueue } from './sinks.js';
export { toMeasurement, MEASURED_EVENTS, type MeasureContext } from './map.js';
export { zoneOfCommune, zoneOfArea } from './zone.js';
export type { MeasurementEvent, MeasurementSink, MeasureZone, SearchMeasure, EligibilityMeasure, SheetMeasure, PathwayMeasure } from './types.js';
