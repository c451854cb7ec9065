/**
 * Drafts that are never lost and never readable off the device: each draft is encrypted with AES-GCM
 * (Web Crypto) before it reaches IndexedDB, with the key of the database's Vault (./vault.ts: a
 * non-extractable device key, or a key derived from the passphrase once per unlock, never stored), and
 * with associated data binding its kind, id, version, expiry and template. Each save carries a version
 * stamp; a BroadcastChannel tells other tabs, and a save over a newer version from another tab is refused
 * (the caller forks or asks). Drafts expire. An erase in any tab empties every store of every tab.
 */
import { DraftLockedError, Vault, openDb, tx } from './vault.js';

export { DraftLockedError } from './vault.js';

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
}

/** A save refused because another tab saved a newer version. */
export class DraftConflictError extends Error {
  override readonly name = 'DraftConflictError';
  constructor(readonly current: DraftMeta) {
    super('Ce brouillon a été modifié dans un autre onglet : choisissez la version à garder.');
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
  /** The key holder shared with the outbox (default: one made from `dbName`, `device` and `passphrase`). */
  vault?: Vault;
  /** What the records are (bound to each ciphertext: a draft cannot be moved into the outbox). Default `draft`. */
  kind?: 'draft' | 'outbox';
}

const enc = new TextEncoder();
const dec = new TextDecoder();
const tabId = Math.random().toString(36).slice(2, 10);

/** The encrypted draft store. */
export class DraftStore {
  private db: Promise<IDBDatabase> | null = null;
  readonly vault: Vault;
  private readonly ownVault: boolean;
  private readonly offErased: () => void;
  private readonly memory = new Map<string, StoredDraft>();
  /** The record of each draft as this store last wrote or read it (metadata only): a save over it needs no read first. */
  private readonly known = new Map<string, DraftMeta>();
  private readonly channel: BroadcastChannel | null;
  private readonly listeners = new Set<(meta: DraftMeta) => void>();
  private readonly opts: Required<Pick<DraftStoreOptions, 'dbName' | 'expiryDays' | 'device'>> & DraftStoreOptions;

  constructor(opts: DraftStoreOptions = {}) {
    this.opts = { dbName: 'relais-liaison', expiryDays: 30, device: 'personal', ...opts };
    this.ownVault = !opts.vault;
    this.vault = opts.vault ?? new Vault({ dbName: this.opts.dbName, device: this.opts.device, passphrase: this.opts.passphrase });
    // an erase (here or in another tab): nothing of the old data stays in this store's memory
    this.offErased = this.vault.onErased(() => {
      this.memory.clear();
      this.known.clear();
      this.db = null;
    });
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
    this.db ??= openDb(this.opts.dbName, () => (this.db = null));
    return this.db;
  }

  /** Associated data of a record: what it is, which version, until when (a changed label does not decrypt). */
  private ad(m: DraftMeta): Uint8Array {
    return enc.encode(JSON.stringify(['relais-liaison/1', this.opts.kind ?? 'draft', m.id, m.template, m.version, m.expiresAt, !!m.kept]));
  }

  private async read(id: string): Promise<StoredDraft | undefined> {
    if (this.opts.device === 'shared') return this.memory.get(id);
    return tx<StoredDraft | undefined>(await this.database(), 'drafts', 'readonly', (s) => s.get(id) as IDBRequest<StoredDraft | undefined>);
  }

  /**
   * Encrypts and saves. `baseVersion` is the version the editor started from (0 for a new draft);
   * when another tab saved a newer one, the save is refused with DraftConflictError.
   * Over a record this store wrote or read itself, the save encrypts at once and writes in one transaction, committed
   * as soon as the record there is checked (no read before, no waiting for the browser to commit on its own): the write
   * is then durable even if the page goes away a few milliseconds later. A record that changed meanwhile (another tab)
   * rolls that transaction back and the save starts again from what is there.
   */
  async save(id: string, template: string, values: unknown, baseVersion: number, extra: { kept?: boolean } = {}): Promise<DraftMeta> {
    const known = this.known.get(id);
    // what the slow path would find there if the record is still the known one: no conflict
    if (known && !(known.version > baseVersion && known.writer !== this.writer) && this.opts.device === 'personal') {
      const meta = this.nextMeta(id, template, baseVersion, known, extra);
      const record: StoredDraft = { ...meta, ...(await this.vault.encrypt(enc.encode(JSON.stringify(values)), this.ad(meta))) };
      if (await this.putOver(record, known)) return this.saved(meta);
    }
    const current = await this.read(id);
    if (current && current.version > baseVersion && current.writer !== this.writer) throw new DraftConflictError(strip(current));
    const meta = this.nextMeta(id, template, baseVersion, current, extra);
    const { iv, data } = await this.vault.encrypt(enc.encode(JSON.stringify(values)), this.ad(meta));
    const record: StoredDraft = { ...meta, iv, data };
    if (this.opts.device === 'shared') this.memory.set(id, record);
    else await tx(await this.database(), 'drafts', 'readwrite', (s) => s.put(record));
    return this.saved(meta);
  }

  private nextMeta(id: string, template: string, baseVersion: number, current: DraftMeta | undefined, extra: { kept?: boolean }): DraftMeta {
    const now = this.now();
    return {
      id,
      template,
      version: Math.max(baseVersion, current?.version ?? 0) + 1,
      writer: this.writer,
      updatedAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + this.opts.expiryDays * 86_400_000).toISOString(),
      ...(extra.kept ?? current?.kept ? { kept: true } : {}),
    };
  }

  private saved(meta: DraftMeta): DraftMeta {
    this.known.set(meta.id, meta);
    this.channel?.postMessage(meta);
    return meta;
  }

  /**
   * Writes `record` in one transaction if the stored record is still `expected` (same version, same writer): the read
   * and the write are asked together, the commit as soon as the read answers; otherwise the transaction is rolled back
   * (false: nothing written).
   */
  private async putOver(record: StoredDraft, expected: DraftMeta): Promise<boolean> {
    const db = await this.database();
    return new Promise((resolve, reject) => {
      const t = db.transaction('drafts', 'readwrite');
      const store = t.objectStore('drafts');
      let same = false;
      const get = store.get(record.id) as IDBRequest<StoredDraft | undefined>;
      store.put(record);
      get.onsuccess = () => {
        const r = get.result;
        same = !!r && r.version === expected.version && r.writer === expected.writer;
        if (!same) t.abort();
        else t.commit?.();
      };
      t.oncomplete = () => resolve(true);
      t.onabort = () => (same ? reject(t.error) : resolve(false));
    });
  }

  /** Decrypts a draft; undefined when there is none (or it expired and was purged). */
  async load(id: string): Promise<{ meta: DraftMeta; values: unknown } | undefined> {
    const r = await this.read(id);
    if (!r) return undefined;
    if (r.expiresAt <= this.now().toISOString() && !r.kept) {
      await this.remove(id);
      return undefined;
    }
    const meta = strip(r);
    this.known.set(id, meta);
    const plain = await this.vault.decrypt(r.iv, r.data, this.ad(meta));
    try {
      return { meta, values: JSON.parse(dec.decode(plain)) };
    } catch {
      throw new DraftLockedError('tampered');
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
    this.known.delete(id);
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

  /**
   * Empties this store's memory (shared device) and forgets the key. For a personal device use
   * `eraseDevice` (./vault.ts): it deletes the databases and tells every tab. Returns how many records went.
   */
  async eraseAll(): Promise<number> {
    const n = this.opts.device === 'shared' ? this.memory.size : (await this.list()).length;
    this.memory.clear();
    this.known.clear();
    this.vault.forget();
    if (this.opts.device === 'personal') {
      const db = await this.database();
      await tx(db, 'drafts', 'readwrite', (s) => s.clear());
      await tx(db, 'keys', 'readwrite', (s) => s.clear());
    }
    return n;
  }

  /** Closes the database and the channel. */
  close(): void {
    this.channel?.close();
    this.offErased();
    if (this.ownVault) this.vault.close();
    void this.db?.then((d) => d.close());
    this.db = null;
  }
}

function strip(r: StoredDraft | DraftMeta): DraftMeta {
  const { id, template, version, writer, updatedAt, expiresAt, kept } = r;
  return { id, template, version, writer, updatedAt, expiresAt, ...(kept ? { kept } : {}) };
}
