/** The liaison receiver of `@relais/server`: routes to mount, administration, retention. */
export { createLiaisonRoutes, liaisonRoutes, openSheet, LIAISON_PATH, RECIPIENT_PATH, type Receipt, type StoredSheet, type LiaisonRoutesOptions } from './receiver.js';
export { addPartner, addRecipient, renewToken, revoke, purgeLiaison, runLiaisonPurge, liaisonCommand } from './admin.js';
export { readLiaisonConfig, readRetention, DEFAULT_RETENTION_DAYS, DEFAULT_LOG_RETENTION_DAYS, type LiaisonConfig } from './config.js';
export { hashToken, canonicalJson } from './crypto.js';
