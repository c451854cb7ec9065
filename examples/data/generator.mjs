// Deterministic generator of demonstration data in the data·inclusion v1 shape { structures, services }.
// Real communes and coordinates (from the committed gazetteer chunks of @relais/core); names, addresses,
// phone numbers (ARCEP ranges reserved for fiction), e-mails and web sites (.example) are fictional.
// Same options → same bytes.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeCommuneChunk } from '../../packages/core/dist/geo/gazetteer.js';

const here = dirname(fileURLToPath(import.meta.url));
const chunksDir = join(here, '../../packages/core/data/communes');

/** mulberry32: small, fast, deterministic PRNG. */
export function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (arr) => arr[Math.floor(next() * arr.length)],
    chance: (p) => next() < p,
  };
}

/** Reads the communes of the given départements (all when omitted) from the committed chunks. */
export function readCommunes(departements) {
  const files = readdirSync(chunksDir).filter((f) => /^d.+\.js$/.test(f)).sort();
  const out = [];
  for (const f of files) {
    const dep = f.slice(1, -3);
    if (departements && !departements.includes(dep)) continue;
    const src = readFileSync(join(chunksDir, f), 'utf8');
    const text = JSON.parse(src.slice(src.indexOf('export default ') + 15, src.lastIndexOf(';')));
    for (const c of decodeCommuneChunk(dep, text)) {
      if (c.parent) continue; // arrondissements: use the commune itself
      out.push({ code: c.code, name: c.name, postcode: c.postcodes[0], lat: c.lat, lon: c.lon, pop: c.population, dep, epci: c.epci || null });
    }
  }
  return out;
}

const STREETS = ['rue des Tilleuls', 'place de la Mairie', 'avenue de la Gare', 'rue du Moulin', 'rue Pasteur', 'rue Jean Jaurès', 'rue de la Fontaine', 'chemin des Vignes', 'boulevard Victor Hugo', 'rue des Écoles', 'route de Nevers', 'rue de l’Église', 'allée des Peupliers', 'rue du Commerce', 'impasse des Lilas', 'rue Saint-Martin', 'quai de Loire', 'rue des Jardins'];
const NAMES = ['Les Tilleuls', 'Le Clos Fleuri', 'Les Glycines', 'La Roseraie', 'Les Charmilles', 'Le Val de Loire', 'Les Hortensias', 'La Source', 'Les Coteaux', 'Le Bois Joli', 'Les Cèdres', 'L’Orée du Morvan', 'Les Acacias', 'La Prairie', 'Le Moulin Neuf', 'Les Bruyères', 'Les Marronniers', 'Bel Air', 'Les Saules', 'La Chaumière'];
const OFFICE_HOURS = ['Mo-Fr 09:00-12:00,13:30-17:00; PH off', 'Mo,Tu,Th,Fr 08:30-12:00,13:30-17:00; We 08:30-12:00; PH off', 'Mo-Fr 08:30-12:30,14:00-17:30; PH off', 'Tu-Sa 09:00-12:00; Th 14:00-18:00; PH off', 'Mo-Th 09:00-12:00,14:00-17:00; Fr 09:00-12:00; PH off'];
const VISIT_HOURS = ['Mo-Su 10:00-19:00', 'Mo-Su 11:00-18:30', 'Mo-Fr 09:00-17:00; Sa,Su 14:00-18:00'];
// ARCEP ranges reserved for fiction (by area): 01 99 00, 02 61 91, 03 53 01, 04 65 71, 05 36 49, 06 39 98.
const FICTION_PREFIX = { 1: '01 99 00', 2: '02 61 91', 3: '03 53 01', 4: '04 65 71', 5: '05 36 49' };
const AREA_BY_REGION_DEP = (dep) => {
  const n = parseInt(dep, 10);
  if (['75', '77', '78', '91', '92', '93', '94', '95'].includes(dep)) return 1;
  if ([14, 18, 22, 27, 28, 29, 35, 36, 37, 41, 44, 45, 49, 50, 53, 56, 61, 72, 76, 85, 86].includes(n)) return 2;
  if ([2, 8, 10, 21, 25, 39, 51, 52, 54, 55, 57, 58, 59, 60, 62, 67, 68, 70, 71, 80, 88, 89, 90].includes(n)) return 3;
  if ([1, 3, 4, 5, 6, 7, 11, 13, 15, 26, 30, 34, 38, 42, 43, 48, 63, 66, 69, 73, 74, 83, 84].includes(n) || dep.startsWith('2')) return 4;
  return 5;
};

// Kinds of structures: how many per 10 000 inhabitants (or fixed), and the services they offer.
const D = (s) => s; // descriptions are written in plain French
const KINDS = [
  { kind: 'ccas-cias', per: 'commune', minPop: 1500, label: (c) => `CCAS de ${c.name}`, hours: 'office', zone: 'commune', services: [
    { nom: 'Accueil social et accès aux droits', type: 'accompagnement', th: ['difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-aux-droits', 'autonomie--droits-et-prestations'], publics: ['tous-publics'], modes: ['en-presentiel'], frais: 'gratuit', desc: D('Le centre communal d’action sociale vous reçoit pour faire le point sur vos droits, vous aider à constituer un dossier (APA, aide sociale, aide au logement) et vous orienter vers le bon interlocuteur.'), docs: ['Pièce d’identité', 'Justificatif de domicile', 'Dernier avis d’imposition'] },
    { nom: 'Portage de repas à domicile', type: 'aide-materielle', th: ['autonomie--portage-de-repas'], publics: ['seniors', 'personnes-en-situation-de-handicap'], modes: ['a-domicile'], frais: 'payant', p: 0.45, desc: D('Des repas équilibrés livrés chez vous, du lundi au samedi, pour les personnes âgées ou handicapées qui ne peuvent plus cuisiner. Tarif selon les ressources.') },
    { nom: 'Téléassistance', type: 'aide-materielle', th: ['autonomie--teleassistance'], publics: ['seniors', 'personnes-agees-en-perte-dautonomie'], modes: ['a-domicile'], frais: 'payant', p: 0.3, desc: D('Un médaillon ou un bracelet pour appeler à l’aide en cas de chute ou de malaise, jour et nuit. Le CCAS vous aide à l’installer.') },
  ] },
  { kind: 'france-services', per: 25000, label: (c) => `France Services de ${c.name}`, hours: 'office', zone: 'departement', services: [
    { nom: 'Aide aux démarches administratives', type: 'accompagnement', th: ['difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives', 'numerique--acceder-a-des-services-en-ligne'], publics: ['tous-publics'], modes: ['en-presentiel'], frais: 'gratuit', desc: D('Des agents formés vous accompagnent dans vos démarches : retraite, CAF, assurance maladie, impôts, MDPH, carte grise. Accès libre à un ordinateur.'), docs: ['Pièce d’identité', 'Vos identifiants en ligne si vous les avez'] },
    { nom: 'Accompagnement au numérique', type: 'atelier', th: ['numerique--maitriser-les-fondamentaux-du-numerique'], publics: ['tous-publics', 'seniors'], modes: ['en-presentiel'], frais: 'gratuit', p: 0.6, desc: D('Ateliers pour apprendre à utiliser un ordinateur, une tablette ou un téléphone, et faire vos démarches en ligne en toute sécurité.') },
  ] },
  { kind: 'clic', per: 80000, label: (c) => `CLIC du pays de ${c.name}`, hours: 'office', zone: 'epci', services: [
    { nom: 'Information et orientation des personnes âgées et de leurs proches', type: 'information', th: ['autonomie--information-et-coordination', 'famille--soutien-aidants'], publics: ['seniors', 'proches-aidants'], modes: ['en-presentiel', 'a-distance', 'a-domicile'], frais: 'gratuit', desc: D('Le CLIC vous informe sur les aides, les services à domicile, les établissements et les démarches. Une coordinatrice peut venir chez vous pour évaluer vos besoins.') },
    { nom: 'Ateliers prévention : équilibre et mémoire', type: 'atelier', th: ['autonomie--prevention'], publics: ['seniors'], modes: ['en-presentiel'], frais: 'gratuit', p: 0.6, desc: D('Cycles d’ateliers pour prévenir les chutes, entretenir sa mémoire et bien vieillir chez soi.') },
  ] },
  { kind: 'dac', per: 'prefecture', label: (c) => `DAC ${c.depName}`, hours: 'office', zone: 'departement', services: [
    { nom: 'Appui à la coordination des parcours complexes', type: 'accompagnement', th: ['autonomie--information-et-coordination', 'sante--acces-aux-soins'], publics: ['tous-publics'], modes: ['a-distance', 'en-presentiel'], frais: 'gratuit', mobilisable: ['professionnels'], desc: D('Le dispositif d’appui à la coordination aide les professionnels (médecins, infirmiers, travailleurs sociaux) à organiser le parcours des personnes en situation complexe, quel que soit leur âge ou leur pathologie.') },
  ] },
  { kind: 'mdph-mda', per: 'prefecture', label: (c) => `Maison départementale de l’autonomie — ${c.depName}`, hours: 'office', zone: 'departement', services: [
    { nom: 'Accueil, information et dépôt des demandes MDPH', type: 'information', th: ['sante--constituer-un-dossier-mdph-invalidite', 'autonomie--droits-et-prestations'], publics: ['personnes-en-situation-de-handicap', 'enfants-en-situation-de-handicap', 'proches-aidants'], modes: ['en-presentiel', 'a-distance'], frais: 'gratuit', desc: D('La MDPH vous accueille pour toute demande liée au handicap : AAH, PCH, carte mobilité inclusion, RQTH, orientation, AEEH. Aide pour remplir le formulaire cerfa 15692.'), docs: ['Formulaire de demande (cerfa 15692)', 'Certificat médical de moins d’un an (cerfa 15695)', 'Pièce d’identité', 'Justificatif de domicile'] },
    { nom: 'Demande d’APA à domicile', type: 'aide-financiere', th: ['autonomie--droits-et-prestations', 'autonomie--aide-et-accompagnement-a-domicile'], publics: ['seniors', 'personnes-agees-en-perte-dautonomie'], modes: ['en-presentiel', 'a-domicile'], frais: 'gratuit', desc: D('L’allocation personnalisée d’autonomie aide à payer l’aide à domicile des personnes de 60 ans et plus. Une équipe vient chez vous évaluer vos besoins.'), docs: ['Formulaire de demande d’APA (cerfa 16301)', 'Pièce d’identité', 'Dernier avis d’imposition'] },
  ] },
  { kind: 'conseil-departemental', per: 60000, label: (c) => `Maison des solidarités de ${c.name}`, hours: 'office', zone: 'epci', services: [
    { nom: 'Accompagnement social', type: 'accompagnement', th: ['difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-aux-droits', 'difficultes-financieres--prevenir-une-degradation-de-la-situation-financiere'], publics: ['tous-publics'], modes: ['en-presentiel', 'a-domicile'], frais: 'gratuit', desc: D('Les assistantes sociales du département vous reçoivent sur rendez-vous pour toute difficulté : budget, logement, santé, perte d’autonomie.') },
  ] },
  { kind: 'saad', per: 12000, label: (c, r) => `${r.pick(['Aide à domicile', 'ADMR', 'Domicile Services', 'Présence à domicile'])} ${r.pick(NAMES)} — ${c.name}`, hours: 'office', zone: 'radius', services: [
    { nom: 'Aide et accompagnement à domicile', type: 'accompagnement', th: ['autonomie--aide-et-accompagnement-a-domicile', 'equipement-et-alimentation--aide-menagere'], publics: ['seniors', 'personnes-en-situation-de-handicap', 'personnes-agees-en-perte-dautonomie'], modes: ['a-domicile'], frais: 'payant', desc: D('Des auxiliaires de vie vous aident chez vous : lever, toilette, repas, courses, ménage, sorties. Service autorisé par le département : l’APA et la PCH peuvent financer les heures.') },
  ] },
  { kind: 'ssiad', per: 25000, label: (c) => `SSIAD de ${c.name}`, hours: 'office', zone: 'radius', services: [
    { nom: 'Soins infirmiers à domicile', type: 'accompagnement', th: ['autonomie--soins-a-domicile', 'sante--acces-aux-soins'], publics: ['seniors', 'personnes-en-situation-de-handicap'], modes: ['a-domicile'], frais: 'gratuit', desc: D('Des aides-soignants et infirmiers viennent chez vous, sur prescription médicale, pour les soins d’hygiène et les soins infirmiers. Pris en charge par l’assurance maladie.'), docs: ['Prescription médicale', 'Carte Vitale'] },
  ] },
  { kind: 'spasad', per: 60000, label: (c) => `Service autonomie à domicile ${c.name}`, hours: 'office', zone: 'radius', services: [
    { nom: 'Aide et soins à domicile coordonnés', type: 'accompagnement', th: ['autonomie--aide-et-accompagnement-a-domicile', 'autonomie--soins-a-domicile'], publics: ['seniors', 'personnes-en-situation-de-handicap'], modes: ['a-domicile'], frais: 'payant', desc: D('Un seul service pour l’aide et les soins à domicile, avec une équipe coordonnée.') },
  ] },
  { kind: 'ehpad', per: 7000, label: (c, r) => `EHPAD ${r.pick(NAMES)}`, hours: 'visit', zone: null, services: [
    { nom: 'Hébergement permanent', type: 'accompagnement', th: ['autonomie--hebergement-permanent'], publics: ['personnes-agees-en-perte-dautonomie', 'seniors'], modes: ['en-presentiel'], frais: 'payant', desc: D('Établissement d’hébergement pour personnes âgées dépendantes : chambres individuelles, soins, repas et animations. Habilité à l’aide sociale.'), docs: ['Dossier unique d’admission (cerfa 14732)', 'Dernier avis d’imposition'] },
    { nom: 'Hébergement temporaire', type: 'accompagnement', th: ['autonomie--hebergement-temporaire', 'autonomie--repit-des-aidants'], publics: ['personnes-agees-en-perte-dautonomie', 'proches-aidants'], modes: ['en-presentiel'], frais: 'payant', p: 0.45, desc: D('Quelques semaines en établissement après une hospitalisation, pendant l’absence d’un aidant ou pour se préparer à l’entrée en EHPAD.') },
    { nom: 'Accueil de jour Alzheimer', type: 'accompagnement', th: ['autonomie--accueil-de-jour', 'autonomie--repit-des-aidants'], publics: ['personnes-agees-en-perte-dautonomie', 'proches-aidants'], modes: ['en-presentiel'], frais: 'payant', p: 0.3, desc: D('Une à plusieurs journées par semaine d’activités adaptées pour les personnes atteintes de la maladie d’Alzheimer ou apparentée vivant à domicile.') },
  ] },
  { kind: 'residence-autonomie', per: 30000, label: (c, r) => `Résidence autonomie ${r.pick(NAMES)}`, hours: 'office', zone: null, services: [
    { nom: 'Logements pour personnes âgées autonomes', type: 'accompagnement', th: ['autonomie--hebergement-permanent', 'logement-hebergement--changer-de-logement'], publics: ['seniors'], modes: ['en-presentiel'], frais: 'payant', desc: D('Des appartements adaptés avec des services collectifs (restauration, animations, présence la nuit) pour les personnes âgées autonomes.') },
  ] },
  { kind: 'accueil-de-jour', per: 40000, label: (c) => `Accueil de jour de ${c.name}`, hours: 'office', zone: null, services: [
    { nom: 'Accueil de jour', type: 'accompagnement', th: ['autonomie--accueil-de-jour', 'autonomie--repit-des-aidants'], publics: ['personnes-agees-en-perte-dautonomie', 'proches-aidants'], modes: ['en-presentiel'], frais: 'payant', desc: D('Accueil à la journée, avec transport possible, pour des activités qui stimulent la mémoire et le lien social, et un temps de répit pour l’aidant.') },
  ] },
  { kind: 'plateforme-repit', per: 90000, label: (c) => `Plateforme d’accompagnement et de répit — ${c.name}`, hours: 'office', zone: 'departement', services: [
    { nom: 'Répit et soutien des aidants', type: 'accompagnement', th: ['autonomie--repit-des-aidants', 'famille--soutien-aidants'], publics: ['proches-aidants'], modes: ['en-presentiel', 'a-distance', 'a-domicile'], frais: 'gratuit', desc: D('Vous aidez un proche âgé ou malade ? Écoute, information, groupes de parole, relayage à domicile et séjours de répit.') },
    { nom: 'Groupe de parole des aidants', type: 'atelier', th: ['autonomie--repit-des-aidants'], publics: ['proches-aidants'], modes: ['en-presentiel'], frais: 'gratuit', p: 0.7, desc: D('Un après-midi par mois pour échanger avec d’autres aidants, avec une psychologue.') },
  ] },
  { kind: 'esat', per: 30000, label: (c) => `ESAT ${c.name}`, hours: 'office', zone: null, services: [
    { nom: 'Travail en milieu protégé', type: 'accompagnement', th: ['autonomie--travail-protege', 'trouver-un-emploi--maintien-dans-lemploi'], publics: ['personnes-en-situation-de-handicap'], modes: ['en-presentiel'], frais: 'gratuit', desc: D('Activités professionnelles adaptées (espaces verts, restauration, blanchisserie) avec un accompagnement médico-social. Orientation par la CDAPH.') },
  ] },
  { kind: 'savs', per: 50000, label: (c) => `SAVS ${c.name}`, hours: 'office', zone: 'departement', services: [
    { nom: 'Accompagnement à la vie sociale', type: 'accompagnement', th: ['autonomie--accompagnement-vie-sociale'], publics: ['personnes-en-situation-de-handicap'], modes: ['a-domicile', 'en-presentiel'], frais: 'gratuit', desc: D('Un accompagnement pour vivre chez soi : logement, budget, démarches, vie sociale. Orientation par la CDAPH.') },
  ] },
  { kind: 'samsah', per: 120000, label: (c) => `SAMSAH ${c.name}`, hours: 'office', zone: 'departement', services: [
    { nom: 'Accompagnement médico-social pour adultes handicapés', type: 'accompagnement', th: ['autonomie--accompagnement-vie-sociale', 'sante--acces-aux-soins'], publics: ['personnes-en-situation-de-handicap'], modes: ['a-domicile'], frais: 'gratuit', desc: D('Un accompagnement de la vie quotidienne et des soins pour les adultes handicapés vivant chez eux.') },
  ] },
  { kind: 'mas', per: 120000, label: (c, r) => `MAS ${r.pick(NAMES)}`, hours: 'visit', zone: null, services: [
    { nom: 'Maison d’accueil spécialisée', type: 'accompagnement', th: ['autonomie--etablissement-handicap'], publics: ['personnes-en-situation-de-handicap'], modes: ['en-presentiel'], frais: 'payant', desc: D('Hébergement et soins pour les adultes lourdement handicapés. Orientation par la CDAPH.') },
  ] },
  { kind: 'fam', per: 90000, label: (c, r) => `FAM ${r.pick(NAMES)}`, hours: 'visit', zone: null, services: [
    { nom: 'Foyer d’accueil médicalisé', type: 'accompagnement', th: ['autonomie--etablissement-handicap'], publics: ['personnes-en-situation-de-handicap'], modes: ['en-presentiel'], frais: 'payant', desc: D('Hébergement avec soins pour les adultes handicapés qui ont besoin d’aide dans la vie quotidienne.') },
  ] },
  { kind: 'foyer-de-vie', per: 60000, label: (c, r) => `Foyer de vie ${r.pick(NAMES)}`, hours: 'visit', zone: null, services: [
    { nom: 'Foyer de vie', type: 'accompagnement', th: ['autonomie--etablissement-handicap', 'remobilisation--lien-social'], publics: ['personnes-en-situation-de-handicap'], modes: ['en-presentiel'], frais: 'payant', desc: D('Lieu de vie et d’activités pour les adultes handicapés qui ne travaillent pas.') },
  ] },
  { kind: 'ime', per: 70000, label: (c, r) => `IME ${r.pick(NAMES)}`, hours: 'office', zone: null, services: [
    { nom: 'Institut médico-éducatif', type: 'accompagnement', th: ['autonomie--enfance-handicap'], publics: ['enfants-en-situation-de-handicap', 'familles'], modes: ['en-presentiel'], frais: 'gratuit', desc: D('Éducation et soins pour les enfants et adolescents avec une déficience intellectuelle. Orientation par la CDAPH.') },
  ] },
  { kind: 'camsp', per: 'prefecture', label: (c) => `CAMSP ${c.name}`, hours: 'office', zone: 'departement', services: [
    { nom: 'Dépistage et soins précoces (0–6 ans)', type: 'accompagnement', th: ['autonomie--enfance-handicap', 'sante--acces-aux-soins'], publics: ['enfants-en-situation-de-handicap', 'familles'], modes: ['en-presentiel'], frais: 'gratuit', desc: D('Consultations, rééducation et accompagnement des familles pour les jeunes enfants avec un retard de développement ou un handicap.') },
  ] },
  { kind: 'gem', per: 90000, label: (c) => `GEM ${c.name}`, hours: 'office', zone: null, services: [
    { nom: 'Groupe d’entraide mutuelle', type: 'atelier', th: ['autonomie--entraide-et-lien-social', 'remobilisation--lien-social', 'sante--sante-mentale'], publics: ['personnes-en-situation-de-handicap'], modes: ['en-presentiel'], frais: 'gratuit', desc: D('Un lieu convivial géré par et pour ses adhérents, qui vivent avec des troubles psychiques : activités, sorties, entraide.') },
  ] },
  { kind: 'centre-social', per: 15000, label: (c) => `Centre social de ${c.name}`, hours: 'office', zone: 'commune', services: [
    { nom: 'Activités et lien social', type: 'atelier', th: ['remobilisation--lien-social', 'autonomie--entraide-et-lien-social'], publics: ['tous-publics'], modes: ['en-presentiel'], frais: 'gratuit', desc: D('Ateliers, repas partagés, sorties et permanences pour rompre l’isolement, à tout âge.') },
    { nom: 'Transport solidaire', type: 'accompagnement', th: ['autonomie--transport-accompagne', 'mobilite--mobilite-douce-partagee-collective'], publics: ['seniors', 'personnes-en-situation-de-handicap'], modes: ['a-domicile'], frais: 'payant', p: 0.5, desc: D('Des chauffeurs bénévoles vous emmènent à vos rendez-vous médicaux ou faire vos courses, pour une petite participation aux frais.') },
  ] },
  { kind: 'association', per: 20000, label: (c, r) => r.pick([`Association ${r.pick(NAMES)} — transport solidaire`, `Repas ${r.pick(NAMES)} à domicile`, `Visites amicales ${c.name}`]), hours: 'office', zone: 'epci', services: [
    { nom: 'Visites de convivialité', type: 'accompagnement', th: ['autonomie--entraide-et-lien-social', 'remobilisation--lien-social'], publics: ['seniors'], modes: ['a-domicile'], frais: 'gratuit', desc: D('Des bénévoles rendent visite aux personnes âgées isolées, pour discuter, jouer, se promener.') },
    { nom: 'Transport accompagné', type: 'accompagnement', th: ['autonomie--transport-accompagne'], publics: ['seniors', 'personnes-en-situation-de-handicap'], modes: ['a-domicile'], frais: 'payant', p: 0.4, desc: D('Accompagnement aux rendez-vous et aux courses en voiture, avec un bénévole.') },
  ] },
  { kind: 'mandataire-judiciaire', per: 120000, label: (c) => `Service mandataire judiciaire — ${c.name}`, hours: 'office', zone: 'departement', services: [
    { nom: 'Information des tuteurs familiaux', type: 'information', th: ['autonomie--protection-juridique', 'difficultes-financieres--mettre-en-place-une-mesure-de-protection-financiere'], publics: ['proches-aidants', 'familles'], modes: ['en-presentiel', 'a-distance'], frais: 'gratuit', desc: D('Vous êtes tuteur ou curateur d’un proche, ou vous envisagez une mesure de protection ? Nous vous informons et vous aidons dans vos démarches.') },
  ] },
];

const FINESS_BY_KIND = { clic: '463', dac: '606', 'mdph-mda': '609', ehpad: '500', 'residence-autonomie': '202', 'accueil-de-jour': '207', ssiad: '354', saad: '460', spasad: '209', esat: '246', mas: '255', fam: '437', 'foyer-de-vie': '382', savs: '446', samsah: '445', ime: '183', camsp: '190' };

const slug = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40);

/**
 * Generates a dataset.
 * @param {{ departements?: string[], seed?: number, targetServices?: number, today?: string, source?: string }} opts
 */
/** Where a structure stands, and each of its services with it: the address line, the commune, the position. */
const located = (c, adresse, latitude, longitude) => ({ adresse, complement_adresse: null, commune: c.name, code_postal: c.postcode, code_insee: c.code, latitude, longitude });

export function generate(opts = {}) {
  const r = rng(opts.seed ?? 58);
  const today = new Date(`${opts.today ?? '2026-11-01'}T00:00:00Z`);
  const communes = readCommunes(opts.departements);
  const source = opts.source ?? 'relais-demo';
  const depNames = new Map();
  const depFile = readFileSync(join(here, '../../packages/core/src/geo/departements-data.ts'), 'utf8');
  for (const [code, name] of JSON.parse(depFile.slice(depFile.indexOf('= ') + 2, depFile.lastIndexOf(';')))) depNames.set(code, name);
  const byDep = new Map();
  for (const c of communes) {
    c.depName = depNames.get(c.dep) ?? c.dep;
    if (!byDep.has(c.dep)) byDep.set(c.dep, []);
    byDep.get(c.dep).push(c);
  }
  const totalPop = communes.reduce((s, c) => s + c.pop, 0);
  // Scale so that the expected number of services meets the target.
  const scale = opts.targetServices ? opts.targetServices / expectedServices(totalPop, byDep.size) : 1;

  // weighted commune picker (by population)
  const pickers = new Map();
  const pickWeighted = (list) => {
    let p = pickers.get(list);
    if (!p) {
      const cum = [];
      let s = 0;
      for (const c of list) cum.push((s += Math.max(50, c.pop)));
      p = { cum, s };
      pickers.set(list, p);
    }
    const x = r.next() * p.s;
    let lo = 0;
    let hi = p.cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (p.cum[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return list[lo];
  };

  const structures = [];
  const services = [];
  const usedNames = new Set();
  let seq = 0;
  const dateMaj = () => {
    const d = new Date(today.getTime() - r.int(3, 660) * 86400000);
    return d.toISOString().slice(0, 10);
  };
  const phone = (c) => `${FICTION_PREFIX[AREA_BY_REGION_DEP(c.dep)]} ${String(r.int(0, 99)).padStart(2, '0')} ${String(r.int(0, 99)).padStart(2, '0')}`;

  for (const [dep, list] of byDep) {
    const depPop = list.reduce((s, c) => s + c.pop, 0);
    const prefecture = [...list].sort((a, b) => b.pop - a.pop)[0];
    for (const K of KINDS) {
      let places;
      if (K.per === 'prefecture') places = [prefecture];
      else if (K.per === 'commune') places = list.filter((c) => c.pop >= K.minPop).filter(() => r.chance(Math.min(1, scale)));
      else {
        const n = Math.max(K.per >= 60000 ? 1 : 0, Math.round((depPop / K.per) * scale * (0.8 + 0.4 * r.next())));
        places = Array.from({ length: n }, () => pickWeighted(list));
      }
      for (const c of places) {
        seq++;
        let nom = K.label(c, r);
        if (usedNames.has(nom)) nom = `${nom} (${c.name})`;
        if (usedNames.has(nom)) nom = `${nom} ${seq}`;
        usedNames.add(nom);
        const id = `${source}--s${String(seq).padStart(6, '0')}`;
        const lat = Math.round((c.lat + (r.next() - 0.5) * 0.02) * 1e5) / 1e5;
        const lon = Math.round((c.lon + (r.next() - 0.5) * 0.03) * 1e5) / 1e5;
        const site = `https://${slug(nom)}.example`;
        const hours = K.hours === 'visit' ? r.pick(VISIT_HOURS) : r.pick(OFFICE_HOURS);
        const finess = FINESS_BY_KIND[K.kind];
        const st = {
          source,
          id,
          nom,
          date_maj: dateMaj(),
          description: `${nom} (données de démonstration, structure fictive).`,
          siret: null,
          ...located(c, `${r.int(1, 48)} ${r.pick(STREETS)}`, lat, lon),
          telephone: phone(c),
          courriel: `contact@${slug(nom)}.example`,
          site_web: site,
          lien_source: null,
          horaires_accueil: hours,
          accessibilite_lieu: null,
          reseaux_porteurs: K.kind === 'ccas-cias' ? ['ccas-cias'] : K.kind === 'france-services' ? ['france-service'] : K.kind === 'mdph-mda' ? ['mdph'] : K.kind === 'conseil-departemental' ? ['departements'] : null,
          typologie: K.kind,
          numero_finess: finess ? `${dep.padStart(2, '0').slice(0, 2)}9${String(seq % 1000000).padStart(6, '0')}`.replace(/[^0-9AB]/g, '0') : null,
          categorie_finess: finess ?? null,
        };
        structures.push(st);
        let k = 0;
        for (const S of K.services) {
          if (S.p !== undefined && !r.chance(S.p)) continue;
          k++;
          const zone =
            K.zone === 'commune' ? [c.code] : K.zone === 'departement' ? [dep] : K.zone === 'epci' && c.epci ? [c.epci] : K.zone === 'radius' ? list.filter((o) => Math.hypot(o.lat - c.lat, (o.lon - c.lon) * 0.68) < 0.2).map((o) => o.code).slice(0, 60) : null;
          services.push({
            source,
            id: `${id}-${k}`,
            structure_id: id,
            nom: S.nom,
            description: S.desc,
            date_maj: st.date_maj,
            type: S.type,
            thematiques: S.th,
            frais: S.frais,
            frais_precisions: S.frais === 'payant' ? 'Tarif selon les ressources ; aides possibles (APA, PCH, aide sociale).' : null,
            publics: S.publics,
            publics_precisions: null,
            conditions_acces: S.docs ? 'Sur rendez-vous de préférence.' : null,
            modes_accueil: S.modes,
            modes_mobilisation: ['telephoner', 'se-presenter', ...(r.chance(0.4) ? ['envoyer-un-courriel'] : [])],
            mobilisable_par: S.mobilisable ?? ['usagers', 'professionnels'],
            mobilisation_precisions: S.mobilisable ? 'Sur demande d’un professionnel.' : null,
            lien_mobilisation: null,
            telephone: null,
            courriel: null,
            contact_nom_prenom: null,
            ...located(c, st.adresse, lat, lon),
            horaires_accueil: null,
            zone_eligibilite: zone,
            accessibilite: r.chance(0.6) ? r.pick(['Accès de plain-pied, toilettes adaptées.', 'Ascenseur, place de stationnement réservée.', 'Boucle magnétique à l’accueil.']) : null,
            justificatifs: S.docs ?? null,
          });
        }
      }
    }
  }
  return { structures, services };
}

function expectedServices(pop, depCount) {
  let n = 0;
  for (const K of KINDS) {
    const avgServices = K.services.reduce((s, S) => s + (S.p ?? 1), 0);
    if (K.per === 'prefecture') n += depCount * avgServices;
    else if (K.per === 'commune') n += (pop / 8000) * avgServices; // rough: communes above the threshold
    else n += (pop / K.per) * avgServices;
  }
  return n;
}
