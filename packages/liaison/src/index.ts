/**
 * @relais/liaison: templates and validation (also in ./headless), the encrypted on-device draft store,
 * the outbox (browsers: IndexedDB and Web Crypto), and `<relais-liaison-form>` (registered by ./define.js).
 */
export * from './headless.js';
export { loadLiaisonTemplate, isShippedTemplate, SHIPPED_TEMPLATES } from './shipped-loader.js';
export { DraftStore, DraftConflictError, DraftLockedError, type DraftMeta, type DraftStoreOptions } from './draft-store.js';
export { Outbox, endpointAllowed, readProblems, SEND_TIMEOUT_MS, type Consent, type Receipt, type SendOutcome, type OutboxOptions } from './outbox.js';
export { Vault, eraseDevice, describeErased, PBKDF2_ITERATIONS, type Erased, type VaultOptions } from './vault.js';
export { RelaisLiaisonForm, RelaisDraftSavedEvent, RelaisSubmitEvent } from './liaison-form.js';
