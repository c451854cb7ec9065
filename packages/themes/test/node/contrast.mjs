// WCAG 2.x contrast of token values, shared by the theme tests.

/** The colour of a token value: a hex colour, the fallback of `var(--x, #hex)`, or the colour of a border shorthand. */
export function colour(value) {
  const m = /#([0-9a-f]{6}|[0-9a-f]{3})\b(?![\s\S]*#[0-9a-f]{3})/i.exec(value);
  if (!m) throw new Error(`no colour in « ${value} »`);
  const h = m[1].length === 3 ? [...m[1]].map((c) => c + c).join('') : m[1];
  return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16));
}
export const luminance = (rgb) => {
  const [r, g, b] = rgb.map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
export const contrast = (a, b) => {
  const [l1, l2] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (l1 + 0.05) / (l2 + 0.05);
};

/** Contrast between two token values (colours read as colour() does). */
export const contrastOf = (a, b) => contrast(colour(a), colour(b));
