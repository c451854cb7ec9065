/**
 * The types of the indicators contract (packages/core/indicators-openapi.json, schema `Indicators`), written once:
 * the server (@relais/server) publishes them, `<relais-indicators>` reads them. No code here.
 */

/** A count, or a cell masked because it counts fewer than `k` events (`Count`). */
export type Count = { n: number } | { masque: true };

/** Where searches came from: an EPCI (SIREN), a département, or nowhere known (`Zone`). */
export interface Zone {
  niveau: 'epci' | 'departement' | 'aucune';
  code?: string;
  /** Name of the EPCI or of the département. */
  nom?: string;
}

/** The outcomes of an eligibility run, as counted. */
export type EligibilityStatus = 'eligible' | 'probable' | 'unknown' | 'not_eligible';

/** The indicators of a period (cells below the threshold masked by the server). */
export interface Indicators {
  /** The threshold: a published cell counts at least `k` events. */
  k: number;
  du: string;
  au: string;
  besoins_non_couverts: Array<{ besoin: string; zone: Zone; recherches: Count; sans_resultat: Count }>;
  besoins: Array<{ besoin: string; recherches: Count; sans_resultat: Count }>;
  eligibilite: Array<{ aide: string; statut: EligibilityStatus; n: Count; suivis_d_une_recherche: Count }>;
  fiches: Array<{ modele: string; destinataire: string; envoyees: Count; en_attente: Count }>;
  parcours: Array<{ modele: string; etape: string; a_temps: Count; en_retard: Count }>;
  /** The directory's records today (not events). */
  fraicheur?: { services?: number; a_verifier?: number };
  /** Per organisation, when the contributions module runs. */
  contributions?: Array<{ structure_id?: string; structure_nom?: string; suggestions?: number; acceptees?: number; confirmations?: number }>;
}
