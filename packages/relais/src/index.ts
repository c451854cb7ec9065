/**
 * relais: registers every Relais element and re-exports the public API of @relais/core.
 * Importing it twice, or next to another copy, never throws (defineElement guard).
 */
import '@relais/core/provider.js';
import '@relais/directory/define.js';
import '@relais/pathway/define.js';
import '@relais/map/define.js';
import '@relais/eligibility/define.js';
import '@relais/liaison/define.js';
import '@relais/contributions/define.js';
import '@relais/indicators/define.js';

export * from '@relais/core';
export { RelaisDirectory, NEEDS } from '@relais/directory';
export { RelaisMap } from '@relais/map';
export { RelaisEligibility, evaluate, nationalCatalogue, parseCatalogue, mergeCatalogues } from '@relais/eligibility';
// the liaison sheets load on demand (loadLiaisonTemplate): the all-in-one build does not carry them
export { RelaisLiaisonForm, loadLiaisonTemplate } from '@relais/liaison';
export { RelaisPathway, pathwayTemplates, computeSchedule, simulate as simulatePathway } from '@relais/pathway';
export { RelaisContributions, RelaisContributionDecidedEvent, RelaisConfirmationRequestedEvent } from '@relais/contributions';
export { RelaisIndicators } from '@relais/indicators';
