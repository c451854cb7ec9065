import { css } from 'lit';

/** Styles of <relais-pathway>: status is always written as text; colours and markers only repeat it. */
export const pathwayStyles = css`
  :host {
    padding: var(--_r-space-3);
    --_marker: var(--relais-pathway-marker-size, 1.5rem);
  }
  h1, h2, h3, h4, h5, h6 { margin: var(--_r-space-2) 0; line-height: 1.25; }
  h2 { font-size: 1.4rem; }
  h3, h4, h5, h6 { font-size: 1.05rem; }
  p { margin: 0 0 var(--_r-space-1); }
  .muted { color: var(--_r-muted); }
  .hint { color: var(--_r-muted); font-size: 0.9rem; }
  .error-text, .error { color: var(--_r-danger); font-weight: 600; }
  .next { border-inline-start: 4px solid var(--_r-primary); background: var(--_r-surface-alt); padding: var(--_r-space-2) var(--_r-space-3); margin: var(--_r-space-3) 0; }
  .actions { margin: var(--_r-space-1) 0 0; padding-inline-start: 1.25rem; }
  .actions li { margin-bottom: var(--_r-space-1); }
  .tag { font-weight: 700; }
  .due-person { font-weight: 600; }
  .to-verify { font-style: italic; }
  .ruptures { background: var(--_r-warning-bg); padding: var(--_r-space-2) var(--_r-space-3); border-radius: var(--_r-radius); }
  .timeline { list-style: none; margin: var(--_r-space-3) 0; padding: 0; }
  .step { display: grid; grid-template-columns: var(--_marker) 1fr; gap: var(--_r-space-3); position: relative; padding-bottom: var(--_r-space-3); }
  .step:not(:last-child)::before {
    content: '';
    position: absolute;
    inset-inline-start: calc(var(--_marker) / 2 - 1px);
    top: var(--_marker);
    bottom: 0;
    border-inline-start: 2px solid var(--_r-border);
  }
  .marker {
    width: var(--_marker);
    height: var(--_marker);
    border-radius: 50%;
    display: inline-grid;
    place-items: center;
    font-size: 0.85rem;
    font-weight: 700;
    border: 2px solid var(--_r-border);
    background: var(--_r-surface);
    color: var(--_r-text);
  }
  .done .marker { background: var(--_r-success); border-color: var(--_r-success); color: var(--_r-on-primary); }
  .current .marker { background: var(--_r-primary); border-color: var(--_r-primary); color: var(--_r-on-primary); }
  .overdue .marker { background: var(--_r-danger); border-color: var(--_r-danger); color: var(--_r-on-primary); }
  .skipped { color: var(--_r-muted); }
  .status { font-weight: 700; }
  .overdue .status { color: var(--_r-danger); }
  .done .status { color: var(--_r-success); }
  .current .body { border: 2px solid var(--_r-primary); border-radius: var(--_r-radius); padding: var(--_r-space-2) var(--_r-space-3); margin-top: calc(-1 * var(--_r-space-2)); }
  .action { font-weight: 600; }
  details summary { cursor: pointer; color: var(--_r-primary); min-height: 1.75rem; }
  .simulate { display: flex; flex-direction: column; gap: var(--_r-space-1); max-width: 24rem; margin: var(--_r-space-2) 0; }
  .simulate input { font: inherit; padding: var(--_r-space-2); border: 1px solid var(--_r-border); border-radius: var(--_r-radius); min-height: 2.75rem; }
  .simulate input[aria-invalid='true'] { border: 2px solid var(--_r-danger); }
  .simulate label { font-weight: 600; }
  @media (min-width: 40rem) {
    .timeline.horizontal { display: grid; grid-template-columns: repeat(auto-fill, minmax(9rem, 1fr)); gap: var(--_r-space-2); }
    .timeline.horizontal .step { grid-template-columns: 1fr; gap: var(--_r-space-1); }
    .timeline.horizontal .step::before { display: none; }
    .timeline.horizontal .body { font-size: 0.9rem; }
    .timeline.horizontal .current .body { margin-top: 0; }
    .timeline.horizontal details { display: none; }
  }
  @media print {
    .print, .simulate, details summary { display: none; }
    details { display: block; }
    .step { break-inside: avoid; }
  }
  @media (forced-colors: active) {
    .marker { border-color: CanvasText; }
  }
`;
