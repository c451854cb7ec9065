/**
 * The one key hierarchy of the liaison package (see ../SECURITY.md). Drafts and the outbox are encrypted
 * with the same key, held by one Vault per database name:
 * - personal device: a non-extractable AES-GCM key generated once and kept in IndexedDB (`keys/device-key`);
 * - passphrase mode: a key derived from the passphrase (PBKDF2-SHA-256, 600 000 rounds, one random salt per
 *   device), derived once per unlock and never stored; a verifier tells a wrong passphrase at once;
 * - shared device: a key generated in memory for this page only; nothing is written to IndexedDB.
 * Every record is AES-GCM encrypted with associated data binding its kind, id, version, expiry and template:
 * a record moved, replayed or given a longer life does not decrypt.
 * `eraseDevice` deletes both databases (drafts, outbox and keys) and tells every open tab (BroadcastChannel).
 */

/** OWASP 2023 recommendation for PBKDF2-HMAC-SHA-256. */
export const PBKDF2_ITERATIONS = 600_000;

/**
 * Why nothing can be saved on a page that is not secure, in French. Web Crypto (`crypto.subtle`, `crypto.randomUUID`)
 * exists only in a secure context (an https page, or localhost): without it nothing is saved or sent — never a
 * clear-text fallback.
 */
export const NO_CRYPTO = 'Page sans https : chiffrement impossible, rien n’est enregistré ni envoyé.';

const enc = new TextEncoder();
const VERIFIER = 'relais-liaison:verifier:1';

/** The passphrase is wrong, or the record was tampered with (or its key was erased). */
export class DraftLockedError extends Error {
  override readonly name = 'DraftLockedError';
  constructor(readonly reason: 'passphrase' | 'tampered' = 'passphrase') {
    super(
      reason === 'passphrase'
        ? 'Impossible d’ouvrir ce brouillon : la phrase secrète ne correspond pas.'
        : 'Impossible d’ouvrir cette fiche : elle a été modifiée hors de ce formulaire, ou sa clé a été effacée.',
    );
  }
}

export interface VaultOptions {
  /** IndexedDB database of the drafts (the outbox is `<dbName>-outbox`). */
  dbName?: string;
  /** `shared`: the key lives in memory for this page only. */
  device?: 'personal' | 'shared';
  /** Passphrase mode: the key is derived from it and never stored. */
  passphrase?: string;
}

/** Opens (or creates) a liaison database; the connection closes itself when another tab deletes the database. */
export function openDb(name: string, onClose?: () => void): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(name, 1);
    req.onupgradeneeded = () => {
      const db = req.result;
      db.createObjectStore('drafts', { keyPath: 'id' });
      db.createObjectStore('keys');
    };
    req.onsuccess = () => {
      const db = req.result;
      // an erase in another tab deletes the database: let it, and forget this connection
      db.onversionchange = () => {
        db.close();
        onClose?.();
      };
      resolve(db);
    };
    req.onerror = () => reject(req.error);
    req.onblocked = () => reject(new Error('Base de données bloquée par un autre onglet.'));
  });
}

export function tx<T>(db: IDBDatabase, store: 'drafts' | 'keys', mode: IDBTransactionMode, fn: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    const t = db.transaction(store, mode);
    const req = fn(t.objectStore(store));
    // durable before we say "enregistré"
    t.oncomplete = () => resolve(req.result);
    t.onerror = () => reject(t.error);
    t.onabort = () => reject(t.error);
  });
}

interface PassphraseRecord {
  salt: Uint8Array;
  iterations: number;
  iv: Uint8Array;
  check: ArrayBuffer;
}

/** Name of the channel on which erasures are told to every tab. */
export const eraseChannel = (dbName: string): string => `${dbName}:erase`;

/** The key of one liaison database, shared by its draft store and its outbox. */
export class Vault {
  readonly dbName: string;
  readonly device: 'personal' | 'shared';
  private readonly passphrase: string | undefined;
  private key: Promise<CryptoKey> | null = null;
  private readonly channel: BroadcastChannel | null;
  private readonly erasedListeners = new Set<(fromHere: boolean) => void>();
  /** Id of this vault in erase messages (its own erase is not news to it). */
  readonly id: string;

  constructor(opts: VaultOptions = {}) {
    if (!(crypto.subtle as SubtleCrypto | undefined)) throw new Error(NO_CRYPTO);
    this.id = crypto.randomUUID();
    this.dbName = opts.dbName ?? 'relais-liaison';
    this.device = opts.device ?? 'personal';
    this.passphrase = opts.passphrase;
    this.channel = typeof BroadcastChannel !== 'undefined' ? new BroadcastChannel(eraseChannel(this.dbName)) : null;
    this.channel?.addEventListener('message', (e: MessageEvent<{ from?: string }>) => {
      this.forget();
      this.erasedListeners.forEach((l) => l(e.data?.from === this.id));
    });
  }

  /** Whether this vault derives its key from a passphrase. */
  get passphraseMode(): boolean {
    return !!this.passphrase;
  }

  /** Called when the data was erased in this tab or another one (the key is already forgotten). */
  onErased(fn: (fromHere: boolean) => void): () => void {
    this.erasedListeners.add(fn);
    return () => void this.erasedListeners.delete(fn);
  }

  /** Drops the key held in memory (after an erase; or to lock). */
  forget(): void {
    this.key = null;
  }

  /** The AES-GCM key: made, read or derived once, then kept in memory for this page. */
  cryptoKey(): Promise<CryptoKey> {
    this.key ??= this.makeKey();
    // a failed derivation (wrong passphrase) must be retried with the next attempt, not cached
    this.key.catch(() => (this.key = null));
    return this.key;
  }

  private async makeKey(): Promise<CryptoKey> {
    if (this.device === 'shared') return crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
    const db = await openDb(this.dbName);
    try {
      if (this.passphrase) {
        const stored = await tx<PassphraseRecord | undefined>(db, 'keys', 'readonly', (s) => s.get('passphrase') as IDBRequest<PassphraseRecord | undefined>);
        if (stored) {
          const key = await derive(this.passphrase, stored.salt, stored.iterations);
          try {
            await crypto.subtle.decrypt({ name: 'AES-GCM', iv: stored.iv as BufferSource, additionalData: enc.encode(VERIFIER) }, key, stored.check);
          } catch {
            throw new DraftLockedError('passphrase');
          }
          return key;
        }
        const salt = crypto.getRandomValues(new Uint8Array(16));
        const key = await derive(this.passphrase, salt, PBKDF2_ITERATIONS);
        const iv = crypto.getRandomValues(new Uint8Array(12));
        const check = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: enc.encode(VERIFIER) }, key, enc.encode(VERIFIER));
        await tx(db, 'keys', 'readwrite', (s) => s.put({ salt, iterations: PBKDF2_ITERATIONS, iv, check } satisfies PassphraseRecord, 'passphrase'));
        return key;
      }
      const existing = await tx<CryptoKey | undefined>(db, 'keys', 'readonly', (s) => s.get('device-key') as IDBRequest<CryptoKey | undefined>);
      if (existing) return existing;
      // non-extractable: scripts can use it, nobody can read it out
      const k = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
      await tx(db, 'keys', 'readwrite', (s) => s.put(k, 'device-key'));
      return k;
    } finally {
      db.close();
    }
  }

  /** Encrypts with associated data (bound to the ciphertext, not secret). */
  async encrypt(plain: Uint8Array, ad: Uint8Array): Promise<{ iv: Uint8Array; data: ArrayBuffer }> {
    const key = await this.cryptoKey();
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const data = await crypto.subtle.encrypt({ name: 'AES-GCM', iv: iv as BufferSource, additionalData: ad as BufferSource }, key, plain as BufferSource);
    return { iv, data };
  }

  /** Decrypts; DraftLockedError when the key or the associated data do not match. */
  async decrypt(iv: Uint8Array, data: ArrayBuffer, ad: Uint8Array): Promise<ArrayBuffer> {
    const key = await this.cryptoKey();
    try {
      return await crypto.subtle.decrypt({ name: 'AES-GCM', iv: iv as BufferSource, additionalData: ad as BufferSource }, key, data);
    } catch {
      // the key itself was checked (device key, or passphrase verifier): the record was changed, moved or replayed
      throw new DraftLockedError('tampered');
    }
  }

  close(): void {
    this.channel?.close();
    this.erasedListeners.clear();
  }

  /** Whether a passphrase was already chosen on this device for this database. */
  static async hasPassphrase(dbName = 'relais-liaison'): Promise<boolean> {
    if (!(await exists(dbName))) return false;
    const db = await openDb(dbName);
    try {
      return (await tx<number>(db, 'keys', 'readonly', (s) => s.count('passphrase'))) > 0;
    } finally {
      db.close();
    }
  }
}

async function derive(passphrase: string, salt: Uint8Array, iterations: number): Promise<CryptoKey> {
  const base = await crypto.subtle.importKey('raw', enc.encode(passphrase), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations }, base, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

async function exists(name: string): Promise<boolean> {
  if (typeof indexedDB.databases !== 'function') return true;
  return (await indexedDB.databases()).some((d) => d.name === name);
}

async function countRecords(name: string): Promise<{ records: number; keys: number }> {
  if (!(await exists(name))) return { records: 0, keys: 0 };
  const db = await openDb(name);
  try {
    return { records: await tx<number>(db, 'drafts', 'readonly', (s) => s.count()), keys: await tx<number>(db, 'keys', 'readonly', (s) => s.count()) };
  } finally {
    db.close();
  }
}

function deleteDb(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.deleteDatabase(name);
    req.onsuccess = () => resolve();
    req.onerror = () => reject(req.error);
    // other tabs close on versionchange; the deletion then goes on by itself
    req.onblocked = () => undefined;
  });
}

/** What an erase removed. */
export interface Erased {
  /** Drafts (including kept copies). */
  drafts: number;
  /** Sheets waiting to be sent. */
  queued: number;
  /** Keys and passphrase verifiers. */
  keys: number;
}

/**
 * « Effacer mes données de cet appareil » : deletes the drafts database and the outbox database of `dbName`
 * (records and keys), and tells every open tab, which forgets its key and its in-memory copies.
 */
export async function eraseDevice(dbName = 'relais-liaison', opts: { from?: string } = {}): Promise<Erased> {
  const [d, o] = await Promise.all([countRecords(dbName), countRecords(`${dbName}-outbox`)]);
  if (typeof BroadcastChannel !== 'undefined') {
    const ch = new BroadcastChannel(eraseChannel(dbName));
    ch.postMessage({ type: 'erase', from: opts.from });
    ch.close();
  }
  await Promise.all([deleteDb(dbName), deleteDb(`${dbName}-outbox`)]);
  return { drafts: d.records, queued: o.records, keys: d.keys + o.keys };
}

/** « 1 brouillon, 1 fiche en attente d’envoi et la clé de chiffrement » : what an erase removed, in French. */
export function describeErased(e: Erased): string {
  const parts: string[] = [];
  if (e.drafts) parts.push(`${e.drafts} brouillon${e.drafts > 1 ? 's' : ''}`);
  if (e.queued) parts.push(`${e.queued} fiche${e.queued > 1 ? 's' : ''} en attente d’envoi`);
  if (e.keys) parts.push(e.keys > 1 ? 'les clés de chiffrement' : 'la clé de chiffrement');
  if (!parts.length) return 'Rien n’était enregistré sur cet appareil.';
  const list = parts.length > 1 ? `${parts.slice(0, -1).join(', ')} et ${parts.at(-1)}` : parts[0];
  return `Effacé de cet appareil : ${list}, dans tous les onglets ouverts.`;
}
