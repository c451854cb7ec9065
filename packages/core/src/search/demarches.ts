/**
 * The words people type for everyday paperwork (« carte grise », « CNI », « impôts », « CAF »…), as search
 * synonyms: they stand for France services sites (whose partners handle these démarches: ANTS for the
 * ministère de l'Intérieur, DGFiP, Caf, Assurance maladie, Assurance retraite, MSA, France Travail) and for
 * the services that help with démarches and rights. The national lists describe sites, not démarches, so
 * without these words « carte grise » finds nothing in the real France services list.
 */
import type { Synonym } from './text-index.js';

const FS = 'k:france-services';
const DEMARCHES = 't:difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives';
const DROITS = 't:difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-aux-droits';
const EN_LIGNE = 't:numerique--acceder-a-des-services-en-ligne';

// phrases (separated by |) → concepts; the France services concept is the strongest
const TABLE: ReadonlyArray<readonly [string, Synonym['concepts']]> = [
  [
    'carte grise|certificat d’immatriculation|immatriculation|passeport|carte d’identité|carte nationale d’identité|CNI|pièce d’identité|' +
      'papiers d’identité|permis|permis de conduire|ANTS|titre sécurisé|pré-demande',
    [[FS, 1], [DEMARCHES, 0.8], [EN_LIGNE, 0.5]],
  ],
  ['impôts|impôt|impots.gouv|déclaration de revenus|déclaration d’impôts|prélèvement à la source|finances publiques|DGFiP|taxe d’habitation|taxe foncière', [[FS, 1], [DEMARCHES, 0.8]]],
  [
    'CAF|allocations familiales|prime d’activité|RSA|APL|aide au logement|retraite|assurance retraite|CARSAT|CNAV|pension de retraite|MSA|' +
      'mutualité sociale agricole|assurance maladie|CPAM|Ameli|carte Vitale|sécurité sociale|Pôle emploi|France Travail|chômage|allocation chômage',
    [[FS, 1], [DROITS, 0.8], [DEMARCHES, 0.6]],
  ],
  ['MSAP|maison de services au public|maison France services|espace France services|France service|France services|point justice|La Poste', [[FS, 1], [DEMARCHES, 0.6]]],
];

/** The démarches synonyms, one entry per phrase. */
export function demarchesSynonyms(): Synonym[] {
  return TABLE.flatMap(([phrases, concepts]) => phrases.split('|').map((phrase) => ({ phrase, concepts })));
}
