/**
 * The measurement events (packages/core/measurement-v1.schema.json, version 1): referential ids, counts and a zone
 * rounded to the EPCI or the département — never the words typed, a position, an answer or an identifier of a person.
 */

/** The place of an event: the commune is never sent, only its EPCI (SIREN) or, failing that, its département. */
export type MeasureZone = { niveau: 'epci'; code: string } | { niveau: 'departement'; code: string } | { niveau: 'aucune' };

interface Common {
  v: 1;
  /** The local day `YYYY-MM-DD` (never the time). */
  jour: string;
  /** The host name of the page (no path, no parameter). */
  site?: string;
}

/** A directory search. */
export interface SearchMeasure extends Common {
  type: 'recherche';
  besoin?: string;
  thematiques: string[];
  publics?: string[];
  zone: MeasureZone;
  resultats: number;
  origine: 'directe' | 'eligibilite' | 'parcours' | 'carte';
  aide?: string;
  source?: 'static' | 'rest' | 'data-inclusion';
}

/** Eligibility results shown. */
export interface EligibilityMeasure extends Common {
  type: 'eligibilite';
  resultats: Array<{ aide: string; statut: 'eligible' | 'probable' | 'unknown' | 'not_eligible' }>;
  zone: MeasureZone;
}

/** A liaison sheet sent or queued. */
export interface SheetMeasure extends Common {
  type: 'fiche';
  modele: string;
  etat: 'envoyee' | 'en_attente';
  destinataire?: string;
}

/** A pathway shown. */
export interface PathwayMeasure extends Common {
  type: 'parcours';
  modele: string;
  etapes: Array<{ etape: string; statut: 'a_temps' | 'en_retard' }>;
}

/** One measurement event. */
export type MeasurementEvent = SearchMeasure | EligibilityMeasure | SheetMeasure | PathwayMeasure;

/** Where events go: called once per event, must never throw into the page. */
export interface MeasurementSink {
  send(event: MeasurementEvent): void;
  /** Sends what is pending now (the page is being hidden). */
  flush?(final?: boolean): void;
  /** Stops timers and listeners. */
  close?(): void;
}
