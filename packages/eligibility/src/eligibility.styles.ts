import { css } from 'lit';

/** Styles of <relais-eligibility>: statuses are words; colours only repeat them. */
export const eligibilityStyles = css`
  :host { padding: var(--_r-space-3); max-width: var(--relais-eligibility-max-width, 48rem); }
  h1, h2, h3, h4, h5, h6 { margin: var(--_r-space-2) 0; line-height: 1.25; }
  h2 { font-size: 1.4rem; }
  h3, h4, h5, h6 { font-size: 1.1rem; }
  [tabindex='-1']:focus { outline: none; }
  p { margin: 0 0 var(--_r-space-2); }
  .privacy, .muted, .progress, .hint { color: var(--_r-muted); }
  .small { font-size: 0.875rem; }
  .error, .error-text { color: var(--_r-danger); font-weight: 600; }
  fieldset { border: none; padding: 0; margin: 0; }
  legend { padding: 0; }
  legend h1, legend h2, legend h3, legend h4, legend h5, legend h6 { margin-top: 0; }
  .radios { display: grid; gap: var(--_r-space-2); margin: var(--_r-space-2) 0; }
  .radio { display: flex; gap: var(--_r-space-2); align-items: center; border: 1px solid var(--_r-border); border-radius: var(--_r-radius); padding: var(--_r-space-2) var(--_r-space-3); }
  .radio input { width: 1.25rem; height: 1.25rem; flex: none; }
  .radio:has(input:checked) { border: 2px solid var(--_r-primary); }
  input[type='text'] { font: inherit; padding: var(--_r-space-2); min-height: 2.75rem; border: 1px solid var(--_r-border); border-radius: var(--_r-radius); max-width: 20rem; width: 100%; }
  input[aria-invalid='true'] { border: 2px solid var(--_r-danger); }
  .field { margin: var(--_r-space-2) 0; }
  .actions { display: flex; flex-wrap: wrap; gap: var(--_r-space-2); margin: var(--_r-space-3) 0; }
  .benefit { border: 1px solid var(--_r-border); border-inline-start: 6px solid var(--_r-border); border-radius: var(--_r-radius); padding: var(--_r-space-3); margin-bottom: var(--_r-space-3); overflow-wrap: anywhere; }
  .benefit.eligible, .benefit.probable { border-inline-start-color: var(--_r-success); }
  .benefit.unknown { border-inline-start-color: var(--_r-accent-2); }
  .sub { font-weight: 700; margin-top: var(--_r-space-2); }
  .criteria { padding-inline-start: 1.2rem; }
  .criteria .tag { font-weight: 700; }
  .criteria .met .tag { color: var(--_r-success); }
  .criteria .not_met .tag { color: var(--_r-danger); }
  .value-note { color: var(--_r-muted); font-size: 0.875rem; }
  .value-note.warn, .value-warnings { color: var(--_r-text); font-weight: 600; }
  .value-warnings { padding-inline-start: 1.2rem; font-size: 0.875rem; }
  details summary { cursor: pointer; color: var(--_r-primary); min-height: 1.75rem; }
  dl { display: grid; grid-template-columns: minmax(0, 1fr); gap: var(--_r-space-1); }
  dt { font-weight: 600; }
  dd { margin: 0 0 var(--_r-space-2); }
  @media print {
    .no-print, .actions, details summary { display: none; }
    details { display: block; }
    .benefit { break-inside: avoid; }
  }
`;
