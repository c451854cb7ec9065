/**
 * Normalised records: the data·inclusion v1 fields, with lists always present (never null),
 * `frais` as one value, and coordinates kept only when valid.
 */

/** Address, position, contact and opening hours, shared by structures and services. */
export interface Located {
  adresse: string | null;
  complement_adresse: string | null;
  commune: string | null;
  code_postal: string | null;
  /** INSEE (COG) code of the commune. */
  code_insee: string | null;
  latitude: number | null;
  longitude: number | null;
  telephone: string | null;
  courriel: string | null;
  lien_source: string | null;
  /** Opening hours in OpenStreetMap `opening_hours` syntax (e.g. `Mo-Fr 09:00-12:00`). */
  horaires_accueil: string | null;
}

/** A structure (organisation or site). */
export interface Structure extends Located {
  source: string;
  /** Globally unique id, `source--local id`. */
  id: string;
  nom: string;
  /** Last update at the producer (ISO date); shown as "mis à jour le …". */
  date_maj: string;
  description: string | null;
  siret: string | null;
  site_web: string | null;
  accessibilite_lieu: string | null;
  reseaux_porteurs: string[];
  /** Extension: structure kind (STRUCTURE_KINDS value). */
  typologie: string | null;
  /** Extension: FINESS establishment number. */
  numero_finess: string | null;
  /** Extension: FINESS category code. */
  categorie_finess: string | null;
  /**
   * Extension: short label of the record's origin and age, shown beside it (« FINESS, janvier 2021 »,
   * « ANCT – liste des France services, 01/08/2024 », « Donnée fictive (démonstration) »).
   */
  source_libelle?: string | null;
}

/** A service offered by a structure. */
export interface Service extends Located {
  source: string;
  id: string;
  structure_id: string;
  nom: string;
  description: string | null;
  date_maj: string;
  type: string | null;
  thematiques: string[];
  frais: string | null;
  frais_precisions: string | null;
  publics: string[];
  publics_precisions: string | null;
  conditions_acces: string | null;
  modes_accueil: string[];
  modes_mobilisation: string[];
  mobilisable_par: string[];
  mobilisation_precisions: string | null;
  lien_mobilisation: string | null;
  contact_nom_prenom: string | null;
  /** Codes of communes, départements, EPCI (SIREN) or `france` where the service is open. */
  zone_eligibilite: string[];
  volume_horaire_hebdomadaire: number | null;
  nombre_semaines: number | null;
  /** Extension: accessibility notes. */
  accessibilite: string | null;
  /** Extension: documents to bring. */
  justificatifs: string[];
}

/** One search hit: the service, its structure and the distance when a place was given. */
export interface SearchItem {
  service: Service;
  structure: Structure | null;
  /** Distance in kilometres from the query's place, or null when unknown or not applicable. */
  distanceKm: number | null;
}

/** A problem found in the data. */
export interface DataIssue {
  /** Which kind of record. */
  record: 'structure' | 'service' | 'dataset';
  /** Position of the record in its list. */
  index: number;
  /** Id of the record when it could be read. */
  id?: string;
  /** Field concerned (dotted path). */
  field: string;
  /** French explanation. */
  message: string;
  /** `error`: the record was skipped; `warning`: a value was dropped (or, with `outcome`, kept) and the record kept. */
  severity: 'error' | 'warning';
  /**
   * What was done, in French, when it is not the default (« ignoré » for an error, « valeur écartée » for a
   * warning): « service gardé sans sa structure », « position gardée, mais non placée sur la carte ».
   */
  outcome?: string;
}

/** Data-quality report of a source (`client.diagnostics`). */
export interface Diagnostics {
  /** Records read. */
  received: number;
  /** Records kept. */
  accepted: number;
  /** Records skipped because invalid. */
  skipped: number;
  /** Values dropped from kept records (unknown vocabulary value, invalid coordinates…). */
  warnings: number;
  /** The first issues (at most 200), for display to professionals and integrators. */
  issues: DataIssue[];
}
