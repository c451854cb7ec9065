/**
 * Shipped templates, rebuilt on the official models (shared/research/liaison_pathway.md §1.2–1.7,
 * shared/research/directory_standards.md §2, seed 002 ANESM): each template cites its models as data (`models`), each
 * field the model field it comes from (`modelFields`), why it is needed (`purpose`) and who sees it (`seenBy`).
 * What could not be read in the models themselves is said in `toVerify`, never invented.
 */
import type { Audience, Template } from './template.js';

const yesNoUnknown = [
  { value: 'oui', label: 'Oui' },
  { value: 'non', label: 'Non' },
  { value: 'ne-sait-pas', label: 'Je ne sais pas' },
];
const m = (model: string, field: string) => ({ model, field });

/** Everyone who reads the kept sheet in an emergency. */
const URGENCE: Audience[] = ['personne', 'proches', 'secours', 'urgences', 'medecin'];
/** Health content: not the proches (the personne à prévenir has no access to medical information). */
const SOIN: Audience[] = ['personne', 'secours', 'urgences', 'medecin'];

/** The measures under which a person is in charge of the protection (tutelle, curatelle, habilitation familiale, mandat). */
export const MEASURES_WITH_A_PERSON_IN_CHARGE = ['curatelle', 'tutelle', 'habilitation-familiale', 'mandat-protection-future'];

const mesureOptions = [
  { value: 'aucune', label: 'Aucune' },
  { value: 'sauvegarde', label: 'Sauvegarde de justice' },
  { value: 'curatelle', label: 'Curatelle' },
  { value: 'tutelle', label: 'Tutelle' },
  { value: 'habilitation-familiale', label: 'Habilitation familiale' },
  { value: 'mandat-protection-future', label: 'Mandat de protection future' },
];

/** DLU-Dom (HAS 2021) with the emergency « fiche aller » (ANS DLU-FT-SU 2025) and the « fiche retour » (DLU-FR-SU 2025). */
export const dluDomicile: Template = {
  id: 'dlu-domicile',
  version: '2026-2',
  title: 'Dossier de liaison d’urgence à domicile (DLU-Dom)',
  description: 'Les informations utiles aux secours et aux soignants en cas d’urgence, gardées au domicile de la personne (« fiche frigo »), remplies en dehors de l’urgence et mises à jour au moins une fois par an ou quand la situation change.',
  sources: ['HAS, dossier de liaison d’urgence à domicile (DLU-Dom), 2021', 'ANS CI-SIS, volets DLU (EHPAD 2022.01, DLU-FT-SU et DLU-FR-SU 2025.01)', 'CSP L1111-6 (personne de confiance), L1111-11 (directives anticipées)', 'Code civil art. 425 et suivants (mesures de protection)'],
  models: [
    { id: 'has-dlu-dom', title: 'Dossier de liaison d’urgence domicile (DLU-Dom) : document de liaison, fiche aller, fiche retour', publisher: 'Haute Autorité de santé', version: 'publié le 26/03/2021', reference: 'https://www.has-sante.fr/jcms/p_3210058', toVerify: 'Le PDF HAS n’a pas été lu : libellés et ordre exacts des champs pris de la page HAS et de résumés (agevillage.com, unccas.org, am-consultant.fr).' },
    { id: 'cisis-dlu', title: 'CI-SIS — Document de liaison d’urgence (DLU-EHPAD-DLU)', publisher: 'Agence du numérique en santé', version: '2022.01', reference: 'ansforge/TestContenuCDA-3-0 : schematrons/CI-SIS_DLU-EHPAD-DLU_2022.01.sch, jeuxDeValeurs/JDV_ChecklistDLU-CISIS.xml, JDV_ObservationEtatPatient-CISIS.xml' },
    { id: 'cisis-ft-su', title: 'CI-SIS — Fiche de transfert vers le service des urgences (DLU-FT-SU), EHPAD ou domicile', publisher: 'Agence du numérique en santé', version: '2025.01', reference: 'schematrons/CI-SIS_DLU-FT-SU_2025.01.sch et Sections/*.sch ; JDV_ProtheseObjetPersonnel-CISIS.xml' },
    { id: 'cisis-fr-su', title: 'CI-SIS — Fiche de retour du service des urgences (DLU-FR-SU), EHPAD ou domicile', publisher: 'Agence du numérique en santé', version: '2025.01', reference: 'schematrons/CI-SIS_DLU-FR-SU_2025.01.sch et Sections/*.sch' },
    { id: 'cnsa-urgence', title: 'Fiche pratique « Documents à avoir à portée de main en cas d’urgence »', publisher: 'CNSA, pour-les-personnes-agees.gouv.fr', version: 'consultée en 2026', reference: 'pour-les-personnes-agees.gouv.fr/annuaires-et-services/fiches-pratiques/fiche-pratique-documents-a-avoir-a-portee-de-main-en-cas-d-urgence' },
  ],
  toVerify: [
    'Titre exact du document HAS (« dossier » ou « document » de liaison d’urgence à domicile) et liste exacte de ses champs : le PDF n’a pas été lu.',
    'Les codes exacts des éléments CDA (LOINC, TRE) ne sont pas repris : `modelFields` cite la section et la valeur du jeu de valeurs.',
  ],
  recipients: [
    { id: 'urgences', label: 'Les secours et le service des urgences', sections: ['identite', 'protection', 'cadre-de-vie', 'sante', 'etat', 'volontes', 'documents', 'redaction', 'fiche-aller'] },
    { id: 'retour', label: 'Le médecin traitant et les intervenants du domicile, au retour des urgences', sections: ['identite', 'fiche-retour'] },
  ],
  sections: [
    {
      id: 'identite',
      title: 'Identité et lieu de vie',
      modelPart: 'DLU-Dom, page 1 (partie administrative) ; CI-SIS, en-tête (identité du patient)',
      reviewAfterMonths: 12,
      fields: [
        { id: 'nom_naissance', label: 'Nom de naissance', type: 'text', required: true, example: 'MARTIN', sensitivity: 'S0', author: 'personne', purpose: 'Identifier la personne sans erreur (identitovigilance) à l’hôpital.', seenBy: URGENCE, modelFields: [m('cisis-dlu', 'En-tête : identité du patient (nom de naissance)'), m('has-dlu-dom', 'Page 1 : identité')] },
        { id: 'nom_usage', label: 'Nom d’usage', type: 'text', sensitivity: 'S0', author: 'personne', purpose: 'Le nom sous lequel la personne se présente et est appelée.', seenBy: URGENCE, modelFields: [m('has-dlu-dom', 'Page 1 : partie administrative (identité)')] },
        { id: 'prenoms', label: 'Prénom(s)', type: 'text', required: true, example: 'Jeanne Marie', sensitivity: 'S0', author: 'personne', purpose: 'Identifier la personne et s’adresser à elle.', seenBy: URGENCE, modelFields: [m('cisis-dlu', 'En-tête : identité du patient (prénoms)')] },
        { id: 'date_naissance', label: 'Date de naissance', type: 'date', required: true, example: '27/03/1941', sensitivity: 'S0', author: 'personne', purpose: 'Identifier la personne ; obligatoire dans le modèle CI-SIS.', seenBy: URGENCE, modelFields: [m('cisis-dlu', 'En-tête : date de naissance (obligatoire)')] },
        { id: 'adresse', label: 'Adresse du lieu de vie', type: 'textarea', required: true, example: '12 rue des Forges, 58500 Clamecy', sensitivity: 'S1', author: 'personne', purpose: 'Les secours doivent savoir où intervenir ; les urgentistes demandent le lieu de vie.', seenBy: URGENCE, modelFields: [m('has-dlu-dom', 'Page 1 : identité et lieu de vie')] },
        { id: 'lieu_vie', label: 'Type de lieu de vie', type: 'choice', options: [{ value: 'domicile', label: 'Domicile' }, { value: 'famille', label: 'Chez un proche' }, { value: 'residence-autonomie', label: 'Résidence autonomie ou résidence services' }, { value: 'habitat-inclusif', label: 'Habitat inclusif' }, { value: 'accueil-familial', label: 'Accueil familial' }, { value: 'autre', label: 'Autre' }], sensitivity: 'S1', author: 'personne', purpose: 'Savoir à qui la personne pourra retourner et qui prévenir à la sortie des urgences.', seenBy: URGENCE, modelFields: [m('has-dlu-dom', 'Page 1 : cadre de vie')], toVerify: 'Les choix proposés sont ceux de Relais : le modèle HAS n’a pas été lu.' },
        { id: 'telephone', label: 'Téléphone', type: 'tel', example: '03 86 12 34 56', sensitivity: 'S1', author: 'personne', purpose: 'Rappeler la personne ou son domicile.', seenBy: URGENCE, modelFields: [m('has-dlu-dom', 'Page 1 : partie administrative')] },
        { id: 'acces_logement', label: 'Accès au logement (code, clés, gardien)', hint: 'Reste sur cet appareil : jamais exporté, envoyé ni imprimé, sauf sur la fiche papier gardée au domicile si le site l’a prévu.', type: 'textarea', sensitivity: 'S1', author: 'personne', deviceOnly: true, purpose: 'Permettre aux secours d’entrer quand la personne ne peut pas ouvrir ; ne quitte jamais le domicile.', seenBy: ['personne', 'proches', 'secours'], modelFields: [], toVerify: 'Champ propre à Relais (boîtes frigo locales) ; absent des modèles lus.' },
        { id: 'nir', label: 'Numéro de sécurité sociale', hint: 'Facultatif : utile à l’admission administrative à l’hôpital.', type: 'text', example: '2 41 03 58 079 012 34', sensitivity: 'NIR', author: 'personne', purpose: 'Admission administrative aux urgences ; facultatif, son usage est encadré.', seenBy: ['personne', 'urgences'], modelFields: [m('has-dlu-dom', 'Page 1 : numéro de sécurité sociale')] },
        { id: 'langue', label: 'Langue parlée, besoin d’interprète ou de la langue des signes (LSF)', type: 'text', sensitivity: 'S2', author: 'personne', purpose: 'Se faire comprendre de la personne ; révèle une surdité ou un trouble de la parole, donc donnée de santé.', seenBy: SOIN, modelFields: [m('cisis-dlu', 'Résultats d’événements : handicap auditif, handicap de langage')], toVerify: 'Le champ « langue » lui-même n’est pas attesté dans les modèles lus.' },
      ],
    },
    {
      id: 'protection',
      title: 'Protection juridique et proches',
      modelPart: 'DLU-Dom, page 1 (partie juridique) ; fiche pratique CNSA (personne à prévenir, personne de confiance)',
      reviewAfterMonths: 12,
      fields: [
        { id: 'mesure_protection', label: 'Mesure de protection juridique', type: 'choice', required: true, options: mesureOptions, sensitivity: 'S1', author: 'personne', purpose: 'Savoir qui peut être consulté ou décider avec la personne.', seenBy: URGENCE, modelFields: [m('has-dlu-dom', 'Page 1 : présence ou absence de tutelle, curatelle')] },
        { id: 'mandataire', label: 'Personne chargée de la mesure (nom, téléphone)', hint: 'Tuteur, curateur, personne habilitée ou mandataire.', type: 'text', showIf: { field: 'mesure_protection', in: MEASURES_WITH_A_PERSON_IN_CHARGE }, required: true, example: 'UDAF de la Nièvre, 03 86 00 00 00', sensitivity: 'S1', author: 'personne', purpose: 'La joindre quand une décision relative à la personne doit être prise avec elle.', seenBy: URGENCE, modelFields: [m('has-dlu-dom', 'Page 1 : partie juridique')] },
        { id: 'autorite_parentale', label: 'Pour un enfant : titulaires de l’autorité parentale (noms, téléphones)', type: 'text', sensitivity: 'S1', author: 'personne', purpose: 'Joindre les parents d’un mineur, qui remplissent pour lui les parties non médicales.', seenBy: URGENCE, modelFields: [m('has-dlu-dom', 'Guide : pour les mineurs, la personne exerçant l’autorité parentale')] },
        { id: 'personne_confiance', label: 'Personne de confiance (nom, lien, téléphone)', hint: 'Désignée par écrit ; elle est consultée si la personne ne peut plus exprimer sa volonté (CSP L1111-6). Ce n’est pas forcément la personne à prévenir.', type: 'text', sensitivity: 'S1', author: 'personne', purpose: 'La consulter en premier si la personne ne peut pas s’exprimer.', seenBy: URGENCE, modelFields: [m('cnsa-urgence', 'Fiche contacts d’urgence : personne de confiance')], toVerify: 'Le DLU HAS cite la personne de confiance ; l’élément CI-SIS correspondant n’a pas été lu.' },
        { id: 'personnes_prevenir', label: 'Personnes à prévenir', hint: 'Elles sont prévenues ; elles n’ont pas accès aux informations médicales.', type: 'list', maxItems: 3, item: [{ id: 'nom', label: 'Nom', type: 'text', required: true }, { id: 'lien', label: 'Lien', type: 'text' }, { id: 'telephone', label: 'Téléphone', type: 'tel', required: true }], sensitivity: 'S1', author: 'personne', purpose: 'Prévenir l’entourage (le modèle des urgences 2025 demande si l’entourage a été informé).', seenBy: URGENCE, modelFields: [m('cnsa-urgence', 'Fiche contacts d’urgence : personnes à prévenir'), m('cisis-ft-su', 'Personnes et structures informées : entourage du patient')] },
      ],
    },
    {
      id: 'cadre-de-vie',
      title: 'Cadre de vie et intervenants',
      modelPart: 'DLU-Dom, synthèse environnementale',
      reviewAfterMonths: 12,
      fields: [
        { id: 'vit_seul', label: 'Vit seul(e)', type: 'choice', options: yesNoUnknown, sensitivity: 'S1', author: 'personne', purpose: 'Savoir si la personne peut rentrer chez elle sans aide après les urgences.', seenBy: URGENCE, modelFields: [m('has-dlu-dom', 'Synthèse environnementale : cadre de vie')] },
        { id: 'logement_adapte', label: 'Logement adapté (plain-pied, ascenseur, aménagements)', type: 'choice', options: yesNoUnknown, sensitivity: 'S1', author: 'personne', purpose: 'Préparer le retour à domicile.', seenBy: URGENCE, modelFields: [m('has-dlu-dom', 'Page 1 : cadre de vie (logement adapté)')] },
        { id: 'aidant_principal', label: 'Aidant principal (nom, téléphone)', type: 'text', sensitivity: 'S1', author: 'personne', purpose: 'Joindre la personne qui aide au quotidien.', seenBy: URGENCE, modelFields: [m('has-dlu-dom', 'Synthèse environnementale : aidants')] },
        { id: 'medecin_traitant', label: 'Médecin traitant (nom, téléphone)', type: 'text', required: true, example: 'Dr Durand, 03 86 00 00 00', sensitivity: 'S0', author: 'personne', purpose: 'Joindre le médecin qui connaît la personne ; il est informé du passage aux urgences.', seenBy: URGENCE, modelFields: [m('has-dlu-dom', 'Page 1 : médecin traitant'), m('cisis-ft-su', 'Personnes et structures informées : médecin traitant')] },
        { id: 'pharmacien', label: 'Pharmacie habituelle', type: 'text', sensitivity: 'S0', author: 'personne', purpose: 'Connaître les traitements délivrés (conciliation des médicaments).', seenBy: URGENCE, modelFields: [m('has-dlu-dom', 'Page 1 : pharmacien habituel')] },
        { id: 'intervenants', label: 'Intervenants à domicile', hint: 'Aide à domicile, service de soins infirmiers, infirmier, kinésithérapeute, portage de repas, téléassistance…', type: 'list', maxItems: 10, item: [{ id: 'structure', label: 'Structure ou personne', type: 'text', required: true }, { id: 'telephone', label: 'Téléphone', type: 'tel' }], sensitivity: 'S1', author: 'personne', purpose: 'Savoir qui intervient et qui prévenir pour organiser le retour.', seenBy: URGENCE, modelFields: [m('has-dlu-dom', 'Page 1 : intervenants à domicile')] },
        { id: 'etablissement_prefere', label: 'Établissement de santé de préférence', type: 'text', example: 'Centre hospitalier de Clamecy', sensitivity: 'S1', author: 'personne', purpose: 'Orienter vers l’hôpital qui connaît la personne quand c’est possible.', seenBy: URGENCE, modelFields: [m('cisis-dlu', 'Dispositions : établissement de santé de préférence (1..1 dans le modèle EHPAD)')], toVerify: 'Obligatoire dans le modèle EHPAD ; facultatif ici, le modèle domicile n’a pas été lu.' },
        { id: 'animaux', label: 'Animaux à prendre en charge', type: 'text', sensitivity: 'S1', author: 'personne', purpose: 'Que quelqu’un s’en occupe pendant l’absence de la personne.', seenBy: ['personne', 'proches', 'secours'], modelFields: [], toVerify: 'Champ des fiches frigo locales ; absent des modèles lus.' },
      ],
    },
    {
      id: 'sante',
      title: 'Synthèse médicale (par le médecin traitant)',
      description: 'À faire remplir ou valider par le médecin traitant.',
      modelPart: 'DLU-Dom, synthèse médicale (page 2) ; CI-SIS DLU 2022.01, sections médicales',
      reviewAfterMonths: 12,
      fields: [
        { id: 'pathologies', label: 'Pathologies en cours', type: 'textarea', sensitivity: 'S2', author: 'medecin', purpose: 'Comprendre l’urgence à la lumière des maladies connues.', seenBy: SOIN, modelFields: [m('cisis-dlu', 'Pathologies actives (0..1)')] },
        { id: 'antecedents', label: 'Antécédents importants (maladies, opérations, hospitalisations)', type: 'textarea', sensitivity: 'S2', author: 'medecin', purpose: 'Les antécédents significatifs demandés par les urgentistes.', seenBy: SOIN, modelFields: [m('cisis-dlu', 'Antécédents médicaux (0..1)')] },
        { id: 'allergies', label: 'Allergies et intolérances', hint: 'Écrivez « aucune connue » s’il n’y en a pas.', type: 'textarea', required: true, example: 'pénicilline (urticaire)', sensitivity: 'S2', author: 'medecin', purpose: 'Éviter de donner un médicament dangereux pour la personne.', seenBy: SOIN, modelFields: [m('cisis-dlu', 'Allergies et intolérances (0..1)')] },
        { id: 'traitements', label: 'Traitements en cours', type: 'list', maxItems: 30, item: [{ id: 'medicament', label: 'Médicament', type: 'text', required: true }, { id: 'posologie', label: 'Posologie', type: 'text' }], sensitivity: 'S2', author: 'medecin', purpose: 'Poursuivre les traitements et repérer une interaction ou un surdosage.', seenBy: SOIN, modelFields: [m('cisis-dlu', 'Traitements (1..1)')] },
        { id: 'date_ordonnance', label: 'Date de la dernière ordonnance', type: 'date', example: '02/11/2026', sensitivity: 'S2', author: 'medecin', purpose: 'Savoir si la liste des traitements est à jour.', seenBy: SOIN, modelFields: [m('cisis-dlu', 'Documents ajoutés : photocopies des ordonnances en cours')] },
        { id: 'anticoagulant', label: 'Traitement anticoagulant', type: 'choice', options: yesNoUnknown, sensitivity: 'S2', author: 'medecin', purpose: 'Risque de saignement en cas de chute ou d’intervention.', seenBy: SOIN, modelFields: [m('cisis-dlu', 'Documents ajoutés : biologie récente avec INR (si AVK)')] },
        { id: 'dispositifs', label: 'Dispositifs implantés ou appareillages (stimulateur cardiaque, oxygène, sonde…)', type: 'text', sensitivity: 'S2', author: 'medecin', purpose: 'Adapter les soins et les examens (IRM, défibrillation).', seenBy: SOIN, modelFields: [m('cisis-dlu', 'Documents ajoutés : carnet de suivi du pacemaker ou du défibrillateur implantable')] },
        { id: 'bmr', label: 'Portage d’une bactérie multirésistante (BMR ou BHRe)', type: 'choice', options: yesNoUnknown, sensitivity: 'S3', author: 'medecin', purpose: 'Prendre les précautions d’hygiène à l’arrivée.', seenBy: ['personne', 'urgences', 'medecin'], modelFields: [m('cisis-dlu', 'Résultats d’examens : BMR (1..1)')] },
        { id: 'vaccinations', label: 'Vaccinations utiles (tétanos, grippe…)', type: 'text', sensitivity: 'S2', author: 'medecin', purpose: 'Éviter un rappel inutile, en particulier du tétanos après une plaie.', seenBy: SOIN, modelFields: [m('cisis-dlu', 'Vaccinations (0..1)')] },
        { id: 'medecin_validation', label: 'Médecin qui a validé cette synthèse', type: 'text', example: 'Dr Durand', sensitivity: 'S0', author: 'medecin', purpose: 'Savoir qui garantit les informations médicales.', seenBy: URGENCE, modelFields: [m('cisis-dlu', 'En-tête : informateur = médecin traitant (PCP)'), m('has-dlu-dom', 'Synthèse médicale remplie par le médecin traitant')] },
        { id: 'date_validation', label: 'Date de validation par le médecin', type: 'date', example: '02/11/2026', sensitivity: 'S0', author: 'medecin', purpose: 'Savoir si la synthèse médicale est récente.', seenBy: URGENCE, modelFields: [m('cisis-dlu', 'En-tête : date de l’acte')] },
      ],
    },
    {
      id: 'etat',
      title: 'État psychique, sensoriel et risques',
      modelPart: 'CI-SIS DLU 2022.01, résultats d’événements (jeu de valeurs « état du patient »)',
      reviewAfterMonths: 12,
      fields: [
        { id: 'etat_psychique', label: 'État psychique habituel', type: 'multi', options: [{ value: 'peut-alerter', label: 'Peut alerter' }, { value: 'oriente', label: 'Orienté(e)' }, { value: 'desoriente', label: 'Désorienté(e)' }, { value: 'agite', label: 'Agité(e)' }, { value: 'opposition', label: 'Trouble oppositionnel' }, { value: 'risque-suicidaire', label: 'Risque suicidaire' }], sensitivity: 'S3', author: 'medecin', purpose: 'Comparer l’état au moment de l’urgence avec l’état habituel.', seenBy: SOIN, modelFields: [m('cisis-dlu', 'JDV_ObservationEtatPatient : peut alerter, orienté, désorienté, agité, trouble oppositionnel avec provocation, risque suicidaire')] },
        { id: 'handicaps', label: 'Déficiences sensorielles et de communication', type: 'multi', options: [{ value: 'visuel', label: 'Handicap visuel' }, { value: 'auditif', label: 'Handicap auditif' }, { value: 'langage', label: 'Handicap de langage' }], sensitivity: 'S2', author: 'medecin', purpose: 'Adapter la façon de communiquer avec la personne.', seenBy: SOIN, modelFields: [m('cisis-dlu', 'JDV_ObservationEtatPatient : handicap visuel, auditif, de langage')] },
        { id: 'risques', label: 'Risques connus', type: 'multi', options: [{ value: 'chute', label: 'Chute' }, { value: 'deambulation', label: 'Déambulation' }, { value: 'fugue', label: 'Fugue' }, { value: 'contention', label: 'Contention' }, { value: 'escarre', label: 'Risque d’escarre' }, { value: 'fausses-routes', label: 'Fausses routes (troubles de la déglutition)' }], sensitivity: 'S2', author: 'medecin', purpose: 'Prévenir une chute, une fugue ou une fausse route pendant la prise en charge.', seenBy: SOIN, modelFields: [m('cisis-dlu', 'JDV_ObservationEtatPatient : chute, déambulation, fugue, contention, risque d’escarre, risque de fausses routes')] },
        { id: 'comportement', label: 'Ce qui aide à comprendre son comportement (comment l’aborder, ce qui l’apaise)', type: 'textarea', sensitivity: 'S3', author: 'professionnel', purpose: 'Éviter une contention ou un sédatif quand une parole suffit.', seenBy: SOIN, modelFields: [m('has-dlu-dom', 'Éléments de compréhension du comportement')] },
        { id: 'gir', label: 'Niveau de dépendance (GIR, date, évaluateur)', type: 'text', example: 'GIR 3, 05/2026, équipe APA', sensitivity: 'S2', author: 'professionnel', purpose: 'Mesurer l’aide nécessaire au retour à domicile ; jamais calculé ici.', seenBy: SOIN, modelFields: [m('cisis-dlu', 'Documents ajoutés : grille AGGIR (la plus récente)')] },
      ],
    },
    {
      id: 'volontes',
      title: 'Directives anticipées et soins palliatifs',
      modelPart: 'CI-SIS DLU 2022.01, directives anticipées (1..1)',
      reviewAfterMonths: 12,
      fields: [
        { id: 'directives_anticipees', label: 'Directives anticipées rédigées', type: 'choice', options: yesNoUnknown, sensitivity: 'S3', author: 'personne', purpose: 'Respecter les volontés de la personne si elle ne peut pas s’exprimer.', seenBy: SOIN, modelFields: [m('cisis-dlu', 'Directives anticipées : existence')] },
        { id: 'directives_lieu', label: 'Où sont-elles conservées ? Une copie est-elle jointe ?', type: 'text', showIf: { field: 'directives_anticipees', equals: 'oui' }, required: true, example: 'copie dans la pochette, original chez le notaire', sensitivity: 'S3', author: 'personne', purpose: 'Les retrouver vite.', seenBy: SOIN, modelFields: [m('cisis-dlu', 'Documents ajoutés : photocopie des directives anticipées')] },
        { id: 'soins_palliatifs', label: 'En soins palliatifs (soins de confort à privilégier)', type: 'choice', options: yesNoUnknown, sensitivity: 'S3', author: 'medecin', purpose: 'Privilégier les soins de confort comme décidé avec le médecin traitant.', seenBy: SOIN, modelFields: [m('cisis-dlu', 'Directives anticipées : soins palliatifs')] },
      ],
    },
    {
      id: 'documents',
      title: 'Documents joints',
      description: 'Cochez les documents rangés avec la fiche (des photocopies).',
      modelPart: 'CI-SIS DLU 2022.01, documents ajoutés (jeu de valeurs « check-list DLU »)',
      reviewAfterMonths: 12,
      fields: [
        { id: 'documents_joints', label: 'Documents rangés avec la fiche', type: 'multi', options: [{ value: 'ordonnances', label: 'Ordonnances en cours' }, { value: 'tableau-medicaments', label: 'Tableau d’administration des médicaments' }, { value: 'directives', label: 'Copie des directives anticipées' }, { value: 'aggir', label: 'Grille AGGIR la plus récente' }, { value: 'pacemaker', label: 'Carnet du stimulateur cardiaque ou du défibrillateur' }, { value: 'compte-rendu', label: 'Compte rendu de la dernière hospitalisation' }, { value: 'biologie', label: 'Résultats de biologie récents' }, { value: 'bmr', label: 'Fiche BMR' }, { value: 'suivi-soins', label: 'Carnet de suivi des soins (glycémie, pansements…)' }, { value: 'groupe-sanguin', label: 'Carte de groupe sanguin' }, { value: 'carte-vitale', label: 'Attestation de carte Vitale' }, { value: 'mutuelle', label: 'Attestation de mutuelle' }, { value: 'identite', label: 'Copie de la pièce d’identité' }], sensitivity: 'S2', author: 'personne', purpose: 'Dire aux secours quoi emporter ; révèle par exemple un stimulateur cardiaque, donc donnée de santé.', seenBy: SOIN, modelFields: [m('cisis-dlu', 'JDV_ChecklistDLU (sans « liste des capacités en soins de l’EHPAD »)')] },
        { id: 'documents_lieu', label: 'Où sont-ils rangés ?', type: 'text', example: 'pochette sur le réfrigérateur', sensitivity: 'S1', author: 'personne', purpose: 'Les trouver vite au domicile.', seenBy: ['personne', 'proches', 'secours'], modelFields: [m('has-dlu-dom', 'Liste des documents à annexer')] },
      ],
    },
    {
      id: 'redaction',
      title: 'Qui a rempli la fiche et quand',
      modelPart: 'CI-SIS, en-tête (version du document) ; DLU-Dom (mise à jour au moins annuelle)',
      reviewAfterMonths: 12,
      fields: [
        { id: 'rempli_par', label: 'Rempli par (nom, qualité)', type: 'text', required: true, example: 'Jeanne Martin avec sa fille', sensitivity: 'S0', author: 'personne', purpose: 'Savoir qui joindre pour une précision.', seenBy: URGENCE, modelFields: [m('has-dlu-dom', 'Document rempli par la personne avec un proche ou un professionnel')] },
        { id: 'date_mise_a_jour', label: 'Date de la dernière mise à jour', hint: 'Imprimée en haut de la fiche. À refaire au moins une fois par an.', type: 'date', required: true, example: '02/11/2026', sensitivity: 'S0', author: 'personne', purpose: 'Savoir si les informations sont encore à jour.', seenBy: URGENCE, modelFields: [m('cisis-dlu', 'En-tête : version du document et date'), m('has-dlu-dom', 'Mise à jour au moins annuelle')] },
      ],
    },
    {
      id: 'fiche-aller',
      title: 'Fiche aller (au moment de l’urgence)',
      description: 'À remplir par la personne présente au moment de l’urgence.',
      modelPart: 'ANS CI-SIS DLU-FT-SU 2025.01 (fiche de transfert vers le service des urgences)',
      fields: [
        { id: 'aller_date', label: 'Date et heure', type: 'datetime', sensitivity: 'S0', author: 'professionnel', purpose: 'Dater l’événement.', seenBy: SOIN, modelFields: [m('cisis-ft-su', 'En-tête : date du document')] },
        { id: 'aller_par', label: 'Rempli par (nom, qualité)', type: 'text', sensitivity: 'S0', author: 'professionnel', purpose: 'Savoir qui rappeler.', seenBy: SOIN, modelFields: [m('cisis-ft-su', 'En-tête : auteur'), m('has-dlu-dom', 'Fiche aller remplie par la personne présente')] },
        { id: 'aller_informes', label: 'Personnes et structures prévenues', type: 'multi', options: [{ value: 'centre-15', label: 'Centre 15 (SAMU)' }, { value: 'urgences', label: 'Service des urgences' }, { value: 'medecin-traitant', label: 'Médecin traitant' }, { value: 'entourage', label: 'Entourage' }], sensitivity: 'S1', author: 'professionnel', purpose: 'Éviter d’appeler deux fois ou d’oublier quelqu’un.', seenBy: SOIN, modelFields: [m('cisis-ft-su', 'Personnes et structures informées : Centre 15, service des urgences, médecin traitant, entourage')] },
        { id: 'aller_motif', label: 'Ce qui s’est passé (motif du recours, début des signes)', type: 'textarea', sensitivity: 'S2', author: 'professionnel', purpose: 'Le vrai motif du recours, première question des urgentistes.', seenBy: SOIN, modelFields: [m('cisis-ft-su', 'Raison de la recommandation (motif du recours)')] },
        { id: 'aller_conscience', label: 'État de conscience', type: 'choice', options: [{ value: 'eveille', label: 'Conscient(e) et éveillé(e)' }, { value: 'eveillable', label: 'Éveillable' }, { value: 'non-eveillable', label: 'Non éveillable' }], sensitivity: 'S2', author: 'professionnel', purpose: 'Mesurer la gravité.', seenBy: SOIN, modelFields: [m('cisis-ft-su', 'Fonctions physiques : état de conscience (3 valeurs)')] },
        { id: 'aller_douleurs', label: 'Douleurs récentes', type: 'text', sensitivity: 'S2', author: 'professionnel', purpose: 'Orienter l’examen.', seenBy: SOIN, modelFields: [m('cisis-ft-su', 'Résultats d’examens : douleurs récentes (FLUDT 2022.01)')] },
        { id: 'aller_signes_vitaux', label: 'Signes vitaux connus (pouls, température, tension, poids)', type: 'text', example: 'pouls 92, 38,2 °C, TA 13/8, 61 kg', sensitivity: 'S2', author: 'professionnel', purpose: 'Les mesures prises avant le départ.', seenBy: SOIN, modelFields: [m('cisis-ft-su', 'Signes vitaux : pouls, température, poids, TA haute, TA basse')] },
        { id: 'aller_derniere_prise', label: 'Dernière prise du traitement habituel', type: 'datetime', sensitivity: 'S2', author: 'professionnel', purpose: 'Éviter un oubli ou une double prise.', seenBy: SOIN, modelFields: [m('cisis-ft-su', 'Fonctions physiques : date et heure de la dernière prise du traitement habituel')] },
        { id: 'aller_dernier_repas', label: 'Dernier repas', type: 'datetime', sensitivity: 'S2', author: 'professionnel', purpose: 'Nécessaire avant une anesthésie.', seenBy: SOIN, modelFields: [m('cisis-ft-su', 'Fonctions physiques : date et heure du dernier repas')] },
        { id: 'aller_protheses', label: 'Prothèses et objets personnels confiés', type: 'multi', options: [{ value: 'lunettes', label: 'Lunettes' }, { value: 'dentaires', label: 'Prothèses dentaires' }, { value: 'auditives', label: 'Prothèses auditives' }, { value: 'autre', label: 'Autre' }], sensitivity: 'S2', author: 'professionnel', purpose: 'Qu’ils ne se perdent pas et reviennent avec la personne.', seenBy: SOIN, modelFields: [m('cisis-ft-su', 'Prothèses et objets personnels (JDV_ProtheseObjetPersonnel)')] },
        { id: 'aller_vigilance', label: 'Points de vigilance', type: 'textarea', sensitivity: 'S2', author: 'professionnel', purpose: 'Ce que l’équipe des urgences doit savoir tout de suite.', seenBy: SOIN, modelFields: [m('cisis-ft-su', 'Points de vigilance (0..1)')] },
      ],
    },
    {
      id: 'fiche-retour',
      title: 'Fiche retour (par le service des urgences)',
      description: 'À remplir par le médecin des urgences quand la personne n’est pas hospitalisée ; gardée avec le dossier.',
      modelPart: 'ANS CI-SIS DLU-FR-SU 2025.01 (fiche de retour du service des urgences)',
      fields: [
        { id: 'retour_date', label: 'Date et heure du retour', type: 'datetime', sensitivity: 'S0', author: 'urgences', purpose: 'Dater le retour.', seenBy: SOIN, modelFields: [m('cisis-fr-su', 'En-tête : date du document')] },
        { id: 'retour_par', label: 'Médecin des urgences (nom, service)', type: 'text', sensitivity: 'S0', author: 'urgences', purpose: 'Savoir qui joindre pour une question.', seenBy: SOIN, modelFields: [m('cisis-fr-su', 'En-tête : auteur')] },
        { id: 'retour_orientation', label: 'Orientation', type: 'choice', options: [{ value: 'domicile', label: 'Retour au domicile' }, { value: 'transfert', label: 'Transfert vers une structure plus adaptée' }], sensitivity: 'S2', author: 'urgences', purpose: 'Savoir où va la personne.', seenBy: SOIN, modelFields: [m('cisis-fr-su', 'Résultats d’événements : retour au domicile ou transfert vers une structure plus adaptée')] },
        { id: 'retour_destination', label: 'Structure de destination', type: 'text', showIf: { field: 'retour_orientation', equals: 'transfert' }, required: true, sensitivity: 'S1', author: 'urgences', purpose: 'Savoir où joindre la personne.', seenBy: URGENCE, modelFields: [m('cisis-fr-su', 'Résultats d’événements : destination du transfert')] },
        { id: 'retour_diagnostic', label: 'Diagnostic de sortie', type: 'textarea', sensitivity: 'S2', author: 'urgences', purpose: 'Ce que le médecin traitant doit suivre.', seenBy: SOIN, modelFields: [m('cisis-fr-su', 'Diagnostic de sortie')] },
        { id: 'retour_plan_soins', label: 'Plan de soins : traitements modifiés, surveillance, rendez-vous', type: 'textarea', sensitivity: 'S2', author: 'urgences', purpose: 'Ce que les intervenants du domicile doivent faire.', seenBy: SOIN, modelFields: [m('cisis-fr-su', 'Plan de soins (texte libre)')], toVerify: 'Les traitements à la sortie forment une section à part dans la fiche retour EHPAD (FLUDR 2022.01) ; regroupés ici.' },
        { id: 'retour_objets', label: 'Prothèses et objets personnels rendus', type: 'multi', options: [{ value: 'lunettes', label: 'Lunettes' }, { value: 'dentaires', label: 'Prothèses dentaires' }, { value: 'auditives', label: 'Prothèses auditives' }, { value: 'autre', label: 'Autre' }], sensitivity: 'S2', author: 'urgences', purpose: 'Vérifier que rien n’est perdu.', seenBy: SOIN, modelFields: [m('cisis-fr-su', 'Prothèses et objets personnels')] },
        { id: 'retour_documents', label: 'Documents remis à la personne', type: 'text', sensitivity: 'S1', author: 'urgences', purpose: 'Les retrouver au domicile.', seenBy: SOIN, modelFields: [m('cisis-fr-su', 'Documents remis au patient')] },
        { id: 'retour_informes', label: 'Personnes et structures prévenues du retour', type: 'multi', options: [{ value: 'medecin-traitant', label: 'Médecin traitant' }, { value: 'entourage', label: 'Entourage' }, { value: 'intervenants', label: 'Intervenants du domicile' }], sensitivity: 'S1', author: 'urgences', purpose: 'Organiser l’arrivée à domicile.', seenBy: SOIN, modelFields: [m('cisis-fr-su', 'Personnes et structures informées')], toVerify: 'Les valeurs exactes du jeu de valeurs du retour n’ont pas été lues.' },
      ],
    },
  ],
};

/** A referral between professionals (orientation), on DORA's orientation model and the ANESM recommendation. */
export const orientation: Template = {
  id: 'orientation',
  version: '2026-2',
  title: 'Fiche d’orientation entre professionnels',
  description: 'Pour adresser une personne à une autre structure, avec son information ou son accord selon le cadre, sans qu’elle ait à tout raconter à nouveau.',
  sources: ['CSP L1110-4 et R1110-1 à R1110-3 (échange et partage d’informations)', 'Modèle d’orientation DORA (GIP de l’inclusion)', 'ANESM, pratiques de coopération et de coordination du parcours de la personne en situation de handicap'],
  models: [
    { id: 'dora', title: 'DORA — modèle « Orientation » (fiche d’orientation vers un service)', publisher: 'GIP de l’inclusion (gip-inclusion/dora)', version: 'commit 388804a7 du 22/08/2026', reference: 'gip-inclusion/dora : back/dora/orientations/models.py (lu via shared/research/directory_standards.md §2)', toVerify: 'Les valeurs des listes `situation` et `requirements` de DORA n’ont pas été lues : non reprises.' },
    { id: 'anesm', title: 'Recommandation « Pratiques de coopération et de coordination du parcours de la personne en situation de handicap » (synthèse, volets 1 et 2)', publisher: 'ANESM (aujourd’hui HAS)', version: 'synthèse des volets 1 et 2', reference: 'shared/seeds/002_c5d89a0549bdf5b0.txt (recueil de l’information l. 91–115, entourage l. 285–300, plan de transition l. 1062–1073)', toVerify: 'Année de publication non lue dans la synthèse.' },
  ],
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
        { id: 'mesure_protection', label: 'Mesure de protection juridique', hint: 'Elle dit qui peut répondre à la place de la personne au moment du partage (Code civil, art. 459).', type: 'choice', options: mesureOptions, sensitivity: 'S1', author: 'professionnel', purpose: 'Savoir qui accompagne ou représente la personne dans ses décisions.', seenBy: ['personne', 'emetteur', 'destinataire'], modelFields: [m('anesm', 'en accord avec la personne et/ou son représentant légal (l. 91)')] },
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
        { id: 'deja_fait', label: 'Ce qui a déjà été fait (démarches, demandes, évaluations)', type: 'textarea', maxLength: 3000, sensitivity: 'S1', author: 'professionnel', purpose: 'Ne pas refaire ce qui a été fait ; prendre en compte les évaluations existantes.', seenBy: ['personne', 'emetteur', 'destinataire'], modelFields: [m('anesm', 'prendre en compte l’évaluation … pour éviter les redondances, l. 86–88')] },
        { id: 'qui_aide', label: 'Qui l’aide déjà (proches, professionnels)', type: 'textarea', maxLength: 2000, sensitivity: 'S1', author: 'professionnel', purpose: 'Coordonner avec ceux qui sont déjà là.', seenBy: ['personne', 'emetteur', 'destinataire'], modelFields: [m('anesm', 'les acteurs en présence et les personnes ressources de son entourage, l. 103–104 ; l. 292–294')] },
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
        { id: 'personne_informee', label: 'La personne sait qu’elle est orientée vers cette structure', type: 'choice', required: true, options: [{ value: 'oui', label: 'Oui, elle le sait' }, { value: 'non', label: 'Non, pas encore' }], sensitivity: 'S1', author: 'professionnel', purpose: 'La structure sait si elle peut appeler la personne directement.', seenBy: ['personne', 'emetteur', 'destinataire'], modelFields: [m('anesm', 'en accord avec la personne, l. 91')] },
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

/** The shipped templates, by id. */
export const liaisonTemplates: Readonly<Record<string, Template>> = { 'dlu-domicile': dluDomicile, orientation };
