import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { RelaisElement, RelaisErrorEvent, heading, formatDate } from '@relais/core';
import { allowedFields, exportSheet, importSheet, isForPeople, isShown, parseTemplate, recipientsOf, sectionStatuses, sendBlockers, sharedValues, validateSheet, withheldFields, type Field, type FieldError, type SectionStatus, type SheetValues, type Template } from './template.js';
import type * as ConsentRules from './consent.js';
import type { ConsentError, ConsentInput, ConsentRecord, SharingNotice } from './consent.js';
import { DraftStore, DraftConflictError, DraftLockedError, type DraftMeta } from './draft-store.js';
import { Outbox, endpointAllowed, ENDPOINT_REFUSED, type Consent, type SendOutcome } from './outbox.js';
import { isShippedTemplate, loadLiaisonTemplate } from './shipped.js';
import { Vault, eraseDevice, describeErased } from './vault.js';
import { liaisonStyles } from './liaison-form.styles.js';

/** `relais-draft-saved`: the draft was saved on this device (id and time only). */
export class RelaisDraftSavedEvent extends Event {
  static readonly eventName = 'relais-draft-saved';
  constructor(
    readonly draftId: string,
    readonly savedAt: string,
  ) {
    super(RelaisDraftSavedEvent.eventName, { bubbles: true, composed: true });
  }
}

/** `relais-submit`: the sheet was received (ids only, never the content). */
export class RelaisSubmitEvent extends Event {
  static readonly eventName = 'relais-submit';
  constructor(
    readonly draftId: string,
    readonly receiptId: string | null,
    readonly state: 'sent' | 'queued',
  ) {
    super(RelaisSubmitEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'relais-draft-saved': RelaisDraftSavedEvent;
    'relais-submit': RelaisSubmitEvent;
  }
}

type View = { kind: 'loading' } | { kind: 'unlock' } | { kind: 'tasks' } | { kind: 'section'; id: string } | { kind: 'review' } | { kind: 'consent' } | { kind: 'not-shared'; record: ConsentRecord } | { kind: 'sent'; message: string } | { kind: 'resume'; meta: DraftMeta };

const loadedTemplates = new Map<string, Template>();
/** Stands in while a sheet loads or when it cannot be used: never another real sheet. */
const NO_SHEET: Template = { id: 'aucune', version: '0', title: 'Fiche de liaison', sections: [{ id: 'aucune', title: 'Fiche de liaison', fields: [{ id: 'aucun', label: 'Aucun champ', type: 'text', sensitivity: 'S0', author: 'systeme' }] }] };

/** What makes a sheet « the same » for its idempotency key: template, values and consent (not the moment it was given). */
function fingerprint(template: string, values: unknown, consent: Consent): string {
  return JSON.stringify([template, values, { ...consent, at: undefined }]);
}

/** The `notice` attribute when it is not readable JSON (a webmaster's typo): said in French, nothing is sent. */
const UNREADABLE_NOTICE = Object.freeze({ unreadable: true }) as unknown as SharingNotice;
const noticeConverter = {
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

const STATUS_TEXT: Record<SectionStatus, string> = { 'not-started': 'Non commencé', 'in-progress': 'En cours', completed: 'Terminé', 'to-review': 'À mettre à jour' };

/**
 * A liaison sheet to fill, keep, print and send with consent — without ever losing a word: every change
 * is saved (encrypted) on the device, and on leaving the page.
 *
 * @element relais-liaison-form
 * @fires {RelaisDraftSavedEvent} relais-draft-saved - The draft was saved on this device (`draftId`, `savedAt`).
 * @fires {RelaisSubmitEvent} relais-submit - The sheet was sent or queued (`draftId`, `receiptId`, `state`); never its content.
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
  @state() private idleWarning = false;
  @state() private queued = false;
  @state() private sectionUpdatedAt: Record<string, string> = {};
  /** A POST is on its way: the send button is disabled. */
  @state() private sending = false;

  private store: DraftStore | undefined;
  /** The key holder shared by the drafts and the outbox (one per unlock). */
  private vault: Vault | undefined;
  private outboxInstance: Outbox | undefined;
  /** Idempotency key of the sheet being sent: made once per sheet and consent, reused by every retry. */
  private sendKey: string | null = null;
  /** Saves run one after the other (a later save never lands before an earlier one). */
  private saving: Promise<void> = Promise.resolve();
  /** True while this tab erases (its own erase broadcast is not news to it). */
  private erasing = false;
  /** Counts erases (here or in another tab): an answer that started before one is dropped, never shown after it. */
  private erasures = 0;
  /** A passphrase already protects data on this device (the unlock view says « saisissez » rather than « choisissez »). */
  @state() private passphraseExists = false;
  private version = 0;
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  private warnTimer: ReturnType<typeof setTimeout> | undefined;
  private dirty = false;
  private tpl: Template | undefined;
  /** Why the template given cannot be used (shown instead of the form, never replaced silently by another sheet). */
  private templateError: string | undefined;

  /** A shipped sheet not loaded yet. */
  private get waiting(): boolean {
    return !this.template && isShippedTemplate(this.templateId) && !loadedTemplates.has(this.templateId) && !this.loadFailed;
  }

  private loadFailed = false;

  /** Loads the shipped sheet named by `template-id` (once per page). */
  private async loadTemplate(): Promise<void> {
    if (!this.waiting) return;
    const id = this.templateId;
    try {
      loadedTemplates.set(id, await loadLiaisonTemplate(id));
    } catch {
      this.loadFailed = true;
    }
    this.tpl = undefined;
    this.requestUpdate();
  }

  private get sheet(): Template {
    if (this.waiting) return NO_SHEET;
    if (!this.tpl) {
      const raw = this.template ?? loadedTemplates.get(this.templateId);
      try {
        if (this.loadFailed && !raw) throw new Error('La fiche n’a pas pu être chargée : vérifiez la connexion, puis rechargez la page.');
        this.tpl = parseTemplate(raw ?? {});
        this.templateError = undefined;
      } catch (e) {
        this.templateError = raw || this.loadFailed ? (e as Error).message : `Modèle de fiche inconnu : « ${String(this.templateId).slice(0, 60)} ».`;
        this.emit(new RelaisErrorEvent('invalid-payload', this.templateError));
        this.tpl = NO_SHEET;
      }
    }
    return this.tpl;
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('template') || changed.has('templateId')) {
      this.tpl = undefined;
      this.loadFailed = false;
      void this.loadTemplate();
    }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('pagehide', this.onPageHide);
    window.addEventListener('pageshow', this.onPageShow);
    window.addEventListener('beforeunload', this.onLeave);
    window.addEventListener('online', this.onOnline);
    document.addEventListener('visibilitychange', this.onVisibility);
    void this.loadTemplate();
    if (this.passphraseMode && this.device === 'personal') {
      this.view = { kind: 'unlock' };
      void Vault.hasPassphrase(this.dbName).then((x) => (this.passphraseExists = x)).catch(() => undefined);
    } else {
      this.open();
      void this.restore();
    }
    if (this.device === 'shared') this.armIdle();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    void this.flush();
    window.removeEventListener('pagehide', this.onPageHide);
    window.removeEventListener('pageshow', this.onPageShow);
    window.removeEventListener('beforeunload', this.onLeave);
    window.removeEventListener('online', this.onOnline);
    document.removeEventListener('visibilitychange', this.onVisibility);
    clearTimeout(this.idleTimer);
    clearTimeout(this.warnTimer);
    // the last saves finish first; then the connections close (unless the element came back meanwhile)
    void this.saving.then(() => {
      if (this.isConnected) return;
      this.store?.close();
      this.outboxInstance?.close();
      this.vault?.close();
      this.store = this.outboxInstance = this.vault = undefined;
    });
  }

  /** One vault, one draft store (and the outbox, made when needed) for this unlock. */
  private open(passphrase?: string): void {
    this.store?.close();
    this.outboxInstance?.close();
    this.vault?.close();
    this.outboxInstance = undefined;
    this.vault = new Vault({ dbName: this.dbName, device: this.device, ...(passphrase ? { passphrase } : {}) });
    this.vault.onErased((fromHere) => {
      if (!fromHere) this.onErasedElsewhere();
    });
    this.store = new DraftStore({ dbName: this.dbName, device: this.device, expiryDays: this.expiryDays, vault: this.vault });
  }

  /** The outbox of this form (the same one for every send and retry: a shared device keeps its queue in it). */
  private outbox(): Outbox | undefined {
    if (!this.endpoint || !this.vault || !endpointAllowed(this.endpoint)) return undefined;
    this.outboxInstance ??= new Outbox(this.endpoint, { dbName: this.dbName, device: this.device, vault: this.vault });
    return this.outboxInstance;
  }

  private onVisibility = (): void => {
    if (document.visibilityState === 'hidden') void this.flush();
  };

  private onLeave = (): void => {
    void this.flush();
  };

  /** Leaving the page: save now; on a shared device, erase (the page may be kept in the back/forward cache). */
  private onPageHide = (): void => {
    if (this.device === 'shared') {
      this.wipe();
      void this.store?.eraseAll();
      void this.outboxInstance?.eraseAll();
    } else void this.flush();
  };

  /** Back to a page from the back/forward cache: a shared-device sheet must not come back. */
  private onPageShow = (e: PageTransitionEvent): void => {
    if (e.persisted && this.device === 'shared') {
      this.wipe();
      this.announce = 'Fiche effacée de cet ordinateur quand la page a été quittée.';
    }
  };

  private onOnline = (): void => {
    void this.retryPending('online');
  };

  /** Forgets the sheet held by the element (values, versions, timers, queued state). */
  private wipe(): void {
    this.erasures++;
    clearTimeout(this.saveTimer);
    this.dirty = false;
    this.values = {};
    this.sectionUpdatedAt = {};
    this.pendingRestore = null;
    this.version = 0;
    this.errors = [];
    this.conflict = null;
    this.queued = false;
    this.queuedKey = null;
    this.sendKey = null;
    this.sending = false;
    this.idleWarning = false;
    this.view = { kind: 'tasks' };
  }

  /** Another tab (or this one) erased the data: nothing of it stays here, and nothing is saved again. */
  private onErasedElsewhere(): void {
    if (this.erasing) return;
    this.wipe();
    if (this.passphraseMode && this.device === 'personal') {
      this.store?.close();
      this.store = undefined;
      this.passphraseExists = false;
      this.view = { kind: 'unlock' };
    }
    this.announce = 'Les données de cet appareil ont été effacées depuis un autre onglet : la fiche est vide.';
  }

  private async restore(): Promise<void> {
    await this.loadTemplate();
    const erasures = this.erasures;
    try {
      // the key is made, read or derived once here (a wrong passphrase is told before anything else)
      await this.vault!.cryptoKey();
      await this.store!.purgeExpired();
      const d = await this.store!.load(this.draftId);
      if (erasures !== this.erasures) return; // erased in another tab meanwhile: nothing of the old draft comes back
      if (d && d.meta.template === this.sheet.id) {
        const v = d.values as { values?: SheetValues; sectionUpdatedAt?: Record<string, string>; section?: string };
        this.version = d.meta.version;
        this.pendingRestore = v;
        this.view = { kind: 'resume', meta: d.meta };
      }
    } catch (e) {
      if (erasures !== this.erasures) return;
      if (e instanceof DraftLockedError && (e.reason === 'tampered' || !this.passphraseMode)) {
        // a record changed outside the form (or its key erased): never shown, never an unlock asked for nothing
        this.emit(new RelaisErrorEvent('invalid-payload', e.message));
        this.announce = `${e.message} La fiche repart vide ; le prochain enregistrement remplacera ce brouillon.`;
      } else if (e instanceof DraftLockedError) {
        this.unlockError = 'Cette phrase secrète ne correspond pas au brouillon enregistré sur cet appareil.';
        this.view = { kind: 'unlock' };
        this.emit(new RelaisErrorEvent('invalid-payload', e.message));
        void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#passphrase')?.focus());
        return;
      }
    }
    if (erasures !== this.erasures) return;
    if (this.view.kind === 'loading') this.view = { kind: 'tasks' };
    // a sheet queued before the page was closed goes now (same idempotency key)
    void this.retryPending('load');
  }

  @state() private unlockError = '';

  private unlock(e: Event): void {
    e.preventDefault();
    const input = this.renderRoot.querySelector<HTMLInputElement>('#passphrase')!;
    if (input.value.length < 8) {
      this.unlockError = 'La phrase secrète doit avoir au moins 8 caractères, par exemple « trois mots au hasard ».';
      input.focus();
      return;
    }
    this.unlockError = '';
    this.open(input.value);
    input.value = '';
    this.view = { kind: 'loading' };
    void this.restore();
  }

  private renderUnlock(level: number): TemplateResult {
    return html`<form class="unlock" novalidate @submit=${this.unlock}>
      ${heading(level, 'Protéger la fiche par une phrase secrète', { id: 'unlock-title', focusable: true })}
      <label for="passphrase">Phrase secrète</label>
      <p class="hint" id="passphrase-hint">${this.passphraseExists
        ? 'Saisissez la phrase secrète choisie pour cette fiche sur cet appareil.'
        : 'Choisissez une phrase d’au moins 8 caractères. Elle n’est enregistrée nulle part : sans elle, ni le brouillon ni une fiche en attente d’envoi ne peuvent être rouverts.'}</p>
      ${this.unlockError ? html`<p class="error-text" id="passphrase-error">${this.unlockError}</p>` : nothing}
      <input id="passphrase" type="password" autocomplete="off" aria-describedby=${this.unlockError ? 'passphrase-hint passphrase-error' : 'passphrase-hint'} aria-invalid=${this.unlockError ? 'true' : 'false'} />
      <div class="actions">
        <button type="submit" part="button" class="primary">Ouvrir la fiche</button>
      </div>
    </form>`;
  }

  private pendingRestore: { values?: SheetValues; sectionUpdatedAt?: Record<string, string>; section?: string } | null = null;
  /** The section where the person last typed (saved with the draft: « Reprendre » lands there). */
  private lastSection: string | undefined;

  private resume(keep: boolean): void {
    if (keep && this.pendingRestore) {
      this.values = this.pendingRestore.values ?? {};
      this.sectionUpdatedAt = this.pendingRestore.sectionUpdatedAt ?? {};
      const saved = this.pendingRestore.section;
      const statuses = sectionStatuses(this.sheet, this.values, this.sectionUpdatedAt);
      // the section where the person last typed, unless finished; then a section in progress; then the next one not started
      const sections = this.sheet.sections;
      const at = sections.findIndex((s) => s.id === saved);
      const target =
        (at >= 0 && statuses[saved!] !== 'completed' ? sections[at] : undefined) ??
        sections.find((s) => statuses[s.id] === 'in-progress') ??
        (at >= 0 ? sections.slice(at + 1).find((s) => statuses[s.id] === 'not-started') : undefined);
      this.pendingRestore = null;
      if (target) {
        this.lastSection = target.id;
        this.openSection(target.id);
        return;
      }
    } else {
      this.values = {};
      this.sectionUpdatedAt = {};
      this.lastSection = undefined;
      this.dirty = true;
      void this.flush();
    }
    this.pendingRestore = null;
    this.view = { kind: 'tasks' };
    void this.focusHeading('tasks-title');
  }

  /**
   * Saves now. Every change comes here at once (no waiting: a reload a few milliseconds after a keystroke
   * loses nothing already encrypted and written), as do page exits; saves are chained, so a later one never
   * lands before an earlier one, and a burst of keystrokes makes at most one more save.
   */
  flush = (): Promise<void> => {
    clearTimeout(this.saveTimer);
    this.saving = this.saving.then(() => this.saveNow());
    return this.saving;
  };

  private async saveNow(): Promise<void> {
    if (!this.dirty || !this.store || this.erasing) return;
    this.dirty = false;
    try {
      const meta = await this.store.save(this.draftId, this.sheet.id, { values: this.values, sectionUpdatedAt: this.sectionUpdatedAt, section: this.lastSection }, this.version);
      this.version = meta.version;
      const time = new Intl.DateTimeFormat('fr-FR', { hour: '2-digit', minute: '2-digit' }).format(new Date(meta.updatedAt));
      this.announce = this.device === 'shared' ? `Brouillon gardé dans cet onglet à ${time}` : `Brouillon enregistré sur cet appareil à ${time}`;
      this.emit(new RelaisDraftSavedEvent(this.draftId, meta.updatedAt));
    } catch (e) {
      if (e instanceof DraftConflictError) {
        this.announce = e.message;
        this.conflict = e.current;
      } else this.announce = 'Le brouillon n’a pas pu être enregistré sur cet appareil : gardez cette page ouverte.';
      this.dirty = true;
    }
  }

  @state() private conflict: DraftMeta | null = null;

  private change(id: string, value: unknown, section: string): void {
    this.values = { ...this.values, [id]: value };
    this.lastSection = section;
    this.sectionUpdatedAt = { ...this.sectionUpdatedAt, [section]: new Date().toISOString().slice(0, 10) };
    this.dirty = true;
    void this.flush();
    if (this.device === 'shared') this.armIdle();
  }

  private armIdle(): void {
    clearTimeout(this.idleTimer);
    clearTimeout(this.warnTimer);
    this.idleWarning = false;
    const ms = this.idleMinutes * 60_000;
    this.warnTimer = setTimeout(() => {
      this.idleWarning = true;
      this.announce = 'Sans action de votre part, la fiche sera effacée de cet ordinateur dans une minute.';
    }, Math.max(0, ms - 60_000));
    this.idleTimer = setTimeout(() => void this.erase('Fiche effacée de cet ordinateur après une période d’inactivité.'), ms);
  }

  /**
   * « Effacer mes données de cet appareil » : every draft, every sheet waiting to be sent and the keys, in
   * every open tab; says what was erased.
   */
  async erase(message?: string): Promise<void> {
    this.erasing = true;
    try {
      clearTimeout(this.saveTimer);
      this.dirty = false;
      await this.saving;
      let what: string;
      if (this.device === 'shared') {
        const drafts = (await this.store?.eraseAll()) ?? 0;
        const queued = (await this.outboxInstance?.eraseAll()) ?? 0;
        what = describeErased({ drafts, queued, keys: drafts + queued > 0 ? 1 : 0 }).replace(', dans tous les onglets ouverts', ' (cet onglet)');
      } else {
        // the databases go; this tab's connections close themselves on the deletion
        what = describeErased(await eraseDevice(this.dbName, { from: this.vault?.id }));
        this.vault?.forget();
      }
      this.wipe();
      if (this.passphraseMode && this.device === 'personal') {
        this.store?.close();
        this.outboxInstance?.close();
        this.vault?.close();
        this.store = this.outboxInstance = this.vault = undefined;
        this.passphraseExists = false;
        this.view = { kind: 'unlock' };
      }
      this.unlockError = '';
      this.announce = message ? `${message} ${what}` : `Vos données ont été effacées de cet appareil. ${what}`;
    } finally {
      this.erasing = false;
    }
  }

  private async focusHeading(id: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#${id}`)?.focus();
  }

  private openSection(id: string, keepErrors = false): void {
    if (!keepErrors) this.errors = [];
    this.view = { kind: 'section', id };
    void this.focusHeading('section-title');
  }

  /** Validation when the person continues (never on blur). */
  private continueFrom(sectionId: string): void {
    const errors = validateSheet(this.sheet, this.values, { section: sectionId });
    this.errors = errors;
    if (errors.length) {
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#error-summary')?.focus());
      return;
    }
    void this.flush();
    const i = this.sheet.sections.findIndex((s) => s.id === sectionId);
    const next = this.sheet.sections[i + 1];
    if (next) this.openSection(next.id);
    else {
      this.view = { kind: 'tasks' };
      void this.focusHeading('tasks-title');
    }
  }

  private async send(consent: Consent): Promise<void> {
    // nothing to send twice: after a receipt the form is empty, and a sheet whose shared sections are incomplete is never sent
    if (!this.endpoint || this.sending || validateSheet(this.sheet, this.values, { sections: consent.sections }).length || sendBlockers(this.sheet, this.values, consent.sections).length) return;
    if (!endpointAllowed(this.endpoint)) {
      this.sendError = ENDPOINT_REFUSED;
      return;
    }
    this.sendError = '';
    const outbox = this.outbox();
    if (!outbox) return;
    this.sending = true;
    this.announce = 'Envoi de la fiche en cours…';
    try {
      await this.flush();
      // one key for this sheet and this consent: a second click, a retry or a reload reuses it; a changed sheet
      // or consent replaces the copy still waiting in the queue (never two versions of one draft on their way)
      const recipient = recipientsOf(this.sheet).find((r) => r.id === (consent as Partial<ConsentRecord>).recipientId);
      const shared = sharedValues(this.sheet, this.values, consent.sections, recipient?.audience);
      const waiting = this.sendKey ?? this.queuedKey;
      if (waiting) {
        const q = await outbox.queued(waiting).catch(() => undefined);
        if (q && fingerprint(q.template, q.values, q.consent) === fingerprint(this.sheet.id, shared, consent)) this.sendKey = waiting;
        else {
          if (q) await outbox.cancel(waiting);
          this.sendKey = null;
        }
      }
      this.sendKey ??= crypto.randomUUID();
      // only the sections the recipient needs, never a device-only field (the door code)
      const key = await outbox.enqueue(this.sheet.id, shared, consent, { key: this.sendKey, draftId: this.draftId });
      await this.settle(key, await outbox.send(key));
    } catch (e) {
      this.announce = e instanceof DraftLockedError ? e.message : 'La fiche n’a pas pu être préparée pour l’envoi sur cet appareil : elle n’a pas été transmise.';
    } finally {
      this.sending = false;
    }
  }

  /** What a send (or an automatic retry) gave, told to the person. */
  private async settle(key: string, r: SendOutcome): Promise<void> {
    if (r.state === 'sent') {
      await this.sheetSent(r.receipt);
      this.view = { kind: 'sent', message: `Fiche transmise le ${formatDate(r.receipt.receivedAt, 'fr', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' })}. Accusé de réception : ${r.receipt.id.slice(0, 8)}.` };
      void this.focusHeading('result-title');
    } else if (r.state === 'queued') {
      this.queued = true;
      this.queuedKey = key;
      this.announce = '';
      this.view = { kind: 'sent', message: r.reason };
      this.emit(new RelaisSubmitEvent(this.draftId, null, 'queued'));
      void this.focusHeading('result-title');
    } else {
      // refused: the queued copy is gone, the draft keeps every value; a corrected sheet gets a new key
      this.sendKey = null;
      this.queued = false;
      this.queuedKey = null;
      this.errors = r.errors.map((e) => ({ field: e.field, section: this.sectionOf(e.field), message: e.message }));
      this.announce = '';
      this.view = { kind: 'review' };
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#server-errors')?.focus());
    }
  }

  /** The receipt came back: the draft is deleted, the form is emptied (the sheet cannot be sent twice). */
  private async sheetSent(receipt: { id: string }): Promise<void> {
    clearTimeout(this.saveTimer);
    this.dirty = false;
    await this.saving;
    await this.store?.remove(this.draftId);
    this.wipe();
    this.receiptId = receipt.id;
    this.withdrawn = false;
    this.announce = '';
    this.emit(new RelaisSubmitEvent(this.draftId, receipt.id, 'sent'));
  }

  /**
   * Sends what waits in the outbox (on load, when the connection returns, on « Réessayer »). A sheet of this
   * form that goes through clears the draft; one still waiting is said, once, in words that are true here.
   */
  private async retryPending(why: 'load' | 'online' | 'manual'): Promise<void> {
    const outbox = this.outbox();
    if (!outbox || this.sending) return;
    let results: Awaited<ReturnType<Outbox['flush']>>;
    const erasures = this.erasures;
    try {
      results = await outbox.flush();
    } catch {
      return; // locked or erased meanwhile: nothing to tell
    }
    if (erasures !== this.erasures) return; // erased while the receiver answered: the erase is what the person hears
    // a sheet of another form of this site that went through: its draft goes too (it must not be sent twice)
    for (const r of results) if (r.state === 'sent' && r.draftId && r.draftId !== this.draftId) await this.store?.remove(r.draftId).catch(() => undefined);
    const mine = results.filter((r) => !r.draftId || r.draftId === this.draftId);
    if (why === 'manual' && !mine.length) {
      this.queued = false;
      this.announce = 'Aucune fiche en attente d’envoi sur cet appareil.';
      return;
    }
    for (const r of mine) {
      if (r.state === 'sent') {
        await this.sheetSent(r.receipt);
        this.view = { kind: 'sent', message: `Fiche en attente transmise. Accusé de réception : ${r.receipt.id.slice(0, 8)}.` };
        void this.focusHeading('result-title');
      } else if (r.state === 'rejected') await this.settle(r.key, r);
      else {
        this.queued = true;
        this.queuedKey = r.key;
        if (why === 'manual') this.announce = `Toujours pas de réponse du service : la fiche reste sur cet appareil. ${r.reason.replace(/^.*?\. /, '')}`;
        else if (why === 'load') this.announce = `Une fiche attend d’être envoyée. ${r.reason}`;
      }
    }
  }

  private sectionOf(field: string): string {
    const base = field.split('.')[0];
    return this.sheet.sections.find((s) => s.fields.some((f) => f.id === base))?.id ?? this.sheet.sections[0]!.id;
  }

  override render(): TemplateResult {
    const level = Math.min(6, Math.max(1, this.headingLevel || 2));
    const t = this.sheet;
    const v = this.view;
    if (this.waiting) {
      return html`<section aria-labelledby="title">
        ${heading(level, 'Fiche de liaison', { id: 'title' })}
        <p role="status">Chargement de la fiche…</p>
      </section>`;
    }
    if (this.templateError) {
      return html`<section aria-labelledby="title">
        ${heading(level, 'Fiche de liaison', { id: 'title' })}
        <div part="error" class="error-box" role="alert"><p>Cette fiche ne peut pas être affichée :</p><p>${this.templateError}</p></div>
      </section>`;
    }
    return html`<section aria-labelledby="title">
      ${heading(level, t.title, { id: 'title' })}
      <p class="saved" role="status" aria-live="polite">${this.announce}</p>
      ${this.idleWarning
        ? html`<div class="warning" role="alert"><p>Sans action de votre part, la fiche sera effacée de cet ordinateur dans une minute.</p><button type="button" part="button" class="primary" @click=${() => this.armIdle()}>Continuer à remplir</button></div>`
        : nothing}
      ${this.conflict
        ? html`<div class="warning" role="alert"><p>Cette fiche a été modifiée dans un autre onglet (${formatDate(this.conflict.updatedAt, 'fr', { hour: '2-digit', minute: '2-digit' })}).</p>
            <button type="button" part="button" @click=${() => this.takeTheirs()}>Reprendre la version de l’autre onglet</button>
            <button type="button" part="button" @click=${() => this.keepMine()}>Garder ma version</button></div>`
        : nothing}
      ${v.kind === 'unlock' ? this.renderUnlock(level + 1) : v.kind === 'loading' ? html`<p>Chargement de la fiche…</p>` : v.kind === 'resume' ? this.renderResume(v.meta, level + 1) : v.kind === 'section' ? this.renderSection(v.id, level + 1) : v.kind === 'review' ? this.renderReview(level + 1) : v.kind === 'consent' ? this.renderConsent(level + 1) : v.kind === 'not-shared' ? this.renderNotShared(v.record, level + 1) : v.kind === 'sent' ? this.renderSent(v.message, level + 1) : this.renderTasks(level + 1)}
      <p class="erase no-print"><button type="button" part="button" class="link" @click=${() => this.erase()}>Effacer mes données de cet appareil</button></p>
    </section>`;
  }

  private async takeTheirs(): Promise<void> {
    const d = await this.store!.load(this.draftId);
    if (d) {
      const v = d.values as { values?: SheetValues };
      this.values = v.values ?? {};
      this.version = d.meta.version;
    }
    this.conflict = null;
  }

  private async keepMine(): Promise<void> {
    this.version = this.conflict!.version;
    this.conflict = null;
    this.dirty = true;
    await this.flush();
  }

  private renderResume(meta: DraftMeta, level: number): TemplateResult {
    return html`<div class="resume">
      ${heading(level, 'Un brouillon existe sur cet appareil', { id: 'resume-title', focusable: true })}
      <p>Dernier enregistrement : ${formatDate(meta.updatedAt, 'fr', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' })}.</p>
      <div class="actions">
        <button type="button" part="button" class="primary" @click=${() => this.resume(true)}>Reprendre le brouillon</button>
        <button type="button" part="button" @click=${() => this.resume(false)}>Recommencer</button>
      </div>
    </div>`;
  }

  private renderTasks(level: number): TemplateResult {
    const statuses = sectionStatuses(this.sheet, this.values, this.sectionUpdatedAt);
    const all = Object.values(statuses);
    return html`<div part="tasks">
      ${heading(level, 'Les parties de la fiche', { id: 'tasks-title', focusable: true })}
      ${this.sheet.description ? html`<p>${this.sheet.description}</p>` : nothing}
      <p>${all.filter((s) => s === 'completed').length} partie(s) terminée(s) sur ${all.length}.</p>
      <ol class="tasks">
        ${this.sheet.sections.map(
          (s) => html`<li>
            <button type="button" class="link task" @click=${() => this.openSection(s.id)}>${s.title}</button>
            <span class="status ${statuses[s.id]}">${STATUS_TEXT[statuses[s.id]!]}</span>
          </li>`,
        )}
      </ol>
      <div class="actions no-print">
        <button type="button" part="button" class="primary" @click=${() => ((this.view = { kind: 'review' }), void this.focusHeading('review-title'))}>Relire la fiche</button>
        <button type="button" part="button" @click=${() => window.print()}>Imprimer</button>
        <button type="button" part="button" @click=${this.exportFile}>Exporter la fiche (fichier JSON)</button>
      </div>
      <div class="import no-print">
        <label for="import-file">Importer une fiche (fichier JSON exporté)</label>
        <p class="hint" id="import-hint">Possible quand la fiche est vide. Le fichier reste sur cet appareil.</p>
        ${this.importError ? html`<p class="error-text" id="import-error" role="alert">${this.importError}</p>` : nothing}
        <input id="import-file" type="file" accept="application/json,.json" aria-describedby=${this.importError ? 'import-hint import-error' : 'import-hint'} @change=${this.importFile} />
      </div>
    </div>`;
  }

  @state() private importError = '';

  private exportFile(): void {
    const blob = new Blob([JSON.stringify(exportSheet(this.sheet, this.values), null, 2)], { type: 'application/json' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `fiche-${this.sheet.id}-${new Date().toISOString().slice(0, 10)}.json`;
    this.renderRoot.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
    this.announce = 'Fiche exportée : le fichier contient des données personnelles, gardez-le en lieu sûr.';
  }

  private async importFile(e: Event): Promise<void> {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    this.importError = '';
    try {
      if (Object.values(this.values).some((v) => v !== '' && v !== undefined && v !== null)) throw new Error('Import impossible : la fiche en cours n’est pas vide. Exportez-la ou recommencez d’abord.');
      if (file.size > 1_000_000) throw new Error('Fichier refusé : plus de 1 Mo.');
      let raw: unknown;
      try {
        raw = JSON.parse(await file.text());
      } catch {
        throw new Error('Fichier refusé : ce n’est pas un fichier JSON lisible.');
      }
      const { values, dropped } = importSheet(this.sheet, raw);
      this.values = values;
      this.dirty = true;
      await this.flush();
      this.announce = `Fiche importée${dropped.length ? ` ; ${dropped.length} champ(s) inconnu(s) ou invalide(s) laissé(s) de côté` : ''}.`;
    } catch (err) {
      this.importError = (err as Error).message;
      input.focus();
    } finally {
      input.value = '';
    }
  }

  private renderSection(id: string, level: number): TemplateResult {
    const s = this.sheet.sections.find((x) => x.id === id)!;
    const errs = this.errors.filter((e) => e.section === id);
    return html`<form part="section" novalidate @submit=${(e: Event) => (e.preventDefault(), this.continueFrom(id))}>
      ${errs.length
        ? html`<div part="error-summary" class="error-summary" id="error-summary" tabindex="-1" role="alert" aria-labelledby="error-summary-title">
            <p id="error-summary-title"><strong>Il y a ${errs.length} problème${errs.length > 1 ? 's' : ''} à corriger</strong></p>
            <ul>${errs.map((e) => html`<li><a href=${`#f-${e.field.replace(/\./g, '-')}`} @click=${(ev: Event) => this.focusField(ev, e.field)}>${e.message}</a></li>`)}</ul>
          </div>`
        : nothing}
      ${heading(level, s.title, { id: 'section-title', focusable: true })}
      ${s.description ? html`<p>${s.description}</p>` : nothing}
      ${s.fields.filter((f) => this.asked(f)).map((f) => this.renderField(f, s.id))}
      <div class="actions">
        <button type="submit" part="button" class="primary">Enregistrer et continuer</button>
        <button type="button" part="button" @click=${() => (void this.flush(), (this.view = { kind: 'tasks' }), void this.focusHeading('tasks-title'))}>Revenir à la liste des parties</button>
      </div>
    </form>`;
  }

  /**
   * Whether a field is asked here: shown to people, its showIf met, and never the door code on a shared device (a
   * professional filling a sheet for someone else writes it by hand on the paper kept at home).
   */
  private asked(f: Field): boolean {
    return isForPeople(f) && isShown(f, this.values) && !(f.deviceOnly && this.device === 'shared');
  }

  private focusField(ev: Event, field: string): void {
    ev.preventDefault();
    this.renderRoot.querySelector<HTMLElement>(`#f-${field.replace(/\./g, '-')}`)?.focus();
  }

  private fieldError(id: string): FieldError | undefined {
    return this.errors.find((e) => e.field === id);
  }

  private renderField(f: Field, section: string): TemplateResult {
    const id = `f-${f.id}`;
    const err = this.fieldError(f.id);
    const describedBy = [f.hint ? `${id}-hint` : '', err ? `${id}-error` : ''].filter(Boolean).join(' ') || nothing;
    const v = this.values[f.id];
    const hint = f.hint ? html`<p class="hint" id=${`${id}-hint`}>${f.hint}</p>` : nothing;
    const error = err ? html`<p class="error-text" id=${`${id}-error`}>${err.message}</p>` : nothing;
    const req = f.required ? html` <span class="req">(obligatoire)</span>` : nothing;
    if (f.type === 'choice' || f.type === 'multi' || f.type === 'boolean') {
      const opts = f.type === 'boolean' ? [{ value: 'true', label: 'Oui' }, { value: 'false', label: 'Non' }] : f.options!;
      const multi = f.type === 'multi';
      const selected = (x: string) => (multi ? Array.isArray(v) && v.includes(x) : f.type === 'boolean' ? String(v) === x : v === x);
      return html`<fieldset class="field" aria-describedby=${describedBy}>
        <legend>${f.label}${req}</legend>
        ${hint}${error}
        ${opts.map(
          (o, i) => html`<div class="option">
            <input id=${i === 0 ? id : `${id}-${i}`} type=${multi ? 'checkbox' : 'radio'} name=${f.id} .checked=${selected(o.value)} aria-invalid=${err ? 'true' : 'false'}
              @change=${(e: Event) => {
                const on = (e.target as HTMLInputElement).checked;
                if (multi) {
                  const cur = Array.isArray(v) ? (v as string[]) : [];
                  this.change(f.id, on ? [...cur, o.value] : cur.filter((x) => x !== o.value), section);
                } else this.change(f.id, f.type === 'boolean' ? o.value === 'true' : o.value, section);
              }} />
            <label for=${i === 0 ? id : `${id}-${i}`}>${o.label}</label>
          </div>`,
        )}
      </fieldset>`;
    }
    if (f.type === 'list') {
      const items = Array.isArray(v) ? (v as Array<Record<string, string>>) : [];
      return html`<fieldset class="field list" aria-describedby=${describedBy}>
        <legend>${f.label}${req}</legend>
        ${hint}${error}
        ${items.map(
          (item, i) => html`<div class="item">
            <p class="item-title">${f.label} n° ${i + 1}</p>
            ${f.item!.map((sub) => {
              const sid = `${id}-${i}-${sub.id}`;
              const serr = this.fieldError(`${f.id}.${i}.${sub.id}`);
              return html`<label for=${sid}>${sub.label}${sub.required ? html` <span class="req">(obligatoire)</span>` : nothing}</label>
                ${serr ? html`<p class="error-text" id=${`${sid}-error`}>${serr.message}</p>` : nothing}
                <input id=${sid} type=${sub.type === 'date' ? 'date' : sub.type === 'email' ? 'email' : sub.type === 'tel' ? 'tel' : 'text'} .value=${item[sub.id] ?? ''} aria-invalid=${serr ? 'true' : 'false'} aria-describedby=${serr ? `${sid}-error` : nothing}
                  @input=${(e: Event) => this.change(f.id, items.map((it, k) => (k === i ? { ...it, [sub.id]: (e.target as HTMLInputElement).value } : it)), section)} />`;
            })}
            <button type="button" part="button" class="link" @click=${() => this.change(f.id, items.filter((_, k) => k !== i), section)}>Retirer ${f.label.toLowerCase()} n° ${i + 1}</button>
          </div>`,
        )}
        ${!f.maxItems || items.length < f.maxItems ? html`<button type="button" part="button" @click=${() => this.change(f.id, [...items, {}], section)}>Ajouter : ${f.label.toLowerCase()}</button>` : nothing}
      </fieldset>`;
    }
    const inputType = f.type === 'date' ? 'date' : f.type === 'datetime' ? 'datetime-local' : f.type === 'tel' ? 'tel' : f.type === 'email' ? 'email' : 'text';
    // a device-only field (the door code) never reaches paper from the section view either (Ctrl+P)
    return html`<div class=${f.deviceOnly ? 'field device-only' : 'field'}>
      <label for=${id}>${f.label}${req}</label>
      ${hint}${error}
      ${f.type === 'textarea'
        ? html`<textarea id=${id} rows="4" .value=${(v as string) ?? ''} aria-describedby=${describedBy} aria-invalid=${err ? 'true' : 'false'} @input=${(e: Event) => this.change(f.id, (e.target as HTMLTextAreaElement).value, section)}></textarea>`
        : html`<input id=${id} type=${inputType} inputmode=${f.type === 'number' ? 'decimal' : nothing} autocomplete="off" .value=${v === undefined || v === null ? '' : String(v)} aria-describedby=${describedBy} aria-invalid=${err ? 'true' : 'false'}
            @input=${(e: Event) => {
              const raw = (e.target as HTMLInputElement).value;
              this.change(f.id, f.type === 'number' && raw.trim() !== '' && Number.isFinite(Number(raw.replace(',', '.'))) ? Number(raw.replace(',', '.')) : raw, section);
            }} />`}
    </div>`;
  }

  private renderReview(level: number): TemplateResult {
    const errors = validateSheet(this.sheet, this.values);
    return html`<div class="review">
      ${heading(level, 'Relire la fiche', { id: 'review-title', focusable: true })}
      ${this.lastUpdate() ? html`<p class="updated">Dernière mise à jour : ${formatDate(this.lastUpdate()!, 'fr', { day: 'numeric', month: 'long', year: 'numeric' })}</p>` : nothing}
      ${this.errors.length
        ? html`<div part="error-summary" class="error-summary" id="server-errors" tabindex="-1" role="alert" aria-labelledby="server-errors-title">
            <p id="server-errors-title"><strong>Le service destinataire a refusé la fiche : ${this.errors.length} point${this.errors.length > 1 ? 's' : ''} à corriger</strong></p>
            <ul>${this.errors.map((e) => html`<li><button type="button" class="link" @click=${() => this.openSection(e.section, true)}>${e.message}</button></li>`)}</ul>
            <p>La fiche n’a pas été transmise ; le brouillon garde toutes les informations.</p>
          </div>`
        : nothing}
      ${this.sheet.sections.map(
        (s) => html`<section aria-labelledby=${`r-${s.id}`}>
          ${heading(level + 1, s.title, { id: `r-${s.id}` })}
          <dl>
            ${s.fields
              .filter((f) => this.asked(f))
              .map((f) => (f.deviceOnly ? html`<div class="device-only"><dt>${f.label}</dt><dd>${this.display(f)}</dd></div>` : html`<dt>${f.label}</dt><dd>${this.display(f)}</dd>`))}
          </dl>
          <button type="button" part="button" class="link no-print" @click=${() => this.openSection(s.id)}>Modifier : ${s.title}</button>
        </section>`,
      )}
      ${errors.length ? html`<p class="error-text">${errors.length} information(s) obligatoire(s) ou invalide(s) : corrigez-les avant l’envoi.</p>` : nothing}
      ${this.endpoint ? sendBlockers(this.sheet, this.values, this.sheet.sections.map((s) => s.id)).map((b) => html`<p class="error-text" id="send-blocker">${b.message}</p>`) : nothing}
      <div class="actions no-print">
        ${this.endpoint ? html`<button type="button" part="button" class="primary" ?disabled=${errors.length > 0} @click=${() => void this.openConsent()}>Continuer vers l’accord de partage</button>` : nothing}
        <button type="button" part="button" @click=${() => window.print()}>Imprimer</button>
        <button type="button" part="button" @click=${() => ((this.view = { kind: 'tasks' }), void this.focusHeading('tasks-title'))}>Revenir à la liste des parties</button>
      </div>
    </div>`;
  }

  /** The date printed as « Dernière mise à jour »: the sheet's own field when it has one, else the last change. */
  private lastUpdate(): string | undefined {
    const declared = this.values['date_mise_a_jour'];
    if (typeof declared === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(declared)) return declared;
    return Object.values(this.sectionUpdatedAt).sort().at(-1);
  }

  private display(f: Field): string {
    const v = this.values[f.id];
    if (v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)) return 'Non renseigné';
    if (f.type === 'boolean') return v ? 'Oui' : 'Non';
    if (f.type === 'choice') return f.options!.find((o) => o.value === v)?.label ?? String(v);
    if (f.type === 'multi') return (v as string[]).map((x) => f.options!.find((o) => o.value === x)?.label ?? x).join(', ');
    if (f.type === 'list') return (v as Array<Record<string, string>>).map((it) => Object.values(it).filter(Boolean).join(', ')).join(' ; ');
    if (f.type === 'date' && typeof v === 'string') return formatDate(v, 'fr');
    return String(v);
  }

  @state() private consentInput: ConsentInput = {};
  @state() private consentErrors: ConsentError[] = [];
  /** Why the sheet could not leave (an endpoint that is neither https nor this site), shown on the consent step. */
  @state() private sendError = '';

  /** The consent rules and texts, loaded when the consent step opens (most visits never reach it). */
  private consentRules: typeof ConsentRules | undefined;

  private async openConsent(): Promise<void> {
    try {
      this.consentRules ??= await import('./consent.js');
    } catch {
      this.announce = 'L’étape d’accord n’a pas pu être chargée : vérifiez la connexion, puis réessayez.';
      return;
    }
    this.consentErrors = [];
    this.sendError = '';
    const recipients = recipientsOf(this.sheet);
    this.consentInput = recipients.length === 1 ? { recipient: recipients[0]!.id } : {};
    this.view = { kind: 'consent' };
    const missing = this.noticeMissing();
    if (missing) this.emit(new RelaisErrorEvent('invalid-payload', missing));
    void this.focusHeading('consent-title');
  }

  /** The French message when the site has not provided its notice (nothing can be sent), else `undefined`. */
  private noticeMissing(): string | undefined {
    const { checkNotice, noticeMissingMessage } = this.consentRules!;
    if (this.notice === UNREADABLE_NOTICE) return 'Envoi impossible : l’attribut « notice » de <relais-liaison-form> n’est pas un objet JSON lisible. Webmestre : corrigez-le (voir la documentation). La fiche reste sur cet appareil.';
    const missing = checkNotice(this.notice);
    return missing.length ? noticeMissingMessage(missing) : undefined;
  }

  private setConsent(patch: Partial<ConsentInput>): void {
    this.consentInput = { ...this.consentInput, ...patch };
  }

  /** Prints only the information text, for the person to keep (CSP R1110-3, D1110-3-1). */
  private printInformation(): void {
    this.setAttribute('data-print', 'information');
    try {
      window.print();
    } finally {
      this.removeAttribute('data-print');
    }
  }

  private consentError(field: ConsentError['field']): string | undefined {
    return this.consentErrors.find((e) => e.field === field)?.message;
  }

  /** A group of radios with its legend, hint and error in the same shadow root; the first radio has the group's id. */
  private radios<T extends string>(field: ConsentError['field'], legend: string, options: Array<{ value: T; label: string; hint?: string }>, current: string | undefined, onPick: (v: T) => void, hint?: string): TemplateResult {
    const id = `c-${field}`;
    const err = this.consentError(field);
    const describedBy = [hint ? `${id}-hint` : '', err ? `${id}-error` : ''].filter(Boolean).join(' ') || nothing;
    return html`<fieldset class="field" aria-describedby=${describedBy}>
      <legend>${legend}</legend>
      ${hint ? html`<p class="hint" id=${`${id}-hint`}>${hint}</p>` : nothing}
      ${err ? html`<p class="error-text" id=${`${id}-error`}>${err}</p>` : nothing}
      ${options.map((o, i) => {
        const oid = i === 0 ? id : `${id}-${i}`;
        return html`<div class="option">
          <input id=${oid} type="radio" name=${id} .checked=${current === o.value} aria-invalid=${err ? 'true' : 'false'} aria-describedby=${o.hint ? `${oid}-hint` : nothing} @change=${() => onPick(o.value)} />
          <label for=${oid}>${o.label}</label>
          ${o.hint ? html`<p class="hint option-hint" id=${`${oid}-hint`}>${o.hint}</p>` : nothing}
        </div>`;
      })}
    </fieldset>`;
  }

  /** A checkbox with its error in the same shadow root. */
  private checkbox(field: 'representativeConfirmed' | 'protectedPersonInformed' | 'childInformed' | 'copyGiven', label: string, checked: boolean, onChange: (on: boolean) => void): TemplateResult {
    const id = `c-${field}`;
    const err = field === 'childInformed' || field === 'copyGiven' ? undefined : this.consentError(field);
    return html`<div class="field">
      ${err ? html`<p class="error-text" id=${`${id}-error`}>${err}</p>` : nothing}
      <div class="option">
        <input id=${id} type="checkbox" .checked=${checked} aria-invalid=${err ? 'true' : 'false'} aria-describedby=${err ? `${id}-error` : nothing} @change=${(e: Event) => onChange((e.target as HTMLInputElement).checked)} />
        <label for=${id}>${label}</label>
      </div>
    </div>`;
  }

  /** A text control of the consent step (input or textarea) with its label, hint and error in the same shadow root. */
  private textControl(field: 'representativeName' | 'childInterestReason' | 'impossibleReason' | 'followUp' | 'collectedBy', label: string, value: string | undefined, onInput: (v: string) => void, opts: { multiline?: boolean; hint?: string } = {}): TemplateResult {
    const id = `c-${field}`;
    const err = this.consentError(field);
    const describedBy = [opts.hint ? `${id}-hint` : '', err ? `${id}-error` : ''].filter(Boolean).join(' ') || nothing;
    return html`<div class="field">
      <label for=${id}>${label}</label>
      ${opts.hint ? html`<p class="hint" id=${`${id}-hint`}>${opts.hint}</p>` : nothing}
      ${err ? html`<p class="error-text" id=${`${id}-error`}>${err}</p>` : nothing}
      ${opts.multiline
        ? html`<textarea id=${id} rows="3" .value=${value ?? ''} aria-invalid=${err ? 'true' : 'false'} aria-describedby=${describedBy} @input=${(e: Event) => onInput((e.target as HTMLTextAreaElement).value)}></textarea>`
        : html`<input id=${id} type="text" autocomplete="off" .value=${value ?? ''} aria-invalid=${err ? 'true' : 'false'} aria-describedby=${describedBy} @input=${(e: Event) => onInput((e.target as HTMLInputElement).value)} />`}
    </div>`;
  }

  /** The information shown for the current answers (also what is hashed into the record). */
  private currentInformation(): ReturnType<typeof ConsentRules.informationText> | undefined {
    const { REGIMES, informationText } = this.consentRules!;
    const input = this.consentInput;
    const regime = input.regime ? REGIMES[input.regime] : undefined;
    const recipient = recipientsOf(this.sheet).find((r) => r.id === input.recipient);
    if (!regime || !recipient) return undefined;
    const str = (id: string) => (typeof this.values[id] === 'string' ? (this.values[id] as string) : undefined);
    return informationText(this.sheet, regime.id, recipient.id, str('destinataire_structure'), this.notice, {
      date: new Date(),
      professional: input.collectedBy?.trim() || str('emetteur_nom'),
      structure: str('emetteur_structure'),
    });
  }

  private renderConsent(level: number): TemplateResult {
    const { REGIMES, COVERED_QUESTION, regimesFor, personContext, representation } = this.consentRules!;
    const t = this.sheet;
    const input = this.consentInput;
    const ctx = personContext(this.values);
    const offers = regimesFor(t, input.covered, ctx);
    const regime = input.regime && offers.some((o) => o.id === input.regime) ? REGIMES[input.regime] : undefined;
    const recipients = recipientsOf(t);
    const recipient = recipients.find((r) => r.id === input.recipient);
    const info = this.currentInformation();
    const rep = representation(this.values['mesure_protection'], ctx);
    const child = regime?.id === 'protection-enfance';
    const impossible = input.decision === 'information-impossible';
    const errs = this.consentErrors;
    const noticeMissing = this.noticeMissing();
    const local = t.sections.flatMap((s) => s.fields.filter((f) => f.deviceOnly).map((f) => f.label));
    const byOptions =
      rep.rule === 'parents'
        ? [{ value: 'representant' as const, label: 'Les titulaires de l’autorité parentale' }]
        : [{ value: 'personne' as const, label: 'La personne elle-même' }, ...(rep.rule === 'if-provided' ? [{ value: 'representant' as const, label: `Son représentant : ${rep.role}` }] : [])];
    return html`<form class="consent" novalidate @submit=${(e: Event) => void this.onConsent(e)}>
      ${errs.length
        ? html`<div part="error-summary" class="error-summary" id="error-summary" tabindex="-1" role="alert" aria-labelledby="error-summary-title">
            <p id="error-summary-title"><strong>Il y a ${errs.length} problème${errs.length > 1 ? 's' : ''} à corriger</strong></p>
            <ul>${errs.map((e) => html`<li><a href=${`#c-${e.field}`} @click=${(ev: Event) => (ev.preventDefault(), this.renderRoot.querySelector<HTMLElement>(`#c-${e.field}`)?.focus())}>${e.message}</a></li>`)}</ul>
          </div>`
        : nothing}
      ${this.sendError ? html`<p class="error-text" id="send-error" role="alert" tabindex="-1">${this.sendError}</p>` : nothing}
      ${heading(level, 'Partager la fiche : information et réponse de la personne', { id: 'consent-title', focusable: true })}
      ${noticeMissing ? html`<div part="notice-missing" class="warning" id="notice-missing"><p>${noticeMissing}</p></div>` : nothing}
      <p>Avant l’envoi, la personne (ou son représentant) reçoit l’information ci-dessous. Vous enregistrez ensuite sa réponse.</p>
      ${this.radios(
        'covered',
        COVERED_QUESTION.legend,
        [
          { value: 'oui' as const, label: COVERED_QUESTION.yes },
          { value: 'non' as const, label: COVERED_QUESTION.no },
        ],
        input.covered,
        (v) => this.setConsent({ covered: v, regime: '', decision: '' }),
        COVERED_QUESTION.hint,
      )}
      ${offers.length
        ? this.radios(
            'regime',
            'Dans quel cadre la fiche est-elle transmise ?',
            offers.map((o) => ({ value: o.id, label: o.recommended ? `${REGIMES[o.id].label} (recommandé pour cette fiche)` : REGIMES[o.id].label, hint: `${REGIMES[o.id].when} (${REGIMES[o.id].legalBasis})` })),
            input.regime,
            (v) => this.setConsent({ regime: v, decision: '' }),
            input.covered === 'non' ? 'Le partage du Code de la santé publique (art. L1110-4) ne s’applique pas : seul l’accord exprès de la personne permet l’envoi.' : 'Dans le doute, choisissez « hors de l’équipe de soins » et demandez l’accord de la personne.',
          )
        : nothing}
      ${recipients.length > 1
        ? this.radios(
            'recipient',
            'À qui ?',
            recipients.map((r) => ({ value: r.id, label: r.label })),
            input.recipient,
            (v) => this.setConsent({ recipient: v }),
          )
        : nothing}
      ${recipient
        ? html`<section class="parts" aria-labelledby="parts-title">
            ${heading(level + 1, 'Ce qui sera transmis', { id: 'parts-title' })}
            <ul>${t.sections.filter((s) => recipient.sections.includes(s.id) && s.fields.some((f) => allowedFields(t, [s.id], recipient.audience).has(f.id))).map((s) => html`<li>${s.title}</li>`)}</ul>
            ${(() => {
              const out = [...t.sections.filter((s) => !recipient.sections.includes(s.id)).map((s) => s.title), ...withheldFields(t, recipient.sections, recipient.audience).map((f) => f.label), ...local];
              return out.length ? html`<p>Jamais transmis : ${out.join(' ; ')}.</p>` : nothing;
            })()}
          </section>`
        : nothing}
      ${info
        ? html`<section part="information" class="information" id="information" aria-labelledby="information-title">
            ${heading(level + 1, info.title, { id: 'information-title' })}
            ${info.parts.map((p) => html`<p><strong>${p.heading} :</strong> ${p.text}</p>`)}
            <p class="hint">Version du texte d’information : ${info.version}.</p>
            <button type="button" part="button" class="no-print" @click=${() => this.printInformation()}>Imprimer l’information pour la personne</button>
          </section>`
        : nothing}
      ${regime && !child && !impossible
        ? html`${this.radios('by', 'Qui a répondu ?', byOptions, input.by, (v) => this.setConsent({ by: v }), rep.explanation)}
          ${input.by === 'representant' && rep.rule !== 'never'
            ? html`${this.textControl('representativeName', rep.rule === 'parents' ? 'Nom du ou des titulaires de l’autorité parentale' : 'Nom de la personne qui représente', input.representativeName, (v) => this.setConsent({ representativeName: v }))}
              ${rep.rule === 'if-provided'
                ? html`${this.checkbox('representativeConfirmed', rep.condition!, Boolean(input.representativeConfirmed), (on) => this.setConsent({ representativeConfirmed: on }))}
                  ${this.checkbox('protectedPersonInformed', 'La personne protégée a aussi été informée elle-même, selon ses capacités (Code civil, art. 457-1)', Boolean(input.protectedPersonInformed), (on) => this.setConsent({ protectedPersonInformed: on }))}`
                : nothing}`
            : nothing}
          ${rep.rule === 'parents' ? this.checkbox('childInformed', 'Le mineur a aussi été informé et son avis recherché, selon son âge et sa maturité', Boolean(input.childInformed), (on) => this.setConsent({ childInformed: on })) : nothing}`
        : nothing}
      ${regime
        ? this.radios(
            'decision',
            regime.asks === 'information' ? 'Information des parents' : 'Réponse de la personne',
            regime.decisions.map((d) => ({ value: d.value, label: d.label })),
            input.decision,
            (v) => this.setConsent({ decision: v }),
          )
        : nothing}
      ${impossible
        ? html`${this.textControl('impossibleReason', 'Pourquoi la personne ne peut pas être informée maintenant', input.impossibleReason, (v) => this.setConsent({ impossibleReason: v }), { multiline: true, hint: 'Urgence ou état de la personne (CSP R1110-3 III) ; la raison est gardée avec la réponse.' })}
          ${this.textControl('followUp', 'Qui l’informera, et quand', input.followUp, (v) => this.setConsent({ followUp: v }), { hint: 'Elle doit être informée dès que possible.' })}`
        : nothing}
      ${child && input.decision === 'information-contraire-interet'
        ? this.textControl('childInterestReason', 'Pourquoi informer les parents serait contraire à l’intérêt de l’enfant', input.childInterestReason, (v) => this.setConsent({ childInterestReason: v }), { multiline: true })
        : nothing}
      ${child ? this.checkbox('childInformed', 'L’enfant a aussi été informé, selon son âge et sa maturité', Boolean(input.childInformed), (on) => this.setConsent({ childInformed: on })) : nothing}
      ${this.radios(
        'method',
        child || impossible ? 'Comment l’information a-t-elle été (ou sera-t-elle) donnée ?' : 'Comment la réponse a-t-elle été recueillie ?',
        [
          { value: 'oral' as const, label: 'Oralement' },
          { value: 'ecrit' as const, label: 'Par écrit' },
        ],
        input.method,
        (v) => this.setConsent({ method: v }),
      )}
      ${info && !impossible ? this.checkbox('copyGiven', 'Une copie écrite de l’information a été remise à la personne', Boolean(input.copyGiven), (on) => this.setConsent({ copyGiven: on })) : nothing}
      ${this.textControl('collectedBy', 'Recueilli par (votre nom et votre fonction)', input.collectedBy, (v) => this.setConsent({ collectedBy: v }))}
      <div class="actions">
        <button type="submit" part="button" class="primary" ?disabled=${this.sending}>${this.sending ? 'Envoi en cours…' : 'Enregistrer la réponse'}</button>
        <button type="button" part="button" @click=${() => ((this.view = { kind: 'review' }), void this.focusHeading('review-title'))}>Revenir à la relecture</button>
      </div>
    </form>`;
  }

  /** Records the one answer; sends only when it allows the sharing, the site gave its notice and nothing blocks it. */
  private async onConsent(e: Event): Promise<void> {
    e.preventDefault();
    const { checkConsent, buildConsentRecord, mayShare, personContext, informationDigest } = this.consentRules!;
    const measure = this.values['mesure_protection'];
    const ctx = personContext(this.values);
    const errors = checkConsent(this.sheet, this.consentInput, measure, ctx);
    this.consentErrors = errors;
    this.sendError = '';
    if (errors.length) {
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#error-summary')?.focus());
      return;
    }
    const info = this.currentInformation();
    const name = typeof this.values['destinataire_structure'] === 'string' ? (this.values['destinataire_structure'] as string) : undefined;
    const textSha256 = info ? await informationDigest(info) : undefined;
    const record = buildConsentRecord(this.sheet, { ...this.consentInput, recipientName: name, ...(textSha256 ? { textSha256 } : {}) }, measure, new Date(), ctx);
    if (!mayShare(record)) {
      this.view = { kind: 'not-shared', record };
      void this.focusHeading('result-title');
      return;
    }
    // nothing leaves without the site's notice (RGPD art. 13), nor while the sheet says the person does not know
    const blockers = sendBlockers(this.sheet, this.values, record.sections);
    const refusal = this.noticeMissing() ?? blockers.map((b) => b.message).join(' ');
    if (refusal) {
      this.sendError = refusal;
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#send-error')?.focus());
      return;
    }
    void this.send(record);
  }

  /** The person objected or refused: the answer is shown as recorded, nothing leaves the device. */
  private renderNotShared(record: ConsentRecord, level: number): TemplateResult {
    const decision = this.consentRules!.REGIMES[record.regime].decisions.find((d) => d.value === record.decision)!;
    return html`<div class="sent">
      ${heading(level, 'Fiche non transmise', { id: 'result-title', focusable: true })}
      <p>Réponse enregistrée : ${decision.label.charAt(0).toLowerCase()}${decision.label.slice(1)} (${record.method === 'oral' ? 'oralement' : 'par écrit'}, recueillie par ${record.collectedBy}, le ${formatDate(record.at, 'fr', { day: 'numeric', month: 'long', year: 'numeric' })}).</p>
      <p>Rien n’a été envoyé. La fiche reste sur cet appareil ; vous pouvez l’effacer.</p>
      <div class="actions">
        <button type="button" part="button" @click=${() => ((this.view = { kind: 'tasks' }), void this.focusHeading('tasks-title'))}>Revenir à la fiche</button>
      </div>
    </div>`;
  }

  private renderSent(message: string, level: number): TemplateResult {
    return html`<div class="sent">
      ${heading(level, this.queued ? 'En attente d’envoi' : this.withdrawn ? 'Envoi annulé' : 'Fiche transmise', { id: 'result-title', focusable: true })}
      <p>${message}</p>
      ${!this.queued && !this.withdrawn && this.receiptId
        ? html`<p>Pour s’opposer à la suite du partage ou retirer l’accord, contactez la structure destinataire en donnant l’accusé de réception ${this.receiptId.slice(0, 8)} : cela vaut pour l’avenir, ce qui a été envoyé ne peut pas être repris.</p>`
        : nothing}
      <div class="actions">
        ${this.queued ? html`<button type="button" part="button" class="primary" @click=${() => this.retryQueued()}>Réessayer l’envoi</button>` : nothing}
        ${this.queued ? html`<button type="button" part="button" @click=${() => this.withdraw()}>Annuler l’envoi et retirer l’accord</button>` : nothing}
        <button type="button" part="button" @click=${() => ((this.view = { kind: 'tasks' }), void this.focusHeading('tasks-title'))}>${!this.queued && !this.withdrawn && this.receiptId ? 'Commencer une nouvelle fiche' : 'Revenir à la fiche'}</button>
      </div>
    </div>`;
  }

  private queuedKey: string | null = null;
  private receiptId: string | null = null;

  /** Withdraws the consent of a sheet still waiting to be sent: it is taken out of the outbox. */
  private async withdraw(): Promise<void> {
    const outbox = this.outbox();
    if (!outbox || !this.queuedKey) return;
    await outbox.cancel(this.queuedKey);
    this.queuedKey = null;
    this.sendKey = null;
    this.queued = false;
    this.view = { kind: 'sent', message: 'Envoi annulé : l’accord est retiré et la fiche n’a pas été transmise. Le brouillon reste sur cet appareil.' };
    this.withdrawn = true;
    void this.focusHeading('result-title');
  }

  @state() private withdrawn = false;

  private async retryQueued(): Promise<void> {
    await this.retryPending('manual');
    void this.focusHeading('result-title');
  }
}
