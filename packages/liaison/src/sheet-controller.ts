import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { parseSheetTemplate, type Template } from './sheet-schema.js';
import { isShippedTemplate, loadLiaisonTemplate } from './shipped-loader.js';
import type { MessageKey } from './messages.js';

/** What the sheet controller reads from its host. */
export interface SheetHost extends ReactiveControllerHost {
  readonly templateId: string;
  readonly template: Template | undefined;
}

/** The shipped sheets loaded so far on this page (each once). */
const loaded = new Map<string, Template>();
/** Stands in while a sheet loads or when it cannot be used: never another real sheet. */
const NO_SHEET: Template = { id: 'aucune', version: '0', title: 'Fiche de liaison', sections: [{ id: 'aucune', title: 'Fiche de liaison', fields: [{ id: 'aucun', label: 'Aucun champ', type: 'text', sensitivity: 'S0', author: 'systeme' }] }] };

/**
 * The sheet a form shows: the host's template (property) or the shipped one named by `template-id`, loaded on demand
 * and validated; why it cannot be used is kept in `error` (shown instead of the form, never replaced silently by
 * another sheet).
 */
export class SheetController implements ReactiveController {
  /** Why the template given cannot be used. */
  error: string | undefined;
  private parsed: Template | undefined;
  private loadFailed = false;

  constructor(
    private readonly host: SheetHost,
    private readonly options: { t(key: MessageKey, params?: Record<string, unknown>): string; failed(message: string): void },
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    void this.load();
  }

  /** A shipped sheet not loaded yet. */
  get waiting(): boolean {
    return !this.host.template && isShippedTemplate(this.host.templateId) && !loaded.has(this.host.templateId) && !this.loadFailed;
  }

  /** The template or its id changed: read it again. */
  changed(): void {
    this.parsed = undefined;
    this.loadFailed = false;
    void this.load();
  }

  /** Loads the shipped sheet named by `template-id` (once per page). */
  async load(): Promise<void> {
    if (!this.waiting) return;
    const id = this.host.templateId;
    try {
      loaded.set(id, await loadLiaisonTemplate(id));
    } catch {
      this.loadFailed = true;
    }
    this.parsed = undefined;
    this.host.requestUpdate();
  }

  /** The sheet (a placeholder while it loads or when it cannot be used). */
  get sheet(): Template {
    if (this.waiting) return NO_SHEET;
    if (!this.parsed) {
      const raw = this.host.template ?? loaded.get(this.host.templateId);
      try {
        if (this.loadFailed && !raw) throw new Error(this.options.t('loadFailed'));
        this.parsed = parseSheetTemplate(raw ?? {});
        this.error = undefined;
      } catch (e) {
        this.error = raw || this.loadFailed ? (e as Error).message : this.options.t('unknownTemplate', { id: String(this.host.templateId).slice(0, 60) });
        this.options.failed(this.error);
        this.parsed = NO_SHEET;
      }
    }
    return this.parsed;
  }
}
