import { plural, lazyCatalogue, type LazyCatalogue, type Lang } from '@relais/core';

type P = Record<string, unknown>;

type Keys =
  | 'title' | 'loading' | 'signedOut' | 'signIn' | 'signOut' | 'signedInAs' | 'territories' | 'noTerritory' | 'expired'
  | 'tabs' | 'tabQueue' | 'tabFresh' | 'tabStats' | 'queueCount' | 'queueEmpty' | 'received' | 'by-usager' | 'by-professionnel' | 'by-structure'
  | 'contact' | 'comment' | 'caption' | 'apply' | 'applyField' | 'field' | 'before' | 'after' | 'empty' | 'closed' | 'accept' | 'acceptNone'
  | 'rejectLabel' | 'rejectHint' | 'reject' | 'rejectNeeded' | 'notModifiable' | 'producer' | 'newWindow' | 'accepted' | 'rejected'
  | 'freshCaption' | 'freshCount' | 'freshEmpty' | 'service' | 'structure' | 'updatedOn' | 'request' | 'askConfirm' | 'noEmail' | 'sentTo' | 'alreadySent'
  | 'statsCaption' | 'suggestions' | 'acceptees' | 'refusees' | 'confirmations' | 'byAuthor' | 'statsEmpty'
  | 'e401' | 'e403' | 'e409' | 'e5xx' | 'eNetwork' | 'retry' | 'prev' | 'next' | 'page' | 'noEndpoint';

/**
 * Messages of `<relais-contributions>`: the French here, in the widget's chunk; the English in `messages-en.ts`,
 * loaded only where the element speaks English (French until it has arrived, never a key).
 */
export const messages: LazyCatalogue<Keys> = lazyCatalogue(
  {
    title: 'Contributions à l’annuaire',
    loading: 'Chargement…',
    signedOut: 'Connectez-vous pour relire les propositions de votre territoire.',
    signIn: 'Se connecter',
    signOut: 'Se déconnecter',
    signedInAs: (p: P) => `Connecté·e : ${p.nom}`,
    territories: (p: P) => `Territoires modérés : ${p.list}`,
    noTerritory: 'Aucun territoire modéré.',
    expired: 'Votre session a expiré : reconnectez-vous.',
    tabs: 'Rubriques de la modération',
    tabQueue: 'Propositions à relire',
    tabFresh: 'Fiches à vérifier',
    tabStats: 'Contributions par structure',
    queueCount: (p: P) => plural('fr', p.n as number, { zero: 'Aucune proposition à relire.', one: '1 proposition à relire.', other: '{n} propositions à relire.' }),
    queueEmpty: 'Aucune proposition à relire.',
    received: (p: P) => `Reçue le ${p.date}, écrite par ${p.who}.`,
    'by-usager': 'une personne qui utilise le service',
    'by-professionnel': 'un ou une professionnelle',
    'by-structure': 'la structure elle-même',
    contact: 'Contact (pour vous seulement) :',
    comment: 'Commentaire :',
    caption: (p: P) => `Modifications proposées pour « ${p.name} » : avant et après`,
    apply: 'Appliquer',
    applyField: (p: P) => `Appliquer : ${p.field}`,
    field: 'Information',
    before: 'Avant',
    after: 'Après',
    empty: 'non renseigné',
    closed: 'le service n’existe plus',
    accept: 'Accepter les informations cochées',
    acceptNone: 'Cochez au moins une information à appliquer.',
    rejectLabel: 'Motif du refus (obligatoire pour refuser)',
    rejectHint: 'Il reste dans l’historique ; il n’est pas envoyé à la personne.',
    reject: 'Refuser',
    rejectNeeded: 'Indiquez le motif du refus.',
    notModifiable: (p: P) => `Cette fiche vient d’une autre source (${p.source}) : elle ne se modifie pas ici. Transmettez la correction à son producteur, puis refusez la proposition en le disant.`,
    producer: (p: P) => `Corriger la fiche chez son producteur (${p.host})`,
    newWindow: 'nouvelle fenêtre',
    accepted: (p: P) => `Proposition acceptée pour « ${p.name} » : ${plural('fr', p.n as number, { one: '1 information appliquée', other: '{n} informations appliquées' })}.`,
    rejected: (p: P) => `Proposition refusée pour « ${p.name} ».`,
    freshCaption: (p: P) => `Fiches non confirmées depuis plus de ${p.n} mois`,
    freshCount: (p: P) => plural('fr', p.n as number, { zero: 'Aucune fiche à vérifier.', one: '1 fiche à vérifier.', other: '{n} fiches à vérifier.' }),
    freshEmpty: 'Aucune fiche à vérifier.',
    service: 'Service',
    structure: 'Structure',
    updatedOn: 'Mise à jour le',
    request: 'Demande de confirmation',
    askConfirm: 'Demander une confirmation',
    noEmail: 'Pas d’adresse électronique : appelez la structure.',
    sentTo: (p: P) => `Envoyé à ${p.to}, lien valable jusqu’au ${p.until}.`,
    alreadySent: (p: P) => `Demande envoyée le ${p.date}.`,
    statsCaption: 'Contributions par structure',
    suggestions: 'Propositions',
    acceptees: 'Acceptées',
    refusees: 'Refusées',
    confirmations: 'Confirmations',
    byAuthor: (p: P) => `Par auteur : ${p.usager} par des personnes qui utilisent les services, ${p.professionnel} par des professionnels, ${p.structure} par les structures elles-mêmes.`,
    statsEmpty: 'Aucune contribution pour l’instant.',
    e401: 'Votre session a expiré : reconnectez-vous.',
    e403: 'Vous ne modérez pas ce territoire : cette action n’est pas permise.',
    e409: 'Cette proposition a déjà été décidée, ou la fiche ne se modifie pas ici.',
    e5xx: 'Le service des contributions ne répond pas correctement. Réessayez dans un moment.',
    eNetwork: 'Le service des contributions est injoignable. Vérifiez la connexion et réessayez.',
    retry: 'Réessayer',
    prev: 'Page précédente',
    next: 'Page suivante',
    page: (p: P) => `Page ${p.page} sur ${p.pages}`,
    noEndpoint: 'Adresse du service des contributions manquante ou refusée (attribut endpoint, http ou https).',
  },
  // English: its own module and chunk, loaded only where an element speaks English
  () => import('./messages-en.js').then((m) => m.en),
);

export type MessageKey = Keys;
/** The element's words in its language, as the views get them. */
export type T = (key: MessageKey, params?: P) => string;
export type { Lang };
