/**
 * French descriptions of each element's public attributes and events, for the Storybook controls and Docs tables
 * (the manifests carry the English JSDoc of the sources; the CSS properties are already in French there).
 * tests/node/storybook-controls.test.mjs checks that this table names exactly the attributes and events of each
 * element's custom-elements.json.
 */
export const FR: Record<string, { attributes: Record<string, string>; events: Record<string, string> }> = {
  'relais-directory': {
    attributes: {
      src: 'Adresse d’un fichier JSON statique au format data·inclusion (utilisation autonome).',
      source: 'Type de source en utilisation autonome : `static`, `data-inclusion` ou `rest`.',
      'base-url': 'Adresse de base de l’API data·inclusion (ou de son relais) ou d’une API REST Relais (utilisation autonome).',
      commune: 'Code INSEE de la commune de départ (par exemple `58079` pour Clamecy).',
      thematiques: 'Thématiques de départ, séparées par des virgules (identifiants ou catégories comme `autonomie`).',
      publics: 'Publics de départ, séparés par des virgules (`seniors,proches-aidants`).',
      departements: 'Départements desservis, séparés par des virgules (`58` ou `58,89`) : les résultats sont les services qui s’y trouvent et la saisie du lieu propose leurs communes.',
      'page-size': 'Nombre de résultats par page (10 par défaut).',
      mode: '`public` (par défaut) ou `pro` : liste plus dense, informations pour les partenaires, bouton de copie des coordonnées, avis sur la qualité des données.',
      falc: 'Libellés des besoins en FALC (facile à lire et à comprendre).',
      'sync-url': 'Garde la recherche dans l’adresse de la page (paramètres `relais-…`) pour qu’un lien la reproduise. Les mots tapés n’y sont écrits qu’avec `sync-url="text"` : ils peuvent révéler la situation de la personne.',
      'hide-needs': 'Masque les tuiles de besoins.',
      'heading-level': 'Niveau du titre du widget (1 à 6, 2 par défaut) ; ses sections sont un niveau en dessous. 0 masque le titre : les sections sont alors de niveau 2.',
      'contributions-url': 'Adresse de base de l’API des contributions : chaque fiche propose alors « Signaler une erreur ou proposer une mise à jour ». Par défaut : `base-url` avec `source="rest"`.',
      'stale-after-months': 'Nombre de mois après lesquels une fiche non mise à jour porte la mention « À vérifier » (12 par défaut ; 0 : jamais).',
    },
    events: {
      'relais-search': 'Après chaque recherche : `total` et les filtres (jamais les mots tapés).',
      'relais-select': 'Un service a été ouvert (`serviceId`) ou refermé (`null`).',
      'relais-error': 'La source a échoué ; `message` est la phrase affichée, en français.',
      'relais-data-warning': 'Des fiches invalides de la source ont été écartées (`skipped`, `warnings`).',
    },
  },
  'relais-map': {
    attributes: {
      src: 'Adresse d’un fichier JSON statique (utilisation autonome).',
      source: 'Type de source en utilisation autonome : `static`, `data-inclusion` ou `rest`.',
      'base-url': 'Adresse de base d’une source distante (utilisation autonome).',
      commune: 'Code INSEE d’une commune sur laquelle centrer la carte.',
      'tile-url': 'Modèle d’adresse des tuiles du fond (`https://…/{z}/{x}/{y}.png`). Par défaut : « Plan IGN » de la Géoplateforme ; `none` : fond uni, aucune requête de tuiles.',
      'tile-attribution': 'Attribution des tuiles données dans `tile-url`, en texte simple.',
      'max-zoom': 'Zoom maximal (18 par défaut).',
      'heading-level': 'Niveau du titre (1 à 6, 2 par défaut) ; 0 le masque.',
      'list-open': 'Ouvre d’emblée la liste qui remplace la carte.',
      departements: 'Départements affichés, séparés par des virgules (`58` ou `58,89`) : seulement les services qui s’y trouvent. Par défaut : tous.',
    },
    events: {
      'relais-select': '« Voir la fiche » a été choisi sur un service (`serviceId`).',
      'relais-viewport': 'La carte a bougé (`bbox`, `zoom`).',
      'relais-error': 'La source a échoué (`message` en français).',
    },
  },
  'relais-eligibility': {
    attributes: {
      catalogues: 'Adresses de catalogues locaux (JSON), séparées par des virgules ; fusionnés avec le catalogue national et filtrés par territoire.',
      date: 'Date de l’évaluation (AAAA-MM-JJ) ; par défaut, celle de l’appareil.',
      falc: 'Questions en FALC (facile à lire et à comprendre).',
      remember: 'Garde les réponses pour cet onglet afin qu’un rechargement ne les perde pas (chiffrées, jamais en clair). Désactivé par défaut.',
      departements: 'Départements proposés pour la question de la commune (séparés par des virgules) ; les codes postaux marchent partout.',
      'directory-url': 'Sans fournisseur : la page d’annuaire vers laquelle renvoie « où faire la demande » ; `{kind}` est remplacé par le type de structure.',
      'heading-level': 'Niveau du titre (1 à 6, 2 par défaut).',
    },
    events: {
      'relais-result': 'Résultats affichés : identifiants et statuts des aides seulement (jamais les réponses).',
      'relais-error': 'Un catalogue local n’a pas pu être chargé ou est invalide (`message` en français).',
    },
  },
  'relais-liaison-form': {
    attributes: {
      'template-id': 'Identifiant d’un modèle de fiche livré (`dlu-domicile`, `orientation`).',
      'draft-id': 'Identifiant du brouillon sur cet appareil (une fiche par identifiant).',
      endpoint: 'Où envoyer la fiche (le point de réception du site). Sans lui, la fiche peut être gardée et imprimée, pas envoyée.',
      device: '`personal` (par défaut) ou `shared` (poste d’accueil France Services ou CCAS : rien n’est gardé au-delà de l’onglet, effacement après inactivité).',
      'idle-minutes': 'Minutes d’inactivité avant l’effacement d’une fiche sur un poste partagé (10 par défaut) ; un avertissement vient une minute avant.',
      'expiry-days': 'Nombre de jours pendant lesquels un brouillon est gardé (30 par défaut).',
      'db-name': 'Nom de la base IndexedDB (pour séparer plusieurs formulaires d’un même site).',
      'heading-level': 'Niveau du titre (1 à 6, 2 par défaut).',
      'passphrase-mode': 'Protège le brouillon par une phrase secrète que la personne tape (jamais enregistrée ; sans elle, le brouillon ne peut pas être rouvert).',
      'home-print-access': 'Imprime les champs réservés à l’appareil (le code de la porte) sur la fiche papier gardée au domicile. Désactivé par défaut.',
      notice: 'Ce que le site doit dire à la personne avant un partage (RGPD art. 13 ; CSP D1110-3-1), en JSON : `controller`, `contact`, `dpo`, `retention`, `receiver`, `access`, et `hosting` facultatif. Avec un `endpoint` et sans notice complète, rien n’est envoyé.',
    },
    events: {
      'relais-draft-saved': 'Le brouillon a été enregistré sur cet appareil (`draftId`, `savedAt`).',
      'relais-submit': 'La fiche a été envoyée ou mise en attente (`draftId`, `receiptId`, `state`) ; jamais son contenu.',
      'relais-error': 'Un modèle ou un brouillon enregistré n’a pas pu être utilisé (`message` en français).',
    },
  },
  'relais-pathway': {
    attributes: {
      'template-id': 'Identifiant d’un modèle de parcours livré (`mdph`, `pch`, `apa-domicile`, `ehpad-admission`, `sortie-hospitalisation`, `protection-enfance`, `rsa`).',
      src: 'Adresse d’un dossier JSON `{ template, events }` (template : un identifiant ou un objet).',
      today: 'Date du jour (AAAA-MM-JJ) ; par défaut, celle de l’appareil.',
      layout: '`vertical` (par défaut) ou `horizontal` (compact ; de nouveau vertical sous 40rem).',
      simulate: 'Affiche le formulaire « Simuler mon parcours » : la personne saisit la date de sa demande.',
      'alsace-moselle': 'Compte les jours ouvrés avec les jours fériés d’Alsace-Moselle.',
      commune: 'Code INSEE de la commune de la personne, transmis quand une étape ouvre l’annuaire.',
      'directory-url': 'Sans fournisseur : une page d’annuaire vers laquelle renvoient les acteurs ; `{kind}` est remplacé par le type de structure.',
      falc: 'Libellés en FALC (facile à lire et à comprendre).',
      'heading-level': 'Niveau du titre (1 à 6, 2 par défaut).',
      pro: 'Vue professionnelle : références juridiques telles qu’écrites (« CASF D311 ») avec les mentions « à vérifier ». Activée par défaut pour les modèles professionnels.',
      facts: 'Faits déclarés pour le dossier, identifiants séparés par des espaces (par exemple `sejour-permanent`) : ils décident des délais qui s’appliquent.',
    },
    events: {
      'relais-step-select': 'Le détail d’une étape a été ouvert (`stepId`).',
      'relais-pathway-view': 'Le parcours a été affiché ou ses statuts ont changé : `templateId` et, pour chaque étape à délai, `late` (jamais une date ni un fait).',
      'relais-error': 'Le dossier ou le modèle n’a pas pu être chargé ou est invalide (`message` en français).',
    },
  },
  'relais-contributions': {
    attributes: {
      endpoint: 'Adresse de base de l’API des contributions (la même base que l’annuaire REST).',
      departement: 'Code d’un département pour ne modérer que celui-ci parmi les territoires de la personne (par défaut : tous).',
      'stale-after-months': 'Nombre de mois sans confirmation après lesquels une fiche est listée dans « Fiches à vérifier » (1 à 120, 12 par défaut).',
      'heading-level': 'Niveau du titre (1 à 6, 2 par défaut) ; les onglets sont un niveau en dessous.',
    },
    events: {
      'relais-contribution-decided': 'Une proposition a été acceptée ou refusée (`contributionId`, `serviceId`, `decision`, `champs`) : des identifiants seulement.',
      'relais-confirmation-requested': 'Un lien de confirmation a été envoyé pour un service (`serviceId`).',
      'relais-error': 'Un appel a échoué ; `message` est la phrase affichée, en français.',
    },
  },
  'relais-indicators': {
    attributes: {
      endpoint: 'Adresse de base de l’API des indicateurs (par exemple `https://annuaire.departement.fr/api`) ; le widget demande `{endpoint}/indicateurs`.',
      departement: 'Code du département (`58`, `2A`, `974`…) : les indicateurs des EPCI qui y ont leur siège, et la zone de la carte.',
      du: 'Premier jour de la période (AAAA-MM-JJ) ; par défaut, les 12 derniers mois.',
      au: 'Dernier jour de la période, inclus (AAAA-MM-JJ, 366 jours au plus après `du`) ; par défaut, aujourd’hui.',
      'heading-level': 'Niveau du titre (1 à 6, 2 par défaut) ; les sections sont un niveau en dessous.',
      'tile-url': 'Fond de la carte : modèle de tuiles XYZ (`{z}`, `{x}`, `{y}`), `none`, ou « Plan IGN » par défaut.',
      'tile-attribution': 'Mention des tuiles données dans `tile-url`, en texte simple.',
    },
    events: {
      'relais-error': 'Les indicateurs n’ont pas pu être chargés ou ne suivent pas le contrat (`message` en français).',
    },
  },
};
