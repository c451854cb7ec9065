import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { DraftStore, DraftConflictError, type DraftMeta } from './draft-store.js';
import { Vault, eraseDevice, describeErased } from './vault.js';
import { sectionStatuses, type SheetValues, type Template } from './sheet-schema.js';
import type { MessageKey } from './messages.js';

/** What the draft controller reads from its host (the form's attributes). */
export interface DraftHost extends ReactiveControllerHost, HTMLElement {
  readonly dbName: string;
  readonly device: 'personal' | 'shared';
  readonly expiryDays: number;
  readonly draftId: string;
  readonly idleMinutes: number;
}

/** What the host gives the controller (in the manner of shoelace's `FormControlController` options). */
export interface DraftOptions {
  /** The template id and the content to save now. */
  snapshot(): { template: string; content: unknown };
  /** Something to tell the person (the host's live region). */
  announce(text: string): void;
  /** A message in the host's language. */
  t(key: MessageKey, params?: Record<string, unknown>): string;
  /** A save went through (the host fires its event). */
  saved(meta: DraftMeta): void;
  /** Forget everything the host holds (values, queued state, view); the controller has already forgotten its own. */
  wipe(): void;
  /** Another tab erased the data on this device. */
  erasedElsewhere(): void;
  /** The shared-device idle delay ran out (the host erases). */
  idle(): void;
  /** What else lives in the vault and goes with the drafts: the outbox (closed and erased together). */
  companion(): { close(): void; eraseAll(): Promise<number> } | undefined;
}

/**
 * The draft on this device: one vault and one draft store per unlock, the version of the draft, saves chained one after
 * the other (a burst of keystrokes makes at most one more save), flushes on leaving the page, conflicts with another
 * tab, the shared-device idle timer, and the erase generation (an answer that started before an erase is dropped).
 */
export class DraftController implements ReactiveController {
  /** The key holder shared by the drafts and the outbox (one per unlock). */
  vault: Vault | undefined;
  store: DraftStore | undefined;
  /** Version of the draft this tab last read or wrote (the store refuses a save over a newer one). */
  version = 0;
  /** The version saved in another tab since this one last saved (the host offers to take it or keep its own). */
  conflict: DraftMeta | null = null;
  /** The shared-device warning is showing. */
  idleWarning = false;
  /** Saves run one after the other (a later save never lands before an earlier one). */
  saving: Promise<void> = Promise.resolve();
  private dirty = false;
  /** Saves asked for and not yet ended (the one running and the one waiting). */
  private pending = 0;
  /** The « leave the page? » guard is on (a `beforeunload` listener only while something is not yet written). */
  private guarded = false;
  /** True while this tab erases (its own erase broadcast is not news to it). */
  private erasing = false;
  /** Counts erases (here or in another tab): see `generation` and `stale`. */
  private erasures = 0;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  private warnTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly host: DraftHost,
    private readonly options: DraftOptions,
  ) {
    host.addController(this);
  }

  /** The current erase generation: keep it before awaiting, then ask `stale(gen)`. */
  get generation(): number {
    return this.erasures;
  }

  /** Whether an erase happened (here or in another tab) since `gen` was taken: its answer must not be shown. */
  stale(gen: number): boolean {
    return gen !== this.erasures;
  }

  hostConnected(): void {
    window.addEventListener('pagehide', this.onPageHide);
    window.addEventListener('pageshow', this.onPageShow);
    document.addEventListener('visibilitychange', this.onVisibility);
    if (this.unsaved) this.guard(true);
  }

  hostDisconnected(): void {
    void this.flush();
    window.removeEventListener('pagehide', this.onPageHide);
    window.removeEventListener('pageshow', this.onPageShow);
    this.guard(false);
    document.removeEventListener('visibilitychange', this.onVisibility);
    clearTimeout(this.idleTimer);
    clearTimeout(this.warnTimer);
    // the last saves finish first; then the connections close (unless the element came back meanwhile)
    void this.saving.then(() => {
      if (!this.host.isConnected) this.close();
    });
  }

  /** One vault and one draft store for this unlock (the outbox is closed: it is made again on the new vault). */
  open(passphrase?: string): void {
    this.close();
    const { dbName, device, expiryDays } = this.host;
    this.vault = new Vault({ dbName, device, ...(passphrase ? { passphrase } : {}) });
    this.vault.onErased((fromHere) => {
      if (!fromHere && !this.erasing) this.options.erasedElsewhere();
    });
    this.store = new DraftStore({ dbName, device, expiryDays, vault: this.vault });
  }

  /** Closes the connections (the outbox's, the store's, the vault's). */
  close(): void {
    this.store?.close();
    this.options.companion()?.close();
    this.vault?.close();
    this.store = this.vault = undefined;
  }

  /** Opens the vault (a wrong passphrase throws `DraftLockedError` first), drops expired drafts, reads this draft. */
  async load(): Promise<{ meta: DraftMeta; values: unknown } | undefined> {
    await this.vault!.cryptoKey();
    await this.store!.purgeExpired();
    return this.store!.load(this.host.draftId);
  }

  /** Forgets the draft state of this tab (a new erase generation: answers still in flight are dropped). */
  reset(): void {
    this.erasures++;
    this.dirty = false;
    this.version = 0;
    this.conflict = null;
    this.idleWarning = false;
  }

  /** A change to save (at once, chained after the saves in flight); on a shared device, the idle delay starts again. */
  changed(): Promise<void> {
    this.dirty = true;
    // on a personal device, leaving before this change is written asks first (a shared device erases on leaving)
    if (this.host.device === 'personal') this.guard(true);
    const saved = this.flush();
    if (this.host.device === 'shared') this.armIdle();
    return saved;
  }

  /**
   * Saves now. Every change comes here at once (no waiting: a reload a few milliseconds after a keystroke loses
   * nothing already encrypted and written), as do page exits; saves are chained, so a later one never lands before an
   * earlier one, and a burst of keystrokes makes at most one more save.
   */
  flush = (): Promise<void> => {
    this.pending++;
    this.saving = this.saving.then(() => this.saveNow()).finally(() => {
      this.pending--;
      if (!this.unsaved) this.guard(false);
    });
    return this.saving;
  };

  /** Something typed is not yet encrypted and written on the device (a save waits, runs, or failed). */
  get unsaved(): boolean {
    return this.pending > 0 || (this.dirty && !!this.store && !this.erasing);
  }

  /**
   * The standard « leave the page? » guard, on only while a change is not yet written: a reload or a closed tab a few
   * milliseconds after a keystroke would otherwise drop the save in flight. Off as soon as the save lands (a
   * `beforeunload` listener also keeps some browsers from keeping the page in the back/forward cache).
   */
  private guard(on: boolean): void {
    if (on === this.guarded) return;
    this.guarded = on;
    if (on) window.addEventListener('beforeunload', this.onLeave);
    else window.removeEventListener('beforeunload', this.onLeave);
  }

  /** Saves even if nothing changed (« Recommencer », an import, « Garder ma version »). */
  saveAgain(): Promise<void> {
    this.dirty = true;
    return this.flush();
  }

  private async saveNow(): Promise<void> {
    if (!this.dirty || !this.store || this.erasing) return;
    this.dirty = false;
    try {
      const { template, content } = this.options.snapshot();
      const meta = await this.store.save(this.host.draftId, template, content, this.version);
      this.version = meta.version;
      this.options.saved(meta);
    } catch (e) {
      if (e instanceof DraftConflictError) {
        this.options.announce(e.message);
        this.conflict = e.current;
        this.host.requestUpdate();
      } else this.options.announce(this.options.t('saveFailed'));
      this.dirty = true;
    }
  }

  /** Takes the version of the other tab: its content, its version. */
  async takeTheirs(): Promise<unknown> {
    const d = await this.store!.load(this.host.draftId);
    if (d) this.version = d.meta.version;
    this.conflict = null;
    this.host.requestUpdate();
    return d?.values;
  }

  /** Keeps this tab's version: saved over the other one. */
  keepMine(): Promise<void> {
    this.version = this.conflict!.version;
    this.conflict = null;
    this.host.requestUpdate();
    return this.saveAgain();
  }

  /** The draft went (its sheet was received): the saves in flight finish, then it is deleted. */
  async remove(): Promise<void> {
    this.dirty = false;
    await this.saving;
    await this.store?.remove(this.host.draftId);
  }

  /** Starts (again) the shared-device idle delay; the warning comes one minute before. */
  armIdle(): void {
    clearTimeout(this.idleTimer);
    clearTimeout(this.warnTimer);
    if (this.idleWarning) {
      this.idleWarning = false;
      this.host.requestUpdate();
    }
    const ms = this.host.idleMinutes * 60_000;
    this.warnTimer = setTimeout(() => {
      this.idleWarning = true;
      this.host.requestUpdate();
      this.options.announce(this.options.t('idleSoon'));
    }, Math.max(0, ms - 60_000));
    this.idleTimer = setTimeout(() => this.options.idle(), ms);
  }

  /**
   * Erases every draft, every sheet waiting to be sent and the keys — in every open tab on a personal device, in this
   * tab on a shared one — and says what was erased (in French, from `describeErased`).
   */
  async erase(): Promise<string> {
    this.erasing = true;
    try {
      this.dirty = false;
      await this.saving;
      let what: string;
      if (this.host.device === 'shared') {
        const drafts = (await this.store?.eraseAll()) ?? 0;
        const queued = (await this.options.companion()?.eraseAll()) ?? 0;
        what = describeErased({ drafts, queued, keys: drafts + queued > 0 ? 1 : 0 }).replace(', dans tous les onglets ouverts', this.options.t('thisTab'));
      } else {
        // the databases go; this tab's connections close themselves on the deletion
        what = describeErased(await eraseDevice(this.host.dbName, { from: this.vault?.id }));
        this.vault?.forget();
      }
      this.options.wipe();
      return what;
    } finally {
      this.erasing = false;
    }
  }

  private onVisibility = (): void => {
    if (document.visibilityState === 'hidden') void this.flush();
  };

  /** Leaving while a change is not yet written: the browser asks the person (« Quitter le site ? »), the save goes on. */
  private onLeave = (e: BeforeUnloadEvent): void => {
    if (!this.unsaved) return this.guard(false);
    e.preventDefault();
    // older browsers ask only when a return value is set
    e.returnValue = true;
  };

  /** Leaving the page: save now; on a shared device, erase (the page may be kept in the back/forward cache). */
  private onPageHide = (): void => {
    if (this.host.device === 'shared') {
      this.options.wipe();
      void this.store?.eraseAll();
      void this.options.companion()?.eraseAll();
    } else void this.flush();
  };

  /** Back to a page from the back/forward cache: a shared-device sheet must not come back. */
  private onPageShow = (e: PageTransitionEvent): void => {
    if (e.persisted && this.host.device === 'shared') {
      this.options.wipe();
      this.options.announce(this.options.t('erasedOnLeave'));
    }
  };
}

/** What a saved draft holds besides the values: when each section changed, and where the person last typed. */
export type SavedDraft = { values?: SheetValues; sectionUpdatedAt?: Record<string, string>; section?: string };

/**
 * Where « Reprendre » lands: the section where the person last typed, unless finished; then a section in progress;
 * then the next one not started (none: the task list).
 */
export function resumeSection(sheet: Template, saved: SavedDraft): string | undefined {
  const statuses = sectionStatuses(sheet, saved.values ?? {}, saved.sectionUpdatedAt ?? {});
  const sections = sheet.sections;
  const at = sections.findIndex((s) => s.id === saved.section);
  return (
    (at >= 0 && statuses[saved.section!] !== 'completed' ? sections[at] : undefined) ??
    sections.find((s) => statuses[s.id] === 'in-progress') ??
    (at >= 0 ? sections.slice(at + 1).find((s) => statuses[s.id] === 'not-started') : undefined)
  )?.id;
}
