import { formatDate, lazyCatalogue, type LazyCatalogue, type Lang } from '@relais/core';
import { frDate } from './texts.js';

type Keys =
  | 'title' | 'intro' | 'who' | 'whoMe' | 'whoRelative' | 'whoCarer' | 'next' | 'back' | 'skip' | 'seeResults' | 'progress' | 'remaining' | 'numberError'
  | 'choiceError' | 'communeError' | 'results' | 'groupYes' | 'groupCheck' | 'groupNo' | 'whyNot' | 'amount' | 'perMonth' | 'perYear' | 'perDay'
  | 'upTo' | 'between' | 'estimate' | 'toVerify' | 'where' | 'findWhere' | 'form' | 'documents' | 'sources' | 'criteria' | 'met' | 'notMet' | 'unknown'
  | 'toCheck' | 'decidedBy' | 'edit' | 'restart' | 'print' | 'privacy' | 'loading' | 'invalidCatalogue' | 'noneYes' | 'girTriage' | 'girUnknown'
  | 'statusEligible' | 'statusProbable' | 'statusUnknown' | 'statusNot' | 'answers' | 'notAnswered' | 'asOf' | 'local' | 'nationalKept' | 'retry'
  | 'exceptions' | 'askAt' | 'valueWarning' | 'groupYesOther' | 'editOne' | 'girEstimated' | 'carerPointerMe' | 'carerPointerOther';

/**
 * Messages of the eligibility widget (the facts and benefits carry their own words, in both): the French here, in the widget's chunk; the English in `messages-en.ts`, loaded
 * only where an element speaks English (the element shows French until it has arrived, never a key).
 */
export const messages: LazyCatalogue<Keys> = lazyCatalogue(
  {
    title: 'Suis-je éligible ?',
    intro: 'Quelques questions, une à la fois, pour savoir quelles aides peuvent s’appliquer. Vous pouvez passer une question si vous ne savez pas.',
    who: 'Pour qui faites-vous la simulation ?',
    whoMe: 'Pour moi',
    whoRelative: 'Pour un proche',
    whoCarer: 'Je suis l’aidant d’un proche',
    next: 'Continuer',
    back: 'Question précédente',
    skip: 'Je ne sais pas, passer',
    seeResults: 'Voir les résultats maintenant',
    progress: (p) => `Question ${p.n}`,
    remaining: (p) => (p.n === 0 ? 'Toutes les aides sont précisées.' : `${p.n} aide${(p.n as number) > 1 ? 's' : ''} encore à préciser`),
    numberError: (p) => `Indiquez un nombre entre ${p.min} et ${p.max}, par exemple ${p.example}.`,
    choiceError: 'Choisissez une réponse, ou « Je ne sais pas, passer ».',
    communeError: 'Commune introuvable : saisissez le code postal (5 chiffres), par exemple 58500.',
    results: 'Vos résultats',
    groupYes: 'Vous êtes probablement éligible',
    groupCheck: 'À vérifier : il manque des informations',
    groupNo: 'Pourquoi pas ? Les aides qui ne s’appliquent pas',
    whyNot: 'Voir les aides qui ne s’appliquent pas',
    amount: 'Montant',
    perMonth: 'par mois',
    perYear: 'par an',
    perDay: 'par jour',
    upTo: (p) => `jusqu’à ${p.max}`,
    between: (p) => `entre ${p.min} et ${p.max}`,
    estimate: (p) => `environ ${p.value}`,
    toVerify: 'montant à confirmer',
    where: 'Où faire la demande ?',
    findWhere: (p) => `Trouver : ${p.kind} près de chez vous`,
    form: 'Formulaire :',
    documents: 'Pièces à fournir',
    sources: 'Textes de référence',
    criteria: 'Pourquoi',
    met: 'Condition remplie :',
    notMet: 'Condition non remplie :',
    unknown: 'Information manquante :',
    toCheck: 'À vérifier aussi',
    decidedBy: (p) => `Décision : ${p.by}, qui ${p.what}.`,
    edit: 'Modifier mes réponses',
    restart: 'Recommencer',
    print: 'Imprimer le résumé',
    privacy: 'Vos réponses restent sur cet appareil : rien n’est envoyé.',
    loading: 'Chargement des aides…',
    invalidCatalogue: 'Les aides locales ne peuvent pas être chargées :',
    nationalKept: 'Les aides nationales restent proposées, et vos réponses sont gardées.',
    retry: 'Réessayer',
    noneYes: 'Aucune aide n’est sûre pour l’instant : répondez à plus de questions ou regardez les aides à vérifier.',
    girTriage: 'Pour les gestes de tous les jours (se lever, se laver, s’habiller), la personne a besoin d’aide :',
    girUnknown: 'Je ne connais pas le GIR',
    statusEligible: 'Éligible',
    statusProbable: 'Probablement éligible, après évaluation',
    statusUnknown: 'À vérifier',
    statusNot: 'Non éligible',
    answers: 'Vos réponses',
    notAnswered: 'non renseigné',
    asOf: (p) => `valeur au ${frDate(p.date as string)}`,
    local: 'Aide locale',
    groupYesOther: 'Votre proche est probablement éligible',
    editOne: 'Modifier',
    girEstimated: (p) => `${p.label} (estimation par le questionnaire, à faire évaluer par le département)`,
    exceptions: 'Exceptions possibles, à vérifier',
    askAt: (p) => `Où se renseigner : ${p.where}`,
    valueWarning: 'Montant à confirmer :',
    carerPointerMe: 'Si un proche vous aide, il peut avoir droit à l’allocation journalière du proche aidant (AJPA) et au congé de proche aidant : c’est lui qui les demande.',
    carerPointerOther: 'Si un proche aide la personne, il peut avoir droit à l’allocation journalière du proche aidant (AJPA) et au congé de proche aidant : c’est lui qui les demande.',
  },
  // English: its own module and chunk, loaded only where an element speaks English
  () => import('./messages-en.js').then((m) => m.english({ formatDate })),
);

/** GIR triage modelled on the cerfa 16301 autonomy questions (an estimate, not an evaluation). */
export const TRIAGE = [
  { value: 6, label: 'Jamais', labelEn: 'Never' },
  { value: 5, label: 'De temps en temps (ménage, courses)', labelEn: 'Now and then (housework, shopping)' },
  { value: 4, label: 'Chaque jour, pour certains gestes', labelEn: 'Every day, for some tasks' },
  { value: 2, label: 'Pour presque tout', labelEn: 'For almost everything' },
];

/**
 * The words of a fact, an option or a hint in the reader's language: the facts and the triage carry their French
 * (`question`, `label`, `hint`, and `falc`) and English (`questionEn`, `labelEn`, `hintEn`) wordings side by side.
 */
export const inLang = <T>(lang: Lang, fr: T, en: T): T => (lang === 'en' ? en : fr);

export type MessageKey = Keys;
export type { Lang };
