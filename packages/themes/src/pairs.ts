/**
 * The colour pairs every theme must meet (WCAG 2.2 AA: 4.5:1 for text, 3:1 for borders, focus and map markers),
 * alone in a module of their own, so that the widgets' development contrast check reads the same list without the
 * token tables.
 */
/** Colour pairs checked in every theme: foreground, background, minimum ratio, what it is. */
export const CONTRAST_PAIRS: ReadonlyArray<readonly [`--relais-${string}`, `--relais-${string}`, number, string]> = [
  ['--relais-color-text', '--relais-color-surface', 4.5, 'texte'],
  ['--relais-color-text', '--relais-color-surface-alt', 4.5, 'texte sur tuile'],
  ['--relais-color-text', '--relais-color-warning-surface', 4.5, 'texte d’avertissement'],
  ['--relais-color-muted', '--relais-color-surface', 4.5, 'texte secondaire'],
  ['--relais-color-muted', '--relais-color-surface-alt', 4.5, 'texte secondaire sur tuile'],
  ['--relais-color-primary', '--relais-color-surface', 4.5, 'lien'],
  ['--relais-color-primary', '--relais-color-surface-alt', 4.5, 'lien sur tuile'],
  ['--relais-color-on-primary', '--relais-color-primary', 4.5, 'bouton principal'],
  ['--relais-color-danger', '--relais-color-surface', 4.5, 'message d’erreur'],
  ['--relais-color-success', '--relais-color-surface', 4.5, 'message de succès'],
  ['--relais-color-border', '--relais-color-surface', 3, 'bordure de champ'],
  ['--relais-color-accent-1', '--relais-color-surface', 3, 'repère de carte (accent 1)'],
  ['--relais-color-accent-2', '--relais-color-surface', 3, 'repère de carte (accent 2)'],
  ['--relais-focus-ring', '--relais-color-surface', 3, 'contour de focus'],
];
