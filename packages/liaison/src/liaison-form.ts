import { html, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { RelaisElement, RelaisErrorEvent, heading, formatDate, translate } from '@relais/core';
import { recipientsOf, sectionStatuses, sendBlockers, sharedValues, validateSheet, type Field, type FieldError, type SheetValues, type Template } from './sheet-schema.js';
import type { ConsentRecord, SharingNotice } from './consent.js';
import { DraftLockedError, type DraftMeta } from './draft-store.js';
import { endpointAllowed, ENDPOINT_REFUSED, type Consent } from './outbox.js';
import { DraftController, resumeSection, type SavedDraft } from './draft-controller.js';
import { ConsentController, noticeConverter } from './consent-controller.js';
import { SheetFileController } from './sheet-file.js';
import { SendController } from './send-controller.js';
import { SheetController } from './sheet-controller.js';
import { UnlockController } from './unlock-controller.js';
import { RelaisDraftSavedEvent, RelaisSubmitEvent } from './events.js';
import { displayValue, isAsked, lastUpdate, sectionOf } from './fields.js';
import { renderNotShared, renderResume, renderReview, renderSection, renderSent, renderTasks, renderUnlock, type SentView } from './views.js';
import { renderDraftNotices, renderUnavailable } from './notices.js';
import { messages, type MessageKey } from './messages.js';
import { liaisonStyles } from './liaison-form.styles.js';

export { RelaisDraftSavedEvent, RelaisSubmitEvent };

type View = { kind: 'loading' } | { kind: 'unlock' } | { kind: 'tasks' } | { kind: 'section'; id: string } | { kind: 'review' } | { kind: 'consent' } | { kind: 'not-shared'; record: ConsentRecord } | SentView | { kind: 'resume'; meta: DraftMeta; saved: SavedDraft };

/**
 * A liaison sheet to fill, keep, print and send with consent — without ever losing a word: every change
 * is saved (encrypted) on the device, and on leaving the page.
 *
 * @element relais-liaison-form
 * @fires {RelaisDraftSavedEvent} relais-draft-saved - The draft was saved on this device (`draftId`, `savedAt`).
 * @fires {RelaisSubmitEvent} relais-submit - The sheet was sent or queued (`draftId`, `receiptId`, `state`, `templateId`, `recipientType`); never its content.
 * @fires {RelaisErrorEvent} relais-error - A template or saved draft could not be used (`message` in French).
 * @csspart tasks - The task list of sections.
 * @csspart section - The form of one section.
 * @csspart error-summary - The error summary at the top of a section.
 * @csspart button - Buttons.
 * @csspart error - Why the sheet's template cannot be used (shown instead of the form).
 * @csspart information - The information given to the person before the sharing (CSP R1110-3, D1110-3-1, RGPD art. 13), printable on its own.
 * @csspart notice-missing - Why nothing can be sent: the site has not provided its information notice (`notice`).
 * @cssprop {<color>} [--relais-color-primary=#0a5cc2] - Liens, boutons, tuile choisie, étape en cours, regroupements de la carte.
 * @cssprop {<color>} [--relais-color-on-primary=#ffffff] - Texte sur les boutons principaux.
 * @cssprop {<color>} [--relais-color-text=#1e1e1e] - Texte.
 * @cssprop {<color>} [--relais-color-muted=#555a64] - Texte secondaire (aides, dates de mise à jour).
 * @cssprop {<color>} [--relais-color-surface=#ffffff] - Fond des widgets.
 * @cssprop {<color>} [--relais-color-surface-alt=#f3f5f8] - Fond des tuiles, panneaux et cartes.
 * @cssprop {<color>} [--relais-color-border=#8a8f98] - Bordures des champs et des cartes (contraste 3:1 au moins).
 * @cssprop {<color>} [--relais-color-danger=#b3261e] - Erreurs, critères non remplis, étapes en retard.
 * @cssprop {<color>} [--relais-color-success=#1b6e3a] - Critères remplis, étapes faites, brouillon enregistré.
 * @cssprop {<color>} [--relais-color-warning-surface=#fff4d6] - Fond des avertissements (données de démonstration, valeurs à vérifier).
 * @cssprop {<color>} [--relais-color-accent-1=#7a1f5c] - Troisième couleur de légende (établissements).
 * @cssprop {<color>} [--relais-color-accent-2=#8a4b00] - Quatrième couleur de légende (accompagnement).
 * @cssprop {<length>} [--relais-space-1=0.25rem] - Très petit espace.
 * @cssprop {<length>} [--relais-space-2=0.5rem] - Petit espace.
 * @cssprop {<length>} [--relais-space-3=1rem] - Espace courant.
 * @cssprop {<length>} [--relais-space-4=1.5rem] - Grand espace.
 * @cssprop {<length>} [--relais-radius=0.375rem] - Arrondi des angles.
 * @cssprop [--relais-font-family=system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif] - Police (celle du site hôte si elle y est chargée ; Relais n’en embarque aucune).
 * @cssprop {<length>} [--relais-font-size=1rem] - Taille du texte courant.
 * @cssprop {<number>} [--relais-line-height=1.5] - Interlignage.
 * @cssprop [--relais-focus-ring=3px solid #0a5cc2] - Contour de l’élément qui a le focus clavier (épaisseur, style, couleur).
 * @cssprop [--relais-elevation-1=0 1px 3px rgb(0 0 0 / 0.15)] - Ombre des panneaux flottants (fenêtres de la carte).
 * @cssprop {<length>} [--relais-liaison-max-width=48rem] - Largeur maximale de la fiche de liaison.
 */
export class RelaisLiaisonForm extends RelaisElement {
  /** Messages: French with the element, English loaded when the element speaks English (see `messages.ts`). */
  static override messageCatalogues = [messages];
  static override styles = [...RelaisElement.styles, liaisonStyles];

  /** Id of a shipped template (`dlu-domicile`, `orientation`). */
  @property({ attribute: 'template-id' }) templateId = 'dlu-domicile';
  /** A host template (property only); wins over `template-id`. */
  @property({ attribute: false }) template: Template | undefined;
  /** Id of the draft on this device (one sheet per id). */
  @property({ attribute: 'draft-id' }) draftId = 'fiche';
  /** Where to send the sheet (the host's receiver). Without it the sheet can be kept and printed, not sent. */
  @property() endpoint: string | undefined;
  /** `personal` (default) or `shared` (France Services or CCAS desk: nothing kept beyond the tab, inactivity purge). */
  @property() device: 'personal' | 'shared' = 'personal';
  /** Minutes of inactivity before a shared-device sheet is erased (default 10); a warning comes one minute before. */
  @property({ type: Number, attribute: 'idle-minutes' }) idleMinutes = 10;
  /** Days a draft is kept (default 30). */
  @property({ type: Number, attribute: 'expiry-days' }) expiryDays = 30;
  /** IndexedDB database name (to separate several forms of one site). */
  @property({ attribute: 'db-name' }) dbName = 'relais-liaison';
  /** Heading level of the title (1–6, default 2). */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;
  /** Protect the draft with a passphrase the person types (never stored; without it the draft cannot be reopened). */
  @property({ type: Boolean, attribute: 'passphrase-mode' }) passphraseMode = false;
  /**
   * Print the `deviceOnly` fields (the door code) on the paper kept at home. Off by default: such a field is never
   * exported, sent or printed. Enable it only where the printed sheet stays at the person's home.
   */
  @property({ type: Boolean, attribute: 'home-print-access', reflect: true }) homePrintAccess = false;
  /**
   * What the site must tell the person before a sharing (RGPD art. 13; CSP D1110-3-1) and that the SDK cannot vouch
   * for: `controller` (the body that runs the form), `contact` (to exercise one's rights), `dpo` (its data protection
   * officer), `retention` (how long the receiving structure keeps the sheet), `receiver` (the structure that actually
   * receives it at `endpoint`), `access` (who there has access) and, optionally, `hosting` (« conservée chez un
   * hébergeur certifié HDS », only if true). A property, or the `notice` attribute as JSON. With an `endpoint` and
   * without a complete notice, nothing is sent: the consent step says so in French, for the webmaster.
   */
  @property({ converter: noticeConverter }) notice: SharingNotice | undefined;

  @state() private values: SheetValues = {};
  @state() private view: View = { kind: 'loading' };
  @state() private errors: FieldError[] = [];
  @state() private announce = '';
  @state() private sectionUpdatedAt: Record<string, string> = {};
  /** The section where the person last typed (saved with the draft: « Reprendre » lands there). */
  private lastSection: string | undefined;

  private readonly t = (key: MessageKey, params: Record<string, unknown> = {}): string => translate(messages, this.i18n.lang, key, params);
  private readonly say = (text: string): void => void (this.announce = text);

  private readonly consent = new ConsentController(this, { t: this.t, sheet: () => this.sheet, values: () => this.values });
  private readonly source = new SheetController(this, { t: this.t, failed: (m) => this.emit(new RelaisErrorEvent('invalid-payload', m)) });
  /** The passphrase step: the draft opens with the passphrase typed. */
  private readonly unlocker = new UnlockController(this, { t: this.t, unlocked: (passphrase) => this.unlockWith(passphrase) });
  /** The sheet as a file: exported, imported back into an empty sheet. */
  private readonly file = new SheetFileController(this, {
    t: this.t,
    root: () => this.renderRoot,
    sheet: () => this.sheet,
    values: () => this.values,
    imported: (values) => ((this.values = values), this.draft.saveAgain()),
    announce: this.say,
  });

  private readonly draft: DraftController = new DraftController(this, {
    t: this.t,
    announce: this.say,
    snapshot: () => ({ template: this.sheet.id, content: { values: this.values, sectionUpdatedAt: this.sectionUpdatedAt, section: this.lastSection } }),
    saved: (meta) => {
      const time = formatDate(meta.updatedAt, this.i18n.lang, { hour: '2-digit', minute: '2-digit' });
      this.announce = this.t(this.device === 'shared' ? 'savedShared' : 'savedPersonal', { time });
      this.emit(new RelaisDraftSavedEvent(this.draftId, meta.updatedAt));
    },
    wipe: () => this.wipe(),
    erasedElsewhere: () => {
      this.wipe();
      if (this.locked) this.relock();
      this.announce = this.t('erasedElsewhere');
    },
    idle: () => void this.erase(this.t('idleErased')),
    companion: () => this.sender.current && this.sender,
  });

  private readonly sender: SendController = new SendController(this, this.draft, {
    t: this.t,
    lang: () => this.i18n.lang,
    announce: this.say,
    sent: (receiptId, message) => {
      this.wipe();
      this.announce = '';
      this.emit(new RelaisSubmitEvent(this.draftId, receiptId, 'sent', this.sheet.id, this.recipientType));
      this.go({ kind: 'sent', outcome: 'sent', message, receipt: receiptId }, '#result-title');
    },
    queued: (reason) => {
      this.announce = '';
      this.go({ kind: 'sent', outcome: 'queued', message: reason }, '#result-title');
      this.emit(new RelaisSubmitEvent(this.draftId, null, 'queued', this.sheet.id, this.recipientType));
    },
    rejected: (errors) => {
      this.errors = errors.map((e) => ({ field: e.field, section: sectionOf(this.sheet, e.field), message: e.message }));
      this.announce = '';
      this.view = { kind: 'review' };
      void this.focusOn('#server-errors');
    },
    nothingQueued: () => {
      if (this.view.kind === 'sent') this.view = { kind: 'sent', outcome: 'sent', message: this.view.message };
      this.announce = this.t('nothingQueued');
    },
  });

  /** Saves now (see `DraftController.flush`): every change comes here at once, as do page exits. */
  flush = (): Promise<void> => this.draft.flush();

  /** A POST is on its way: the send button is disabled. */
  private get sending(): boolean {
    return this.sender.sending;
  }

  /** Why the sheet could not leave (no notice, a blocker, an endpoint neither https nor this site). */
  private get sendError(): string {
    return this.consent.sendError;
  }

  private get sheet(): Template {
    return this.source.sheet;
  }

  /** The passphrase protects the draft (on a personal device only). */
  private get locked(): boolean {
    return this.passphraseMode && this.device === 'personal';
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('template') || changed.has('templateId')) this.source.changed();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // a page that is not secure has no Web Crypto: the form says so (render) and opens nothing
    if (!(crypto.subtle as SubtleCrypto | undefined)) return;
    if (this.locked) {
      this.view = { kind: 'unlock' };
      this.unlocker.ask();
    } else {
      this.draft.open();
      void this.restore();
    }
    if (this.device === 'shared') this.draft.armIdle();
  }

  /** Forgets the sheet held by the element (values, versions, timers, queued state). */
  private wipe(): void {
    this.draft.reset();
    this.sender.reset();
    this.values = {};
    this.sectionUpdatedAt = {};
    this.errors = [];
    this.view = { kind: 'tasks' };
  }

  /** Back to the unlock view, the connections closed (a passphrase must be typed again). */
  private relock(): void {
    this.draft.close();
    this.unlocker.set({ exists: false });
    this.view = { kind: 'unlock' };
  }

  private async restore(): Promise<void> {
    await this.source.load();
    const gen = this.draft.generation;
    try {
      // the key is made, read or derived once here (a wrong passphrase is told before anything else)
      const d = await this.draft.load();
      if (this.draft.stale(gen)) return; // erased in another tab meanwhile: nothing of the old draft comes back
      if (d && d.meta.template === this.sheet.id) {
        this.draft.version = d.meta.version;
        this.view = { kind: 'resume', meta: d.meta, saved: d.values as SavedDraft };
      }
    } catch (e) {
      if (this.draft.stale(gen)) return;
      if (e instanceof DraftLockedError && (e.reason === 'tampered' || !this.passphraseMode)) {
        // a record changed outside the form (or its key erased): never shown, never an unlock asked for nothing
        this.emit(new RelaisErrorEvent('invalid-payload', e.message));
        this.announce = this.t('lockedStartsEmpty', { message: e.message });
      } else if (e instanceof DraftLockedError) {
        this.unlocker.set({ error: this.t('passphraseWrong') });
        this.view = { kind: 'unlock' };
        this.emit(new RelaisErrorEvent('invalid-payload', e.message));
        void this.focusOn('#passphrase');
        return;
      }
    }
    if (this.draft.stale(gen)) return;
    if (this.view.kind === 'loading') this.view = { kind: 'tasks' };
    // a sheet queued before the page was closed goes now (same idempotency key)
    void this.sender.retry('load');
  }

  /** Opens the draft with the passphrase typed. */
  private unlockWith(passphrase: string): void {
    this.draft.open(passphrase);
    this.view = { kind: 'loading' };
    void this.restore();
  }

  private resume(keep: boolean): void {
    const saved = this.view.kind === 'resume' ? this.view.saved : undefined;
    if (keep && saved) {
      this.values = saved.values ?? {};
      this.sectionUpdatedAt = saved.sectionUpdatedAt ?? {};
      const target = resumeSection(this.sheet, saved);
      if (target) {
        this.lastSection = target;
        return this.openSection(target);
      }
    } else {
      this.values = {};
      this.sectionUpdatedAt = {};
      this.lastSection = undefined;
      void this.draft.saveAgain();
    }
    this.go({ kind: 'tasks' });
  }

  private change(id: string, value: unknown, section: string): void {
    this.values = { ...this.values, [id]: value };
    this.lastSection = section;
    this.sectionUpdatedAt = { ...this.sectionUpdatedAt, [section]: new Date().toISOString().slice(0, 10) };
    void this.draft.changed();
  }

  /**
   * « Effacer mes données de cet appareil » : every draft, every sheet waiting to be sent and the keys, in
   * every open tab; says what was erased.
   */
  async erase(message?: string): Promise<void> {
    const what = await this.draft.erase();
    if (this.locked) this.relock();
    this.unlocker.set({ error: '' });
    this.announce = message ? `${message} ${what}` : this.t('erased', { what });
  }

  private async focusOn(selector: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  private openSection(id: string, keepErrors = false): void {
    if (!keepErrors) this.errors = [];
    this.go({ kind: 'section', id });
  }

  /** Shows a view and moves the focus to its heading (a result's is `#result-title`). */
  private go(view: View, focus = `#${view.kind}-title`): void {
    this.view = view;
    void this.focusOn(focus);
  }

  /** Validation when the person continues (never on blur). */
  private continueFrom(sectionId: string): void {
    const errors = validateSheet(this.sheet, this.values, { section: sectionId });
    this.errors = errors;
    if (errors.length) return void this.focusOn('#error-summary');
    void this.draft.flush();
    const next = this.sheet.sections[this.sheet.sections.findIndex((s) => s.id === sectionId) + 1];
    if (next) this.openSection(next.id);
    else this.go({ kind: 'tasks' });
  }

  /** The kind of recipient of the sheet being sent (its id in the template), for `relais-submit`. */
  private recipientType: string | undefined;

  /** Sends with this consent: never twice after a receipt, never a sheet whose shared sections are incomplete. */
  private async send(consent: Consent): Promise<void> {
    if (!this.endpoint || this.sending || validateSheet(this.sheet, this.values, { sections: consent.sections }).length || sendBlockers(this.sheet, this.values, consent.sections).length) return;
    this.consent.refuse(endpointAllowed(this.endpoint) ? '' : ENDPOINT_REFUSED);
    if (this.sendError) return;
    // only the sections the recipient needs, never a device-only field (the door code)
    const recipient = recipientsOf(this.sheet).find((r) => r.id === (consent as Partial<ConsentRecord>).recipientId);
    this.recipientType = recipient?.id;
    await this.sender.send(this.sheet.id, () => sharedValues(this.sheet, this.values, consent.sections, recipient?.audience), consent);
  }

  override render(): TemplateResult {
    const level = Math.min(6, Math.max(1, this.headingLevel || 2));
    const { t, draft } = this;
    const sheet = this.sheet; // reads (and validates) the template: its error, if any, is known after this
    // a page that is not secure cannot encrypt: said before anything else
    const error = (crypto.subtle as SubtleCrypto | undefined) ? this.source.error : t('insecurePage');
    if (error || this.source.waiting) return renderUnavailable({ level, t, error });
    return html`<section aria-labelledby="title">
      ${heading(level, sheet.title, { id: 'title' })}
      <p class="saved" role="status" aria-live="polite">${this.announce}</p>
      ${renderDraftNotices({ t, lang: this.i18n.lang, idleWarning: draft.idleWarning, conflict: draft.conflict,
        keepFilling: () => draft.armIdle(), takeTheirs: () => void this.takeTheirs(), keepMine: () => void draft.keepMine() })}
      ${this.renderView(level + 1)}
      <p class="erase no-print"><button type="button" part="button" class="link" @click=${() => this.erase()}>${t('erase')}</button></p>
    </section>`;
  }

  private renderView(level: number): TemplateResult {
    const { t, view: v, sheet } = this;
    const lang = this.i18n.lang;
    const back = () => this.go({ kind: 'tasks' });
    switch (v.kind) {
      case 'unlock':
        return renderUnlock({ level, t, exists: this.unlocker.exists, error: this.unlocker.error, submit: (e) => this.unlocker.submit(e) });
      case 'loading':
        return html`<p>${t('loadingSheet')}</p>`;
      case 'resume':
        return renderResume({ level, t, lang, meta: v.meta, resume: (keep) => this.resume(keep) });
      case 'section': {
        const section = sheet.sections.find((x) => x.id === v.id)!;
        const ctx = { values: this.values, errors: this.errors, section: v.id, t, change: (f: string, value: unknown, sec: string) => this.change(f, value, sec) };
        return renderSection({ level, section, fields: section.fields.filter((f) => this.asked(f)), ctx, next: () => this.continueFrom(v.id), back: () => (void this.draft.flush(), this.go({ kind: 'tasks' })) });
      }
      case 'review': {
        const { values, endpoint } = this;
        const blockers = endpoint ? sendBlockers(sheet, values, sheet.sections.map((s) => s.id)) : undefined;
        const consent = endpoint ? () => void this.openConsent() : undefined;
        return renderReview({ level, t, lang, sheet, updated: lastUpdate(values, this.sectionUpdatedAt), refused: this.errors, invalid: validateSheet(sheet, values).length, blockers, consent, back,
          fields: (s) => s.fields.filter((f) => this.asked(f)), display: (f) => displayValue(f, values, lang, t), open: (id, keep) => this.openSection(id, keep) });
      }
      case 'consent':
        return this.consent.view!.renderConsent({ ...this.consent.context(), sheet, values: this.values, sending: this.sending, level, t,
          submit: (e) => void this.onConsent(e), back: () => this.go({ kind: 'review' }), printInformation: () => this.consent.view!.printInformation(this) });
      case 'not-shared':
        return renderNotShared({ level, t, lang, record: v.record, rules: this.consent.rules!, back });
      case 'sent':
        return renderSent({ level, t, view: v, retry: () => void this.sender.retry('manual').then(() => this.focusOn('#result-title')), withdraw: () => void this.withdraw(), back });
      default:
        return renderTasks({ level, t, sheet, statuses: sectionStatuses(sheet, this.values, this.sectionUpdatedAt), importError: this.file.error,
          open: (id) => this.openSection(id), review: () => this.go({ kind: 'review' }), exportFile: () => this.file.export(), importFile: (e) => void this.file.import(e) });
    }
  }

  private async takeTheirs(): Promise<void> {
    const content = (await this.draft.takeTheirs()) as SavedDraft | undefined;
    if (content) this.values = content.values ?? {};
  }

  /** Whether a field is asked here (see `isAsked`: never the door code on a shared device). */
  private asked(f: Field): boolean {
    return isAsked(f, this.values, this.device);
  }

  private async openConsent(): Promise<void> {
    if (!(await this.consent.open())) {
      this.announce = this.t('consentLoadFailed');
      return;
    }
    this.view = { kind: 'consent' };
    const missing = this.consent.noticeMissing();
    if (missing) this.emit(new RelaisErrorEvent('invalid-payload', missing));
    void this.focusOn('#consent-title');
  }

  /** Records the one answer; sends only when it allows the sharing, the site gave its notice and nothing blocks it. */
  private async onConsent(e: Event): Promise<void> {
    e.preventDefault();
    const record = await this.consent.record();
    if (!record) return void this.focusOn('#error-summary');
    if (!this.consent.rules!.mayShare(record)) return this.go({ kind: 'not-shared', record }, '#result-title');
    // nothing leaves without the site's notice (RGPD art. 13), nor while the sheet says the person does not know
    const refusal = this.consent.refusal(record);
    if (refusal) {
      this.consent.refuse(refusal);
      return void this.focusOn('#send-error');
    }
    void this.send(record);
  }

  /** Withdraws the consent of a sheet still waiting to be sent: it is taken out of the outbox. */
  private async withdraw(): Promise<void> {
    if (await this.sender.withdraw()) this.go({ kind: 'sent', outcome: 'withdrawn', message: this.t('withdrawnText') }, '#result-title');
  }
}
