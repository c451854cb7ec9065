// Readable French names and addresses from registry fields written in capitals without accents (FINESS).
// Used by scripts/derive-real-data.mjs; tested by tests/node/french-names.test.mjs.
// Nothing is invented: words are only re-cased, accents restored on common words whose spelling is certain, quotes
// repaired; a name the source cut off stays cut off.

/** Strips accents and folds case, for comparisons (« Château-Chinon » → « CHATEAU CHINON »). */
export const fold = (s) =>
  s.normalize('NFD').replace(/\p{M}/gu, '').toUpperCase().replace(/[-'’]/g, ' ').replace(/\bSAINTE\b/g, 'STE').replace(/\bSAINT\b/g, 'ST').replace(/\s+/g, ' ').trim();

/**
 * Repairs quotes escaped twice by an export (`"SAVS CLAMECY ""PRÉ LECOMTE"""` → `SAVS CLAMECY « PRÉ LECOMTE »`):
 * the outer pair is dropped, doubled quotes collapsed, and the remaining pairs become French guillemets.
 * A lone quote left over is removed.
 */
export function repairQuotes(s) {
  let t = s.trim();
  if (!t.includes('"')) return t;
  if (t.startsWith('"') && t.endsWith('"') && t.length > 1) t = t.slice(1, -1);
  t = t.replace(/"{2,}/g, '"');
  const parts = t.split('"');
  if (parts.length % 2 === 0) {
    // odd number of quotes: the last one has no partner
    const last = parts.pop();
    parts[parts.length - 1] += last;
  }
  let out = parts[0];
  for (let i = 1; i < parts.length; i += 2) out += `« ${parts[i].trim()} »${parts[i + 1]}`;
  return out.replace(/»(?=[^\s,.)])/g, '» ').replace(/\s+/g, ' ').trim();
}

// Acronyms and initialisms kept in capitals (dotted forms « C.C.A.S. » are written without the dots).
const ACRONYMS = new Set(
  ('CCAS CIAS EHPAD EHPA SSIAD SSAD SAAD SAD SPASAD SAVS SAMSAH ESAT IME MAS FAM EAM CHRS CADA CPH CMPP CAMSP SESSAD ITEP DITEP ' +
    'CLIC SIVOM SIVU USLD CSAPA CAARUD ACT CH CHS CHU CLS CDJ SOJ APF UDAF ANPAA SMJPM FOL MFB AEHM AZAE ANAMFD DATSA CME CMS ' +
    'SNCF AIDES AH ESA PA PH ADMR MDPH MDA CAF MSA CPAM AD FL CAAJ PEP ADAPEI APAJH UNA SSR HAD CMP CATTP').split(' '),
);
// Common words, lower-case (with the accents the capitals dropped). A word not listed, outside an acronym, is taken as a
// proper noun and capitalised (« CLAMECY » → « Clamecy »), so an unknown word never loses its capital.
const COMMON = new Map(
  (
    'a:à au aux d de des du e en et l la le les par pour sur sous ou avec chez ' +
    'service services serv.:serv. aide aides aidant aidants domicile menagere:ménagère menageres:ménagères milieu rural rurale ' +
    'centre centres social sociale sociaux sociales canton cantonal accueil jour foyer foyers vie hebergement:hébergement ' +
    'hebergt.:hébergt. adultes adulte handicapes:handicapés handicapees:handicapées handicape:handicapé maison maisons relais ' +
    'residence:résidence residences:résidences habitat jeunes mission locale annexe secondaire appartement appartements portage repas ' +
    'auxiliaires auxiliaire personnes personne agees:âgées agee:âgée familles famille meres:mères travailleuses familiales familial ' +
    'sauvegarde protection mobile coordination soins soin association emplois familiaux soutien assistance garde accompagnement ' +
    'parental parentale urgence insertion psychiques psychique psychologique medico:médico site places place logement logements ' +
    'hospitalisation unite:unité etablissement:établissement etablissements:établissements infirmiers infirmier polyvalent ' +
    'specialise:spécialisé specialisee:spécialisée medicalise:médicalisé medicalisee:médicalisée educatif:éducatif ' +
    'educative:éducative therapeutique:thérapeutique pedagogique:pédagogique institut action precoce:précoce travail ' +
    'ass.:ass. as.:ass. dom.:dom. pers.:pers. cant.:cant. res.:rés. hosp.:hosp. soc.:soc. accomp.:accomp. insert.:insert. ' +
    'mand.:mand. dr:Dr'
  )
    .split(/\s+/)
    .map((w) => {
      const [k, v] = w.split(':');
      return [k.toUpperCase(), v ?? k.toLowerCase()];
    }),
);
const ARTICLES = new Set(['LE', 'LA', 'LES', 'L']);
const PREPOSITIONS = new Set(['DE', 'DU', 'DES', 'A', 'AU', 'AUX', 'EN', 'SUR', 'SOUS']);
/** Upper case without accents, the key of COMMON (« HÉBERGEMENT » → « HEBERGEMENT »). */
const bareKey = (w) => w.normalize('NFD').replace(/\p{M}/gu, '').toUpperCase();
const common = (w) => COMMON.get(bareKey(w));
/** « D AUXERRE », « BLES D OR »: the apostrophe an export dropped before a vowel. */
export const elide = (s) => s.replace(/(^|[\s(])([DL]) (?=[AEIOUYHÂÀÉÈÊÎÏÔÛ])/giu, "$1$2'");

const titleWord = (w) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase();

/**
 * Title case for a proper noun of several words, hyphenated parts and elisions included
 * (« SAINT-EXUPERY » → « Saint-Exupery », « D'ENFER » → « d'Enfer »).
 */
const properWord = (w) =>
  w
    .split('-')
    .map((p, i) =>
      ACRONYMS.has(bareKey(p))
        ? p.toUpperCase()
        : i > 0 && common(p) && !/\p{Ll}/u.test(w)
          ? common(p)
          : p.replace(/^([DL])['’](.+)$/i, (_, a, b) => `${a.toLowerCase()}'${titleWord(b)}`).replace(/^[^']+$/, titleWord),
    )
    .join('-');

/**
 * Sentence case for a name written in capitals, French rules: first word capitalised, common words in lower case with
 * their accents, acronyms kept (CCAS, EHPAD, SSIAD…), proper nouns capitalised (the communes of `places` written as the
 * official name: « COSNE COURS SUR LOIRE » → « Cosne-Cours-sur-Loire »), words in guillemets treated as a proper name.
 * A name already in mixed case is returned unchanged.
 * @param {string} name
 * @param {{ places?: Map<string, string> }} [opts] folded commune name → official name (see `placeIndex`)
 */
export function frenchName(name, opts = {}) {
  // « SERV.AIDE », « PERS.AGEES »: a space after an abbreviation's dot
  const s = elide(name.replace(/\s+/g, ' ').trim()).replace(/(\p{L}{2,})\.(?=\p{L}{2,})/gu, '$1. ');
  if (/\p{Ll}/u.test(s)) return s;
  const places = opts.places ?? new Map();
  const longestPlace = [...places.keys()].reduce((m, k) => Math.max(m, k.split(' ').length), 0);
  // tokens: words (letters, digits, apostrophes, dots, hyphens) and the rest (spaces, punctuation, guillemets)
  const tokens = s.match(/(?:\p{L}\.)+\p{L}\.?(?!\p{L})|[\p{L}\p{N}][\p{L}\p{N}'’-]*\.?|[^\p{L}\p{N}]+/gu) ?? [];
  const words = tokens.map((t, i) => ({ t, i, word: /^[\p{L}\p{N}]/u.test(t) }));
  const wordIdx = words.filter((w) => w.word).map((w) => w.i);
  const out = tokens.slice();
  let inQuote = false;
  let first = true;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    if (!words[k].word) {
      if (t.includes('«')) inQuote = true;
      if (t.includes('»')) inQuote = false;
      continue;
    }
    const pos = wordIdx.indexOf(k);
    // a commune's name (longest match first), written as the official name
    let matched = false;
    for (let n = Math.min(longestPlace, wordIdx.length - pos); n >= 1 && !matched; n--) {
      const span = wordIdx.slice(pos, pos + n);
      if (span.some((j, x) => x > 0 && !/^[\s-]+$/.test(tokens.slice(span[x - 1] + 1, j).join('')))) continue;
      const official = places.get(fold(span.map((j) => tokens[j]).join(' ')));
      if (!official || (n === 1 && common(t))) continue;
      out[span[0]] = first ? official.charAt(0).toUpperCase() + official.slice(1) : official;
      for (let j = span[0] + 1; j <= span[n - 1]; j++) out[j] = '';
      k = span[n - 1];
      matched = true;
    }
    if (matched) {
      first = false;
      continue;
    }
    const up = t.toUpperCase();
    const bare = up.replace(/\.$/, '');
    let w;
    if (/^(?:\p{L}\.)+\p{L}\.?$/u.test(up)) w = up.replace(/\./g, ''); // C.C.A.S. → CCAS
    else if (common(up) && up.endsWith('.')) w = common(up);
    else if (ACRONYMS.has(bare) || /\d/.test(up)) w = up;
    else if (/^(?:[DL])['’]/.test(up)) {
      const rest = up.slice(2);
      const r = common(rest) ?? (ACRONYMS.has(rest) ? rest : null);
      w = `${up[0].toLowerCase()}'${r ?? (inQuote ? titleWord(rest) : properWord(rest))}`;
    } else if (inQuote) w = properWord(t);
    else if (ARTICLES.has(up)) {
      // an article starts a proper name when the next word is one (« EHPAD LES OPALINES » → « EHPAD Les Opalines »)
      const next = wordIdx[pos + 1] != null ? tokens[wordIdx[pos + 1]].toUpperCase() : '';
      const prev = pos > 0 ? tokens[wordIdx[pos - 1]].toUpperCase() : '';
      const proper = next && !common(next) && !ACRONYMS.has(next) && !/^[DL]['’]/.test(next) && !/\d/.test(next);
      w = proper && !PREPOSITIONS.has(prev) ? titleWord(up) : up.toLowerCase();
    } else if (common(up)) w = common(up);
    else w = properWord(t);
    if (first && /^\p{Ll}/u.test(w)) w = w.charAt(0).toUpperCase() + w.slice(1);
    out[k] = w;
    first = false;
  }
  return out.join('').replace(/\s+/g, ' ').trim();
}

/**
 * The official names of the communes of some départements, indexed by their folded form (« LA CHARITE SUR LOIRE » →
 * « La Charité-sur-Loire »); a name shared by several communes once the parenthesis is dropped (« Château-Chinon
 * (Ville) », « Château-Chinon (Campagne) ») is indexed by that shared name.
 * @param {Array<{commune_article: string, insee_dep: string}>} rows of communes.csv
 */
export function placeIndex(rows, deps) {
  const m = new Map();
  for (const r of rows) {
    if (!deps.includes(r.insee_dep)) continue;
    const full = r.commune_article;
    const base = full.replace(/\s*\(.*\)\s*$/, '');
    m.set(fold(full), full);
    m.set(fold(base), base);
  }
  return m;
}

// Street types of the registry (FINESS typvoie) → written out.
const VOIE = {
  R: 'rue', RUE: 'rue', BD: 'boulevard', AV: 'avenue', PL: 'place', RTE: 'route', IMP: 'impasse', CHE: 'chemin', ALL: 'allée',
  ALLEE: 'allée', SQ: 'square', FG: 'faubourg', QUAI: 'quai', LD: 'lieu-dit', CRS: 'cours', PASS: 'passage', RPT: 'rond-point',
  SENT: 'sentier', VOIE: 'voie', CITE: 'cité', RN: 'RN', RD: 'RD',
};
const MONTHS = new Set(['JANVIER', 'FEVRIER', 'MARS', 'AVRIL', 'MAI', 'JUIN', 'JUILLET', 'AOUT', 'SEPTEMBRE', 'OCTOBRE', 'NOVEMBRE', 'DECEMBRE']);
const PARTICLES = new Set(['DE', 'DU', 'DES', 'LA', 'LE', 'LES', 'AUX', 'AU', 'ET', 'SUR', 'SOUS', 'EN']);

/**
 * A street address in capitals made readable: the street type written out, particles in lower case, names capitalised
 * (« 8 R MARIE DELALOGE » → « 8 rue Marie Delaloge », « PL DU 25 JUIN 1944 » → « place du 25 juin 1944 »). An address that
 * is only « MAIRIE » becomes « Mairie de <commune> » (« Mairie d'Armes »).
 * @param {string} address
 * @param {string} commune the commune's official name
 */
export function frenchAddress(address, commune) {
  const s = address.replace(/\s+/g, ' ').trim();
  if (!s) return s;
  if (/^MAIRIE$/i.test(s)) return `Mairie ${/^[aeiouyhâéèêîôû]/i.test(commune) ? "d'" : 'de '}${commune}`;
  if (/\p{Ll}/u.test(s)) return s;
  // « 6 R B ERNEST RENAN »: the registry's bis / ter (compvoie) comes after the street type; written « 6 bis rue … »
  const words = elide(s)
    .replace(/^(\d+) (\S+) ([BT]) (?=\S)/, (m, n, t, c) => (VOIE[t.toUpperCase()] ? `${n} ${c === 'B' ? 'BIS' : 'TER'} ${t} ` : m))
    .split(' ');
  let typed = false;
  return words
    .map((w, i) => {
      const up = w.toUpperCase();
      if (/\d/.test(up) && !/^\d+EME$/.test(up)) return up === 'BIS' ? 'bis' : up;
      if (/^\d+EME$/.test(up)) return `${up.replace('EME', '')}e`;
      if (!typed && VOIE[up] && (i === 0 || /^\d+$/.test(words[i - 1]) || /^(BIS|TER)$/i.test(words[i - 1]))) {
        typed = true;
        return VOIE[up];
      }
      if (up === 'B' || up === 'BIS' || up === 'TER') return up.toLowerCase();
      if (up === 'BP') return 'BP';
      if (MONTHS.has(up)) return fold(up) === 'AOUT' ? 'août' : fold(up) === 'FEVRIER' ? 'février' : fold(up) === 'DECEMBRE' ? 'décembre' : up.toLowerCase();
      if (i > 0 && PARTICLES.has(up)) return up.toLowerCase();
      if (/^[DL]['’]/.test(up)) return `${up[0].toLowerCase()}'${properWord(up.slice(2))}`;
      return properWord(w);
    })
    .join(' ')
    .replace(/^\p{Ll}/u, (c) => c.toUpperCase());
}
