/** What the shipped templates share: answer lists, the audiences of an emergency sheet, the model-field helper. */
import type { Audience } from '../sheet-schema.js';

export const yesNoUnknown = [
  { value: 'oui', label: 'Oui' },
  { value: 'non', label: 'Non' },
  { value: 'ne-sait-pas', label: 'Je ne sais pas' },
];
export const m = (model: string, field: string) => ({ model, field });

/** Everyone who reads the kept sheet in an emergency. */
export const URGENCE: Audience[] = ['personne', 'proches', 'secours', 'urgences', 'medecin'];
/** Health content: not the proches (the personne à prévenir has no access to medical information). */
export const SOIN: Audience[] = ['personne', 'secours', 'urgences', 'medecin'];
/** The fiche retour without the diagnosis: also the home workers, who organise the return (not the proches). */
export const RETOUR: Audience[] = [...SOIN, 'intervenants'];

/** The measures under which a person is in charge of the protection (tutelle, curatelle, habilitation familiale, mandat). */
export const MEASURES_WITH_A_PERSON_IN_CHARGE = ['curatelle', 'tutelle', 'habilitation-familiale', 'mandat-protection-future'];

export const mesureOptions = [
  { value: 'aucune', label: 'Aucune' },
  { value: 'sauvegarde', label: 'Sauvegarde de justice' },
  { value: 'curatelle', label: 'Curatelle' },
  { value: 'tutelle', label: 'Tutelle' },
  { value: 'habilitation-familiale', label: 'Habilitation familiale' },
  { value: 'mandat-protection-future', label: 'Mandat de protection future' },
];

