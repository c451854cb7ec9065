import { formatNumber, lazyCatalogue, type LazyCatalogue } from '@relais/core';

type Keys =
  | 'title' | 'status' | 'withoutPosition' | 'outsideFrance' | 'truncated' | 'broader' | 'showList' | 'hideList' | 'listTitle' | 'listMore' | 'searchArea' | 'aroundMe'
  | 'geoRefused' | 'tileError' | 'cluster' | 'open' | 'center' | 'legend' | 'loading' | 'mapLabel' | 'retry' | 'call' | 'noPoints' | 'keyboardHelp'
  | 'closePopup' | 'zoomIn' | 'zoomOut' | 'listSorted' | 'away' | 'showListPlain';

/**
 * Messages of the map: the French here, in the widget's chunk; the English in `messages-en.ts`, loaded
 * only where an element speaks English (the element shows French until it has arrived, never a key).
 */
export const messages: LazyCatalogue<Keys> = lazyCatalogue(
  {
    title: 'Carte des services',
    status: (p) => `${formatNumber(p.n as number, 'fr')} service${(p.n as number) > 1 ? 's' : ''} sur la carte, ${formatNumber(p.inView as number, 'fr')} dans la zone affichée.`,
    withoutPosition: (p) => `${p.n} sans position : visibles dans la liste, pas sur la carte.`,
    outsideFrance: (p) => `${p.n} avec une position hors de France : à vérifier dans la source.`,
    truncated: 'Seuls les premiers services de la source sont affichés.',
    broader: 'Cette source ne permet pas d’appliquer tous les filtres demandés : la carte montre plus de services.',
    showList: (p) => `Afficher la liste des services de la zone (${p.n})`,
    hideList: 'Masquer la liste',
    listTitle: 'Services dans la zone affichée',
    listMore: (p) => `… et ${p.n} autres : zoomez pour réduire la zone.`,
    searchArea: 'Rechercher dans cette zone',
    aroundMe: 'Autour de moi',
    geoRefused: 'Votre position n’est pas disponible : utilisez la liste ou déplacez la carte.',
    tileError: 'Le fond de carte ne répond pas ; les services restent affichés.',
    cluster: (p) => `${p.n} services — agrandir`,
    open: 'Voir la fiche',
    center: 'Voir sur la carte',
    legend: 'Légende',
    loading: 'Chargement de la carte…',
    mapLabel: 'Carte interactive des services. La liste ci-dessus présente les mêmes services.',
    retry: 'Réessayer',
    call: (p) => `Appeler le ${p.phone}`,
    noPoints: 'Aucun service à afficher.',
    keyboardHelp: 'Tabulation pour passer d’un repère à l’autre, Entrée pour l’ouvrir, Échap pour le refermer ; sur la carte elle-même, flèches et + / − pour déplacer et zoomer.',
    closePopup: 'Fermer le résumé',
    showListPlain: 'Afficher la liste des services de la zone',
    zoomIn: 'Zoom avant',
    zoomOut: 'Zoom arrière',
    listSorted: (p) => `Du plus proche au plus loin de ${p.place}.`,
    away: (p) => `à ${p.d}`,
  },
  // English: its own module and chunk, loaded only where an element speaks English
  () => import('./messages-en.js').then((m) => m.english({ formatNumber })),
);

export type MessageKey = Keys;
