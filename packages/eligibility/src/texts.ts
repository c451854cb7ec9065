/**
 * The French sentences of the criteria: one set of templates per criterion kind (`fact`, `age-min`, `age-max`,
 * `resources`, `cost`), in the third person about the person the simulation is for (it may be a relative), with
 * amounts to the cent and dates through `Intl`. Nothing here knows a benefit: the catalogue gives its name
 * (« l’APA »), what the text requires (`need`) and the article.
 */

/** Money to the cent, in French (« 1 043,59 € »). */
// Intl formatters are costly to build: one of each, built on first use (evaluate() stays well under a frame)
let euroFmt: Intl.NumberFormat | undefined;
let numFmt: Intl.NumberFormat | undefined;
let dateFmt: Intl.DateTimeFormat | undefined;
let monthFmt: Intl.DateTimeFormat | undefined;

export const euro = (n: number): string => (euroFmt ??= new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR', minimumFractionDigits: 2, maximumFractionDigits: 2 })).format(n);

/** A whole or decimal number in French. */
export const num = (n: number): string => (numFmt ??= new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 })).format(n);

/** A date in French (« 1er avril 2025 »), written as `formatDate` of @relais/core writes it, with a formatter built once. */
export function frDate(d: string): string {
  const s = (dateFmt ??= new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })).format(new Date(`${d}T12:00:00Z`));
  return s.replace(/^1 /, '1er ');
}

/** « avril 2026 » → « d’avril 2026 », « janvier 2026 » → « de janvier 2026 ». */
export function ofMonth(d: string): string {
  const s = (monthFmt ??= new Intl.DateTimeFormat('fr-FR', { month: 'long', year: 'numeric', timeZone: 'UTC' })).format(new Date(`${d}T12:00:00Z`));
  return /^[aeiouy]/.test(s) ? `d’${s}` : `de ${s}`;
}

export const capitalise = (s: string): string => (s ? s[0]!.toUpperCase() + s.slice(1) : s);

/** What a sentence says about a parameter it uses (shown next to the criterion or the amount). */
export interface ValueNote {
  /** « montant au 1er avril 2025 — la revalorisation d’avril 2026 n’est pas encore connue ». */
  text: string;
}

export type TriState = 'met' | 'not_met' | 'unknown';

/** The variables a template may use. */
export interface TextVars {
  /** The benefit: « l’APA », « de l’APA ». */
  the: string;
  of: string;
  legal?: string;
  /** The answer as a sentence (`fact`), or as a number (`age-*`, `resources`, `cost`). */
  says?: string;
  value?: number;
  threshold?: number;
  /** `fact`: what the text requires. */
  need?: string;
  /** `resources`: « pour une personne seule », « pour un couple », « avec 2 enfants à charge ». */
  situation?: string;
  /** `cost`: the part of the resources compared (90 %), and the scaled value. */
  share?: number;
  scaled?: number;
  /** `cost`: the minimum the person keeps each month. */
  kept?: number;
  /** Per month / per year. */
  per?: string;
}

const ref = (v: TextVars) => (v.legal ? ` (${v.legal})` : '');
/** An age criterion may say why, in `need`: « entre 50 et 79 %, l’AAH s’arrête à l’âge légal de la retraite ». */
const why = (v: TextVars) => (v.need ? ` : ${v.need}` : '');

/** The templates, by kind then by status. Each returns one French sentence, ending with a full stop. */
export const TEMPLATES = {
  fact: {
    met: (v: TextVars) => `${v.says}${ref(v)}.`,
    not_met: (v: TextVars) => `${v.says} ; ${v.the} demande ${v.need}${ref(v)}.`,
    unknown: (v: TextVars) => `${capitalise(v.the)} demande ${v.need} : la réponse n’est pas indiquée${ref(v)}.`,
  },
  'age-min': {
    met: (v: TextVars) => `${subject(v)} a ${num(v.value!)} ans ; ${v.the} est possible à partir de ${num(v.threshold!)} ans${ref(v)}.`,
    not_met: (v: TextVars) => `${subject(v)} a ${num(v.value!)} ans ; ${v.the} n’est possible qu’à partir de ${num(v.threshold!)} ans${ref(v)}.`,
    unknown: (v: TextVars) => `${capitalise(v.the)} est possible à partir de ${num(v.threshold!)} ans : l’âge de la personne n’est pas indiqué${ref(v)}.`,
  },
  'age-max': {
    met: (v: TextVars) => `${subject(v)} a ${num(v.value!)} ans ; ${v.the} est possible avant ${num(v.threshold!)} ans${why(v)}${ref(v)}.`,
    not_met: (v: TextVars) => `${subject(v)} a ${num(v.value!)} ans ; ${v.the} n’est possible qu’avant ${num(v.threshold!)} ans${why(v)}${ref(v)}.`,
    unknown: (v: TextVars) => `${capitalise(v.the)} demande d’avoir moins de ${num(v.threshold!)} ans : l’âge de la personne n’est pas indiqué${ref(v)}.`,
  },
  resources: {
    met: (v: TextVars) => `Les ressources indiquées (${euro(v.value!)} ${v.per}) ne dépassent pas le plafond ${v.of}${sit(v)}, ${euro(v.threshold!)} ${v.per}${ref(v)}.`,
    not_met: (v: TextVars) => `Les ressources indiquées (${euro(v.value!)} ${v.per}) dépassent le plafond ${v.of}${sit(v)}, ${euro(v.threshold!)} ${v.per}${ref(v)}.`,
    unknown: (v: TextVars) => `${capitalise(v.the)} a un plafond de ressources${sit(v)} (${euro(v.threshold!)} ${v.per}) : les ressources ne sont pas indiquées${ref(v)}.`,
  },
  cost: {
    met: (v: TextVars) => `Ce que la personne doit verser (${euro(v.scaled!)} sur ${euro(v.value!)} ${v.per}${leftText(v)}) ne couvre pas les frais d’hébergement de ${euro(v.threshold!)} ${v.per} : ${v.the} peut prendre en charge le reste, après la participation éventuelle des obligés alimentaires${ref(v)}.`,
    not_met: (v: TextVars) => `Ce que la personne doit verser (${euro(v.scaled!)} sur ${euro(v.value!)} ${v.per}${leftText(v)}) couvre les frais d’hébergement de ${euro(v.threshold!)} ${v.per}${ref(v)}.`,
    unknown: (v: TextVars) => `${capitalise(v.the)} peut prendre en charge ce que les ressources ne couvrent pas, une fois laissés à la personne ${num(100 - v.share! * 100)} % de ses ressources${v.kept !== undefined ? ` (au moins ${euro(v.kept)} ${v.per})` : ''} : les ressources ou le coût de l’hébergement ne sont pas indiqués${ref(v)}.`,
  },
} as const;

/** Sentences for the cases that turn a criterion into « à vérifier ». */
export const SPECIAL = {
  /** Resources just above a ceiling (within the margin, wider when the ceiling is stale or unconfirmed). */
  near: (v: TextVars & { note?: string }) =>
    `Les ressources indiquées (${euro(v.value!)} ${v.per}) dépassent de peu le plafond ${v.of}${sit(v)} (${euro(v.threshold!)} ${v.per}) ; les ressources retenues par l’organisme (période de référence, abattements) peuvent être plus basses${v.note ? `, et ce plafond n’est pas sûr (${v.note})` : ''} : proche du plafond, à vérifier${ref(v)}.`,
  /** Over the ceiling, and the earnings (partly not counted) are not given. */
  earningsUnknown: (v: TextVars) =>
    `Les ressources indiquées (${euro(v.value!)} ${v.per}) dépassent le plafond ${v.of}${sit(v)} (${euro(v.threshold!)} ${v.per}), mais une partie des revenus d’activité n’est pas comptée : leur montant n’est pas indiqué${ref(v)}.`,
  /** Over the ceiling only because of earnings, partly not counted. */
  earnings: (v: TextVars & { other: number }) =>
    `Sans les revenus d’activité, les ressources (${euro(v.other)} ${v.per}) ne dépassent pas le plafond ${v.of}${sit(v)} (${euro(v.threshold!)} ${v.per}) ; une partie des revenus d’activité n’est pas comptée (abattements) : à vérifier${ref(v)}.`,
  /**
   * The authority that decides has not been asked yet (« pas encore de demande à la MDPH »): one sentence per answer and
   * benefit, whatever the threshold of the branch (two branches on the same rate say it once).
   */
  pending: (v: TextVars & { says: string; pending: string }) => `${v.says} ; ${v.pending} : ${v.the} est à vérifier${ref(v)}.`,
  /** An estimated GIR that does not fit: only the evaluation fixes it. */
  estimated: (v: TextVars) => `${v.says} d’après une estimation ; ${v.the} demande ${v.need} : seule l’évaluation fixe le GIR, à vérifier${ref(v)}.`,
  /** An estimated GIR that fits: stated as an estimate, never as a fact. */
  estimatedMet: (v: TextVars) => `D’après vos réponses, la personne serait en GIR ${num(v.value!)} ; ce n’est qu’une estimation, seule l’équipe du département évalue le GIR${ref(v)}.`,
  /** The situation is not given, and the answer lies between the ceilings of both situations. */
  between: (v: TextVars & { low: number; high: number; which: string }) =>
    `Les ressources indiquées (${euro(v.value!)} ${v.per}) sont entre deux plafonds ${v.of} (${euro(v.low)} et ${euro(v.high)} ${v.per}) : ${v.which}${ref(v)}.`,
} as const;

/** The ceiling situation, in words (« pour un couple », « avec 2 enfants à charge »); empty when neither applies. */
export function situationText(couple: boolean | undefined, children: number | undefined, byCouple: boolean): string {
  const who = !byCouple ? '' : couple === true ? 'pour un couple' : 'pour une personne seule';
  const kids = children ? `avec ${num(children)} enfant${children > 1 ? 's' : ''} à charge` : '';
  return [who, kids].filter(Boolean).join(' ');
}

/** The subject of an age sentence: a child under 15 is « l’enfant ». */
const subject = (v: TextVars) => (v.value !== undefined && v.value < 15 ? 'L’enfant' : 'La personne');
/** `cost`: what is left to the person. */
const leftText = (v: TextVars) => (v.share === undefined ? '' : `, après les ${num(100 - v.share * 100)} % qui lui sont laissés${v.kept !== undefined ? `, au moins ${euro(v.kept)}` : ''}`);

const sit = (v: TextVars) => (v.situation ? ` ${v.situation}` : '');

/** The note on a parameter value: its date, whether it is past its revaluation, whether it is confirmed. */
export function valueNote(p: { unit?: string }, since: string, stale: string | null, toVerify: boolean): string {
  const what = p.unit === 'ans' || p.unit === 'ratio' ? 'valeur' : 'montant';
  let s = `${what} au ${frDate(since)}`;
  if (toVerify) s += ', valeur à confirmer';
  if (stale) s += ` — la revalorisation ${ofMonth(stale)} n’est pas encore connue`;
  return s;
}
