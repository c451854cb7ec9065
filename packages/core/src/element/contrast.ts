/**
 * Contrast check of a site's charter, run by the widgets in development only (a page served from
 * `localhost`, `127.0.0.1`, `[::1]`, `*.localhost`, or with `data-relais-dev` on `<html>`): each pair of
 * colour tokens that must stay readable is resolved as the widget really paints it (theme, charter and
 * `light-dark()` included) and a console warning in French names every pair below its WCAG 2.2 AA
 * minimum: the pairs of `CONTRAST_PAIRS` (`@relais/themes/pairs`), where the shipped themes are checked too.
 * Loaded on demand, so that production pages never download it.
 */
import { CONTRAST_PAIRS } from '@relais/themes/pairs';
import { tokens } from './base.js';


/** The private variable (`--_r-*`) through which the widgets read a public token, from the base styles. */
const PRIVATE = new Map([...tokens.cssText.matchAll(/(--_r-[\w-]+):\s*var\((--relais-[\w-]+)/g)].map((m) => [m[2], m[1]]));

/** `rgb(r, g, b)` / `rgba(r, g, b, a)` / `color(srgb r g b / a)` as computed by the browser → [r, g, b, a] (0–255, 0–1). */
export function parseComputedColour(value: string): [number, number, number, number] | undefined {
  const rgb = /^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+))?\s*\)$/.exec(value.trim());
  if (rgb) return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3]), rgb[4] === undefined ? 1 : Number(rgb[4])];
  const srgb = /^color\(srgb\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)(?:\s*\/\s*([\d.]+))?\s*\)$/.exec(value.trim());
  if (srgb) return [Number(srgb[1]) * 255, Number(srgb[2]) * 255, Number(srgb[3]) * 255, srgb[4] === undefined ? 1 : Number(srgb[4])];
  return undefined;
}

const luminance = ([r, g, b]: readonly number[]): number => {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
};

/** WCAG 2.x contrast ratio of a colour (alpha composited over the background) on an opaque background. */
export function contrastRatio(fg: readonly number[], bg: readonly number[]): number {
  const a = fg[3] ?? 1;
  const over = [0, 1, 2].map((i) => fg[i] * a + bg[i] * (1 - a));
  const [l1, l2] = [luminance(over), luminance(bg)].sort((x, y) => y - x);
  return (l1 + 0.05) / (l2 + 0.05);
}

/** One pair below its minimum, as the widget paints it. */
export interface ContrastFailure {
  readonly foreground: string;
  readonly background: string;
  readonly what: string;
  readonly ratio: number;
  readonly minimum: number;
}

/** The pairs below their minimum for a widget, resolved inside its shadow root (where its colours apply). */
export function contrastFailures(host: HTMLElement): ContrastFailure[] {
  const root = host.shadowRoot;
  if (!root) return [];
  const probe = document.createElement('span');
  probe.setAttribute('aria-hidden', 'true');
  probe.style.cssText = 'position:absolute;width:0;height:0;overflow:hidden;outline-style:solid';
  root.appendChild(probe);
  const paint = (token: string): [number, number, number, number] | undefined => {
    const v = `var(${PRIVATE.get(token) ?? token})`;
    if (token.endsWith('focus-ring')) {
      probe.style.outline = v;
      return parseComputedColour(getComputedStyle(probe).outlineColor);
    }
    probe.style.color = v;
    return parseComputedColour(getComputedStyle(probe).color);
  };
  try {
    const out: ContrastFailure[] = [];
    for (const [fg, bg, minimum, what] of CONTRAST_PAIRS) {
      const f = paint(fg);
      const b = paint(bg);
      if (!f || !b) continue;
      const ratio = contrastRatio(f, b);
      if (ratio + 1e-9 < minimum) out.push({ foreground: fg, background: bg, what, ratio, minimum });
    }
    return out;
  } finally {
    probe.remove();
  }
}

const warned: Set<string> = ((globalThis as Record<symbol, Set<string>>)[Symbol.for('relais.contrast-warned')] ??= new Set());

/** Warns once per page and per message (in French) about every pair of a widget below its minimum. */
export function warnLowContrast(host: HTMLElement): ContrastFailure[] {
  const failures = contrastFailures(host);
  const fmt = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 });
  for (const f of failures) {
    const msg =
      `relais : contraste insuffisant dans les couleurs du site pour <${host.localName}> — ${f.what} ` +
      `(${f.foreground} sur ${f.background}) : ${fmt.format(f.ratio)}:1, il faut au moins ${fmt.format(f.minimum)}:1 ` +
      `(WCAG 2.2 AA, RGAA 3.2). Avertissement affiché en développement seulement.`;
    if (warned.has(msg)) continue;
    warned.add(msg);
    console.warn(msg);
  }
  return failures;
}
