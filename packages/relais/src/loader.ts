/**
 * The Relais autoloader (`relais.js` in the CDN build): a few hundred bytes that find the Relais
 * elements on the page — now and whenever a CMS adds some later (MutationObserver) — and load only
 * the chunks of those widgets, from the folder the script was loaded from.
 *
 * ```html
 * <script type="module" src="https://votre-cdn/relais@0.1.0/relais.js"></script>
 * <relais-directory commune="58079"></relais-directory>
 * ```
 *
 * A page that loads the script twice, or with another copy of the SDK, never throws: every chunk
 * registers its element through the `defineElement` guard, and each copy of the loader loads a
 * widget once.
 */

/** The elements the loader knows, each with the chunk that registers it (`widgets/<tag>.js`). */
export const TAGS = ['relais-provider', 'relais-directory', 'relais-map', 'relais-eligibility', 'relais-liaison-form', 'relais-pathway', 'relais-contributions', 'relais-indicators'] as const;
export type RelaisTag = (typeof TAGS)[number];

const loaded = new Map<string, Promise<void>>();
const selector = TAGS.join(',');

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
  if (root instanceof Element && root.matches(selector)) tags.add(root.localName as RelaisTag);
  for (const el of root.querySelectorAll(selector)) tags.add(el.localName as RelaisTag);
  // a failure is already reported by load(); discovery never breaks the host page
  return load(...[...tags].filter((t) => !customElements.get(t))).catch(() => undefined);
}

if (typeof document !== 'undefined') {
  void discover();
  new MutationObserver((records) => {
    for (const r of records) for (const n of r.addedNodes) if (n instanceof Element) void discover(n);
  }).observe(document.documentElement, { childList: true, subtree: true });
}
