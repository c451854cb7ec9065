/**
 * Shipped templates, from shared/research/liaison_pathway.md §1.7: the HAS 2021 DLU-Dom (document de
 * liaison d'urgence à domicile, the "fiche frigo" kept at home) with its "fiche aller", and a referral
 * between professionals ("orientation").
 */
import type { Template } from './template.js';

const yesNoUnknown = [
  { value: 'oui', label: 'Oui' },
  { value: 'non', label: 'Non' },
  { value: 'ne-sait-pas', label: 'Je ne sais pas' },
];

/** DLU-Dom (HAS 2021) with the "fiche aller". */
export const dluDomicile: Template = {
  id: 'dlu-domicile',
  version: '2026-1',
  title: 'Document de liaison d’urgence à domicile (« fiche frigo »)',
  description: 'Les informations utiles aux secours et aux soignants, gardées chez la personne (sur le réfrigérateur) et mises à jour au moins une fois par an.',
  sources: ['HAS, document de liaison d’urgence à domicile (DLU-Dom), 2021', 'HAS/ANESM, DLU EHPAD 2015', 'CSP L1111-6 (personne de confiance), L1111-11 (directives anticipées)'],
  sections: [
    {
      id: 'identite',
      title: 'Identité',
      reviewAfterMonths: 12,
      fields: [
        { id: 'nom_naissance', label: 'Nom de naissance', type: 'text', required: true, example: 'MARTIN', sensitivity: 'S0', author: 'personne' },
        { id: 'nom_usage', label: 'Nom d’usage', type: 'text', sensitivity: 'S0', author: 'personne' },
        { id: 'prenoms', label: 'Prénom(s)', type: 'text', required: true, example: 'Jeanne Marie', sensitivity: 'S0', author: 'personne' },
        { id: 'date_naissance', label: 'Date de naissance', type: 'date', required: true, example: '27/03/1941', sensitivity: 'S0', author: 'personne' },
        { id: 'telephone', label: 'Téléphone', type: 'tel', example: '03 86 12 34 56', sensitivity: 'S1', author: 'personne' },
        { id: 'acces_logement', label: 'Accès au logement (code, clés, gardien)', hint: 'N’apparaît pas sur la version imprimée « urgence ».', type: 'textarea', sensitivity: 'S1', author: 'personne' },
        { id: 'langue', label: 'Langue parlée, besoin d’interprète ou de LSF', type: 'text', sensitivity: 'S1', author: 'personne' },
      ],
    },
    {
      id: 'protection',
      title: 'Protection juridique et personnes à prévenir',
      reviewAfterMonths: 12,
      fields: [
        { id: 'mesure_protection', label: 'Mesure de protection juridique', type: 'choice', required: true, options: [{ value: 'aucune', label: 'Aucune' }, { value: 'sauvegarde', label: 'Sauvegarde de justice' }, { value: 'curatelle', label: 'Curatelle' }, { value: 'tutelle', label: 'Tutelle' }, { value: 'habilitation-familiale', label: 'Habilitation familiale' }, { value: 'mandat-protection-future', label: 'Mandat de protection future' }], sensitivity: 'S1', author: 'personne' },
        { id: 'mandataire', label: 'Nom et téléphone du mandataire', type: 'text', showIf: { field: 'mesure_protection', equals: 'tutelle' }, required: true, sensitivity: 'S1', author: 'personne' },
        { id: 'personne_confiance', label: 'Personne de confiance (nom, lien, téléphone)', hint: 'Désignée par écrit ; elle peut être consultée sur les soins (CSP L1111-6). Ce n’est pas forcément la personne à prévenir.', type: 'text', sensitivity: 'S1', author: 'personne' },
        { id: 'personnes_prevenir', label: 'Personnes à prévenir', type: 'list', maxItems: 3, item: [{ id: 'nom', label: 'Nom', type: 'text', required: true }, { id: 'lien', label: 'Lien', type: 'text' }, { id: 'telephone', label: 'Téléphone', type: 'tel', required: true }], sensitivity: 'S1', author: 'personne' },
      ],
    },
    {
      id: 'cadre-de-vie',
      title: 'Cadre de vie et intervenants',
      reviewAfterMonths: 12,
      fields: [
        { id: 'vit_seul', label: 'Vit seul(e)', type: 'choice', options: yesNoUnknown, sensitivity: 'S1', author: 'personne' },
        { id: 'aidant_principal', label: 'Aidant principal (nom, téléphone)', type: 'text', sensitivity: 'S1', author: 'personne' },
        { id: 'medecin_traitant', label: 'Médecin traitant (nom, téléphone)', type: 'text', required: true, example: 'Dr Durand, 03 86 00 00 00', sensitivity: 'S0', author: 'personne' },
        { id: 'pharmacien', label: 'Pharmacie habituelle', type: 'text', sensitivity: 'S0', author: 'personne' },
        { id: 'intervenants', label: 'Intervenants à domicile', hint: 'Aide à domicile, SSIAD, infirmier, portage de repas, téléassistance…', type: 'list', maxItems: 10, item: [{ id: 'structure', label: 'Structure ou personne', type: 'text', required: true }, { id: 'telephone', label: 'Téléphone', type: 'tel' }], sensitivity: 'S1', author: 'personne' },
        { id: 'animaux', label: 'Animaux à prendre en charge', type: 'text', sensitivity: 'S1', author: 'personne' },
      ],
    },
    {
      id: 'sante',
      title: 'Santé (à faire remplir par le médecin traitant)',
      reviewAfterMonths: 12,
      fields: [
        { id: 'pathologies', label: 'Pathologies en cours et antécédents importants', type: 'textarea', sensitivity: 'S2', author: 'medecin' },
        { id: 'allergies', label: 'Allergies et intolérances', hint: 'Écrivez « aucune connue » s’il n’y en a pas.', type: 'textarea', required: true, example: 'pénicilline (urticaire)', sensitivity: 'S2', author: 'medecin' },
        { id: 'traitements', label: 'Traitements en cours', type: 'list', maxItems: 30, item: [{ id: 'medicament', label: 'Médicament', type: 'text', required: true }, { id: 'posologie', label: 'Posologie', type: 'text' }], sensitivity: 'S2', author: 'medecin' },
        { id: 'date_ordonnance', label: 'Date de la dernière ordonnance', type: 'date', example: '02/11/2026', sensitivity: 'S2', author: 'medecin' },
        { id: 'anticoagulant', label: 'Traitement anticoagulant', type: 'choice', options: yesNoUnknown, sensitivity: 'S2', author: 'medecin' },
        { id: 'dispositifs', label: 'Dispositifs (pacemaker, oxygène, sonde…)', type: 'text', sensitivity: 'S2', author: 'medecin' },
      ],
    },
    {
      id: 'volontes',
      title: 'Volontés',
      reviewAfterMonths: 12,
      fields: [
        { id: 'directives_anticipees', label: 'Directives anticipées rédigées', type: 'choice', options: yesNoUnknown, sensitivity: 'S3', author: 'personne' },
        { id: 'directives_lieu', label: 'Où sont-elles conservées ?', type: 'text', showIf: { field: 'directives_anticipees', equals: 'oui' }, required: true, sensitivity: 'S3', author: 'personne' },
      ],
    },
    {
      id: 'fiche-aller',
      title: 'Fiche aller (au moment de l’urgence)',
      description: 'À remplir par la personne présente au moment de l’urgence.',
      fields: [
        { id: 'aller_date', label: 'Date et heure', type: 'datetime', sensitivity: 'S0', author: 'professionnel' },
        { id: 'aller_par', label: 'Rempli par (nom, qualité)', type: 'text', sensitivity: 'S0', author: 'professionnel' },
        { id: 'aller_motif', label: 'Ce qui s’est passé', type: 'textarea', sensitivity: 'S2', author: 'professionnel' },
        { id: 'aller_derniere_prise', label: 'Dernière prise du traitement habituel', type: 'datetime', sensitivity: 'S2', author: 'professionnel' },
        { id: 'aller_dernier_repas', label: 'Dernier repas', type: 'datetime', sensitivity: 'S2', author: 'professionnel' },
        { id: 'aller_informes', label: 'Personnes informées', type: 'multi', options: [{ value: 'centre-15', label: 'Centre 15' }, { value: 'medecin-traitant', label: 'Médecin traitant' }, { value: 'entourage', label: 'Entourage' }], sensitivity: 'S1', author: 'professionnel' },
      ],
    },
  ],
};

/** A referral between professionals (orientation). */
export const orientation: Template = {
  id: 'orientation',
  version: '2026-1',
  title: 'Fiche d’orientation entre professionnels',
  description: 'Pour adresser une personne à une autre structure, avec son accord, sans qu’elle ait à tout raconter à nouveau.',
  sources: ['CSP L1110-4 et R1110-1 à R1110-3 (échange et partage d’informations)', 'Modèle d’orientation DORA (data·inclusion)'],
  sections: [
    {
      id: 'emetteur',
      title: 'Qui oriente',
      fields: [
        { id: 'emetteur_structure', label: 'Structure', type: 'text', required: true, example: 'CCAS de Clamecy', sensitivity: 'S0', author: 'professionnel' },
        { id: 'emetteur_nom', label: 'Nom et fonction', type: 'text', required: true, example: 'Claire Petit, conseillère en économie sociale et familiale', sensitivity: 'S0', author: 'professionnel' },
        { id: 'emetteur_telephone', label: 'Téléphone', type: 'tel', required: true, example: '03 86 12 34 56', sensitivity: 'S0', author: 'professionnel' },
        { id: 'emetteur_courriel', label: 'Adresse électronique', type: 'email', example: 'c.petit@ccas-exemple.fr', sensitivity: 'S0', author: 'professionnel' },
      ],
    },
    {
      id: 'destinataire',
      title: 'Vers qui',
      fields: [
        { id: 'destinataire_structure', label: 'Structure qui reçoit', type: 'text', required: true, example: 'Plateforme de répit de la Nièvre', sensitivity: 'S0', author: 'professionnel' },
        { id: 'destinataire_service_id', label: 'Identifiant du service (annuaire)', hint: 'Rempli quand la structure est choisie dans l’annuaire.', type: 'text', sensitivity: 'S0', author: 'systeme' },
        { id: 'destinataire_referent', label: 'Référent nommé (si connu)', type: 'text', sensitivity: 'S0', author: 'professionnel' },
      ],
    },
    {
      id: 'personne',
      title: 'La personne',
      fields: [
        { id: 'personne_nom', label: 'Nom et prénom', type: 'text', required: true, sensitivity: 'S1', author: 'professionnel' },
        { id: 'personne_naissance', label: 'Date de naissance', type: 'date', example: '27/03/1941', sensitivity: 'S1', author: 'professionnel' },
        { id: 'personne_contact', label: 'Comment la joindre', type: 'choice', required: true, options: [{ value: 'telephone', label: 'Par téléphone' }, { value: 'courrier', label: 'Par courrier' }, { value: 'via-emetteur', label: 'Par l’intermédiaire de la structure qui oriente' }], sensitivity: 'S1', author: 'professionnel' },
        { id: 'personne_telephone', label: 'Son téléphone', type: 'tel', showIf: { field: 'personne_contact', equals: 'telephone' }, required: true, example: '06 39 98 12 34', sensitivity: 'S1', author: 'professionnel' },
      ],
    },
    {
      id: 'motif',
      title: 'Motif et besoins',
      fields: [
        { id: 'motif', label: 'Motif de l’orientation', type: 'textarea', required: true, maxLength: 3000, sensitivity: 'S1', author: 'professionnel' },
        { id: 'besoins', label: 'Domaines de besoin', type: 'multi', required: true, options: [{ value: 'aide-domicile', label: 'Aide à domicile' }, { value: 'soins', label: 'Soins' }, { value: 'repit', label: 'Répit de l’aidant' }, { value: 'droits', label: 'Accès aux droits' }, { value: 'logement', label: 'Logement' }, { value: 'isolement', label: 'Isolement' }, { value: 'coordination', label: 'Situation complexe, coordination' }], sensitivity: 'S1', author: 'professionnel' },
        { id: 'urgence', label: 'Urgence perçue', type: 'choice', options: [{ value: 'non', label: 'Pas urgent' }, { value: 'semaine', label: 'Dans la semaine' }, { value: 'immediate', label: 'Immédiate' }], sensitivity: 'S1', author: 'professionnel' },
      ],
    },
    {
      id: 'accord',
      title: 'Accord de la personne',
      fields: [
        { id: 'accord_personne', label: 'La personne (ou son représentant légal) est d’accord pour que ces informations soient transmises', type: 'boolean', required: true, sensitivity: 'S0', author: 'professionnel' },
        { id: 'accord_par', label: 'Accord donné par', type: 'choice', required: true, options: [{ value: 'personne', label: 'La personne elle-même' }, { value: 'representant', label: 'Son représentant légal' }], sensitivity: 'S0', author: 'professionnel' },
      ],
    },
  ],
};

/** The shipped templates, by id. */
export const liaisonTemplates: Readonly<Record<string, Template>> = { 'dlu-domicile': dluDomicile, orientation };
