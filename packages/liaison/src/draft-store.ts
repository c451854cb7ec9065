/**
 * Drafts that are never lost and never readable off the device: each draft is encrypted with AES-GCM
 * (Web Crypto) before it reaches IndexedDB. The key is non-extractable and stays in IndexedDB (it can
 * be used, not read); in passphrase mode it is derived from the passphrase (PBKDF2, 310 000 rounds) and
 * never stored. Each save carries a version stamp; a BroadcastChannel tells other tabs, and a save
 * over a newer version from another tab is refused (the caller forks or asks). Drafts expire.
 */

/** What is stored, in clear, next to the ciphertext: no personal data. */
export interface DraftMeta {
  id: string;
  template: string;
  /** Monotonic version: a save must name the version it started from. */
  version: number;
  /** Which tab wrote it. */
  writer: string;
  updatedAt: string;
  expiresAt: string;
  /** Kept copy (fiche frigo) rather than a draft to send. */
  kept?: boolean;
}

interface StoredDraft extends DraftMeta {
  iv: Uint8Array;
  data: ArrayBuffer;
  salt?: Uint8Array;
}

/** A save refused because another tab saved a newer version. */
export class DraftConflictError extends Error {
  override readonly name = 'DraftConflictError';
  constructor(readonly current: DraftMeta) {
    super('Ce brouillon a été modifié dans un autre onglet : choisissez la version à garder.');
  }
}

/** The passphrase is wrong (or the data was tampered with). */
export class DraftLockedError extends Error {
  override readonly name = 'DraftLockedError';
  constructor() {
    super('Impossible d’ouvrir ce brouillon : la phrase secrète ne correspond pas.');
  }
}

export interface DraftStoreOptions {
  /** IndexedDB database name (one per host page if needed). */
  dbName?: string;
  /** Days before a draft expires (default 30). */
  expiryDays?: number;
  /** Passphrase mode: the key is derived from it and never stored. */
  passphrase?: string;
  /** `shared` (France Services or CCAS desk): nothing is written to IndexedDB, drafts live in memory for this tab only. */
  device?: 'personal' | 'shared';
  /** Clock, for tests. */
  now?: () => Date;
  /** Writer id of this tab (default: a random id per page). */
  writer?: string;
}

const enc = new TextEncoder();
const dec = new TextDecoder();
const tabId = Math.random().toString(36).slice(2, 10);

function openDb(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(name, 1);
    req.onupgradeneeded = () => {
      const db = req.result;
      db.createObjectStore('drafts', { keyPath: 'id' });
      db.createObjectStore('keys');
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function tx<T>(db: IDBDatabase, store: 'drafts' | 'keys', mode: IDBTransactionMode, fn: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    const t = db.transaction(store, mode);
    const req = fn(t.objectStore(store));
    // durable before we say "enregistré"
    t.oncomplete = () => resolve(req.result);
    t.onerror = () => reject(t.error);
    t.onabort = () => reject(t.error);
  });
}

/** The encrypted draft store. */
export class DraftStore {
  private db: Promise<IDBDatabase> | null = null;
  private key: Promise<CryptoKey> | null = null;
  private readonly memory = new Map<string, StoredDraft>();
  private readonly channel: BroadcastChannel | null;
  private readonly listeners = new Set<(meta: DraftMeta) => void>();
  private readonly opts: Required<Pick<DraftStoreOptions, 'dbName' | 'expiryDays' | 'device'>> & DraftStoreOptions;

  constructor(opts: DraftStoreOptions = {}) {
    this.opts = { dbName: 'relais-liaison', expiryDays: 30, device: 'personal', ...opts };
    this.channel = typeof BroadcastChannel !== 'undefined' && this.opts.device === 'personal' ? new BroadcastChannel(`${this.opts.dbName}:drafts`) : null;
    this.channel?.addEventListener('message', (e: MessageEvent<DraftMeta>) => this.listeners.forEach((l) => l(e.data)));
  }

  /** Tab id of this store (its saves are stamped with it). */
  get writer(): string {
    return this.opts.writer ?? tabId;
  }

  /** Called when another tab saves a draft (its metadata only). */
  onRemoteChange(fn: (meta: DraftMeta) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private now(): Date {
    return this.opts.now?.() ?? new Date();
  }

  private database(): Promise<IDBDatabase> {
    this.db ??= openDb(this.opts.dbName);
    return this.db;
  }

  private async cryptoKey(salt?: Uint8Array): Promise<CryptoKey> {
    if (this.opts.passphrase) {
      const base = await crypto.subtle.importKey('raw', enc.encode(this.opts.passphrase), 'PBKDF2', false, ['deriveKey']);
      return crypto.subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations: 310_000 }, base, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
    }
    this.key ??= (async () => {
      if (this.opts.device === 'shared') return crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
      const db = await this.database();
      const existing = await tx<CryptoKey | undefined>(db, 'keys', 'readonly', (s) => s.get('device-key') as IDBRequest<CryptoKey | undefined>);
      if (existing) return existing;
      // non-extractable: scripts can use it, nobody can read it out
      const k = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
      await tx(db, 'keys', 'readwrite', (s) => s.put(k, 'device-key'));
      return k;
    })();
    return this.key;
  }

  private async read(id: string): Promise<StoredDraft | undefined> {
    if (this.opts.device === 'shared') return this.memory.get(id);
    return tx<StoredDraft | undefined>(await this.database(), 'drafts', 'readonly', (s) => s.get(id) as IDBRequest<StoredDraft | undefined>);
  }

  /**
   * Encrypts and saves. `baseVersion` is the version the editor started from (0 for a new draft);
   * when another tab saved a newer one, the save is refused with DraftConflictError.
   */
  async save(id: string, template: string, values: unknown, baseVersion: number, extra: { kept?: boolean } = {}): Promise<DraftMeta> {
    const current = await this.read(id);
    if (current && current.version > baseVersion && current.writer !== this.writer) throw new DraftConflictError(strip(current));
    const salt = this.opts.passphrase ? (current?.salt ?? crypto.getRandomValues(new Uint8Array(16))) : undefined;
    const key = await this.cryptoKey(salt);
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const data = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, enc.encode(JSON.stringify(values)));
    const now = this.now();
    const meta: DraftMeta = {
      id,
      template,
      version: Math.max(baseVersion, current?.version ?? 0) + 1,
      writer: this.writer,
      updatedAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + this.opts.expiryDays * 86_400_000).toISOString(),
      ...(extra.kept ?? current?.kept ? { kept: true } : {}),
    };
    const record: StoredDraft = { ...meta, iv, data, ...(salt ? { salt } : {}) };
    if (this.opts.device === 'shared') this.memory.set(id, record);
    else await tx(await this.database(), 'drafts', 'readwrite', (s) => s.put(record));
    this.channel?.postMessage(meta);
    return meta;
  }

  /** Decrypts a draft; undefined when there is none (or it expired and was purged). */
  async load(id: string): Promise<{ meta: DraftMeta; values: unknown } | undefined> {
    const r = await this.read(id);
    if (!r) return undefined;
    if (r.expiresAt <= this.now().toISOString() && !r.kept) {
      await this.remove(id);
      return undefined;
    }
    try {
      const key = await this.cryptoKey(r.salt);
      const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: r.iv as BufferSource }, key, r.data);
      return { meta: strip(r), values: JSON.parse(dec.decode(plain)) };
    } catch {
      throw new DraftLockedError();
    }
  }

  /** Metadata of every draft (no content). */
  async list(): Promise<DraftMeta[]> {
    const all = this.opts.device === 'shared' ? [...this.memory.values()] : await tx<StoredDraft[]>(await this.database(), 'drafts', 'readonly', (s) => s.getAll() as IDBRequest<StoredDraft[]>);
    return all.map(strip);
  }

  /** Deletes one draft. */
  async remove(id: string): Promise<void> {
    this.memory.delete(id);
    if (this.opts.device === 'shared') return;
    await tx(await this.database(), 'drafts', 'readwrite', (s) => s.delete(id));
  }

  /** Deletes expired drafts (kept copies are not deleted: they ask for review instead). Returns how many. */
  async purgeExpired(): Promise<number> {
    const now = this.now().toISOString();
    const expired = (await this.list()).filter((d) => d.expiresAt <= now && !d.kept);
    for (const d of expired) await this.remove(d.id);
    return expired.length;
  }

  /** « Effacer mes données de cet appareil » : every draft and the device key. */
  async eraseAll(): Promise<void> {
    this.memory.clear();
    this.key = null;
    if (this.opts.device === 'shared') return;
    const db = await this.database();
    await tx(db, 'drafts', 'readwrite', (s) => s.clear());
    await tx(db, 'keys', 'readwrite', (s) => s.clear());
  }

  /** Closes the database and the channel. */
  close(): void {
    this.channel?.close();
    void this.db?.then((d) => d.close());
    this.db = null;
  }
}

function strip(r: StoredDraft | DraftMeta): DraftMeta {
  const { id, template, version, writer, updatedAt, expiresAt, kept } = r;
  return { id, template, version, writer, updatedAt, expiresAt, ...(kept ? { kept } : {}) };
}
