/**
 * Speaking the data·inclusion API v1's language: the Relais extension values (the `autonomie--…` thematiques, the
 * medico-social publics, the `a-domicile` mode) do not exist in the national schema, and the API refuses them
 * (422). Each is mapped to the nearest official values before the request — always broader, never narrower — and
 * named in the result's `unsupported` so that the widget can say the results are broader than asked.
 *
 * Within one filter values are alternatives (OR): leaving one out would narrow the results, so a filter holding a
 * value with no official counterpart is not sent at all (and said so).
 */
import { DI_FRAIS, DI_MODES_ACCUEIL, DI_PUBLICS, DI_THEMATIQUES, DI_TYPES } from '../taxonomy/di-referentials.js';

const official = (list: ReadonlyArray<readonly [string, string]>) => new Set(list.map(([v]) => v));
const THEMATIQUES = official(DI_THEMATIQUES);
const CATEGORIES = new Set([...THEMATIQUES].map((t) => t.split('--')[0]!));

const AIDANTS = 'famille--soutien-aidants';
const DEPENDANCE = 'famille--prise-en-charge-personne-dependante';
const DROITS = 'difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-aux-droits';
const MDPH = 'sante--constituer-un-dossier-mdph-invalidite';

/**
 * The nearest official thematiques of each extension thematique (read against the national referential's labels,
 * ../shared/data/data-inclusion-schema-v1/thematiques.json). Every one is broader than the extension value.
 */
export const DI_THEMATIQUE_EQUIVALENTS: Readonly<Record<string, readonly string[]>> = {
  autonomie: [DEPENDANCE, AIDANTS, MDPH],
  'autonomie--aide-et-accompagnement-a-domicile': [DEPENDANCE, 'equipement-et-alimentation--aide-menagere'],
  'autonomie--soins-a-domicile': ['sante--acces-aux-soins'],
  'autonomie--hebergement-permanent': [DEPENDANCE],
  'autonomie--hebergement-temporaire': [DEPENDANCE],
  'autonomie--accueil-de-jour': [DEPENDANCE, AIDANTS],
  'autonomie--repit-des-aidants': [AIDANTS],
  'autonomie--portage-de-repas': ['equipement-et-alimentation--alimentation'],
  'autonomie--teleassistance': [DEPENDANCE],
  'autonomie--adaptation-du-logement': ['logement-hebergement--se-maintenir-dans-le-logement'],
  'autonomie--transport-accompagne': ['mobilite--etre-accompagne-dans-son-parcours-mobilite', 'mobilite--mobilite-douce-partagee-collective'],
  'autonomie--protection-juridique': ['difficultes-financieres--mettre-en-place-une-mesure-de-protection-financiere', 'difficultes-administratives-ou-juridiques--beneficier-dune-mesure-daccompagnement-adapte'],
  'autonomie--information-et-coordination': [DROITS],
  'autonomie--droits-et-prestations': [DROITS, MDPH],
  'autonomie--accompagnement-vie-sociale': ['remobilisation--lien-social'],
  'autonomie--travail-protege': ['trouver-un-emploi--maintien-dans-lemploi'],
  'autonomie--etablissement-handicap': [DEPENDANCE],
  'autonomie--enfance-handicap': [DEPENDANCE, MDPH],
  'autonomie--entraide-et-lien-social': ['remobilisation--lien-social'],
  'autonomie--prevention': ['sante--acces-aux-soins', 'remobilisation--bien-etre-confiance-en-soi'],
};

/** The nearest official public of each extension public; `null`: none (the publics filter is then not sent). */
export const DI_PUBLIC_EQUIVALENTS: Readonly<Record<string, string | null>> = {
  'personnes-agees-en-perte-dautonomie': 'seniors',
  'enfants-en-situation-de-handicap': 'personnes-en-situation-de-handicap',
  'proches-aidants': null,
};

/** A filter as the API can take it, and what of it could not be said exactly. */
export interface Translated {
  /** Values to send (undefined: the filter is not sent). */
  values: string[] | undefined;
  /** `filter:value` of each value sent approximately or not at all. */
  unsupported: string[];
}

/** Thematiques (values or whole categories) in the API's vocabulary. */
export function toDiThematiques(values: readonly string[] | undefined): Translated {
  const out = new Set<string>();
  const unsupported: string[] = [];
  let dropAll = false;
  for (const v of values ?? []) {
    if (THEMATIQUES.has(v) || CATEGORIES.has(v)) out.add(v);
    else {
      unsupported.push(`thematiques:${v}`);
      const eq = DI_THEMATIQUE_EQUIVALENTS[v];
      if (eq) eq.forEach((t) => out.add(t));
      else dropAll = true;
    }
  }
  return { values: dropAll || out.size === 0 ? undefined : [...out], unsupported };
}

/**
 * Publics in the API's vocabulary. The API keeps services having one of the publics asked; Relais also keeps the
 * services open to everyone (`tous-publics`), so it is asked too.
 */
export function toDiPublics(values: readonly string[] | undefined): Translated {
  const out = new Set<string>();
  const unsupported: string[] = [];
  let dropAll = false;
  for (const v of values ?? []) {
    if (OFFICIAL.publics.has(v)) out.add(v);
    else {
      unsupported.push(`publics:${v}`);
      const eq = DI_PUBLIC_EQUIVALENTS[v];
      if (eq) out.add(eq);
      else dropAll = true;
    }
  }
  if (dropAll || out.size === 0 || out.has('tous-publics')) return { values: undefined, unsupported };
  return { values: [...out, 'tous-publics'], unsupported };
}

const OFFICIAL = {
  publics: official(DI_PUBLICS),
  types: official(DI_TYPES),
  frais: official(DI_FRAIS),
  modesAccueil: official(DI_MODES_ACCUEIL),
};

/** A list filter with no extension counterpart (types, frais, modes d'accueil): sent whole, or not at all. */
export function toDiList(filter: 'types' | 'frais' | 'modesAccueil', values: readonly string[] | undefined): Translated {
  const unknown = (values ?? []).filter((v) => !OFFICIAL[filter].has(v));
  if (!values?.length) return { values: undefined, unsupported: [] };
  if (unknown.length) return { values: undefined, unsupported: unknown.map((v) => `${filter}:${v}`) };
  return { values: [...values], unsupported: [] };
}
