/**
 * The bar charts, drawn with uPlot (canvas) in this module only, loaded on demand when a section has bars to draw:
 * neither uPlot nor this module is in the element's entry chunk. A chart repeats its section's table, which is its
 * accessible alternative: the container is `aria-hidden`, the canvas says nothing. Colours are read from the
 * element's `--relais-*` tokens when the chart is drawn; sizes go through the CSSOM (no style attribute: strict CSP).
 */
import uPlot from 'uplot';

/** One horizontal bar. */
export interface Bar {
  label: string;
  value: number;
}

/** The colours and font of a chart, read from the element's tokens. */
export interface ChartTheme {
  bar: string;
  text: string;
  grid: string;
  font: string;
}

const BAR_HEIGHT = 28;
const MAX_LABEL = 34;
const short = (s: string) => (s.length > MAX_LABEL ? `${s.slice(0, MAX_LABEL - 1)}…` : s);

/** Draws (or draws again) horizontal bars in `container`, `width` CSS pixels wide. Returns the chart, to destroy it. */
export function drawBars(container: HTMLElement, bars: readonly Bar[], width: number, theme: ChartTheme, format: (n: number) => string): uPlot {
  container.replaceChildren();
  const labels = bars.map((b) => short(b.label));
  const xs = bars.map((_, i) => i);
  const max = Math.max(1, ...bars.map((b) => b.value));
  const font = `12px ${theme.font}`;
  // the label axis is as wide as its longest label (at most 45 % of the chart)
  const ctx = document.createElement('canvas').getContext('2d');
  if (ctx) ctx.font = font;
  const labelWidth = Math.min(width * 0.45, Math.max(40, ...labels.map((l) => (ctx ? ctx.measureText(l).width : l.length * 7)))) + 12;
  const opts: uPlot.Options = {
    width: Math.max(200, width),
    height: bars.length * BAR_HEIGHT + 48,
    legend: { show: false },
    cursor: { show: false },
    select: { show: false, left: 0, top: 0, width: 0, height: 0 },
    scales: {
      // categories along the vertical axis, first at the top; values along the horizontal one, from 0
      x: { time: false, ori: 1, dir: -1, range: () => [-0.5, bars.length - 0.5] },
      y: { ori: 0, range: () => [0, max * 1.08] },
    },
    axes: [
      { scale: 'x', side: 3, size: labelWidth, font, stroke: theme.text, grid: { show: false }, ticks: { show: false }, splits: () => xs, values: (_u, splits) => splits.map((i) => labels[i] ?? '') },
      { scale: 'y', side: 2, font, stroke: theme.text, grid: { stroke: theme.grid, width: 1 }, ticks: { stroke: theme.grid }, values: (_u, splits) => splits.map((v) => (Number.isInteger(v) ? format(v) : '')) },
    ],
    series: [{}, { scale: 'y', fill: theme.bar, stroke: theme.bar, width: 0, points: { show: false }, paths: uPlot.paths.bars!({ size: [0.7, 22] }) }],
  };
  return new uPlot(opts, [xs, bars.map((b) => b.value)], container);
}
