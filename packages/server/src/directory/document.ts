/**
 * What the database stores for a service besides the record itself: the filter, facet and sort columns, the
 * taxonomy concepts the synonyms point to, and the weighted texts of its full-text document. The same fields and
 * weights as the static engine's index (@relais/core ServiceIndex), so that both rank alike.
 */
import { categoryOf, departementOf, fold, termLabel, type Service, type Structure } from '@relais/core/headless';

/** The stored row of a service (without `search`, built in SQL from `texts`). */
export interface ServiceRow {
  id: string;
  source: string;
  structure_id: string;
  nom: string;
  date_maj: string;
  type: string | null;
  frais: string | null;
  thematiques: string[];
  categories: string[];
  publics: string[];
  modes_accueil: string[];
  zone_eligibilite: string[];
  typologie: string | null;
  departement: string | null;
  latitude: number | null;
  longitude: number | null;
  remote_only: boolean;
  concepts: string[];
  name_key: string;
  /** Texts of the full-text document by weight: A service name, B structure name, C place and labels, D description. */
  text_a: string;
  text_b: string;
  text_c: string;
  text_d: string;
  data: Service;
}

/** The département of a service: INSEE code of the service, else of its structure, else its postcode. */
export function departementOfService(s: Service, st: Structure | null): string | null {
  const code = s.code_insee ?? st?.code_insee;
  if (code) return departementOf(code);
  const pc = s.code_postal ?? st?.code_postal;
  if (!pc) return null;
  if (pc.startsWith('97')) return pc.slice(0, 3);
  if (pc.startsWith('20')) return Number(pc) < 20200 ? '2A' : '2B';
  return pc.slice(0, 2);
}

const join = (parts: ReadonlyArray<string | null | undefined>) => parts.filter((p): p is string => !!p).join(' ; ');

/** The row of a service and its structure (null when the structure is unknown). */
export function serviceRow(s: Service, st: Structure | null): ServiceRow {
  const lat = s.latitude ?? st?.latitude ?? null;
  const lon = s.longitude ?? st?.longitude ?? null;
  const typologie = st?.typologie ?? null;
  return {
    id: s.id,
    source: s.source,
    structure_id: s.structure_id,
    nom: s.nom,
    date_maj: s.date_maj,
    type: s.type,
    frais: s.frais,
    thematiques: [...new Set(s.thematiques)],
    categories: [...new Set(s.thematiques.map(categoryOf))],
    publics: [...new Set(s.publics)],
    modes_accueil: [...new Set(s.modes_accueil)],
    zone_eligibilite: [...new Set(s.zone_eligibilite)],
    typologie,
    departement: departementOfService(s, st),
    latitude: lat !== null && lon !== null ? lat : null,
    longitude: lat !== null && lon !== null ? lon : null,
    remote_only: s.modes_accueil.length > 0 && s.modes_accueil.every((m) => m === 'a-distance'),
    concepts: [...s.thematiques.map((t) => 't:' + t), ...s.publics.map((p) => 'p:' + p), ...(typologie ? ['k:' + typologie] : [])],
    name_key: fold(s.nom),
    // weights of the static index: service name 3, structure name 2, place and kind 1.5, thematiques 1, publics 0.5, description 0.4
    text_a: s.nom,
    text_b: st?.nom ?? '',
    text_c: join([s.commune ?? st?.commune, s.code_postal ?? st?.code_postal, typologie ? termLabel('typologies', typologie) : null, ...s.thematiques.map((t) => termLabel('thematiques', t))]),
    text_d: join([s.description, ...s.publics.map((p) => termLabel('publics', p))]),
    data: s,
  };
}
