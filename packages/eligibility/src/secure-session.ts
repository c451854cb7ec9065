/**
 * Encrypted session storage for `<relais-eligibility remember>`.
 *
 * Choice (issue 14): the answers (age, GIR, disability band, income…) are encrypted with AES-GCM (256 bits, a fresh
 * 12-byte IV on every save) before they reach sessionStorage. The key is generated in the browser with
 * `extractable: false` and kept in IndexedDB (a CryptoKey is stored as is, by structured clone): no script, extension
 * or person reading the storage can get the key's bytes, and sessionStorage only ever holds
 * `{ v: 1, iv, data }` in base64. The ciphertext dies with the tab (sessionStorage); « Recommencer » deletes both the
 * ciphertext and the key. Limits: a script running on the same page could still ask the browser to decrypt with the
 * key (as it could read the form); without Web Crypto or IndexedDB (very old browsers, some private modes) nothing is
 * remembered at all — never a fallback to clear text.
 */

const DB = 'relais-eligibility';
const STORE = 'keys';
const KEY_ID = 'session-answers';

function idb<T>(mode: IDBTransactionMode, run: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(DB, 1);
    open.onupgradeneeded = () => open.result.createObjectStore(STORE);
    open.onerror = () => reject(open.error ?? new Error('IndexedDB indisponible'));
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction(STORE, mode);
      const req = run(tx.objectStore(STORE));
      tx.oncomplete = () => {
        db.close();
        resolve(req.result);
      };
      tx.onerror = tx.onabort = () => {
        db.close();
        reject(tx.error ?? new Error('IndexedDB : transaction refusée'));
      };
    };
  });
}

let keyPromise: Promise<CryptoKey> | null = null;

/** The session key: read from IndexedDB, or generated (non-extractable) and stored there. */
function sessionKey(): Promise<CryptoKey> {
  keyPromise ??= (async () => {
    const found = await idb<CryptoKey | undefined>('readonly', (s) => s.get(KEY_ID) as IDBRequest<CryptoKey | undefined>);
    if (found) return found;
    const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
    await idb('readwrite', (s) => s.put(key, KEY_ID));
    return key;
  })().catch((e: unknown) => {
    keyPromise = null;
    throw e;
  });
  return keyPromise;
}

const b64 = (b: ArrayBuffer | Uint8Array): string => btoa(String.fromCharCode(...new Uint8Array(b)));
const unb64 = (s: string): Uint8Array<ArrayBuffer> => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));

/** Encrypts `value` (JSON) and writes it under `name` in sessionStorage. Rejects (and writes nothing) without Web Crypto or IndexedDB. */
export async function saveEncrypted(name: string, value: unknown): Promise<void> {
  const key = await sessionKey();
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const data = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, new TextEncoder().encode(JSON.stringify(value)));
  sessionStorage.setItem(name, JSON.stringify({ v: 1, iv: b64(iv), data: b64(data) }));
}

/** Reads and decrypts what `saveEncrypted` wrote; null when there is nothing, or it cannot be read (other key, tampered). */
export async function loadEncrypted<T>(name: string): Promise<T | null> {
  const raw = sessionStorage.getItem(name);
  if (!raw) return null;
  try {
    const box = JSON.parse(raw) as { v?: number; iv?: string; data?: string };
    if (box.v !== 1 || typeof box.iv !== 'string' || typeof box.data !== 'string') return null;
    const key = await sessionKey();
    const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: unb64(box.iv) }, key, unb64(box.data));
    return JSON.parse(new TextDecoder().decode(plain)) as T;
  } catch {
    return null;
  }
}

/** Forgets everything: the ciphertext and the key. */
export async function forgetEncrypted(name: string): Promise<void> {
  sessionStorage.removeItem(name);
  keyPromise = null;
  try {
    await idb('readwrite', (s) => s.delete(KEY_ID));
  } catch {
    // no IndexedDB: nothing was stored
  }
}
