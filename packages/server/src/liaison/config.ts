/** The liaison receiver's settings, from environment variables (documented in the package README). */
import { randomBytes } from 'node:crypto';
import { readKey, type KeyRing } from './crypto.js';

export interface LiaisonConfig {
  /** The encryption keys (RELAIS_LIAISON_KEY, RELAIS_LIAISON_KEY_ID, RELAIS_LIAISON_OLD_KEYS). */
  ring: KeyRing;
  /** Largest body accepted, in bytes (RELAIS_LIAISON_MAX_BYTES, default 256 KiB). */
  maxBytes: number;
  /** Days a sheet is kept before the purge deletes it (RELAIS_LIAISON_RETENTION_DAYS). */
  retentionDays: number;
  /** Days an access-log line is kept (RELAIS_LIAISON_LOG_RETENTION_DAYS). */
  logRetentionDays: number;
  /**
   * Demo only (RELAIS_LIAISON_ANONYMOUS=1): sheets are accepted without a token, at most `ratePerMinute` a minute;
   * a wrong token is still refused. Without RELAIS_LIAISON_KEY the key is made per process (unreadable after a restart).
   */
  anonymous: { ratePerMinute: number; quotaPerDay: number } | null;
}

/**
 * Default retention of a sheet on the receiver: 30 days — it is a transit point, the recipient structure reads its
 * sheets and files them in its own record. À vérifier with the département's DPO against the CNIL « durées de
 * conservation » référentiel for social and medico-social work (délibération 2023-095).
 */
export const DEFAULT_RETENTION_DAYS = { value: 30, toVerify: true } as const;
/** Default retention of the access log: 180 days (CNIL, guide RGPD du développeur, fiche 14: logs 6 months to 1 year). */
export const DEFAULT_LOG_RETENTION_DAYS = 180;

const int = (env: Readonly<Record<string, string | undefined>>, name: string, def: number, min: number, max: number): number => {
  const raw = env[name]?.trim();
  if (!raw) return def;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`${name} : un entier de ${min} à ${max} est attendu (reçu « ${raw.slice(0, 20)} »).`);
  return n;
};

/** The retention delays alone (the purge needs no key). */
export function readRetention(env: Readonly<Record<string, string | undefined>>): { retentionDays: number; logRetentionDays: number } {
  return {
    retentionDays: int(env, 'RELAIS_LIAISON_RETENTION_DAYS', DEFAULT_RETENTION_DAYS.value, 1, 3650),
    logRetentionDays: int(env, 'RELAIS_LIAISON_LOG_RETENTION_DAYS', DEFAULT_LOG_RETENTION_DAYS, 1, 3650),
  };
}

/**
 * Reads the receiver's settings; null when the receiver is not configured (no RELAIS_LIAISON_KEY and not anonymous):
 * its routes then answer 503 with a French problem. Throws a French message for an invalid setting.
 */
export function readLiaisonConfig(env: Readonly<Record<string, string | undefined>>): LiaisonConfig | null {
  const anonymous = env.RELAIS_LIAISON_ANONYMOUS === '1' ? { ratePerMinute: int(env, 'RELAIS_LIAISON_ANONYMOUS_RATE', 30, 1, 10_000), quotaPerDay: int(env, 'RELAIS_LIAISON_ANONYMOUS_QUOTA', 500, 1, 1_000_000) } : null;
  const keyText = env.RELAIS_LIAISON_KEY;
  if (!keyText && !anonymous) return null;
  const current = env.RELAIS_LIAISON_KEY_ID?.trim() || 'k1';
  if (!/^[\w.-]{1,32}$/.test(current)) throw new Error('RELAIS_LIAISON_KEY_ID : 1 à 32 lettres, chiffres, points, tirets.');
  const keys = new Map<string, Buffer>();
  // older keys, to read sheets stored before a rotation: « k0:base64,k-1:base64 »
  for (const part of (env.RELAIS_LIAISON_OLD_KEYS ?? '').split(',').map((p) => p.trim()).filter(Boolean)) {
    const at = part.indexOf(':');
    if (at < 1) throw new Error('RELAIS_LIAISON_OLD_KEYS : une liste « identifiant:clé » séparée par des virgules.');
    keys.set(part.slice(0, at), readKey(part.slice(at + 1), `RELAIS_LIAISON_OLD_KEYS (${part.slice(0, Math.min(at, 32))})`));
  }
  keys.set(current, keyText ? readKey(keyText, 'RELAIS_LIAISON_KEY') : randomBytes(32));
  return {
    ring: { current, keys },
    maxBytes: int(env, 'RELAIS_LIAISON_MAX_BYTES', 256 * 1024, 1024, 16 * 1024 * 1024),
    ...readRetention(env),
    anonymous,
  };
}
