/**
 * Shipped pathway templates, written from shared/research/liaison_pathway.md §4 and the articles named in each
 * deadline (issue 22: APA R232-7 and L232-12, recours after an implicit rejection, EHPAD D311 and L311-4-1,
 * protection de l'enfance D226-2-4 II, L223-1-1 and L223-5, RSA D262-65-2). Each deadline says whose it is
 * (`owner`: the person's or the administration's) and what must be done (`task`). Deadlines marked `toVerify` come
 * from secondary sources or general knowledge — the research's open points (§6.3: R241-33 and R146-25, L232-14,
 * L223-5) and the articles read in no primary text during the research (R232-23, R146-29, R241-35, D311, L311-4-1,
 * D262-65-2) — and must be checked on Légifrance; professionals see the mark, the public sees the reference in words.
 */
import type { PathwayTemplate } from './model.js';

const RAPO = 'former un recours administratif préalable (RAPO) si vous contestez la décision';

const mdph: PathwayTemplate = {
  id: 'mdph',
  label: 'Demande à la MDPH',
  falc: 'Ma demande à la MDPH',
  description: 'Demande d’AAH, de RQTH, de carte mobilité inclusion, d’AEEH, d’orientation ou de PCH auprès de la maison départementale des personnes handicapées.',
  audience: 'usager',
  steps: [
    { id: 'depot', label: 'Dépôt de la demande', falc: 'J’envoie mon dossier', actor: { label: 'Vous ou votre représentant, aidé si besoin par le CCAS ou France Services', kind: 'france-services' }, documents: ['Formulaire de demande (cerfa 15692)', 'Certificat médical (cerfa 15695) de moins d’un an', 'Justificatif d’identité', 'Justificatif de domicile'], action: 'Déposez le dossier complet et gardez une preuve de la date de dépôt (accusé de réception ou envoi recommandé).', typicalDays: 0 },
    { id: 'recevabilite', label: 'Enregistrement et accusé de réception', actor: { label: 'MDPH (service d’instruction)', kind: 'mdph-mda' }, documents: ['Accusé de réception avec numéro de dossier'], action: 'La MDPH enregistre le dossier ou vous demande les pièces manquantes : un dossier incomplet n’est pas évalué. Gardez l’accusé de réception : il sert aussi en cas de recours.', typicalDays: 21 },
    { id: 'evaluation', label: 'Évaluation par l’équipe pluridisciplinaire', falc: 'Des professionnels étudient ma situation', actor: { label: 'Équipe pluridisciplinaire de la MDPH', kind: 'mdph-mda' }, action: 'L’équipe étudie le dossier, peut vous rencontrer ou venir chez vous, et demander des compléments. Vous pouvez demander à être reçu.', typicalDays: 60 },
    { id: 'ppc', label: 'Proposition : plan personnalisé de compensation', falc: 'Je reçois une proposition', actor: { label: 'Équipe pluridisciplinaire de la MDPH', kind: 'mdph-mda' }, documents: ['Plan personnalisé de compensation (PPC)'], action: 'Lisez le plan proposé et faites vos observations si vous n’êtes pas d’accord.', deadline: { amount: 15, unit: 'days', from: { step: 'ppc', event: 'started' }, owner: 'person', task: 'faire vos observations sur le plan proposé', legal: 'CASF R146-29', toVerify: true }, whenLate: 'Vos observations peuvent encore être entendues : écrivez sans attendre à la MDPH, ou demandez à être entendu par la commission.', typicalDays: 15 },
    { id: 'decision', label: 'Décision de la CDAPH', falc: 'La commission décide', actor: { label: 'Commission des droits et de l’autonomie (CDAPH)', kind: 'mdph-mda' }, action: 'La commission décide (accord, rejet ou sursis). Vous pouvez être entendu ou représenté.', deadline: { amount: 4, unit: 'months', from: { step: 'depot', event: 'started' }, owner: 'administration', by: 'La CDAPH', task: 'décider', silence: 'rejet', legal: 'CASF R241-33', toVerify: true }, whenLate: 'Ce rejet implicite peut être contesté : la date limite du recours est indiquée à l’étape « Recours » ; joignez l’accusé de réception de votre demande.', typicalDays: 30 },
    { id: 'notification', label: 'Notification de la décision', actor: { label: 'MDPH', kind: 'mdph-mda' }, documents: ['Notification de décision motivée, avec les voies de recours'], action: 'La décision vous est envoyée, ainsi qu’aux organismes concernés (CAF pour l’AAH, département pour la PCH, établissement ou service).', deadline: { amount: 1, unit: 'months', from: { step: 'decision', event: 'done' }, owner: 'administration', by: 'La MDPH', task: 'vous envoyer la décision', indicative: true, legal: 'Pratique départementale (Val-de-Marne : environ 1 mois)' }, typicalDays: 30 },
    { id: 'recours', label: 'Recours (si vous contestez)', optional: true, actor: { label: 'Vous, aidé si besoin par une association' }, documents: ['Courrier de recours', 'Décision contestée (ou accusé de réception en cas de rejet implicite)'], action: 'Recours administratif préalable obligatoire (RAPO) auprès de la MDPH, puis recours devant le tribunal.', deadline: { amount: 2, unit: 'months', from: { step: 'notification', event: 'done' }, orFrom: { step: 'decision', event: 'lapsed' }, owner: 'person', task: RAPO, legal: 'CASF R241-35', toVerify: true }, whenLate: 'Le délai de recours de 2 mois est passé : demandez conseil à la MDPH ou à une association ; une nouvelle demande reste possible.' },
    { id: 'mise-en-oeuvre', label: 'Mise en œuvre', actor: { label: 'CAF, département, établissement ou service médico-social', kind: 'conseil-departemental' }, action: 'Versement de l’allocation ou admission dans l’établissement ou le service d’orientation.', typicalDays: 30 },
  ],
  sources: ['CASF R241-33 (rejet implicite après 4 mois), R146-29, R241-35', 'CRPA L231-4 et L112-6 (délais de recours contre une décision implicite)', 'place-handicap.fr, mdph77.fr, handroit.com (étapes et pièces)'],
};

const pch: PathwayTemplate = {
  id: 'pch',
  label: 'Prestation de compensation du handicap (PCH)',
  falc: 'Ma demande de PCH',
  audience: 'usager',
  steps: [
    { id: 'demande', label: 'Demande à la MDPH', actor: { label: 'Vous ou votre représentant', kind: 'mdph-mda' }, documents: ['Formulaire de demande (cerfa 15692), case PCH', 'Certificat médical (cerfa 15695)', 'Pièces justificatives'], action: 'Cochez la PCH sur le formulaire MDPH. Signalez toute majoration tierce personne déjà perçue.', typicalDays: 0 },
    { id: 'urgence', label: 'PCH en urgence (si besoin)', optional: true, actor: { label: 'Président du conseil départemental', kind: 'conseil-departemental' }, documents: ['Demande libre : aides nécessaires, devis', 'Attestation d’un professionnel de santé ou du social'], action: 'En cas d’urgence, le département peut attribuer un montant provisoire.', deadline: { amount: 15, unit: 'working-days', from: { step: 'urgence', event: 'started' }, owner: 'administration', by: 'Le département', task: 'statuer sur la PCH en urgence', legal: 'CASF R245-36' }, whenLate: 'Le délai de 15 jours ouvrés est dépassé : relancez le département par écrit.' },
    { id: 'evaluation', label: 'Évaluation des besoins', actor: { label: 'Équipe pluridisciplinaire, ergothérapeute', kind: 'mdph-mda' }, documents: ['Devis (aides techniques, logement, véhicule)'], action: 'Visite possible à domicile pour les aides techniques et l’aménagement du logement.', typicalDays: 60 },
    { id: 'ppc', label: 'Plan personnalisé de compensation', actor: { label: 'Équipe pluridisciplinaire', kind: 'mdph-mda' }, action: 'Lisez le plan proposé et faites vos observations si vous n’êtes pas d’accord.', deadline: { amount: 15, unit: 'days', from: { step: 'ppc', event: 'started' }, owner: 'person', task: 'faire vos observations sur le plan proposé', legal: 'CASF R146-29', toVerify: true }, typicalDays: 15 },
    { id: 'decision', label: 'Décision de la CDAPH', actor: { label: 'CDAPH', kind: 'mdph-mda' }, action: 'Aide humaine, aides techniques, aménagements, charges spécifiques ou exceptionnelles, aide animalière.', deadline: { amount: 4, unit: 'months', from: { step: 'demande', event: 'started' }, owner: 'administration', by: 'La CDAPH', task: 'décider', silence: 'rejet', legal: 'CASF R241-33', toVerify: true }, whenLate: 'Ce rejet implicite peut être contesté : la date limite du recours est indiquée à l’étape « Recours ».', typicalDays: 30 },
    { id: 'recours', label: 'Recours (si vous contestez)', optional: true, actor: { label: 'Vous, aidé si besoin par une association' }, documents: ['Courrier de recours', 'Décision contestée (ou accusé de réception en cas de rejet implicite)'], action: 'Recours administratif préalable obligatoire (RAPO) auprès de la MDPH, puis recours devant le tribunal.', deadline: { amount: 2, unit: 'months', from: { step: 'decision', event: 'done' }, orFrom: { step: 'decision', event: 'lapsed' }, owner: 'person', task: RAPO, legal: 'CASF R241-35', toVerify: true }, whenLate: 'Le délai de recours de 2 mois est passé : demandez conseil à la MDPH ou à une association ; une nouvelle demande reste possible.' },
    { id: 'versement', label: 'Versement par le département', actor: { label: 'Département', kind: 'conseil-departemental' }, documents: ['Justificatifs de dépenses'], action: 'Le département verse la PCH, souvent sur justificatifs.', typicalDays: 30 },
    { id: 'controle', label: 'Contrôle et révision', optional: true, actor: { label: 'Département', kind: 'conseil-departemental' }, action: 'Le département peut contrôler l’utilisation de la prestation ; demandez une révision si votre situation change.' },
  ],
  sources: ['CASF R245-36 (PCH en urgence)', 'CASF R241-33, R146-29, R241-35', 'travail-emploi.gouv.fr, ash.tm.fr'],
};

const apa: PathwayTemplate = {
  id: 'apa-domicile',
  label: 'Allocation personnalisée d’autonomie (APA) à domicile',
  falc: 'Ma demande d’APA',
  audience: 'usager',
  steps: [
    { id: 'depot', label: 'Dépôt du dossier', actor: { label: 'Vous ou vos proches, aidés si besoin par le CCAS ou le CLIC', kind: 'ccas-cias' }, documents: ['Formulaire de demande d’APA (cerfa 16301)', 'Justificatif d’identité', 'Dernier avis d’imposition', 'Relevé d’identité bancaire'], action: 'Envoyez le dossier au département et gardez la date d’envoi.', typicalDays: 0 },
    { id: 'complet', label: 'Dossier complet (accusé de réception)', marksComplete: true, actor: { label: 'Département', kind: 'conseil-departemental' }, documents: ['Accusé de réception avec la date du dossier complet'], action: 'Le département accuse réception ou demande les pièces manquantes. Les délais suivants courent à partir du dossier complet.', deadline: { amount: 10, unit: 'days', from: { step: 'depot', event: 'started' }, owner: 'administration', by: 'Le département', task: 'accuser réception du dossier ou demander les pièces manquantes', legal: 'CASF R232-23', toVerify: true }, whenLate: 'Appelez le département pour savoir si le dossier est complet et à quelle date.', typicalDays: 10 },
    { id: 'urgence', label: 'APA d’urgence (si besoin)', optional: true, actor: { label: 'Président du conseil départemental', kind: 'conseil-departemental' }, documents: ['Attestation de l’urgence médicale ou sociale'], action: 'En cas d’urgence médicale ou sociale attestée, le département attribue une APA provisoire, d’un montant forfaitaire, à partir de la date de dépôt et jusqu’à la décision.', legal: 'CASF L232-12' },
    { id: 'visite', label: 'Visite de l’équipe médico-sociale', falc: 'Une équipe vient chez moi', actor: { label: 'Équipe médico-sociale du département', kind: 'conseil-departemental' }, documents: ['Grille AGGIR (évaluation du GIR)'], action: 'L’équipe vient chez vous évaluer votre autonomie (GIR) et vos besoins. Vos proches et votre médecin peuvent être présents.', typicalDays: 15 },
    { id: 'plan', label: 'Proposition de plan d’aide', actor: { label: 'Équipe médico-sociale', kind: 'conseil-departemental' }, documents: ['Plan d’aide proposé (heures, montant, participation)'], action: 'L’équipe vous envoie le plan d’aide proposé : nature des aides, heures, montant et participation.', deadline: { amount: 30, unit: 'days', from: { step: 'depot', event: 'complete' }, owner: 'administration', by: 'L’équipe médico-sociale', task: 'vous proposer un plan d’aide', legal: 'CASF R232-7' }, whenLate: 'Appelez le département pour savoir quand le plan d’aide vous sera envoyé.', typicalDays: 10 },
    { id: 'reponse-plan', label: 'Votre réponse au plan d’aide', falc: 'Je réponds au plan d’aide', actor: { label: 'Vous ou vos proches' }, action: 'Acceptez le plan ou demandez des modifications ; si vous faites des observations, une proposition définitive vous est envoyée dans les 8 jours.', deadline: { amount: 10, unit: 'days', from: { step: 'plan', event: 'done' }, owner: 'person', task: 'répondre au plan d’aide (l’accepter ou faire vos observations)', silence: 'rejet', consequence: 'la demande est réputée refusée', legal: 'CASF R232-7' }, whenLate: 'Appelez tout de suite le département : une nouvelle demande peut être nécessaire.', typicalDays: 10 },
    { id: 'decision', label: 'Décision et notification', actor: { label: 'Président du conseil départemental', kind: 'conseil-departemental' }, documents: ['Notification (montant, participation, date de révision)'], deadline: { amount: 2, unit: 'months', from: { step: 'depot', event: 'complete' }, owner: 'administration', by: 'Le président du conseil départemental', task: 'notifier sa décision', silence: 'accord', consequence: 'l’APA est réputée accordée pour un montant forfaitaire', legal: 'CASF L232-14', toVerify: true }, whenLate: 'Signalez-le par écrit au département et demandez le versement du montant forfaitaire.', typicalDays: 20 },
    { id: 'mise-en-place', label: 'Mise en place des aides', actor: { label: 'Services d’aide à domicile, département', kind: 'saad' }, action: 'Choisissez un service d’aide à domicile ou un emploi direct ; l’APA est due à partir de la notification.', typicalDays: 15 },
    { id: 'revision', label: 'Suivi et révision', optional: true, actor: { label: 'Équipe médico-sociale', kind: 'conseil-departemental' }, action: 'Demandez une révision si votre situation change.' },
  ],
  sources: ['CASF L232-12 (APA d’urgence), L232-14, R232-7 (plan d’aide et réponse en 10 jours), R232-23 et annexe 2-3', 'service-public.fr, indre.fr, ash.tm.fr'],
};

const ehpad: PathwayTemplate = {
  id: 'ehpad-admission',
  label: 'Admission en EHPAD',
  falc: 'Entrer en maison de retraite',
  audience: 'usager',
  facts: [{ id: 'habilitation-aide-sociale', label: 'La place est habilitée à l’aide sociale' }],
  steps: [
    { id: 'dossier', label: 'Création du dossier unique', actor: { label: 'Vous, vos proches, un travailleur social, le CLIC ou le CCAS', kind: 'clic' }, documents: ['Dossier de demande d’admission (cerfa 14732, ou ViaTrajectoire)', 'Dernier avis d’imposition', 'Justificatifs de pensions'], action: 'Créez le dossier sur ViaTrajectoire ou sur papier (cerfa 14732).', typicalDays: 7 },
    { id: 'volet-medical', label: 'Volet médical', actor: { label: 'Médecin traitant' }, documents: ['Volet médical (confidentiel, pour le médecin coordonnateur)'], action: 'Votre médecin remplit le volet médical.', typicalDays: 14 },
    { id: 'choix', label: 'Choix des établissements et envoi', actor: { label: 'Vous ou votre référent', kind: 'ehpad' }, action: 'Envoyez le dossier complet à plusieurs établissements (hébergement permanent, temporaire ou accueil de jour).', typicalDays: 7 },
    { id: 'etude', label: 'Étude par les établissements', actor: { label: 'Directeur, médecin coordonnateur', kind: 'ehpad' }, action: 'Chaque établissement étudie la demande : pas de délai légal. Suivez les réponses (lu, accepté, refusé, liste d’attente).', typicalDays: 30 },
    { id: 'liste-attente', label: 'Inscription sur liste d’attente', actor: { label: 'EHPAD', kind: 'ehpad' }, action: 'Une réponse favorable vaut inscription sur liste d’attente, pas admission.', typicalDays: 60 },
    { id: 'preadmission', label: 'Visite de préadmission', actor: { label: 'Cadre de santé, vous et votre référent', kind: 'ehpad' }, action: 'Visite de l’établissement ; votre consentement est recherché.', typicalDays: 14 },
    { id: 'admission', label: 'Admission prononcée', actor: { label: 'Directeur de l’EHPAD', kind: 'ehpad' }, action: 'Les autres demandes faites sur ViaTrajectoire sont annulées automatiquement (pas les demandes papier).', typicalDays: 7 },
    { id: 'entree', label: 'Entrée dans l’établissement', actor: { label: 'EHPAD, département', kind: 'ehpad' }, documents: ['Demande d’APA en établissement ou d’aide sociale à l’hébergement'], action: 'Le jour de l’entrée compte pour les délais du contrat de séjour. Demandez si besoin l’APA en établissement ou l’aide sociale à l’hébergement.', typicalDays: 0 },
    { id: 'contrat', label: 'Remise du contrat de séjour', actor: { label: 'Direction de l’EHPAD', kind: 'ehpad' }, documents: ['Contrat de séjour'], action: 'L’établissement vous remet le contrat de séjour.', deadline: { amount: 15, unit: 'days', from: { step: 'entree', event: 'started' }, appliesIf: 'habilitation-aide-sociale', owner: 'administration', by: 'L’établissement', task: 'vous remettre le contrat de séjour', legal: 'CASF D311', toVerify: true }, whenLate: 'Demandez le contrat de séjour à la direction, par écrit.', typicalDays: 7 },
    { id: 'signature', label: 'Signature du contrat de séjour', actor: { label: 'Vous ou votre représentant, et la direction', kind: 'ehpad' }, action: 'Lisez le contrat avant de le signer ; vous pouvez vous faire aider.', deadline: { amount: 1, unit: 'months', from: { step: 'entree', event: 'started' }, appliesIf: 'habilitation-aide-sociale', owner: 'administration', by: 'L’établissement', task: 'faire signer le contrat de séjour', legal: 'CASF D311', toVerify: true }, whenLate: 'Le contrat n’est pas signé un mois après l’entrée : parlez-en à la direction.', typicalDays: 14 },
    { id: 'retractation', label: 'Rétractation (si vous changez d’avis)', optional: true, actor: { label: 'Vous ou votre représentant' }, documents: ['Courrier de rétractation'], action: 'Vous pouvez vous rétracter par écrit, sans préavis ; seul le séjour effectif est dû.', deadline: { amount: 15, unit: 'days', from: { step: 'signature', event: 'done' }, orFrom: { step: 'entree', event: 'started' }, combine: 'latest', owner: 'person', task: 'vous rétracter par écrit', legal: 'CASF L311-4-1', toVerify: true }, whenLate: 'Le délai de rétractation est passé : le contrat peut encore être résilié selon ses conditions (préavis).' },
  ],
  sources: ['CASF L311-4 et D311 (contrat de séjour : remis dans les 15 jours, signé dans le mois, pour les places habilitées à l’aide sociale)', 'CASF L311-4-1 (rétractation dans les 15 jours de la signature ou de l’admission si elle est postérieure)', 'cerfa 14732*03 et sa notice', 'viatrajectoire, haute-vienne.fr, gh-tarn-nord.fr'],
};

const sortie: PathwayTemplate = {
  id: 'sortie-hospitalisation',
  label: 'Sortie d’hospitalisation et retour à domicile',
  falc: 'Rentrer chez moi après l’hôpital',
  audience: 'usager',
  steps: [
    { id: 'anticipation', label: 'Préparation de la sortie', actor: { label: 'Équipe hospitalière, assistante sociale' }, documents: ['Document de liaison du domicile (DLU-Dom), s’il existe'], action: 'L’équipe évalue vos besoins : autonomie, aidant, logement.', typicalDays: 3 },
    { id: 'prado', label: 'Programme de retour à domicile (PRADO)', optional: true, actor: { label: 'Conseiller de l’Assurance Maladie' }, action: 'Si l’équipe médicale le propose, un conseiller organise avec vous les premiers rendez-vous (médecin, infirmier, kiné).', typicalDays: 1 },
    { id: 'retour', label: 'Sortie et retour à domicile', actor: { label: 'Services à domicile (SSIAD, SAD, infirmier), aidant', kind: 'ssiad' }, action: 'Premiers soins et installation ; gardez le classeur de liaison à domicile.', typicalDays: 0 },
    { id: 'lettre-liaison', label: 'Lettre de liaison de sortie', actor: { label: 'Médecin hospitalier' }, documents: ['Lettre de liaison', 'Ordonnances'], action: 'La lettre de liaison vous est remise et envoyée le jour même à votre médecin traitant.', deadline: { amount: 0, unit: 'days', from: { step: 'retour', event: 'started' }, owner: 'administration', by: 'L’hôpital', task: 'vous remettre la lettre de liaison et l’envoyer à votre médecin traitant', legal: 'CSP R1112-1-2' }, whenLate: 'Demandez la lettre de liaison au service hospitalier et à votre médecin traitant.', typicalDays: 0 },
    { id: 'appel-suivi', label: 'Appel de suivi par l’hôpital', actor: { label: 'Référent de l’hôpital' }, action: 'L’hôpital prend de vos nouvelles dans les 3 jours (recommandation).', deadline: { amount: 3, unit: 'days', from: { step: 'retour', event: 'started' }, owner: 'administration', by: 'L’hôpital', task: 'prendre de vos nouvelles', indicative: true, legal: 'HAS, recommandation' }, whenLate: 'Sans appel de l’hôpital, appelez votre médecin traitant si quelque chose vous inquiète.', typicalDays: 3 },
    { id: 'suivi', label: 'Consultations de suivi et aides', actor: { label: 'Médecin traitant, DAC, département', kind: 'dac' }, action: 'Consultez votre médecin ; demandez si besoin l’APA ou la PCH ; le DAC peut coordonner une situation complexe.', typicalDays: 7 },
  ],
  sources: ['CSP R1112-1-2 (lettre de liaison)', 'ameli.fr (PRADO)', 'HAS (maintien à domicile)'],
};

const enfance: PathwayTemplate = {
  id: 'protection-enfance',
  label: 'Protection de l’enfance : de l’information préoccupante à la mesure',
  audience: 'professionnel',
  description: 'Pour les professionnels. Le partage d’informations suit l’article L226-2-2 du CASF : ces étapes ne sont pas destinées à un portail familles.',
  facts: [{ id: 'moins-de-2-ans', label: 'L’enfant a moins de 2 ans' }, { id: 'moins-de-3-ans', label: 'L’enfant a moins de 3 ans' }],
  steps: [
    { id: 'transmission', label: 'Transmission de l’information préoccupante', actor: { label: 'Professionnel ou toute personne (119) ; signalement au procureur si danger grave et immédiat', kind: 'conseil-departemental' }, documents: ['Écrit d’information préoccupante ou signalement'], action: 'Transmettez sans délai à la CRIP ; les parents sont informés sauf si c’est contraire à l’intérêt de l’enfant.', legal: 'CASF L226-2-1', typicalDays: 0 },
    { id: 'qualification', label: 'Recueil et qualification par la CRIP', actor: { label: 'Cellule de recueil des informations préoccupantes (CRIP)', kind: 'conseil-departemental' }, action: 'La CRIP qualifie l’information : évaluation, réorientation ou classement.', deadline: { amount: 1, unit: 'working-days', from: { step: 'transmission', event: 'done' }, owner: 'administration', by: 'La CRIP', task: 'qualifier l’information', indicative: true, legal: 'Pratique départementale (Essonne : 24 h ouvrables)' }, typicalDays: 1 },
    { id: 'information-parents', label: 'Information des parents', actor: { label: 'Président du conseil départemental', kind: 'conseil-departemental' }, action: 'Sauf intérêt contraire de l’enfant.', legal: 'Décret 2016-1476', typicalDays: 7 },
    { id: 'evaluation', label: 'Évaluation pluridisciplinaire', actor: { label: 'ASE, PMI, service social départemental', kind: 'conseil-departemental' }, documents: ['Rapport d’évaluation'], action: 'Évaluation de l’enfant et des autres mineurs du foyer selon le référentiel national (HAS 2021).', deadline: { amount: 3, unit: 'months', from: { step: 'transmission', event: 'done' }, owner: 'administration', by: 'L’équipe d’évaluation', task: 'rendre l’évaluation', note: 'délai maximal, à réduire selon la nature du danger et l’âge de l’enfant', variants: [{ if: 'moins-de-2-ans', note: 'l’enfant a moins de 2 ans : le délai doit être réduit' }], legal: 'CASF D226-2-4 II' }, whenLate: 'L’évaluation dépasse 3 mois : alertez l’encadrement de la CRIP.', typicalDays: 60 },
    { id: 'decision', label: 'Décision', actor: { label: 'Président du conseil départemental (CRIP)', kind: 'conseil-departemental' }, action: 'Classement, prestation administrative avec accord des parents, ou saisine de l’autorité judiciaire.', deadline: { amount: 5, unit: 'days', from: { step: 'evaluation', event: 'done' }, owner: 'administration', by: 'La CRIP', task: 'décider des suites', indicative: true, legal: 'Pratique départementale (Essonne)' }, typicalDays: 5 },
    { id: 'prestation', label: 'Prestation administrative (AED, TISF, accueil provisoire)', optional: true, alternativeTo: 'saisine-judiciaire', actor: { label: 'Aide sociale à l’enfance', kind: 'conseil-departemental' }, documents: ['Accord des parents'], typicalDays: 14 },
    { id: 'saisine-judiciaire', label: 'Saisine de l’autorité judiciaire', optional: true, actor: { label: 'Président du conseil départemental ; procureur de la République' }, documents: ['Signalement'], legal: 'CASF L226-4', typicalDays: 14 },
    { id: 'mesure-judiciaire', label: 'Mesure judiciaire (assistance éducative, placement)', optional: true, actor: { label: 'Juge des enfants ; service gardien' }, documents: ['Décision du juge des enfants'], legal: 'Code civil 375 et suivants', typicalDays: 30 },
    { id: 'ppe', label: 'Projet pour l’enfant (PPE)', actor: { label: 'Président du conseil départemental, avec les parents et l’enfant', kind: 'conseil-departemental' }, documents: ['Projet pour l’enfant'], deadline: { amount: 3, unit: 'months', from: { step: 'prestation', event: 'started' }, orFrom: { step: 'mesure-judiciaire', event: 'started' }, owner: 'administration', by: 'Le département', task: 'établir le projet pour l’enfant', legal: 'CASF L223-1-1 ; décret 2016-1283' }, whenLate: 'Le PPE n’est pas établi 3 mois après le début de la prestation ou de la mesure : il est dû.', typicalDays: 60 },
    { id: 'suivi', label: 'Suivi et rapport de situation', actor: { label: 'ASE, juge des enfants', kind: 'conseil-departemental' }, action: 'Rapport de situation au moins une fois par an, tous les 6 mois pour un enfant de moins de 3 ans.', deadline: { amount: 12, unit: 'months', from: { step: 'ppe', event: 'done' }, owner: 'administration', by: 'Le service', task: 'établir le rapport de situation', variants: [{ if: 'moins-de-3-ans', amount: 6, note: 'l’enfant a moins de 3 ans : rapport tous les 6 mois' }], legal: 'CASF L223-5', toVerify: true } },
  ],
  sources: ['CASF L226-2-1, L226-2-2, L226-4, D226-2-4 II (évaluation)', 'CASF L223-1-1 (PPE, y compris après une mesure judiciaire), L223-5 (rapport annuel, semestriel avant 3 ans depuis la loi 2022-140)', 'Décrets 2016-1476 et 2016-1283', 'HAS, cadre national d’évaluation 2021'],
};

const rsa: PathwayTemplate = {
  id: 'rsa',
  label: 'Revenu de solidarité active (RSA)',
  falc: 'Ma demande de RSA',
  audience: 'usager',
  steps: [
    { id: 'demande', label: 'Demande', actor: { label: 'Vous ; CAF, MSA, CCAS ou département pour vous aider', kind: 'ccas-cias' }, documents: ['Formulaire de demande', 'Justificatifs de ressources'], action: 'Faites la demande en ligne ou auprès de la CAF ou de la MSA.', typicalDays: 0 },
    { id: 'ouverture', label: 'Ouverture du droit et inscription à France Travail', actor: { label: 'CAF ou MSA pour le département ; France Travail' }, documents: ['Notification'], action: 'Vous et votre conjoint êtes inscrits automatiquement à France Travail.', typicalDays: 30 },
    { id: 'orientation', label: 'Diagnostic et décision d’orientation', actor: { label: 'Département et France Travail', kind: 'conseil-departemental' }, documents: ['Décision d’orientation'], action: 'Vous êtes orienté vers un organisme référent (France Travail, département ou CCAS, mission locale, Cap emploi).', deadline: { amount: 42, unit: 'days', from: { step: 'ouverture', event: 'done' }, owner: 'administration', by: 'Le département', task: 'décider de votre orientation', consequence: 'France Travail vous oriente', legal: 'CASF D262-65-2', toVerify: true }, whenLate: 'Sans décision du département 6 semaines après l’ouverture du droit, c’est France Travail qui vous oriente : contactez France Travail.', typicalDays: 30 },
    { id: 'contrat', label: 'Contrat d’engagement', actor: { label: 'Vous et votre référent' }, documents: ['Contrat d’engagement (plan d’action)'], action: 'Le contrat fixe votre plan d’action (en principe 15 heures d’activité par semaine, adaptables).', deadline: { amount: 1, unit: 'months', from: { step: 'orientation', event: 'done' }, owner: 'administration', by: 'Votre organisme référent', task: 'établir avec vous le contrat d’engagement', legal: 'Code du travail D5411-14-1' }, whenLate: 'Le contrat d’engagement n’est pas signé un mois après l’orientation : contactez votre référent.', typicalDays: 30 },
    { id: 'accompagnement', label: 'Accompagnement et réexamens', actor: { label: 'Votre référent' }, action: 'Rendez-vous réguliers ; en cas de manquement, une suspension-remobilisation est possible.' },
  ],
  sources: ['Loi 2023-1196 pour le plein emploi (en vigueur au 1er janvier 2025)', 'CASF D262-65-2 (orientation dans les 6 semaines, sinon France Travail)', 'Code du travail D5411-14-1', 'centre-inffo.fr, actu-juridique.fr'],
};

/** The shipped templates, by id. */
export const pathwayTemplates: Readonly<Record<string, PathwayTemplate>> = {
  mdph,
  pch,
  'apa-domicile': apa,
  'ehpad-admission': ehpad,
  'sortie-hospitalisation': sortie,
  'protection-enfance': enfance,
  rsa,
};
