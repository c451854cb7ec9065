/**
 * @relais/liaison: `<relais-liaison-form>` (registered on import, like every Relais element package), templates and
 * validation (also in ./headless, which registers nothing), the encrypted on-device draft store, and the outbox
 * (browsers: IndexedDB and Web Crypto).
 */
import './define.js';

export * from './headless.js';
export { loadLiaisonTemplate, isShippedTemplate, SHIPPED_TEMPLATES } from './shipped-loader.js';
export { DraftStore, DraftConflictError, DraftLockedError, type DraftMeta, type DraftStoreOptions } from './draft-store.js';
export { Outbox, endpointAllowed, readProblems, SEND_TIMEOUT_MS, type Consent, type Receipt, type SendOutcome, type OutboxOptions } from './outbox.js';
export { Vault, eraseDevice, describeErased, PBKDF2_ITERATIONS, type Erased, type VaultOptions } from './vault.js';
export { RelaisLiaisonForm, RelaisDraftSavedEvent, RelaisSubmitEvent } from './liaison-form.js';
