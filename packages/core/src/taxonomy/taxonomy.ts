/**
 * The Relais taxonomy, as data.
 *
 * It is the national data·inclusion schema v1 referentials (thematiques, publics, types, frais,
 * modes d'accueil, modes de mobilisation, réseaux porteurs; Licence Ouverte 2.0), extended in the
 * same style for the medico-social field, which the national schema covers thinly:
 *
 * - an `autonomie--…` family of thematiques (aide à domicile, soins, hébergement, répit…),
 * - publics `personnes-agees-en-perte-dautonomie`, `proches-aidants`, `enfants-en-situation-de-handicap`,
 * - a mode d'accueil `a-domicile`,
 * - structure kinds (`typologie`: CCAS/CIAS, CLIC, MDPH/MDA, DAC, France Services, EHPAD, SSIAD…),
 *   each with its FINESS category code (nomenclature TRE_R66 / JDV_J55) where one exists.
 *
 * Every term carries a French label, an easy-read (FALC) label where it differs, and the words and
 * acronyms people actually type ("EHPAD", "maison de retraite", "auxiliaire de vie"), which the
 * search engine uses as synonyms. Extensions are flagged `extension: true`.
 */
import {
  DI_FRAIS,
  DI_MODES_ACCUEIL,
  DI_MODES_MOBILISATION,
  DI_PERSONNES_MOBILISATRICES,
  DI_PUBLICS,
  DI_RESEAUX_PORTEURS,
  DI_THEMATIQUES,
  DI_TYPES,
} from './di-referentials.js';

/** One value of a vocabulary. */
export interface Term {
  /** Stable slug, as in data·inclusion (`sante--acces-aux-soins`) or in our extension. */
  readonly value: string;
  /** French label. */
  readonly label: string;
  /** English label. */
  readonly labelEn?: string;
  /** Easy-read (FALC) French label, when it differs from `label`. */
  readonly falc?: string;
  /** Words, phrases and acronyms people type for this term (used as search synonyms). */
  readonly keywords?: readonly string[];
  /** True when the term is a Relais extension, not part of the national schema. */
  readonly extension?: boolean;
}

/** A structure kind, with its FINESS category and the DI réseau porteur it maps to. */
export interface StructureKind extends Term {
  /** FINESS category code (TRE_R66), when the kind is a FINESS establishment category. */
  readonly finess?: string;
  /** data·inclusion `reseaux_porteurs` value this kind corresponds to, if any. */
  readonly reseau?: string;
}

const fromDi = (list: ReadonlyArray<readonly [string, string]>, extra: Record<string, Partial<Term>> = {}): Term[] =>
  list.map(([value, label]) => ({ value, label, ...extra[value] }));

/** Thematique categories (the part before `--`), DI's 16 plus `autonomie`. */
export const THEMATIQUE_CATEGORIES: readonly Term[] = [
  { value: 'autonomie', label: 'Autonomie, grand âge et handicap', labelEn: 'Independent living, old age and disability', falc: 'Vivre chez soi, vieillir, handicap', extension: true },
  { value: 'sante', label: 'Santé', labelEn: 'Health', keywords: ['soins', 'médecin'] },
  { value: 'famille', label: 'Famille', labelEn: 'Family', keywords: ['aidant', 'enfants'] },
  { value: 'difficultes-administratives-ou-juridiques', label: 'Difficultés administratives ou juridiques', labelEn: 'Paperwork and legal matters', falc: 'Aide pour les papiers', keywords: ['papiers', 'démarches'] },
  { value: 'difficultes-financieres', label: 'Difficultés financières', labelEn: 'Money problems', falc: 'Problèmes d’argent', keywords: ['argent', 'budget', 'dettes'] },
  { value: 'logement-hebergement', label: 'Logement et hébergement', labelEn: 'Housing', falc: 'Trouver ou garder un logement', keywords: ['logement', 'hébergement'] },
  { value: 'mobilite', label: 'Mobilité', labelEn: 'Getting around', falc: 'Se déplacer', keywords: ['transport', 'déplacement'] },
  { value: 'numerique', label: 'Numérique', labelEn: 'Digital', falc: 'Internet et ordinateur', keywords: ['internet', 'ordinateur', 'informatique'] },
  { value: 'equipement-et-alimentation', label: 'Équipement et alimentation', labelEn: 'Food and equipment', falc: 'Manger et s’équiper', keywords: ['alimentation', 'nourriture', 'colis'] },
  { value: 'remobilisation', label: 'Remobilisation', labelEn: 'Social life and well-being', falc: 'Voir du monde, se sentir mieux' },
  { value: 'lecture-ecriture-calcul', label: 'Lecture, écriture, calcul', labelEn: 'Reading, writing, arithmetic' },
  { value: 'trouver-un-emploi', label: 'Trouver un emploi', labelEn: 'Finding a job' },
  { value: 'choisir-un-metier', label: 'Choisir un métier', labelEn: 'Choosing a job' },
  { value: 'preparer-sa-candidature', label: 'Préparer sa candidature', labelEn: 'Applying for jobs' },
  { value: 'se-former', label: 'Se former', labelEn: 'Training' },
  { value: 'creer-une-entreprise', label: 'Créer une entreprise', labelEn: 'Starting a business' },
  { value: 'souvrir-a-linternational', label: 'S’ouvrir à l’international', labelEn: 'Working abroad' },
];

/** The `autonomie--…` extension: medico-social needs of older and disabled people and their carers. */
const AUTONOMIE: Term[] = [
  { value: 'autonomie--aide-et-accompagnement-a-domicile', label: 'Aide et accompagnement à domicile', labelEn: 'Home help and support', falc: 'De l’aide à la maison', keywords: ['aide à domicile', 'aide a domicile', 'auxiliaire de vie', 'aide ménagère', 'ménage', 'SAAD', 'SAD', 'service autonomie', 'aide au lever', 'toilette', 'courses'] },
  { value: 'autonomie--soins-a-domicile', label: 'Soins à domicile', labelEn: 'Home nursing', falc: 'Des soins à la maison', keywords: ['SSIAD', 'infirmier', 'infirmière', 'aide-soignant', 'soins infirmiers', 'HAD', 'hospitalisation à domicile'] },
  { value: 'autonomie--hebergement-permanent', label: 'Hébergement permanent', labelEn: 'Residential care', falc: 'Vivre dans un établissement', keywords: ['EHPAD', 'maison de retraite', 'résidence autonomie', 'foyer logement', 'USLD', 'maison de vie', 'établissement', 'hébergement'] },
  { value: 'autonomie--hebergement-temporaire', label: 'Hébergement temporaire', labelEn: 'Short-term residential care', falc: 'Vivre quelque temps dans un établissement', keywords: ['hébergement temporaire', 'séjour temporaire', 'accueil temporaire', 'sortie d’hôpital'] },
  { value: 'autonomie--accueil-de-jour', label: 'Accueil de jour', labelEn: 'Day care', falc: 'Être accueilli la journée', keywords: ['accueil de jour', 'centre de jour', 'Alzheimer', 'mémoire'] },
  { value: 'autonomie--repit-des-aidants', label: 'Répit et soutien des aidants', labelEn: 'Respite and carer support', falc: 'Se reposer quand on aide un proche', keywords: ['répit', 'aidant', 'aidants', 'plateforme de répit', 'relayage', 'baluchonnage', 'soutien aidant', 'groupe de parole'] },
  { value: 'autonomie--portage-de-repas', label: 'Portage de repas', labelEn: 'Meals on wheels', falc: 'Recevoir ses repas à la maison', keywords: ['portage de repas', 'repas à domicile', 'repas'] },
  { value: 'autonomie--teleassistance', label: 'Téléassistance', labelEn: 'Personal alarm', falc: 'Un bouton pour appeler à l’aide', keywords: ['téléassistance', 'téléalarme', 'bip', 'médaillon', 'chute'] },
  { value: 'autonomie--adaptation-du-logement', label: 'Adaptation du logement', labelEn: 'Home adaptation', falc: 'Rendre son logement plus pratique', keywords: ['adaptation du logement', 'aménagement', 'MaPrimeAdapt', 'ergothérapeute', 'douche', 'monte-escalier'] },
  { value: 'autonomie--transport-accompagne', label: 'Transport accompagné', labelEn: 'Assisted transport', falc: 'Être accompagné pour se déplacer', keywords: ['transport', 'transport solidaire', 'TPMR', 'chauffeur', 'accompagnement aux courses'] },
  { value: 'autonomie--protection-juridique', label: 'Protection juridique des majeurs', labelEn: 'Legal protection of adults', falc: 'Être aidé pour gérer ses papiers et son argent', keywords: ['tutelle', 'curatelle', 'sauvegarde de justice', 'MJPM', 'mandataire', 'habilitation familiale'] },
  { value: 'autonomie--information-et-coordination', label: 'Information et coordination', labelEn: 'Information and care coordination', falc: 'Savoir à qui s’adresser', keywords: ['CLIC', 'DAC', 'coordination', 'point info', 'information seniors', 'MAIA', 'PTA', 'gestionnaire de cas'] },
  { value: 'autonomie--droits-et-prestations', label: 'Droits et prestations autonomie', labelEn: 'Disability and old-age benefits', falc: 'Demander une aide', keywords: ['APA', 'PCH', 'AAH', 'AEEH', 'CMI', 'RQTH', 'ASH', 'MDPH', 'MDA', 'dossier MDPH', 'allocation'] },
  { value: 'autonomie--accompagnement-vie-sociale', label: 'Accompagnement à la vie sociale', labelEn: 'Support for independent living', falc: 'Être accompagné dans sa vie de tous les jours', keywords: ['SAVS', 'SAMSAH', 'accompagnement', 'vie sociale'] },
  { value: 'autonomie--travail-protege', label: 'Travail protégé et emploi accompagné', labelEn: 'Sheltered and supported employment', falc: 'Travailler avec un handicap', keywords: ['ESAT', 'CAT', 'entreprise adaptée', 'emploi accompagné', 'travail protégé'] },
  { value: 'autonomie--etablissement-handicap', label: 'Établissement pour adultes handicapés', labelEn: 'Residential care for disabled adults', falc: 'Vivre dans un lieu adapté au handicap', keywords: ['MAS', 'FAM', 'foyer de vie', 'foyer d’hébergement', 'EANM', 'EAM'] },
  { value: 'autonomie--enfance-handicap', label: 'Enfance et handicap', labelEn: 'Disabled children', falc: 'Aide pour un enfant handicapé', keywords: ['IME', 'CAMSP', 'SESSAD', 'CMPP', 'ITEP', 'enfant handicapé'] },
  { value: 'autonomie--entraide-et-lien-social', label: 'Entraide et lien social', labelEn: 'Peer support and social ties', falc: 'Rencontrer d’autres personnes', keywords: ['GEM', 'groupe d’entraide mutuelle', 'club', 'isolement', 'visite', 'Monalisa', 'convivialité'] },
  { value: 'autonomie--prevention', label: 'Prévention de la perte d’autonomie', labelEn: 'Prevention of loss of independence', falc: 'Rester en forme en vieillissant', keywords: ['prévention', 'atelier', 'chute', 'équilibre', 'mémoire', 'gym douce', 'bien vieillir'] },
].map((t) => ({ ...t, extension: true }));

const DI_THEMATIQUE_KEYWORDS: Record<string, Partial<Term>> = {
  'sante--constituer-un-dossier-mdph-invalidite': { keywords: ['MDPH', 'dossier MDPH', 'invalidité', 'handicap'], falc: 'Faire un dossier MDPH' },
  'sante--acces-aux-soins': { keywords: ['médecin', 'soins', 'santé', 'complémentaire santé', 'CSS'] },
  'sante--sante-mentale': { keywords: ['psychologue', 'CMP', 'psychiatrie', 'souffrance psychique'] },
  'famille--soutien-aidants': { keywords: ['aidant', 'aidants', 'proche aidant', 'répit'], falc: 'Aide pour les aidants' },
  'famille--prise-en-charge-personne-dependante': { keywords: ['dépendance', 'perte d’autonomie', 'personne âgée'] },
  'difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives': { keywords: ['papiers', 'démarches', 'France Services', 'dossier', 'formulaire'], falc: 'Aide pour les papiers' },
  'difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-aux-droits': { keywords: ['droits', 'accès aux droits', 'CCAS', 'aide sociale'] },
  'difficultes-financieres--mettre-en-place-une-mesure-de-protection-financiere': { keywords: ['tutelle', 'curatelle', 'MJPM'] },
  'equipement-et-alimentation--aide-menagere': { keywords: ['aide ménagère', 'ménage'] },
  'equipement-et-alimentation--alimentation': { keywords: ['colis', 'épicerie sociale', 'banque alimentaire', 'repas'] },
  'mobilite--mobilite-douce-partagee-collective': { keywords: ['transport solidaire', 'covoiturage'] },
  'numerique--acceder-a-des-services-en-ligne': { keywords: ['internet', 'démarches en ligne', 'conseiller numérique'] },
  'remobilisation--lien-social': { keywords: ['isolement', 'lien social', 'club'] },
};

/** Every thematique: data·inclusion's 69, then the `autonomie--…` extension. */
export const THEMATIQUES: readonly Term[] = [...fromDi(DI_THEMATIQUES, DI_THEMATIQUE_KEYWORDS), ...AUTONOMIE];

/** Publics: data·inclusion's 14 plus three medico-social extensions. */
export const PUBLICS: readonly Term[] = [
  ...fromDi(DI_PUBLICS, {
    seniors: { keywords: ['personnes âgées', 'personne âgée', 'retraités', 'seniors', 'aînés', 'anciens'], falc: 'Personnes âgées', labelEn: 'Older people' },
    'personnes-en-situation-de-handicap': { keywords: ['handicap', 'handicapé', 'handicapée', 'PSH'], falc: 'Personnes handicapées', labelEn: 'Disabled people' },
    'tous-publics': { labelEn: 'Everyone', falc: 'Tout le monde' },
    familles: { labelEn: 'Families' },
    jeunes: { labelEn: 'Young people' },
  }),
  { value: 'personnes-agees-en-perte-dautonomie', label: 'Personnes âgées en perte d’autonomie', labelEn: 'Older people losing independence', falc: 'Personnes âgées qui ont besoin d’aide', keywords: ['dépendance', 'GIR', 'perte d’autonomie', 'personne âgée dépendante'], extension: true },
  { value: 'proches-aidants', label: 'Proches aidants', labelEn: 'Family carers', falc: 'Personnes qui aident un proche', keywords: ['aidant', 'aidants', 'aidant familial', 'proche aidant'], extension: true },
  { value: 'enfants-en-situation-de-handicap', label: 'Enfants en situation de handicap', labelEn: 'Disabled children', falc: 'Enfants handicapés', keywords: ['enfant handicapé', 'AEEH'], extension: true },
];

/** Types of service (data·inclusion v1, single value per service). */
export const TYPES: readonly Term[] = fromDi(DI_TYPES);

/** Fees (data·inclusion v1). */
export const FRAIS: readonly Term[] = fromDi(DI_FRAIS, { gratuit: { labelEn: 'Free' }, payant: { labelEn: 'Paid' } });

/** Modes d'accueil: data·inclusion's two plus `a-domicile` (the service comes to the person's home). */
export const MODES_ACCUEIL: readonly Term[] = [
  ...fromDi(DI_MODES_ACCUEIL, { 'en-presentiel': { label: 'Sur place', labelEn: 'In person' }, 'a-distance': { labelEn: 'Remote' } }),
  { value: 'a-domicile', label: 'À domicile', labelEn: 'At home', falc: 'Chez vous', keywords: ['à domicile', 'chez moi'], extension: true },
];

/** How to get to a service (data·inclusion v1). */
export const MODES_MOBILISATION: readonly Term[] = fromDi(DI_MODES_MOBILISATION);

/** Who can mobilise a service (data·inclusion v1). */
export const PERSONNES_MOBILISATRICES: readonly Term[] = fromDi(DI_PERSONNES_MOBILISATRICES);

/** data·inclusion `reseaux_porteurs` (structure level). */
export const RESEAUX_PORTEURS: readonly Term[] = fromDi(DI_RESEAUX_PORTEURS);

/** Structure kinds (`typologie`), a Relais extension with FINESS categories. */
export const STRUCTURE_KINDS: readonly StructureKind[] = [
  { value: 'ccas-cias', label: 'CCAS / CIAS', labelEn: 'Municipal social action centre', falc: 'Centre d’action sociale de la mairie', keywords: ['CCAS', 'CIAS', 'centre communal d’action sociale', 'action sociale'], reseau: 'ccas-cias' },
  { value: 'mairie', label: 'Mairie', labelEn: 'Town hall', keywords: ['mairie', 'commune'], reseau: 'communes' },
  { value: 'france-services', label: 'France Services', labelEn: 'France Services centre', falc: 'Lieu d’aide pour les papiers', keywords: ['France Services', 'MSAP', 'maison France services'], reseau: 'france-service' },
  { value: 'mdph-mda', label: 'MDPH / MDA', labelEn: 'Disability (and autonomy) centre', falc: 'Maison des personnes handicapées', keywords: ['MDPH', 'MDA', 'maison départementale', 'maison de l’autonomie'], finess: '609', reseau: 'mdph' },
  { value: 'conseil-departemental', label: 'Conseil départemental / maison des solidarités', labelEn: 'County council social services', keywords: ['département', 'conseil départemental', 'maison des solidarités', 'MDS', 'assistante sociale', 'travailleur social'], reseau: 'departements' },
  { value: 'clic', label: 'CLIC', labelEn: 'Local information centre for older people', falc: 'Point d’information pour les personnes âgées', keywords: ['CLIC', 'point info seniors'], finess: '463' },
  { value: 'dac', label: 'Dispositif d’appui à la coordination (DAC)', labelEn: 'Care coordination service', keywords: ['DAC', 'coordination', 'PTA', 'MAIA'], finess: '606' },
  { value: 'centre-social', label: 'Centre social', labelEn: 'Community centre', keywords: ['centre social', 'espace de vie sociale'], reseau: 'fcsf' },
  { value: 'gem', label: 'Groupe d’entraide mutuelle (GEM)', labelEn: 'Peer support group', keywords: ['GEM', 'entraide'] },
  { value: 'plateforme-repit', label: 'Plateforme de répit', labelEn: 'Carer respite service', falc: 'Lieu pour aider les aidants', keywords: ['plateforme de répit', 'répit', 'aidants'] },
  { value: 'ehpad', label: 'EHPAD', labelEn: 'Nursing home', falc: 'Maison de retraite médicalisée', keywords: ['EHPAD', 'maison de retraite'], finess: '500' },
  { value: 'residence-autonomie', label: 'Résidence autonomie', labelEn: 'Sheltered housing', falc: 'Logement pour personnes âgées autonomes', keywords: ['résidence autonomie', 'foyer logement', 'résidence seniors'], finess: '202' },
  { value: 'accueil-de-jour', label: 'Accueil de jour', labelEn: 'Day care centre', keywords: ['accueil de jour', 'centre de jour'], finess: '207' },
  { value: 'ssiad', label: 'SSIAD', labelEn: 'Home nursing service', falc: 'Service de soins à la maison', keywords: ['SSIAD', 'soins infirmiers à domicile'], finess: '354' },
  { value: 'saad', label: 'Service d’aide à domicile (SAAD / SAD)', labelEn: 'Home help service', falc: 'Service d’aide à la maison', keywords: ['SAAD', 'SAD', 'aide à domicile', 'service autonomie aide'], finess: '460' },
  { value: 'spasad', label: 'Service autonomie aide et soins (ex-SPASAD)', labelEn: 'Home help and nursing service', keywords: ['SPASAD', 'SAAS', 'service autonomie'], finess: '209' },
  { value: 'esat', label: 'ESAT', labelEn: 'Sheltered workshop', falc: 'Lieu de travail adapté au handicap', keywords: ['ESAT', 'CAT'], finess: '246', reseau: 'esat' },
  { value: 'mas', label: 'Maison d’accueil spécialisée (MAS)', labelEn: 'Specialised care home', keywords: ['MAS'], finess: '255' },
  { value: 'fam', label: 'Foyer d’accueil médicalisé (FAM)', labelEn: 'Medicalised home for disabled adults', keywords: ['FAM', 'EAM'], finess: '437' },
  { value: 'foyer-de-vie', label: 'Foyer de vie', labelEn: 'Residential home for disabled adults', keywords: ['foyer de vie', 'foyer occupationnel', 'EANM'], finess: '382' },
  { value: 'savs', label: 'SAVS', labelEn: 'Independent living support service', keywords: ['SAVS'], finess: '446' },
  { value: 'samsah', label: 'SAMSAH', labelEn: 'Medico-social support service for disabled adults', keywords: ['SAMSAH'], finess: '445' },
  { value: 'ime', label: 'Institut médico-éducatif (IME)', labelEn: 'Special school', keywords: ['IME'], finess: '183' },
  { value: 'camsp', label: 'CAMSP', labelEn: 'Early intervention centre', keywords: ['CAMSP', 'action médico-sociale précoce'], finess: '190' },
  { value: 'association', label: 'Association', labelEn: 'Charity', keywords: ['association', 'bénévoles'] },
  { value: 'mandataire-judiciaire', label: 'Service mandataire judiciaire (MJPM)', labelEn: 'Court-appointed guardian service', keywords: ['MJPM', 'tutelle', 'curatelle', 'UDAF'] },
].map((k) => ({ ...k, extension: true }));

/** All vocabularies by name. */
export const VOCABULARIES = {
  thematiques: THEMATIQUES,
  categories: THEMATIQUE_CATEGORIES,
  publics: PUBLICS,
  types: TYPES,
  frais: FRAIS,
  modesAccueil: MODES_ACCUEIL,
  modesMobilisation: MODES_MOBILISATION,
  personnesMobilisatrices: PERSONNES_MOBILISATRICES,
  reseauxPorteurs: RESEAUX_PORTEURS,
  typologies: STRUCTURE_KINDS,
} as const;

/** Name of one vocabulary. */
export type VocabularyName = keyof typeof VOCABULARIES;

const maps = new Map<VocabularyName, Map<string, Term>>();
/** Looks a term up by its value in one vocabulary. */
export function term(vocabulary: VocabularyName, value: string): Term | undefined {
  let m = maps.get(vocabulary);
  if (!m) {
    m = new Map(VOCABULARIES[vocabulary].map((t) => [t.value, t]));
    maps.set(vocabulary, m);
  }
  return m.get(value);
}

/** The label to show for a term, in the given locale and register, falling back to the value itself. */
export function termLabel(vocabulary: VocabularyName, value: string, opts: { lang?: string; falc?: boolean } = {}): string {
  const t = term(vocabulary, value);
  if (!t) return value;
  if (opts.lang?.startsWith('en') && t.labelEn) return t.labelEn;
  return (opts.falc && t.falc) || t.label;
}

/** Category of a thematique slug (`sante--acces-aux-soins` → `sante`). */
export const categoryOf = (thematique: string): string => thematique.split('--')[0] ?? thematique;

/** FINESS categories that belong to a kind beside its main one (448 « établissement d’accueil médicalisé », the FAM's successor). */
const MORE_FINESS: Readonly<Record<string, string>> = { '448': 'fam' };

/** FINESS category code → structure kind. */
export const kindByFiness = (code: string): StructureKind | undefined =>
  STRUCTURE_KINDS.find((k) => k.finess === code) ?? (MORE_FINESS[code] ? STRUCTURE_KINDS.find((k) => k.value === MORE_FINESS[code]) : undefined);

// Most specific first: a France services run by a département is a France services. `communes` (« communes,
// mairies, communautés de communes, etc. ») is too broad to mean a town hall, and is not used.
const RESEAU_ORDER = ['france-service', 'mdph', 'maison-departementale-de-lautonomie', 'esat', 'ccas-cias', 'fcsf', 'maisons-des-solidarites', 'departements'];
/**
 * The structure kind of a structure from its data·inclusion `reseaux_porteurs`, the most specific réseau
 * first (`france-service` → `france-services`, `ccas-cias` → `ccas-cias`, `mdph` → `mdph-mda`…).
 */
export function kindByReseau(reseaux: readonly string[]): StructureKind | undefined {
  for (const r of RESEAU_ORDER) {
    if (!reseaux.includes(r)) continue;
    const k = STRUCTURE_KINDS.find((x) => x.reseau === r || (r === 'maison-departementale-de-lautonomie' && x.value === 'mdph-mda') || (r === 'maisons-des-solidarites' && x.value === 'conseil-departemental'));
    if (k) return k;
  }
  return undefined;
}
