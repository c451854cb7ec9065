// Runs in headless Chromium (bench/run.mjs): clustering of the same points with <relais-map>
// (supercluster, markers as DOM) and with leaflet.markercluster, side by side.
import { createClient } from '@relais/core';
import '@relais/map/define.js';

const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
// the same views for both: zoom in and out over France and the Nièvre, and pans
const VIEWS = [
  [46.6, 2.4, 6], [47.0, 3.2, 8], [47.0, 3.2, 9], [47.1, 3.4, 10], [47.2, 3.5, 11], [47.0, 3.1, 12], [46.9, 3.0, 12],
  [47.3, 3.5, 10], [48.85, 2.35, 9], [48.85, 2.35, 11], [45.75, 4.85, 10], [43.3, 5.4, 9], [44.8, -0.6, 9], [46.6, 2.4, 7],
  [47.0, 3.2, 7], [47.5, 1.0, 8], [46.0, 4.0, 8], [45.2, 5.7, 10], [43.6, 1.44, 11], [46.6, 2.4, 6],
];

const mount = (w = 900, h = 600) => {
  const div = document.createElement('div');
  div.style.cssText = `width:${w}px;height:${h}px`;
  document.body.append(div);
  return div;
};

export async function relais({ url }) {
  const data = await (await fetch(url)).json();
  const client = createClient({ source: 'static', data });
  await client.ready();
  const t0 = performance.now();
  const pts = await client.points({});
  const pointsMs = performance.now() - t0;
  const host = mount();
  const el = document.createElement('relais-map');
  el.style.setProperty('--relais-map-height', '600px');
  el.client = { ...client, points: () => new Promise(() => {}), addEventListener() {}, removeEventListener() {} }; // we feed the points ourselves
  host.append(el);
  while (!el.map) await new Promise((r) => setTimeout(r, 20));
  const t1 = performance.now();
  el.points = pts;
  el.buildIndex();
  const firstRender = performance.now() - t1;
  const markersFirst = el.shadowRoot.querySelectorAll('.leaflet-marker-icon').length;
  const times = [];
  for (let rep = 0; rep < 3; rep++) {
    for (const [lat, lon, z] of VIEWS) {
      const s = performance.now();
      el.map.setView([lat, lon], z, { animate: false });
      times.push(performance.now() - s);
      await new Promise((r) => requestAnimationFrame(r));
    }
  }
  host.remove();
  return { engine: 'relais (supercluster)', points: pts.points.length, pointsMs, firstRenderMs: firstRender, markersFirst, p50: pct(times, 50), p95: pct(times, 95), max: Math.max(...times) };
}

export async function markercluster({ url }) {
  const data = await (await fetch(url)).json();
  const client = createClient({ source: 'static', data });
  await client.ready();
  const pts = await client.points({});
  const L = window.L;
  const host = mount();
  const map = L.map(host, { center: [46.6, 2.4], zoom: 6, maxZoom: 18, zoomAnimation: false, markerZoomAnimation: false, fadeAnimation: false });
  const t1 = performance.now();
  const markers = pts.points.map((p) => L.marker([p.lat, p.lon], { icon: L.divIcon({ className: 'pin', html: '<span></span>', iconSize: [26, 26] }), keyboard: true }));
  const group = L.markerClusterGroup({ animate: false, chunkedLoading: false, removeOutsideVisibleBounds: true });
  group.addLayers(markers);
  map.addLayer(group);
  const first = [...pts.points].reduce((b, p) => [Math.min(b[0], p.lat), Math.min(b[1], p.lon), Math.max(b[2], p.lat), Math.max(b[3], p.lon)], [90, 180, -90, -180]);
  map.fitBounds([[first[0], first[1]], [first[2], first[3]]], { animate: false });
  const firstRender = performance.now() - t1;
  const markersFirst = host.querySelectorAll('.leaflet-marker-icon').length;
  const times = [];
  for (let rep = 0; rep < 3; rep++) {
    for (const [lat, lon, z] of VIEWS) {
      const s = performance.now();
      map.setView([lat, lon], z, { animate: false });
      times.push(performance.now() - s);
      await new Promise((r) => requestAnimationFrame(r));
    }
  }
  map.remove();
  host.remove();
  return { engine: 'leaflet.markercluster', points: pts.points.length, firstRenderMs: firstRender, markersFirst, p50: pct(times, 50), p95: pct(times, 95), max: Math.max(...times) };
}
