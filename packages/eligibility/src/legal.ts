/**
 * Legal references for the public: « CASF R232-4 » is read as « article R232-4 du code de l’action sociale et des
 * familles » (`readableLegal`, shared with the pathway through @relais/core), and references written inline in a
 * sentence are moved out of it (to the « Textes » detail).
 */
import { readableLegal } from '@relais/core/headless';

export { readableLegal };

/** A reference written in parentheses in a sentence: « (CASF L232-3, L232-5) ». */
const INLINE = /\s?\((?:CASF|CSS|CT|CSP|CCH|Code du travail)\s[^()]*\)/g;

/** A reference at the end of a parenthesis: « (abattement de 0,9 SMIC, CSS R815-29) », « (… : CT L5212-13) ». */
const INNER = /(?:,| :)\s((?:CASF|CSS|CT|CSP|CCH)\s[LRD]\d[^()]*?)(?=\))/g;

/** A sentence without its inline references, and the references it had (as written). */
export function splitLegal(text: string): { text: string; refs: string[] } {
  const refs: string[] = [];
  const out = text
    .replace(INLINE, (m) => {
      refs.push(m.trim().slice(1, -1));
      return '';
    })
    .replace(INNER, (_m, ref: string) => {
      refs.push(ref);
      return '';
    });
  return { text: out, refs };
}
