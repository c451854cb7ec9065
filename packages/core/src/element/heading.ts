import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';

/**
 * A heading of a computed level (h1–h6), so that each widget fits the host page's outline
 * (`heading-level` attribute). `focusable` makes it a target for focus management (tabindex -1).
 */
export function heading(level: number, content: unknown, opts: { id?: string; focusable?: boolean } = {}): TemplateResult {
  const id = opts.id;
  const tab = opts.focusable ? -1 : undefined;
  switch (Math.min(6, Math.max(1, Math.round(level) || 2))) {
    case 1:
      return html`<h1 id=${ifDefined(id)} tabindex=${ifDefined(tab)}>${content}</h1>`;
    case 2:
      return html`<h2 id=${ifDefined(id)} tabindex=${ifDefined(tab)}>${content}</h2>`;
    case 3:
      return html`<h3 id=${ifDefined(id)} tabindex=${ifDefined(tab)}>${content}</h3>`;
    case 4:
      return html`<h4 id=${ifDefined(id)} tabindex=${ifDefined(tab)}>${content}</h4>`;
    case 5:
      return html`<h5 id=${ifDefined(id)} tabindex=${ifDefined(tab)}>${content}</h5>`;
    default:
      return html`<h6 id=${ifDefined(id)} tabindex=${ifDefined(tab)}>${content}</h6>`;
  }
}
