/**
 * The types of the contributions contract (packages/core/contributions-openapi.json), written once: the server
 * (@relais/server) answers with them, `<relais-contributions>` reads them. No code but the two lists of values.
 */

/** The fields a suggestion can change (the contract's `Champ`). */
export const CHAMPS = ['telephone', 'courriel', 'adresse', 'horaires_accueil', 'description', 'ferme', 'demenage'] as const;
/** A field a suggestion can change. */
export type Champ = (typeof CHAMPS)[number];
/** Who writes a suggestion (the contract's `Auteur`). */
export const AUTEURS = ['usager', 'professionnel', 'structure'] as const;
/** Who wrote a suggestion. */
export type Auteur = (typeof AUTEURS)[number];

/** The person signed in and the départements they moderate (the contract's `Moderator`). */
export interface Moderator {
  sub: string;
  nom: string;
  courriel?: string | null;
  territoires: string[];
}

/** One field of a suggestion: its French label, the value before and the value proposed (`FieldChange`). */
export interface FieldChange {
  champ: Champ;
  libelle: string;
  avant: string | null;
  apres: string;
}

/** A suggestion, as the queue gives it (`Contribution`). */
export interface Contribution {
  id: string;
  service_id: string;
  service_nom: string;
  structure_nom: string;
  source: string;
  departement: string | null;
  auteur: Auteur;
  recu_le: string;
  statut: 'en_attente' | 'acceptee' | 'refusee';
  changements: FieldChange[];
  commentaire: string | null;
  contact: string | null;
  lien_source: string | null;
  /** False when the record is synchronised from another source: the correction goes to its producer. */
  modifiable: boolean;
  /** Who decided, when, why (a decided suggestion only). */
  decision?: { par: string; le: string; motif: string | null; champs?: Champ[] };
}

/** A record not confirmed for a while (`FreshnessItem`). */
export interface FreshnessItem {
  service_id: string;
  service_nom: string;
  structure_nom: string;
  date_maj: string;
  a_un_courriel: boolean;
  demande_envoyee_le: string | null;
}

/** Counts per organisation and per author (`ContributionStats`). */
export interface ContributionStats {
  par_structure: Array<{ structure_id: string; structure_nom: string; suggestions: number; acceptees: number; refusees: number; confirmations: number }>;
  par_auteur: Record<Auteur, number>;
}

/** A page of a listing (`ContributionPage`, `FreshnessPage`). */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pages: number;
}
