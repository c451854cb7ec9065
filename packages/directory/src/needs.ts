/**
 * Need tiles: a short list of needs in plain French, each opening the directory on a set of
 * thematiques. People start from what they need, not from the name of an institution.
 */
export interface Need {
  id: string;
  label: string;
  falc: string;
  labelEn: string;
  thematiques: readonly string[];
}

export const NEEDS: readonly Need[] = [
  { id: 'domicile', label: 'Être aidé à la maison', falc: 'De l’aide chez moi', labelEn: 'Help at home', thematiques: ['autonomie--aide-et-accompagnement-a-domicile', 'autonomie--soins-a-domicile', 'autonomie--portage-de-repas', 'autonomie--teleassistance', 'autonomie--adaptation-du-logement'] },
  { id: 'etablissement', label: 'Trouver un établissement (EHPAD, résidence)', falc: 'Un endroit où habiter avec de l’aide', labelEn: 'Find a care home', thematiques: ['autonomie--hebergement-permanent', 'autonomie--hebergement-temporaire', 'autonomie--etablissement-handicap'] },
  { id: 'aidants', label: 'Souffler quand on aide un proche', falc: 'J’aide un proche et je suis fatigué', labelEn: 'Respite for carers', thematiques: ['autonomie--repit-des-aidants', 'famille--soutien-aidants', 'autonomie--accueil-de-jour'] },
  { id: 'droits', label: 'Demander une aide (APA, MDPH…)', falc: 'Demander de l’argent ou une aide', labelEn: 'Apply for benefits', thematiques: ['autonomie--droits-et-prestations', 'sante--constituer-un-dossier-mdph-invalidite', 'difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-aux-droits'] },
  { id: 'papiers', label: 'Être aidé pour les papiers', falc: 'De l’aide pour mes papiers', labelEn: 'Help with paperwork', thematiques: ['difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives', 'numerique--acceder-a-des-services-en-ligne', 'autonomie--protection-juridique'] },
  { id: 'information', label: 'Savoir à qui s’adresser', falc: 'Qui peut m’aider ?', labelEn: 'Who to ask', thematiques: ['autonomie--information-et-coordination'] },
  { id: 'transport', label: 'Se déplacer', falc: 'Aller quelque part', labelEn: 'Getting around', thematiques: ['autonomie--transport-accompagne', 'mobilite--mobilite-douce-partagee-collective'] },
  { id: 'handicap', label: 'Handicap : travail, vie sociale, enfance', falc: 'Handicap : travailler, vivre, grandir', labelEn: 'Disability: work, daily life, children', thematiques: ['autonomie--travail-protege', 'autonomie--accompagnement-vie-sociale', 'autonomie--enfance-handicap'] },
  { id: 'lien', label: 'Rompre l’isolement', falc: 'Voir du monde', labelEn: 'Meet people', thematiques: ['autonomie--entraide-et-lien-social', 'remobilisation--lien-social', 'autonomie--prevention'] },
];

/** A need's label: in English, in easy-read French (FALC), or in French. */
export function needLabel(n: Need, lang: string, falc: boolean): string {
  return lang === 'en' ? n.labelEn : falc ? n.falc : n.label;
}
