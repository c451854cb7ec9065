/**
 * @relais/liaison: templates and validation (also in ./headless), the encrypted on-device draft store
 * and the outbox (browsers: IndexedDB and Web Crypto). The <relais-liaison-form> element is in progress.
 */
export * from './headless.js';
export { DraftStore, DraftConflictError, DraftLockedError, type DraftMeta, type DraftStoreOptions } from './draft-store.js';
export { Outbox, type Consent, type Receipt, type SendOutcome } from './outbox.js';
