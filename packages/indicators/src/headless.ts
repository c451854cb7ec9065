/** The indicators without the element: the contract's types, the reading of an answer, the period rules, the CSV writer. */
export * from './model.js';
export { toCsv, csvCell, BOM } from './csv.js';
export { sectionTables, chartBars, type Cell, type SectionId, type SectionTable, type SectionText } from './sections.js';
export { epciCentres, type EpciCentre } from './epci-centres.js';
