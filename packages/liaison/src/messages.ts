import { plural, lazyCatalogue, type LazyCatalogue, type Lang } from '@relais/core';
import { NO_CRYPTO } from './vault.js';

type P = Record<string, unknown>;

type Keys =
  // the sheet and its loading
  | 'sheet' | 'loadingSheet' | 'cannotShow' | 'insecurePage' | 'loadFailed' | 'unknownTemplate' | 'noField'
  // draft, device, idle, erase
  | 'savedShared' | 'savedPersonal' | 'saveFailed' | 'idleSoon' | 'idleErased' | 'keepFilling' | 'erasedOnLeave' | 'erasedElsewhere'
  | 'erased' | 'erase' | 'thisTab' | 'lockedStartsEmpty' | 'conflict' | 'takeTheirs' | 'keepMine'
  // passphrase
  | 'unlockTitle' | 'passphrase' | 'passphraseEnter' | 'passphraseChoose' | 'passphraseShort' | 'passphraseWrong' | 'openSheet'
  // resume, tasks, import and export
  | 'resumeTitle' | 'lastSaved' | 'resume' | 'restart' | 'tasksTitle' | 'partsDone' | 'review' | 'print' | 'export' | 'importLabel'
  | 'importHint' | 'importNotEmpty' | 'importTooBig' | 'importUnreadable' | 'imported' | 'exported'
  | 'status-not-started' | 'status-in-progress' | 'status-completed' | 'status-to-review'
  // sections and fields
  | 'problems' | 'saveAndContinue' | 'backToTasks' | 'required' | 'yes' | 'no' | 'itemNo' | 'removeItem' | 'addItem' | 'notGiven'
  // review
  | 'updated' | 'refused' | 'refusedKept' | 'toFix' | 'editSection' | 'toConsent'
  // sending
  | 'sendingNow' | 'sendFailed' | 'sentAt' | 'sentQueued' | 'nothingQueued' | 'stillQueued' | 'queuedOnLoad' | 'withdrawnText'
  | 'titleQueued' | 'titleWithdrawn' | 'titleSent' | 'objection' | 'retrySend' | 'withdraw' | 'newSheet' | 'backToSheet'
  // consent step
  | 'consentLoadFailed' | 'noticeUnreadable' | 'consentTitle' | 'consentIntro' | 'regimeLegend' | 'recommended' | 'notCsp' | 'inDoubt' | 'toWhom'
  | 'partsTitle' | 'neverSent' | 'infoVersion' | 'printInfo' | 'whoAnswered' | 'parents' | 'person' | 'representative' | 'parentsName'
  | 'representativeName' | 'protectedInformed' | 'minorInformed' | 'parentsInformation' | 'personAnswer' | 'impossibleReason' | 'impossibleHint'
  | 'followUp' | 'followUpHint' | 'childInterest' | 'childInformed' | 'howInformed' | 'howCollected' | 'oral' | 'written' | 'copyGiven'
  | 'collectedBy' | 'sending' | 'saveAnswer' | 'backToReview' | 'notSentTitle' | 'answerRecorded' | 'oralLower' | 'writtenLower' | 'nothingSent';

/**
 * Messages of the liaison form (the sheets' own words come from their templates): the French here, in the widget's chunk; the English in `messages-en.ts`, loaded
 * only where an element speaks English (the element shows French until it has arrived, never a key).
 */
export const messages: LazyCatalogue<Keys> = lazyCatalogue(
  {
    sheet: 'Fiche de liaison',
    loadingSheet: 'Chargement de la fiche…',
    cannotShow: 'Cette fiche ne peut pas être affichée :',
    insecurePage: NO_CRYPTO,
    loadFailed: 'La fiche n’a pas pu être chargée : vérifiez la connexion, puis rechargez la page.',
    unknownTemplate: (p: P) => `Modèle de fiche inconnu : « ${p.id} ».`,
    noField: 'Aucun champ',
    savedShared: (p: P) => `Brouillon gardé dans cet onglet à ${p.time}`,
    savedPersonal: (p: P) => `Brouillon enregistré sur cet appareil à ${p.time}`,
    saveFailed: 'Le brouillon n’a pas pu être enregistré sur cet appareil : gardez cette page ouverte.',
    idleSoon: 'Sans action de votre part, la fiche sera effacée de cet ordinateur dans une minute.',
    idleErased: 'Fiche effacée de cet ordinateur après une période d’inactivité.',
    keepFilling: 'Continuer à remplir',
    erasedOnLeave: 'Fiche effacée de cet ordinateur quand la page a été quittée.',
    erasedElsewhere: 'Les données de cet appareil ont été effacées depuis un autre onglet : la fiche est vide.',
    erased: (p: P) => `Vos données ont été effacées de cet appareil. ${p.what}`,
    erase: 'Effacer mes données de cet appareil',
    thisTab: ' (cet onglet)',
    lockedStartsEmpty: (p: P) => `${p.message} La fiche repart vide ; le prochain enregistrement remplacera ce brouillon.`,
    conflict: (p: P) => `Cette fiche a été modifiée dans un autre onglet (${p.time}).`,
    takeTheirs: 'Reprendre la version de l’autre onglet',
    keepMine: 'Garder ma version',
    unlockTitle: 'Protéger la fiche par une phrase secrète',
    passphrase: 'Phrase secrète',
    passphraseEnter: 'Saisissez la phrase secrète choisie pour cette fiche sur cet appareil.',
    passphraseChoose: 'Choisissez une phrase d’au moins 8 caractères. Elle n’est enregistrée nulle part : sans elle, ni le brouillon ni une fiche en attente d’envoi ne peuvent être rouverts.',
    passphraseShort: 'La phrase secrète doit avoir au moins 8 caractères, par exemple « trois mots au hasard ».',
    passphraseWrong: 'Cette phrase secrète ne correspond pas au brouillon enregistré sur cet appareil.',
    openSheet: 'Ouvrir la fiche',
    resumeTitle: 'Un brouillon existe sur cet appareil',
    lastSaved: (p: P) => `Dernier enregistrement : ${p.date}.`,
    resume: 'Reprendre le brouillon',
    restart: 'Recommencer',
    tasksTitle: 'Les parties de la fiche',
    partsDone: (p: P) => `${p.done} partie(s) terminée(s) sur ${p.total}.`,
    review: 'Relire la fiche',
    print: 'Imprimer',
    export: 'Exporter la fiche (fichier JSON)',
    importLabel: 'Importer une fiche (fichier JSON exporté)',
    importHint: 'Possible quand la fiche est vide. Le fichier reste sur cet appareil.',
    importNotEmpty: 'Import impossible : la fiche en cours n’est pas vide. Exportez-la ou recommencez d’abord.',
    importTooBig: 'Fichier refusé : plus de 1 Mo.',
    importUnreadable: 'Fichier refusé : ce n’est pas un fichier JSON lisible.',
    imported: (p: P) => `Fiche importée${(p.dropped as number) ? ` ; ${p.dropped} champ(s) inconnu(s) ou invalide(s) laissé(s) de côté` : ''}.`,
    exported: 'Fiche exportée : le fichier contient des données personnelles, gardez-le en lieu sûr.',
    'status-not-started': 'Non commencé',
    'status-in-progress': 'En cours',
    'status-completed': 'Terminé',
    'status-to-review': 'À mettre à jour',
    problems: (p: P) => plural('fr', p.n as number, { one: 'Il y a {n} problème à corriger', other: 'Il y a {n} problèmes à corriger' }),
    saveAndContinue: 'Enregistrer et continuer',
    backToTasks: 'Revenir à la liste des parties',
    required: '(obligatoire)',
    yes: 'Oui',
    no: 'Non',
    itemNo: (p: P) => `${p.label} n° ${p.n}`,
    removeItem: (p: P) => `Retirer ${p.label} n° ${p.n}`,
    addItem: (p: P) => `Ajouter : ${p.label}`,
    notGiven: 'Non renseigné',
    updated: (p: P) => `Dernière mise à jour : ${p.date}`,
    refused: (p: P) => `Le service destinataire a refusé la fiche : ${plural('fr', p.n as number, { one: '{n} point', other: '{n} points' })} à corriger`,
    refusedKept: 'La fiche n’a pas été transmise ; le brouillon garde toutes les informations.',
    toFix: (p: P) => `${p.n} information(s) obligatoire(s) ou invalide(s) : corrigez-les avant l’envoi.`,
    editSection: (p: P) => `Modifier : ${p.title}`,
    toConsent: 'Continuer vers l’accord de partage',
    sendingNow: 'Envoi de la fiche en cours…',
    sendFailed: 'La fiche n’a pas pu être préparée pour l’envoi sur cet appareil : elle n’a pas été transmise.',
    sentAt: (p: P) => `Fiche transmise le ${p.date}. Accusé de réception : ${p.receipt}.`,
    sentQueued: (p: P) => `Fiche en attente transmise. Accusé de réception : ${p.receipt}.`,
    nothingQueued: 'Aucune fiche en attente d’envoi sur cet appareil.',
    stillQueued: (p: P) => `Toujours pas de réponse du service : la fiche reste sur cet appareil. ${p.reason}`,
    queuedOnLoad: (p: P) => `Une fiche attend d’être envoyée. ${p.reason}`,
    withdrawnText: 'Envoi annulé : l’accord est retiré et la fiche n’a pas été transmise. Le brouillon reste sur cet appareil.',
    titleQueued: 'En attente d’envoi',
    titleWithdrawn: 'Envoi annulé',
    titleSent: 'Fiche transmise',
    objection: (p: P) => `Pour s’opposer à la suite du partage ou retirer l’accord, contactez la structure destinataire en donnant l’accusé de réception ${p.receipt} : cela vaut pour l’avenir, ce qui a été envoyé ne peut pas être repris.`,
    retrySend: 'Réessayer l’envoi',
    withdraw: 'Annuler l’envoi et retirer l’accord',
    newSheet: 'Commencer une nouvelle fiche',
    backToSheet: 'Revenir à la fiche',
    consentLoadFailed: 'L’étape d’accord n’a pas pu être chargée : vérifiez la connexion, puis réessayez.',
    noticeUnreadable: 'Envoi impossible : l’attribut « notice » de <relais-liaison-form> n’est pas un objet JSON lisible. Webmestre : corrigez-le (voir la documentation). La fiche reste sur cet appareil.',
    consentTitle: 'Partager la fiche : information et réponse de la personne',
    consentIntro: 'Avant l’envoi, la personne (ou son représentant) reçoit l’information ci-dessous. Vous enregistrez ensuite sa réponse.',
    regimeLegend: 'Dans quel cadre la fiche est-elle transmise ?',
    recommended: (p: P) => `${p.label} (recommandé pour cette fiche)`,
    notCsp: 'Le partage du Code de la santé publique (art. L1110-4) ne s’applique pas : seul l’accord exprès de la personne permet l’envoi.',
    inDoubt: 'Dans le doute, choisissez « hors de l’équipe de soins » et demandez l’accord de la personne.',
    toWhom: 'À qui ?',
    partsTitle: 'Ce qui sera transmis',
    neverSent: (p: P) => `Jamais transmis : ${p.list}.`,
    infoVersion: (p: P) => `Version du texte d’information : ${p.version}.`,
    printInfo: 'Imprimer l’information pour la personne',
    whoAnswered: 'Qui a répondu ?',
    parents: 'Les titulaires de l’autorité parentale',
    person: 'La personne elle-même',
    representative: (p: P) => `Son représentant : ${p.role}`,
    parentsName: 'Nom du ou des titulaires de l’autorité parentale',
    representativeName: 'Nom de la personne qui représente',
    protectedInformed: 'La personne protégée a aussi été informée elle-même, selon ses capacités (Code civil, art. 457-1)',
    minorInformed: 'Le mineur a aussi été informé et son avis recherché, selon son âge et sa maturité',
    parentsInformation: 'Information des parents',
    personAnswer: 'Réponse de la personne',
    impossibleReason: 'Pourquoi la personne ne peut pas être informée maintenant',
    impossibleHint: 'Urgence ou état de la personne (CSP R1110-3 III) ; la raison est gardée avec la réponse.',
    followUp: 'Qui l’informera, et quand',
    followUpHint: 'Elle doit être informée dès que possible.',
    childInterest: 'Pourquoi informer les parents serait contraire à l’intérêt de l’enfant',
    childInformed: 'L’enfant a aussi été informé, selon son âge et sa maturité',
    howInformed: 'Comment l’information a-t-elle été (ou sera-t-elle) donnée ?',
    howCollected: 'Comment la réponse a-t-elle été recueillie ?',
    oral: 'Oralement',
    written: 'Par écrit',
    copyGiven: 'Une copie écrite de l’information a été remise à la personne',
    collectedBy: 'Recueilli par (votre nom et votre fonction)',
    sending: 'Envoi en cours…',
    saveAnswer: 'Enregistrer la réponse',
    backToReview: 'Revenir à la relecture',
    notSentTitle: 'Fiche non transmise',
    answerRecorded: (p: P) => `Réponse enregistrée : ${p.decision} (${p.method}, recueillie par ${p.by}, le ${p.date}).`,
    oralLower: 'oralement',
    writtenLower: 'par écrit',
    nothingSent: 'Rien n’a été envoyé. La fiche reste sur cet appareil ; vous pouvez l’effacer.',
  },
  // English: its own module and chunk, loaded only where an element speaks English
  () => import('./messages-en.js').then((m) => m.english({ plural })),
);

export type MessageKey = Keys;
export type { Lang };
