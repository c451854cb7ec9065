/**
 * The data model: data·inclusion schema v1 structures and services (field names and enumerations
 * kept verbatim, so a file valid for data·inclusion is valid here), with a few optional extension
 * fields for the medico-social field (`typologie`, `numero_finess`, `categorie_finess`,
 * `accessibilite`, `justificatifs`). Validation uses zod/mini (small, CSP-safe in jitless mode).
 *
 * Validation is per record and lenient on vocabularies: a record missing what makes it usable
 * (id, name, update date) is skipped and reported; an unknown vocabulary value is dropped and
 * reported as a warning, because the national referentials grow over time.
 */
import * as z from 'zod/mini';

z.config({ jitless: true });

const text = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));
const optText = (max: number) => z.optional(z.nullable(z.string().check(z.maxLength(max))));
const isoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/, 'date AAAA-MM-JJ attendue'));
const slugList = z.optional(z.nullable(z.array(z.string().check(z.maxLength(200)))));
const lat = z.optional(z.nullable(z.number()));

/** Fields shared by structures and services: address, position, contact, hours. */
const located = {
  adresse: optText(500),
  complement_adresse: optText(500),
  commune: optText(200),
  code_postal: z.optional(z.nullable(z.string().check(z.regex(/^\d{5}$/, 'code postal à 5 chiffres attendu')))),
  code_insee: z.optional(z.nullable(z.string().check(z.regex(/^(\d{5}|2[AB]\d{3})$/, 'code INSEE à 5 caractères attendu')))),
  latitude: lat,
  longitude: lat,
  telephone: optText(100),
  courriel: optText(320),
  lien_source: optText(2083),
  horaires_accueil: optText(2000),
};

/** A structure (organisation or site), data·inclusion v1 plus Relais extensions. */
export const StructureSchema = z.object({
  source: text(100),
  id: text(300),
  nom: text(300),
  date_maj: isoDate,
  description: optText(20000),
  siret: z.optional(z.nullable(z.string())),
  site_web: optText(2083),
  accessibilite_lieu: optText(2083),
  reseaux_porteurs: slugList,
  ...located,
  /** Extension: structure kind (see STRUCTURE_KINDS). */
  typologie: z.optional(z.nullable(z.string().check(z.maxLength(100)))),
  /** Extension: FINESS establishment number (9 characters). */
  numero_finess: z.optional(z.nullable(z.string().check(z.regex(/^[0-9AB]{9}$/, 'numéro FINESS à 9 caractères attendu')))),
  /** Extension: FINESS category code (TRE_R66). */
  categorie_finess: z.optional(z.nullable(z.string().check(z.regex(/^\d{3}$/)))),
  /** Extension: short label of where the record comes from and how old it is, shown beside it (« FINESS, janvier 2021 »). */
  source_libelle: optText(200),
});

/** A service offered by a structure, data·inclusion v1 plus Relais extensions. */
export const ServiceSchema = z.object({
  source: text(100),
  id: text(300),
  structure_id: text(300),
  nom: text(300),
  description: optText(20000),
  date_maj: isoDate,
  type: z.optional(z.nullable(z.string())),
  thematiques: slugList,
  frais: z.optional(z.nullable(z.union([z.string(), z.array(z.string())]))),
  frais_precisions: optText(5000),
  publics: slugList,
  publics_precisions: optText(5000),
  conditions_acces: optText(5000),
  modes_accueil: slugList,
  modes_mobilisation: slugList,
  mobilisable_par: slugList,
  mobilisation_precisions: optText(5000),
  lien_mobilisation: optText(2083),
  contact_nom_prenom: optText(300),
  zone_eligibilite: slugList,
  volume_horaire_hebdomadaire: z.optional(z.nullable(z.number())),
  nombre_semaines: z.optional(z.nullable(z.number())),
  ...located,
  /** Extension: accessibility notes (free text, e.g. "Accès de plain-pied, boucle magnétique"). */
  accessibilite: optText(5000),
  /** Extension: documents to bring. */
  justificatifs: z.optional(z.nullable(z.array(z.string().check(z.maxLength(500))))),
});

/** A structure record as parsed. */
export type StructureInput = z.infer<typeof StructureSchema>;
/** A service record as parsed. */
export type ServiceInput = z.infer<typeof ServiceSchema>;

/** A dataset in the data·inclusion shape. */
export interface Dataset {
  structures: unknown[];
  services: unknown[];
}
