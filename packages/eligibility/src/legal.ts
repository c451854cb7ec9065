/**
 * Legal references for the public: « CASF R232-4 » is read as « article R232-4 du code de l’action sociale et des
 * familles », and references written inline in a sentence are moved out of it (to the « Textes » detail).
 */
const CODES: Array<[RegExp, string]> = [
  [/^CASF\s+/, 'du code de l’action sociale et des familles'],
  [/^CSS\s+/, 'du code de la sécurité sociale'],
  [/^(?:CT|Code du travail)\s+/i, 'du code du travail'],
  [/^CSP\s+/, 'du code de la santé publique'],
  [/^CCH\s+/, 'du code de la construction et de l’habitation'],
  [/^Code civil\s+/i, 'du code civil'],
];

const codeOf = (s: string): [RegExp, string] | undefined => CODES.find(([re]) => re.test(s));

/**
 * A legal reference in words: « CSS L168-8, CT D3142-8 » → « article L168-8 du code de la sécurité sociale ; article
 * D3142-8 du code du travail ». Parts that are not a code reference (a decree, a source) are kept as written.
 */
export function readableLegal(ref: string): string {
  return ref
    .split(/\s*;\s*/)
    .map((part) => {
      const groups: Array<{ code: string; arts: string[] } | string> = [];
      for (const token of part.split(/,\s*/)) {
        const c = codeOf(token);
        const last = groups[groups.length - 1];
        if (c) groups.push({ code: c[1], arts: [token.replace(c[0], '').trim()] });
        else if (last && typeof last !== 'string') last.arts.push(token.trim());
        else groups.push(token);
      }
      return groups
        .map((g) => {
          if (typeof g === 'string') return g;
          const arts = g.arts.join(', ');
          const several = g.arts.length > 1 || /\sà\s|\bet\b|suivants/.test(arts);
          return `${several ? 'articles' : 'article'} ${arts} ${g.code}`;
        })
        .join(', ');
    })
    .join(' ; ');
}

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
