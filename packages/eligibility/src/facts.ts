/**
 * The facts the engine reads, with their questions in plain French (and easy-read French, and
 * English). Ids are stable and dotted, named after OpenFisca variables where they exist.
 * A missing answer means "unknown", never "no".
 */
export interface FactOption {
  value: string | number | boolean;
  label: string;
  falc?: string;
  labelEn: string;
  /** The answer as a French sentence about the person (criterion texts): « La personne vit à domicile. » */
  says?: string;
  /**
   * The answer leaves the question to an authority that has not decided yet (« pas encore de demande à la MDPH »):
   * every criterion on this fact is « à vérifier », with this clause saying who decides.
   */
  pending?: string;
}

export interface Fact {
  id: string;
  /** The question, about the person the simulation is for. */
  question: string;
  falc: string;
  questionEn: string;
  hint?: string;
  hintEn?: string;
  type: 'number' | 'boolean' | 'choice' | 'commune';
  options?: FactOption[];
  min?: number;
  max?: number;
  unit?: string;
  /** Only asked when this other fact has one of these values (the question would make no sense otherwise). */
  askIf?: { fact: string; notIn: ReadonlyArray<string | number | boolean> };
}

const RESOURCES_HINT = 'Par mois : retraites, pensions, salaires, revenus d’indépendant, revenus de placements. Sans l’AAH, l’ASPA, les aides au logement ni les prestations familiales. Un ordre de grandeur suffit. Rien n’est envoyé.';
const RESOURCES_HINT_EN = 'Per month: pensions, wages, self-employment, investment income; not AAH, ASPA, housing or family benefits. Approximate. Nothing is sent.';

const yesNo = (yes: string, no: string): FactOption[] => [
  { value: true, label: 'Oui', labelEn: 'Yes', says: yes },
  { value: false, label: 'Non', labelEn: 'No', says: no },
];

export const FACTS: readonly Fact[] = [
  { id: 'demandeur.age', question: 'Quel âge a la personne ?', falc: 'Quel âge a la personne ?', questionEn: 'How old is the person?', type: 'number', min: 0, max: 120, unit: 'ans' },
  { id: 'demandeur.depcom', question: 'Dans quelle commune habite la personne ?', falc: 'Dans quelle ville habite la personne ?', questionEn: 'Which town does the person live in?', hint: 'Nom ou code postal. Sert à trouver les aides locales et où faire la demande.', hintEn: 'Name or postcode. Used for local aides and where to apply.', type: 'commune' },
  { id: 'demandeur.lieu_de_vie', question: 'Où vit la personne ?', falc: 'Où habite la personne ?', questionEn: 'Where does the person live?', type: 'choice', options: [
    { value: 'domicile', label: 'À son domicile (ou chez un proche)', falc: 'Chez elle ou chez un proche', labelEn: 'At home (or with a relative)', says: 'La personne vit à domicile' },
    { value: 'residence-autonomie', label: 'En résidence autonomie (ancien foyer-logement)', falc: 'Dans une résidence pour personnes âgées autonomes', labelEn: 'In a residence for independent older people (résidence autonomie)', says: 'La personne vit en résidence autonomie' },
    { value: 'accueil-familial', label: 'En accueil familial (chez un accueillant agréé)', falc: 'Chez une famille d’accueil', labelEn: 'With an approved host family (accueil familial)', says: 'La personne vit en accueil familial' },
    { value: 'etablissement', label: 'En établissement (EHPAD, USLD, foyer pour personnes handicapées)', falc: 'Dans un établissement (maison de retraite, foyer)', labelEn: 'In a care home', says: 'La personne vit en établissement : EHPAD, USLD ou foyer' },
  ] },
  { id: 'demandeur.gir', question: 'Quel est le niveau d’autonomie de la personne (GIR) ?', falc: 'La personne a-t-elle besoin d’aide pour les gestes de la vie de tous les jours ?', questionEn: 'What is the person’s level of independence (GIR)?', hint: 'Si le GIR a déjà été évalué, choisissez-le. Sinon répondez aux questions suivantes ou passez.', hintEn: 'If the GIR has already been assessed, choose it; otherwise skip.', type: 'choice', options: [
    { value: 1, label: 'GIR 1 — dépendance totale', labelEn: 'GIR 1 — fully dependent', says: 'La personne est en GIR 1' },
    { value: 2, label: 'GIR 2 — aide pour la plupart des gestes', labelEn: 'GIR 2', says: 'La personne est en GIR 2' },
    { value: 3, label: 'GIR 3 — aide plusieurs fois par jour pour le corps', labelEn: 'GIR 3', says: 'La personne est en GIR 3' },
    { value: 4, label: 'GIR 4 — aide pour se lever, la toilette, l’habillage', labelEn: 'GIR 4', says: 'La personne est en GIR 4' },
    { value: 5, label: 'GIR 5 — aide ponctuelle (ménage, repas, courses)', labelEn: 'GIR 5', says: 'La personne est en GIR 5' },
    { value: 6, label: 'GIR 6 — autonome', labelEn: 'GIR 6 — independent', says: 'La personne est en GIR 6' },
  ] },
  { id: 'demandeur.taux_incapacite', question: 'La MDPH a-t-elle reconnu un taux d’incapacité ?', falc: 'La MDPH a-t-elle donné un pourcentage de handicap ?', questionEn: 'Has the MDPH set a disability rate?', hint: 'Indiquez la tranche, pas un chiffre exact.', hintEn: 'Choose a range.', type: 'choice', options: [
    { value: 'pas-demande', label: 'Pas encore de demande à la MDPH', labelEn: 'No application to the MDPH yet', says: 'Aucune demande n’a encore été faite à la MDPH', pending: 'c’est la MDPH qui évalue le taux d’incapacité' },
    { value: 'aucun', label: 'La MDPH n’a pas reconnu de handicap', labelEn: 'The MDPH recognised no disability', says: 'La MDPH n’a pas reconnu de taux d’incapacité' },
    { value: 'moins-50', label: 'Moins de 50 %', labelEn: 'Under 50%', says: 'La MDPH a reconnu un taux d’incapacité de moins de 50 %' },
    { value: '50-79', label: 'Entre 50 et 79 %', labelEn: '50 to 79%', says: 'La MDPH a reconnu un taux d’incapacité de 50 à 79 %' },
    { value: '80-plus', label: '80 % ou plus', labelEn: '80% or more', says: 'La MDPH a reconnu un taux d’incapacité de 80 % ou plus' },
    { value: 'inconnu', label: 'Je ne sais pas / demande en cours', labelEn: 'I don’t know / pending' },
  ] },
  { id: 'demandeur.rsdae', question: 'La MDPH a-t-elle reconnu une restriction substantielle et durable d’accès à l’emploi (RSDAE) ?', falc: 'La MDPH a-t-elle dit que le handicap empêche beaucoup de travailler ?', questionEn: 'Has the MDPH recognised a substantial and lasting restriction of access to work (RSDAE)?', type: 'boolean', options: yesNo('La MDPH a reconnu une RSDAE, restriction substantielle et durable d’accès à l’emploi', 'La MDPH n’a pas reconnu de RSDAE, restriction substantielle et durable d’accès à l’emploi'), askIf: { fact: 'demandeur.taux_incapacite', notIn: ['aucun', 'pas-demande', 'moins-50', '80-plus'] } },
  { id: 'demandeur.difficultes_activites', question: 'Pour les gestes essentiels (se déplacer, se laver, s’habiller, communiquer…), la personne a-t-elle des difficultés ?', falc: 'La personne a-t-elle du mal à faire seule les gestes de tous les jours ?', questionEn: 'Does the person have difficulties with essential activities (moving, washing, dressing, communicating)?', type: 'choice', options: [
    { value: 'aucune', label: 'Pas de difficulté grave', labelEn: 'No serious difficulty', says: 'La personne n’a pas de difficulté grave pour les gestes essentiels' },
    { value: 'une-grave', label: 'Une activité faite difficilement', labelEn: 'One activity done with serious difficulty', says: 'La personne a une difficulté grave pour un seul geste essentiel' },
    { value: 'deux-graves', label: 'Au moins deux activités faites difficilement', labelEn: 'At least two activities done with serious difficulty', says: 'La personne a une difficulté grave pour au moins deux gestes essentiels' },
    { value: 'une-absolue', label: 'Au moins une activité impossible à faire seule', labelEn: 'At least one activity impossible alone', says: 'La personne ne peut pas faire seule au moins un geste essentiel' },
  ] },
  { id: 'demandeur.criteres_pch_avant_60_ans', question: 'Avant ses 60 ans, les difficultés de la personne atteignaient-elles déjà ce niveau (un geste impossible seule, ou deux gestes très difficiles) ?', falc: 'Avant 60 ans, la personne avait-elle déjà autant de mal ?', questionEn: 'Before the person turned 60, did the difficulties already reach this level (one activity impossible alone, or two very difficult)?', hint: 'Ce qui compte est la date où les difficultés sont devenues aussi importantes, pas la date du diagnostic.', hintEn: 'What counts is when the difficulties became this severe, not the diagnosis.', type: 'boolean', options: yesNo('Avant 60 ans, les difficultés atteignaient déjà le niveau exigé', 'Avant 60 ans, les difficultés n’atteignaient pas encore le niveau exigé'), askIf: { fact: 'demandeur.difficultes_activites', notIn: ['aucune', 'une-grave'] } },
  { id: 'demandeur.en_activite', question: 'La personne travaille-t-elle encore ?', falc: 'La personne a-t-elle encore un travail ?', questionEn: 'Does the person still work?', type: 'boolean', options: yesNo('La personne travaille encore', 'La personne ne travaille plus') },
  { id: 'demandeur.inapte_travail', question: 'La personne a-t-elle été reconnue inapte au travail (par sa caisse de retraite ou un médecin-conseil) ?', falc: 'Un médecin a-t-il dit que la personne ne peut plus travailler ?', questionEn: 'Has the person been recognised as unfit for work?', type: 'boolean', options: yesNo('La personne est reconnue inapte au travail', 'La personne n’est pas reconnue inapte au travail') },
  { id: 'demandeur.residence_stable_france', question: 'La personne vit-elle en France de façon stable et régulière ?', falc: 'La personne habite-t-elle en France toute l’année ?', questionEn: 'Does the person live in France on a stable and regular basis?', type: 'boolean', options: yesNo('La personne vit en France de façon stable et régulière', 'La personne ne vit pas en France de façon stable et régulière') },
  { id: 'demandeur.en_couple', question: 'La personne vit-elle en couple ?', falc: 'La personne vit-elle avec un conjoint ?', questionEn: 'Does the person live as a couple?', type: 'boolean', options: yesNo('La personne vit en couple', 'La personne vit seule') },
  { id: 'demandeur.enfants_a_charge', question: 'Combien d’enfants la personne a-t-elle à sa charge ?', falc: 'Combien d’enfants la personne élève-t-elle ?', questionEn: 'How many dependent children does the person have?', type: 'number', min: 0, max: 15, unit: 'enfants' },
  { id: 'demandeur.a_charge_prestations_familiales', question: 'La personne est-elle encore à la charge de ses parents pour les allocations familiales ?', falc: 'Les parents touchent-ils encore des allocations pour cette personne ?', questionEn: 'Is the person still a dependant of their parents for family benefits?', type: 'boolean', options: yesNo('La personne est encore à la charge de ses parents pour les allocations familiales', 'La personne n’est plus à la charge de ses parents pour les allocations familiales') },
  { id: 'demandeur.aeeh_complement', question: 'L’enfant a-t-il droit à l’AEEH avec un complément ?', falc: 'La famille touche-t-elle l’AEEH avec un complément pour l’enfant ?', questionEn: 'Is the child entitled to the AEEH with a complement?', type: 'choice', options: [
    { value: true, label: 'Oui', labelEn: 'Yes', says: 'L’enfant a droit à l’AEEH avec un complément' },
    { value: false, label: 'Non, la MDPH l’a refusé', labelEn: 'No, the MDPH refused it', says: 'La MDPH a refusé un complément d’AEEH pour l’enfant' },
    { value: 'pas-demande', label: 'Pas encore demandé', labelEn: 'Not applied for yet', says: 'Aucun complément d’AEEH n’a encore été demandé', pending: 'il suffit que l’enfant puisse y ouvrir droit, ce que la MDPH évalue' },
  ] },
  { id: 'demandeur.sante_gene_travail', question: 'Un handicap ou un problème de santé durable rend-il plus difficile de trouver ou de garder un emploi ?', falc: 'La santé de la personne l’empêche-t-elle de bien travailler ?', questionEn: 'Does a disability or lasting health problem make it harder to find or keep a job?', type: 'boolean', options: yesNo('Un handicap ou un problème de santé durable gêne l’accès à l’emploi ou son maintien', 'Aucun problème de santé durable ne gêne l’accès à l’emploi') },
  { id: 'demandeur.mobilite_reduite', question: 'Rester debout est-il pénible pour la personne, ou a-t-elle du mal à marcher ou besoin d’être accompagnée pour se déplacer ?', falc: 'Est-ce difficile pour la personne de rester debout, de marcher, ou de sortir seule ?', questionEn: 'Is standing painful for the person, or do they find walking hard or need someone with them to get around?', type: 'boolean', options: yesNo('La station debout est pénible pour la personne, ou ses déplacements sont réduits ou demandent un accompagnement', 'La station debout n’est pas pénible et la personne se déplace seule sans grande difficulté') },
  { id: 'demandeur.tierce_personne', question: 'La personne reçoit-elle une pension d’invalidité de 3e catégorie ou une rente d’accident du travail avec aide d’une tierce personne (PCRTP) ?', falc: 'La personne touche-t-elle une pension d’invalidité parce qu’elle a besoin de quelqu’un chaque jour ?', questionEn: 'Does the person receive a category 3 invalidity pension or a work-accident annuity with the constant-attendance supplement (PCRTP)?', hint: 'La pension de 3e catégorie comprend la majoration pour tierce personne (MTP).', hintEn: 'A category 3 pension includes the constant-attendance supplement (MTP).', type: 'choice', options: [
    { value: 'invalidite-3', label: 'Pension d’invalidité de 3e catégorie (avec majoration pour tierce personne)', labelEn: 'Category 3 invalidity pension', says: 'La personne reçoit une pension d’invalidité de 3e catégorie, avec la majoration pour tierce personne' },
    { value: 'pcrtp', label: 'Rente d’accident du travail ou de maladie professionnelle avec PCRTP', labelEn: 'Work-accident annuity with PCRTP', says: 'La personne reçoit une PCRTP, prestation complémentaire pour recours à tierce personne, avec une rente d’accident du travail' },
    { value: 'non', label: 'Ni l’une ni l’autre', labelEn: 'Neither', says: 'La personne ne reçoit ni pension d’invalidité de 3e catégorie ni PCRTP' },
  ] },
  { id: 'demandeur.ressources_propres', question: 'Quelles sont les ressources mensuelles de la personne elle-même, sans celles de son conjoint ?', falc: 'Combien d’argent la personne reçoit-elle chaque mois, pour elle seule ?', questionEn: 'What are the person’s own monthly resources, without the partner’s?', hint: RESOURCES_HINT, hintEn: RESOURCES_HINT_EN, type: 'number', min: 0, max: 100000, unit: '€/mois', askIf: { fact: 'demandeur.en_couple', notIn: [false] } },
  { id: 'foyer.ressources_mensuelles', question: 'Quelles sont les ressources mensuelles de la personne, et de son conjoint s’il y en a un ?', falc: 'Combien d’argent la personne (et son conjoint) reçoivent-ils chaque mois ?', questionEn: 'What are the monthly resources of the person, and of their partner if any?', hint: `Sans celles des enfants, des parents ou des autres personnes du logement. ${RESOURCES_HINT}`, hintEn: `Not those of children, parents or other people in the home. ${RESOURCES_HINT_EN}`, type: 'number', min: 0, max: 100000, unit: '€/mois' },
  { id: 'demandeur.revenus_activite', question: 'Dans ces ressources, combien viennent d’un travail (salaires, revenus d’indépendant) ?', falc: 'Dans cet argent, combien vient d’un travail ?', questionEn: 'Of these resources, how much comes from work (wages, self-employment)?', hint: 'Une partie des revenus d’activité n’est pas comptée. Mettez 0 s’il n’y en a pas.', hintEn: 'Part of earnings is not counted. Enter 0 if none.', type: 'number', min: 0, max: 100000, unit: '€/mois' },
  { id: 'demandeur.frais_hebergement', question: 'Combien coûte l’hébergement en établissement chaque mois ?', falc: 'Combien coûte l’établissement chaque mois ?', questionEn: 'What does the care home cost per month?', type: 'number', min: 0, max: 20000, unit: '€/mois', askIf: { fact: 'demandeur.lieu_de_vie', notIn: ['domicile'] } },
  { id: 'aidant.est_aidant', question: 'Faites-vous cette simulation en tant qu’aidant de la personne ?', falc: 'Aidez-vous cette personne ?', questionEn: 'Are you the person’s carer?', type: 'boolean', options: yesNo('Vous aidez la personne', 'Vous n’êtes pas l’aidant de la personne') },
  { id: 'aidant.salarie', question: 'Vous, l’aidant, êtes-vous salarié (ou agent public) ?', falc: 'Avez-vous un employeur ?', questionEn: 'Are you, the carer, an employee (or a civil servant)?', hint: 'Le congé de proche aidant est un droit des salariés ; au chômage ou indépendant, voyez l’AJPA.', hintEn: 'The carer’s leave is an employee’s right.', type: 'boolean', options: yesNo('Vous êtes salarié ou agent public', 'Vous n’êtes ni salarié ni agent public'), askIf: { fact: 'aidant.est_aidant', notIn: [false] } },
  { id: 'aidant.activite_professionnelle', question: 'Vous, l’aidant, travaillez-vous (ou êtes-vous au chômage indemnisé) ?', falc: 'Avez-vous un travail ?', questionEn: 'Do you, the carer, work (or receive unemployment benefit)?', type: 'boolean', options: yesNo('Vous travaillez ou êtes au chômage indemnisé', 'Vous ne travaillez pas et n’êtes pas au chômage indemnisé'), askIf: { fact: 'aidant.est_aidant', notIn: [false] } },
];

export const factById = (id: string): Fact | undefined => FACTS.find((f) => f.id === id);
