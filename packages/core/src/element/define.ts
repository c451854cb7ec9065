/**
 * Registers a custom element once. A second copy of the SDK on the page (another version, or a
 * CMS that includes the script twice) must never throw: the first registration wins and a single
 * warning names the tag.
 */
const warned = new Set<string>();

/** Version of this copy of the SDK (replaced at build time; `dev` from sources). */
export const VERSION: string = '0.2.0';

/**
 * Defines `tag` with `ctor` unless the tag is already defined. Returns the constructor actually
 * registered for the tag (the other copy's, when it was first), or undefined outside a browser.
 */
export function defineElement(tag: string, ctor: CustomElementConstructor): CustomElementConstructor | undefined {
  if (typeof customElements === 'undefined') return undefined;
  const existing = customElements.get(tag);
  if (existing) {
    if (existing !== ctor && !warned.has(tag)) {
      warned.add(tag);
      const other = (existing as { relaisVersion?: string }).relaisVersion ?? 'inconnue';
      console.warn(`[relais] <${tag}> est déjà défini (version ${other}) : cette copie du SDK (version ${VERSION}) ne le redéfinit pas. Chargez le script une seule fois.`);
    }
    return existing;
  }
  try {
    customElements.define(tag, ctor);
  } catch (e) {
    // Lost a race with another copy, or an invalid constructor reuse: never break the page.
    if (!warned.has(tag)) {
      warned.add(tag);
      console.warn(`[relais] <${tag}> n’a pas pu être enregistré : ${(e as Error).message}`);
    }
  }
  return customElements.get(tag);
}
