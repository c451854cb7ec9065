import { css } from 'lit';

/** Styles of <relais-contributions> after @relais/core's `pageStyles`: they read the private tokens set from the public `--relais-*` ones. */
export const contributionsStyles = css`
  :host {
    max-width: var(--relais-contributions-max-width, 72rem);
  }
  .error-text { color: var(--_r-danger); font-weight: 600; }
  .success { color: var(--_r-success); font-weight: 600; }
  .error { border-inline-start: 4px solid var(--_r-danger); padding: var(--_r-space-2) var(--_r-space-3); margin: var(--_r-space-2) 0; background: var(--_r-surface-alt); }
  .error p:first-child { color: var(--_r-danger); font-weight: 700; }
  .notice { background: var(--_r-warning-bg); color: var(--_r-text); padding: var(--_r-space-2) var(--_r-space-3); border-radius: var(--_r-radius); margin-bottom: var(--_r-space-2); }
  .account { display: flex; flex-wrap: wrap; gap: var(--_r-space-2) var(--_r-space-3); align-items: center; justify-content: space-between; padding: var(--_r-space-2) 0; border-bottom: 1px solid var(--_r-border); }
  .account p { margin: 0; }
  a.button-link {
    display: inline-flex; align-items: center; min-height: 2.75rem; padding: var(--_r-space-2) var(--_r-space-3);
    border-radius: var(--_r-radius); background: var(--_r-primary); color: var(--_r-on-primary); font-weight: 600; text-decoration: none;
  }
  .tabs { display: flex; flex-wrap: wrap; gap: var(--_r-space-1); margin-top: var(--_r-space-3); border-bottom: 2px solid var(--_r-border); }
  .tabs [role='tab'] { border-radius: var(--_r-radius) var(--_r-radius) 0 0; border-bottom: none; }
  .tabs [role='tab'][aria-selected='true'] { background: var(--_r-primary); color: var(--_r-on-primary); font-weight: 700; }
  .panel { padding-top: var(--_r-space-2); }
  .contribution { border: 1px solid var(--_r-border); border-radius: var(--_r-radius); padding: var(--_r-space-2) var(--_r-space-3); margin-bottom: var(--_r-space-3); background: var(--_r-surface); }
  .table-wrap { overflow-x: auto; max-width: 100%; }
  table { border-collapse: collapse; width: 100%; margin-bottom: var(--_r-space-2); }
  caption { text-align: start; font-weight: 600; padding-bottom: var(--_r-space-1); }
  th, td { text-align: start; vertical-align: top; padding: var(--_r-space-1) var(--_r-space-2); border-bottom: 1px solid var(--_r-border); overflow-wrap: anywhere; }
  thead th { background: var(--_r-surface-alt); }
  .num { text-align: end; }
  td.apply { width: 3rem; }
  td.apply input { width: 1.5rem; height: 1.5rem; margin: 0.6rem 0; }
  .decide { display: grid; gap: var(--_r-space-3); grid-template-columns: minmax(0, 1fr); align-items: start; }
  @media (min-width: 48rem) {
    .decide { grid-template-columns: auto minmax(0, 1fr); }
  }
  .reject { display: flex; flex-direction: column; }
  label { font-weight: 600; }
  textarea { font: inherit; color: var(--_r-text); background: var(--_r-surface); border: 1px solid var(--_r-border); border-radius: var(--_r-radius); padding: var(--_r-space-2); width: 100%; }
  textarea[aria-invalid='true'] { border: 2px solid var(--_r-danger); }
  .reject-button { align-self: flex-start; margin-top: var(--_r-space-2); }
  .pager { display: flex; gap: var(--_r-space-2); align-items: center; flex-wrap: wrap; }
`;
