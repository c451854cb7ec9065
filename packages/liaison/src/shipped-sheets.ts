/**
 * Shipped templates, rebuilt on the official models (shared/research/liaison_pathway.md §1.2–1.7,
 * shared/research/directory_standards.md §2, seed 002 ANESM): each template cites its models as data (`models`), each
 * field the model field it comes from (`modelFields`), why it is needed (`purpose`) and who sees it (`seenBy`).
 * What could not be read in the models themselves is said in `toVerify`, never invented.
 */
import type { Template } from './sheet-schema.js';
import { dluDomicile } from './templates/dlu-domicile.js';
import { orientation } from './templates/orientation.js';

export { dluDomicile, orientation };
export { MEASURES_WITH_A_PERSON_IN_CHARGE } from './templates/common.js';

/** The shipped templates, by id. */
export const liaisonTemplates: Readonly<Record<string, Template>> = { 'dlu-domicile': dluDomicile, orientation };
