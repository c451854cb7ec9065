import { LitElement, css } from 'lit';
import { LangController, type EnglishSource } from '../i18n/i18n.js';
import { VERSION } from './define.js';
import { attachContextRoot } from './context.js';

/**
 * Resets what a host page's inherited styles would leak into a widget (fonts, colours, line
 * height, letter spacing…) while CSS custom properties (`--relais-*`) still flow in.
 */
export const hostReset = css`
  :host {
    all: initial;
    display: block;
    box-sizing: border-box;
    --_r-font-family: var(--relais-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif);
    --_r-line-height: var(--relais-line-height, 1.5);
    font-family: var(--_r-font-family);
    font-size: var(--relais-font-size, 1rem);
    line-height: var(--_r-line-height);
    color: var(--relais-color-text, #1e1e1e);
    text-align: start;
  }
  :host([hidden]) {
    display: none;
  }
  /*
   * A host page's \`* { color: red !important }\` or \`* { letter-spacing: … }\` still reaches the host element
   * itself (the page's rules win there over \`all: initial\`), and from it the shadow tree would inherit them:
   * the shadow tree's top elements take every inherited text property again from the tokens.
   */
  :host > * {
    font-family: var(--_r-font-family);
    line-height: var(--_r-line-height);
    color: var(--relais-color-text, #1e1e1e);
    letter-spacing: normal;
    word-spacing: normal;
    text-transform: none;
    text-indent: 0;
    text-shadow: none;
    visibility: visible;
    cursor: auto;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  :focus-visible {
    outline: var(--_r-focus-ring);
    outline-offset: 2px;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
`;

/**
 * The default theme, as fallbacks of the public `--relais-*` tokens. This is the only place with raw
 * values: component styles read the private `--_r-*` variables below, so a partner theme sets
 * `--relais-*` on any ancestor and every widget follows. Colours meet WCAG AA on the surface colour.
 */
export const tokens = css`
  :host {
    --_r-primary: var(--relais-color-primary, #0a5cc2);
    --_r-on-primary: var(--relais-color-on-primary, #ffffff);
    --_r-text: var(--relais-color-text, #1e1e1e);
    --_r-muted: var(--relais-color-muted, #555a64);
    --_r-surface: var(--relais-color-surface, #ffffff);
    --_r-surface-alt: var(--relais-color-surface-alt, #f3f5f8);
    --_r-border: var(--relais-color-border, #8a8f98);
    --_r-danger: var(--relais-color-danger, #b3261e);
    --_r-success: var(--relais-color-success, #1b6e3a);
    --_r-warning-bg: var(--relais-color-warning-surface, #fff4d6);
    --_r-focus-ring: var(--relais-focus-ring, 3px solid #0a5cc2);
    --_r-accent-1: var(--relais-color-accent-1, #7a1f5c);
    --_r-accent-2: var(--relais-color-accent-2, #8a4b00);
    --_r-space-1: var(--relais-space-1, 0.25rem);
    --_r-space-2: var(--relais-space-2, 0.5rem);
    --_r-space-3: var(--relais-space-3, 1rem);
    --_r-space-4: var(--relais-space-4, 1.5rem);
    --_r-radius: var(--relais-radius, 0.375rem);
    --_r-shadow: var(--relais-elevation-1, 0 1px 3px rgb(0 0 0 / 0.15));
    background: var(--_r-surface);
  }
`;

/** Buttons and text fields shared by every widget (44 px targets, tokens only). */
export const controls = css`
  button {
    font: inherit;
    cursor: pointer;
    min-height: 2.75rem;
    padding: var(--_r-space-2) var(--_r-space-3);
    border-radius: var(--_r-radius);
    border: 1px solid var(--_r-primary);
    background: var(--_r-surface);
    color: var(--_r-primary);
  }
  button:disabled {
    cursor: not-allowed;
    opacity: 0.6;
  }
  button.primary {
    background: var(--_r-primary);
    color: var(--_r-on-primary);
    font-weight: 600;
  }
  button.link {
    border: none;
    background: none;
    padding: 0;
    min-height: 1.5rem;
    color: var(--_r-primary);
    text-decoration: underline;
    text-underline-offset: 0.15em;
    text-align: start;
  }
  a {
    color: var(--_r-primary);
  }
`;

/**
 * The text of the widgets that lay out a region of a page (the directory, the moderation): their padding, a scale
 * of headings (the one a script moves the focus to shows no ring but for the keyboard), paragraphs, muted text and
 * hints. Each widget adds its own `max-width`.
 */
export const pageStyles = css`
  :host {
    padding: var(--_r-space-3);
  }
  h1, h2, h3, h4, h5, h6 { margin: var(--_r-space-3) 0 var(--_r-space-2); line-height: 1.25; font-weight: 700; }
  h2 { font-size: 1.5rem; }
  h3 { font-size: 1.2rem; }
  h4, h5, h6 { font-size: 1.05rem; }
  [tabindex='-1']:focus { outline: none; }
  [tabindex='-1']:focus-visible { outline: var(--_r-focus-ring); }
  p { margin: 0 0 var(--_r-space-2); }
  .muted { color: var(--_r-muted); }
  .hint { color: var(--_r-muted); font-size: 0.9rem; margin: 0 0 var(--_r-space-1); }
`;

/** Base class of every Relais element: host reset, language tracking, typed event dispatch. */
export class RelaisElement extends LitElement {
  /** Version of the SDK copy that defined this element (for diagnosing duplicate copies). */
  static relaisVersion = VERSION;
  static override styles = [hostReset, tokens, controls];

  /**
   * The element's message catalogues whose English is loaded on demand (its `messages.ts`): the element speaks
   * English only once they have it, French until then (one i18n policy for every widget).
   */
  static messageCatalogues: readonly EnglishSource[] = [];

  /** Language tracking (`lang` attribute, else nearest `[lang]` ancestor), waiting for the English of `messageCatalogues`. */
  protected readonly i18n = new LangController(this, (this.constructor as typeof RelaisElement).messageCatalogues);

  /** `updateComplete` also waits for the English messages on their way, and the update that shows them. */
  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    if (this.i18n.requested === this.i18n.lang) return done;
    await this.i18n.ready;
    return super.getUpdateComplete();
  }

  override connectedCallback(): void {
    // before the context consumers ask for the provider (in super.connectedCallback): a provider defined later still answers
    attachContextRoot(this.ownerDocument);
    super.connectedCallback();
    // In development only, check the colours of the site's charter as this widget paints them.
    if (isDevelopmentPage()) {
      void this.updateComplete
        .then(() => import('./contrast.js'))
        .then((m) => m.warnLowContrast(this))
        .catch(() => undefined);
    }
  }

  /** Dispatches a typed event from the host. */
  protected emit<E extends Event>(event: E): E {
    this.dispatchEvent(event);
    return event;
  }
}

/**
 * A page in development: served from the loopback (`localhost`, `127.0.0.1`, `[::1]`, `*.localhost`) or
 * marked `<html data-relais-dev>`. Checks meant for the site's developers (the charter's contrast) run there only.
 */
export function isDevelopmentPage(): boolean {
  if (typeof location === 'undefined' || typeof document === 'undefined') return false;
  const h = location.hostname;
  return h === 'localhost' || h === '127.0.0.1' || h === '[::1]' || h.endsWith('.localhost') || document.documentElement.hasAttribute('data-relais-dev');
}
