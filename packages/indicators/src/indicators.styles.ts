import { css } from 'lit';

/** Styles of <relais-indicators>: tokens only; tables scroll inside their own region, never the page sideways. */
export const indicatorsStyles = css`
  :host {
    padding: var(--_r-space-3);
    --_map-height: var(--relais-indicators-map-height, 22rem);
  }
  h1, h2, h3, h4, h5, h6 { margin: var(--_r-space-3) 0 var(--_r-space-2); line-height: 1.25; }
  h2 { font-size: 1.4rem; }
  h3, h4, h5, h6 { font-size: 1.15rem; }
  p { margin: 0 0 var(--_r-space-2); }
  .muted { color: var(--_r-muted); }
  .hint { color: var(--_r-muted); font-size: 0.9rem; }
  .error-text, .error { color: var(--_r-danger); font-weight: 600; }
  .status:empty { display: none; }
  .period fieldset { border: 1px solid var(--_r-border); border-radius: var(--_r-radius); padding: var(--_r-space-2) var(--_r-space-3); margin: 0 0 var(--_r-space-3); min-width: 0; }
  .period legend { font-weight: 700; padding: 0 var(--_r-space-1); }
  .dates { display: flex; flex-wrap: wrap; gap: var(--_r-space-3); align-items: flex-end; }
  .field { display: flex; flex-direction: column; gap: var(--_r-space-1); min-width: 0; }
  .field label, .map-tools label { font-weight: 600; }
  input, select { font: inherit; color: var(--_r-text); background: var(--_r-surface); padding: var(--_r-space-2); border: 1px solid var(--_r-border); border-radius: var(--_r-radius); min-height: 2.75rem; max-width: 100%; }
  input[aria-invalid='true'] { border: 2px solid var(--_r-danger); }
  .section { border-top: 1px solid var(--_r-border); margin-top: var(--_r-space-3); padding-top: var(--_r-space-1); min-width: 0; }
  .key-figure { font-weight: 600; }
  .table-wrap { max-width: 100%; overflow-x: auto; margin: var(--_r-space-2) 0; }
  table { border-collapse: collapse; width: 100%; font-size: 0.95rem; }
  th, td { border-bottom: 1px solid var(--_r-border); padding: var(--_r-space-1) var(--_r-space-2); text-align: start; vertical-align: top; }
  thead th { background: var(--_r-surface-alt); }
  tbody th { font-weight: 600; }
  .num { text-align: end; font-variant-numeric: tabular-nums; white-space: nowrap; }
  .masked { color: var(--_r-muted); font-style: italic; }
  .figure { margin: var(--_r-space-2) 0; max-width: 100%; overflow: hidden; }
  .chart { max-width: 100%; min-height: 2rem; }
  .map-tools { display: flex; flex-wrap: wrap; gap: var(--_r-space-2); align-items: center; margin-bottom: var(--_r-space-2); }
  .map { height: var(--_map-height); border: 1px solid var(--_r-border); border-radius: var(--_r-radius); margin-bottom: var(--_r-space-2); }
  .map.no-tiles { background: var(--_r-surface-alt); }
  .map path[role='img']:focus-visible { outline: none; stroke: var(--_r-text); stroke-width: 4; }
  .csv { margin: var(--_r-space-1) 0 var(--_r-space-2); }
  /* uPlot's layout (its own stylesheet, reduced to what a chart without legend or cursor needs) */
  .uplot, .uplot * { box-sizing: border-box; }
  .uplot { font-family: var(--_r-font-family); line-height: 1.5; width: min-content; max-width: 100%; }
  .u-wrap { position: relative; user-select: none; }
  .u-over, .u-under { position: absolute; }
  .u-under { overflow: hidden; }
  .uplot canvas { display: block; position: relative; width: 100%; height: 100%; }
  .u-axis { position: absolute; }
  @media print {
    .csv, .period button, .map-tools { display: none; }
    .section { break-inside: avoid; }
  }
  @media (forced-colors: active) {
    .masked { color: CanvasText; }
  }
`;
