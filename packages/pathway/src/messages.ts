import { lazyCatalogue, type LazyCatalogue, type Lang } from '@relais/core';

type Keys =
  | 'status-done' | 'status-current' | 'status-upcoming' | 'status-overdue' | 'status-skipped' | 'summary' | 'summaryDone' | 'next' | 'started' | 'done'
  | 'due' | 'dueEstimate' | 'expected' | 'daysLeft' | 'daysLate' | 'actor' | 'documents' | 'received' | 'toProvide' | 'legal' | 'deadline'
  | 'findActor' | 'details' | 'print' | 'simulateLabel' | 'simulateHint' | 'simulateButton' | 'simulateError' | 'ruptures' | 'optional' | 'invalid'
  | 'loading' | 'stepOf' | 'expectedEnd' | 'estimated' | 'loadFailed' | 'kept' | 'retry' | 'doneUnknown' | 'notMarked' | 'yourDeadline'
  | 'adminDeadline' | 'dueWorst' | 'toVerify' | 'toConfirm' | 'source' | 'status-overdue-estimate' | 'action-late' | 'action-late-estimate' | 'action-deadline' | 'action-now' | 'condition';

/**
 * Messages of the pathway widget (the templates carry their own words): the French here, in the widget's chunk; the English in `messages-en.ts`, loaded
 * only where an element speaks English (the element shows French until it has arrived, never a key).
 */
export const messages: LazyCatalogue<Keys> = lazyCatalogue(
  {
    'status-done': 'Terminé',
    'status-current': 'En cours',
    'status-upcoming': 'À venir',
    'status-overdue': 'Délai dépassé',
    'status-overdue-estimate': 'Date indicative dépassée',
    'status-skipped': 'Sans objet',
    summary: (p) => `Étape en cours : ${p.label} (${p.n} sur ${p.total}).`,
    summaryDone: 'Toutes les étapes sont terminées.',
    next: 'Ce que vous pouvez faire maintenant :',
    started: 'Commencé le',
    done: 'le',
    due: 'Échéance :',
    dueEstimate: 'Échéance prévisible :',
    expected: 'Prévu vers le',
    daysLeft: (p) => (p.n === 0 ? 'aujourd’hui' : `dans ${p.n} jour${(p.n as number) > 1 ? 's' : ''}`),
    daysLate: (p) => `dépassé de ${p.n} jour${(p.n as number) > 1 ? 's' : ''}`,
    actor: 'Qui s’en occupe :',
    documents: 'Documents',
    received: 'reçu',
    toProvide: 'à fournir ou attendu',
    legal: 'Texte de référence :',
    source: 'Source :',
    deadline: 'Délai :',
    findActor: (p) => `Trouver : ${p.kind} près de chez vous`,
    details: 'Détails de l’étape',
    print: 'Imprimer le parcours',
    simulateLabel: 'Date de votre demande',
    simulateHint: 'Par exemple 23/11/2026. Le calendrier prévisible s’affiche ; rien n’est envoyé.',
    simulateButton: 'Voir mon calendrier',
    simulateError: 'Indiquez une date valide, par exemple 23/11/2026.',
    ruptures: 'Changements de situation',
    optional: 'facultatif',
    invalid: 'Ce parcours ne peut pas être affiché :',
    loading: 'Chargement du parcours…',
    stepOf: (p) => `Étape ${p.n} sur ${p.total}`,
    expectedEnd: 'Fin prévisible du parcours :',
    estimated: '(estimation)',
    loadFailed: 'Le dossier n’a pas pu être chargé :',
    kept: 'Le parcours affiché est celui du dernier chargement réussi.',
    retry: 'Réessayer',
    doneUnknown: '(date non renseignée)',
    notMarked: 'réception non indiquée',
    yourDeadline: 'Votre délai : jusqu’au',
    adminDeadline: 'Délai de l’administration :',
    dueWorst: (p) => `Date indicative (${p.cond}) :`,
    toVerify: '(référence à vérifier sur Légifrance)',
    toConfirm: '(à confirmer)',
    'action-late': 'Délai dépassé',
    'action-late-estimate': 'Date indicative dépassée',
    'action-deadline': 'Votre délai',
    'action-now': 'En cours',
    condition: (p) => `Ce délai ne s’applique que si : ${p.label}.`,
  },
  // English: its own module and chunk, loaded only where an element speaks English
  () => import('./messages-en.js').then((m) => m.en),
);

export type MessageKey = Keys;
export type { Lang };
