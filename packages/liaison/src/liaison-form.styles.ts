import { css } from 'lit';

/** Styles of <relais-liaison-form>, with a large-type "urgence" print version. */
export const liaisonStyles = css`
  :host { padding: var(--_r-space-3); max-width: var(--relais-liaison-max-width, 48rem); }
  h1, h2, h3, h4, h5, h6 { margin: var(--_r-space-2) 0; line-height: 1.25; }
  h2 { font-size: 1.4rem; }
  h3, h4 { font-size: 1.15rem; }
  [tabindex='-1']:focus { outline: none; }
  p { margin: 0 0 var(--_r-space-2); }
  .saved { color: var(--_r-muted); min-height: 1.5em; }
  .hint { color: var(--_r-muted); font-size: 0.9rem; margin: 0 0 var(--_r-space-1); }
  .req { color: var(--_r-muted); font-weight: 400; }
  .error-text { color: var(--_r-danger); font-weight: 600; margin: 0 0 var(--_r-space-1); }
  .error-summary { border: 3px solid var(--_r-danger); padding: var(--_r-space-3); margin-bottom: var(--_r-space-3); }
  .error-box { border: 3px solid var(--_r-danger); padding: var(--_r-space-2) var(--_r-space-3); }
  .error-box p:first-child { color: var(--_r-danger); font-weight: 600; }
  .error-summary a { color: var(--_r-danger); font-weight: 600; }
  .error-summary:focus { outline: var(--_r-focus-ring); }
  .warning { background: var(--_r-warning-bg); padding: var(--_r-space-2) var(--_r-space-3); border-radius: var(--_r-radius); margin-bottom: var(--_r-space-2); }
  .field { margin: 0 0 var(--_r-space-3); border: none; padding: 0; display: flex; flex-direction: column; }
  fieldset { border: none; padding: 0; margin: 0 0 var(--_r-space-3); }
  legend, label { font-weight: 600; }
  .option { display: flex; gap: var(--_r-space-2); align-items: center; margin: var(--_r-space-1) 0; }
  .option label { font-weight: 400; }
  .option input { width: 1.25rem; height: 1.25rem; flex: none; }
  input[type='text'], input[type='tel'], input[type='email'], input[type='date'], input[type='datetime-local'], textarea {
    font: inherit;
    padding: var(--_r-space-2);
    min-height: 2.75rem;
    border: 1px solid var(--_r-border);
    border-radius: var(--_r-radius);
    max-width: 100%;
  }
  [aria-invalid='true'] { border: 2px solid var(--_r-danger); }
  .item { border-inline-start: 3px solid var(--_r-border); padding-inline-start: var(--_r-space-3); margin-bottom: var(--_r-space-2); display: flex; flex-direction: column; }
  .item-title { font-weight: 600; }
  .tasks { padding-inline-start: 1.4rem; }
  .tasks li { display: flex; flex-wrap: wrap; justify-content: space-between; gap: var(--_r-space-2); padding: var(--_r-space-2) 0; border-bottom: 1px solid var(--_r-border); }
  .status { font-weight: 700; }
  .status.completed { color: var(--_r-success); }
  .status.to-review { color: var(--_r-danger); }
  .import { display: flex; flex-direction: column; gap: var(--_r-space-1); margin-top: var(--_r-space-3); }
  .actions { display: flex; flex-wrap: wrap; gap: var(--_r-space-2); margin: var(--_r-space-3) 0; }
  dl { display: grid; grid-template-columns: minmax(0, 1fr); gap: 0; }
  dt { font-weight: 600; }
  dd { margin: 0 0 var(--_r-space-2); overflow-wrap: anywhere; }
  .information { border-inline-start: 4px solid var(--_r-border); padding-inline-start: var(--_r-space-3); margin: var(--_r-space-3) 0; }
  .option-hint { flex-basis: 100%; margin-inline-start: calc(1.25rem + var(--_r-space-2)); }
  .option:has(.option-hint) { flex-wrap: wrap; }
  /* the date under the review's title is information, not a heading: normal weight, muted (still AA contrast) */
  .updated { font-weight: 400; color: var(--_r-muted); }
  /* the review's section titles stand above the field labels (1rem, 600) whatever the heading level (an h5 is 0.83em) */
  .review section > :is(h2, h3, h4, h5, h6) {
    font-size: 1.15rem;
    font-weight: 700;
    margin: var(--_r-space-4) 0 var(--_r-space-2);
    padding-bottom: var(--_r-space-1);
    border-bottom: 1px solid var(--_r-border);
  }
  /* the file field is a target like the buttons: 44 px high (WCAG 2.5.8; it was 21 px at 375 px) */
  input[type='file'] { min-height: 2.75rem; padding: var(--_r-space-2) 0; font: inherit; }
  @media print {
    :host { font-size: 14pt; }
    .no-print, .actions, .erase, .saved { display: none !important; }
    .review section { break-inside: avoid; }
    h2::after { content: ' — Confidentiel : données de santé'; font-weight: 400; font-size: 0.8em; }
    /* the door code never reaches paper, except the sheet kept at home when the site enables it */
    :host(:not([home-print-access])) .device-only { display: none !important; }
    /* « Imprimer l'information pour la personne »: only the information text */
    :host([data-print='information']) .consent > :not(.information) { display: none !important; }
    .updated { font-size: 1.3em; font-weight: 700; color: inherit; }
  }
`;
