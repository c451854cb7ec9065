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
}

const yesNo: FactOption[] = [
  { value: true, label: 'Oui', labelEn: 'Yes' },
  { value: false, label: 'Non', labelEn: 'No' },
];

export const FACTS: readonly Fact[] = [
  { id: 'demandeur.age', question: 'Quel âge a la personne ?', falc: 'Quel âge a la personne ?', questionEn: 'How old is the person?', type: 'number', min: 0, max: 120, unit: 'ans' },
  { id: 'demandeur.depcom', question: 'Dans quelle commune habite la personne ?', falc: 'Dans quelle ville habite la personne ?', questionEn: 'Which town does the person live in?', hint: 'Nom ou code postal. Sert à trouver les aides locales et où faire la demande.', hintEn: 'Name or postcode. Used for local aides and where to apply.', type: 'commune' },
  { id: 'demandeur.lieu_de_vie', question: 'Où vit la personne ?', falc: 'Où habite la personne ?', questionEn: 'Where does the person live?', type: 'choice', options: [
    { value: 'domicile', label: 'À son domicile (ou chez un proche)', falc: 'Chez elle ou chez un proche', labelEn: 'At home (or with a relative)' },
    { value: 'etablissement', label: 'En établissement (EHPAD, USLD, foyer)', falc: 'Dans un établissement (maison de retraite, foyer)', labelEn: 'In a care home' },
  ] },
  { id: 'demandeur.gir', question: 'Quel est le niveau d’autonomie de la personne (GIR) ?', falc: 'La personne a-t-elle besoin d’aide pour les gestes de la vie de tous les jours ?', questionEn: 'What is the person’s level of independence (GIR)?', hint: 'Si le GIR a déjà été évalué, choisissez-le. Sinon répondez aux questions suivantes ou passez.', hintEn: 'If the GIR has already been assessed, choose it; otherwise skip.', type: 'choice', options: [
    { value: 1, label: 'GIR 1 — dépendance totale', labelEn: 'GIR 1 — fully dependent' },
    { value: 2, label: 'GIR 2 — aide pour la plupart des gestes', labelEn: 'GIR 2' },
    { value: 3, label: 'GIR 3 — aide plusieurs fois par jour pour le corps', labelEn: 'GIR 3' },
    { value: 4, label: 'GIR 4 — aide pour se lever, la toilette, l’habillage', labelEn: 'GIR 4' },
    { value: 5, label: 'GIR 5 — aide ponctuelle (ménage, repas, courses)', labelEn: 'GIR 5' },
    { value: 6, label: 'GIR 6 — autonome', labelEn: 'GIR 6 — independent' },
  ] },
  { id: 'demandeur.taux_incapacite', question: 'La MDPH a-t-elle reconnu un taux d’incapacité ?', falc: 'La MDPH a-t-elle donné un pourcentage de handicap ?', questionEn: 'Has the MDPH set a disability rate?', hint: 'Indiquez la tranche, pas un chiffre exact.', hintEn: 'Choose a range.', type: 'choice', options: [
    { value: 'aucun', label: 'Pas de handicap reconnu', labelEn: 'No recognised disability' },
    { value: 'moins-50', label: 'Moins de 50 %', labelEn: 'Under 50%' },
    { value: '50-79', label: 'Entre 50 et 79 %', labelEn: '50 to 79%' },
    { value: '80-plus', label: '80 % ou plus', labelEn: '80% or more' },
    { value: 'inconnu', label: 'Je ne sais pas / demande en cours', labelEn: 'I don’t know / pending' },
  ] },
  { id: 'demandeur.rsdae', question: 'La MDPH a-t-elle reconnu une restriction substantielle et durable d’accès à l’emploi (RSDAE) ?', falc: 'La MDPH a-t-elle dit que le handicap empêche beaucoup de travailler ?', questionEn: 'Has the MDPH recognised a substantial and lasting restriction of access to work (RSDAE)?', type: 'boolean', options: yesNo },
  { id: 'demandeur.difficultes_activites', question: 'Pour les gestes essentiels (se déplacer, se laver, s’habiller, communiquer…), la personne a-t-elle des difficultés ?', falc: 'La personne a-t-elle du mal à faire seule les gestes de tous les jours ?', questionEn: 'Does the person have difficulties with essential activities (moving, washing, dressing, communicating)?', type: 'choice', options: [
    { value: 'aucune', label: 'Pas de difficulté grave', labelEn: 'No serious difficulty' },
    { value: 'une-grave', label: 'Une activité faite difficilement', labelEn: 'One activity done with serious difficulty' },
    { value: 'deux-graves', label: 'Au moins deux activités faites difficilement', labelEn: 'At least two activities done with serious difficulty' },
    { value: 'une-absolue', label: 'Au moins une activité impossible à faire seule', labelEn: 'At least one activity impossible alone' },
  ] },
  { id: 'demandeur.handicap_avant_60_ans', question: 'Le handicap est-il apparu avant 60 ans ?', falc: 'Le handicap a-t-il commencé avant 60 ans ?', questionEn: 'Did the disability start before age 60?', type: 'boolean', options: yesNo },
  { id: 'demandeur.residence_stable_france', question: 'La personne vit-elle en France de façon stable et régulière ?', falc: 'La personne habite-t-elle en France toute l’année ?', questionEn: 'Does the person live in France on a stable and regular basis?', type: 'boolean', options: yesNo },
  { id: 'demandeur.en_couple', question: 'La personne vit-elle en couple ?', falc: 'La personne vit-elle avec un conjoint ?', questionEn: 'Does the person live as a couple?', type: 'boolean', options: yesNo },
  { id: 'foyer.ressources_mensuelles', question: 'Quelles sont les ressources mensuelles du foyer (pensions, salaires, allocations) ?', falc: 'Combien d’argent le foyer reçoit-il chaque mois ?', questionEn: 'What are the household’s monthly resources?', hint: 'Un ordre de grandeur suffit, en euros par mois. Rien n’est envoyé.', hintEn: 'An approximate amount in euros per month is enough. Nothing is sent.', type: 'number', min: 0, max: 100000, unit: '€/mois' },
  { id: 'demandeur.frais_hebergement', question: 'Combien coûte l’hébergement en établissement chaque mois ?', falc: 'Combien coûte l’établissement chaque mois ?', questionEn: 'What does the care home cost per month?', type: 'number', min: 0, max: 20000, unit: '€/mois' },
  { id: 'aidant.est_aidant', question: 'Faites-vous cette simulation en tant qu’aidant de la personne ?', falc: 'Aidez-vous cette personne ?', questionEn: 'Are you the person’s carer?', type: 'boolean', options: yesNo },
  { id: 'aidant.activite_professionnelle', question: 'Vous, l’aidant, travaillez-vous (ou êtes-vous au chômage indemnisé) ?', falc: 'Avez-vous un travail ?', questionEn: 'Do you, the carer, work (or receive unemployment benefit)?', type: 'boolean', options: yesNo },
];

export const factById = (id: string): Fact | undefined => FACTS.find((f) => f.id === id);
