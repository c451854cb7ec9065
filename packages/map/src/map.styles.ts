import { css } from 'lit';

/** Styles of <relais-map> (Leaflet's own stylesheet is adopted before these). */
export const mapStyles = css`
  :host { padding: var(--_r-space-3); }
  h1, h2, h3, h4, h5, h6 { margin: var(--_r-space-2) 0; line-height: 1.25; font-size: 1.2rem; }
  .toolbar { display: flex; flex-wrap: wrap; gap: var(--_r-space-2); margin-bottom: var(--_r-space-2); }
  button.link { min-height: 1.75rem; padding: 0 var(--_r-space-1); }
  .status { margin: 0 0 var(--_r-space-2); }
  .muted { color: var(--_r-muted); }
  .error { color: var(--_r-danger); font-weight: 600; }
  .list { border: 1px solid var(--_r-border); border-radius: var(--_r-radius); padding: var(--_r-space-2) var(--_r-space-3); margin-bottom: var(--_r-space-2); max-height: 24rem; overflow: auto; }
  .list[hidden] { display: none; }
  .list ul { margin: 0; padding-inline-start: 1.2rem; }
  .list li { margin-bottom: var(--_r-space-2); }
  .list .name { font-weight: 600; }
  .list .where, .list .actions { display: block; }
  .map { height: var(--relais-map-height, 28rem); width: 100%; border-radius: var(--_r-radius); border: 1px solid var(--_r-border); }
  .map.leaflet-container, .map.no-tiles { background: var(--_r-surface-alt); }
  .leaflet-container { font: inherit; }
  .leaflet-container a { color: var(--_r-primary); }
  /* Leaflet's controls and popups are white whatever the theme: give them the theme's surface and text */
  .leaflet-container .leaflet-control-attribution,
  .leaflet-popup-content-wrapper,
  .leaflet-popup-tip,
  .leaflet-bar a { background: var(--_r-surface); color: var(--_r-text); }
  .leaflet-bar a { border-bottom-color: var(--_r-border); }
  .relais-cluster, .relais-pin { background: none; border: none; }
  .cluster {
    display: grid;
    place-items: center;
    width: 100%;
    height: 100%;
    border-radius: 50%;
    background: var(--_r-primary);
    color: var(--_r-on-primary);
    font-weight: 700;
    border: 3px solid var(--_r-surface);
    box-shadow: var(--_r-shadow);
  }
  .cluster.large { font-size: 0.75rem; }
  .cluster.small { display: inline-grid; width: 1.5rem; height: 1.5rem; font-size: 0.75rem; border-width: 2px; }
  .pin {
    display: inline-grid;
    place-items: center;
    width: 26px;
    height: 26px;
    font-weight: 700;
    font-size: 13px;
    color: var(--_r-on-primary);
    border: 2px solid var(--_r-surface);
    box-shadow: var(--_r-shadow);
    background: var(--_r-primary);
  }
  .pin.accueil { border-radius: 50%; background: var(--relais-map-color-accueil, var(--_r-primary)); }
  .pin.domicile { border-radius: 4px; background: var(--relais-map-color-domicile, var(--_r-success)); }
  .pin.etablissement { border-radius: 50% 50% 50% 0; background: var(--relais-map-color-etablissement, var(--_r-accent-1)); }
  .pin.accompagnement { transform: rotate(45deg); border-radius: 3px; background: var(--relais-map-color-accompagnement, var(--_r-accent-2)); }
  .pin.accompagnement { line-height: 1; }
  .pin.lien { border-radius: 50%; background: var(--relais-map-color-lien, var(--_r-text)); outline: 2px dashed var(--_r-surface); }
  .pin.autre { border-radius: 50%; background: var(--_r-muted); }
  .leaflet-marker-icon:focus-visible { outline: var(--_r-focus-ring); outline-offset: 3px; border-radius: 50%; }
  .legend { display: flex; flex-wrap: wrap; gap: var(--_r-space-2) var(--_r-space-3); margin-top: var(--_r-space-2); font-size: 0.9rem; }
  .legend-item { display: inline-flex; align-items: center; gap: var(--_r-space-1); }
  .legend .pin { width: 20px; height: 20px; font-size: 11px; }
  .popup-title { font-weight: 700; margin: 0 0 4px; }
  .popup p { margin: 0 0 4px; }
  .popup .kind { color: var(--_r-muted); }
  /* a phone number on one line (« 03 86 / 27 37 38 » at 375 px is misread) */
  .popup a[href^='tel:'] { white-space: nowrap; }
  .popup .open { min-height: 2.25rem; margin-top: 4px; }
  @media (forced-colors: active) {
    .pin, .cluster { border-color: CanvasText; }
  }
`;
