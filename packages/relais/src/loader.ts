/**
 * The Relais autoloader (`relais.js` in the CDN build): a few hundred bytes that find the Relais
 * elements on the page — now and whenever a CMS adds some later (MutationObserver) — and load only
 * the chunks of those widgets, from the folder the script was loaded from.
 *
 * ```html
 * <script type="module" src="https://votre-cdn/relais@0.2.0/relais.js"></script>
 * <relais-directory commune="58079"></relais-directory>
 * ```
 *
 * A page that loads the script twice, or with another copy of the SDK, never throws: every chunk
 * registers its element through the `defineElement` guard, and each copy of the loader loads a
 * widget once.
 *
 * As soon as it sees an element, it also asks for every file that element runs on its first render at once
 * (`<link rel="modulepreload">` in the document's head): the widget's chunks, the ones it imports on first use and,
 * for an element with source attributes (`source`, `src`, `base-url`), the client of that source. Without it, each
 * level of imports waited for the previous one: a round trip each on a mobile connection (issue 21). The lists are
 * written into this file by the build (rollup.config.js, from rollup's chunk graph); a link is a fetch the page's
 * CSP allows or refuses like the import itself, with no inline script.
 */

/** The elements the loader knows, each with the chunk that registers it (`widgets/<tag>.js`). */
export const TAGS = ['relais-provider', 'relais-directory', 'relais-map', 'relais-eligibility', 'relais-liaison-form', 'relais-pathway', 'relais-contributions', 'relais-indicators'] as const;
export type RelaisTag = (typeof TAGS)[number];

const loaded = new Map<string, Promise<void>>();
const selector = TAGS.join(',');

/**
 * For each element, and for `static` and `remote` sources, the files it runs on its first render (paths from this
 * file's folder), and in `commune` the elements that load their commune's département: JSON written in place of the
 * placeholder by the build; empty when this file runs unbuilt.
 */
const lists: Record<string, string[]> = (() => {
  try {
    return JSON.parse('__RELAIS_PRELOAD__');
  } catch {
    return {};
  }
})();
const preloaded = new Set<string>();

/**
 * Asks for the files of the first render of `els` at once (each file once per copy of the loader): the widgets' first
 * (their entries before their chunks), then the sources' clients, then the communes.
 */
function preload(els: Element[]): void {
  const files: string[] = [];
  const later: string[] = [];
  for (const el of els) {
    files.push(...(lists[el.localName] ?? []));
    const source = el.getAttribute('source');
    if (source || el.hasAttribute('src') || el.hasAttribute('base-url')) later.unshift(...(lists[source === 'static' || (!source && el.hasAttribute('src')) ? 'static' : 'remote'] ?? []));
    // the communes of the département of `commune` (58079 → communes/d58.js, 97411 → d974, 2A004 → d2A)
    const commune = el.getAttribute('commune');
    if (commune && /^(\d\d|2[AB])\d{3}$/.test(commune) && lists.commune?.includes(el.localName)) later.push(`communes/d${commune.slice(0, commune.startsWith('97') ? 3 : 2)}.js`);
  }
  for (const file of [...files, ...later]) {
    const href = new URL(file, import.meta.url).href;
    if (preloaded.has(href)) continue;
    preloaded.add(href);
    const link = document.createElement('link');
    link.rel = 'modulepreload';
    link.href = href;
    (document.head ?? document.documentElement).append(link);
  }
}

/**
 * Loads the chunk of each named element (once), whether or not it is on the page yet.
 * Resolves when every one is defined; rejects with a French message when a chunk cannot be loaded
 * (a later call tries again).
 */
export function load(...tags: RelaisTag[]): Promise<void> {
  return Promise.all(
    tags.map((tag) => {
      let p = loaded.get(tag);
      if (!p) {
        p = import(new URL(`./widgets/${tag}.js`, import.meta.url).href).then(
          () => undefined,
          (e: unknown) => {
            loaded.delete(tag);
            const message = `[relais] le composant <${tag}> n’a pas pu être chargé (${(e as Error)?.message ?? e}).`;
            console.error(message);
            throw new Error(message);
          },
        );
        loaded.set(tag, p);
      }
      return p;
    }),
  ).then(() => undefined);
}

/**
 * Loads the widgets found in `root` (the document by default). Call it for a shadow root of your
 * own in which you render Relais elements: the observer only watches the document.
 */
export function discover(root: ParentNode = document): Promise<void> {
  const tags = new Set<RelaisTag>();
  const found = [...root.querySelectorAll(selector)];
  if (root instanceof Element && root.matches(selector)) found.push(root);
  for (const el of found) tags.add(el.localName as RelaisTag);
  preload(found.filter((el) => !customElements.get(el.localName)));
  // a failure is already reported by load(); discovery never breaks the host page
  return load(...[...tags].filter((t) => !customElements.get(t))).catch(() => undefined);
}

if (typeof document !== 'undefined') {
  void discover();
  new MutationObserver((records) => {
    for (const r of records) for (const n of r.addedNodes) if (n instanceof Element) void discover(n);
  }).observe(document.documentElement, { childList: true, subtree: true });
}
