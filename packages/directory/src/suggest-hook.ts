/**
 * The directory's hook for « Signaler une erreur ou proposer une mise à jour »: until a person opens it, only the
 * button (and the producer's page of a data·inclusion record) is rendered; the form itself (suggest-form.ts, its
 * messages) loads on the first click, so that the directory's page does not carry it. Styles are
 * constructable stylesheet of the element, as the strict CSP wants): the badge's here, the form's added with the form.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import { sanitizeUrl, translate, type Lang, type SearchItem } from '@relais/core';
import { messages, type MessageKey } from './messages.js';
import type { SuggestController, SuggestHost } from './suggest-form.js';

export type { SuggestHost } from './suggest-form.js';

/** The button until the form is loaded, then the form (`SuggestController`). */
export class SuggestHook {
  private form: SuggestController | null = null;
  private loading = false;
  private failed = false;

  constructor(
    private readonly host: SuggestHost,
    /** The contributions API's base URL (the element's `contributions-url`, or its REST `base-url`). */
    readonly endpoint: () => string | null,
    readonly lang: () => Lang,
  ) {}

  // the button's words are the directory's own (messages.ts): its English comes with the element's
  private t(key: MessageKey, p: Record<string, unknown> = {}): string {
    return translate(messages, this.lang(), key, p);
  }

  private async load(id: string): Promise<void> {
    if (this.loading) return;
    this.loading = true;
    this.failed = false;
    this.host.requestUpdate();
    try {
      const m = await import('./suggest-form.js');
      this.form = new m.SuggestController(this.host, this.endpoint, this.lang);
      this.form.openFor(id);
    } catch {
      this.failed = true;
    } finally {
      this.loading = false;
      this.host.requestUpdate();
    }
    await this.host.updateComplete;
    // the button was drawn again by the form: the focus stays on it
    this.host.renderRoot.querySelector<HTMLElement>('#suggest-toggle')?.focus();
  }

  /** The button (and the producer's page), or the form once loaded; `level`: the level of the detail's sections. */
  render(item: SearchItem, level: number): TemplateResult | typeof nothing {
    if (this.form) return this.form.render(item, level);
    const base = this.endpoint();
    const producer = sanitizeUrl(item.service.lien_source);
    const producerHost = producer && /^https?:/.test(producer) ? new URL(producer).hostname : null;
    if (!base && !producerHost) return nothing;
    return html`<section class="suggest no-print" aria-label=${this.t('suggestOpen')}>
      ${base
        ? html`<button type="button" part="button" class="secondary" id="suggest-toggle" aria-expanded="false" aria-controls="suggest-panel" ?disabled=${this.loading} @click=${() => void this.load(item.service.id)}>
            ${this.t('suggestOpen')}
          </button>`
        : nothing}
      ${producerHost
        ? html`<p class="producer"><a href=${producer!} target="_blank" rel="noopener noreferrer">${this.t('suggestProducer', { host: producerHost })}<span class="visually-hidden"> (${this.t('newWindow')})</span></a></p>`
        : nothing}
      ${base ? html`<div id="suggest-panel" class="suggest-panel" hidden></div>` : nothing}
      <p class="visually-hidden" role="status" aria-live="polite" aria-atomic="true" id="suggest-live">${this.failed ? this.t('suggestLoadFailed') : ''}</p>
    </section>`;
  }
}

/** Styles of the freshness badge and of the section around the button (tokens only); the form's come with it. */
export const suggestStyles = css`
  .suggest { margin-top: var(--_r-space-3); border-top: 1px solid var(--_r-border); padding-top: var(--_r-space-2); }
  .stale { display: inline-block; background: var(--_r-warning-bg); color: var(--_r-text); border: 1px solid var(--_r-border); border-radius: var(--_r-radius); padding: 0 var(--_r-space-1); font-size: 0.875rem; font-weight: 600; }
`;
