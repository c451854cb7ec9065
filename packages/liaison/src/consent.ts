/**
 * The legal regime of a sharing, the information the person receives before it, and the ONE record of her answer
 * (consent, no objection, objection, refusal, information impossible in an emergency, or — in child protection — the
 * information of the parents). Headless: the same rules in the browser, in Node and in a receiver.
 *
 * Sources (read by the legal reviewer on a copy of the code, not on Légifrance; see `CONSENT_TO_VERIFY`): CSP L1110-4
 * (II échange, III partage dans / hors de l'équipe de soins, IV information and right to object), L1110-12 (équipe
 * de soins), R1110-1 (2° : within the perimeter of their missions), R1110-2 (the professionals covered), R1110-3
 * (I information before an exchange, II before a team sharing, III a person who cannot be informed: urgency or
 * impossibility, informed afterwards), D1110-3-1 (consent outside the team: categories of information and of
 * professionals, supports, security measures, consent « par tout moyen, y compris de façon dématérialisée »),
 * D1110-3-4 (structures forming an équipe de soins), CASF L226-2-2 and L112-3 (protection de l'enfance), Code civil
 * art. 457-1, 459, 479 and 494-6 (protected adults), RGPD art. 13 (what the controller must say).
 */
import { formatDate } from '@relais/core/headless';
import { allowedFields, recipientsOf, withheldFields, type Recipient, type SheetValues, type Template } from './sheet-schema.js';

/**
 * The regimes, in the order offered (in doubt, outside the team first): `hors-equipe` — sharing with professionals
 * outside the équipe de soins, prior consent (L1110-4 III al. 2, D1110-3-1); `equipe-de-soins` — sharing within the
 * équipe de soins (L1110-4 III al. 1, L1110-12, D1110-3-4); `echange` — exchange between identified professionals who
 * all take part in the care (L1110-4 II); `protection-enfance` — sharing between professionals of child protection,
 * parents informed (CASF L226-2-2), for a minor only; `accord-expres` — sender or recipient not covered by L1110-4
 * (a bailleur, France Travail, a mairie…): only the person's express agreement.
 */
export const CONSENT_REGIMES = ['hors-equipe', 'equipe-de-soins', 'echange', 'protection-enfance', 'accord-expres'] as const;
export type ConsentRegime = (typeof CONSENT_REGIMES)[number];

/** The one answer recorded. */
export const CONSENT_DECISIONS = ['pas-d-opposition', 'opposition', 'consentement', 'refus', 'information-impossible', 'parents-informes', 'information-contraire-interet'] as const;
export type ConsentDecision = (typeof CONSENT_DECISIONS)[number];

/** How the answer was collected (« par tout moyen, y compris de façon dématérialisée », D1110-3-1). */
export const CONSENT_METHODS = ['oral', 'ecrit'] as const;
export type ConsentMethod = (typeof CONSENT_METHODS)[number];

/** Version of the information text's wording (not of a sheet template); the exact text shown is recorded by its SHA-256. */
export const INFORMATION_VERSION = 'information-partage-2026-12b';

/** What was not read on Légifrance (kept « à vérifier »). */
export const CONSENT_TO_VERIFY = [
  'CSP L1110-4 IV : droit d’être dûment informé et de s’opposer à tout moment — cité de mémoire par le relecteur, alinéa exact non relu sur Légifrance.',
  'CSP D1110-3-1 (décret 2016-1349) : liste exacte de l’information préalable au partage hors équipe (catégories d’informations et de professionnels, supports, mesures de sécurité « notamment les restrictions d’accès ») et consentement « par tout moyen, y compris de façon dématérialisée » — lue sur une copie, pas sur Légifrance. La copie écrite remise à la personne est une bonne pratique : aucun texte ne l’exige.',
  'Retrait du consentement : article (D1110-3-2 selon le relecteur, de mémoire) non relu.',
  'CSP R1110-3 III : cas exacts (urgence, impossibilité) où l’information préalable peut être différée, et mention au dossier — lus sur une copie, pas sur Légifrance.',
  'CSP L1110-12 et D1110-3-4 : rédaction exacte des trois cas d’appartenance à l’équipe de soins et liste des structures — lue sur une copie.',
  'Partage hors du champ de L1110-4 (accord exprès) : la base légale exacte (RGPD art. 6-1 a et 9-2 a, secret professionnel propre de l’émetteur) est à vérifier par le délégué à la protection des données du site.',
  'CSP L1111-5 : cas où un mineur peut garder le secret envers ses parents — non pris en charge, à vérifier.',
  'Code civil art. 494-6 (habilitation familiale) et 479 (mandat de protection future, qui applique les art. 457-1 à 459-2) : étendue exacte à la protection de la personne.',
] as const;

interface DecisionDef {
  value: ConsentDecision;
  /** In the third person: the professional records what the person said, never « j’accepte ». */
  label: string;
  /** Whether the sheet may be sent with this answer. */
  sends: boolean;
}

/** A regime: its name, its article, what it means in plain French, and the answers it allows. */
export interface RegimeDef {
  id: ConsentRegime;
  label: string;
  legalBasis: string;
  /** What the professional must check before choosing the regime. */
  when: string;
  /** The frame in words for the person (the information text is addressed to her, not to the professional). */
  forPerson: string;
  /** What is asked of the person: an objection may stop the sharing, a consent is needed, or the parents are informed. */
  asks: 'opposition' | 'consentement' | 'information';
  /** Whether the regime needs sender and recipient covered by CSP L1110-4 (professionals of R1110-2). */
  l1110: boolean;
  decisions: DecisionDef[];
}

const IMPOSSIBLE: DecisionDef = { value: 'information-impossible', label: 'Information impossible (urgence ou état de la personne) : elle sera informée dès que possible', sends: true };

/** The five regimes. */
export const REGIMES: Readonly<Record<ConsentRegime, RegimeDef>> = {
  'hors-equipe': {
    id: 'hors-equipe',
    label: 'Partage avec un professionnel hors de l’équipe de soins',
    legalBasis: 'Code de la santé publique, art. L1110-4 III (2e alinéa) et IV ; D1110-3-1',
    when: 'Le destinataire ne fait pas partie de l’équipe de soins de la personne, ou vous n’en êtes pas sûr : son accord préalable est nécessaire. Le partage reste limité à ce qui relève des missions de chacun (CSP R1110-1 2°).',
    forPerson: 'partage avec un professionnel qui ne fait pas partie de votre équipe de soins, avec votre accord',
    asks: 'consentement',
    l1110: true,
    decisions: [
      { value: 'consentement', label: 'La personne donne son accord au partage', sends: true },
      { value: 'refus', label: 'La personne refuse le partage', sends: false },
    ],
  },
  'equipe-de-soins': {
    id: 'equipe-de-soins',
    label: 'Partage au sein de l’équipe de soins',
    legalBasis: 'Code de la santé publique, art. L1110-4 III (1er alinéa) et IV ; L1110-12 ; D1110-3-4 ; R1110-3 II',
    when: 'Vous et le destinataire participez directement à la prise en charge de la personne ET : 1° vous exercez dans le même établissement de santé ou le même établissement ou service social ou médico-social, ou dans une structure de la liste de l’art. D1110-3-4 (maison ou centre de santé, dispositif d’appui à la coordination, équipe APA ou MDPH…) ; ou 2° la personne vous reconnaît comme son équipe : elle s’adresse à vous pour les consultations et actes prescrits par un médecin à qui elle a confié sa prise en charge ; ou 3° vous appartenez à une organisation formalisée conforme au cahier des charges fixé par arrêté.',
    forPerson: 'partage entre les professionnels de votre équipe de soins',
    asks: 'opposition',
    l1110: true,
    decisions: [
      { value: 'pas-d-opposition', label: 'La personne a été informée et ne s’oppose pas au partage', sends: true },
      { value: 'opposition', label: 'La personne s’oppose au partage', sends: false },
      IMPOSSIBLE,
    ],
  },
  echange: {
    id: 'echange',
    label: 'Échange entre professionnels identifiés qui suivent tous la personne',
    legalBasis: 'Code de la santé publique, art. L1110-4 II et IV ; R1110-1 à R1110-3 I',
    when: 'Vous écrivez à un professionnel nommé qui participe déjà à la prise en charge de la personne, pour sa continuité. Si le destinataire ne suit pas encore la personne (orientation), l’accord est nécessaire : choisissez « hors de l’équipe de soins ».',
    forPerson: 'échange entre des professionnels qui vous suivent déjà',
    asks: 'opposition',
    l1110: true,
    decisions: [
      { value: 'pas-d-opposition', label: 'La personne a été informée et ne s’oppose pas à l’échange', sends: true },
      { value: 'opposition', label: 'La personne s’oppose à l’échange', sends: false },
      IMPOSSIBLE,
    ],
  },
  'protection-enfance': {
    id: 'protection-enfance',
    label: 'Protection de l’enfance (pour un mineur)',
    legalBasis: 'Code de l’action sociale et des familles, art. L226-2-2 et L112-3',
    when: 'Seulement pour un mineur, et seulement si vous et le destinataire êtes soumis au secret professionnel et mettez en œuvre la protection de l’enfance ou y apportez votre concours (CASF L112-3), pour évaluer sa situation ou mettre en œuvre sa protection ; le partage est strictement limité à ce qui est nécessaire.',
    forPerson: 'protection de l’enfance',
    asks: 'information',
    l1110: false,
    decisions: [
      { value: 'parents-informes', label: 'Les parents (ou le tuteur) ont été informés du partage', sends: true },
      { value: 'information-contraire-interet', label: 'Les parents n’ont pas été informés : ce serait contraire à l’intérêt de l’enfant', sends: true },
    ],
  },
  'accord-expres': {
    id: 'accord-expres',
    label: 'Accord exprès de la personne (le destinataire ou vous-même n’êtes pas un professionnel de l’art. R1110-2)',
    legalBasis: 'Accord exprès de la personne — le partage du CSP (art. L1110-4) ne s’applique pas ; RGPD art. 9-2 a (à vérifier)',
    when: 'Par exemple un bailleur, France Travail ou une mairie : les règles d’échange et de partage du Code de la santé publique ne s’appliquent pas ; seul l’accord exprès de la personne permet l’envoi.',
    forPerson: 'envoi avec votre accord exprès (les règles de partage entre professionnels du Code de la santé publique ne s’appliquent pas)',
    asks: 'consentement',
    l1110: false,
    decisions: [
      { value: 'consentement', label: 'La personne donne son accord exprès à l’envoi', sends: true },
      { value: 'refus', label: 'La personne refuse l’envoi', sends: false },
    ],
  },
};

/** The prior question of the step (F3): are sender and recipient professionals covered by CSP L1110-4? */
export const COVERED_QUESTION = {
  legend: 'Vous et le destinataire êtes-vous tous deux des professionnels mentionnés à l’article R1110-2 du Code de la santé publique ?',
  hint: '1° tous les professionnels de santé ; 2° notamment les assistants de service social, psychologues, accompagnants éducatifs et sociaux, personnels non soignants des établissements et services sociaux et médico-sociaux (CASF L312-1), mandataires judiciaires à la protection des majeurs, membres de l’équipe médico-sociale APA, personnels des dispositifs d’appui à la coordination. Ils ne partagent que dans le périmètre de leurs missions (CSP R1110-1 2°). Un bailleur, France Travail, une mairie ou une association hors de cette liste n’en font pas partie.',
  yes: 'Oui, tous les deux',
  no: 'Non, ou je ne sais pas',
} as const;

/** What the consent step knows of the person from the sheet (age, parents). */
export interface PersonContext {
  /** Under 18 at the time of the step (from `date_naissance` / `personne_naissance`), or `autorite_parentale` filled. */
  minor: boolean;
}

/** Reads the person's context from the sheet's values: a birth date under 18 years, or holders of parental authority. */
export function personContext(values: SheetValues, now = new Date()): PersonContext {
  const birth = [values['date_naissance'], values['personne_naissance']].find((v): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v));
  let minor = false;
  if (birth) {
    const [y, m, d] = birth.split('-').map(Number) as [number, number, number];
    const eighteen = Date.UTC(y + 18, m - 1, d);
    minor = now.getTime() < eighteen;
  }
  const parents = values['autorite_parentale'];
  if (typeof parents === 'string' && parents.trim() !== '') minor = true;
  return { minor };
}

/** A regime offered in the step, with its place (recommended first). */
export interface RegimeOffer {
  id: ConsentRegime;
  recommended: boolean;
}

/**
 * The regimes offered: not covered by L1110-4 → only `accord-expres`; covered → the L1110-4 regimes, outside the team
 * first, and child protection for a minor only and never when the sheet excludes it (the DLU-Dom). The template's
 * `regimes.recommended` comes first, marked.
 */
export function regimesFor(t: Template, covered: 'oui' | 'non' | '' | undefined, ctx: PersonContext): RegimeOffer[] {
  if (covered !== 'oui' && covered !== 'non') return [];
  if (covered === 'non') return [{ id: 'accord-expres', recommended: false }];
  const excluded = t.regimes?.excluded ?? [];
  const ids = CONSENT_REGIMES.filter((r) => r !== 'accord-expres' && !excluded.includes(r) && (r !== 'protection-enfance' || ctx.minor));
  const rec = t.regimes?.recommended;
  const ordered = rec && (ids as readonly string[]).includes(rec) ? [rec as ConsentRegime, ...ids.filter((r) => r !== rec)] : ids;
  return ordered.map((id) => ({ id, recommended: id === rec }));
}

/** Protection measures (values of the sheets' `mesure_protection`). */
export type ProtectionMeasure = 'aucune' | 'sauvegarde' | 'curatelle' | 'tutelle' | 'habilitation-familiale' | 'mandat-protection-future';

/** Who may answer in the person's place. */
export interface Representation {
  /**
   * `never`: the person answers herself; `if-provided`: a protected adult's representative, only if the judge (or the
   * mandate) provided it (Code civil art. 459); `parents`: a minor's holders of parental authority (D1110-3-1: « la
   * personne et, le cas échéant, son représentant légal »), the minor's view sought according to maturity.
   */
  rule: 'never' | 'if-provided' | 'parents';
  /** Name of the role (« le tuteur »). */
  role?: string;
  /** Plain-French explanation shown to the professional. */
  explanation: string;
  /** The condition to confirm before the representative answers (protected adults). */
  condition?: string;
}

const INCAPABLE = 'L’état de la personne ne lui permet pas de prendre seule une décision personnelle éclairée';

/**
 * Art. 459 C. civ.: the protected person takes alone the decisions relating to her person as far as her state allows;
 * otherwise, after a tutelle or an habilitation familiale, the judge may AUTHORISE the person in charge to represent
 * her, only if assistance is not enough. Under curatelle the curateur assists, never represents; under sauvegarde de
 * justice the person keeps her capacity. A minor (`minor`): the holders of parental authority answer.
 */
export function representation(measure: unknown, ctx: Partial<PersonContext> = {}): Representation {
  if (ctx.minor) {
    return {
      rule: 'parents',
      role: 'le ou les titulaires de l’autorité parentale',
      explanation: 'Pour un mineur, les titulaires de l’autorité parentale répondent ; l’avis du mineur est recherché selon son âge et sa maturité (CSP D1110-3-1 : « la personne et, le cas échéant, son représentant légal »).',
    };
  }
  switch (measure) {
    case 'tutelle':
      return {
        rule: 'if-provided',
        role: 'le tuteur',
        explanation: 'En tutelle, la personne décide elle-même si son état le permet. Le tuteur ne répond à sa place que si le juge l’a autorisé à la représenter pour les décisions relatives à sa personne, l’assistance ne suffisant pas (Code civil, art. 459).',
        condition: `${INCAPABLE}, et le juge a autorisé le tuteur à la représenter pour les décisions relatives à sa personne.`,
      };
    case 'habilitation-familiale':
      return {
        rule: 'if-provided',
        role: 'la personne habilitée',
        explanation: 'Avec une habilitation familiale, la personne décide elle-même si son état le permet. La personne habilitée ne répond à sa place que si le juge l’a autorisée à la représenter pour les décisions relatives à sa personne (Code civil, art. 494-6 et 459).',
        condition: `${INCAPABLE}, et le juge a autorisé la personne habilitée à la représenter pour les décisions relatives à sa personne.`,
      };
    case 'mandat-protection-future':
      return {
        rule: 'if-provided',
        role: 'le mandataire',
        explanation: 'Avec un mandat de protection future, la personne décide elle-même si son état le permet. Le mandataire ne répond à sa place que si le mandat, mis en œuvre, prévoit cette représentation, dans le respect de l’art. 459 (Code civil, art. 479 ; étendue à vérifier).',
        condition: `${INCAPABLE}, et le mandat mis en œuvre prévoit la représentation pour les décisions relatives à sa personne.`,
      };
    case 'curatelle':
      return { rule: 'never', explanation: 'En curatelle, la personne répond elle-même ; le curateur peut l’assister, pas décider à sa place (Code civil, art. 459).' };
    case 'sauvegarde':
      return { rule: 'never', explanation: 'Sous sauvegarde de justice, la personne garde sa capacité : elle répond elle-même.' };
    default:
      return { rule: 'never', explanation: 'La personne répond elle-même.' };
  }
}

/** What the professional entered in the consent step. */
export interface ConsentInput {
  /** Sender and recipient are professionals of R1110-2 (`oui`), or not / not sure (`non`). */
  covered?: 'oui' | 'non' | '';
  regime?: ConsentRegime | '';
  recipient?: string;
  decision?: ConsentDecision | '';
  method?: ConsentMethod | '';
  /** Name and role of the professional who collected the answer. */
  collectedBy?: string;
  /** Who answered: the person, or her representative (only where the measure allows it, or the parents of a minor). */
  by?: 'personne' | 'representant' | '';
  representativeName?: string;
  /** The condition of art. 459 confirmed (the judge or the mandate provided the representation). */
  representativeConfirmed?: boolean;
  /** The protected person was informed herself, according to her capacities (C. civ. 457-1, D1110-3-1 1°). */
  protectedPersonInformed?: boolean;
  /** Child protection: why informing the parents would be contrary to the child's interest. */
  childInterestReason?: string;
  /** The child (or the minor whose parents answered) was informed too, according to age and maturity. */
  childInformed?: boolean;
  /** Information impossible (R1110-3 III): why, and who informs the person afterwards, when. */
  impossibleReason?: string;
  followUp?: string;
  /** A written copy of the information was given to the person. */
  copyGiven?: boolean;
  /** The recipient's own name (the structure entered in the sheet), recorded with the recipient kind. */
  recipientName?: string;
  /** SHA-256 (hex) of the information text shown (`informationDigest`). */
  textSha256?: string;
}

/**
 * The recorded answer, sent with the sheet. It is a `Consent` of the outbox (by, recipients, sections, textVersion,
 * at) plus the regime, the answer, how and by whom it was collected.
 */
export interface ConsentRecord {
  regime: ConsentRegime;
  legalBasis: string;
  decision: ConsentDecision;
  /**
   * Who answered: the person, or her representative (a minor's parents; in child protection the parents informed);
   * `aucun` when nobody was informed (information impossible, or parents not informed in the child's interest).
   */
  by: 'personne' | 'representant' | 'aucun';
  representative?: { role: string; name: string };
  /** The condition of art. 459 was confirmed by the professional. */
  representativeConfirmed?: boolean;
  protectedPersonInformed?: boolean;
  /** The person (a minor) lives under parental authority: the parents answered. */
  minor?: boolean;
  method: ConsentMethod;
  collectedBy: string;
  /** Recipient id and label. */
  recipientId: string;
  recipients: string[];
  /** Sections sent (only those the recipient needs). */
  sections: string[];
  /** Version of the information wording (INFORMATION_VERSION), not of the template. */
  textVersion: string;
  /** SHA-256 of the exact information text shown (it varies with regime, recipient, sections and the site's notice). */
  textSha256?: string;
  /** A written copy of the information was given. */
  copyGiven: boolean;
  /** Template id and version, for the reader. */
  template: string;
  templateVersion: string;
  childInterestReason?: string;
  childInformed?: boolean;
  impossibleReason?: string;
  followUp?: string;
  at: string;
  withdrawnAt?: string;
}

/** A problem in the consent step: the control's id and a French message. */
export interface ConsentError {
  field: 'covered' | 'regime' | 'recipient' | 'decision' | 'method' | 'collectedBy' | 'by' | 'representativeName' | 'representativeConfirmed' | 'protectedPersonInformed' | 'childInterestReason' | 'impossibleReason' | 'followUp';
  message: string;
}

const blank = (s: unknown) => typeof s !== 'string' || s.trim() === '';

/**
 * Checks the consent step; the errors follow the order of the step. `measure` is the sheet's `mesure_protection`,
 * `ctx` what the sheet says of the person (a minor).
 */
export function checkConsent(t: Template, input: ConsentInput, measure?: unknown, ctx: PersonContext = { minor: false }): ConsentError[] {
  const errors: ConsentError[] = [];
  if (input.covered !== 'oui' && input.covered !== 'non') errors.push({ field: 'covered', message: 'Indiquez si vous et le destinataire êtes des professionnels mentionnés à l’article R1110-2 du Code de la santé publique.' });
  const offered = regimesFor(t, input.covered, ctx).map((o) => o.id);
  const regime = input.regime && offered.includes(input.regime as ConsentRegime) ? REGIMES[input.regime as ConsentRegime] : undefined;
  if (!regime) {
    if (input.regime === 'protection-enfance' && offered.length) errors.push({ field: 'regime', message: t.regimes?.excluded?.includes('protection-enfance') ? (t.regimes.reason ?? 'Le cadre de la protection de l’enfance ne s’applique pas à cette fiche.') : 'Le cadre de la protection de l’enfance ne s’applique qu’à un mineur (CASF L226-2-2).' });
    else if (input.covered === 'non' && input.regime && input.regime !== 'accord-expres') errors.push({ field: 'regime', message: 'Hors des professionnels de l’article R1110-2, seul l’accord exprès de la personne permet l’envoi.' });
    else if (offered.length || !input.regime) errors.push({ field: 'regime', message: 'Indiquez dans quel cadre la fiche est transmise.' });
  }
  const recipients = recipientsOf(t);
  if (recipients.length > 1 && !recipients.some((r) => r.id === input.recipient)) errors.push({ field: 'recipient', message: 'Indiquez à qui la fiche est transmise.' });
  const impossible = input.decision === 'information-impossible';
  if (regime && regime.id !== 'protection-enfance' && !impossible) {
    const rep = representation(measure, ctx);
    if (input.by !== 'personne' && input.by !== 'representant') errors.push({ field: 'by', message: ctx.minor ? 'Indiquez qui a répondu : les titulaires de l’autorité parentale.' : 'Indiquez qui a répondu : la personne elle-même ou son représentant.' });
    else if (input.by === 'personne' && rep.rule === 'parents') errors.push({ field: 'by', message: `La personne est mineure : ${rep.explanation.charAt(0).toLowerCase()}${rep.explanation.slice(1)}` });
    else if (input.by === 'representant') {
      if (rep.rule === 'never') errors.push({ field: 'by', message: `Seule la personne peut répondre. ${rep.explanation}` });
      else {
        if (blank(input.representativeName)) errors.push({ field: 'representativeName', message: rep.rule === 'parents' ? 'Indiquez le nom du ou des titulaires de l’autorité parentale, par exemple Paul Martin.' : `Indiquez le nom de ${rep.role}, par exemple Paul Martin.` });
        if (rep.rule === 'if-provided') {
          if (!input.representativeConfirmed) errors.push({ field: 'representativeConfirmed', message: `Confirmez la condition du Code civil (art. 459) : ${rep.condition!.charAt(0).toLowerCase()}${rep.condition!.slice(1)}` });
          if (!input.protectedPersonInformed) errors.push({ field: 'protectedPersonInformed', message: 'Confirmez que la personne protégée a aussi été informée elle-même, selon ses capacités (Code civil, art. 457-1).' });
        }
      }
    }
  }
  if (!input.decision || !regime?.decisions.some((d) => d.value === input.decision)) {
    if (regime) errors.push({ field: 'decision', message: regime.asks === 'information' ? 'Indiquez si les parents ont été informés.' : 'Indiquez la réponse de la personne.' });
  } else if (input.decision === 'information-contraire-interet' && blank(input.childInterestReason)) {
    errors.push({ field: 'childInterestReason', message: 'Expliquez en quelques mots pourquoi informer les parents serait contraire à l’intérêt de l’enfant.' });
  } else if (impossible) {
    if (blank(input.impossibleReason)) errors.push({ field: 'impossibleReason', message: 'Expliquez pourquoi la personne ne peut pas être informée maintenant, par exemple : inconsciente à l’arrivée des secours.' });
    if (blank(input.followUp)) errors.push({ field: 'followUp', message: 'Indiquez qui informera la personne, et quand, par exemple : l’infirmière du SSIAD, à son retour.' });
  }
  if (input.method !== 'oral' && input.method !== 'ecrit') {
    errors.push({ field: 'method', message: regime?.asks === 'information' || impossible ? 'Indiquez comment l’information a été (ou sera) donnée : oralement ou par écrit.' : 'Indiquez comment la réponse a été recueillie : oralement ou par écrit.' });
  }
  if (blank(input.collectedBy)) errors.push({ field: 'collectedBy', message: 'Indiquez qui a recueilli la réponse (nom et fonction), par exemple Claire Petit, CESF.' });
  return errors;
}

/** Builds the record from a checked input (throws when `checkConsent` finds a problem). */
export function buildConsentRecord(t: Template, input: ConsentInput, measure?: unknown, now = new Date(), ctx: PersonContext = { minor: false }): ConsentRecord {
  const errors = checkConsent(t, input, measure, ctx);
  if (errors.length) throw new Error(errors.map((e) => e.message).join(' '));
  const regime = REGIMES[input.regime as ConsentRegime];
  const recipients = recipientsOf(t);
  const recipient = recipients.find((r) => r.id === input.recipient) ?? recipients[0]!;
  const child = regime.id === 'protection-enfance';
  const impossible = input.decision === 'information-impossible';
  const rep = representation(measure, ctx);
  const by: ConsentRecord['by'] = impossible || input.decision === 'information-contraire-interet' ? 'aucun' : child ? 'representant' : (input.by as 'personne' | 'representant');
  const record: ConsentRecord = {
    regime: regime.id,
    legalBasis: regime.legalBasis,
    decision: input.decision as ConsentDecision,
    by,
    method: input.method as ConsentMethod,
    collectedBy: input.collectedBy!.trim(),
    recipientId: recipient.id,
    recipients: [input.recipientName?.trim() ? input.recipientName.trim().slice(0, 200) : recipient.label],
    sections: [...recipient.sections],
    textVersion: INFORMATION_VERSION,
    copyGiven: Boolean(input.copyGiven),
    template: t.id,
    templateVersion: t.version,
    at: now.toISOString(),
  };
  if (typeof input.textSha256 === 'string' && /^[0-9a-f]{64}$/.test(input.textSha256)) record.textSha256 = input.textSha256;
  if (!child && !impossible && input.by === 'representant') {
    record.representative = { role: rep.role!, name: input.representativeName!.trim() };
    if (rep.rule === 'if-provided') {
      record.representativeConfirmed = true;
      record.protectedPersonInformed = true;
    }
  }
  if (ctx.minor && !child) {
    record.minor = true;
    record.childInformed = Boolean(input.childInformed);
  }
  if (impossible) {
    record.impossibleReason = input.impossibleReason!.trim();
    record.followUp = input.followUp!.trim();
  }
  if (child && input.decision === 'information-contraire-interet') record.childInterestReason = input.childInterestReason!.trim();
  if (child) record.childInformed = Boolean(input.childInformed);
  return record;
}

/** Whether a record allows the sheet to leave: its answer allows sending, and it was not withdrawn. */
export function mayShare(record: Pick<ConsentRecord, 'regime' | 'decision' | 'withdrawnAt'> | null | undefined): boolean {
  if (!record || record.withdrawnAt) return false;
  const regime = REGIMES[record.regime];
  return Boolean(regime?.decisions.some((d) => d.value === record.decision && d.sends));
}

/**
 * Checks a received record (for a receiver): French reasons, empty when it allows the sharing. A record without its
 * regime, method or author is refused; so is one whose author does not fit its answer.
 */
export function checkConsentRecord(raw: unknown): string[] {
  if (!raw || typeof raw !== 'object') return ['Le recueil de l’accord (ou de la non-opposition) est obligatoire.'];
  const r = raw as Partial<ConsentRecord>;
  const out: string[] = [];
  if (!r.regime || !CONSENT_REGIMES.includes(r.regime)) out.push('Cadre du partage manquant ou inconnu (hors équipe de soins, équipe de soins, échange, protection de l’enfance, accord exprès).');
  else if (!REGIMES[r.regime].decisions.some((d) => d.value === r.decision)) out.push('Réponse de la personne inconnue pour ce cadre.');
  else if (!mayShare(r as ConsentRecord)) out.push(r.withdrawnAt ? 'L’accord a été retiré.' : 'La personne s’est opposée au partage ou l’a refusé : la fiche ne peut pas être transmise.');
  else {
    const nobody = r.decision === 'information-impossible' || r.decision === 'information-contraire-interet';
    if (nobody ? r.by !== 'aucun' : r.by !== 'personne' && r.by !== 'representant') out.push('Auteur de la réponse incohérent avec la réponse enregistrée.');
    if (r.decision === 'information-impossible' && (blank(r.impossibleReason) || blank(r.followUp))) out.push('Information impossible : la raison et qui informera la personne sont obligatoires.');
  }
  if (r.method !== 'oral' && r.method !== 'ecrit') out.push('Mode de recueil manquant (oral ou écrit).');
  if (blank(r.collectedBy)) out.push('Nom du professionnel qui a recueilli la réponse manquant.');
  if (blank(r.textVersion)) out.push('Version du texte d’information manquante.');
  if (!Array.isArray(r.sections) || r.sections.length === 0) out.push('Parties transmises manquantes.');
  return out;
}

/**
 * What the site (the controller) must tell the person (RGPD art. 13; CSP D1110-3-1: the recipient and who there has
 * access, the measures taken), supplied by the host: the SDK cannot vouch for any of it. Without it, nothing is sent.
 */
export interface SharingNotice {
  /** The controller: the body that runs this form (« CCAS de Clamecy »). */
  controller: string;
  /** How to reach the controller to exercise one's rights (address, phone or e-mail). */
  contact: string;
  /** How to reach its data protection officer (DPO). */
  dpo: string;
  /** How long the receiving structure keeps the sheet (« 2 ans après la fin de l’accompagnement »). */
  retention: string;
  /** The structure that actually receives the sheet at the endpoint (« Département de la Nièvre, service APA »). */
  receiver: string;
  /** Who there has access to it (« les travailleurs sociaux et le médecin de l’équipe APA »). */
  access: string;
  /** How it is kept there (« chez un hébergeur certifié HDS »), optional: only what the host can vouch for. */
  hosting?: string;
}

/** The notice fields a site must give, in French, for the webmaster. */
const NOTICE_FIELDS: Array<[keyof SharingNotice, string]> = [
  ['controller', 'responsable du traitement (controller)'],
  ['contact', 'contact pour exercer ses droits (contact)'],
  ['dpo', 'délégué à la protection des données (dpo)'],
  ['retention', 'durée de conservation (retention)'],
  ['receiver', 'structure qui reçoit la fiche (receiver)'],
  ['access', 'qui y a accès dans cette structure (access)'],
];

/** What is missing from a site's notice: French, for the webmaster; empty when complete. */
export function checkNotice(notice: unknown): string[] {
  const n = (notice && typeof notice === 'object' ? notice : {}) as Record<string, unknown>;
  return NOTICE_FIELDS.filter(([k]) => blank(n[k])).map(([, label]) => label);
}

/** The French message shown when the site has not provided its notice: nothing is sent. */
export function noticeMissingMessage(missing: readonly string[]): string {
  return `Envoi impossible : ce site n’a pas fourni les mentions d’information obligatoires (${missing.join(', ')}). Webmestre : renseignez l’attribut ou la propriété « notice » de <relais-liaison-form> (voir la documentation). La fiche reste sur cet appareil.`;
}

/** One paragraph of the information text. */
export interface InformationPart {
  heading: string;
  text: string;
}

/** The information given to the person before the sharing (R1110-3, D1110-3-1, RGPD art. 13), in plain French, versioned. */
export interface Information {
  version: string;
  title: string;
  parts: InformationPart[];
}

/** Who gives the information, printed on the copy (date, professional, structure). */
export interface InformationContext {
  date?: Date;
  professional?: string;
  structure?: string;
}

/**
 * The information text: why, what is shared (the sections sent, and what stays out), to whom and who there has access,
 * how, who is responsible (controller, DPO, retention), and the person's rights under the regime, with who informs
 * her and when. The same text on the screen and on the printed copy; `notice` comes from the site.
 */
export function informationText(t: Template, regimeId: ConsentRegime, recipientId?: string, recipientName?: string, notice?: Partial<SharingNotice>, context: InformationContext = {}): Information {
  const regime = REGIMES[regimeId];
  const recipients = recipientsOf(t);
  const recipient: Recipient = recipients.find((r) => r.id === recipientId) ?? recipients[0]!;
  const sent = t.sections.filter((s) => recipient.sections.includes(s.id));
  const allowed = allowedFields(t, recipient.sections, recipient.audience);
  const local = t.sections.flatMap((s) => s.fields.filter((f) => f.deviceOnly).map((f) => f.label.toLowerCase()));
  const withheld = withheldFields(t, recipient.sections, recipient.audience).map((f) => f.label.toLowerCase());
  const notSent = t.sections.filter((s) => !recipient.sections.includes(s.id)).map((s) => s.title.toLowerCase());
  const name = recipientName?.trim().slice(0, 200);
  const to = !name ? recipient.label : !t.recipients ? name : `${name} (${recipient.label.charAt(0).toLowerCase()}${recipient.label.slice(1)})`;
  const others = [...notSent, ...withheld, ...local];
  const health = sent.some((s) => s.fields.some((f) => allowed.has(f.id) && (f.sensitivity === 'S2' || f.sensitivity === 'S3')));
  const n = notice ?? {};
  const rights: Record<RegimeDef['asks'], string> = {
    opposition: 'Vous pouvez vous opposer à ce partage, maintenant ou à tout moment : dites-le au professionnel qui vous accompagne. Si vous vous opposez maintenant, la fiche n’est pas envoyée. Une opposition vaut pour l’avenir : ce qui a déjà été envoyé ne peut pas être repris.',
    consentement: 'Rien n’est envoyé sans votre accord. Vous pouvez refuser, et retirer votre accord plus tard, à tout moment et par tout moyen : dites-le au professionnel qui vous accompagne ou à la structure qui a reçu la fiche. Un retrait vaut pour l’avenir : ce qui a déjà été envoyé ne peut pas être repris.',
    information: 'Les professionnels de la protection de l’enfance peuvent partager ces informations pour évaluer la situation de l’enfant et décider de sa protection. Les parents (ou le tuteur) en sont informés avant, sauf si c’est contraire à l’intérêt de l’enfant. L’enfant en est informé selon son âge et sa maturité.',
  };
  const why =
    regime.id === 'protection-enfance'
      ? `Pour évaluer la situation de l’enfant et mettre en œuvre les actions de protection et d’aide dont l’enfant et sa famille peuvent bénéficier. Seules les informations strictement nécessaires sont transmises. Cadre : ${regime.forPerson} (${regime.legalBasis}).`
      : `Pour que vous soyez aidé(e) sans avoir à tout raconter à nouveau. Seules les informations strictement nécessaires sont transmises. Cadre : ${regime.forPerson} (${regime.legalBasis}).`;
  const date = context.date ? formatDate(context.date, 'fr') : undefined;
  const who = [context.professional?.trim(), context.structure?.trim() || n.controller?.trim()].filter(Boolean).join(', ');
  const parts: InformationPart[] = [];
  if (date || who) parts.push({ heading: 'Qui vous informe', text: `${who || 'Le professionnel qui vous accompagne'}${date ? `, le ${date}` : ''}${n.contact?.trim() ? ` ; contact : ${n.contact.trim()}` : ''}.` });
  parts.push(
    { heading: 'Pourquoi', text: why },
    { heading: 'Ce qui est transmis', text: `${sent.map((s) => s.title).join(' ; ')}.${health ? ' Certaines de ces informations concernent votre santé.' : ''}` },
    { heading: 'Ce qui n’est pas transmis', text: others.length ? `${others.join(' ; ').replace(/^./, (c) => c.toUpperCase())} : ces informations ne sont pas transmises.` : 'Rien d’autre : la fiche ne contient que ces parties.' },
    { heading: 'À qui', text: `${to}.${n.receiver?.trim() ? ` La fiche est reçue par ${n.receiver.trim()}${n.access?.trim() ? ` ; y ont accès : ${n.access.trim()}` : ''}.` : ''}` },
    { heading: 'Comment', text: `La fiche est préparée et chiffrée sur cet appareil, puis envoyée par une connexion sécurisée${n.receiver?.trim() ? ` à ${n.receiver.trim()}` : ''}.${n.hosting?.trim() ? ` ${n.hosting.trim().replace(/[.]$/, '')}.` : ''}` },
    { heading: 'Responsable et conservation', text: n.controller?.trim() ? `Responsable du traitement : ${n.controller.trim()}${n.contact?.trim() ? ` (${n.contact.trim()})` : ''}. Délégué à la protection des données : ${n.dpo?.trim() ?? ''}. Durée de conservation : ${n.retention?.trim() ?? ''}.` : 'Le site n’a pas indiqué le responsable du traitement : la fiche ne peut pas être envoyée.' },
    { heading: 'Vos droits', text: `${rights[regime.asks]} Vous pouvez aussi demander à voir ces informations et à les faire corriger${n.contact?.trim() ? ` (${n.contact.trim()})` : ''}, et adresser une réclamation à la CNIL (www.cnil.fr).` },
  );
  return { version: INFORMATION_VERSION, title: 'Information avant le partage de vos informations', parts };
}

/** SHA-256 (hex) of the information text as shown (title, every part, version): recorded with the answer. */
export async function informationDigest(info: Information): Promise<string> {
  const text = [info.version, info.title, ...info.parts.map((p) => `${p.heading} : ${p.text}`)].join('\n');
  const buf = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(buf)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
