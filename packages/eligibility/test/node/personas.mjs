// Persona table for the national catalogue (issue 13). Written by hand from the texts (CASF, CSS, Code du travail)
// and from ../shared/research/eligibility_rules_facts.md, section 17 (which replaces earlier lines), BEFORE the engine
// was changed: each expected status cites the article it applies. Statuses: eligible (no further evaluation),
// probable (met, an authority evaluates), unknown (« à vérifier »: a fact is missing, a value is unconfirmed or an
// exception the questions do not cover may apply), not_eligible.
//
// Facts used (a missing key means « not answered »):
//   demandeur.age, demandeur.lieu_de_vie (domicile|etablissement), demandeur.gir (1–6), demandeur.gir_estime (bool),
//   demandeur.taux_incapacite (aucun|moins-50|50-79|80-plus|inconnu), demandeur.rsdae, demandeur.difficultes_activites
//   (aucune|une-grave|deux-graves|une-absolue), demandeur.criteres_pch_avant_60_ans, demandeur.en_activite,
//   demandeur.inapte_travail, demandeur.residence_stable_france, demandeur.en_couple, demandeur.enfants_a_charge,
//   demandeur.a_charge_prestations_familiales, demandeur.aeeh_complement, demandeur.sante_gene_travail,
//   demandeur.mobilite_reduite, demandeur.ressources_propres (€/month, the person's own; equal to the household's for
//   a person living alone), foyer.ressources_mensuelles (€/month, household), demandeur.frais_hebergement (€/month),
//   aidant.est_aidant, aidant.activite_professionnelle.
//
// Values (section 0 and 17): AAH 1 033,32 € from 2025-04-01 (✅), 1 042,62 € from 2026-04-01 (🟠 toVerify);
// ASPA single/couple 1 034,28 / 1 605,73 € from 2025-01-01 (🟠 toVerify), 1 043,60 / 1 620,18 € from 2026-01-01 (✅);
// APA plafonds GIR 1–4 2 045,56 / 1 654,18 / 1 195,67 / 797,96 € from 2025-01-01, 2 080,33 / 1 682,30 / 1 215,99 /
// 811,52 € from 2026-01-01 (✅). A ceiling that is unconfirmed (toVerify) or stale cannot give a definite « non » for
// resources within 5 % above it: « à vérifier ».

export const DEFAULT_DATE = '2026-12-02';

const home82 = { 'demandeur.age': 82, 'demandeur.lieu_de_vie': 'domicile', 'demandeur.residence_stable_france': true, 'demandeur.en_couple': false };
const adult35 = { 'demandeur.age': 35, 'demandeur.residence_stable_france': true, 'demandeur.en_couple': false, 'demandeur.enfants_a_charge': 0, 'demandeur.a_charge_prestations_familiales': false };
const carer = { 'aidant.est_aidant': true, 'aidant.activite_professionnelle': true };

/** @type {Array<{ id: string, date?: string, answers: Record<string, unknown>, expect: Record<string, string>, amount?: Record<string, { value?: number, min?: number, max?: number, stale?: boolean, toVerify?: boolean }>, why: string }>} */
export const personas = [
  // ——— APA à domicile: 60 ans (CASF R232-1), GIR 1–4 (CASF L232-2, R232-3), domicile (L232-3)
  { id: 'apa-59', answers: { ...home82, 'demandeur.age': 59, 'demandeur.gir': 3 }, expect: { 'apa-domicile': 'not_eligible' }, why: 'CASF R232-1 : 60 ans au moins' },
  { id: 'apa-60', answers: { ...home82, 'demandeur.age': 60, 'demandeur.gir': 3 }, expect: { 'apa-domicile': 'probable' }, why: 'CASF R232-1 : 60 ans ; GIR évalué par l’équipe médico-sociale (L232-6)' },
  { id: 'apa-gir4', answers: { ...home82, 'demandeur.gir': 4 }, expect: { 'apa-domicile': 'probable', 'aide-menagere': 'not_eligible' }, why: 'CASF R232-4 : GIR 1 à 4 ; aide-ménagère pour les non-bénéficiaires de l’APA (L231-1)' },
  { id: 'apa-gir5', answers: { ...home82, 'demandeur.gir': 5 }, expect: { 'apa-domicile': 'not_eligible' }, why: 'CASF R232-4 : GIR 5 hors APA' },
  { id: 'apa-gir5-estime', answers: { ...home82, 'demandeur.gir': 5, 'demandeur.gir_estime': true }, expect: { 'apa-domicile': 'unknown' }, why: 'CASF L232-6 : seul l’équipe médico-sociale fixe le GIR ; une estimation ne peut pas dire non' },
  { id: 'apa-gir-manquant', answers: { ...home82 }, expect: { 'apa-domicile': 'unknown', 'apa-etablissement': 'not_eligible' }, why: 'CASF L232-2 : GIR inconnu ; L232-8 : établissement seulement' },
  { id: 'apa-etab', answers: { ...home82, 'demandeur.lieu_de_vie': 'etablissement', 'demandeur.gir': 2 }, expect: { 'apa-domicile': 'not_eligible', 'apa-etablissement': 'probable' }, why: 'CASF L232-8 (établissement), R232-1 (60 ans)' },
  { id: 'apa-etab-59', answers: { ...home82, 'demandeur.lieu_de_vie': 'etablissement', 'demandeur.gir': 2, 'demandeur.age': 59 }, expect: { 'apa-etablissement': 'not_eligible' }, why: 'CASF R232-1 : 60 ans' },
  { id: 'apa-plafond-2025', date: '2025-12-31', answers: { ...home82, 'demandeur.gir': 2 }, expect: { 'apa-domicile': 'probable' }, amount: { 'apa-domicile': { max: 1654.18, stale: false } }, why: 'CASF R232-10 : plafonds revalorisés au 1er janvier ; 2025 : 1 654,18 € (GIR 2)' },
  { id: 'apa-plafond-2026', date: '2026-01-01', answers: { ...home82, 'demandeur.gir': 2 }, expect: { 'apa-domicile': 'probable' }, amount: { 'apa-domicile': { max: 1682.3, stale: false } }, why: 'CASF R232-10 : 2026 : 1 682,30 € (GIR 2)' },
  { id: 'apa-plafond-gir4-2026', answers: { ...home82, 'demandeur.gir': 4 }, expect: { 'apa-domicile': 'probable' }, amount: { 'apa-domicile': { max: 811.52 } }, why: 'CASF R232-10 : GIR 4 811,52 € en 2026' },

  // ——— ASPA: 65 ans (CSS L815-1, R815-1), 62 ans si inapte au travail ou incapacité ≥ 50 % (CSS L815-1, R815-2 ; section 17)
  { id: 'aspa-64-valide', answers: { ...home82, 'demandeur.age': 64, 'demandeur.inapte_travail': false, 'demandeur.taux_incapacite': 'aucun', 'foyer.ressources_mensuelles': 700 }, expect: { aspa: 'unknown' }, why: 'CSS L815-1 : 65 ans, mais d’autres cas anticipés (ancien combattant, travailleur handicapé…) à vérifier avec la caisse' },
  { id: 'aspa-65', answers: { ...home82, 'demandeur.age': 65, 'foyer.ressources_mensuelles': 700 }, expect: { aspa: 'eligible' }, amount: { aspa: { value: 343.6 } }, why: 'CSS R815-1 : 65 ans ; différentiel 1 043,60 − 700' },
  { id: 'aspa-61-inapte', answers: { ...home82, 'demandeur.age': 61, 'demandeur.inapte_travail': true, 'foyer.ressources_mensuelles': 700 }, expect: { aspa: 'not_eligible' }, why: 'CSS L815-1 : au plus tôt 62 ans pour les inaptes' },
  { id: 'aspa-62-inapte', answers: { ...home82, 'demandeur.age': 62, 'demandeur.inapte_travail': true, 'foyer.ressources_mensuelles': 700 }, expect: { aspa: 'eligible' }, why: 'CSS L815-1, R815-2 : dès 62 ans si inapte au travail (section 17)' },
  { id: 'aspa-62-taux50', answers: { ...home82, 'demandeur.age': 62, 'demandeur.inapte_travail': false, 'demandeur.taux_incapacite': '50-79', 'foyer.ressources_mensuelles': 700 }, expect: { aspa: 'eligible' }, why: 'CSS L815-1 : dès 62 ans avec une incapacité ≥ 50 % (section 17)' },
  { id: 'aspa-61-taux80', answers: { ...home82, 'demandeur.age': 61, 'demandeur.taux_incapacite': '80-plus', 'foyer.ressources_mensuelles': 700 }, expect: { aspa: 'not_eligible' }, why: 'CSS L815-1 : pas avant 62 ans' },
  { id: 'aspa-63-inapte-inconnu', answers: { ...home82, 'demandeur.age': 63, 'foyer.ressources_mensuelles': 700 }, expect: { aspa: 'unknown' }, why: 'CSS L815-1 : entre 62 et 65 ans, l’inaptitude décide' },
  { id: 'aspa-seul-sous', answers: { ...home82, 'foyer.ressources_mensuelles': 1042.6 }, expect: { aspa: 'eligible', 'aide-menagere': 'unknown' }, amount: { aspa: { value: 1 } }, why: 'CSS L815-9, D815-1 : plafond 1 043,60 € ; aide-ménagère : GIR inconnu' },
  { id: 'aspa-seul-sur', answers: { ...home82, 'foyer.ressources_mensuelles': 1044.6 }, expect: { aspa: 'not_eligible' }, why: 'CSS L815-9 : 1 € au-dessus du plafond confirmé de 2026' },
  { id: 'aspa-couple-sous', answers: { ...home82, 'demandeur.en_couple': true, 'foyer.ressources_mensuelles': 1619.18 }, expect: { aspa: 'eligible' }, amount: { aspa: { value: 1 } }, why: 'CSS D815-1 : plafond couple 1 620,18 € ; différentiel sur le plafond couple (section 17)' },
  { id: 'aspa-couple-sur', answers: { ...home82, 'demandeur.en_couple': true, 'foyer.ressources_mensuelles': 1621.18 }, expect: { aspa: 'not_eligible' }, why: 'CSS D815-1 : 1 € au-dessus du plafond couple' },
  { id: 'aspa-couple-1500', answers: { ...home82, 'demandeur.en_couple': true, 'foyer.ressources_mensuelles': 1500 }, expect: { aspa: 'eligible' }, amount: { aspa: { value: 120.18 } }, why: 'section 17 : un couple éligible reçoit 1 620,18 − 1 500 (pas « environ 0 € »)' },
  { id: 'aspa-couple-inconnu-entre', answers: { ...home82, 'demandeur.en_couple': undefined, 'foyer.ressources_mensuelles': 1500 }, expect: { aspa: 'unknown' }, why: 'CSS D815-1 : entre les deux plafonds, la situation de couple décide' },
  { id: 'aspa-couple-inconnu-sous', answers: { ...home82, 'demandeur.en_couple': undefined, 'foyer.ressources_mensuelles': 900 }, expect: { aspa: 'eligible' }, why: 'CSS D815-1 : sous les deux plafonds' },
  { id: 'aspa-couple-inconnu-sur', answers: { ...home82, 'demandeur.en_couple': undefined, 'foyer.ressources_mensuelles': 1700 }, expect: { aspa: 'not_eligible' }, why: 'CSS D815-1 : au-dessus des deux plafonds' },
  { id: 'aspa-2025-sous', date: '2025-06-01', answers: { ...home82, 'foyer.ressources_mensuelles': 1033.28 }, expect: { aspa: 'eligible' }, amount: { aspa: { value: 1, toVerify: true } }, why: 'section 17 : 2025 : 1 034,28 € (🟠)' },
  { id: 'aspa-2025-sur-a-verifier', date: '2025-06-01', answers: { ...home82, 'foyer.ressources_mensuelles': 1035.28 }, expect: { aspa: 'unknown' }, why: 'section 17 : plafond 2025 non confirmé → « à vérifier », jamais « non »' },
  { id: 'aspa-2025-12-31', date: '2025-12-31', answers: { ...home82, 'foyer.ressources_mensuelles': 1040 }, expect: { aspa: 'unknown' }, why: 'CSS D815-1, section 17 : veille de la revalorisation, plafond 2025 (🟠) dépassé de 5,72 €' },
  { id: 'aspa-2026-01-01', date: '2026-01-01', answers: { ...home82, 'foyer.ressources_mensuelles': 1040 }, expect: { aspa: 'eligible' }, amount: { aspa: { value: 3.6 } }, why: 'CSS D815-1 : plafond 2026 1 043,60 €' },
  { id: 'aspa-residence-non', answers: { ...home82, 'demandeur.residence_stable_france': false, 'foyer.ressources_mensuelles': 700 }, expect: { aspa: 'not_eligible' }, why: 'CSS L815-1 : résidence stable et régulière en France' },
  { id: 'aspa-2024', date: '2024-06-01', answers: { ...home82, 'foyer.ressources_mensuelles': 700 }, expect: { aspa: 'unknown' }, why: 'pas de valeur du plafond avant 2025 : le montant n’est pas connu, jamais « undefined € »' },

  // ——— AAH: 20 ans, ou 16 ans hors charge de famille (CSS L821-1, R821-1) ; 80 % (L821-1) ou 50–79 % + RSDAE (L821-2)
  //     jusqu’à l’âge légal de retraite ; ressources propres ≤ 12 × AAH (+50 % par enfant) (L821-3, D821-2)
  { id: 'aah-80', date: '2025-10-01', answers: { ...adult35, 'demandeur.taux_incapacite': '80-plus', 'demandeur.ressources_propres': 300 }, expect: { aah: 'probable' }, amount: { aah: { value: 733.32 } }, why: 'CSS L821-1 ; montant 1 033,32 − 300' },
  { id: 'aah-19-a-charge', answers: { ...adult35, 'demandeur.age': 19, 'demandeur.a_charge_prestations_familiales': true, 'demandeur.taux_incapacite': '80-plus', 'demandeur.ressources_propres': 0 }, expect: { aah: 'not_eligible', aeeh: 'probable' }, why: 'CSS R821-1 : avant 20 ans, seulement hors charge pour les prestations familiales ; AEEH jusqu’à 20 ans (L541-1)' },
  { id: 'aah-19-autonome', answers: { ...adult35, 'demandeur.age': 19, 'demandeur.a_charge_prestations_familiales': false, 'demandeur.taux_incapacite': '80-plus', 'demandeur.ressources_propres': 0 }, expect: { aah: 'probable' }, why: 'CSS R821-1 : dès 16 ans hors charge (section 17)' },
  { id: 'aah-20', answers: { ...adult35, 'demandeur.age': 20, 'demandeur.a_charge_prestations_familiales': true, 'demandeur.taux_incapacite': '80-plus', 'demandeur.ressources_propres': 0 }, expect: { aah: 'probable', aeeh: 'not_eligible' }, why: 'CSS L821-1 : 20 ans ; AEEH jusqu’à 20 ans (L541-1)' },
  { id: 'aah-15', answers: { ...adult35, 'demandeur.age': 15, 'demandeur.a_charge_prestations_familiales': false, 'demandeur.taux_incapacite': '80-plus', 'demandeur.ressources_propres': 0 }, expect: { aah: 'not_eligible' }, why: 'CSS R821-1 : pas avant 16 ans' },
  { id: 'aah-16-autonome', answers: { ...adult35, 'demandeur.age': 16, 'demandeur.a_charge_prestations_familiales': false, 'demandeur.taux_incapacite': '80-plus', 'demandeur.ressources_propres': 0 }, expect: { aah: 'probable' }, why: 'CSS R821-1 : 16 ans hors charge' },
  { id: 'aah-17-charge-inconnue', answers: { ...adult35, 'demandeur.age': 17, 'demandeur.a_charge_prestations_familiales': undefined, 'demandeur.taux_incapacite': '80-plus', 'demandeur.ressources_propres': 0 }, expect: { aah: 'unknown' }, why: 'CSS R821-1 : la charge de famille décide' },
  { id: 'aah-50-rsdae', answers: { ...adult35, 'demandeur.taux_incapacite': '50-79', 'demandeur.rsdae': true, 'demandeur.ressources_propres': 300 }, expect: { aah: 'probable' }, why: 'CSS L821-2' },
  { id: 'aah-50-sans-rsdae', answers: { ...adult35, 'demandeur.taux_incapacite': '50-79', 'demandeur.rsdae': false, 'demandeur.ressources_propres': 300 }, expect: { aah: 'not_eligible' }, why: 'CSS L821-2 : RSDAE exigée entre 50 et 79 %' },
  { id: 'aah-50-rsdae-inconnue', answers: { ...adult35, 'demandeur.taux_incapacite': '50-79', 'demandeur.ressources_propres': 300 }, expect: { aah: 'unknown' }, why: 'CSS L821-2 : RSDAE non renseignée' },
  { id: 'aah-moins50', answers: { ...adult35, 'demandeur.taux_incapacite': 'moins-50', 'demandeur.ressources_propres': 300 }, expect: { aah: 'not_eligible', rqth: 'unknown' }, why: 'CSS L821-1, L821-2 : 50 % au moins ; RQTH : l’effet sur le travail n’est pas renseigné (CT L5213-1)' },
  { id: 'aah-50-rsdae-61', answers: { ...adult35, 'demandeur.age': 61, 'demandeur.taux_incapacite': '50-79', 'demandeur.rsdae': true, 'demandeur.ressources_propres': 300 }, expect: { aah: 'probable' }, why: 'CSS L821-2 : avant l’âge légal de retraite (62 ans au plus tôt)' },
  { id: 'aah-50-rsdae-62', answers: { ...adult35, 'demandeur.age': 62, 'demandeur.taux_incapacite': '50-79', 'demandeur.rsdae': true, 'demandeur.ressources_propres': 300 }, expect: { aah: 'unknown' }, why: 'CSS L821-2, L161-17-2 : l’âge légal dépend de l’année de naissance (section 17)' },
  { id: 'aah-50-rsdae-64', answers: { ...adult35, 'demandeur.age': 64, 'demandeur.taux_incapacite': '50-79', 'demandeur.rsdae': true, 'demandeur.ressources_propres': 300 }, expect: { aah: 'not_eligible' }, why: 'CSS L821-2 : s’arrête à l’âge légal de retraite (64 ans au plus tard)' },
  { id: 'aah-80-70', answers: { ...adult35, 'demandeur.age': 70, 'demandeur.taux_incapacite': '80-plus', 'demandeur.ressources_propres': 300 }, expect: { aah: 'probable' }, why: 'CSS L821-1 : avec 80 % une AAH différentielle continue (section 17)' },
  { id: 'aah-sous-plafond-2025', date: '2025-10-01', answers: { ...adult35, 'demandeur.taux_incapacite': '80-plus', 'demandeur.ressources_propres': 1032.32 }, expect: { aah: 'probable' }, amount: { aah: { value: 1 } }, why: 'CSS D821-2 : 12 × 1 033,32 € par an' },
  { id: 'aah-sur-plafond-2025', date: '2025-10-01', answers: { ...adult35, 'demandeur.taux_incapacite': '80-plus', 'demandeur.ressources_propres': 1034.32 }, expect: { aah: 'not_eligible' }, why: 'CSS D821-2 : 1 € au-dessus d’un plafond confirmé' },
  { id: 'aah-enfant-sous', date: '2025-10-01', answers: { ...adult35, 'demandeur.enfants_a_charge': 1, 'demandeur.taux_incapacite': '80-plus', 'demandeur.ressources_propres': 1548.98 }, expect: { aah: 'probable' }, why: 'CSS D821-2 : plafond +50 % par enfant : 1 549,98 €' },
  { id: 'aah-enfant-sur', date: '2025-10-01', answers: { ...adult35, 'demandeur.enfants_a_charge': 1, 'demandeur.taux_incapacite': '80-plus', 'demandeur.ressources_propres': 1550.98 }, expect: { aah: 'not_eligible' }, why: 'CSS D821-2 : 1 € au-dessus avec un enfant' },
  { id: 'aah-enfants-inconnus', date: '2025-10-01', answers: { ...adult35, 'demandeur.enfants_a_charge': undefined, 'demandeur.taux_incapacite': '80-plus', 'demandeur.ressources_propres': 1200 }, expect: { aah: 'unknown' }, why: 'CSS D821-2 : au-dessus du plafond sans enfant, le nombre d’enfants décide' },
  { id: 'aah-couple-deconjugalise', answers: { ...adult35, 'demandeur.en_couple': true, 'demandeur.taux_incapacite': '80-plus', 'demandeur.ressources_propres': 400, 'foyer.ressources_mensuelles': 3000 }, expect: { aah: 'probable' }, why: 'CSS L821-3 (déconjugalisation au 1er octobre 2023) : seules les ressources propres comptent' },
  { id: 'aah-couple-ressources-propres-inconnues', answers: { ...adult35, 'demandeur.en_couple': true, 'demandeur.taux_incapacite': '80-plus', 'foyer.ressources_mensuelles': 3000 }, expect: { aah: 'unknown' }, why: 'CSS L821-3 : les ressources du foyer ne disent rien des ressources propres' },
  { id: 'aah-seul-foyer', answers: { ...adult35, 'demandeur.taux_incapacite': '80-plus', 'foyer.ressources_mensuelles': 500 }, expect: { aah: 'probable' }, why: 'CSS L821-3 : seul(e), les ressources du foyer sont les ressources propres' },
  { id: 'aah-2026-sur-a-verifier', answers: { ...adult35, 'demandeur.taux_incapacite': '80-plus', 'demandeur.ressources_propres': 1043.62 }, expect: { aah: 'unknown' }, why: 'section 17 : montant d’avril 2026 non confirmé (1 041,59 ou 1 042,62 €)' },
  { id: 'aah-2026-loin-au-dessus', answers: { ...adult35, 'demandeur.taux_incapacite': '80-plus', 'demandeur.ressources_propres': 1500 }, expect: { aah: 'not_eligible' }, why: 'CSS D821-2 : bien au-dessus, quelle que soit la valeur confirmée' },
  { id: 'aah-2026-03-31', date: '2026-03-31', answers: { ...adult35, 'demandeur.taux_incapacite': '80-plus', 'demandeur.ressources_propres': 300 }, expect: { aah: 'probable' }, amount: { aah: { value: 733.32, stale: false } }, why: 'CSS L821-3 : 1 033,32 € jusqu’au 31 mars 2026' },
  { id: 'aah-2026-04-01', date: '2026-04-01', answers: { ...adult35, 'demandeur.taux_incapacite': '80-plus', 'demandeur.ressources_propres': 300 }, expect: { aah: 'probable' }, amount: { aah: { value: 742.62, toVerify: true } }, why: 'section 17 : 1 042,62 € au 1er avril 2026, à confirmer' },

  // ——— PCH: CASF L245-1, D245-4 et annexe 2-5
  { id: 'pch-59', answers: { ...adult35, 'demandeur.age': 59, 'demandeur.difficultes_activites': 'une-absolue' }, expect: { pch: 'probable' }, why: 'CASF L245-1 I : avant 60 ans' },
  { id: 'pch-60-sans-exception', answers: { ...adult35, 'demandeur.age': 60, 'demandeur.difficultes_activites': 'une-absolue', 'demandeur.criteres_pch_avant_60_ans': false, 'demandeur.en_activite': false }, expect: { pch: 'not_eligible' }, why: 'CASF L245-1 II : après 60 ans, critères remplis avant 60 ans ou activité' },
  { id: 'pch-60-avant-60', answers: { ...adult35, 'demandeur.age': 60, 'demandeur.difficultes_activites': 'deux-graves', 'demandeur.criteres_pch_avant_60_ans': true }, expect: { pch: 'probable' }, why: 'CASF L245-1 II 1° : critères remplis avant 60 ans' },
  { id: 'pch-78-avant-60', answers: { ...adult35, 'demandeur.age': 78, 'demandeur.difficultes_activites': 'deux-graves', 'demandeur.criteres_pch_avant_60_ans': true }, expect: { pch: 'probable' }, why: 'loi 2020-220 : plus de limite à 75 ans' },
  { id: 'pch-62-en-activite', answers: { ...adult35, 'demandeur.age': 62, 'demandeur.difficultes_activites': 'une-absolue', 'demandeur.criteres_pch_avant_60_ans': false, 'demandeur.en_activite': true }, expect: { pch: 'probable' }, why: 'CASF L245-1 II 2° : toujours en activité après 60 ans (section 17)' },
  { id: 'pch-65-inconnu', answers: { ...adult35, 'demandeur.age': 65, 'demandeur.difficultes_activites': 'une-absolue' }, expect: { pch: 'unknown' }, why: 'CASF L245-1 II : l’exception après 60 ans n’est pas renseignée' },
  { id: 'pch-une-grave', answers: { ...adult35, 'demandeur.difficultes_activites': 'une-grave' }, expect: { pch: 'not_eligible' }, why: 'CASF D245-4 : une difficulté absolue ou deux graves' },
  { id: 'pch-enfant-complement', answers: { ...adult35, 'demandeur.age': 12, 'demandeur.difficultes_activites': 'une-absolue', 'demandeur.aeeh_complement': true }, expect: { pch: 'probable' }, why: 'CASF L245-1 III : enfant avec AEEH et droit à un complément' },
  { id: 'pch-enfant-sans-complement', answers: { ...adult35, 'demandeur.age': 12, 'demandeur.difficultes_activites': 'une-absolue', 'demandeur.aeeh_complement': false }, expect: { pch: 'not_eligible' }, why: 'CASF L245-1 III (section 17)' },
  { id: 'pch-19-complement-inconnu', answers: { ...adult35, 'demandeur.age': 19, 'demandeur.difficultes_activites': 'une-absolue' }, expect: { pch: 'unknown' }, why: 'CASF L245-1 III : moins de 20 ans, complément d’AEEH non renseigné' },
  { id: 'pch-20', answers: { ...adult35, 'demandeur.age': 20, 'demandeur.difficultes_activites': 'une-absolue' }, expect: { pch: 'probable' }, why: 'CASF L245-1 I : adulte de moins de 60 ans' },

  // ——— AEEH: CSS L541-1, R541-1
  { id: 'aeeh-8-50', answers: { 'demandeur.age': 8, 'demandeur.taux_incapacite': '50-79' }, expect: { aeeh: 'probable' }, amount: { aeeh: { min: 153.16, toVerify: true, stale: true } }, why: 'CSS L541-1 ; base 153,16 € (🟠), complément 6 = MTP non revalorisée en avril 2026' },
  { id: 'aeeh-8-moins50', answers: { 'demandeur.age': 8, 'demandeur.taux_incapacite': 'moins-50' }, expect: { aeeh: 'not_eligible' }, why: 'CSS L541-1 : 50 % au moins' },
  { id: 'aeeh-19', answers: { 'demandeur.age': 19, 'demandeur.taux_incapacite': '80-plus' }, expect: { aeeh: 'probable' }, why: 'CSS L541-1 : moins de 20 ans' },
  { id: 'aeeh-age-manquant', answers: { 'demandeur.taux_incapacite': '80-plus' }, expect: { aeeh: 'unknown' }, why: 'CSS L541-1 : âge non renseigné' },

  // ——— CMI: CASF L241-3 (invalidité 80 % ; priorité et stationnement sous 80 % ; GIR 1–2 bénéficiaires de l’APA)
  { id: 'cmi-80', answers: { ...adult35, 'demandeur.taux_incapacite': '80-plus' }, expect: { cmi: 'probable' }, why: 'CASF L241-3 I 1°' },
  { id: 'cmi-gir2-70', answers: { ...home82, 'demandeur.age': 70, 'demandeur.gir': 2 }, expect: { cmi: 'probable' }, why: 'CASF L241-3 : bénéficiaires de l’APA en GIR 1 ou 2' },
  { id: 'cmi-moins50-marche', answers: { ...adult35, 'demandeur.taux_incapacite': 'moins-50', 'demandeur.mobilite_reduite': true }, expect: { cmi: 'probable' }, why: 'CASF L241-3 I 2° et 3° : priorité / stationnement sous 80 % (section 17)' },
  { id: 'cmi-50-sans-reponse', answers: { ...adult35, 'demandeur.taux_incapacite': '50-79' }, expect: { cmi: 'unknown' }, why: 'CASF L241-3 : la pénibilité de la station debout ou de la marche décide' },
  { id: 'cmi-aucun', answers: { ...adult35, 'demandeur.age': 40, 'demandeur.taux_incapacite': 'aucun', 'demandeur.gir': 6, 'demandeur.mobilite_reduite': false }, expect: { cmi: 'not_eligible' }, why: 'CASF L241-3 : aucune mention possible' },
  { id: 'cmi-gir2-40', answers: { ...adult35, 'demandeur.age': 40, 'demandeur.gir': 2, 'demandeur.taux_incapacite': 'aucun', 'demandeur.mobilite_reduite': false }, expect: { cmi: 'not_eligible' }, why: 'CASF L241-3 : la voie GIR 1–2 concerne les bénéficiaires de l’APA (60 ans et plus)' },

  // ——— RQTH: CT L5213-1, L5213-2 ; dès 16 ans (15 ans pour un apprenti : à vérifier), sans limite d’âge ni taux
  { id: 'rqth-14', answers: { 'demandeur.age': 14, 'demandeur.sante_gene_travail': true }, expect: { rqth: 'not_eligible' }, why: 'CT L5213-1 : personne en âge de travailler' },
  { id: 'rqth-15', answers: { 'demandeur.age': 15, 'demandeur.sante_gene_travail': true }, expect: { rqth: 'unknown' }, why: 'CT L6222-1 : apprentissage possible dès 15 ans' },
  { id: 'rqth-16', answers: { 'demandeur.age': 16, 'demandeur.sante_gene_travail': true }, expect: { rqth: 'probable' }, why: 'CT L5213-1 : dès 16 ans' },
  { id: 'rqth-70', answers: { 'demandeur.age': 70, 'demandeur.sante_gene_travail': true }, expect: { rqth: 'probable' }, why: 'CT L5213-1 : pas d’âge maximal (section 17)' },
  { id: 'rqth-sans-taux', answers: { 'demandeur.age': 30, 'demandeur.taux_incapacite': 'aucun', 'demandeur.sante_gene_travail': true }, expect: { rqth: 'probable' }, why: 'CT L5213-1 : aucun taux exigé (section 17)' },
  { id: 'rqth-non', answers: { 'demandeur.age': 30, 'demandeur.sante_gene_travail': false }, expect: { rqth: 'not_eligible' }, why: 'CT L5213-1 : possibilités d’emploi non réduites' },

  // ——— ASH: CASF L113-1 (65 ans, 60 si inapte), L231-4, L132-3 (90 % des ressources)
  { id: 'ash-65', answers: { ...home82, 'demandeur.age': 65, 'demandeur.lieu_de_vie': 'etablissement', 'demandeur.ressources_propres': 1200, 'demandeur.frais_hebergement': 2300 }, expect: { ash: 'probable' }, why: 'CASF L113-1, L132-3 : 90 % de 1 200 < 2 300' },
  { id: 'ash-64-valide', answers: { ...home82, 'demandeur.age': 64, 'demandeur.inapte_travail': false, 'demandeur.lieu_de_vie': 'etablissement', 'demandeur.ressources_propres': 1200, 'demandeur.frais_hebergement': 2300 }, expect: { ash: 'not_eligible' }, why: 'CASF L113-1 : 65 ans, ou 60 si inapte' },
  { id: 'ash-60-inapte', answers: { ...home82, 'demandeur.age': 60, 'demandeur.inapte_travail': true, 'demandeur.lieu_de_vie': 'etablissement', 'demandeur.ressources_propres': 1200, 'demandeur.frais_hebergement': 2300 }, expect: { ash: 'probable' }, why: 'CASF L113-1 : 60 ans si inapte au travail (section 17)' },
  { id: 'ash-59-inapte', answers: { ...home82, 'demandeur.age': 59, 'demandeur.inapte_travail': true, 'demandeur.taux_incapacite': 'aucun', 'demandeur.lieu_de_vie': 'etablissement', 'demandeur.ressources_propres': 1200, 'demandeur.frais_hebergement': 2300 }, expect: { ash: 'not_eligible' }, why: 'CASF L113-1 : pas avant 60 ans (hors handicap)' },
  { id: 'ash-90pc-sous', answers: { ...home82, 'demandeur.lieu_de_vie': 'etablissement', 'demandeur.ressources_propres': 2222, 'demandeur.frais_hebergement': 2000 }, expect: { ash: 'probable' }, why: 'CASF L132-3 : 90 % × 2 222 = 1 999,80 < 2 000 (section 17)' },
  { id: 'ash-90pc-sur', answers: { ...home82, 'demandeur.lieu_de_vie': 'etablissement', 'demandeur.ressources_propres': 2223, 'demandeur.frais_hebergement': 2000 }, expect: { ash: 'not_eligible' }, why: 'CASF L132-3 : 90 % × 2 223 = 2 000,70 ≥ 2 000' },
  { id: 'ash-domicile', answers: { ...home82, 'demandeur.ressources_propres': 800, 'demandeur.frais_hebergement': 2000 }, expect: { ash: 'not_eligible' }, why: 'CASF L231-4 : hébergement en établissement' },
  { id: 'ash-frais-inconnus', answers: { ...home82, 'demandeur.lieu_de_vie': 'etablissement', 'demandeur.ressources_propres': 800 }, expect: { ash: 'unknown' }, why: 'CASF L132-3 : coût de l’hébergement non renseigné' },

  // ——— Aide-ménagère: CASF L231-1, L113-1 (65 / 60 si inapte), R231-2 (plafond ASPA)
  { id: 'am-65-gir5', answers: { ...home82, 'demandeur.age': 65, 'demandeur.gir': 5, 'foyer.ressources_mensuelles': 900 }, expect: { 'aide-menagere': 'probable' }, why: 'CASF L231-1, R231-2' },
  { id: 'am-64-valide', answers: { ...home82, 'demandeur.age': 64, 'demandeur.inapte_travail': false, 'demandeur.gir': 5, 'foyer.ressources_mensuelles': 900 }, expect: { 'aide-menagere': 'not_eligible' }, why: 'CASF L113-1 : 65 ans ou 60 si inapte' },
  { id: 'am-60-inapte', answers: { ...home82, 'demandeur.age': 60, 'demandeur.inapte_travail': true, 'demandeur.gir': 6, 'foyer.ressources_mensuelles': 900 }, expect: { 'aide-menagere': 'probable' }, why: 'CASF L113-1 : 60 ans si inapte (section 17)' },
  { id: 'am-sur-plafond', answers: { ...home82, 'demandeur.gir': 5, 'foyer.ressources_mensuelles': 1044.6 }, expect: { 'aide-menagere': 'not_eligible' }, why: 'CASF R231-2 : plafond de l’ASPA 1 043,60 €' },
  { id: 'am-couple-sous', answers: { ...home82, 'demandeur.en_couple': true, 'demandeur.gir': 5, 'foyer.ressources_mensuelles': 1619.18 }, expect: { 'aide-menagere': 'probable' }, why: 'CASF R231-2 : plafond couple 1 620,18 €' },
  { id: 'am-etablissement', answers: { ...home82, 'demandeur.lieu_de_vie': 'etablissement', 'demandeur.gir': 5, 'foyer.ressources_mensuelles': 900 }, expect: { 'aide-menagere': 'not_eligible' }, why: 'CASF L231-1 : aide à domicile' },

  // ——— AJPA (CSS L168-8) and congé de proche aidant (CT L3142-16, D3142-8)
  { id: 'aidant-gir3', answers: { ...carer, 'demandeur.gir': 3 }, expect: { ajpa: 'eligible', 'conge-proche-aidant': 'eligible' }, amount: { ajpa: { value: 66.64, toVerify: true } }, why: 'CSS L168-8 ; CT D3142-8 : GIR 1–3 ; AJPA 66,64 € en 2026 (🟠)' },
  { id: 'aidant-gir4', answers: { ...carer, 'demandeur.gir': 4, 'demandeur.taux_incapacite': 'aucun' }, expect: { ajpa: 'eligible', 'conge-proche-aidant': 'unknown' }, why: 'CSS L168-8 : GIR 1–4 depuis 2022 ; congé : sources divergentes pour le GIR 4 (section 17)' },
  { id: 'aidant-gir5', answers: { ...carer, 'demandeur.gir': 5, 'demandeur.taux_incapacite': 'aucun' }, expect: { ajpa: 'not_eligible', 'conge-proche-aidant': 'not_eligible' }, why: 'CSS L168-8 ; CT D3142-8' },
  { id: 'aidant-80', answers: { ...carer, 'demandeur.taux_incapacite': '80-plus', 'demandeur.gir': 6 }, expect: { ajpa: 'eligible', 'conge-proche-aidant': 'eligible' }, why: 'CSS L168-8 ; CT L3142-16 : taux ≥ 80 %' },
  { id: 'aidant-sans-travail', answers: { ...carer, 'aidant.activite_professionnelle': false, 'demandeur.gir': 2 }, expect: { ajpa: 'not_eligible', 'conge-proche-aidant': 'not_eligible' }, why: 'CSS L168-8 : compense une réduction d’activité' },
  { id: 'pas-aidant', answers: { 'aidant.est_aidant': false, 'demandeur.gir': 2 }, expect: { ajpa: 'not_eligible', 'conge-proche-aidant': 'not_eligible' }, why: 'CSS L168-8 : pour l’aidant' },
  { id: 'ajpa-2025-12-31', date: '2025-12-31', answers: { ...carer, 'demandeur.gir': 2 }, expect: { ajpa: 'eligible' }, amount: { ajpa: { value: 65.8 } }, why: 'AJPA 65,80 € en 2025' },
  { id: 'ajpa-2026-01-01', date: '2026-01-01', answers: { ...carer, 'demandeur.gir': 2 }, expect: { ajpa: 'eligible' }, amount: { ajpa: { value: 66.64 } }, why: 'AJPA 66,64 € au 1er janvier 2026 (section 17)' },

  // ——— Missing answers
  { id: 'rien', answers: {}, expect: { 'apa-domicile': 'unknown', 'apa-etablissement': 'unknown', pch: 'unknown', aah: 'unknown', aspa: 'unknown', aeeh: 'unknown', cmi: 'unknown', rqth: 'unknown', ash: 'unknown', 'aide-menagere': 'unknown', ajpa: 'unknown', 'conge-proche-aidant': 'unknown' }, why: 'rien ne dit non sans réponse' },
  { id: 'seulement-age-82', answers: { 'demandeur.age': 82 }, expect: { 'apa-domicile': 'unknown', aeeh: 'not_eligible', aspa: 'unknown', pch: 'unknown', rqth: 'unknown' }, why: 'CSS L541-1 (AEEH < 20 ans) ; le reste attend des réponses' },
  { id: 'inconnu-taux', answers: { ...adult35, 'demandeur.taux_incapacite': 'inconnu', 'demandeur.ressources_propres': 300 }, expect: { aah: 'unknown', cmi: 'unknown' }, why: '« Je ne sais pas » vaut absence de réponse' },
];
