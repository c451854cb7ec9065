/**
 * The national catalogue, written from shared/research/eligibility_rules_facts.md (OpenFisca-France
 * parameters, aides-jeunes, Légifrance references). Values marked there as uncertain keep
 * `toVerify: true` and are shown as such. Plain data: `npm run data:eligibility` writes it as JSON.
 */
import type { BenefitCatalogue, Condition, Leaf } from './catalogue.js';

type Name = { the: string; of: string };

const fact = (factId: string, op: Leaf['op'], value: Leaf['value'], need: string, legal: string, extra: Partial<Leaf> = {}): Leaf => ({ fact: factId, op, value, need, legal, kind: 'fact', ...extra });

const residence = (legal: string): Leaf => fact('demandeur.residence_stable_france', 'eq', true, 'de vivre en France de façon stable et régulière', legal);
const ageMin = (n: number, legal: string, extra: Partial<Leaf> = {}): Leaf => ({ fact: 'demandeur.age', op: 'gte', value: n, kind: 'age-min', legal, ...extra });
const ageMax = (n: number, legal: string, extra: Partial<Leaf> = {}): Leaf => ({ fact: 'demandeur.age', op: 'lt', value: n, kind: 'age-max', legal, ...extra });
const gir = (levels: number[], legal: string, extra: Partial<Leaf> = {}): Leaf =>
  fact('demandeur.gir', 'in', levels, `un GIR ${levels.slice(0, -1).join(', ')}${levels.length > 1 ? ` ou ${levels[levels.length - 1]}` : levels[0]}`, legal, extra);
const TAUX_LABEL: Record<string, string> = { 'moins-50': 'moins de 50 %', '50-79': 'de 50 à 79 %', '80-plus': 'de 80 % ou plus' };
const taux = (values: string[], legal: string, extra: Partial<Leaf> = {}): Leaf =>
  fact('demandeur.taux_incapacite', 'in', values, `un taux d’incapacité ${values.map((v) => TAUX_LABEL[v]).join(' ou ')}`.replace('de 50 à 79 % ou de 80 % ou plus', 'd’au moins 50 %') + ' fixé par la MDPH', legal, extra);
const inapte = (legal: string): Leaf => fact('demandeur.inapte_travail', 'eq', true, 'une inaptitude au travail reconnue', legal);
const carer = (legal: string, ifNot: string, unknown: string): Leaf => fact('aidant.est_aidant', 'eq', true, 'que l’aidant de la personne en fasse la demande', legal, { ifNot, say: { unknown } });
const carerWorks = (legal: string): Leaf => fact('aidant.activite_professionnelle', 'eq', true, 'que l’aidant travaille (salarié, indépendant ou agent public) ou soit au chômage indemnisé, et réduise ou arrête son activité', legal);
/** The helped person's pension with constant attendance (MTP) or work-accident PCRTP (CT D3142-8, décret 2022-1037). */
const tiercePersonne = (legal: string): Leaf => fact('demandeur.tierce_personne', 'in', ['invalidite-3', 'pcrtp'], 'que la personne aidée reçoive une pension d’invalidité avec majoration pour tierce personne, ou une rente avec PCRTP', legal);
/** CASF L241-1: the elderly aide-sociale chapter (home help, placement) is open to people with a disability, at any age. */
const disabilityRoute = (legal: string): Leaf[] => [
  taux(['80-plus'], legal),
  taux(['50-79'], legal, { exception: `Entre 50 et 79 %, l’aide sociale est ouverte si la CDAPH a reconnu que le handicap empêche de se procurer un emploi (RSDAE, ou orientation vers un établissement) : à vérifier avec le conseil départemental (${legal}).` }),
];
const AT_HOME = ['domicile', 'residence-autonomie', 'accueil-familial'];
/**
 * An age threshold that opens one route among several (« dès 62 ans en cas d’inaptitude… »): its sentences name the
 * route, so that shown alone they never read as the benefit's only age.
 */
const ageRoute = (kind: 'age-min' | 'age-max', n: number, legal: string, the: string, say: { met: string; not_met: string; unknown: string }): Leaf => ({
  ...(kind === 'age-min' ? ageMin(n, legal) : ageMax(n, legal)),
  say: { met: `${say.met} (${legal}).`, not_met: `${say.not_met} (${legal}).`, unknown: `${say.unknown[0]!.toUpperCase()}${say.unknown.slice(1)} : l’âge de la personne n’est pas indiqué (${legal}).` },
  need: the,
});

const MDPH = { where: 'Maison départementale des personnes handicapées (MDPH) ; le CCAS ou France Services peuvent aider à remplir le dossier', kind: 'mdph-mda', form: 'cerfa 15692 (demande) et cerfa 15695 (certificat médical)', documents: ['Formulaire cerfa 15692', 'Certificat médical cerfa 15695 de moins d’un an', 'Justificatif d’identité', 'Justificatif de domicile'] };

const OF = 'OpenFisca-France (openfisca_france/parameters)';
const CIRC = (what: string) => `${what} ; eligibility_rules_facts.md, section 17`;
const N = (the: string, of: string): Name => ({ the, of });
/** ASH and aide-ménagère: 65, or 60 for a person unfit for work (CASF L113-1); a disability opens them at any age (L241-1). */
const elderlyAge = (the: string): Condition[] => [
  ageMin(65, 'CASF L113-1', {
    say: {
      not_met: `La personne a {value} ans ; sans inaptitude au travail ni handicap, ${the} n’est possible qu’à partir de 65 ans (CASF L113-1).`,
      unknown: `${the[0]!.toUpperCase()}${the.slice(1)} est possible à partir de 65 ans, plus tôt en cas d’inaptitude au travail ou de handicap : l’âge de la personne n’est pas indiqué (CASF L113-1).`,
    },
  }),
  { all: [ageRoute('age-min', 60, 'CASF L113-1', the, { met: `La personne a {value} ans ; dès 60 ans, ${the} est ouverte à une personne reconnue inapte au travail`, not_met: `La personne a {value} ans ; la voie de l’inaptitude au travail ne s’ouvre qu’à 60 ans`, unknown: `dès 60 ans, ${the} est ouverte à une personne reconnue inapte au travail` }), inapte('CASF L113-1')] },
];
const PCH_AFTER_60 = {
  met: 'La personne a {value} ans : après 60 ans, la PCH reste possible si les critères étaient remplis avant 60 ans ou si elle travaille encore (CASF L245-1 II, D245-3).',
  not_met: 'La personne a {value} ans : les règles propres aux plus de 60 ans ne la concernent pas (CASF L245-1 II, D245-3).',
  unknown: 'Après 60 ans, la PCH reste possible si les critères étaient remplis avant 60 ans ou si la personne travaille encore : l’âge n’est pas indiqué (CASF L245-1 II, D245-3).',
};
const PCH_20_60 = (legal: string) => ({
  met: `La personne a {value} ans : la PCH est ouverte de 20 à 60 ans (${legal}).`,
  not_met: `La personne a {value} ans : les règles des 20 à 60 ans ne la concernent pas (${legal}).`,
  unknown: `La PCH est ouverte de 20 à 60 ans : l’âge de la personne n’est pas indiqué (${legal}).`,
});

/** The national catalogue (`nationalCatalogue`). */
export const nationalCatalogue: BenefitCatalogue = {
  id: 'national',
  label: 'Aides et droits nationaux',
  publisher: 'Relais, d’après OpenFisca-France, aides-jeunes et Légifrance',
  parameters: {
    mtp: { label: 'Majoration pour tierce personne (MTP)', unit: '€/mois', revaluation: 'annual-04-01', source: `${OF} : perte_autonomie_personnes_agees/mtp.yaml ; pas de valeur au 1er avril 2026 trouvée`, values: [{ value: 1210.9, since: '2023-04-01', legal: 'Circulaire Cnav' }, { value: 1266.57, since: '2024-04-01', legal: 'Circulaire Cnav' }, { value: 1288.13, since: '2025-04-01', legal: 'Circulaire Cnav 2025/12' }] },
    apa_plafond_gir1: { label: 'Plafond du plan d’aide APA, GIR 1 (1,615 × MTP)', unit: '€/mois', revaluation: 'annual-01-01', source: CIRC('CASF R232-10, revalorisé chaque 1er janvier'), values: [{ value: 2045.56, since: '2025-01-01', legal: 'CASF R232-10' }, { value: 2080.33, since: '2026-01-01', legal: 'CASF R232-10' }] },
    apa_plafond_gir2: { label: 'Plafond du plan d’aide APA, GIR 2 (1,306 × MTP)', unit: '€/mois', revaluation: 'annual-01-01', source: CIRC('CASF R232-10, revalorisé chaque 1er janvier'), values: [{ value: 1654.18, since: '2025-01-01', legal: 'CASF R232-10' }, { value: 1682.3, since: '2026-01-01', legal: 'CASF R232-10' }] },
    apa_plafond_gir3: { label: 'Plafond du plan d’aide APA, GIR 3 (0,944 × MTP)', unit: '€/mois', revaluation: 'annual-01-01', source: CIRC('CASF R232-10, revalorisé chaque 1er janvier'), values: [{ value: 1195.67, since: '2025-01-01', legal: 'CASF R232-10' }, { value: 1215.99, since: '2026-01-01', legal: 'CASF R232-10' }] },
    apa_plafond_gir4: { label: 'Plafond du plan d’aide APA, GIR 4 (0,630 × MTP)', unit: '€/mois', revaluation: 'annual-01-01', source: CIRC('CASF R232-10, revalorisé chaque 1er janvier'), values: [{ value: 797.96, since: '2025-01-01', legal: 'CASF R232-10' }, { value: 811.52, since: '2026-01-01', legal: 'CASF R232-10' }] },
    aah_montant: { label: 'Montant maximal de l’AAH', unit: '€/mois', revaluation: 'annual-04-01', source: `${OF} : invalidite/aah/montant.yaml, qui cite le décret n° 2026-229 du 30 mars 2026 (1 041,59 €) ; la presse donnait 1 042,62 € : le décret l’emporte, texte non lu (à confirmer)`, values: [{ value: 1033.32, since: '2025-04-01', legal: 'CSS L821-3' }, { value: 1041.59, since: '2026-04-01', legal: 'CSS L821-3, D821-3 ; décret n° 2026-229', toVerify: true }] },
    aspa_seul: { label: 'ASPA, plafond et montant maximal, personne seule', unit: '€/mois', revaluation: 'annual-01-01', source: `${OF} : minimum_vieillesse/aspa ; 2025 : montant publié`, values: [{ value: 1034.28, since: '2025-01-01', legal: 'CSS D815-1' }, { value: 1043.6, since: '2026-01-01', legal: 'Circulaire Cnav 2025-29' }] },
    aspa_couple: { label: 'ASPA, plafond et montant maximal, couple', unit: '€/mois', revaluation: 'annual-01-01', source: `${OF} : minimum_vieillesse/aspa ; 2025 : montant publié`, values: [{ value: 1605.73, since: '2025-01-01', legal: 'CSS D815-1' }, { value: 1620.18, since: '2026-01-01', legal: 'Circulaire Cnav 2025-29' }] },
    aeeh_base: { label: 'AEEH de base (32 % de la BMAF)', unit: '€/mois', revaluation: 'annual-04-01', source: `${OF} : prestations_familiales/aeeh ; 2026 : 153,01 € (OpenFisca, BMAF du 1er avril 2026) ; la presse donnait 153,16 € : texte non lu, à confirmer`, values: [{ value: 151.8, since: '2025-04-01', legal: 'CSS D541-1' }, { value: 153.01, since: '2026-04-01', legal: 'CSS D541-1', toVerify: true }] },
    aeeh_complement_6: { label: 'Complément d’AEEH de 6e catégorie (= MTP)', unit: '€/mois', revaluation: 'annual-04-01', source: 'CSS D541-2 : égal à la MTP, qui n’a pas de valeur au 1er avril 2026 dans les sources', values: [{ value: 1288.13, since: '2025-04-01', legal: 'CSS D541-2' }] },
    ajpa_jour: { label: 'Allocation journalière du proche aidant', unit: '€/jour', revaluation: 'smic', revaluedOn: ['2026-06-01'], source: 'CSS D168-11 : indexée sur le SMIC (7 × SMIC horaire net) ; le SMIC a été relevé le 1er juin 2026 (arrêté du 22 mai 2026), valeur de l’AJPA à cette date non trouvée ; sources secondaires (ash.tm.fr ; section 17 pour 2026)', values: [{ value: 65.8, since: '2025-01-01', legal: 'CSS D168-11', toVerify: true }, { value: 66.64, since: '2026-01-01', legal: 'CSS D168-11', toVerify: true }] },
    ash_minimum_laisse: { label: 'Minimum laissé chaque mois à la personne hébergée (1 % du montant annuel de l’ASPA)', unit: '€/mois', revaluation: 'annual-01-01', source: 'CASF R231-6 (numéro d’article à vérifier) ; 1 % de 12 × ASPA personne seule', values: [{ value: 124.11, since: '2025-01-01', legal: 'CASF R231-6', toVerify: true }, { value: 125.23, since: '2026-01-01', legal: 'CASF R231-6', toVerify: true }] },
  },
  benefits: [
    {
      id: 'apa-domicile',
      label: 'Allocation personnalisée d’autonomie (APA) à domicile',
      name: N('l’APA à domicile', 'de l’APA à domicile'),
      falc: 'Une aide pour payer l’aide à la maison',
      conditions: {
        all: [
          ageMin(60, 'CASF L232-2, R232-1'),
          fact('demandeur.lieu_de_vie', 'in', AT_HOME, 'de vivre chez soi, chez un proche, en résidence autonomie ou en accueil familial', 'CASF L232-3, L232-5', { say: { not_met: 'L’APA à domicile concerne les personnes qui vivent chez elles, chez un proche, en résidence autonomie ou en accueil familial ; en EHPAD, voir l’APA en établissement (CASF L232-3, L232-5).' } }),
          gir([1, 2, 3, 4], 'CASF R232-4'),
          residence('CASF L232-2'),
        ],
      },
      evaluation: { by: 'l’équipe médico-sociale du département', what: 'évalue le GIR à domicile et propose un plan d’aide' },
      toCheck: ['Ne pas recevoir une aide qui ne se cumule pas avec l’APA (PCH choisie avant 60 ans, ACTP, MTP, aide-ménagère de la caisse de retraite).'],
      exceptions: ['Le GIR est fixé par l’équipe médico-sociale du département, pas par ce questionnaire : une personne en GIR 5 ou 6 peut demander l’aide de sa caisse de retraite avec le même formulaire.'],
      amount: { type: 'range-by', fact: 'demandeur.gir', params: { '1': 'apa_plafond_gir1', '2': 'apa_plafond_gir2', '3': 'apa_plafond_gir3', '4': 'apa_plafond_gir4' }, per: 'mois', note: 'Aucune participation sous {0} de ressources par mois ; au plus 90 % au-delà de {1} (CASF R232-11).', noteParams: [{ param: 'mtp', factor: 0.725 }, { param: 'mtp', factor: 2.67 }] },
      nextSteps: { where: 'Conseil départemental (service autonomie) ; le CCAS ou le CLIC aident à remplir le dossier', kind: 'conseil-departemental', form: 'cerfa 16301 (demande d’aides à l’autonomie à domicile)', documents: ['Formulaire cerfa 16301', 'Justificatif d’identité', 'Dernier avis d’imposition', 'Relevé d’identité bancaire'] },
      sources: ['CASF L232-1 à L232-7, R232-1, R232-4, R232-10, R232-11, D232-31', 'OpenFisca-France : perte_autonomie_personnes_agees/apa_domicile'],
    },
    {
      id: 'apa-etablissement',
      label: 'APA en établissement',
      name: N('l’APA en établissement', 'de l’APA en établissement'),
      falc: 'Une aide pour payer la dépendance en maison de retraite',
      conditions: { all: [ageMin(60, 'CASF R232-1'), fact('demandeur.lieu_de_vie', 'eq', 'etablissement', 'de vivre en établissement (EHPAD ou USLD)', 'CASF L232-8', { say: { not_met: 'L’APA en établissement concerne les résidents d’EHPAD ou d’USLD ; chez soi, en résidence autonomie ou en accueil familial, voir l’APA à domicile (CASF L232-8, L232-5).' } }), gir([1, 2, 3, 4], 'CASF R232-4')] },
      evaluation: { by: 'le médecin coordonnateur de l’établissement et le département', what: 'évaluent le GIR' },
      toCheck: ['L’établissement est un EHPAD ou une USLD tarifé par GIR.', 'Dans beaucoup de départements l’APA est versée directement à l’EHPAD (dotation globale) : il n’y a alors rien à demander.'],
      nextSteps: { where: 'L’établissement ou le conseil départemental', kind: 'conseil-departemental', form: 'Modèle de demande de l’annexe 2-3 du CASF' },
      sources: ['CASF L232-8 à L232-11, R232-1, R232-4, R232-19 et suivants'],
    },
    {
      id: 'pch',
      label: 'Prestation de compensation du handicap (PCH)',
      name: N('la PCH', 'de la PCH'),
      falc: 'Une aide pour payer ce dont on a besoin à cause du handicap',
      conditions: {
        all: [
          fact('demandeur.difficultes_activites', 'in', ['une-absolue', 'deux-graves'], 'une difficulté absolue ou deux difficultés graves pour les gestes essentiels', 'CASF D245-4, annexe 2-5'),
          {
            any: [
              { all: [ageMax(20, 'CASF L245-1 III, D245-3', { say: { met: 'La personne a {value} ans : avant 20 ans, la PCH demande que l’enfant ouvre droit à un complément d’AEEH (CASF L245-1 III, D245-3).', not_met: 'La personne a {value} ans : les règles des moins de 20 ans ne la concernent pas (CASF L245-1 III, D245-3).', unknown: 'Avant 20 ans, la PCH demande que l’enfant ouvre droit à un complément d’AEEH : l’âge n’est pas indiqué (CASF L245-1 III, D245-3).' } }), fact('demandeur.aeeh_complement', 'eq', true, 'que l’enfant ouvre droit à un complément d’AEEH', 'CASF L245-1 III, CSS L541-1')] },
              { all: [ageMin(20, 'CASF L245-1 I, D245-3', { say: PCH_20_60('CASF L245-1 I, D245-3') }), ageMax(60, 'CASF L245-1 I, D245-3', { say: PCH_20_60('CASF L245-1 I, D245-3') })] },
              { all: [ageMin(60, 'CASF L245-1 II, D245-3', { say: PCH_AFTER_60 }), fact('demandeur.criteres_pch_avant_60_ans', 'eq', true, 'que les critères aient été remplis avant 60 ans', 'CASF L245-1 II 1°', { say: { not_met: 'Avant 60 ans, les difficultés n’atteignaient pas encore le niveau exigé ; la PCH n’est alors ouverte qu’à une personne qui travaille encore (CASF L245-1 II).' } })] },
              { all: [ageMin(60, 'CASF L245-1 II, D245-3', { say: PCH_AFTER_60 }), fact('demandeur.en_activite', 'eq', true, 'que la personne travaille encore, si les critères n’étaient pas remplis avant 60 ans', 'CASF L245-1 II 2°', { say: { not_met: 'La personne ne travaille plus ; après 60 ans, la PCH demande alors que les critères aient été remplis avant 60 ans (CASF L245-1 II).' } })] },
            ],
            summary: {
              not_met: 'La PCH est ouverte de 20 à 60 ans ; avant 20 ans, si l’enfant ouvre droit à un complément d’AEEH ; après 60 ans, si les critères étaient remplis avant 60 ans ou si la personne travaille encore (CASF L245-1, D245-3).',
              unknown: 'La PCH est ouverte de 20 à 60 ans ; avant 20 ans, si l’enfant ouvre droit à un complément d’AEEH ; après 60 ans, si les critères étaient remplis avant 60 ans ou si la personne travaille encore : l’âge n’est pas indiqué (CASF L245-1, D245-3).',
            },
          },
          residence('CASF L245-1 I'),
        ],
      },
      evaluation: { by: 'l’équipe pluridisciplinaire de la MDPH et la CDAPH', what: 'évaluent les besoins et décident' },
      toCheck: ['Les difficultés doivent durer au moins un an (CASF D245-4).', 'Pour un enfant : la PCH remplace les compléments d’AEEH (droit d’option).'],
      exceptions: ['Après 60 ans, sans ces exceptions, c’est l’APA qui prend le relais (conseil départemental).'],
      nextSteps: MDPH,
      sources: ['CASF L245-1 à L245-14, D245-4 et annexe 2-5', 'Loi 2020-220 du 6 mars 2020'],
    },
    {
      id: 'aah',
      label: 'Allocation aux adultes handicapés (AAH)',
      name: N('l’AAH', 'de l’AAH'),
      falc: 'Une allocation pour les adultes handicapés',
      conditions: {
        all: [
          {
            any: [
              ageMin(20, 'CSS L821-1, R821-1', { say: { not_met: 'La personne a {value} ans ; avant 20 ans, l’AAH n’est ouverte qu’à un jeune d’au moins 16 ans qui n’est plus à la charge de ses parents pour les prestations familiales (CSS L821-1, R821-1).' } }),
              { all: [ageRoute('age-min', 16, 'CSS R821-1', 'l’AAH', { met: 'La personne a {value} ans ; dès 16 ans, l’AAH est ouverte à un jeune qui n’est plus à la charge de ses parents pour les prestations familiales', not_met: 'La personne a {value} ans ; l’AAH n’est jamais ouverte avant 16 ans', unknown: 'dès 16 ans, l’AAH est ouverte à un jeune qui n’est plus à la charge de ses parents pour les prestations familiales' }), fact('demandeur.a_charge_prestations_familiales', 'eq', false, 'de ne plus être à la charge de ses parents pour les prestations familiales, avant 20 ans', 'CSS R821-1')] },
            ],
            summary: {
              not_met: 'L’AAH est ouverte à partir de 20 ans, ou dès 16 ans pour un jeune qui n’est plus à la charge de ses parents pour les prestations familiales (CSS L821-1, R821-1).',
              unknown: 'L’AAH est ouverte à partir de 20 ans, ou dès 16 ans pour un jeune qui n’est plus à la charge de ses parents pour les prestations familiales : l’âge n’est pas indiqué (CSS L821-1, R821-1).',
            },
          },
          {
            any: [
              taux(['80-plus'], 'CSS L821-1'),
              {
                all: [
                  taux(['50-79'], 'CSS L821-2'),
                  fact('demandeur.rsdae', 'eq', true, 'une RSDAE (restriction substantielle et durable d’accès à l’emploi) reconnue par la MDPH, entre 50 et 79 %', 'CSS L821-2'),
                  ageMax(64, 'CSS L821-2, L351-1-5', { need: 'entre 50 et 79 %, l’AAH s’arrête à l’âge de la retraite (64 ans au plus tard) et l’ASPA ou la retraite pour inaptitude prend le relais', grey: [62, 64], greyText: 'entre 50 et 79 %, l’AAH s’arrête à l’âge de la retraite ; un titulaire de l’AAH, réputé inapte, peut partir dès 62 ans, sinon l’âge légal dépend de l’année de naissance (62 à 64 ans) : à vérifier avec la CAF' }),
                ],
              },
            ],
            summary: { not_met: 'L’AAH demande un taux d’au moins 80 %, ou de 50 à 79 % avec une RSDAE, fixé par la MDPH (CSS L821-1, L821-2).' },
          },
          { fact: 'demandeur.ressources_propres', op: 'lte', param: 'aah_montant', kind: 'resources', earnings: 'demandeur.revenus_activite', perChild: { fact: 'demandeur.enfants_a_charge', rate: 0.5 }, legal: 'CSS L821-3, D821-2' },
          residence('CSS L821-1'),
        ],
      },
      evaluation: { by: 'la CDAPH (MDPH)', what: 'fixe le taux d’incapacité et décide ; la CAF ou la MSA verse' },
      toCheck: ['Depuis le 1er octobre 2023, seules les ressources de la personne comptent, pas celles du conjoint (CSS L821-3).'],
      exceptions: ['Les ressources prises en compte sont celles d’il y a deux ans, après abattements : un revenu d’activité compte moins.'],
      amount: { type: 'differential', param: 'aah_montant', resources: 'demandeur.ressources_propres', per: 'mois', note: 'Estimation : l’AAH complète les ressources de la personne jusqu’au montant maximal.' },
      nextSteps: MDPH,
      sources: ['CSS L821-1 à L821-8, R821-1, D821-1 à D821-11, L351-1-5', 'OpenFisca-France : invalidite/aah (abattements : travail_ordinaire)'],
    },
    {
      id: 'aspa',
      label: 'Allocation de solidarité aux personnes âgées (ASPA, minimum vieillesse)',
      name: N('l’ASPA', 'de l’ASPA'),
      falc: 'Un complément de revenu pour les personnes âgées',
      conditions: {
        all: [
          {
            any: [
              ageMin(65, 'CSS L815-1, R815-1', { say: { not_met: 'La personne a {value} ans ; sans inaptitude au travail ni incapacité d’au moins 50 %, l’ASPA n’est possible qu’à partir de 65 ans (CSS L815-1, R815-1).', unknown: 'L’ASPA est possible à partir de 65 ans, plus tôt en cas d’inaptitude au travail ou d’incapacité : l’âge de la personne n’est pas indiqué (CSS L815-1, R815-1).' } }),
              { all: [ageRoute('age-min', 62, 'CSS R815-1, L351-1-5, D351-1-14', 'l’ASPA', { met: 'La personne a {value} ans ; dès 62 ans, l’ASPA est ouverte en cas d’inaptitude au travail ou d’incapacité d’au moins 50 %', not_met: 'La personne a {value} ans ; l’ASPA n’est jamais ouverte avant 62 ans', unknown: 'dès 62 ans, l’ASPA est ouverte en cas d’inaptitude au travail ou d’incapacité d’au moins 50 %' }), { any: [inapte('CSS R815-1, L351-7'), taux(['50-79', '80-plus'], 'CSS R815-1, L351-1-5, D351-1-14')] }] },
              ageMin(62, 'CSS R815-1', { say: { unknown: 'Entre 62 et 65 ans, l’ASPA est aussi ouverte à d’autres personnes (anciens combattants, travailleurs handicapés…) : l’âge de la personne n’est pas indiqué (CSS R815-1).' }, exception: 'Entre 62 et 65 ans, l’ASPA est aussi ouverte à d’autres personnes (anciens combattants, travailleurs handicapés, mères de famille ouvrières…) à l’âge légal de la retraite : à vérifier avec la caisse de retraite (CSS R815-1).' }),
            ],
            summary: {
              not_met: 'L’ASPA est ouverte à 65 ans, ou dès 62 ans en cas d’inaptitude au travail ou d’incapacité d’au moins 50 % (CSS R815-1, L351-1-5).',
              unknown: 'L’ASPA est ouverte à 65 ans, ou dès 62 ans en cas d’inaptitude au travail ou d’incapacité d’au moins 50 % : l’âge n’est pas indiqué (CSS R815-1, L351-1-5).',
            },
          },
          { fact: 'foyer.ressources_mensuelles', op: 'lte', param: 'aspa_seul', coupleParam: 'aspa_couple', kind: 'resources', earnings: 'demandeur.revenus_activite', legal: 'CSS L815-9, D815-1, R815-29' },
          residence('CSS L815-1'),
        ],
      },
      exceptions: ['Une partie des revenus d’activité n’est pas comptée (abattement de 0,9 SMIC pour une personne seule, 1,5 SMIC pour un couple, CSS R815-29) : des ressources un peu au-dessus du plafond peuvent suffire, à vérifier avec la caisse de retraite.'],
      toCheck: ['Avoir demandé toutes les retraites auxquelles la personne a droit (base, complémentaires, réversion).', 'Une partie de l’ASPA peut être récupérée sur la succession au-delà d’un seuil (à vérifier).'],
      amount: { type: 'differential', param: 'aspa_seul', coupleParam: 'aspa_couple', coupleMax: 'aspa_seul', resources: 'foyer.ressources_mensuelles', per: 'mois', note: 'Estimation : l’ASPA complète les ressources de la personne (et de son conjoint) jusqu’au plafond.' },
      nextSteps: { where: 'La caisse de retraite (Carsat, MSA…) ; sans retraite, la mairie ou le CCAS (SASPA)', kind: 'ccas-cias', form: 'Demande d’allocation de solidarité aux personnes âgées (n° cerfa à vérifier)' },
      sources: ['CSS L815-1 à L815-24, R815-1, R815-29, D815-1, L351-1-5, L351-7, D351-1-14', 'OpenFisca-France : minimum_vieillesse/aspa'],
    },
    {
      id: 'aeeh',
      label: 'Allocation d’éducation de l’enfant handicapé (AEEH)',
      name: N('l’AEEH', 'de l’AEEH'),
      falc: 'Une allocation pour un enfant handicapé',
      conditions: { all: [ageMax(20, 'CSS L541-1'), taux(['50-79', '80-plus'], 'CSS L541-1, R541-1')] },
      evaluation: { by: 'la CDAPH (MDPH)', what: 'fixe le taux et, entre 50 et 79 %, vérifie la scolarité ou les soins adaptés' },
      toCheck: ['Entre 50 et 79 % : l’enfant fréquente un établissement ou service spécialisé, ou a besoin de soins préconisés par la CDAPH (CSS L541-1).'],
      amount: { type: 'base-up-to', base: 'aeeh_base', upTo: ['aeeh_complement_6'], per: 'mois', note: 'Le complément (6 catégories) dépend des frais, de la réduction d’activité d’un parent et de l’aide d’un tiers.' },
      nextSteps: MDPH,
      sources: ['CSS L541-1 à L541-4, R541-1, D541-1 à D541-4'],
    },
    {
      id: 'cmi',
      label: 'Carte mobilité inclusion (CMI)',
      name: N('la CMI', 'de la CMI'),
      falc: 'Une carte pour être prioritaire et se garer',
      conditions: {
        any: [
          taux(['80-plus'], 'CASF L241-3 I 1°', { need: 'un taux d’incapacité d’au moins 80 %, fixé par la MDPH, pour la mention invalidité' }),
          fact('demandeur.tierce_personne', 'eq', 'invalidite-3', 'une pension d’invalidité de 3e catégorie, pour la mention invalidité', 'CASF L241-3 I 1°'),
          {
            all: [
              ageMin(60, 'CASF L241-3', {
                say: {
                  met: 'La personne a {value} ans : à partir de 60 ans, la carte peut être accordée d’office avec l’APA, en GIR 1 ou 2 (CASF L241-3).',
                  not_met: 'La personne a {value} ans : la carte accordée d’office avec l’APA (GIR 1 ou 2) concerne les 60 ans et plus ; la MDPH peut l’accorder à tout âge (CASF L241-3).',
                  unknown: 'À partir de 60 ans, la carte est accordée d’office avec l’APA en GIR 1 ou 2 : l’âge de la personne n’est pas indiqué (CASF L241-3).',
                },
              }),
              gir([1, 2], 'CASF L241-3', {
                need: 'un GIR 1 ou 2 pour la carte accordée d’office avec l’APA',
                say: {
                  not_met: 'La personne est en GIR {value} : pas de carte d’office au titre de l’APA ; la MDPH peut l’accorder sur d’autres critères (CASF L241-3).',
                  unknown: 'Avec l’APA, la carte est accordée d’office en GIR 1 ou 2 : le GIR n’est pas indiqué (CASF L241-3).',
                },
              }),
            ],
          },
          fact('demandeur.mobilite_reduite', 'eq', true, 'une station debout pénible pour la mention priorité, ou une marche très réduite ou un besoin d’accompagnement pour la mention stationnement', 'CASF L241-3 I 2° et 3°', {
            say: { unknown: 'Même sous 80 %, la CMI peut porter la mention « priorité » (station debout pénible) ou « stationnement » (marche très réduite ou besoin d’être accompagné) : la réponse n’est pas indiquée (CASF L241-3 I 2° et 3°).' },
          }),
        ],
      },
      evaluation: { by: 'la CDAPH (MDPH), ou le département pour les bénéficiaires de l’APA en GIR 1 ou 2', what: 'décide des mentions (invalidité, priorité, stationnement)' },
      toCheck: ['La voie GIR 1 ou 2 concerne les bénéficiaires de l’APA.'],
      nextSteps: { ...MDPH, where: 'MDPH, ou le conseil départemental avec la demande d’APA (cerfa 16301, partie 7)' },
      sources: ['CASF L241-3, R241-12 à R241-21'],
    },
    {
      id: 'rqth',
      label: 'Reconnaissance de la qualité de travailleur handicapé (RQTH)',
      name: N('la RQTH', 'de la RQTH'),
      falc: 'Être reconnu travailleur handicapé',
      conditions: {
        all: [
          {
            any: [ageMin(16, 'CT L5213-1, L4153-1'), ageMin(15, 'CT L6222-1', { say: { unknown: 'Dès 15 ans, un jeune qui entre en apprentissage peut demander la RQTH : l’âge de la personne n’est pas indiqué (CT L6222-1).' }, exception: 'Dès 15 ans, un jeune qui entre en apprentissage peut demander la RQTH : à vérifier avec la MDPH (CT L6222-1).' })],
            summary: {
              not_met: 'La RQTH est possible dès 16 ans, âge où l’on peut travailler, ou dès 15 ans pour un apprenti (CT L4153-1, L6222-1).',
              unknown: 'La RQTH est possible dès 16 ans (dès 15 ans pour un apprenti) : l’âge n’est pas indiqué (CT L4153-1, L6222-1).',
            },
          },
          fact('demandeur.sante_gene_travail', 'eq', true, 'que les possibilités d’obtenir ou de garder un emploi soient réduites par un handicap ou un problème de santé durable, sans taux minimal', 'CT L5213-1'),
        ],
      },
      evaluation: { by: 'la CDAPH (MDPH)', what: 'apprécie si les possibilités d’obtenir ou de garder un emploi sont réduites' },
      toCheck: ['Il n’y a ni taux minimal ni âge maximal (CT L5213-1).'],
      exceptions: ['Certaines personnes bénéficient de l’obligation d’emploi sans RQTH (AAH, pension d’invalidité, CMI invalidité : CT L5212-13).'],
      nextSteps: MDPH,
      sources: ['Code du travail L5213-1, L5213-2, R5213-1, L5212-13, L4153-1 (âge minimal de 16 ans), L6222-1'],
    },
    {
      id: 'ash',
      label: 'Aide sociale à l’hébergement (ASH)',
      name: N('l’ASH', 'de l’ASH'),
      falc: 'Une aide pour payer la maison de retraite',
      conditions: {
        all: [
          {
            any: [
              ...elderlyAge('l’ASH'),
              ...disabilityRoute('CASF L241-1, L344-5'),
            ],
            summary: {
              not_met: 'Avant 65 ans, l’ASH suppose une inaptitude au travail reconnue (à partir de 60 ans) ou un handicap (CASF L113-1, L241-1).',
              unknown: 'Avant 65 ans, l’ASH suppose une inaptitude au travail reconnue (à partir de 60 ans) ou un handicap : l’âge ou le taux d’incapacité ne sont pas indiqués (CASF L113-1, L241-1).',
            },
          },
          fact('demandeur.lieu_de_vie', 'in', ['etablissement', 'residence-autonomie', 'accueil-familial'], 'd’être accueillie en établissement, en résidence autonomie ou en accueil familial', 'CASF L231-4'),
          { fact: 'demandeur.ressources_propres', op: 'lt', otherFact: 'demandeur.frais_hebergement', valueFactor: 0.9, keep: { param: 'ash_minimum_laisse' }, kind: 'cost', legal: 'CASF L132-3, R231-6' },
        ],
      },
      evaluation: { by: 'le conseil départemental', what: 'calcule la participation des obligés alimentaires (enfants, conjoint) et décide' },
      toCheck: ['L’établissement est habilité à l’aide sociale (ou la personne y vit depuis 5 ans).', 'Les obligés alimentaires (enfants, conjoint) participent d’abord (CASF L132-6) ; l’ASH est récupérable sur la succession ; les petits-enfants ne sont plus obligés alimentaires depuis 2024.', 'Avant 60 ans ou en foyer pour personnes handicapées, ce sont les règles de l’aide sociale aux personnes handicapées, gardées après 60 ans (CASF L344-5, L344-5-1).'],
      nextSteps: { where: 'CCAS ou mairie du domicile, qui transmet au département', kind: 'ccas-cias', form: 'Dossier de demande d’aide sociale du département' },
      sources: ['CASF L113-1, L131-1, L132-1 à L132-8, L231-4, L241-1, L344-5, L344-5-1, R132-1, R231-6'],
    },
    {
      id: 'aide-menagere',
      label: 'Aide-ménagère au titre de l’aide sociale',
      name: N('l’aide-ménagère', 'de l’aide-ménagère'),
      falc: 'Quelqu’un pour le ménage, payé en partie par le département',
      conditions: {
        all: [
          {
            any: [...elderlyAge('l’aide-ménagère'), ...disabilityRoute('CASF L241-1')],
            summary: {
              not_met: 'Avant 65 ans, l’aide-ménagère suppose une inaptitude au travail reconnue (à partir de 60 ans) ou un handicap (CASF L113-1, L241-1).',
              unknown: 'Avant 65 ans, l’aide-ménagère suppose une inaptitude au travail reconnue (à partir de 60 ans) ou un handicap : l’âge ou le taux d’incapacité ne sont pas indiqués (CASF L113-1, L241-1).',
            },
          },
          {
            any: [
              fact('demandeur.lieu_de_vie', 'eq', 'domicile', 'de vivre chez soi ou chez un proche', 'CASF L231-1'),
              fact('demandeur.lieu_de_vie', 'eq', 'residence-autonomie', 'de vivre chez soi', 'CASF L231-1', { exception: 'En résidence autonomie, la personne vit chez elle et l’aide-ménagère reste possible selon les services de la résidence : à vérifier avec le conseil départemental (CASF L231-1).' }),
            ],
            summary: {
              not_met: 'L’aide-ménagère est une aide à domicile : elle concerne les personnes qui vivent chez elles ou chez un proche, parfois en résidence autonomie (CASF L231-1).',
              unknown: 'L’aide-ménagère concerne les personnes qui vivent chez elles ou chez un proche, parfois en résidence autonomie : le lieu de vie n’est pas indiqué (CASF L231-1).',
            },
          },
          gir([5, 6], 'CASF L231-1, L232-2', { need: 'un GIR 5 ou 6 ; en GIR 1 à 4, c’est l’APA qui aide à domicile' }),
          { fact: 'foyer.ressources_mensuelles', op: 'lte', param: 'aspa_seul', coupleParam: 'aspa_couple', kind: 'resources', earnings: 'demandeur.revenus_activite', legal: 'CASF L231-2, R231-2' },
        ],
      },
      evaluation: { by: 'le conseil départemental', what: 'décide du nombre d’heures (30 h par mois au plus, 48 h en couple)' },
      toCheck: ['Ne pas recevoir l’APA ni une aide de la caisse de retraite pour le même besoin.'],
      exceptions: ['La caisse de retraite peut aussi aider les GIR 5 et 6 (même formulaire cerfa 16301).', 'Certains départements retiennent un plafond plus élevé (règlement départemental).'],
      nextSteps: { where: 'CCAS ou CIAS de la commune, qui transmet au département', kind: 'ccas-cias', form: 'Dossier d’aide sociale (ou cerfa 16301 pour la caisse de retraite)' },
      sources: ['CASF L113-1, L231-1, L231-2, L241-1, R231-2'],
    },
    {
      id: 'ajpa',
      label: 'Allocation journalière du proche aidant (AJPA)',
      name: N('l’AJPA', 'de l’AJPA'),
      falc: 'De l’argent quand on arrête de travailler pour aider un proche',
      conditions: {
        all: [
          carer('CSS L168-8', 'L’AJPA est versée à l’aidant : si un proche aide la personne et réduit son activité, c’est lui qui la demande (CSS L168-8).', 'L’AJPA est versée à l’aidant, qui la demande : il n’est pas indiqué si vous aidez la personne (CSS L168-8).'),
          carerWorks('CSS L168-8'),
          { any: [taux(['80-plus'], 'CSS L168-8'), gir([1, 2, 3, 4], 'CSS L168-8, CT D3142-8'), tiercePersonne('CSS L168-8, CT D3142-8')] },
        ],
      },
      toCheck: ['L’aidant prend un congé de proche aidant ou réduit son activité.', 'Au plus 22 jours par mois, 66 jours par personne aidée, 264 jours sur la carrière.'],
      amount: { type: 'fixed', param: 'ajpa_jour', per: 'jour', note: 'Demi-journée : la moitié. Suit le SMIC (chaque 1er janvier, et à chaque hausse en cours d’année).' },
      nextSteps: { where: 'CAF (téléservice) ou MSA', form: 'Demande en ligne et attestation de l’employeur' },
      sources: ['CSS L168-8 à L168-16, D168-11', 'Code du travail D3142-8 (décret n° 2022-1037 du 22 juillet 2022 : GIR 4, MTP et PCRTP ; référence à vérifier au texte)', 'solidarites.gouv.fr, caf.fr'],
    },
    {
      id: 'conge-proche-aidant',
      label: 'Congé de proche aidant',
      name: N('le congé de proche aidant', 'du congé de proche aidant'),
      falc: 'Arrêter de travailler un temps pour aider un proche',
      conditions: {
        all: [
          carer('CT L3142-16', 'Le congé de proche aidant est pris par l’aidant : si un proche salarié aide la personne, c’est lui qui le demande à son employeur (CT L3142-16).', 'Le congé de proche aidant est pris par l’aidant salarié, qui le demande à son employeur : il n’est pas indiqué si vous aidez la personne (CT L3142-16).'),
          fact('aidant.salarie', 'eq', true, 'que l’aidant soit salarié', 'CT L3142-16', { say: { not_met: 'Le congé de proche aidant est réservé aux salariés ; au chômage indemnisé ou indépendant, l’aidant peut demander l’AJPA (CT L3142-16).' } }),
          {
            any: [
              taux(['80-plus'], 'CT L3142-16, D3142-8'),
              gir([1, 2, 3, 4], 'CT D3142-8', { need: 'un GIR 1 à 4, ouvert au GIR 4 depuis le 1er juillet 2022' }),
              tiercePersonne('CT D3142-8'),
            ],
          },
        ],
      },
      toCheck: ['L’aidant prévient l’employeur un mois avant (15 jours pour un renouvellement).', 'Un agent public a un congé de proche aidant équivalent (code général de la fonction publique, à vérifier) : il le demande à son administration.', '3 mois renouvelables, au plus 1 an sur toute la carrière ; fractionnable ou à temps partiel avec l’accord de l’employeur.'],
      nextSteps: { where: 'L’employeur (lettre ou courriel) ; l’AJPA compense la perte de salaire' },
      sources: ['Code du travail L3142-16 à L3142-27, D3142-7 et suivants', 'Décret n° 2022-1037 du 22 juillet 2022, art. 3 (GIR 4, MTP et PCRTP, droits ouverts à compter du 1er juillet 2022), pris pour la LFSS 2022 art. 54 (loi 2021-1754, suppression de la « particulière gravité ») ; concordants : Lefebvre Dalloz, 15 septembre 2022 ; texte consolidé de D3142-8 à relire'],
    },
  ],
};
