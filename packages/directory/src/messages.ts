import { plural, lazyCatalogue, type LazyCatalogue, type Lang } from '@relais/core';

type P = Record<string, unknown>;

type Keys =
  | 'title' | 'what' | 'whatHint' | 'where' | 'whereHint' | 'search' | 'aroundMe' | 'aroundMeLabel' | 'locating' | 'geoRefused'
  | 'placeUnknown' | 'suggestions' | 'needs' | 'needsFalc' | 'filters' | 'public' | 'kind' | 'distance' | 'anyDistance' | 'mode' | 'fees'
  | 'free' | 'openNow' | 'activeFilters' | 'removeFilter' | 'clearAll' | 'sort' | 'sortRelevance' | 'sortDistance' | 'sortName'
  | 'count' | 'countNear' | 'searching' | 'relaxed' | 'emptyTitle' | 'emptyWhy' | 'widen' | 'clearWords' | 'widenedDep' | 'widenedNearest' | 'widenedNoZone' | 'widenedZone' | 'outOfReach' | 'showDep' | 'removeThis'
  | 'recognizedPlace' | 'elsewhere' | 'showCcas' | 'widenedNoData' | 'mapArea'
  | 'retry' | 'previousResults' | 'page' | 'prev' | 'next' | 'updated' | 'call' | 'website' | 'email' | 'back' | 'print'
  | 'directions' | 'hours' | 'contact' | 'address' | 'accessibility' | 'bring' | 'howTo' | 'conditions' | 'source' | 'publics'
  | 'copyContact' | 'copied' | 'copyLink' | 'dataWarning' | 'proDetails' | 'finess' | 'zone' | 'mobilisable' | 'demo' | 'noHours'
  | 'at' | 'results' | 'fromRequest' | 'km' | 'detailOf' | 'ofKind' | 'countAtLeast' | 'countNoneRead' | 'unsupported'
  | 'applyOnline' | 'nearPlace' | 'nearYou'
  | 'suggestOpen' | 'suggestProducer' | 'newWindow' | 'stale' | 'staleHint' | 'sortUpdated' | 'suggestLoadFailed';

/**
 * Messages of the directory: the French here, in the widget's chunk; the English in `messages-en.ts`, loaded
 * only where an element speaks English (the element shows French until it has arrived, never a key).
 */
export const messages: LazyCatalogue<Keys> = lazyCatalogue(
  {
    title: 'Trouver de l’aide près de chez vous',
    what: 'Que cherchez-vous ?',
    whatHint: 'Par exemple : aide à domicile, EHPAD, MDPH, répit, transport',
    where: 'Où ?',
    whereHint: 'Nom de la commune ou code postal, par exemple Clamecy ou 58500',
    search: 'Rechercher',
    aroundMe: 'Autour de moi',
    aroundMeLabel: (p: P) => (p.name ? `Autour de moi (près de ${p.name})` : 'Autour de moi'),
    locating: 'Recherche de votre position…',
    mapArea: 'Zone de la carte',
    geoRefused: 'Votre position n’est pas disponible (refusée ou introuvable). Indiquez votre commune ou votre code postal.',
    placeUnknown: 'Commune introuvable : vérifiez l’orthographe ou saisissez le code postal (5 chiffres), par exemple 58500.',
    suggestions: 'Communes proposées',
    needs: 'Ou choisissez un besoin',
    needsFalc: 'Ou choisissez ce dont vous avez besoin',
    filters: 'Affiner',
    public: 'Pour qui ?',
    kind: 'Type de structure',
    distance: 'Distance',
    anyDistance: 'Jusqu’à 50 km (par défaut)',
    mode: 'Comment ?',
    fees: 'Coût',
    free: 'Gratuit seulement',
    openNow: 'Ouvert maintenant',
    activeFilters: 'Filtres actifs',
    removeFilter: (p: P) => `Retirer le filtre : ${p.label}`,
    clearAll: 'Tout effacer',
    sort: 'Trier par',
    sortRelevance: 'Pertinence',
    sortDistance: 'Distance',
    sortName: 'Nom',
    countAtLeast: (p: P) => `Au moins ${p.count}`,
    countNoneRead: 'Aucun service trouvé parmi les premiers services lus : indiquez une commune ou précisez la recherche.',
    unsupported: (p: P) => `Ce répertoire ne permet pas de filtrer par ${p.list} : les résultats sont plus larges.`,
    count: (p: P) => plural('fr', p.n as number, { zero: 'Aucun service trouvé', one: '{n} service trouvé', other: '{n} services trouvés' }),
    countNear: (p: P) => `${plural('fr', p.n as number, { zero: 'Aucun service trouvé', one: '{n} service trouvé', other: '{n} services trouvés' })} ${p.place}`,
    nearPlace: (p: P) => `près de ${p.name}`,
    nearYou: (p: P) => (p.name ? `autour de vous, près de ${p.name}` : 'autour de vous'),
    searching: 'Recherche en cours…',
    relaxed: 'Aucun service ne contient tous vos mots : voici les plus proches.',
    emptyTitle: 'Aucun service ne correspond à votre recherche.',
    emptyWhy: 'Vous pouvez élargir la recherche :',
    widen: (p: P) => `Chercher jusqu’à ${p.km} km`,
    clearWords: 'Chercher sans les mots saisis',
    widenedDep: (p: P) => `Aucun service de ce type à moins de ${p.km} km de ${p.place} : voici ceux du département (${p.dep}), le plus proche à ${p.town} (${p.dist}).`,
    widenedNearest: (p: P) => ((p.n as number) > 1 ? `Aucun service de ce type à moins de ${p.km} km de ${p.place} : voici les plus proches, le premier à ${p.town} (${p.dist}).` : `Aucun service de ce type à moins de ${p.km} km de ${p.place} : voici le plus proche, à ${p.town} (${p.dist}).`),
    widenedNoZone: (p: P) => ((p.n as number) > 1 ? `Aucun service de ce type ne déclare desservir ${p.place} : voici les plus proches, le premier à ${p.town} (${p.dist}) ; ils vous diront vers qui vous tourner.` : `Aucun service de ce type ne déclare desservir ${p.place} : voici le plus proche, à ${p.town} (${p.dist}) ; il vous dira vers qui vous tourner.`),
    widenedZone: (p: P) => `Services du département (${p.dep}) : ils ne desservent pas tous ${p.place}, vérifiez auprès d’eux.`,
    outOfReach: (p: P) => `${plural('fr', p.n as number, { one: '{n} service correspondant à votre recherche existe', other: '{n} services correspondant à votre recherche existent' })} dans le département (${p.dep}), mais aucun ne dessert ${p.place} ni n’est à moins de ${p.km} km.`,
    showDep: (p: P) => `Voir les services du département (${p.dep})`,
    recognizedPlace: (p: P) => `Lieu reconnu dans votre recherche : ${p.place}.`,
    elsewhere: (p: P) => {
      const what = p.words ? `correspondant à « ${p.words} »` : 'correspondant à votre recherche';
      const n = plural('fr', p.total as number, { one: `{n} service ${what} existe`, other: `{n} services ${what} existent` });
      const notServing = p.notServing as number;
      const tooFar = p.tooFar as number;
      if (!tooFar) return `${n} dans ces données, mais aucun ne dessert ${p.place}.`;
      if (!notServing) return `${n} dans ces données, mais à plus de ${p.km} km de ${p.place}.`;
      return `${n} dans ces données, mais ${plural('fr', notServing, { one: '{n} ne dessert pas', other: '{n} ne desservent pas' })} ${p.place} et ${plural('fr', tooFar, { one: '{n} est', other: '{n} sont' })} à plus de ${p.km} km.`;
    },
    showCcas: (p: P) => `Demander au CCAS ou à la mairie : services d’action sociale près de ${p.place}`,
    widenedNoData: (p: P) => `Ces données ne couvrent pas ${p.place} (${p.dep}) : voici les services les plus proches, le premier à ${p.town} (${p.dist}).`,
    removeThis: (p: P) => `Retirer « ${p.label} »`,
    retry: 'Réessayer',
    previousResults: 'Résultats de la recherche précédente :',
    page: (p: P) => `Page ${p.page} sur ${p.pages}`,
    prev: 'Page précédente',
    next: 'Page suivante',
    updated: (p: P) => `Mis à jour le ${p.date}`,
    call: (p: P) => `Appeler le ${p.phone}`,
    website: 'Site internet',
    applyOnline: (p: P) => (p.host ? `Faire la démarche en ligne (${p.host})` : `Faire la démarche en ligne`),
    email: 'Écrire un courriel',
    back: 'Retour aux résultats',
    print: 'Imprimer cette fiche',
    directions: 'Itinéraire (OpenStreetMap, nouvelle fenêtre)',
    hours: 'Horaires',
    contact: 'Contact',
    address: 'Adresse',
    accessibility: 'Accessibilité',
    bring: 'À apporter',
    howTo: 'Comment y accéder',
    conditions: 'Conditions',
    source: (p: P) => `Source : ${p.source}`,
    publics: 'Pour',
    copyContact: 'Copier les coordonnées',
    copied: 'Coordonnées copiées.',
    copyLink: 'Copier le lien de cette fiche',
    dataWarning: (p: P) => `${plural('fr', p.n as number, { one: '{n} fiche invalide a été ignorée', other: '{n} fiches invalides ont été ignorées' })} dans la source de données (voir client.diagnostics).`,
    proDetails: 'Informations pour les professionnels',
    finess: 'N° FINESS',
    zone: 'Territoire servi',
    mobilisable: 'Qui peut orienter',
    demo: 'Données de démonstration',
    noHours: 'Horaires non renseignés',
    at: 'à',
    results: 'Résultats',
    fromRequest: (p: P) => String(p.reason),
    km: (p: P) => `${p.km} km`,
    detailOf: (p: P) => `Fiche : ${p.name}`,
    ofKind: (p: P) => `${p.kind}`,
    suggestOpen: 'Signaler une erreur ou proposer une mise à jour',
    suggestProducer: (p: P) => `Corriger directement la fiche chez son producteur (${p.host})`,
    newWindow: 'nouvelle fenêtre',
    stale: 'À vérifier',
    staleHint: (p: P) => `Fiche non confirmée depuis plus de ${p.n} mois : appelez avant de vous déplacer.`,
    sortUpdated: 'Fiches vérifiées récemment',
    suggestLoadFailed: 'Le formulaire n’a pas pu être chargé : réessayez.',
  },
  // English: its own module and chunk, loaded only where an element speaks English
  () => import('./messages-en.js').then((m) => m.english({ plural })),
);

export type MessageKey = Keys;
export type { Lang };
