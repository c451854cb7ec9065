/**
 * Legal references for the public, shared by the widgets that cite the law (eligibility, pathway): « CASF R232-4 » is
 * read as « article R232-4 du code de l’action sociale et des familles ».
 */
const CODES: Array<[RegExp, string]> = [
  [/^CASF\s+/, 'du code de l’action sociale et des familles'],
  [/^CSS\s+/, 'du code de la sécurité sociale'],
  [/^(?:CT|Code du travail)\s+/i, 'du code du travail'],
  [/^CSP\s+/, 'du code de la santé publique'],
  [/^CCH\s+/, 'du code de la construction et de l’habitation'],
  [/^CRPA\s+/, 'du code des relations entre le public et l’administration'],
  [/^CPC\s+/, 'du code de procédure civile'],
  [/^CJA\s+/, 'du code de justice administrative'],
  [/^Code civil\s+/i, 'du code civil'],
];

const codeOf = (s: string): [RegExp, string] | undefined => CODES.find(([re]) => re.test(s));

/**
 * A legal reference in words: « CSS L168-8, CT D3142-8 » → « article L168-8 du code de la sécurité sociale, article
 * D3142-8 du code du travail »; « CASF L223-1-1 ; décret 2016-1283 » → each part in words. Parts that are not a code
 * reference (a decree, a source) are kept as written.
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
