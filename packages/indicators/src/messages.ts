import { lazyCatalogue, type LazyCatalogue, type Lang } from '@relais/core';

type Keys =
  | 'title' | 'intro' | 'periodLegend' | 'du' | 'au' | 'periodHint' | 'show' | 'duInvalid' | 'auInvalid' | 'auBeforeDu' | 'tooLong'
  | 'loading' | 'loaded' | 'loadFailed' | 'retry' | 'invalid' | 'noEndpoint' | 'masked' | 'csv' | 'empty' | 'chartNote' | 'chartFailed'
  | 'unmet' | 'unmetIntro' | 'needs' | 'needsIntro' | 'eligibility' | 'eligibilityIntro' | 'probableFollow' | 'probableNone' | 'liaison' | 'liaisonIntro'
  | 'pathway' | 'pathwayIntro' | 'freshness' | 'freshnessText' | 'freshnessNone' | 'contributions' | 'contributionsNone'
  | 'colNeed' | 'colZone' | 'colSearches' | 'colNoResult' | 'colAide' | 'colStatus' | 'colResults' | 'colFollowed' | 'colTemplate'
  | 'colRecipient' | 'colSent' | 'colQueued' | 'colPathway' | 'colStep' | 'colOnTime' | 'colLate' | 'colStructure' | 'colSuggestions'
  | 'colAccepted' | 'colConfirmations' | 'status-eligible' | 'status-probable' | 'status-unknown' | 'status-not_eligible' | 'zoneDep' | 'zoneNone'
  | 'mapLabel' | 'mapHelp' | 'circle' | 'circleMasked' | 'mapNeedsDep' | 'mapFailed' | 'mapUnplaced' | 'mapNeed' | 'allNeeds' | 'csvFile' | 'zoomIn' | 'zoomOut' | 'tableOf' | 'colRecords' | 'colNumber' | 'rowServices' | 'rowToCheck';

/**
 * Messages of the indicators dashboard: the French here, in the element's chunk; the English in `messages-en.ts`,
 * loaded only where an element speaks English (the element shows French until it has arrived, never a key).
 */
export const messages: LazyCatalogue<Keys> = lazyCatalogue(
  {
    title: 'Indicateurs de l’accompagnement',
    intro: (p) => `Statistiques agrégées, sans suivre personne : une case qui compte moins de ${p.k} événements est masquée (« moins de ${p.k} »).`,
    periodLegend: 'Période',
    du: 'Du',
    au: 'Au (inclus)',
    periodHint: 'Par exemple 01/01/2026. Une période de 366 jours au plus.',
    show: 'Afficher',
    duInvalid: 'Indiquez une date de début valide, par exemple 01/01/2026.',
    auInvalid: 'Indiquez une date de fin valide, par exemple 31/12/2026.',
    auBeforeDu: 'La date de fin doit être le jour de la date de début ou après.',
    tooLong: 'La période ne peut pas dépasser 366 jours : rapprochez les deux dates.',
    loading: 'Chargement des indicateurs…',
    loaded: (p) => `Indicateurs du ${p.du} au ${p.au} affichés.`,
    loadFailed: 'Les indicateurs n’ont pas pu être chargés :',
    retry: 'Réessayer',
    invalid: 'Les indicateurs reçus ne peuvent pas être affichés :',
    noEndpoint: 'Indiquez l’adresse de l’API des indicateurs (attribut endpoint).',
    masked: (p) => `moins de ${p.k}`,
    csv: 'Télécharger en CSV',
    tableOf: (p) => `Tableau : ${p.title}`,
    csvFile: (p) => `indicateurs-${p.section}-${p.du}-${p.au}.csv`,
    empty: 'Aucune donnée publiée sur la période.',
    chartNote: (p) => `Le graphique reprend le tableau ; les cases masquées (moins de ${p.k}) n’y sont pas dessinées.`,
    chartFailed: 'Le graphique n’a pas pu être affiché ; le tableau donne les mêmes chiffres.',
    unmet: 'Besoins non couverts',
    unmetIntro: 'Recherches sans résultat, par besoin et par EPCI : là où l’on cherche de l’aide sans en trouver.',
    needs: 'Besoins les plus recherchés',
    needsIntro: 'Recherches par besoin, toutes zones, des plus fréquentes aux moins fréquentes.',
    eligibility: 'Éligibilité',
    eligibilityIntro: 'Résultats affichés par aide et par statut (jamais les réponses au questionnaire).',
    probableFollow: (p) => `Résultats « probablement éligible » suivis d’une recherche dans l’annuaire : ${p.followed} sur ${p.shown} (${p.pct}).`,
    probableNone: 'Trop peu de résultats « probablement éligible » publiés pour dire combien ont été suivis d’une recherche.',
    liaison: 'Fiches de liaison',
    liaisonIntro: 'Fiches envoyées ou en attente d’envoi, par modèle et par type de destinataire (jamais leur contenu).',
    pathway: 'Parcours : étapes en retard',
    pathwayIntro: 'Étapes à délai légal affichées dans un parcours, dans les temps ou en retard.',
    freshness: 'Fraîcheur de l’annuaire',
    freshnessText: (p) => `${p.old} fiches sur ${p.total} n’ont pas été mises à jour depuis plus de 12 mois (${p.pct}).`,
    freshnessNone: 'Le serveur ne donne pas l’état de l’annuaire.',
    contributions: 'Contributions par structure',
    contributionsNone: 'Le module de contributions n’est pas en service sur ce serveur.',
    colNeed: 'Besoin',
    colZone: 'EPCI ou zone',
    colSearches: 'Recherches',
    colNoResult: 'Sans résultat',
    colAide: 'Aide',
    colStatus: 'Résultat',
    colResults: 'Résultats affichés',
    colFollowed: 'Suivis d’une recherche',
    colTemplate: 'Modèle',
    colRecipient: 'Type de destinataire',
    colSent: 'Envoyées',
    colQueued: 'En attente d’envoi',
    colPathway: 'Parcours',
    colStep: 'Étape',
    colOnTime: 'Dans les temps',
    colLate: 'En retard',
    colStructure: 'Structure',
    colSuggestions: 'Suggestions',
    colAccepted: 'Acceptées',
    colConfirmations: 'Confirmations',
    colRecords: 'Fiches de l’annuaire',
    colNumber: 'Nombre',
    rowServices: 'Services publiés',
    rowToCheck: 'Mis à jour il y a plus de 12 mois (à vérifier)',
    'status-eligible': 'Éligible',
    'status-probable': 'Probablement éligible',
    'status-unknown': 'À préciser',
    'status-not_eligible': 'Non éligible',
    zoneDep: (p) => `Département ${p.code}`,
    zoneNone: 'Zone inconnue',
    mapLabel: 'Carte des recherches sans résultat par EPCI',
    mapHelp: 'Flèches : déplacer la carte ; + et − : zoomer ; Tab : passer d’un cercle à l’autre. Le tableau donne les mêmes chiffres.',
    mapNeed: 'Besoin montré sur la carte',
    allNeeds: 'Tous les besoins',
    zoomIn: 'Zoomer',
    zoomOut: 'Dézoomer',
    circle: (p) => `${p.name} : ${p.n} recherche${(p.n as number) > 1 ? 's' : ''} sans résultat`,
    circleMasked: (p) => `, et des cases de moins de ${p.k}`,
    mapNeedsDep: 'La carte s’affiche quand le département est indiqué (attribut departement) ; le tableau donne les chiffres.',
    mapFailed: 'La carte n’a pas pu être affichée ; le tableau donne les mêmes chiffres.',
    mapUnplaced: (p) => `Hors de la carte (département entier, zone inconnue ou EPCI introuvable) : ${p.n} ligne${(p.n as number) > 1 ? 's' : ''} du tableau.`,
  },
  // English: its own module and chunk, loaded only where an element speaks English
  () => import('./messages-en.js').then((m) => m.en),
);

export type MessageKey = Keys;
/** The element's words in its language, as the views get them. */
export type T = (key: MessageKey, params?: Record<string, unknown>) => string;
export type { Lang };
