/**
 * The liaison receiver's cryptography: partner and recipient tokens kept as SHA-256 only, the canonical JSON that
 * makes one sheet always hash the same, and AES-256-GCM at rest with a key ring from the environment.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** SHA-256 (hex) of a text. */
export const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** SHA-256 (hex) of a bearer token: all the database ever holds of it. */
export const hashToken = (token: string): string => sha256(String(token));

/** A new bearer token (256 bits, URL-safe): shown once to whoever configures it, never stored. */
export const newToken = (prefix: string): string => `${prefix}_${randomBytes(32).toString('base64url')}`;

/** Constant-time comparison of two hex SHA-256. */
export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === 32 && y.length === 32 && timingSafeEqual(x, y);
}

/** JSON with object keys sorted at every level (the same sheet always gives the same hash). */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    return `{${Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** The encryption keys: the current one (new sheets) and older ones (reading sheets stored before a rotation). */
export interface KeyRing {
  current: string;
  keys: ReadonlyMap<string, Buffer>;
}

/** What is stored of an encrypted sheet. */
export interface Sealed {
  kid: string;
  iv: Buffer;
  tag: Buffer;
  data: Buffer;
}

/** The associated data: a sheet moved to another id, partner or body hash does not decrypt. */
const aad = (parts: readonly string[]) => Buffer.from(JSON.stringify(['relais-server-liaison/1', ...parts]), 'utf8');

export function seal(ring: KeyRing, plain: string, bound: readonly string[]): Sealed {
  const key = ring.keys.get(ring.current);
  if (!key) throw new Error(`Clé de chiffrement « ${ring.current} » absente.`);
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', key, iv);
  c.setAAD(aad(bound));
  const data = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
  return { kid: ring.current, iv, tag: c.getAuthTag(), data };
}

export function unseal(ring: KeyRing, sealed: Sealed, bound: readonly string[]): string {
  const key = ring.keys.get(sealed.kid);
  if (!key) throw new Error(`Clé de chiffrement « ${sealed.kid} » absente : impossible de lire cette fiche.`);
  const d = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv));
  d.setAAD(aad(bound));
  d.setAuthTag(Buffer.from(sealed.tag));
  return Buffer.concat([d.update(Buffer.from(sealed.data)), d.final()]).toString('utf8');
}

/** Reads a 32-byte key given in base64 (or hex, 64 characters). */
export function readKey(text: string, name: string): Buffer {
  const t = text.trim();
  const key = /^[0-9a-f]{64}$/i.test(t) ? Buffer.from(t, 'hex') : Buffer.from(t, 'base64');
  if (key.length !== 32) throw new Error(`${name} : une clé de 32 octets (base64 ou hexadécimal) est nécessaire pour chiffrer les fiches (openssl rand -base64 32).`);
  return key;
}
