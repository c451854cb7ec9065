/**
 * Sending with consent, and never losing a sheet on the way: the sheet is first written (encrypted) to
 * an outbox on the device, then sent with an idempotency key. A failed or offline send stays queued
 * ("En attente d'envoi – pas encore transmis") and is retried; only the server's receipt removes it.
 * Sending twice (a retry after a lost answer) stores one copy: the server answers 409 with the
 * original receipt.
 */
import { DraftStore, type DraftStoreOptions } from './draft-store.js';

/** A recorded, withdrawable consent to share. */
export interface Consent {
  /** Who agreed: the person, or their legal representative. */
  by: 'personne' | 'representant';
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
}

/** The outbox. */
export class Outbox {
  private readonly store: DraftStore;
  constructor(
    private readonly endpoint: string,
    opts: DraftStoreOptions & { fetch?: typeof fetch } = {},
  ) {
    this.store = new DraftStore({ ...opts, dbName: `${opts.dbName ?? 'relais-liaison'}-outbox`, expiryDays: 90 });
    this.fetcher = opts.fetch ?? ((...a) => fetch(...a));
  }

  private readonly fetcher: typeof fetch;

  /** Queues a sheet with its consent; returns the idempotency key that identifies it. */
  async enqueue(template: string, values: unknown, consent: Consent): Promise<string> {
    if (consent.withdrawnAt) throw new Error('Le consentement a été retiré : la fiche ne peut pas être envoyée.');
    const key = crypto.randomUUID();
    await this.store.save(key, template, { template, values, consent, attempts: 0 } satisfies Pending, 0);
    return key;
  }

  /** Keys still waiting to be sent. */
  async pending(): Promise<string[]> {
    return (await this.store.list()).map((d) => d.id);
  }

  /** Sends one queued sheet. */
  async send(key: string, opts: { signal?: AbortSignal } = {}): Promise<SendOutcome> {
    const loaded = await this.store.load(key);
    if (!loaded) return { state: 'queued', reason: 'Fiche introuvable dans la file d’envoi.' };
    const p = loaded.values as Pending;
    let res: Response;
    try {
      res = await this.fetcher(this.endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': key },
        body: JSON.stringify({ template: p.template, values: p.values, consent: p.consent }),
        signal: opts.signal,
      });
    } catch {
      await this.store.save(key, loaded.meta.template, { ...p, attempts: p.attempts + 1 }, loaded.meta.version);
      return { state: 'queued', reason: 'En attente d’envoi – pas encore transmis : le service ne répond pas. Nouvel essai automatique.' };
    }
    if (res.status === 201 || res.status === 409) {
      const receipt = (await res.json().catch(() => null)) as Receipt | null;
      if (receipt && typeof receipt.id === 'string') {
        await this.store.remove(key);
        return { state: 'sent', receipt, replayed: res.status === 409 };
      }
      // received, but the receipt is unreadable: keep the sheet; the next try (same key) gets the receipt back (409)
      await this.store.save(key, loaded.meta.template, { ...p, attempts: p.attempts + 1 }, loaded.meta.version);
      return { state: 'queued', reason: 'En attente de confirmation – l’accusé de réception est illisible. Nouvel essai automatique.' };
    }
    if (res.status === 422) {
      const body = (await res.json().catch(() => ({}))) as { 'invalid-params'?: Array<{ name: string; reason: string }> };
      return { state: 'rejected', errors: (body['invalid-params'] ?? []).map((e) => ({ field: e.name, message: e.reason })) };
    }
    await this.store.save(key, loaded.meta.template, { ...p, attempts: p.attempts + 1 }, loaded.meta.version);
    const why = res.status >= 200 && res.status < 300 ? `réponse inattendue du service, code ${res.status}` : `erreur ${res.status}`;
    return { state: 'queued', reason: `En attente d’envoi – pas encore transmis (${why}). Nouvel essai automatique.` };
  }

  /** Cancels a queued sheet (the consent is withdrawn before it was sent). */
  async cancel(key: string): Promise<void> {
    await this.store.remove(key);
  }

  /** Sends everything queued (on reconnection, on load). */
  async flush(): Promise<SendOutcome[]> {
    const out: SendOutcome[] = [];
    for (const k of await this.pending()) out.push(await this.send(k));
    return out;
  }

  close(): void {
    this.store.close();
  }
}
