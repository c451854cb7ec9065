/**
 * Sending with consent, exactly once, and never losing a sheet on the way: the sheet is first written
 * (encrypted under the drafts' key, ./vault.ts) to an outbox on the device with an idempotency key made
 * once for this sheet and this consent; every retry reuses it. A failed, timed-out or offline send stays
 * queued ("En attente d'envoi – pas encore transmis") and is retried; only the server's receipt removes
 * it, or a 422 (the sheet was refused: the draft keeps the values). Sending twice (a retry after a lost
 * answer) stores one copy: the server answers 409 with the original receipt. Sheets go only to https or
 * to the page's own origin.
 */
import { DraftStore, type DraftStoreOptions } from './draft-store.js';
import { Vault } from './vault.js';

/** A recorded, withdrawable consent to share. */
export interface Consent {
  /** Who agreed: the person, or their legal representative; `aucun` when nobody could be informed (urgency, child's interest). */
  by: 'personne' | 'representant' | 'aucun';
  /** To whom (structure names or service ids). */
  recipients: string[];
  /** Which sections of the sheet. */
  sections: string[];
  /** Version of the information text shown. */
  textVersion: string;
  /** When (ISO). */
  at: string;
  /** When withdrawn, if it was. */
  withdrawnAt?: string;
}

/** The receiver's receipt. */
export interface Receipt {
  id: string;
  receivedAt: string;
  sha256: string;
}

/** What a send gave. */
export type SendOutcome =
  | { state: 'sent'; receipt: Receipt; replayed: boolean }
  | { state: 'rejected'; errors: Array<{ field: string; message: string }> }
  | { state: 'queued'; reason: string };

interface Pending {
  template: string;
  values: unknown;
  consent: Consent;
  attempts: number;
  /** The draft this sheet was made from (to clear it once the receipt comes back). */
  draftId?: string;
}

/** Default time a POST may take before the sheet is left queued (ms). */
export const SEND_TIMEOUT_MS = 20_000;

/**
 * Whether sheets may be sent to `endpoint`: https, the page's own origin (a relative address), or this
 * machine (loopback). A plain http address elsewhere would carry health data in clear over the network.
 */
export function endpointAllowed(endpoint: string, base: string = typeof location !== 'undefined' ? location.href : 'https://invalid.example/'): boolean {
  let url: URL;
  try {
    url = new URL(endpoint, base);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  if (url.protocol === 'https:') return true;
  if (url.protocol !== 'http:') return false;
  // the page's own origin, or this machine (loopback is a secure context: nothing crosses a network)
  return url.origin === new URL(base).origin || ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}

/** Why an endpoint is refused, in French. */
export const ENDPOINT_REFUSED = 'Adresse d’envoi refusée : elle doit commencer par https:// ou être une adresse de ce site. La fiche n’a pas été transmise.';

export interface OutboxOptions extends DraftStoreOptions {
  fetch?: typeof fetch;
  /** Time a POST may take before the sheet is left queued (default 20 000 ms). */
  timeoutMs?: number;
}

/** The outbox: sheets waiting for the receiver, encrypted under the same key as the drafts. */
export class Outbox {
  private readonly store: DraftStore;
  private readonly fetcher: typeof fetch;
  private readonly timeoutMs: number;
  private readonly shared: boolean;
  private readonly sending = new Map<string, Promise<SendOutcome>>();

  constructor(
    private readonly endpoint: string,
    opts: OutboxOptions = {},
  ) {
    if (!endpointAllowed(endpoint)) throw new Error(ENDPOINT_REFUSED);
    const { fetch: f, timeoutMs, ...storeOpts } = opts;
    const vault = opts.vault ?? new Vault({ dbName: opts.dbName, device: opts.device, passphrase: opts.passphrase });
    this.ownVault = !opts.vault;
    this.store = new DraftStore({ ...storeOpts, vault, kind: 'outbox', dbName: `${opts.dbName ?? 'relais-liaison'}-outbox`, expiryDays: 90 });
    this.fetcher = f ?? ((...a) => fetch(...a));
    this.timeoutMs = timeoutMs ?? SEND_TIMEOUT_MS;
    this.shared = opts.device === 'shared';
  }

  private readonly ownVault: boolean;

  /** What the person is told about the next try: only what is true for this device. */
  private get next(): string {
    return this.shared
      ? 'Nouvel essai automatique au retour de la connexion, tant que cette page reste ouverte : sur un ordinateur partagé, la fiche n’est pas gardée après.'
      : 'Nouvel essai automatique au retour de la connexion et à la prochaine ouverture de cette page.';
  }

  /**
   * Queues a sheet with its consent under an idempotency key made once for this sheet and this consent
   * (pass it back to queue the same sheet again: nothing is added). Returns the key.
   */
  async enqueue(template: string, values: unknown, consent: Consent, opts: { key?: string; draftId?: string } = {}): Promise<string> {
    if (consent.withdrawnAt) throw new Error('Le consentement a été retiré : la fiche ne peut pas être envoyée.');
    const key = opts.key ?? crypto.randomUUID();
    if ((await this.store.list()).some((d) => d.id === key)) return key;
    await this.store.save(key, template, { template, values, consent, attempts: 0, ...(opts.draftId ? { draftId: opts.draftId } : {}) } satisfies Pending, 0);
    return key;
  }

  /** Keys still waiting to be sent. */
  async pending(): Promise<string[]> {
    return (await this.store.list()).map((d) => d.id);
  }

  /** What a queued sheet holds (template, values, consent, draft), or undefined when it is not queued. */
  async queued(key: string): Promise<{ template: string; values: unknown; consent: Consent; draftId?: string } | undefined> {
    const p = (await this.store.load(key))?.values as Pending | undefined;
    return p ? { template: p.template, values: p.values, consent: p.consent, ...(p.draftId ? { draftId: p.draftId } : {}) } : undefined;
  }

  /** The draft a queued sheet was made from. */
  async draftOf(key: string): Promise<string | undefined> {
    return ((await this.store.load(key))?.values as Pending | undefined)?.draftId;
  }

  /** Sends one queued sheet, always with its own idempotency key. Two calls at once make one POST. */
  send(key: string, opts: { signal?: AbortSignal } = {}): Promise<SendOutcome> {
    let p = this.sending.get(key);
    if (!p) {
      p = this.post(key, opts).finally(() => this.sending.delete(key));
      this.sending.set(key, p);
    }
    return p;
  }

  private async post(key: string, opts: { signal?: AbortSignal }): Promise<SendOutcome> {
    const loaded = await this.store.load(key);
    if (!loaded) return { state: 'queued', reason: 'Fiche introuvable dans la file d’envoi.' };
    const p = loaded.values as Pending;
    const keep = async (reason: string): Promise<SendOutcome> => {
      await this.store.save(key, loaded.meta.template, { ...p, attempts: p.attempts + 1 }, loaded.meta.version).catch(() => undefined);
      return { state: 'queued', reason };
    };
    let res: { status: number; contentType: string; json: () => unknown };
    try {
      // on ky (@relais/core/http, loaded with the first sheet sent): a timeout per attempt that covers the body, and a
      // retry of 408, 429 and 5xx (with Retry-After) under the same idempotency key
      const { relaisHttp } = await import('@relais/core/http');
      const answer = await relaisHttp(this.endpoint, {
        method: 'POST',
        headers: { 'idempotency-key': key },
        json: { template: p.template, values: p.values, consent: p.consent },
        signal: opts.signal,
        timeoutMs: this.timeoutMs,
        retries: 2,
        // offline, the sheet is queued at once: it goes again when the connection returns and on the next load
        retryNetworkErrors: false,
        redirect: 'error',
        // every answer but the retried ones is read here
        answerStatus: (s) => s < 500 && s !== 408 && s !== 429,
        fetch: this.fetcher,
      });
      res = {
        status: answer.status,
        contentType: answer.headers.get('content-type') ?? '',
        json: () => {
          try {
            return JSON.parse(answer.text) as unknown;
          } catch {
            return null;
          }
        },
      };
    } catch (e) {
      const err = e as { kind?: string; status?: number };
      if (err.kind === 'http' && typeof err.status === 'number') return keep(`En attente d’envoi – pas encore transmis (${statusReason(err.status)}). ${this.next}`);
      const secs = Math.round(this.timeoutMs / 1000);
      return keep(
        err.kind === 'timeout'
          ? `En attente d’envoi – pas encore transmis : le service n’a pas répondu en ${secs} secondes. ${this.next}`
          : `En attente d’envoi – pas encore transmis : le service ne répond pas. ${this.next}`,
      );
    }
    if (res.status === 409 && /problem\+json/i.test(res.contentType)) {
      // the key already served for ANOTHER sheet: this one was not stored; the draft keeps the values
      const body = res.json() as { detail?: unknown } | null;
      await this.store.remove(key);
      const detail = typeof body?.detail === 'string' && body.detail.trim() ? body.detail.slice(0, 500) : 'Le service a refusé la fiche : sa clé d’envoi a déjà servi pour une autre fiche.';
      return { state: 'rejected', errors: [{ field: 'fiche', message: detail }] };
    }
    if (res.status === 201 || res.status === 409) {
      const receipt = res.json() as Receipt | null;
      if (receipt && typeof receipt.id === 'string' && typeof receipt.receivedAt === 'string') {
        await this.store.remove(key);
        return { state: 'sent', receipt: { id: receipt.id.slice(0, 100), receivedAt: receipt.receivedAt.slice(0, 40), sha256: String(receipt.sha256 ?? '').slice(0, 64) }, replayed: res.status === 409 };
      }
      // received, but the receipt is unreadable (or a 409 for another sheet): keep the sheet; the next try (same key) tells
      return keep(`En attente de confirmation – l’accusé de réception est illisible. ${this.next}`);
    }
    if (res.status === 422) {
      // the receiver refused this sheet: it leaves the outbox (the draft keeps the values, to correct and send again)
      await this.store.remove(key);
      return { state: 'rejected', errors: readProblems(res.json()) };
    }
    return keep(`En attente d’envoi – pas encore transmis (${statusReason(res.status)}). ${this.next}`);
  }

  /** Cancels a queued sheet (the consent is withdrawn before it was sent). */
  async cancel(key: string): Promise<void> {
    await this.store.remove(key);
  }

  /** Sends everything queued (on reconnection, on load), each with its own key. */
  async flush(): Promise<Array<SendOutcome & { key: string; draftId?: string }>> {
    const out: Array<SendOutcome & { key: string; draftId?: string }> = [];
    for (const k of await this.pending()) {
      const draftId = await this.draftOf(k).catch(() => undefined);
      out.push({ ...(await this.send(k)), key: k, ...(draftId ? { draftId } : {}) });
    }
    return out;
  }

  /** Empties the queue held in memory (shared device) and forgets the key; returns how many sheets went. */
  async eraseAll(): Promise<number> {
    return this.store.eraseAll();
  }

  close(): void {
    this.store.close();
    if (this.ownVault) this.store.vault.close();
  }
}

/** Why an answer leaves the sheet in the outbox, in French. */
function statusReason(status: number): string {
  if (status === 401 || status === 403) return `le service refuse l’accès à ce site, erreur ${status} : prévenez le responsable du site`;
  if (status === 429) return 'trop d’envois vers le service pour le moment';
  if (status >= 200 && status < 300) return `réponse inattendue du service, code ${status}`;
  return `erreur ${status}`;
}

/** The field errors of a 422 problem+json body, whatever its shape (never throws, never more than 50). */
export function readProblems(body: unknown): Array<{ field: string; message: string }> {
  const list = body && typeof body === 'object' ? (body as Record<string, unknown>)['invalid-params'] : undefined;
  const out: Array<{ field: string; message: string }> = [];
  if (Array.isArray(list)) {
    for (const e of list.slice(0, 50)) {
      if (!e || typeof e !== 'object') continue;
      const { name, reason } = e as Record<string, unknown>;
      out.push({
        field: typeof name === 'string' && name.length <= 200 ? name : 'fiche',
        message: typeof reason === 'string' && reason.trim() ? reason.slice(0, 500) : 'Information refusée par le service destinataire.',
      });
    }
  }
  if (!out.length) out.push({ field: 'fiche', message: 'Le service destinataire a refusé la fiche sans dire pourquoi : vérifiez-la, puis renvoyez-la.' });
  return out;
}
