/**
 * Marker groups: a shape, a colour and a word for each family of structures, so that the legend
 * never relies on colour alone.
 */
export interface MarkerGroup {
  id: string;
  label: string;
  labelEn: string;
  /** A character shown inside the marker (shape cue besides the CSS shape). */
  symbol: string;
  kinds: readonly string[];
}

export const GROUPS: readonly MarkerGroup[] = [
  { id: 'accueil', label: 'Accueil, information, droits', labelEn: 'Information and rights', symbol: 'i', kinds: ['ccas-cias', 'mairie', 'france-services', 'mdph-mda', 'conseil-departemental', 'clic', 'dac'] },
  { id: 'domicile', label: 'Services à domicile', labelEn: 'Home services', symbol: 'D', kinds: ['saad', 'ssiad', 'spasad'] },
  { id: 'etablissement', label: 'Établissements', labelEn: 'Residential care', symbol: 'E', kinds: ['ehpad', 'residence-autonomie', 'mas', 'fam', 'foyer-de-vie', 'ime'] },
  { id: 'accompagnement', label: 'Accompagnement, répit, travail', labelEn: 'Support, respite, work', symbol: 'A', kinds: ['accueil-de-jour', 'plateforme-repit', 'savs', 'samsah', 'esat', 'camsp', 'mandataire-judiciaire'] },
  { id: 'lien', label: 'Lien social, associations', labelEn: 'Social life, charities', symbol: 'L', kinds: ['centre-social', 'gem', 'association'] },
];

const OTHER: MarkerGroup = { id: 'autre', label: 'Autres services', labelEn: 'Other services', symbol: '•', kinds: [] };

/** The group of a structure kind. */
export const groupOf = (kind: string | null): MarkerGroup => (kind && GROUPS.find((g) => g.kinds.includes(kind))) || OTHER;
