#!/usr/bin/env node
// Derives the REAL open datasets of the demo and the tests from ../shared into committed, compact files
// (data·inclusion v1 shape, null fields left out). Re-run with `npm run data:real`; the outputs are deterministic.
//
//   ../shared/data/france-services/liste-fs-20240801.csv   (ANCT, Licence Ouverte 2.0)
//        -> examples/data/france-services.json      all 2 845 France services sites
//   ../shared/data/finess/finess_et_dep58_20210108.csv     (FINESS, 8 January 2021, Licence Ouverte)
//        -> examples/data/finess-58.json            the social and médico-social establishments of the Nièvre
//   examples/data/nievre.json (fictional) + the two above, Nièvre only
//        -> examples/data/nievre-demo.json          the demo's mix, each record labelled (`source_libelle`)
//
// The project builds, tests and runs from the committed outputs: ../shared is needed only to re-derive them.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { frenchName, frenchAddress, repairQuotes, placeIndex, fold } from './french-names.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const shared = process.env.RELAIS_SHARED ?? join(root, '..', 'shared');
if (!existsSync(shared)) {
  console.error(`derive-real-data: dossier partagé introuvable (${shared}). Les fichiers dérivés committés restent valables.`);
  process.exit(1);
}
const out = (name) => join(root, 'examples/data', name);

/** RFC 4180 CSV → array of objects keyed by the header. */
function readCsv(file) {
  const t = readFileSync(file, 'utf8');
  const rows = [];
  let r = [];
  let c = '';
  let q = false;
  for (let i = 0; i < t.length; i++) {
    const ch = t[i];
    if (q) {
      if (ch !== '"') c += ch;
      else if (t[i + 1] === '"') {
        c += '"';
        i++;
      } else q = false;
    } else if (ch === '"') q = true;
    else if (ch === ',') {
      r.push(c);
      c = '';
    } else if (ch === '\n') {
      r.push(c);
      rows.push(r);
      r = [];
      c = '';
    } else if (ch !== '\r') c += ch;
  }
  if (c || r.length) {
    r.push(c);
    rows.push(r);
  }
  const [head, ...body] = rows;
  return body.filter((x) => x.length > 1).map((x) => Object.fromEntries(head.map((h, i) => [h, (x[i] ?? '').trim()])));
}

/** Drops null, empty strings and empty lists, so the file stays compact (the model fills the defaults). */
const compact = (o) => Object.fromEntries(Object.entries(o).filter(([, v]) => v != null && v !== '' && !(Array.isArray(v) && v.length === 0)));
const round6 = (x) => Math.round(Number(x) * 1e6) / 1e6;

// ---------- France services (ANCT, 01/08/2024) ----------
const FS_ATTRIBUTION = 'ANCT – liste des France services, 01/08/2024';
const DAYS = [['h_lundi', 'Mo'], ['h_mardi', 'Tu'], ['h_mercredi', 'We'], ['h_jeudi', 'Th'], ['h_vendredi', 'Fr'], ['h_samedi', 'Sa']];

/** « 09:00 - 12:00 / 13:30 - 17:00 » → « 09:00-12:00,13:30-17:00 »; throws on anything else (checked at derivation). */
function fsDayHours(v, where) {
  if (!v) return '';
  const ranges = v.split('/').map((p) => {
    const m = /^(\d{2}):(\d{2}) - (\d{2}):(\d{2})$/.exec(p.trim());
    if (!m) throw new Error(`${where}: horaires illisibles « ${v} »`);
    return `${m[1]}:${m[2]}-${m[3]}:${m[4]}`;
  });
  return ranges.join(',');
}

/** The six weekday columns as one OSM opening_hours string, consecutive equal days grouped (`Mo-Fr …`). */
function fsOpeningHours(row) {
  const per = DAYS.map(([col]) => fsDayHours(row[col], `France services ${row.id_fs} ${col}`));
  if (per.every((h) => h === '')) return null;
  const rules = [];
  for (let d = 0; d < per.length; ) {
    let e = d;
    while (e + 1 < per.length && per[e + 1] === per[d]) e++;
    if (per[d]) rules.push(`${DAYS[d][1]}${e > d ? (e === d + 1 ? ',' : '-') + DAYS[e][1] : ''} ${per[d]}`);
    d = e + 1;
  }
  return rules.join('; ');
}

const FS_THEMATIQUES = [
  'difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives',
  'difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-aux-droits',
  'numerique--acceder-a-des-services-en-ligne',
];
// The label's scope (programme France services): the partners every site works with. Not a per-site text of the ANCT list.
const FS_DESCRIPTION =
  'Espace labellisé France services : accueil, information et aide aux démarches administratives avec les partenaires du programme ' +
  '(Caf, Assurance maladie, Assurance retraite, MSA, France Travail, Finances publiques, ministères de l’Intérieur et de la Justice, La Poste).';

const fsRows = readCsv(join(shared, 'data/france-services/liste-fs-20240801.csv'));
const fs = { structures: [], services: [] };
for (const r of fsRows) {
  const id = `france-services--${r.id_fs}`;
  const itinerant = /bus|itin/i.test(r.format_fs);
  const notes = [
    r.type_fs === 'Antenne' ? 'Antenne d’une France services.' : '',
    itinerant ? 'France services itinérante : lieux et jours de passage à confirmer auprès de la structure.' : '',
    r.commentaire ? `Précision de la liste ANCT : ${r.commentaire.replace(/\s+/g, ' ')}` : '',
  ].filter(Boolean);
  fs.structures.push(compact({
    source: 'france-services',
    id,
    nom: r.lib_fs,
    date_maj: '2024-08-01',
    adresse: r.adresse,
    complement_adresse: r.complement_adresse,
    commune: r.lib_com,
    code_postal: r.code_postal,
    code_insee: r.insee_com,
    latitude: round6(r.latitude),
    longitude: round6(r.longitude),
    telephone: r.telephone,
    // two sites list several addresses (« a@x.fr - b@x.fr »): data·inclusion has one, the first is kept
    courriel: r.mail.split(/\s+-\s+|[\s;,]+/)[0],
    horaires_accueil: fsOpeningHours(r),
    reseaux_porteurs: ['france-service'],
    source_libelle: FS_ATTRIBUTION,
  }));
  fs.services.push(compact({
    source: 'france-services',
    id: `${id}--demarches`,
    structure_id: id,
    nom: 'Accompagnement aux démarches administratives',
    description: [FS_DESCRIPTION, ...notes].join(' '),
    date_maj: '2024-08-01',
    type: 'accompagnement',
    thematiques: FS_THEMATIQUES,
    frais: 'gratuit',
    publics: ['tous-publics'],
    modes_accueil: ['en-presentiel'],
    modes_mobilisation: ['se-presenter', 'telephoner', ...(r.mail ? ['envoyer-un-courriel'] : [])],
    mobilisable_par: ['usagers', 'professionnels'],
    mobilisation_precisions: r.prise_rdv === 'Oui' ? 'Accueil sur rendez-vous possible.' : null,
  }));
}
const FS_META = {
  description: 'Les 2 845 sites France services (liste ANCT du 1er août 2024), au format data·inclusion v1. Un service générique par site, rédigé par Relais à partir du programme France services (pas un texte officiel du site).',
  attribution: FS_ATTRIBUTION,
  licence: 'Licence Ouverte / Open Licence 2.0 (Etalab) — voir examples/data/LICENCE-ouverte-2.0.md',
  origine: 'anct-carto/france_services @ 77f42ba, data/liste-fs-20240801.csv ; dérivé par scripts/derive-real-data.mjs',
};
writeFileSync(out('france-services.json'), JSON.stringify({ _meta: FS_META, ...fs }));

// ---------- FINESS, Nièvre (extraction Etalab du 08/01/2021) ----------
const FINESS_ATTRIBUTION = 'FINESS, janvier 2021';
const A = 'autonomie--';
const PA = ['personnes-agees-en-perte-dautonomie', 'seniors'];
const PH = ['personnes-en-situation-de-handicap'];
const EH = ['enfants-en-situation-de-handicap', 'familles'];
const HOME = ['a-domicile'];
const SITE = ['en-presentiel'];
// FINESS category (categetab) → structure kind (taxonomy), service name, thematiques, publics, modes d'accueil.
// Only the categories a person or a professional turns to for autonomy, disability or social needs. Left out:
// health care (hospitals, pharmacies, laboratories…), schools, and child-protection placements (decided by the ASE or a judge).
const FINESS_MAP = {
  500: ['ehpad', 'Hébergement en EHPAD', [`${A}hebergement-permanent`], PA, SITE],
  202: ['residence-autonomie', 'Logements en résidence autonomie', [`${A}hebergement-permanent`, 'logement-hebergement--changer-de-logement'], ['seniors'], SITE],
  207: ['accueil-de-jour', 'Accueil de jour pour personnes âgées', [`${A}accueil-de-jour`, `${A}repit-des-aidants`], ['personnes-agees-en-perte-dautonomie', 'proches-aidants'], SITE],
  362: [null, 'Unité de soins de longue durée', [`${A}hebergement-permanent`, 'sante--acces-aux-soins'], ['personnes-agees-en-perte-dautonomie'], SITE],
  354: ['ssiad', 'Soins infirmiers à domicile', [`${A}soins-a-domicile`], ['seniors', ...PH], HOME],
  460: ['saad', 'Aide et accompagnement à domicile', [`${A}aide-et-accompagnement-a-domicile`, 'equipement-et-alimentation--aide-menagere'], ['seniors', ...PH], HOME],
  209: ['spasad', 'Aide et soins à domicile', [`${A}aide-et-accompagnement-a-domicile`, `${A}soins-a-domicile`], ['seniors', ...PH], HOME],
  127: [null, 'Hospitalisation à domicile', [`${A}soins-a-domicile`, 'sante--acces-aux-soins'], ['tous-publics'], HOME],
  463: ['clic', 'Information et coordination pour les personnes âgées', [`${A}information-et-coordination`, 'famille--soutien-aidants'], ['seniors', 'proches-aidants'], SITE],
  246: ['esat', 'Travail protégé en ESAT', [`${A}travail-protege`], PH, SITE],
  445: ['samsah', 'Accompagnement médico-social à domicile (SAMSAH)', [`${A}accompagnement-vie-sociale`, `${A}soins-a-domicile`], PH, HOME],
  446: ['savs', 'Accompagnement à la vie sociale (SAVS)', [`${A}accompagnement-vie-sociale`], PH, HOME],
  255: ['mas', 'Maison d’accueil spécialisée', [`${A}etablissement-handicap`], PH, SITE],
  437: ['fam', 'Foyer d’accueil médicalisé', [`${A}etablissement-handicap`], PH, SITE],
  448: ['fam', 'Établissement d’accueil médicalisé', [`${A}etablissement-handicap`], PH, SITE],
  382: ['foyer-de-vie', 'Foyer de vie', [`${A}etablissement-handicap`], PH, SITE],
  252: [null, 'Foyer d’hébergement pour adultes handicapés', [`${A}etablissement-handicap`], PH, SITE],
  370: [null, 'Établissement expérimental pour personnes handicapées', [`${A}etablissement-handicap`], PH, SITE],
  379: [null, 'Établissement expérimental pour adultes handicapés', [`${A}etablissement-handicap`], PH, SITE],
  183: ['ime', 'Institut médico-éducatif', [`${A}enfance-handicap`], EH, SITE],
  188: [null, 'Établissement pour enfants polyhandicapés', [`${A}enfance-handicap`], EH, SITE],
  186: [null, 'Institut thérapeutique, éducatif et pédagogique (ITEP)', [`${A}enfance-handicap`, 'sante--sante-mentale'], EH, SITE],
  182: [null, 'Éducation spéciale et soins à domicile (SESSAD)', [`${A}enfance-handicap`], EH, HOME],
  189: [null, 'Centre médico-psycho-pédagogique (CMPP)', ['sante--sante-mentale', `${A}enfance-handicap`], ['jeunes', 'familles'], SITE],
  190: ['camsp', 'Action médico-sociale précoce (CAMSP)', [`${A}enfance-handicap`], EH, SITE],
  340: ['mandataire-judiciaire', 'Protection juridique des majeurs', [`${A}protection-juridique`, 'difficultes-financieres--mettre-en-place-une-mesure-de-protection-financiere'], ['seniors', ...PH], SITE],
  214: [null, 'Hébergement et réinsertion sociale (CHRS)', ['logement-hebergement--rechercher-une-solution-dhebergement-temporaire'], ['personnes-en-situation-durgence'], SITE],
  219: [null, 'Centre d’accueil', ['logement-hebergement--rechercher-une-solution-dhebergement-temporaire'], ['personnes-en-situation-durgence'], SITE],
  258: [null, 'Maison relais – pension de famille', ['logement-hebergement--changer-de-logement'], ['tous-publics'], SITE],
  259: [null, 'Résidence sociale', ['logement-hebergement--changer-de-logement'], ['tous-publics'], SITE],
  165: [null, 'Appartement de coordination thérapeutique', ['sante--acces-aux-soins', 'logement-hebergement--rechercher-une-solution-dhebergement-temporaire'], ['tous-publics'], SITE],
  178: [null, 'Accueil et réduction des risques pour usagers de drogues (CAARUD)', ['sante--addictions'], ['tous-publics'], SITE],
  197: [null, 'Soins, accompagnement et prévention en addictologie (CSAPA)', ['sante--addictions'], ['tous-publics'], SITE],
};
// What each category is, in plain French for the public (no code, no registry label). Written from the CASF definitions
// (L312-1) of the categories; the FINESS label is only used as a key.
const FINESS_DESCRIPTION = {
  500: 'Établissement d’hébergement pour personnes âgées dépendantes (EHPAD) : une maison de retraite médicalisée, où la personne âgée vit avec une aide pour les gestes du quotidien et des soins.',
  202: 'Résidence autonomie : des logements adaptés pour personnes âgées encore autonomes, avec des services collectifs (repas, animations, veille).',
  207: 'Centre d’accueil de jour : accueille pour la journée des personnes âgées vivant à domicile, notamment atteintes de la maladie d’Alzheimer, et permet aux proches de souffler.',
  362: 'Unité de soins de longue durée (USLD) : hébergement à l’hôpital pour des personnes âgées très dépendantes qui ont besoin de soins médicaux constants.',
  354: 'Service de soins infirmiers à domicile (SSIAD) : des soins infirmiers et d’hygiène à la maison, sur prescription médicale, pour les personnes âgées ou handicapées.',
  460: 'Service d’aide et d’accompagnement à domicile (SAAD) : aide pour les gestes de la vie quotidienne (toilette, repas, ménage, courses, sorties) à la maison. Peut être financé par l’APA ou la PCH.',
  209: 'Service polyvalent d’aide et de soins à domicile (SPASAD) : aide pour les gestes de la vie quotidienne et soins infirmiers à la maison, par un même service.',
  127: 'Hospitalisation à domicile (HAD) : des soins d’hôpital à la maison, sur prescription médicale.',
  463: 'Centre local d’information et de coordination (CLIC) : informe les personnes âgées et leurs proches sur les aides et les services, et aide à organiser le maintien à domicile.',
  246: 'Établissement et service d’aide par le travail (ESAT) : un travail adapté et accompagné pour les adultes handicapés orientés par la MDPH.',
  445: 'Service d’accompagnement médico-social pour adultes handicapés (SAMSAH) : accompagnement à domicile et dans la vie sociale, avec des soins, sur orientation de la MDPH.',
  446: 'Service d’accompagnement à la vie sociale (SAVS) : aide les adultes handicapés à vivre chez eux et à participer à la vie sociale (démarches, logement, loisirs), sur orientation de la MDPH.',
  255: 'Maison d’accueil spécialisée (MAS) : hébergement avec soins constants pour des adultes lourdement handicapés, sur orientation de la MDPH.',
  437: 'Foyer d’accueil médicalisé (FAM) : hébergement avec soins pour des adultes handicapés qui ont besoin d’aide pour les actes de la vie courante, sur orientation de la MDPH.',
  448: 'Établissement d’accueil médicalisé (EAM) : accueil avec soins d’adultes handicapés, en hébergement ou en journée, sur orientation de la MDPH.',
  382: 'Foyer de vie : hébergement et activités de jour pour des adultes handicapés qui ne travaillent pas, sur orientation de la MDPH.',
  252: 'Foyer d’hébergement : logement pour des adultes handicapés qui travaillent, le plus souvent en ESAT, sur orientation de la MDPH.',
  370: 'Établissement expérimental pour personnes handicapées : un accueil qui sort des catégories habituelles ; renseignez-vous auprès de l’établissement.',
  379: 'Établissement expérimental pour adultes handicapés : un accueil qui sort des catégories habituelles ; renseignez-vous auprès de l’établissement.',
  183: 'Institut médico-éducatif (IME) : éducation, soins et scolarité adaptée pour des enfants et adolescents handicapés, sur orientation de la MDPH.',
  188: 'Établissement pour enfants et adolescents polyhandicapés : éducation et soins pour des enfants lourdement handicapés, sur orientation de la MDPH.',
  186: 'Institut thérapeutique, éducatif et pédagogique (ITEP) : soins et scolarité adaptée pour des enfants et adolescents avec des difficultés psychologiques importantes, sur orientation de la MDPH.',
  182: 'Service d’éducation spéciale et de soins à domicile (SESSAD) : accompagne l’enfant handicapé là où il vit et à l’école, sur orientation de la MDPH.',
  189: 'Centre médico-psycho-pédagogique (CMPP) : consultations et soins pour des enfants et adolescents en difficulté psychologique, scolaire ou de comportement.',
  190: 'Centre d’action médico-sociale précoce (CAMSP) : dépistage et soins pour les enfants de moins de 6 ans qui ont un handicap ou un retard de développement, sans orientation préalable.',
  340: 'Service mandataire judiciaire à la protection des majeurs : exerce les tutelles et curatelles décidées par le juge des contentieux de la protection.',
  214: 'Centre d’hébergement et de réinsertion sociale (CHRS) : hébergement et accompagnement de personnes ou familles en grande difficulté, pour retrouver un logement et une autonomie.',
  219: 'Centre d’accueil : accueil et hébergement de personnes en difficulté ; renseignez-vous auprès de l’établissement sur les conditions.',
  258: 'Maison relais – pension de famille : un logement durable, dans un cadre collectif et accompagné, pour des personnes isolées en difficulté.',
  259: 'Résidence sociale : un logement temporaire meublé, avec un accompagnement, pour des personnes qui ont du mal à se loger.',
  165: 'Appartement de coordination thérapeutique : hébergement temporaire avec suivi médical pour des personnes malades en situation de fragilité.',
  178: 'CAARUD : accueil, matériel et conseils de réduction des risques pour les personnes qui consomment des drogues, anonyme et gratuit.',
  197: 'Centre de soins, d’accompagnement et de prévention en addictologie (CSAPA) : aide et soins pour les problèmes d’alcool, de drogues, de tabac ou de jeux, gratuit.',
};
for (const k of Object.keys(FINESS_MAP)) if (!FINESS_DESCRIPTION[k]) throw new Error(`FINESS ${k} : description manquante`);
const FINESS_CAVEAT = 'Fichier FINESS du 8 janvier 2021 : vérifiez auprès de l’établissement avant de vous déplacer.';

/** communes.csv → rows (no quoted field in this file). */
const communeRows = (() => {
  const [head, ...lines] = readFileSync(join(shared, 'data/communes.csv'), 'utf8').trim().split('\n');
  const h = head.split(',');
  return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [h[i], v])));
})();
const places = placeIndex(communeRows, ['58']);
/** The commune's official name (« COSNE COURS SUR LOIRE CEDE » → « Cosne-Cours-sur-Loire »); else the name re-cased. */
const communeName = (raw) => {
  const bare = raw.replace(/\s+CEDE(X.*)?$/i, '');
  return places.get(fold(bare)) ?? frenchName(bare, { places });
};

const finessRows = readCsv(join(shared, 'data/finess/finess_et_dep58_20210108.csv'));
const finess = { structures: [], services: [] };
const skippedCats = new Map();
for (const r of finessRows) {
  const m = FINESS_MAP[r.categetab];
  if (!m) {
    skippedCats.set(r.libcategetab, (skippedCats.get(r.libcategetab) ?? 0) + 1);
    continue;
  }
  const [kind, nom, thematiques, publics, modes] = m;
  const id = `finess--${r.nofinesset}`;
  const commune = communeName(r.commune);
  finess.structures.push(compact({
    source: 'finess',
    id,
    // the registry's short name (raison sociale): quotes repaired, sentence case; the long name is not in this extract,
    // so a name the registry cut off (« SIVOM CLAME ») stays as it is
    nom: frenchName(repairQuotes(r.rs), { places }),
    date_maj: r.datemaj,
    adresse: frenchAddress(r.adresse, commune),
    complement_adresse: frenchAddress(r.lieuditbp_or_line2, commune),
    commune,
    code_postal: r.code_postal,
    latitude: r.lat ? round6(r.lat) : null,
    longitude: r.lon ? round6(r.lon) : null,
    telephone: r.telephone ? r.telephone.replace(/^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/, '$1 $2 $3 $4 $5') : null,
    siret: r.siret,
    typologie: kind,
    numero_finess: r.nofinesset,
    categorie_finess: r.categetab,
    source_libelle: FINESS_ATTRIBUTION,
  }));
  finess.services.push(compact({
    source: 'finess',
    id: `${id}--${r.categetab}`,
    structure_id: id,
    nom,
    description: `${FINESS_DESCRIPTION[r.categetab]} ${FINESS_CAVEAT}`,
    date_maj: r.datemaj,
    type: 'accompagnement',
    thematiques,
    publics,
    modes_accueil: modes,
  }));
}
// Establishments the registry names identically (« SERVICE D'AIDE MENAGERE A DOMICILE » × 22) told apart by their commune,
// then, within a commune, by their address (« … – Nevers, 1 place Carnot »): both from the same record.
{
  const groups = new Map();
  for (const s of finess.structures) groups.set(fold(s.nom), [...(groups.get(fold(s.nom)) ?? []), s]);
  for (const same of groups.values()) {
    if (same.length < 2) continue;
    const perCommune = new Map();
    for (const s of same) perCommune.set(s.commune, (perCommune.get(s.commune) ?? 0) + 1);
    for (const s of same) {
      const where = perCommune.get(s.commune) > 1 ? [s.adresse, s.complement_adresse].filter(Boolean).join(', ') : '';
      s.nom = `${s.nom} – ${s.commune}${where ? `, ${where.replace(/^Mairie d.*$/, 'mairie').replace(/^\p{Lu}(?=\p{Ll})/u, (c) => c.toLowerCase())}` : ''}`;
    }
  }
}
const FINESS_META = {
  description: `Établissements sociaux et médico-sociaux de la Nièvre (${finess.structures.length} des ${finessRows.length} établissements FINESS du département), au format data·inclusion v1. Extraction du 8 janvier 2021 : ancienne, à vérifier.`,
  attribution: 'Source : FINESS – Ministère des Solidarités et de la Santé, extraction Etalab du 08/01/2021 (data.gouv.fr, Licence Ouverte), converti par F. Laurent (flrt/finess-fhir, MIT)',
  licence: 'Licence Ouverte (Etalab) — voir examples/data/LICENCE-ouverte-2.0.md',
  origine: 'etalab-cs1100507-stock-20210108-0427.csv via flrt/finess-fhir @ f33d5e9 ; dérivé par scripts/derive-real-data.mjs',
};
writeFileSync(out('finess-58.json'), JSON.stringify({ _meta: FINESS_META, ...finess }));

// ---------- the demo's mix for the Nièvre ----------
// The fictional sample keeps its kinds that no real list covers here (CCAS, MDPH, DAC, centres sociaux, associations…);
// where a real list exists (France services, FINESS establishments), the real records replace the fictional ones.
const demo = JSON.parse(readFileSync(out('nievre.json'), 'utf8'));
const realKinds = new Set(['france-services', ...Object.values(FINESS_MAP).map(([k]) => k).filter(Boolean)]);
const fictional = demo.structures.filter((s) => !realKinds.has(s.typologie)).map((s) => ({ ...s, source_libelle: 'Donnée fictive (démonstration)' }));
const keep = new Set(fictional.map((s) => s.id));
const fs58 = new Set(fs.structures.filter((s) => s.code_insee?.startsWith('58')).map((s) => s.id));
const mix = {
  _meta: {
    description: 'Démonstration pour la Nièvre : données réelles (France services, ANCT 01/08/2024 ; FINESS, janvier 2021) et structures fictives, chaque enregistrement étiqueté (source_libelle).',
    attribution: [FS_ATTRIBUTION, FINESS_META.attribution],
    licence: 'Licence Ouverte 2.0 (Etalab)',
  },
  structures: [...fs.structures.filter((s) => fs58.has(s.id)), ...finess.structures, ...fictional],
  services: [...fs.services.filter((s) => fs58.has(s.structure_id)), ...finess.services, ...demo.services.filter((s) => keep.has(s.structure_id))],
};
writeFileSync(out('nievre-demo.json'), JSON.stringify(mix));

console.log(`derive-real-data: France services ${fs.structures.length} sites; FINESS 58 ${finess.structures.length}/${finessRows.length} établissements ` +
  `(hors champ : ${[...skippedCats.values()].reduce((a, b) => a + b, 0)}); démo Nièvre ${mix.structures.length} structures ` +
  `(${fs58.size} France services, ${finess.structures.length} FINESS, ${fictional.length} fictives), ${mix.services.length} services`);
