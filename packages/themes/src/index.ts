/**
 * @relais/themes: the design tokens (`TOKENS`, one table), the themes as data (`THEMES`), the colour
 * pairs every theme meets (`CONTRAST_PAIRS`), and the themes as Lit css twins (`themeStyles`) for a
 * Lit application that adopts a theme into its own shadow root. The same themes as CSS files:
 * `@relais/themes/default.css`, `high-contrast.css`, `dark.css`, `auto.css` (follows
 * prefers-color-scheme), `dsfr.css`; on a CDN, `themes/<name>.css` next to `relais.js`.
 */
import { unsafeCSS, type CSSResult } from 'lit';
import { themeCss, type ThemeName } from './tokens.js';

export * from './tokens.js';

/** The theme names with a CSS file, `auto` included. */
export const THEME_FILES: ReadonlyArray<ThemeName | 'auto'> = ['default', 'high-contrast', 'dark', 'auto', 'dsfr'];

/** The themes as Lit styles on `:host`: add one to your component's `static styles` and the Relais widgets inside it follow. */
export const themeStyles = Object.fromEntries(
  THEME_FILES.map((t) => [t, unsafeCSS(themeCss(t).replace(/:root,\n(\s*)\.relais-theme-[\w-]+/g, '$1:host'))]),
) as Record<ThemeName | 'auto', CSSResult>;
