/**
 * The Relais design tokens, as data: one table of every `--relais-*` custom property the widgets
 * read (with its default), the themes as values of those tokens, and the colour pairs whose
 * contrast every theme must meet (WCAG 2.2 AA: 4.5:1 for text, 3:1 for borders, focus and icons).
 *
 * Widgets never read a raw colour: their styles read `--relais-*` with the default as fallback
 * (packages/core/src/element/base.ts), so a theme is nothing but values of these properties, set on
 * any ancestor of the widgets (custom properties cross shadow roots; the host page's other styles do not).
 */

/** Families of tokens, in the order of the documentation table. */
export type TokenGroup = 'couleur' | 'espacement' | 'forme' | 'typographie' | 'focus' | 'élévation' | 'composant';

/** One documented token. */
export interface Token {
  /** The custom property, `--relais-…`. */
  readonly name: `--relais-${string}`;
  readonly group: TokenGroup;
  /** What it paints, in French (the documentation table). */
  readonly description: string;
  /** The default value (what the widgets use when no theme sets it). */
  readonly default: string;
  /** The widget that reads it, for component tokens. */
  readonly widget?: string;
}

export const TOKENS: readonly Token[] = [
  { name: '--relais-color-primary', group: 'couleur', description: 'Liens, boutons, tuile choisie, étape en cours, regroupements de la carte', default: '#0a5cc2' },
  { name: '--relais-color-on-primary', group: 'couleur', description: 'Texte sur les boutons principaux', default: '#ffffff' },
  { name: '--relais-color-text', group: 'couleur', description: 'Texte', default: '#1e1e1e' },
  { name: '--relais-color-muted', group: 'couleur', description: 'Texte secondaire (aides, dates de mise à jour)', default: '#555a64' },
  { name: '--relais-color-surface', group: 'couleur', description: 'Fond des widgets', default: '#ffffff' },
  { name: '--relais-color-surface-alt', group: 'couleur', description: 'Fond des tuiles, panneaux et cartes', default: '#f3f5f8' },
  { name: '--relais-color-border', group: 'couleur', description: 'Bordures des champs et des cartes (contraste 3:1 au moins)', default: '#8a8f98' },
  { name: '--relais-color-danger', group: 'couleur', description: 'Erreurs, critères non remplis, étapes en retard', default: '#b3261e' },
  { name: '--relais-color-success', group: 'couleur', description: 'Critères remplis, étapes faites, brouillon enregistré', default: '#1b6e3a' },
  { name: '--relais-color-warning-surface', group: 'couleur', description: 'Fond des avertissements (données de démonstration, valeurs à vérifier)', default: '#fff4d6' },
  { name: '--relais-color-accent-1', group: 'couleur', description: 'Troisième couleur de légende (établissements)', default: '#7a1f5c' },
  { name: '--relais-color-accent-2', group: 'couleur', description: 'Quatrième couleur de légende (accompagnement)', default: '#8a4b00' },
  { name: '--relais-space-1', group: 'espacement', description: 'Très petit espace', default: '0.25rem' },
  { name: '--relais-space-2', group: 'espacement', description: 'Petit espace', default: '0.5rem' },
  { name: '--relais-space-3', group: 'espacement', description: 'Espace courant', default: '1rem' },
  { name: '--relais-space-4', group: 'espacement', description: 'Grand espace', default: '1.5rem' },
  { name: '--relais-radius', group: 'forme', description: 'Arrondi des angles', default: '0.375rem' },
  { name: '--relais-font-family', group: 'typographie', description: 'Police (celle du site hôte si elle y est chargée ; Relais n’en embarque aucune)', default: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif" },
  { name: '--relais-font-size', group: 'typographie', description: 'Taille du texte courant', default: '1rem' },
  { name: '--relais-line-height', group: 'typographie', description: 'Interlignage', default: '1.5' },
  { name: '--relais-focus-ring', group: 'focus', description: 'Contour de l’élément qui a le focus clavier (épaisseur, style, couleur)', default: '3px solid #0a5cc2' },
  { name: '--relais-elevation-1', group: 'élévation', description: 'Ombre des panneaux flottants (fenêtres de la carte)', default: '0 1px 3px rgb(0 0 0 / 0.15)' },
  { name: '--relais-directory-max-width', group: 'composant', widget: 'relais-directory', description: 'Largeur maximale de l’annuaire', default: '60rem' },
  { name: '--relais-map-height', group: 'composant', widget: 'relais-map', description: 'Hauteur de la carte', default: '28rem' },
  { name: '--relais-map-color-accueil', group: 'composant', widget: 'relais-map', description: 'Repères « lieu d’accueil » (sinon la couleur principale)', default: 'var(--relais-color-primary)' },
  { name: '--relais-map-color-domicile', group: 'composant', widget: 'relais-map', description: 'Repères « à domicile » (sinon la couleur de succès)', default: 'var(--relais-color-success)' },
  { name: '--relais-map-color-etablissement', group: 'composant', widget: 'relais-map', description: 'Repères « établissement » (sinon l’accent 1)', default: 'var(--relais-color-accent-1)' },
  { name: '--relais-map-color-accompagnement', group: 'composant', widget: 'relais-map', description: 'Repères « accompagnement » (sinon l’accent 2)', default: 'var(--relais-color-accent-2)' },
  { name: '--relais-map-color-lien', group: 'composant', widget: 'relais-map', description: 'Repères « lien social » (sinon la couleur du texte)', default: 'var(--relais-color-text)' },
  { name: '--relais-eligibility-max-width', group: 'composant', widget: 'relais-eligibility', description: 'Largeur maximale du questionnaire', default: '48rem' },
  { name: '--relais-liaison-max-width', group: 'composant', widget: 'relais-liaison-form', description: 'Largeur maximale de la fiche de liaison', default: '48rem' },
  { name: '--relais-pathway-marker-size', group: 'composant', widget: 'relais-pathway', description: 'Taille des pastilles d’étape', default: '1.5rem' },
  { name: '--relais-contributions-max-width', group: 'composant', widget: 'relais-contributions', description: 'Largeur maximale de l’espace de modération', default: '72rem' },
  { name: '--relais-indicators-map-height', group: 'composant', widget: 'relais-indicators', description: 'Hauteur de la carte des besoins non couverts', default: '22rem' },
];

/** The themes shipped in `@relais/themes`. */
export type ThemeName = 'default' | 'high-contrast' | 'dark' | 'dsfr';
export type ThemeValues = Partial<Record<Token['name'], string>>;

/** Values of each theme; a theme sets colours, focus and elevation, and keeps the other defaults. */
export const THEMES: Readonly<Record<ThemeName, { readonly title: string; readonly description: string; readonly values: ThemeValues }>> = {
  default: {
    title: 'Par défaut',
    description: 'Clair, bleu, contrastes AA. C’est ce que montrent les widgets sans thème.',
    values: Object.fromEntries(TOKENS.filter((t) => t.group !== 'composant').map((t) => [t.name, t.default])),
  },
  'high-contrast': {
    title: 'Contraste élevé',
    description: 'Noir sur blanc, bordures noires, focus épais : pour les personnes malvoyantes (contrastes AAA pour le texte).',
    values: {
      '--relais-color-primary': '#00008f',
      '--relais-color-on-primary': '#ffffff',
      '--relais-color-text': '#000000',
      '--relais-color-muted': '#2b2b2b',
      '--relais-color-surface': '#ffffff',
      '--relais-color-surface-alt': '#f2f2f2',
      '--relais-color-border': '#000000',
      '--relais-color-danger': '#8c0000',
      '--relais-color-success': '#00501e',
      '--relais-color-warning-surface': '#fff0a8',
      '--relais-color-accent-1': '#5c0045',
      '--relais-color-accent-2': '#5c3000',
      '--relais-focus-ring': '4px solid #000000',
      '--relais-elevation-1': '0 0 0 2px #000000',
    },
  },
  dark: {
    title: 'Sombre',
    description: 'Texte clair sur fond sombre, pour les sites en mode sombre.',
    values: {
      '--relais-color-primary': '#8cb8ff',
      '--relais-color-on-primary': '#0b1a33',
      '--relais-color-text': '#eef1f5',
      '--relais-color-muted': '#b9c0ca',
      '--relais-color-surface': '#14171c',
      '--relais-color-surface-alt': '#1f242b',
      '--relais-color-border': '#7f8894',
      '--relais-color-danger': '#ff9a92',
      '--relais-color-success': '#7fdca0',
      '--relais-color-warning-surface': '#3a3000',
      '--relais-color-accent-1': '#f09ad6',
      '--relais-color-accent-2': '#ffb868',
      '--relais-focus-ring': '3px solid #8cb8ff',
      '--relais-elevation-1': '0 1px 4px rgb(0 0 0 / 0.7)',
    },
  },
  dsfr: {
    title: 'Pont DSFR',
    description:
      'Pour les sites de l’État qui chargent déjà le DSFR : les jetons Relais prennent les valeurs des variables DSFR de la page (et suivent son mode sombre). Relais n’embarque ni le CSS, ni les polices, ni la Marianne ; sans DSFR sur la page, les valeurs de repli sont celles du DSFR clair.',
    // DSFR "decision" variables; names and fallbacks from the DSFR 1.x palette — à vérifier against the host's DSFR version.
    values: {
      '--relais-color-primary': 'var(--text-action-high-blue-france, #000091)',
      '--relais-color-on-primary': 'var(--text-inverted-blue-france, #f5f5fe)',
      '--relais-color-text': 'var(--text-default-grey, #3a3a3a)',
      '--relais-color-muted': 'var(--text-mention-grey, #666666)',
      '--relais-color-surface': 'var(--background-default-grey, #ffffff)',
      '--relais-color-surface-alt': 'var(--background-alt-grey, #f6f6f6)',
      '--relais-color-border': 'var(--border-plain-grey, #3a3a3a)',
      '--relais-color-danger': 'var(--text-default-error, #ce0500)',
      '--relais-color-success': 'var(--text-default-success, #18753c)',
      '--relais-color-warning-surface': 'var(--background-contrast-warning, #ffe9e6)',
      '--relais-color-accent-1': 'var(--text-label-purple-glycine, #6e445a)',
      '--relais-color-accent-2': 'var(--text-label-brown-cafe-creme, #685c48)',
      '--relais-font-family': 'Marianne, arial, sans-serif',
      '--relais-radius': '0.25rem',
      '--relais-focus-ring': '2px solid var(--focus, #0a76f6)',
    },
  },
};

export { CONTRAST_PAIRS } from './pairs.js';

/** A theme's value of a token: its own, else the default. */
export function tokenValue(theme: ThemeName, name: Token['name']): string {
  return THEMES[theme].values[name] ?? TOKENS.find((t) => t.name === name)?.default ?? '';
}

/** The declarations of a theme, one per line. */
export function declarations(theme: ThemeName): string {
  return Object.entries(THEMES[theme].values)
    .map(([k, v]) => `  ${k}: ${v};`)
    .join('\n');
}

/** The token table of the README, in Markdown (one row per token: name, default, what it paints, widget). */
export function tokensTable(): string {
  const cell = (v: string) => v.replace(/\|/g, '\\|');
  const rows = TOKENS.map((t) => `| \`${t.name}\` | ${t.group} | \`${cell(t.default)}\` | ${cell(t.description)}${t.widget ? ` (\`<${t.widget}>\`)` : ''} |`);
  return ['| jeton | famille | défaut | ce qu’il peint |', '| --- | --- | --- | --- |', ...rows, ''].join('\n');
}

/** A plain colour value (`#rgb`, `#rrggbb`). */
const isHex = (v: string): boolean => /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i.test(v);

/** Splits a value on the white space outside parentheses: `0 1px 3px rgb(0 0 0 / 0.15)` → 4 parts. */
function parts(value: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of value) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (/\s/.test(ch) && depth === 0) {
      if (cur) out.push(cur);
      cur = '';
    } else cur += ch;
  }
  if (cur) out.push(cur);
  return out;
}

/**
 * The `auto` value of a token: the light (default) value, and the dark one where the scheme asks for it.
 * A colour token becomes `light-dark(light, dark)`; in a composite value (focus ring, shadow) a colour
 * that is a colour token's value in both themes becomes a reference to that token (so that it follows it),
 * another colour becomes `light-dark()`, and the other parts keep the light value.
 */
function autoValue(name: Token['name'], light: string, dark: string | undefined): string {
  if (dark === undefined || dark === light) return light;
  if (isHex(light) && isHex(dark)) return `light-dark(${light}, ${dark})`;
  const l = parts(light);
  const d = parts(dark);
  return l
    .map((p, i) => {
      const q = d[i];
      if (q === undefined || q === p) return p;
      const token = COLOUR_TOKENS.find((t) => t !== name && tokenValue('default', t) === p && tokenValue('dark', t) === q);
      if (token) return `var(${token})`;
      return /^(#|rgb|hsl)/.test(p) && /^(#|rgb|hsl)/.test(q) ? `light-dark(${p}, ${q})` : p;
    })
    .join(' ');
}

/** The colour tokens (registered as `<color>` by the `auto` theme). */
const COLOUR_TOKENS: ReadonlyArray<Token['name']> = TOKENS.filter((t) => t.group === 'couleur').map((t) => t.name);

/**
 * A theme as a CSS text: on `:root` and on the class `relais-theme-<name>` (so that one part of a page,
 * or one Storybook story, can carry another theme).
 *
 * `auto` follows the colour scheme that the host page declares — `<meta name="color-scheme" content="light
 * dark">` or `color-scheme: light dark` on its root — and is light on a page that declares none, whatever
 * the visitor's system says: a light site never gets dark widgets. Its colours are `light-dark()` values of
 * colour tokens registered with `@property` (syntax `<color>`), so that they are resolved on the page's
 * root, where its `color-scheme` applies, and reach the widgets as plain colours. Browsers without
 * `light-dark()` (before 2024) keep the default theme.
 */
export function themeCss(theme: ThemeName | 'auto'): string {
  const head = `/* @relais/themes — ${theme}. Generated from packages/themes/src/tokens.ts; do not edit. */\n`;
  if (theme === 'auto') {
    const registered = COLOUR_TOKENS.map(
      (n) => `@property ${n} {\n  syntax: '<color>';\n  inherits: true;\n  initial-value: ${tokenValue('default', n)};\n}\n`,
    ).join('');
    const auto = (Object.keys(THEMES.dark.values) as Array<Token['name']>)
      .map((n) => [n, autoValue(n, tokenValue('default', n), THEMES.dark.values[n])] as const)
      .filter(([n, v]) => v !== tokenValue('default', n))
      .map(([n, v]) => `    ${n}: ${v};`)
      .join('\n');
    return `${head}:root,\n.relais-theme-auto {\n${declarations('default')}\n}\n@supports (color: light-dark(#000, #fff)) {\n${registered.replace(/^(?=.)/gm, '  ')}  :root,\n  .relais-theme-auto {\n${auto}\n  }\n}\n`;
  }
  return `${head}:root,\n.relais-theme-${theme} {\n${declarations(theme)}\n}\n`;
}
