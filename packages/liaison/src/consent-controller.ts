import type { ReactiveControllerHost } from 'lit';
import type * as ConsentRules from './consent.js';
import type { ConsentError, ConsentInput, ConsentRecord, SharingNotice } from './consent.js';
import { recipientsOf, sendBlockers, type SheetValues, type Template } from './sheet-schema.js';
import type { MessageKey } from './messages.js';
import type * as ConsentView from './consent-view.js';
import type { ConsentContext } from './consent-view.js';

/** The `notice` attribute when it is not readable JSON (a webmaster's typo): said in French, nothing is sent. */
export const UNREADABLE_NOTICE = Object.freeze({ unreadable: true }) as unknown as SharingNotice;

/** Reads the `notice` attribute (JSON); anything else than an object is `UNREADABLE_NOTICE`. */
export const noticeConverter = {
  fromAttribute(v: string | null): SharingNotice | undefined {
    if (v === null) return undefined;
    try {
      const parsed: unknown = JSON.parse(v);
      return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as SharingNotice) : UNREADABLE_NOTICE;
    } catch {
      return UNREADABLE_NOTICE;
    }
  },
};

/** What the consent controller reads from its host. */
export interface ConsentHost extends ReactiveControllerHost {
  readonly notice: SharingNotice | undefined;
}

/**
 * The consent step: its rules, texts and view (loaded when the step opens: most visits never reach it), the answers being
 * given, their errors, and the one record built from them. No lifecycle of its own: it asks its host to render again
 * when its state changes.
 */
export class ConsentController {
  rules: typeof ConsentRules | undefined;
  /** The rendering of the step (`renderConsent`, `printInformation`). */
  view: typeof ConsentView | undefined;
  input: ConsentInput = {};
  errors: ConsentError[] = [];
  /** Why the sheet could not leave (no notice, a blocker, an endpoint refused), shown on the consent step. */
  sendError = '';

  constructor(
    private readonly host: ConsentHost,
    private readonly options: { t(key: MessageKey, params?: Record<string, unknown>): string; sheet(): Template; values(): SheetValues },
  ) {}

  /** Loads the rules and the view, and starts the step afresh; false when they could not be loaded (offline). */
  async open(): Promise<boolean> {
    try {
      [this.rules, this.view] = await Promise.all([this.rules ?? import('./consent.js'), this.view ?? import('./consent-view.js')]);
    } catch {
      return false;
    }
    const recipients = recipientsOf(this.options.sheet());
    this.errors = [];
    this.sendError = '';
    this.input = recipients.length === 1 ? { recipient: recipients[0]!.id } : {};
    this.host.requestUpdate();
    return true;
  }

  set(patch: Partial<ConsentInput>): void {
    this.input = { ...this.input, ...patch };
    this.host.requestUpdate();
  }

  /** Says why the sheet cannot leave. */
  refuse(message: string): void {
    this.sendError = message;
    this.host.requestUpdate();
  }

  /** The French message when the site has not provided its notice (nothing can be sent), else `undefined`. */
  noticeMissing(): string | undefined {
    const { checkNotice, noticeMissingMessage } = this.rules!;
    if (this.host.notice === UNREADABLE_NOTICE) return this.options.t('noticeUnreadable');
    const missing = checkNotice(this.host.notice);
    return missing.length ? noticeMissingMessage(missing) : undefined;
  }

  /** The information shown for the current answers (also what is hashed into the record). */
  information(): ReturnType<typeof ConsentRules.informationText> | undefined {
    const { REGIMES, informationText } = this.rules!;
    const sheet = this.options.sheet();
    const values = this.options.values();
    const regime = this.input.regime ? REGIMES[this.input.regime] : undefined;
    const recipient = recipientsOf(sheet).find((r) => r.id === this.input.recipient);
    if (!regime || !recipient) return undefined;
    const str = (id: string) => (typeof values[id] === 'string' ? (values[id] as string) : undefined);
    return informationText(sheet, regime.id, recipient.id, str('destinataire_structure'), this.host.notice, {
      date: new Date(),
      professional: this.input.collectedBy?.trim() || str('emetteur_nom'),
      structure: str('emetteur_structure'),
    });
  }

  /** Checks the answers and records them, with the digest of the information given; `undefined` while errors remain. */
  async record(): Promise<ConsentRecord | undefined> {
    const { checkConsent, buildConsentRecord, personContext, informationDigest } = this.rules!;
    const sheet = this.options.sheet();
    const values = this.options.values();
    const measure = values['mesure_protection'];
    const ctx = personContext(values);
    this.errors = checkConsent(sheet, this.input, measure, ctx);
    this.sendError = '';
    this.host.requestUpdate();
    if (this.errors.length) return undefined;
    const info = this.information();
    const name = typeof values['destinataire_structure'] === 'string' ? (values['destinataire_structure'] as string) : undefined;
    const textSha256 = info ? await informationDigest(info) : undefined;
    return buildConsentRecord(sheet, { ...this.input, recipientName: name, ...(textSha256 ? { textSha256 } : {}) }, measure, new Date(), ctx);
  }

  /** Why a recorded sharing cannot leave: the site's notice is missing (RGPD art. 13), or the sheet blocks it. */
  refusal(record: ConsentRecord): string {
    return this.noticeMissing() ?? sendBlockers(this.options.sheet(), this.options.values(), record.sections).map((b) => b.message).join(' ');
  }

  /** What the consent view shows (the element adds its level, words and actions). */
  context(): Pick<ConsentContext, 'rules' | 'input' | 'errors' | 'info' | 'noticeMissing' | 'sendError' | 'set'> {
    return { rules: this.rules!, input: this.input, errors: this.errors, info: this.information(), noticeMissing: this.noticeMissing(), sendError: this.sendError, set: (patch) => this.set(patch) };
  }
}
