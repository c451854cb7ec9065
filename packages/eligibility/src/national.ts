/**
 * The national catalogue, written from shared/research/eligibility_rules_facts.md (OpenFisca-France
 * parameters, aides-jeunes, Légifrance references). Values marked there as uncertain keep
 * `toVerify: true` and are shown as such. Plain data: `npm run data:eligibility` writes it as JSON.
 */
import type { Catalogue, Condition, Leaf } from './catalogue.js';

const residence = (benefit: string, legal: string): Leaf => ({
  fact: 'demandeur.residence_stable_france',
  op: 'eq',
  value: true,
  explain: {
    met: `Vous résidez en France de façon stable : c’est une condition ${benefit} (${legal}).`,
    not_met: `${benefit[0]!.toUpperCase()}${benefit.slice(1)} demande de résider en France de façon stable et régulière (${legal}).`,
    unknown: `Il faut résider en France de façon stable et régulière (${legal}).`,
  },
  legal,
});

const ageAtLeast = (n: number | { param: string }, name: string, legal: string): Leaf => ({
  fact: 'demandeur.age',
  op: 'gte',
  ...(typeof n === 'number' ? { value: n } : { param: n.param }),
  explain: {
    met: `Vous avez {value} ans ; ${name} est ouverte à partir de {threshold} ans (${legal}).`,
    not_met: `Vous avez {value} ans ; ${name} est ouverte à partir de {threshold} ans (${legal}).`,
    unknown: `${name[0]!.toUpperCase()}${name.slice(1)} est ouverte à partir de {threshold} ans : indiquez votre âge.`,
  },
  legal,
});

const girIn = (levels: number[], name: string, legal: string): Leaf => ({
  fact: 'demandeur.gir',
  op: 'in',
  value: levels,
  explain: {
    met: `Niveau d’autonomie GIR {value} : condition remplie pour ${name}, qui demande un GIR ${levels.join(', ')} (${legal}).`,
    not_met: `Avec un GIR {value}, la condition n’est pas remplie pour ${name}, qui demande un GIR ${levels.join(', ')} (${legal}).`,
    unknown: `Il faut un GIR ${levels.join(', ')} pour ${name} : le GIR est évalué par une équipe du département.`,
  },
  legal,
});

const taux = (values: string[], what: string, legal: string): Leaf => ({
  fact: 'demandeur.taux_incapacite',
  op: 'in',
  value: values,
  explain: {
    met: `Taux d’incapacité « {value} » : ${what} (${legal}).`,
    not_met: `Taux d’incapacité « {value} » : ${what} demande ${values.map((v) => (v === '80-plus' ? '80 % ou plus' : v === '50-79' ? 'entre 50 et 79 %' : v)).join(' ou ')} (${legal}).`,
    unknown: `Le taux d’incapacité fixé par la MDPH n’est pas connu (${legal}).`,
  },
  legal,
});

const livesAt = (where: 'domicile' | 'etablissement', legal: string): Leaf => ({
  fact: 'demandeur.lieu_de_vie',
  op: 'eq',
  value: where,
  explain: {
    met: where === 'domicile' ? `Vous vivez à domicile (${legal}).` : `Vous vivez en établissement (${legal}).`,
    not_met: where === 'domicile' ? `Cette aide est pour les personnes qui vivent à domicile (${legal}).` : `Cette aide est pour les personnes qui vivent en établissement (${legal}).`,
    unknown: 'Le lieu de vie (domicile ou établissement) n’est pas connu.',
  },
  legal,
});

const resourcesAtMost = (param: string, name: string, legal: string, factor = 1): Leaf => ({
  fact: 'foyer.ressources_mensuelles',
  op: 'lte',
  param,
  factor,
  explain: {
    met: `Vos ressources ({value} € par mois) ne dépassent pas le plafond de ${name} ({threshold} € par mois) (${legal}).`,
    not_met: `Vos ressources ({value} € par mois) dépassent le plafond de ${name} ({threshold} € par mois) (${legal}).`,
    unknown: `${name[0]!.toUpperCase()}${name.slice(1)} a un plafond de ressources ({threshold} € par mois) : indiquez vos ressources.`,
  },
  legal,
});

const coupleOrSingle = (single: Leaf, couple: Leaf): Condition => ({
  any: [
    { all: [{ fact: 'demandeur.en_couple', op: 'eq', value: false, explain: { met: 'Vous vivez seul(e).', not_met: 'Vous vivez en couple.', unknown: 'Vivez-vous en couple ? Le plafond en dépend.' } }, single] },
    { all: [{ fact: 'demandeur.en_couple', op: 'eq', value: true, explain: { met: 'Vous vivez en couple.', not_met: 'Vous vivez seul(e).', unknown: 'Vivez-vous en couple ? Le plafond en dépend.' } }, couple] },
  ],
});

const carer: Leaf = { fact: 'aidant.est_aidant', op: 'eq', value: true, explain: { met: 'Vous aidez un proche.', not_met: 'Cette aide est pour la personne qui aide un proche.', unknown: 'Êtes-vous l’aidant de la personne ?' } };
const carerWorks: Leaf = { fact: 'aidant.activite_professionnelle', op: 'eq', value: true, explain: { met: 'Vous travaillez (ou êtes au chômage indemnisé).', not_met: 'Il faut travailler ou être au chômage indemnisé : cette aide compense une réduction d’activité.', unknown: 'Travaillez-vous (ou êtes-vous au chômage indemnisé) ?' } };

const MDPH = { where: 'Maison départementale des personnes handicapées (MDPH) ; le CCAS ou France Services peuvent aider à remplir le dossier', kind: 'mdph-mda', form: 'cerfa 15692 (demande) et cerfa 15695 (certificat médical)', documents: ['Formulaire cerfa 15692', 'Certificat médical cerfa 15695 de moins d’un an', 'Justificatif d’identité', 'Justificatif de domicile'] };

/** The national catalogue (`nationalCatalogue`). */
export const nationalCatalogue: Catalogue = {
  id: 'national',
  label: 'Aides et droits nationaux',
  publisher: 'Relais, d’après OpenFisca-France, aides-jeunes et Légifrance',
  parameters: {
    mtp: { label: 'Majoration pour tierce personne (MTP)', unit: '€/mois', revaluation: 'annual-04-01', values: [{ value: 1210.9, since: '2023-04-01', legal: 'Circulaire Cnav' }, { value: 1288.13, since: '2025-04-01', legal: 'Circulaire Cnav 2025/12' }] },
    apa_plafond_gir1: { label: 'Plafond du plan d’aide APA, GIR 1 (1,615 × MTP)', unit: '€/mois', revaluation: 'annual-04-01', values: [{ value: 2080.33, since: '2025-04-01', legal: 'CASF R232-10' }] },
    apa_plafond_gir2: { label: 'Plafond du plan d’aide APA, GIR 2 (1,306 × MTP)', unit: '€/mois', revaluation: 'annual-04-01', values: [{ value: 1682.3, since: '2025-04-01', legal: 'CASF R232-10' }] },
    apa_plafond_gir3: { label: 'Plafond du plan d’aide APA, GIR 3 (0,944 × MTP)', unit: '€/mois', revaluation: 'annual-04-01', values: [{ value: 1215.99, since: '2025-04-01', legal: 'CASF R232-10' }] },
    apa_plafond_gir4: { label: 'Plafond du plan d’aide APA, GIR 4 (0,630 × MTP)', unit: '€/mois', revaluation: 'annual-04-01', values: [{ value: 811.52, since: '2025-04-01', legal: 'CASF R232-10' }] },
    aah_montant: { label: 'Montant maximal de l’AAH', unit: '€/mois', revaluation: 'annual-04-01', values: [{ value: 1033.32, since: '2025-04-01', legal: 'CSS L821-3' }, { value: 1041.59, since: '2026-04-01', legal: 'Décret 2026-229' }] },
    aspa_seul: { label: 'ASPA, plafond et montant maximal, personne seule', unit: '€/mois', revaluation: 'annual-01-01', values: [{ value: 1043.6, since: '2026-01-01', legal: 'Circulaire Cnav 2025-29' }] },
    aspa_couple: { label: 'ASPA, plafond et montant maximal, couple', unit: '€/mois', revaluation: 'annual-01-01', values: [{ value: 1620.18, since: '2026-01-01', legal: 'Circulaire Cnav 2025-29' }] },
    age_legal_retraite: { label: 'Âge légal de départ à la retraite (selon la génération, à vérifier)', unit: 'ans', revaluation: 'none', values: [{ value: 64, since: '2023-09-01', legal: 'CSS L161-17-2', toVerify: true }] },
    aeeh_base: { label: 'AEEH de base (32 % de la BMAF)', unit: '€/mois', revaluation: 'annual-04-01', values: [{ value: 151.8, since: '2025-04-01', legal: 'CSS D541-1' }, { value: 153.01, since: '2026-04-01', legal: 'CSS D541-1' }] },
    aeeh_complement_6: { label: 'Complément d’AEEH de 6e catégorie (= MTP)', unit: '€/mois', revaluation: 'annual-04-01', values: [{ value: 1288.13, since: '2025-04-01', legal: 'CSS D541-2', toVerify: true }] },
    ajpa_jour: { label: 'Allocation journalière du proche aidant', unit: '€/jour', revaluation: 'annual-01-01', values: [{ value: 65.8, since: '2025-01-01', legal: 'CSS D168-11', toVerify: true }] },
  },
  benefits: [
    {
      id: 'apa-domicile',
      label: 'Allocation personnalisée d’autonomie (APA) à domicile',
      falc: 'Une aide pour payer l’aide à la maison',
      conditions: { all: [ageAtLeast(60, 'l’APA', 'CASF L232-2'), livesAt('domicile', 'CASF L232-3'), girIn([1, 2, 3, 4], 'l’APA', 'CASF L232-2'), residence('de l’APA', 'CASF L232-2')] },
      evaluation: { by: 'l’équipe médico-sociale du département', what: 'évalue le GIR à domicile et propose un plan d’aide' },
      toCheck: ['Ne pas recevoir une aide qui ne se cumule pas avec l’APA (PCH choisie avant 60 ans, ACTP, MTP, aide-ménagère de la caisse de retraite).'],
      amount: { type: 'range-by', fact: 'demandeur.gir', params: { '1': 'apa_plafond_gir1', '2': 'apa_plafond_gir2', '3': 'apa_plafond_gir3', '4': 'apa_plafond_gir4' }, per: 'mois', note: 'Aucune participation sous 933,89 € de ressources par mois ; au plus 90 % au-delà de 3 439,31 € (CASF R232-11).' },
      nextSteps: { where: 'Conseil départemental (service autonomie) ; le CCAS ou le CLIC aident à remplir le dossier', kind: 'conseil-departemental', form: 'cerfa 16301 (demande d’aides à l’autonomie à domicile)', documents: ['Formulaire cerfa 16301', 'Justificatif d’identité', 'Dernier avis d’imposition', 'Relevé d’identité bancaire'] },
      sources: ['CASF L232-1 à L232-7, R232-10, R232-11, D232-31', 'OpenFisca-France : perte_autonomie_personnes_agees/apa_domicile'],
    },
    {
      id: 'apa-etablissement',
      label: 'APA en établissement',
      falc: 'Une aide pour payer la dépendance en maison de retraite',
      conditions: { all: [ageAtLeast(60, 'l’APA', 'CASF R232-19'), livesAt('etablissement', 'CASF L232-8'), girIn([1, 2, 3, 4], 'l’APA', 'CASF L232-8')] },
      evaluation: { by: 'le médecin coordonnateur de l’établissement et le département', what: 'évaluent le GIR' },
      toCheck: ['L’établissement est un EHPAD ou une USLD tarifé par GIR.', 'Dans beaucoup de départements l’APA est versée directement à l’EHPAD (dotation globale) : il n’y a alors rien à demander.'],
      amount: undefined,
      nextSteps: { where: 'L’établissement ou le conseil départemental', kind: 'conseil-departemental', form: 'Modèle de demande de l’annexe 2-3 du CASF' },
      sources: ['CASF L232-8 à L232-11, R232-19 et suivants'],
    },
    {
      id: 'pch',
      label: 'Prestation de compensation du handicap (PCH)',
      falc: 'Une aide pour payer ce dont on a besoin à cause du handicap',
      conditions: {
        all: [
          { fact: 'demandeur.difficultes_activites', op: 'in', value: ['une-absolue', 'deux-graves'], explain: { met: 'Difficultés déclarées : « {value} » ; la PCH demande une difficulté absolue ou deux difficultés graves (CASF D245-4, annexe 2-5).', not_met: 'Difficultés déclarées : « {value} » ; la PCH demande une difficulté absolue ou deux difficultés graves (CASF D245-4, annexe 2-5).', unknown: 'La PCH demande une difficulté absolue ou deux difficultés graves pour les gestes essentiels (CASF D245-4).' }, legal: 'CASF D245-4' },
          {
            any: [
              { fact: 'demandeur.age', op: 'lt', value: 60, explain: { met: 'Vous avez {value} ans, moins de 60 ans (CASF L245-1).', not_met: 'Vous avez {value} ans : après 60 ans, la PCH reste possible si le handicap est apparu avant 60 ans (CASF L245-1).', unknown: 'La PCH se demande avant 60 ans, ou après si le handicap est apparu avant 60 ans.' } },
              { fact: 'demandeur.handicap_avant_60_ans', op: 'eq', value: true, explain: { met: 'Le handicap est apparu avant 60 ans : la PCH reste possible après 60 ans, sans limite d’âge depuis 2020 (loi 2020-220).', not_met: 'Le handicap est apparu après 60 ans : c’est l’APA qui s’applique.', unknown: 'Le handicap est-il apparu avant 60 ans ?' } },
            ],
          },
          residence('de la PCH', 'CASF L245-1'),
        ],
      },
      evaluation: { by: 'l’équipe pluridisciplinaire de la MDPH et la CDAPH', what: 'évaluent les besoins et décident' },
      toCheck: ['Les difficultés doivent durer au moins un an.', 'Pour un enfant : la PCH remplace les compléments d’AEEH (droit d’option).'],
      nextSteps: MDPH,
      sources: ['CASF L245-1 à L245-14, D245-4 et annexe 2-5', 'Loi 2020-220 du 6 mars 2020'],
    },
    {
      id: 'aah',
      label: 'Allocation aux adultes handicapés (AAH)',
      falc: 'Une allocation pour les adultes handicapés',
      conditions: {
        all: [
          ageAtLeast(20, 'l’AAH', 'CSS R821-1'),
          {
            any: [
              taux(['80-plus'], 'l’AAH est ouverte dès 80 %', 'CSS L821-1'),
              { all: [taux(['50-79'], 'entre 50 et 79 %, l’AAH demande aussi une RSDAE', 'CSS L821-2'), { fact: 'demandeur.rsdae', op: 'eq', value: true, explain: { met: 'La MDPH a reconnu une restriction substantielle et durable d’accès à l’emploi (CSS L821-2).', not_met: 'Entre 50 et 79 %, l’AAH demande une restriction substantielle et durable d’accès à l’emploi (RSDAE) (CSS L821-2).', unknown: 'Entre 50 et 79 %, l’AAH demande une RSDAE reconnue par la MDPH.' } }] },
            ],
          },
          resourcesAtMost('aah_montant', 'l’AAH', 'CSS D821-2'),
          residence('de l’AAH', 'CSS L821-1'),
        ],
      },
      evaluation: { by: 'la CDAPH (MDPH)', what: 'fixe le taux d’incapacité et décide ; la CAF ou la MSA verse' },
      toCheck: ['Depuis octobre 2023, les revenus du conjoint ne comptent plus ; le plafond augmente de moitié par enfant à charge.', 'Les ressources prises en compte sont celles d’il y a deux ans, après abattements.'],
      amount: { type: 'differential', param: 'aah_montant', resources: 'foyer.ressources_mensuelles', per: 'mois', note: 'Estimation : l’AAH complète vos ressources jusqu’au montant maximal.' },
      nextSteps: MDPH,
      sources: ['CSS L821-1 à L821-8, D821-1 à D821-11', 'OpenFisca-France : invalidite/aah'],
    },
    {
      id: 'aspa',
      label: 'Allocation de solidarité aux personnes âgées (ASPA, minimum vieillesse)',
      falc: 'Un complément de revenu pour les personnes âgées',
      conditions: {
        all: [
          {
            any: [
              ageAtLeast(65, 'l’ASPA', 'CSS R815-1'),
              { all: [ageAtLeast({ param: 'age_legal_retraite' }, 'l’ASPA anticipée', 'CSS L815-1'), taux(['50-79', '80-plus'], 'l’ASPA est ouverte dès l’âge légal de la retraite', 'CSS R351-21')] },
            ],
          },
          coupleOrSingle(resourcesAtMost('aspa_seul', 'l’ASPA (personne seule)', 'CSS D815-2'), resourcesAtMost('aspa_couple', 'l’ASPA (couple)', 'CSS D815-2')),
          residence('de l’ASPA', 'CSS L816-1'),
        ],
      },
      toCheck: ['Avoir demandé toutes les retraites auxquelles vous avez droit (base, complémentaires, réversion).', 'Une partie de l’ASPA peut être récupérée sur la succession au-delà d’un seuil (à vérifier).'],
      amount: { type: 'differential', param: 'aspa_seul', resources: 'foyer.ressources_mensuelles', per: 'mois', note: 'Montant pour une personne seule ; en couple le plafond est de 1 620,18 € par mois.' },
      nextSteps: { where: 'Votre caisse de retraite (Carsat, MSA…) ; sans retraite, la mairie ou le CCAS (SASPA)', kind: 'ccas-cias', form: 'Demande d’allocation de solidarité aux personnes âgées (n° cerfa à vérifier)' },
      sources: ['CSS L815-1 à L815-24, R815-1, D815-1', 'OpenFisca-France : minimum_vieillesse/aspa'],
    },
    {
      id: 'aeeh',
      label: 'Allocation d’éducation de l’enfant handicapé (AEEH)',
      falc: 'Une allocation pour un enfant handicapé',
      conditions: {
        all: [
          { fact: 'demandeur.age', op: 'lt', value: 20, explain: { met: 'L’enfant a {value} ans ; l’AEEH est versée jusqu’à 20 ans (CSS L541-1).', not_met: 'La personne a {value} ans ; l’AEEH s’arrête à 20 ans (CSS L541-1) : voir l’AAH.', unknown: 'L’AEEH est pour les enfants de moins de 20 ans : indiquez l’âge.' }, legal: 'CSS L541-1' },
          taux(['50-79', '80-plus'], 'l’AEEH', 'CSS L541-1'),
        ],
      },
      evaluation: { by: 'la CDAPH (MDPH)', what: 'fixe le taux et, entre 50 et 79 %, vérifie la scolarité ou les soins adaptés' },
      toCheck: ['Entre 50 et 79 % : l’enfant fréquente un établissement ou service spécialisé, ou a besoin de soins préconisés par la CDAPH.'],
      amount: { type: 'base-up-to', base: 'aeeh_base', upTo: ['aeeh_complement_6'], per: 'mois', note: 'Le complément (6 catégories) dépend des frais, de la réduction d’activité d’un parent et de l’aide d’un tiers.' },
      nextSteps: MDPH,
      sources: ['CSS L541-1 à L541-4, R541-1, D541-1 à D541-4'],
    },
    {
      id: 'cmi',
      label: 'Carte mobilité inclusion (CMI)',
      falc: 'Une carte pour être prioritaire et se garer',
      conditions: {
        any: [
          taux(['80-plus'], 'la CMI invalidité est ouverte dès 80 %', 'CASF L241-3'),
          girIn([1, 2], 'la CMI (mentions invalidité et stationnement)', 'CASF L241-3'),
        ],
      },
      evaluation: { by: 'la CDAPH (MDPH), ou le département pour les bénéficiaires de l’APA en GIR 1 ou 2', what: 'décide des mentions (invalidité, priorité, stationnement)' },
      toCheck: ['La mention priorité est possible sous 80 % quand la station debout est pénible.', 'La mention stationnement dépend de la capacité à se déplacer à pied.'],
      nextSteps: { ...MDPH, where: 'MDPH, ou le conseil départemental avec la demande d’APA (cerfa 16301, partie 7)' },
      sources: ['CASF L241-3, R241-12 à R241-21'],
    },
    {
      id: 'rqth',
      label: 'Reconnaissance de la qualité de travailleur handicapé (RQTH)',
      falc: 'Être reconnu travailleur handicapé',
      conditions: {
        all: [
          ageAtLeast(16, 'la RQTH', 'CT L5213-1'),
          { fact: 'demandeur.age', op: 'lt', param: 'age_legal_retraite', explain: { met: 'Vous êtes en âge de travailler.', not_met: 'La RQTH concerne les personnes en âge de travailler.', unknown: 'La RQTH concerne les personnes en âge de travailler.' } },
          taux(['moins-50', '50-79', '80-plus'], 'un handicap ou un problème de santé durable', 'CT L5213-1'),
        ],
      },
      evaluation: { by: 'la CDAPH (MDPH)', what: 'apprécie si vos possibilités d’obtenir ou de garder un emploi sont réduites' },
      toCheck: ['Vos possibilités d’obtenir ou de conserver un emploi sont réduites par l’altération d’une fonction physique, sensorielle, mentale ou psychique (CT L5213-1) : aucun taux minimal.'],
      nextSteps: MDPH,
      sources: ['Code du travail L5213-1, L5213-2, R5213-1'],
    },
    {
      id: 'ash',
      label: 'Aide sociale à l’hébergement (ASH)',
      falc: 'Une aide pour payer la maison de retraite',
      conditions: {
        all: [
          ageAtLeast(65, 'l’ASH', 'CASF L113-1'),
          livesAt('etablissement', 'CASF L231-4'),
          { fact: 'foyer.ressources_mensuelles', op: 'lt', otherFact: 'demandeur.frais_hebergement', explain: { met: 'Vos ressources ({value} € par mois) ne couvrent pas les frais d’hébergement ({threshold} € par mois) (CASF L132-1).', not_met: 'Vos ressources ({value} € par mois) couvrent les frais d’hébergement ({threshold} € par mois) (CASF L132-1).', unknown: 'L’ASH complète ce que vos ressources ne couvrent pas : indiquez vos ressources et le coût de l’hébergement.' }, legal: 'CASF L132-1' },
        ],
      },
      evaluation: { by: 'le conseil départemental', what: 'calcule la participation des obligés alimentaires (enfants, conjoint) et décide' },
      toCheck: ['L’établissement est habilité à l’aide sociale (ou vous y vivez depuis 5 ans).', 'L’ASH est récupérable sur la succession ; les petits-enfants ne sont plus obligés alimentaires depuis 2024.', 'Entre 60 et 65 ans : possible en cas d’inaptitude au travail.'],
      nextSteps: { where: 'CCAS ou mairie de votre domicile, qui transmet au département', kind: 'ccas-cias', form: 'Dossier de demande d’aide sociale du département' },
      sources: ['CASF L113-1, L131-1, L132-1 à L132-8, R132-1, R231-6'],
    },
    {
      id: 'aide-menagere',
      label: 'Aide-ménagère au titre de l’aide sociale',
      falc: 'Quelqu’un pour le ménage, payé en partie par le département',
      conditions: {
        all: [
          ageAtLeast(65, 'l’aide-ménagère', 'CASF L113-1'),
          livesAt('domicile', 'CASF L231-1'),
          girIn([5, 6], 'l’aide-ménagère (personnes non éligibles à l’APA)', 'CASF L231-1'),
          coupleOrSingle(resourcesAtMost('aspa_seul', 'l’aide-ménagère (personne seule)', 'CASF R231-2'), resourcesAtMost('aspa_couple', 'l’aide-ménagère (couple)', 'CASF R231-2')),
        ],
      },
      evaluation: { by: 'le conseil départemental', what: 'décide du nombre d’heures (30 h par mois au plus, 48 h en couple)' },
      toCheck: ['Ne pas recevoir l’APA ni une aide de la caisse de retraite pour le même besoin.', 'Votre caisse de retraite peut aussi aider les GIR 5 et 6 (même formulaire cerfa 16301).'],
      nextSteps: { where: 'CCAS ou CIAS de votre commune, qui transmet au département', kind: 'ccas-cias', form: 'Dossier d’aide sociale (ou cerfa 16301 pour la caisse de retraite)' },
      sources: ['CASF L113-1, L231-1, L231-2, R231-2'],
    },
    {
      id: 'ajpa',
      label: 'Allocation journalière du proche aidant (AJPA)',
      falc: 'De l’argent quand on arrête de travailler pour aider un proche',
      conditions: { all: [carer, carerWorks, { any: [taux(['80-plus'], 'la personne aidée ouvre droit à l’AJPA', 'CSS L168-8'), girIn([1, 2, 3, 4], 'l’AJPA (personne aidée)', 'CSS L168-8')] }] },
      toCheck: ['Vous prenez un congé de proche aidant ou réduisez votre activité.', 'Au plus 22 jours par mois, 66 jours par personne aidée, 264 jours sur la carrière.'],
      amount: { type: 'fixed', param: 'ajpa_jour', per: 'jour', note: 'Demi-journée : la moitié. Revalorisée chaque 1er janvier (valeur 2026 à vérifier).' },
      nextSteps: { where: 'CAF (téléservice) ou MSA', form: 'Demande en ligne et attestation de l’employeur' },
      sources: ['CSS L168-8 à L168-16', 'solidarites.gouv.fr, caf.fr'],
    },
    {
      id: 'conge-proche-aidant',
      label: 'Congé de proche aidant',
      falc: 'Arrêter de travailler un temps pour aider un proche',
      conditions: { all: [carer, carerWorks, { any: [taux(['80-plus'], 'la personne aidée ouvre droit au congé', 'CT L3142-16'), girIn([1, 2, 3], 'le congé de proche aidant (à vérifier pour le GIR 4)', 'CT D3142-8')] }] },
      toCheck: ['Vous êtes salarié(e) ; prévenez votre employeur un mois avant (15 jours pour un renouvellement).', '3 mois renouvelables, au plus 1 an sur toute la carrière ; fractionnable ou à temps partiel avec l’accord de l’employeur.'],
      nextSteps: { where: 'Votre employeur (lettre ou courriel) ; l’AJPA compense la perte de salaire' },
      sources: ['Code du travail L3142-16 à L3142-27, D3142-7 et suivants'],
    },
  ],
};
