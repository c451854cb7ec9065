import { LitElement, css } from 'lit';
import { LangController } from '../i18n/i18n.js';
import { VERSION } from './define.js';

/**
 * Resets what a host page's inherited styles would leak into a widget (fonts, colours, line
 * height, letter spacing…) while CSS custom properties (`--relais-*`) still flow in.
 */
export const hostReset = css`
  :host {
    all: initial;
    display: block;
    box-sizing: border-box;
    font-family: var(--relais-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif);
    font-size: var(--relais-font-size, 1rem);
    line-height: var(--relais-line-height, 1.5);
    color: var(--relais-color-text, #1e1e1e);
    text-align: start;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  :focus-visible {
    outline: var(--relais-focus-ring, 3px solid #0a5cc2);
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

/** Base class of every Relais element: host reset, language tracking, typed event dispatch. */
export class RelaisElement extends LitElement {
  /** Version of the SDK copy that defined this element (for diagnosing duplicate copies). */
  static relaisVersion = VERSION;
  static override styles = [hostReset];

  /** Language tracking (`lang` attribute, else nearest `[lang]` ancestor). */
  protected readonly i18n = new LangController(this);

  /** Dispatches a typed event from the host. */
  protected emit<E extends Event>(event: E): E {
    this.dispatchEvent(event);
    return event;
  }
}
