import { css } from 'lit';

/** Styles of <relais-directory> after @relais/core's `pageStyles`: they read the private tokens set from the public `--relais-*` ones. */
export const directoryStyles = css`
  :host {
    max-width: var(--relais-directory-max-width, 60rem);
  }
  a { text-underline-offset: 0.15em; }
  .small { font-size: 0.875rem; }
  .error-text { color: var(--_r-danger); font-weight: 600; margin: 0 0 var(--_r-space-1); }
  .search {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_r-space-3);
    align-items: start;
  }
  @media (min-width: 48rem) {
    .search { grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); }
    .search .submit { grid-column: 1 / -1; }
  }
  .field .hint { min-height: 1.5em; }
  .around { margin-top: var(--_r-space-2); align-self: flex-start; }
  .field { display: flex; flex-direction: column; min-width: 0; }
  label { font-weight: 600; }
  input[type='search'], input[type='text'], select {
    font: inherit;
    color: var(--_r-text);
    background: var(--_r-surface);
    border: 1px solid var(--_r-border);
    border-radius: var(--_r-radius);
    padding: var(--_r-space-2);
    min-height: 2.75rem;
    width: 100%;
  }
  input[aria-invalid='true'] { border: 2px solid var(--_r-danger); }
  button.secondary { margin-top: var(--_r-space-2); }
  button.title-link { font-weight: 700; font-size: inherit; }
  .place .combo { position: relative; }
  .suggestions {
    position: absolute;
    z-index: 2;
    inset-inline: 0;
    margin: 0;
    padding: 0;
    list-style: none;
    background: var(--_r-surface);
    border: 1px solid var(--_r-border);
    border-radius: var(--_r-radius);
    box-shadow: var(--_r-shadow);
  }
  .suggestions[hidden] { display: none; }
  .suggestions li { padding: var(--_r-space-2); cursor: pointer; }
  .suggestions li[aria-selected='true'] { background: var(--_r-primary); color: var(--_r-on-primary); }
  .suggestions li[aria-selected='true'] .muted { color: inherit; }
  .tiles {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_r-space-2);
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 13rem), 1fr));
  }
  .tile {
    width: 100%;
    height: 100%;
    text-align: start;
    background: var(--_r-surface-alt);
    border: 2px solid transparent;
    color: var(--_r-text);
    font-weight: 600;
  }
  .tile[aria-pressed='true'] { border-color: var(--_r-primary); background: var(--_r-surface); color: var(--_r-primary); }
  .tile[aria-pressed='true']::before { content: '✓ '; }
  :host([falc]) .tile { font-size: 1.1rem; }
  .filters { margin: var(--_r-space-3) 0 var(--_r-space-2); border: 1px solid var(--_r-border); border-radius: var(--_r-radius); padding: var(--_r-space-2) var(--_r-space-3); }
  .filters summary { cursor: pointer; font-weight: 700; min-height: 2rem; }
  .filter-grid { display: grid; gap: var(--_r-space-3); grid-template-columns: repeat(auto-fit, minmax(min(100%, 14rem), 1fr)); margin-top: var(--_r-space-2); }
  fieldset { border: none; margin: 0; padding: 0; min-width: 0; }
  legend { font-weight: 700; margin-bottom: var(--_r-space-1); padding: 0; }
  .scroll { max-height: 14rem; overflow: auto; }
  .check { display: flex; gap: var(--_r-space-2); align-items: flex-start; padding: 0.15rem 0; }
  .check input { width: 1.25rem; height: 1.25rem; margin-top: 0.15rem; flex: none; }
  .check label { font-weight: 400; }
  .selects { display: flex; flex-direction: column; gap: var(--_r-space-1); }
  .chips-row { display: flex; flex-wrap: wrap; gap: var(--_r-space-2); align-items: center; }
  .chips { list-style: none; display: flex; flex-wrap: wrap; gap: var(--_r-space-2); margin: 0; padding: 0; }
  .chip { border-radius: 999px; min-height: 2.25rem; padding: 0.2rem 0.8rem; background: var(--_r-surface-alt); color: var(--_r-text); border-color: var(--_r-border); }
  .status { font-weight: 700; min-height: 1.5rem; }
  .spinner {
    display: inline-block;
    width: 1em;
    height: 1em;
    margin-inline-end: 0.5em;
    border: 2px solid var(--_r-border);
    border-top-color: var(--_r-primary);
    border-radius: 50%;
    vertical-align: -0.15em;
    animation: spin 0.8s linear infinite;
  }
  @keyframes spin { to { transform: rotate(360deg); } }
  @media (prefers-reduced-motion: reduce) { .spinner { animation: none; } }
  .notice, .reason { background: var(--_r-warning-bg); color: var(--_r-text); padding: var(--_r-space-2); border-radius: var(--_r-radius); }
  .reason { font-weight: 600; }
  .error { border-inline-start: 4px solid var(--_r-danger); padding: var(--_r-space-2) var(--_r-space-3); margin: var(--_r-space-2) 0; background: var(--_r-surface-alt); }
  .error p:first-child { color: var(--_r-danger); font-weight: 700; }
  .list { list-style: none; margin: 0; padding: 0; display: grid; gap: var(--_r-space-3); }
  .item { border: 1px solid var(--_r-border); border-radius: var(--_r-radius); padding: var(--_r-space-3); background: var(--_r-surface); overflow-wrap: anywhere; }
  .item h3, .item h4, .item h5, .item h6 { margin-top: 0; }
  .list.pro { gap: var(--_r-space-2); }
  .list.pro .item { padding: var(--_r-space-2); }
  .list.pro .item p { margin-bottom: 0.15rem; }
  .meta { display: flex; flex-wrap: wrap; gap: var(--_r-space-1) var(--_r-space-3); color: var(--_r-muted); }
  .kind { font-weight: 600; color: var(--_r-text); }
  .contact { display: flex; flex-wrap: wrap; gap: var(--_r-space-3); }
  /* « Appeler le … », the e-mail and the website: targets of 24 px at least (WCAG 2.5.8), on a phone too */
  /* a heading the page scrolls to (results after a hand-off, a service's detail) is not glued to the screen's edge */
  #results-title, #detail-title { scroll-margin-top: var(--_r-space-3); }
  .contact a, .detail li > a { display: inline-flex; align-items: center; min-height: 1.5rem; }
  .pagination { display: flex; flex-wrap: wrap; gap: var(--_r-space-2); align-items: center; justify-content: space-between; margin-top: var(--_r-space-3); }
  .empty { padding: var(--_r-space-3); background: var(--_r-surface-alt); border-radius: var(--_r-radius); }
  .widen { margin: 0; padding-inline-start: 1.2rem; }
  .detail { overflow-wrap: anywhere; }
  .detail-actions { display: flex; flex-wrap: wrap; gap: var(--_r-space-2); }
  .detail-grid { display: grid; gap: var(--_r-space-3); grid-template-columns: repeat(auto-fit, minmax(min(100%, 16rem), 1fr)); }
  .plain { list-style: none; padding: 0; margin: 0 0 var(--_r-space-2); }
  dl { display: grid; grid-template-columns: auto 1fr; gap: var(--_r-space-1) var(--_r-space-3); }
  dt { font-weight: 600; }
  dd { margin: 0; }
  @media print {
    :host { padding: 0; }
    .search, .needs, .filters, .chips-row, .pagination, .no-print, .detail-actions { display: none !important; }
    .item { break-inside: avoid; }
    a { color: inherit; }
  }
  @media (forced-colors: active) {
    .tile[aria-pressed='true'] { outline: 2px solid CanvasText; }
    .suggestions li[aria-selected='true'] { outline: 2px solid Highlight; }
  }
`;
