import { lazyCatalogue, type LazyCatalogue } from '@relais/core';

type P = Record<string, unknown>;

type Keys = 'open' | 'producer' | 'newWindow' | 'stale' | 'staleHint' | 'verified' | 'loadFailed';

/**
 * The few words of freshness and contributions the directory shows before any form is opened (the « À vérifier »
 * badge, the sort, the « Signaler une erreur » button, the producer's page): the French here; the English in
 * `freshness-messages-en.ts`, loaded only where the element speaks English.
 */
export const freshnessMessages: LazyCatalogue<Keys> = lazyCatalogue(
  {
    open: 'Signaler une erreur ou proposer une mise à jour',
    producer: (p: P) => `Corriger directement la fiche chez son producteur (${p.host})`,
    newWindow: 'nouvelle fenêtre',
    stale: 'À vérifier',
    staleHint: (p: P) => `Fiche non confirmée depuis plus de ${p.n} mois : appelez avant de vous déplacer.`,
    verified: 'Fiches vérifiées récemment',
    loadFailed: 'Le formulaire n’a pas pu être chargé : réessayez.',
  },
  // English: its own module and chunk, loaded only where an element speaks English
  () => import('./freshness-messages-en.js').then((m) => m.en),
);

export type FreshnessMessageKey = Keys;
