import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { formatDate, type Lang } from '@relais/core';
import { DraftLockedError } from './draft-store.js';
import { Outbox, endpointAllowed, type Consent, type SendOutcome } from './outbox.js';
import type { DraftController } from './draft-controller.js';
import type { MessageKey } from './messages.js';

/** What the send controller reads from its host (the form's attributes). */
export interface SendHost extends ReactiveControllerHost, HTMLElement {
  readonly endpoint: string | undefined;
  readonly dbName: string;
  readonly device: 'personal' | 'shared';
  readonly draftId: string;
}

/** What the host gives the controller: its words, and what to show for each outcome. */
export interface SendOptions {
  t(key: MessageKey, params?: Record<string, unknown>): string;
  lang(): Lang;
  announce(text: string): void;
  /** The receipt came back (the draft is already deleted): the host empties the form and says so. */
  sent(receiptId: string, message: string): void;
  /** No answer: the sheet waits in the outbox (`reason` in French, from the outbox). */
  queued(reason: string): void;
  /** The receiver refused the sheet: what to correct, field by field. */
  rejected(errors: Array<{ field: string; message: string }>): void;
  /** « Réessayer » found nothing of this form waiting any more (sent meanwhile from another tab). */
  nothingQueued(): void;
}

/** What makes a sheet « the same » for its idempotency key: template, values and consent (not the moment it was given). */
function fingerprint(template: string, values: unknown, consent: Consent): string {
  return JSON.stringify([template, values, { ...consent, at: undefined }]);
}

/**
 * Sending a sheet: the outbox of this form (encrypted in the draft's vault), one idempotency key per sheet and consent,
 * the queued / withdrawn / receipt outcomes, and the retries (on load, when the connection returns, on « Réessayer »).
 */
export class SendController implements ReactiveController {
  /** A POST is on its way: the send button is disabled. */
  sending = false;
  /** The key of this form's sheet waiting in the outbox, if any. */
  queuedKey: string | null = null;
  /** Idempotency key of the sheet being sent: made once per sheet and consent, reused by every retry. */
  private sendKey: string | null = null;
  private instance: Outbox | undefined;

  constructor(
    private readonly host: SendHost,
    private readonly draft: DraftController,
    private readonly options: SendOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('online', this.onOnline);
  }

  hostDisconnected(): void {
    window.removeEventListener('online', this.onOnline);
  }

  private onOnline = (): void => {
    void this.retry('online');
  };

  /** The outbox of this form (the same one for every send and retry: a shared device keeps its queue in it). */
  outbox(): Outbox | undefined {
    const { endpoint, dbName, device } = this.host;
    const vault = this.draft.vault;
    if (!endpoint || !vault || !endpointAllowed(endpoint)) return undefined;
    this.instance ??= new Outbox(endpoint, { dbName, device, vault });
    return this.instance;
  }

  /** The outbox made so far, if any (closed and erased with the drafts). */
  get current(): Outbox | undefined {
    return this.instance;
  }

  /** Closes the outbox (a new one is made on the next vault). */
  close(): void {
    this.instance?.close();
    this.instance = undefined;
  }

  /** Erases every sheet waiting in the outbox (a shared device, on leaving or on « Effacer »); how many there were. */
  eraseAll(): Promise<number> {
    return this.instance?.eraseAll() ?? Promise.resolve(0);
  }

  /** Forgets the keys of this tab (after an erase or a receipt). */
  reset(): void {
    this.queuedKey = null;
    this.sendKey = null;
    this.sending = false;
  }

  /**
   * Sends the shared part of the sheet (`payload`, read once the last save is done) with its consent. One key for this sheet and this consent: a second click, a
   * retry or a reload reuses it; a changed sheet or consent replaces the copy still waiting in the queue (never two
   * versions of one draft on their way).
   */
  async send(template: string, payload: () => unknown, consent: Consent): Promise<void> {
    const outbox = this.outbox();
    if (!outbox || this.sending) return;
    this.sending = true;
    this.host.requestUpdate();
    this.options.announce(this.options.t('sendingNow'));
    try {
      await this.draft.flush();
      const shared = payload();
      const waiting = this.sendKey ?? this.queuedKey;
      if (waiting) {
        const q = await outbox.queued(waiting).catch(() => undefined);
        if (q && fingerprint(q.template, q.values, q.consent) === fingerprint(template, shared, consent)) this.sendKey = waiting;
        else {
          if (q) await outbox.cancel(waiting);
          this.sendKey = null;
        }
      }
      this.sendKey ??= crypto.randomUUID();
      const key = await outbox.enqueue(template, shared, consent, { key: this.sendKey, draftId: this.host.draftId });
      await this.settle(key, await outbox.send(key));
    } catch (e) {
      this.options.announce(e instanceof DraftLockedError ? e.message : this.options.t('sendFailed'));
    } finally {
      this.sending = false;
      this.host.requestUpdate();
    }
  }

  /** What a send (or an automatic retry) gave, told to the person. */
  private async settle(key: string, r: SendOutcome): Promise<void> {
    if (r.state === 'sent') {
      const date = formatDate(r.receipt.receivedAt, this.options.lang(), { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' });
      await this.received(r.receipt.id, this.options.t('sentAt', { date, receipt: r.receipt.id.slice(0, 8) }));
    } else if (r.state === 'queued') {
      this.queuedKey = key;
      this.options.queued(r.reason);
    } else {
      // refused: the queued copy is gone, the draft keeps every value; a corrected sheet gets a new key
      this.sendKey = null;
      this.queuedKey = null;
      this.options.rejected(r.errors);
    }
  }

  /** The receipt came back: the draft is deleted, then the host empties the form (the sheet cannot be sent twice). */
  private async received(receiptId: string, message: string): Promise<void> {
    await this.draft.remove();
    this.options.sent(receiptId, message);
  }

  /**
   * Sends what waits in the outbox (on load, when the connection returns, on « Réessayer »). A sheet of this form that
   * goes through clears the draft; one still waiting is said, once, in words that are true here.
   */
  async retry(why: 'load' | 'online' | 'manual'): Promise<void> {
    const outbox = this.outbox();
    if (!outbox || this.sending) return;
    let results: Awaited<ReturnType<Outbox['flush']>>;
    const gen = this.draft.generation;
    try {
      results = await outbox.flush();
    } catch {
      return; // locked or erased meanwhile: nothing to tell
    }
    if (this.draft.stale(gen)) return; // erased while the receiver answered: the erase is what the person hears
    // a sheet of another form of this site that went through: its draft goes too (it must not be sent twice)
    for (const r of results) if (r.state === 'sent' && r.draftId && r.draftId !== this.host.draftId) await this.draft.store?.remove(r.draftId).catch(() => undefined);
    const mine = results.filter((r) => !r.draftId || r.draftId === this.host.draftId);
    if (why === 'manual' && !mine.length) {
      this.options.nothingQueued();
      return;
    }
    for (const r of mine) {
      if (r.state === 'sent') await this.received(r.receipt.id, this.options.t('sentQueued', { receipt: r.receipt.id.slice(0, 8) }));
      else if (r.state === 'rejected') await this.settle(r.key, r);
      else {
        this.queuedKey = r.key;
        if (why === 'manual') this.options.announce(this.options.t('stillQueued', { reason: r.reason.replace(/^.*?\. /, '') }));
        else if (why === 'load') this.options.announce(this.options.t('queuedOnLoad', { reason: r.reason }));
      }
    }
  }

  /** Withdraws the consent of a sheet still waiting to be sent: it is taken out of the outbox. */
  async withdraw(): Promise<boolean> {
    const outbox = this.outbox();
    if (!outbox || !this.queuedKey) return false;
    await outbox.cancel(this.queuedKey);
    this.queuedKey = null;
    this.sendKey = null;
    return true;
  }
}
