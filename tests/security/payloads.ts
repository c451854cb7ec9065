/**
 * The hostile corpus: strings a malicious or broken data source could put in any text or URL field. Each carries
 * the marker PWN so that a test can tell it was rendered (as text) rather than dropped. A payload that ran would set
 * `window.__pwned`.
 */
export interface Payload {
  readonly id: string;
  readonly kind: 'html' | 'attribute' | 'url' | 'svg' | 'css' | 'template' | 'unicode' | 'size' | 'json';
  readonly value: string;
}

const P = (id: string, kind: Payload['kind'], value: string): Payload => ({ id, kind, value });
const run = 'window.__pwned=true';

export const PAYLOADS: readonly Payload[] = [
  // markup and script injection
  P('script', 'html', `<script>${run}</script>PWN`),
  P('script-src', 'html', `<script src="data:text/javascript,${run}"></script>PWN`),
  P('img-onerror', 'html', `<img src=x onerror="${run}">PWN`),
  P('img-onerror-noquote', 'html', `<img src=x onerror=${run}>PWN`),
  P('iframe-srcdoc', 'html', `<iframe srcdoc="<script>parent.__pwned=true</script>"></iframe>PWN`),
  P('iframe-js', 'html', `<iframe src="javascript:parent.__pwned=true"></iframe>PWN`),
  P('object-data', 'html', `<object data="javascript:${run}"></object>PWN`),
  P('embed', 'html', `<embed src="javascript:${run}">PWN`),
  P('details-ontoggle', 'html', `<details open ontoggle="${run}">PWN</details>`),
  P('body-onload', 'html', `<body onload="${run}">PWN`),
  P('input-autofocus', 'html', `<input autofocus onfocus="${run}">PWN`),
  P('video-onerror', 'html', `<video><source onerror="${run}"></video>PWN`),
  P('marquee', 'html', `<marquee onstart="${run}">PWN</marquee>`),
  P('form-action', 'html', `<form action="javascript:${run}"><button>PWN</button></form>`),
  P('meta-refresh', 'html', `<meta http-equiv="refresh" content="0;url=javascript:${run}">PWN`),
  P('base-href', 'html', `<base href="javascript:${run}//">PWN`),
  P('template-tag', 'html', `<template><script>${run}</script></template>PWN`),
  P('noscript-break', 'html', `<noscript><p title="</noscript><img src=x onerror=${run}>">PWN`),
  P('comment-break', 'html', `--><img src=x onerror=${run}><!--PWN`),
  P('textarea-break', 'html', `</textarea><img src=x onerror=${run}>PWN`),
  P('title-break', 'html', `</title><script>${run}</script>PWN`),
  P('host-close', 'html', `</relais-directory><img src=x onerror=${run}>PWN`),
  // attribute breaking
  P('attr-dquote', 'attribute', `" onmouseover="${run}" x="PWN`),
  P('attr-squote', 'attribute', `' onfocus='${run}' autofocus x='PWN`),
  P('attr-backtick', 'attribute', `\` onclick=\`${run}\` PWN`),
  P('attr-gt', 'attribute', `"><img src=x onerror=${run}>PWN`),
  P('attr-style', 'attribute', `" style="position:fixed;inset:0;background:red" x="PWN`),
  // URLs (in URL fields: never a link; in text fields: text)
  P('js-url', 'url', `javascript:${run}//PWN`),
  P('js-url-case', 'url', `JaVaScRiPt:${run}//PWN`),
  P('js-url-entity', 'url', `jav&#x09;ascript:${run}//PWN`),
  P('js-url-tab', 'url', `java\tscript:${run}//PWN`),
  P('js-url-newline', 'url', `java\nscript:${run}//PWN`),
  P('js-url-space', 'url', ` javascript:${run}//PWN`),
  P('js-url-nul', 'url', `java\u0000script:${run}//PWN`),
  P('data-html', 'url', `data:text/html,<script>${run}</script>PWN`),
  P('data-b64', 'url', `data:text/html;base64,PHNjcmlwdD53aW5kb3cuX19wd25lZD10cnVlPC9zY3JpcHQ+PWN`),
  P('vbscript', 'url', `vbscript:msgbox("PWN")`),
  P('file-url', 'url', `file:///etc/passwd#PWN`),
  P('blob-url', 'url', `blob:https://evil.example/PWN`),
  P('protocol-relative', 'url', `//evil.example/PWN`),
  P('filesystem', 'url', `filesystem:https://evil.example/temporary/PWN`),
  P('intent', 'url', `intent://PWN#Intent;scheme=javascript;end`),
  // SVG
  P('svg-onload', 'svg', `<svg onload="${run}">PWN</svg>`),
  P('svg-script', 'svg', `<svg><script>${run}</script>PWN</svg>`),
  P('svg-animate', 'svg', `<svg><animate onbegin="${run}" attributeName="x" dur="1s"/>PWN</svg>`),
  P('svg-use', 'svg', `<svg><use href="data:image/svg+xml,<svg id='x' xmlns='http://www.w3.org/2000/svg'><image href='1' onerror='${run}'/></svg>#x"/>PWN</svg>`),
  P('math-href', 'svg', `<math><a xlink:href="javascript:${run}">PWN</a></math>`),
  // CSS
  P('style-tag', 'css', `</style><style>*{display:none!important}</style>PWN`),
  P('css-expression', 'css', `x:expression(${run});PWN`),
  P('css-import', 'css', `@import url(javascript:${run});PWN`),
  P('css-url', 'css', `background:url("javascript:${run}")PWN`),
  P('css-var-break', 'css', `red; } :host { display: none } x { PWN`),
  // template and framework markers
  P('lit-marker', 'template', `<!--?lit$123456$-->PWN<?lit$123456$>`),
  P('template-literal', 'template', '${' + run + '}PWN'),
  P('angular', 'template', `{{constructor.constructor('${run}')()}}PWN`),
  P('placeholder', 'template', `{value}{threshold}{__proto__}PWN`),
  // Unicode tricks
  P('rtl-override', 'unicode', `\u202Egnp.exe\u202C PWN`),
  P('zero-width', 'unicode', `P\u200BW\u200DN\uFEFF PWN`),
  P('combining', 'unicode', `Z̸̢̛̺a̵̡͎͋l̶̜̈́g̷̣̈o̵̦͝ PWN`),
  P('astral', 'unicode', `🧓🏽♿👩‍🦽 𝕻𝖂𝕹 PWN`),
  P('lone-surrogate', 'unicode', `\uD800 PWN \uDFFF`),
  P('bidi-isolate', 'unicode', `\u2067abc\u2069\u2066 PWN`),
  P('control-chars', 'unicode', `\u0007\u0008\u001B[31m PWN`),
  // sizes
  P('long-word', 'size', `${'A'.repeat(5000)}PWN`),
  P('one-megabyte', 'size', `${'x'.repeat(1_000_000)}PWN`),
  // JSON-ish strings
  P('proto-text', 'json', `{"__proto__":{"polluted":true}} PWN`),
  P('json-break', 'json', `"}]}<script>${run}</script>PWN`),
];

/** Keys whose values are URLs in our data shapes: a URL payload goes there alone. */
export const URL_KEY = /(^|_)(url|lien|site|web|href|link|formulaire|courriel|email|telephone|tel)(_|$)|Url$|^url$/i;

/** Words people read (with a space, or mixed case), as opposed to slugs, ids, codes (`S0`, `58079`) and dates. */
const isFreeText = (v: string) => /\s/.test(v) || (/[a-zà-ÿ]/.test(v) && /[A-ZÀ-Ý]/.test(v));

/**
 * A copy of `value` with the payload in every free-text string leaf (appended to the original text) and, for URL
 * payloads, in every URL-like field (instead of the URL). Slugs, ids, dates and codes are left alone so that the
 * record still validates and its text is rendered.
 */
export function inject<T>(value: T, p: Payload, key = ''): T {
  if (Array.isArray(value)) return value.map((v) => inject(v, p, key)) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = inject(v, p, k);
    return out as T;
  }
  if (typeof value !== 'string') return value;
  if (URL_KEY.test(key)) return (p.kind === 'url' ? p.value : value) as T;
  return (isFreeText(value) ? `${value} ${p.value}` : value) as T;
}

/** Adds prototype-pollution keys (own properties, as JSON.parse makes them) at every object level. */
export function pollute<T>(value: T): T {
  return JSON.parse(JSON.stringify(value, (_k, v) => (v && typeof v === 'object' && !Array.isArray(v) ? { ...v, ['__proto__X']: 1 } : v)).replace(/"__proto__X":1/g, '"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}')) as T;
}

/**
 * A copy of `value` where the free-text leaves get the payloads in turn (leaf j gets payload (j + offset) mod n) and
 * the URL-like leaves the URL payloads in turn: one object carries many payloads. Returns the ids placed.
 */
export function spread<T>(value: T, payloads: readonly Payload[], offset: number): { value: T; placed: Set<string> } {
  const placed = new Set<string>();
  const urls = payloads.filter((p) => p.kind === 'url');
  let t = offset;
  let u = offset;
  const walk = (v: unknown, key: string): unknown => {
    if (Array.isArray(v)) return v.map((x) => walk(x, key));
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x, k)]));
    if (typeof v !== 'string') return v;
    if (URL_KEY.test(key)) {
      const p = urls[u++ % urls.length]!;
      placed.add(p.id);
      return p.value;
    }
    if (!isFreeText(v)) return v;
    const p = payloads[t++ % payloads.length]!;
    placed.add(p.id);
    return `${v} ${p.value}`;
  };
  return { value: walk(value, '') as T, placed };
}
