/**
 * The legal regime of a sharing, the information the person receives before it (CSP R1110-3), and the ONE
 * record of her answer (consent, no objection, objection, refusal, or — in child protection — the information of
 * the parents). Headless: the same rules in the browser, in Node and in a receiver.
 *
 * Sources: CSP L1110-4 (II échange, III partage dans / hors de l'équipe de soins, the right to object), L1110-12
 * (équipe de soins), R1110-1 to R1110-3 (décrets 2016-994 and 2016-1349), CASF L226-2-2 (protection de l'enfance),
 * Code civil art. 459 (decisions relating to the person of a protected adult). Read in
 * shared/research/liaison_pathway.md §2.1; what was not read on Légifrance is listed in `CONSENT_TO_VERIFY`.
 */
import { recipientsOf, type Template } from './template.js';

/**
 * The regimes: `echange` — exchange between identified professionals who all take part in the care (L1110-4 II);
 * `equipe-de-soins` — sharing within the équipe de soins (L1110-4 III al. 1, L1110-12); `hors-equipe` — sharing with
 * professionals outside the équipe de soins, prior consent (L1110-4 III al. 2); `protection-enfance` — sharing between
 * professionals of child protection, parents informed (CASF L226-2-2).
 */
export const CONSENT_REGIMES = ['echange', 'equipe-de-soins', 'hors-equipe', 'protection-enfance'] as const;
export type ConsentRegime = (typeof CONSENT_REGIMES)[number];

/** The one answer recorded. */
export const CONSENT_DECISIONS = ['pas-d-opposition', 'opposition', 'consentement', 'refus', 'parents-informes', 'information-contraire-interet'] as const;
export type ConsentDecision = (typeof CONSENT_DECISIONS)[number];

/** How the answer was collected (« par tout moyen, y compris sous forme dématérialisée »). */
export const CONSENT_METHODS = ['oral', 'ecrit'] as const;
export type ConsentMethod = (typeof CONSENT_METHODS)[number];

/** Version of the information text below (not of a sheet template): recorded with each answer. */
export const INFORMATION_VERSION = 'information-partage-2026-12';

/** What the research could not check on Légifrance (kept « à vérifier », as in the research). */
export const CONSENT_TO_VERIFY = [
  'CSP L1110-4 : numéro exact de l’alinéa sur le droit d’opposition (cité « IV » dans la recherche, non relu sur Légifrance).',
  'CSP R1110-3 : liste exacte des éléments de l’information préalable (catégories, destinataires, supports, sécurité) ; la copie écrite remise à la personne est une exigence du ticket 22, pas une citation relue.',
  'CSP L1110-12 : rédaction exacte des trois cas d’appartenance à l’équipe de soins.',
  'Code civil art. 494-6 (habilitation familiale) et 479 (mandat de protection future) : étendue exacte à la protection de la personne.',
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
  /** One sentence for the professional choosing the regime. */
  when: string;
  /** What is asked of the person: an objection may stop the sharing, a consent is needed, or the parents are informed. */
  asks: 'opposition' | 'consentement' | 'information';
  decisions: DecisionDef[];
}

/** The four regimes. */
export const REGIMES: Readonly<Record<ConsentRegime, RegimeDef>> = {
  echange: {
    id: 'echange',
    label: 'Échange entre professionnels identifiés qui suivent tous la personne',
    legalBasis: 'Code de la santé publique, art. L1110-4 II',
    when: 'Vous écrivez à un professionnel nommé qui participe déjà à la prise en charge de la personne.',
    asks: 'opposition',
    decisions: [
      { value: 'pas-d-opposition', label: 'La personne a été informée et ne s’oppose pas à l’échange', sends: true },
      { value: 'opposition', label: 'La personne s’oppose à l’échange', sends: false },
    ],
  },
  'equipe-de-soins': {
    id: 'equipe-de-soins',
    label: 'Partage au sein de l’équipe de soins',
    legalBasis: 'Code de la santé publique, art. L1110-4 III (1er alinéa) et L1110-12',
    when: 'Le destinataire fait partie de la même équipe de soins que vous (même structure, ou équipe reconnue par la personne).',
    asks: 'opposition',
    decisions: [
      { value: 'pas-d-opposition', label: 'La personne a été informée et ne s’oppose pas au partage', sends: true },
      { value: 'opposition', label: 'La personne s’oppose au partage', sends: false },
    ],
  },
  'hors-equipe': {
    id: 'hors-equipe',
    label: 'Partage avec une structure hors de l’équipe de soins',
    legalBasis: 'Code de la santé publique, art. L1110-4 III (2e alinéa) et R1110-3',
    when: 'Le destinataire ne fait pas partie de l’équipe de soins : l’accord préalable de la personne est nécessaire.',
    asks: 'consentement',
    decisions: [
      { value: 'consentement', label: 'La personne donne son accord au partage', sends: true },
      { value: 'refus', label: 'La personne refuse le partage', sends: false },
    ],
  },
  'protection-enfance': {
    id: 'protection-enfance',
    label: 'Protection de l’enfance',
    legalBasis: 'Code de l’action sociale et des familles, art. L226-2-2',
    when: 'Vous partagez avec des professionnels de la protection de l’enfance pour évaluer la situation d’un enfant ou mettre en œuvre sa protection.',
    asks: 'information',
    decisions: [
      { value: 'parents-informes', label: 'Les parents (ou le tuteur) ont été informés du partage', sends: true },
      { value: 'information-contraire-interet', label: 'Les parents n’ont pas été informés : ce serait contraire à l’intérêt de l’enfant', sends: true },
    ],
  },
};

/** Protection measures (values of the sheets' `mesure_protection`). */
export type ProtectionMeasure = 'aucune' | 'sauvegarde' | 'curatelle' | 'tutelle' | 'habilitation-familiale' | 'mandat-protection-future';

/** Who may answer in the person's place, under Code civil art. 459. */
export interface Representation {
  /** `never`: the person answers herself; `if-provided`: only if the judgment (or the mandate) provides it. */
  rule: 'never' | 'if-provided';
  /** Name of the role (« le tuteur »). */
  role?: string;
  /** Plain-French explanation shown to the professional. */
  explanation: string;
  /** The condition to confirm before the representative answers. */
  condition?: string;
}

/**
 * Art. 459 C. civ.: the protected person takes alone the decisions relating to her person as far as her state
 * allows; otherwise the judge (or the mandate) may provide that the person in charge assists or represents her.
 * Under curatelle the curateur assists, never represents; under sauvegarde de justice the person keeps her capacity.
 */
export function representation(measure: unknown): Representation {
  switch (measure) {
    case 'tutelle':
      return {
        rule: 'if-provided',
        role: 'le tuteur',
        explanation: 'En tutelle, la personne décide elle-même si son état le permet. Le tuteur ne répond à sa place que si le juge l’a prévu pour les décisions relatives à sa personne (Code civil, art. 459).',
        condition: 'La personne ne peut pas exprimer sa volonté, et le jugement prévoit que le tuteur la représente pour les décisions relatives à sa personne.',
      };
    case 'habilitation-familiale':
      return {
        rule: 'if-provided',
        role: 'la personne habilitée',
        explanation: 'Avec une habilitation familiale, la personne décide elle-même si son état le permet. La personne habilitée ne répond à sa place que si le jugement d’habilitation porte sur la protection de la personne (Code civil, art. 494-6 et 459).',
        condition: 'La personne ne peut pas exprimer sa volonté, et le jugement d’habilitation porte sur la protection de sa personne.',
      };
    case 'mandat-protection-future':
      return {
        rule: 'if-provided',
        role: 'le mandataire',
        explanation: 'Avec un mandat de protection future, la personne décide elle-même si son état le permet. Le mandataire ne répond à sa place que si le mandat, mis en œuvre, s’étend à la protection de la personne (Code civil, art. 479 et 459).',
        condition: 'La personne ne peut pas exprimer sa volonté, et le mandat mis en œuvre s’étend à la protection de sa personne.',
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
  regime?: ConsentRegime | '';
  recipient?: string;
  decision?: ConsentDecision | '';
  method?: ConsentMethod | '';
  /** Name and role of the professional who collected the answer. */
  collectedBy?: string;
  /** Who answered: the person, or her representative (only where the measure allows it). */
  by?: 'personne' | 'representant' | '';
  representativeName?: string;
  /** The condition of art. 459 confirmed (the judgment or mandate provides the representation). */
  representativeConfirmed?: boolean;
  /** Child protection: why informing the parents would be contrary to the child's interest. */
  childInterestReason?: string;
  /** Child protection: the child was informed too, according to age and maturity. */
  childInformed?: boolean;
  /** The recipient's own name (the structure entered in the sheet), recorded with the recipient kind. */
  recipientName?: string;
}

/**
 * The recorded answer, sent with the sheet. It is a `Consent` of the outbox (by, recipients, sections, textVersion,
 * at) plus the regime, the answer, how and by whom it was collected.
 */
export interface ConsentRecord {
  regime: ConsentRegime;
  legalBasis: string;
  decision: ConsentDecision;
  /** Who answered: the person, or her representative (for child protection: the parents informed, `representant`). */
  by: 'personne' | 'representant';
  representative?: { role: string; name: string };
  method: ConsentMethod;
  collectedBy: string;
  /** Recipient id and label. */
  recipientId: string;
  recipients: string[];
  /** Sections sent (only those the recipient needs). */
  sections: string[];
  /** Version of the information text shown (INFORMATION_VERSION), not of the template. */
  textVersion: string;
  /** Template id and version, for the reader. */
  template: string;
  templateVersion: string;
  childInterestReason?: string;
  childInformed?: boolean;
  at: string;
  withdrawnAt?: string;
}

/** A problem in the consent step: the control's id and a French message. */
export interface ConsentError {
  field: 'regime' | 'recipient' | 'decision' | 'method' | 'collectedBy' | 'by' | 'representativeName' | 'representativeConfirmed' | 'childInterestReason';
  message: string;
}

const blank = (s: unknown) => typeof s !== 'string' || s.trim() === '';

/** Checks the consent step; the errors follow the order of the step. `measure` is the sheet's `mesure_protection`. */
export function checkConsent(t: Template, input: ConsentInput, measure?: unknown): ConsentError[] {
  const errors: ConsentError[] = [];
  const regime = input.regime && CONSENT_REGIMES.includes(input.regime) ? REGIMES[input.regime] : undefined;
  if (!regime) errors.push({ field: 'regime', message: 'Indiquez dans quel cadre la fiche est transmise.' });
  const recipients = recipientsOf(t);
  if (recipients.length > 1 && !recipients.some((r) => r.id === input.recipient)) errors.push({ field: 'recipient', message: 'Indiquez à qui la fiche est transmise.' });
  if (regime && regime.id !== 'protection-enfance') {
    const rep = representation(measure);
    if (input.by !== 'personne' && input.by !== 'representant') errors.push({ field: 'by', message: 'Indiquez qui a répondu : la personne elle-même ou son représentant.' });
    else if (input.by === 'representant') {
      if (rep.rule === 'never') errors.push({ field: 'by', message: `Seule la personne peut répondre. ${rep.explanation}` });
      else {
        if (blank(input.representativeName)) errors.push({ field: 'representativeName', message: `Indiquez le nom de ${rep.role}, par exemple Paul Martin.` });
        if (!input.representativeConfirmed) errors.push({ field: 'representativeConfirmed', message: `Confirmez la condition du Code civil (art. 459) : ${rep.condition!.charAt(0).toLowerCase()}${rep.condition!.slice(1)}` });
      }
    }
  }
  if (!input.decision || !regime?.decisions.some((d) => d.value === input.decision)) {
    if (regime) errors.push({ field: 'decision', message: regime.asks === 'information' ? 'Indiquez si les parents ont été informés.' : 'Indiquez la réponse de la personne.' });
  } else if (input.decision === 'information-contraire-interet' && blank(input.childInterestReason)) {
    errors.push({ field: 'childInterestReason', message: 'Expliquez en quelques mots pourquoi informer les parents serait contraire à l’intérêt de l’enfant.' });
  }
  if (input.method !== 'oral' && input.method !== 'ecrit') errors.push({ field: 'method', message: regime?.asks === 'information' ? 'Indiquez comment l’information a été donnée : oralement ou par écrit.' : 'Indiquez comment la réponse a été recueillie : oralement ou par écrit.' });
  if (blank(input.collectedBy)) errors.push({ field: 'collectedBy', message: 'Indiquez qui a recueilli la réponse (nom et fonction), par exemple Claire Petit, CESF.' });
  return errors;
}

/** Builds the record from a checked input (throws when `checkConsent` finds a problem). */
export function buildConsentRecord(t: Template, input: ConsentInput, measure?: unknown, now = new Date()): ConsentRecord {
  const errors = checkConsent(t, input, measure);
  if (errors.length) throw new Error(errors.map((e) => e.message).join(' '));
  const regime = REGIMES[input.regime as ConsentRegime];
  const recipients = recipientsOf(t);
  const recipient = recipients.find((r) => r.id === input.recipient) ?? recipients[0]!;
  const child = regime.id === 'protection-enfance';
  const rep = representation(measure);
  const record: ConsentRecord = {
    regime: regime.id,
    legalBasis: regime.legalBasis,
    decision: input.decision as ConsentDecision,
    by: child ? 'representant' : (input.by as 'personne' | 'representant'),
    method: input.method as ConsentMethod,
    collectedBy: input.collectedBy!.trim(),
    recipientId: recipient.id,
    recipients: [input.recipientName?.trim() ? input.recipientName.trim().slice(0, 200) : recipient.label],
    sections: [...recipient.sections],
    textVersion: INFORMATION_VERSION,
    template: t.id,
    templateVersion: t.version,
    at: now.toISOString(),
  };
  if (!child && input.by === 'representant') record.representative = { role: rep.role!, name: input.representativeName!.trim() };
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

/** Checks a received record (for a receiver): French reasons, empty when it allows the sharing. */
export function checkConsentRecord(raw: unknown): string[] {
  if (!raw || typeof raw !== 'object') return ['Le recueil de l’accord (ou de la non-opposition) est obligatoire.'];
  const r = raw as Partial<ConsentRecord>;
  const out: string[] = [];
  if (!r.regime || !CONSENT_REGIMES.includes(r.regime)) out.push('Cadre du partage inconnu (échange, équipe de soins, hors équipe, protection de l’enfance).');
  else if (!REGIMES[r.regime].decisions.some((d) => d.value === r.decision)) out.push('Réponse de la personne inconnue pour ce cadre.');
  else if (!mayShare(r as ConsentRecord)) out.push(r.withdrawnAt ? 'L’accord a été retiré.' : 'La personne s’est opposée au partage ou l’a refusé : la fiche ne peut pas être transmise.');
  if (r.method !== 'oral' && r.method !== 'ecrit') out.push('Mode de recueil manquant (oral ou écrit).');
  if (blank(r.collectedBy)) out.push('Nom du professionnel qui a recueilli la réponse manquant.');
  if (blank(r.textVersion)) out.push('Version du texte d’information manquante.');
  if (!Array.isArray(r.sections) || r.sections.length === 0) out.push('Parties transmises manquantes.');
  return out;
}

/** One paragraph of the information text. */
export interface InformationPart {
  heading: string;
  text: string;
}

/** The information given to the person before the sharing (R1110-3), in plain French, versioned. */
export interface Information {
  version: string;
  title: string;
  parts: InformationPart[];
}

/**
 * The information text: what is shared (the categories = the sections sent), with whom, on which supports and with
 * which security, and the person's rights under the regime. It is the same text on the screen and on the printed copy.
 */
export function informationText(t: Template, regimeId: ConsentRegime, recipientId?: string, recipientName?: string): Information {
  const regime = REGIMES[regimeId];
  const recipients = recipientsOf(t);
  const recipient = recipients.find((r) => r.id === recipientId) ?? recipients[0]!;
  const sent = t.sections.filter((s) => recipient.sections.includes(s.id));
  const local = t.sections.flatMap((s) => s.fields.filter((f) => f.deviceOnly).map((f) => f.label.toLowerCase()));
  const notSent = t.sections.filter((s) => !recipient.sections.includes(s.id)).map((s) => s.title.toLowerCase());
  const name = recipientName?.trim().slice(0, 200);
  const to = !name ? recipient.label : !t.recipients ? name : `${name} (${recipient.label.charAt(0).toLowerCase()}${recipient.label.slice(1)})`;
  const others = [...notSent, ...local];
  const health = sent.some((s) => s.fields.some((f) => f.sensitivity === 'S2' || f.sensitivity === 'S3'));
  const rights: Record<RegimeDef['asks'], string> = {
    opposition: 'Vous pouvez vous opposer à ce partage, maintenant ou plus tard : dites-le au professionnel qui vous accompagne. Si vous vous opposez maintenant, la fiche n’est pas envoyée.',
    consentement: 'Rien n’est envoyé sans votre accord. Vous pouvez refuser, et retirer votre accord plus tard, à tout moment et par tout moyen : dites-le au professionnel qui vous accompagne ou à la structure qui a reçu la fiche.',
    information: 'Les professionnels de la protection de l’enfance peuvent partager ces informations pour évaluer la situation de l’enfant et décider de sa protection. Les parents (ou le tuteur) en sont informés avant, sauf si c’est contraire à l’intérêt de l’enfant. L’enfant en est informé selon son âge et sa maturité.',
  };
  return {
    version: INFORMATION_VERSION,
    title: 'Information avant le partage de vos informations',
    parts: [
      { heading: 'Pourquoi', text: `Pour que vous soyez aidé(e) sans avoir à tout raconter à nouveau. Seules les informations strictement nécessaires sont transmises. Cadre : ${regime.label.toLowerCase()} (${regime.legalBasis}).` },
      { heading: 'Ce qui est transmis', text: `${sent.map((s) => s.title).join(' ; ')}.${health ? ' Certaines de ces informations concernent votre santé.' : ''}` },
      { heading: 'Ce qui n’est pas transmis', text: others.length ? `${others.join(' ; ').replace(/^./, (c) => c.toUpperCase())} : ces informations restent sur cet appareil.` : 'Rien d’autre : la fiche ne contient que ces parties.' },
      { heading: 'À qui', text: `${to}. Seuls les professionnels qui participent à votre prise en charge peuvent y accéder.` },
      { heading: 'Comment', text: 'La fiche est préparée sur cet appareil, où elle reste chiffrée, puis envoyée par une connexion sécurisée au service de la structure, qui doit la conserver chez un hébergeur certifié pour les données de santé (HDS).' },
      { heading: 'Vos droits', text: `${rights[regime.asks]} Vous pouvez aussi demander à voir ces informations et à les faire corriger.` },
    ],
  };
}
