/**
 * The orientation template (loaded on demand by the element). See ../templates.ts for the sources.
 */
import type { Template } from '../sheet-schema.js';
import { m, mesureOptions, MEASURES_WITH_A_PERSON_IN_CHARGE } from './common.js';

/** A referral between professionals (orientation), on DORA's orientation model and the ANESM recommendation. */
export const orientation: Template = {
  id: 'orientation',
  version: '2026-3',
  title: 'Fiche d’orientation entre professionnels',
  description: 'Pour adresser une personne à une autre structure, avec son information ou son accord selon le cadre, sans qu’elle ait à tout raconter à nouveau.',
  sources: ['CSP L1110-4, R1110-1 à R1110-3 et D1110-3-1 (échange et partage d’informations)', 'Modèle d’orientation DORA (GIP de l’inclusion)', 'ANESM, pratiques de coopération et de coordination du parcours de la personne en situation de handicap'],
  models: [
    { id: 'dora', title: 'DORA — modèle « Orientation » (fiche d’orientation vers un service)', publisher: 'GIP de l’inclusion (gip-inclusion/dora)', version: 'commit 388804a7 du 22/08/2026', reference: 'gip-inclusion/dora : back/dora/orientations/models.py (lu via shared/research/directory_standards.md §2)', toVerify: 'Les valeurs des listes `situation` et `requirements` de DORA n’ont pas été lues : non reprises.' },
    { id: 'anesm', title: 'Recommandation « Pratiques de coopération et de coordination du parcours de la personne en situation de handicap » (synthèse, volets 1 et 2)', publisher: 'ANESM (aujourd’hui HAS)', version: 'synthèse des volets 1 et 2', reference: 'shared/seeds/002_c5d89a0549bdf5b0.txt (recueil de l’information l. 91–115, entourage l. 285–300, plan de transition l. 1062–1073)', toVerify: 'Année de publication non lue dans la synthèse.' },
  ],
  // a structure that does not yet take part in the person's care: her agreement is needed (CSP L1110-4 III al. 2)
  regimes: { recommended: 'hors-equipe' },
  sections: [
    {
      id: 'emetteur',
      title: 'Qui oriente',
      modelPart: 'DORA : prescripteur et référent',
      fields: [
        { id: 'emetteur_structure', label: 'Structure', type: 'text', required: true, example: 'CCAS de Clamecy', sensitivity: 'S0', author: 'professionnel', purpose: 'Savoir d’où vient l’orientation.', seenBy: ['emetteur', 'destinataire'], modelFields: [m('dora', 'prescriber_structure')] },
        { id: 'emetteur_nom', label: 'Nom et fonction', type: 'text', required: true, example: 'Claire Petit, conseillère en économie sociale et familiale', sensitivity: 'S0', author: 'professionnel', purpose: 'Savoir qui rappeler.', seenBy: ['emetteur', 'destinataire'], modelFields: [m('dora', 'prescriber')] },
        { id: 'emetteur_telephone', label: 'Téléphone', type: 'tel', required: true, example: '03 86 12 34 56', sensitivity: 'S0', author: 'professionnel', purpose: 'Rappeler le professionnel qui oriente.', seenBy: ['emetteur', 'destinataire'], modelFields: [m('dora', 'prescriber (coordonnées)')] },
        { id: 'emetteur_courriel', label: 'Adresse électronique', type: 'email', example: 'c.petit@ccas-exemple.fr', sensitivity: 'S0', author: 'professionnel', purpose: 'Répondre par écrit (acceptation ou refus de l’orientation).', seenBy: ['emetteur', 'destinataire'], modelFields: [m('dora', 'prescriber (courriel)')] },
        { id: 'referent_nom', label: 'Référent de la personne, s’il n’est pas vous (nom, fonction)', type: 'text', sensitivity: 'S0', author: 'professionnel', purpose: 'Le professionnel qui suit la personne au quotidien et coordonne.', seenBy: ['emetteur', 'destinataire'], modelFields: [m('dora', 'referent_last_name, referent_first_name'), m('anesm', 'fonction de coordination')] },
        { id: 'referent_telephone', label: 'Téléphone du référent', type: 'tel', example: '03 86 12 34 57', sensitivity: 'S0', author: 'professionnel', purpose: 'Joindre le référent.', seenBy: ['emetteur', 'destinataire'], modelFields: [m('dora', 'referent_phone')] },
        { id: 'referent_courriel', label: 'Adresse électronique du référent', type: 'email', example: 'referent@exemple.fr', sensitivity: 'S0', author: 'professionnel', purpose: 'Écrire au référent.', seenBy: ['emetteur', 'destinataire'], modelFields: [m('dora', 'referent_email')] },
      ],
    },
    {
      id: 'destinataire',
      title: 'Vers qui',
      modelPart: 'DORA : service de destination (service DORA ou service data·inclusion)',
      fields: [
        { id: 'destinataire_structure', label: 'Structure qui reçoit', type: 'text', required: true, example: 'Plateforme de répit de la Nièvre', sensitivity: 'S0', author: 'professionnel', purpose: 'Savoir à qui la fiche est adressée.', seenBy: ['emetteur', 'destinataire'], modelFields: [m('dora', 'di_structure_name')] },
        { id: 'destinataire_service', label: 'Service demandé', type: 'text', example: 'Accueil de jour', sensitivity: 'S0', author: 'professionnel', purpose: 'Préciser le service visé dans la structure.', seenBy: ['emetteur', 'destinataire'], modelFields: [m('dora', 'di_service_name')] },
        { id: 'destinataire_service_id', label: 'Identifiant du service (annuaire)', hint: 'Rempli quand la structure est choisie dans l’annuaire ; jamais affiché.', type: 'text', sensitivity: 'S0', author: 'systeme', purpose: 'Relier la fiche au service de l’annuaire (identifiant data·inclusion « source--id »).', seenBy: ['destinataire'], modelFields: [m('dora', 'di_service_id')] },
        { id: 'destinataire_referent', label: 'Référent nommé (si connu)', type: 'text', sensitivity: 'S0', author: 'professionnel', purpose: 'Adresser la fiche à une personne plutôt qu’à un accueil.', seenBy: ['emetteur', 'destinataire'], modelFields: [m('dora', 'di_contact_name')] },
      ],
    },
    {
      id: 'personne',
      title: 'La personne',
      modelPart: 'DORA : bénéficiaire',
      fields: [
        { id: 'personne_nom', label: 'Nom et prénom', type: 'text', required: true, example: 'Jeanne Martin', sensitivity: 'S1', author: 'professionnel', purpose: 'Identifier la personne orientée.', seenBy: ['personne', 'emetteur', 'destinataire'], modelFields: [m('dora', 'beneficiary_last_name, beneficiary_first_name')] },
        { id: 'personne_naissance', label: 'Date de naissance', type: 'date', example: '27/03/1941', sensitivity: 'S1', author: 'professionnel', purpose: 'Distinguer deux homonymes ; certaines aides dépendent de l’âge.', seenBy: ['personne', 'emetteur', 'destinataire'], modelFields: [], toVerify: 'Absente du modèle DORA lu : champ propre à Relais, facultatif.' },
        { id: 'mesure_protection', label: 'Mesure de protection juridique', hint: 'Elle dit qui peut répondre à la place de la personne au moment du partage (Code civil, art. 459).', type: 'choice', options: mesureOptions, sensitivity: 'S1', author: 'professionnel', purpose: 'Savoir qui accompagne ou représente la personne dans ses décisions.', seenBy: ['personne', 'emetteur', 'destinataire'], modelFields: [m('anesm', 'en accord avec la personne et/ou son représentant légal (l. 91)')], toVerify: 'Classée S1 ; une mesure de protection peut révéler l’état de santé (altération des facultés) : classement en S2 à vérifier.' },
        { id: 'mandataire', label: 'Personne chargée de la mesure (nom, téléphone)', type: 'text', showIf: { field: 'mesure_protection', in: MEASURES_WITH_A_PERSON_IN_CHARGE }, required: true, example: 'UDAF de la Nièvre, 03 86 00 00 00', sensitivity: 'S1', author: 'professionnel', purpose: 'La joindre pour les décisions prises avec la personne.', seenBy: ['personne', 'emetteur', 'destinataire'], modelFields: [m('anesm', 'représentant légal (l. 91)')] },
        { id: 'personne_contact', label: 'Comment la joindre', type: 'choice', required: true, options: [{ value: 'telephone', label: 'Par téléphone' }, { value: 'courrier', label: 'Par courrier' }, { value: 'via-emetteur', label: 'Par l’intermédiaire de la structure qui oriente' }, { value: 'courriel', label: 'Par courriel' }], sensitivity: 'S1', author: 'professionnel', purpose: 'Prendre contact comme la personne le souhaite.', seenBy: ['personne', 'emetteur', 'destinataire'], modelFields: [m('dora', 'beneficiary_contact_preferences (TELEPHONE, EMAIL, REFERENT, AUTRE)')] },
        { id: 'personne_telephone', label: 'Son téléphone', type: 'tel', showIf: { field: 'personne_contact', equals: 'telephone' }, required: true, example: '06 39 98 12 34', sensitivity: 'S1', author: 'professionnel', purpose: 'L’appeler pour convenir d’un rendez-vous.', seenBy: ['personne', 'emetteur', 'destinataire'], modelFields: [m('dora', 'beneficiary_phone')] },
        { id: 'personne_courriel', label: 'Son adresse électronique', type: 'email', showIf: { field: 'personne_contact', equals: 'courriel' }, required: true, example: 'jeanne.martin@exemple.fr', sensitivity: 'S1', author: 'professionnel', purpose: 'Lui écrire pour convenir d’un rendez-vous.', seenBy: ['personne', 'emetteur', 'destinataire'], modelFields: [m('dora', 'beneficiary_email')] },
        { id: 'personne_disponibilites', label: 'Ses disponibilités (jours, horaires, à partir de quand)', type: 'text', example: 'le matin, à partir du 15 décembre', sensitivity: 'S1', author: 'professionnel', purpose: 'Proposer un rendez-vous possible.', seenBy: ['personne', 'emetteur', 'destinataire'], modelFields: [m('dora', 'beneficiary_availability')] },
      ],
    },
    {
      id: 'situation',
      title: 'Sa situation',
      description: 'Seulement ce qui est utile à la structure qui reçoit.',
      modelPart: 'ANESM, recueil de l’information et ressources de l’entourage ; DORA : situation',
      fields: [
        { id: 'situation', label: 'Sa situation aujourd’hui (lieu de vie, entourage, ressources)', type: 'textarea', maxLength: 3000, sensitivity: 'S2', author: 'professionnel', purpose: 'Éviter à la personne de tout raconter à nouveau ; peut révéler sa santé, donc donnée de santé.', seenBy: ['personne', 'emetteur', 'destinataire'], modelFields: [m('dora', 'situation, situation_other'), m('anesm', 'sa situation (vit-elle au domicile avec ou sans accompagnement…), l. 101–102')] },
        { id: 'deja_fait', label: 'Ce qui a déjà été fait (démarches, demandes, évaluations)', type: 'textarea', maxLength: 3000, sensitivity: 'S2', author: 'professionnel', purpose: 'Ne pas refaire ce qui a été fait ; prendre en compte les évaluations existantes. Révèle souvent la santé (évaluation médicale, demande APA ou MDPH), donc donnée de santé.', seenBy: ['personne', 'emetteur', 'destinataire'], modelFields: [m('anesm', 'prendre en compte l’évaluation … pour éviter les redondances, l. 86–88')] },
        { id: 'qui_aide', label: 'Qui l’aide déjà (proches, professionnels)', type: 'textarea', maxLength: 2000, sensitivity: 'S2', author: 'professionnel', purpose: 'Coordonner avec ceux qui sont déjà là ; nommer un infirmier ou un SSIAD révèle la santé, donc donnée de santé.', seenBy: ['personne', 'emetteur', 'destinataire'], modelFields: [m('anesm', 'les acteurs en présence et les personnes ressources de son entourage, l. 103–104 ; l. 292–294')] },
      ],
    },
    {
      id: 'motif',
      title: 'Motif et besoins',
      modelPart: 'DORA : orientation_reasons',
      fields: [
        { id: 'motif', label: 'Motif de l’orientation', type: 'textarea', required: true, maxLength: 3000, sensitivity: 'S2', author: 'professionnel', purpose: 'Ce que la structure doit savoir pour répondre ; révèle souvent la santé, donc donnée de santé.', seenBy: ['personne', 'emetteur', 'destinataire'], modelFields: [m('dora', 'orientation_reasons')] },
        { id: 'besoins', label: 'Domaines de besoin', type: 'multi', required: true, options: [{ value: 'aide-domicile', label: 'Aide à domicile' }, { value: 'soins', label: 'Soins' }, { value: 'repit', label: 'Répit de l’aidant' }, { value: 'droits', label: 'Accès aux droits' }, { value: 'logement', label: 'Logement' }, { value: 'isolement', label: 'Isolement' }, { value: 'coordination', label: 'Situation complexe, coordination' }], sensitivity: 'S2', author: 'professionnel', purpose: 'Orienter la demande vers le bon interlocuteur ; « soins » révèle la santé, donc donnée de santé.', seenBy: ['personne', 'emetteur', 'destinataire'], modelFields: [m('anesm', 'domaines de besoins (nomenclature SERAFIN-PH, l. 351–363)')], toVerify: 'Liste simplifiée par Relais, pas la nomenclature SERAFIN-PH complète.' },
        { id: 'urgence', label: 'Urgence perçue', type: 'choice', options: [{ value: 'non', label: 'Pas urgent' }, { value: 'semaine', label: 'Dans la semaine' }, { value: 'immediate', label: 'Immédiate' }], sensitivity: 'S1', author: 'professionnel', purpose: 'Traiter d’abord ce qui ne peut pas attendre.', seenBy: ['emetteur', 'destinataire'], modelFields: [m('anesm', 'degré de criticité des informations (alertes…), l. 1284–1286')] },
      ],
    },
    {
      id: 'attentes',
      title: 'Ce que la personne sait et souhaite',
      modelPart: 'ANESM, projet de vie, choix et aspirations de la personne',
      fields: [
        { id: 'personne_informee', label: 'La personne sait qu’elle est orientée vers cette structure', type: 'choice', required: true, options: [{ value: 'oui', label: 'Oui, elle le sait' }, { value: 'non', label: 'Non, pas encore (la fiche ne pourra pas être envoyée)' }], blocksSending: { in: ['non'], message: 'La personne ne sait pas encore qu’elle est orientée : informez-la avant d’envoyer la fiche (CSP L1110-4 IV, R1110-3, D1110-3-1). La fiche reste sur cet appareil.' }, sensitivity: 'S1', author: 'professionnel', purpose: 'La structure sait si elle peut appeler la personne directement.', seenBy: ['personne', 'emetteur', 'destinataire'], modelFields: [m('anesm', 'en accord avec la personne, l. 91')] },
        { id: 'personne_souhaits', label: 'Ce qu’elle souhaite, avec ses mots', type: 'textarea', maxLength: 2000, sensitivity: 'S1', author: 'professionnel', purpose: 'Partir de ses choix et de ses préférences.', seenBy: ['personne', 'emetteur', 'destinataire'], modelFields: [m('anesm', 'son projet de vie ; ses rythmes et ses choix de vie ; ses aspirations, préférences et aversions, l. 97–99')] },
      ],
    },
    {
      id: 'documents',
      title: 'Documents',
      description: 'La liste des documents disponibles, pas les documents eux-mêmes : la structure les demandera si elle en a besoin.',
      modelPart: 'DORA : beneficiary_attachments',
      fields: [
        { id: 'documents', label: 'Documents disponibles', type: 'list', maxItems: 10, item: [{ id: 'titre', label: 'Document', type: 'text', required: true }], sensitivity: 'S1', author: 'professionnel', purpose: 'Dire ce qui existe sans transmettre les pièces (moins de données envoyées).', seenBy: ['emetteur', 'destinataire'], modelFields: [m('dora', 'beneficiary_attachments (ici la liste seulement)')] },
      ],
    },
  ],
};
