import { lazyCatalogue, type LazyCatalogue } from '@relais/core';

type P = Record<string, unknown>;

type Keys =
  | 'intro' | 'which' | 'current' | 'noCurrent' | 'newValue' | 'closedHint' | 'who' | 'whoUsager' | 'whoPro'
  | 'whoStructure' | 'contact' | 'contactHint' | 'comment' | 'commentHint' | 'privacy' | 'send' | 'sending' | 'cancel' | 'summaryTitle'
  | 'needField' | 'needValue' | 'needWho' | 'thanks' | 'another' | 'tooMany' | 'tooLarge' | 'unknown' | 'failed' | 'errorsCount' | 'honeypot'
  | 'champ-telephone' | 'champ-courriel' | 'champ-adresse' | 'champ-horaires_accueil' | 'champ-description' | 'champ-ferme' | 'champ-demenage';

/**
 * Messages of the directory's « Signaler une erreur ou proposer une mise à jour » form, loaded with the form (when a
 * person opens it): the French here; the English in `suggest-messages-en.ts`, loaded only where the element speaks English.
 */
export const suggestMessages: LazyCatalogue<Keys> = lazyCatalogue(
  {
    intro: 'Votre proposition sera relue avant d’être publiée. Cochez ce qui est à corriger.',
    which: 'Quelle information est à corriger ?',
    current: (p: P) => `Valeur actuelle : ${p.value}`,
    noCurrent: 'Valeur actuelle : non renseignée',
    newValue: (p: P) => `Nouvelle valeur (${p.field})`,
    closedHint: 'Rien d’autre à remplir : dites-nous si possible dans le commentaire depuis quand.',
    who: 'Vous êtes',
    whoUsager: 'une personne qui utilise le service',
    whoPro: 'un ou une professionnelle',
    whoStructure: 'la structure elle-même',
    contact: 'Votre courriel ou téléphone (facultatif)',
    contactHint: 'Seulement pour que la personne qui relit puisse vous poser une question. Jamais publié.',
    comment: 'Commentaire (facultatif)',
    commentHint: 'Ne donnez aucune information sur votre situation personnelle.',
    privacy: 'Aucune information sur votre situation n’est demandée.',
    send: 'Envoyer la proposition',
    sending: 'Envoi en cours…',
    cancel: 'Annuler',
    summaryTitle: 'Il y a un problème',
    needField: 'Cochez au moins une information à corriger.',
    needValue: (p: P) => `Indiquez la nouvelle valeur : ${p.field}.`,
    needWho: 'Dites qui vous êtes : une personne qui utilise le service, un ou une professionnelle, ou la structure elle-même.',
    thanks: 'Merci, votre proposition sera relue avant publication.',
    another: 'Faire une autre proposition',
    tooMany: (p: P) => `Trop de propositions depuis votre connexion : réessayez dans ${p.n} minute${(p.n as number) > 1 ? 's' : ''}. Vos saisies sont conservées.`,
    tooLarge: 'Votre proposition est trop longue : raccourcissez le commentaire ou la description.',
    unknown: 'Cette fiche n’est pas connue du service de contributions : elle ne peut pas être corrigée ici.',
    failed: 'La proposition n’a pas pu être envoyée. Vos saisies sont conservées : réessayez dans un moment.',
    errorsCount: (p: P) => `${p.n} erreur${(p.n as number) > 1 ? 's' : ''} à corriger dans le formulaire.`,
    honeypot: 'Ne pas remplir ce champ',
    'champ-telephone': 'Téléphone',
    'champ-courriel': 'Courriel',
    'champ-adresse': 'Adresse',
    'champ-horaires_accueil': 'Horaires',
    'champ-description': 'Description',
    'champ-ferme': 'Ce service n’existe plus',
    'champ-demenage': 'A déménagé (nouvelle adresse)',
  },
  // English: its own module and chunk, loaded only where an element speaks English
  () => import('./suggest-messages-en.js').then((m) => m.en),
);

export type SuggestMessageKey = Keys;
