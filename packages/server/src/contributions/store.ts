/**
 * The contributions on the database: suggestions (never applied before a moderator accepts them), decisions with
 * history, confirmation of a record by its structure, freshness and counts per structure.
 *
 * « Own » records — the only ones a decision or a confirmation modifies — are the records the département keeps
 * itself: every record except those written by the data·inclusion sync (its last import is a sync run,
 * `data-inclusion-api:…`) and those whose `source` is listed in `RELAIS_EXTERNAL_SOURCES`. A suggestion on any other
 * record is kept for the moderator, who forwards it to the producer (`lien_source`).
 */
import { randomUUID } from 'node:crypto';
import { addressLine, fold, loadChunk, type Auteur, type Champ, type Contribution, type ContributionStats, type FreshnessItem, type Moderator as SignedIn, type Page, type Service, type Structure } from '@relais/core/headless';
import type { Db, Queryable } from '../db/types.js';
import { serviceRow } from '../directory/document.js';
import { writeServices } from '../import/import.js';
import { SYNC_SOURCE } from '../sync/db.js';

/** French labels of the fields. */
export const LIBELLES: Record<Champ, string> = {
  telephone: 'Téléphone',
  courriel: 'Adresse électronique',
  adresse: 'Adresse',
  horaires_accueil: 'Horaires d’accueil',
  description: 'Description',
  ferme: 'Le service n’existe plus',
  demenage: 'Nouvelle adresse (déménagement)',
};

/** One change as stored: the value the record had when the suggestion arrived, and the one proposed. */
export interface StoredChange {
  champ: Champ;
  avant: string | null;
  apres: string;
}

/** What the record of a service looks like to the contributions. */
export interface ServiceRecord {
  service: Service;
  structure: Structure | null;
  departement: string | null;
  closed: boolean;
  /** The département keeps this record itself (see the module's comment). */
  own: boolean;
}

/** The current value of a field (the service's, else its structure's). */
export function currentValue(r: { service: Service; structure: Structure | null }, champ: Champ): string | null {
  const s = r.service;
  const st = r.structure;
  switch (champ) {
    case 'telephone':
      return s.telephone ?? st?.telephone ?? null;
    case 'courriel':
      return s.courriel ?? st?.courriel ?? null;
    case 'horaires_accueil':
      return s.horaires_accueil ?? st?.horaires_accueil ?? null;
    case 'description':
      return s.description ?? null;
    case 'adresse':
    case 'demenage':
      return addressLine(s, st) || null;
    case 'ferme':
      return null;
  }
}

/** Reads a service with its structure and whether it is the département's own. */
export async function readService(db: Queryable, id: string, externalSources: readonly string[], lock = false): Promise<ServiceRecord | null> {
  const [r] = await db.query<{ service: Service; structure: Structure | null; departement: string | null; closed: boolean; origin: string | null; source: string }>(
    `select s.data as service, st.data as structure, s.departement, s.closed_at is not null as closed, i.origin, s.source
     from directory_services s left join directory_structures st on st.id = s.structure_id left join directory_imports i on i.id = s.import_id
     where s.id = $1${lock ? ' for update of s' : ''}`,
    [id],
  );
  if (!r) return null;
  const synced = !!r.origin && r.origin.startsWith(`${SYNC_SOURCE}:`);
  return { service: r.service, structure: r.structure, departement: r.departement, closed: r.closed, own: !synced && !externalSources.includes(r.source) };
}

/** Today in France (ISO date), the `date_maj` of an accepted change or a confirmation. */
export function todayInFrance(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

async function bumpCounts(tx: Queryable, structureId: string, departement: string | null, column: 'suggestions' | 'acceptees' | 'refusees' | 'confirmations', auteur?: Auteur): Promise<void> {
  const extra = auteur ? `, ${auteur} = contrib_counts.${auteur} + 1` : '';
  await tx.query(
    `insert into contrib_counts (structure_id, departement, ${column}${auteur ? `, ${auteur}` : ''}) values ($1, $2, 1${auteur ? ', 1' : ''})
     on conflict (structure_id, departement) do update set ${column} = contrib_counts.${column} + 1${extra}`,
    [structureId, departement ?? ''],
  );
}

/** What a suggestion brings in. */
export interface NewSuggestion {
  auteur: Auteur;
  changements: Array<{ champ: Champ; valeur: string }>;
  commentaire: string | null;
  contact: string | null;
}

/** Stores a suggestion (the record is not touched); returns its id. */
export async function storeSuggestion(db: Db, record: ServiceRecord, s: NewSuggestion): Promise<string> {
  const id = randomUUID();
  const changes: StoredChange[] = s.changements.map((c) => ({ champ: c.champ, avant: currentValue(record, c.champ), apres: c.valeur }));
  await db.transaction(async (tx) => {
    await tx.query(
      `insert into contrib_suggestions (id, service_id, structure_id, departement, auteur, changements, commentaire, contact)
       values ($1, $2, $3, $4, $5, $6::jsonb, $7, $8)`,
      [id, record.service.id, record.service.structure_id, record.departement, s.auteur, JSON.stringify(changes), s.commentaire, s.contact],
    );
    await bumpCounts(tx, record.service.structure_id, record.departement, 'suggestions', s.auteur);
  });
  return id;
}

type ContributionRow = {
  id: string;
  service_id: string;
  departement: string | null;
  auteur: Auteur;
  recu_le: string;
  statut: Contribution['statut'];
  changements: StoredChange[];
  commentaire: string | null;
  contact: string | null;
  decide_par: string | null;
  decide_le: string | null;
  motif: string | null;
  champs_appliques: Champ[] | null;
  service_nom: string | null;
  structure_nom: string | null;
  source: string | null;
  lien_source: string | null;
  origin: string | null;
};

/** A timestamp read back as text (`2026-12-02 10:00:00.12+00`, both adapters) as ISO 8601 UTC. */
export const toIso = (v: unknown): string => new Date(String(v).trim().replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00')).toISOString();

const CONTRIBUTION_SELECT = `select c.id, c.service_id, c.departement, c.auteur, c.recu_le::text as recu_le, c.statut, c.changements, c.commentaire, c.contact,
    c.decide_par, c.decide_le::text as decide_le, c.motif, c.champs_appliques,
    s.nom as service_nom, st.nom as structure_nom, s.source, coalesce(s.data->>'lien_source', st.data->>'lien_source') as lien_source, i.origin
  from contrib_suggestions c
  left join directory_services s on s.id = c.service_id
  left join directory_structures st on st.id = c.structure_id
  left join directory_imports i on i.id = s.import_id`;

function toContribution(r: ContributionRow, externalSources: readonly string[]): Contribution {
  const synced = !!r.origin && r.origin.startsWith(`${SYNC_SOURCE}:`);
  const out: Contribution = {
    id: r.id,
    service_id: r.service_id,
    service_nom: r.service_nom ?? r.service_id,
    structure_nom: r.structure_nom ?? '',
    source: r.source ?? '',
    departement: r.departement,
    auteur: r.auteur,
    recu_le: toIso(r.recu_le),
    statut: r.statut,
    changements: r.changements.map((c) => ({ champ: c.champ, libelle: LIBELLES[c.champ], avant: c.avant, apres: c.apres })),
    commentaire: r.commentaire,
    contact: r.contact,
    lien_source: r.lien_source && /^https?:\/\//.test(r.lien_source) ? r.lien_source : null,
    modifiable: r.source !== null && !synced && !externalSources.includes(r.source),
  };
  if (r.statut !== 'en_attente' && r.decide_par && r.decide_le) {
    out.decision = { par: r.decide_par, le: toIso(r.decide_le), motif: r.motif };
    if (r.champs_appliques) out.decision.champs = r.champs_appliques;
  }
  return out;
}

/** A page of suggestions of some départements, oldest first. */
export async function listContributions(db: Queryable, o: { departements: readonly string[]; statut: Contribution['statut']; page: number; taille: number; externalSources: readonly string[] }): Promise<Page<Contribution>> {
  const [{ n } = { n: 0 }] = await db.query<{ n: number }>('select count(*)::int as n from contrib_suggestions where departement = any($1::text[]) and statut = $2', [o.departements, o.statut]);
  const rows = await db.query<ContributionRow>(`${CONTRIBUTION_SELECT} where c.departement = any($1::text[]) and c.statut = $2 order by c.recu_le, c.id limit $3 offset $4`, [
    o.departements,
    o.statut,
    o.taille,
    (o.page - 1) * o.taille,
  ]);
  return { items: rows.map((r) => toContribution(r, o.externalSources)), total: n, page: o.page, pages: Math.ceil(n / o.taille) };
}

/** One suggestion, or null. */
export async function getContribution(db: Queryable, id: string, externalSources: readonly string[]): Promise<Contribution | null> {
  const [r] = await db.query<ContributionRow>(`${CONTRIBUTION_SELECT} where c.id = $1`, [id]);
  return r ? toContribution(r, externalSources) : null;
}

/** The moderator deciding. */
export type Moderator = Pick<SignedIn, 'sub' | 'nom'>;

/** Why a decision could not be made. */
export class DecisionError extends Error {
  override name = 'DecisionError';
  constructor(
    readonly status: 403 | 404 | 409 | 422,
    readonly title: string,
    detail: string,
  ) {
    super(detail);
  }
}

const POSTCODE_CITY = /^(.*?)[,\s]+(\d{5})\s+([^,]+?)\s*$/;

/** Reads « 12 rue X, 58500 Clamecy »: the street, the postcode, the commune and, when the gazetteer knows it, its code and centroid. */
async function parseAddress(text: string): Promise<{ adresse: string; code_postal: string | null; commune: string | null; code_insee: string | null; lat: number | null; lon: number | null }> {
  const m = POSTCODE_CITY.exec(text.trim());
  if (!m) return { adresse: text.trim(), code_postal: null, commune: null, code_insee: null, lat: null, lon: null };
  const [, street, cp, city] = m as unknown as [string, string, string, string];
  const dep = cp.startsWith('97') ? cp.slice(0, 3) : cp.startsWith('20') ? (Number(cp) < 20200 ? '2A' : '2B') : cp.slice(0, 2);
  const communes = (await loadChunk(dep)).filter((c) => c.postcodes.includes(cp));
  const hit = communes.find((c) => fold(c.name) === fold(city)) ?? (communes.length === 1 ? communes[0] : undefined);
  return { adresse: street.trim(), code_postal: cp, commune: hit?.name ?? city.trim(), code_insee: hit?.code ?? null, lat: hit?.lat ?? null, lon: hit?.lon ?? null };
}

/** Applies accepted changes to a service record (a copy); returns it and the closure flag. */
async function applyChanges(r: ServiceRecord, changes: readonly StoredChange[], today: string): Promise<{ service: Service; close: boolean }> {
  const s: Service = { ...r.service };
  let close = false;
  for (const c of changes) {
    switch (c.champ) {
      case 'telephone':
      case 'courriel':
      case 'horaires_accueil':
      case 'description':
        s[c.champ] = c.apres.trim() || null;
        break;
      case 'adresse':
      case 'demenage': {
        const a = await parseAddress(c.apres);
        const before = s.code_insee ?? r.structure?.code_insee ?? null;
        s.adresse = a.adresse || null;
        s.complement_adresse = null;
        if (a.code_postal) {
          s.code_postal = a.code_postal;
          s.commune = a.commune;
          s.code_insee = a.code_insee;
        }
        // a move, or a correction that changes the commune: the old position is wrong; the commune's centre, else none
        if (c.champ === 'demenage' || (a.code_insee && a.code_insee !== before)) {
          s.latitude = a.lat;
          s.longitude = a.lon;
        }
        break;
      }
      case 'ferme':
        close = true;
        break;
    }
  }
  s.date_maj = today;
  return { service: s, close };
}

/** Writes a service record back (the search document rebuilt), and adds its words to the lexicon. */
async function rewriteService(tx: Queryable, service: Service, structure: Structure | null): Promise<void> {
  await writeServices(tx, [serviceRow(service, structure)], null);
  await tx.query(
    `insert into directory_words (word, ndoc) select word, ndoc from ts_stat(format('select search from directory_services where id = %L', $1::text)) on conflict (word) do nothing`,
    [service.id],
  );
}

/**
 * Accepts a suggestion (all its changes, or `champs`): the own record is modified, `date_maj` set to today, and each
 * field's before/after kept in the history with the moderator and the time. `allowed(departement)` checks the territory.
 */
export async function acceptSuggestion(
  db: Db,
  o: { id: string; moderator: Moderator; champs: readonly Champ[] | null; allowed: (dep: string | null) => boolean; externalSources: readonly string[]; now?: Date },
): Promise<{ service: ServiceRecord; applied: StoredChange[]; contact: string | null }> {
  const now = o.now ?? new Date();
  return db.transaction(async (tx) => {
    const [sg] = await tx.query<{ service_id: string; structure_id: string; departement: string | null; statut: string; changements: StoredChange[]; contact: string | null }>(
      'select service_id, structure_id, departement, statut, changements, contact from contrib_suggestions where id = $1 for update',
      [o.id],
    );
    if (!sg) throw new DecisionError(404, 'Suggestion introuvable', 'Cette suggestion n’existe pas.');
    if (!o.allowed(sg.departement)) throw new DecisionError(403, 'Territoire non autorisé', 'Cette suggestion concerne un département que vous ne modérez pas.');
    if (sg.statut !== 'en_attente') throw new DecisionError(409, 'Déjà décidée', 'Cette suggestion a déjà été acceptée ou refusée.');
    const proposed = new Set(sg.changements.map((c) => c.champ));
    const unknown = (o.champs ?? []).filter((c) => !proposed.has(c));
    if (unknown.length) throw new DecisionError(422, 'Champs absents de la suggestion', `La suggestion ne propose rien pour : ${unknown.map((c) => LIBELLES[c]).join(', ')}.`);
    const applied = sg.changements.filter((c) => !o.champs || o.champs.includes(c.champ));
    const record = await readService(tx, sg.service_id, o.externalSources, true);
    if (!record || record.closed) throw new DecisionError(409, 'Service absent', 'Ce service n’est plus dans l’annuaire (retiré ou fermé) : refusez la suggestion.');
    if (!record.own)
      throw new DecisionError(
        409,
        'Fiche d’une autre source',
        `Cette fiche vient de « ${record.service.source} », qui la tient à jour : la modifier ici serait effacé par la prochaine synchronisation. Transmettez la correction à son producteur${record.service.lien_source || record.structure?.lien_source ? ' (lien_source)' : ''}, puis refusez ou laissez la suggestion en attente.`,
      );
    const today = todayInFrance(now);
    const { service, close } = await applyChanges(record, applied, today);
    await rewriteService(tx, service, record.structure);
    if (close) await tx.query('update directory_services set closed_at = $2 where id = $1', [service.id, now.toISOString()]);
    for (const c of applied) {
      const avant = currentValue(record, c.champ);
      await tx.query(
        `insert into contrib_history (service_id, le, par, par_sub, type, champ, avant, apres, contribution_id) values ($1, $2, $3, $4, 'modification', $5, $6, $7, $8)`,
        [service.id, now.toISOString(), o.moderator.nom, o.moderator.sub, c.champ, avant, c.champ === 'ferme' ? (c.apres || LIBELLES.ferme) : c.apres, o.id],
      );
    }
    await tx.query(
      `update contrib_suggestions set statut = 'acceptee', decide_par = $2, decide_par_sub = $3, decide_le = $4, champs_appliques = $5, contact = null where id = $1`,
      [o.id, o.moderator.nom, o.moderator.sub, now.toISOString(), applied.map((c) => c.champ)],
    );
    await bumpCounts(tx, sg.structure_id, sg.departement, 'acceptees');
    return { service: { ...record, service, closed: close }, applied, contact: sg.contact };
  });
}

/** Rejects a suggestion with a reason. Returns the contact the author left (erased from the database), for the notice. */
export async function rejectSuggestion(db: Db, o: { id: string; moderator: Moderator; motif: string; allowed: (dep: string | null) => boolean; now?: Date }): Promise<{ contact: string | null }> {
  const now = o.now ?? new Date();
  return db.transaction(async (tx) => {
    const [sg] = await tx.query<{ structure_id: string; departement: string | null; statut: string; contact: string | null }>(
      'select structure_id, departement, statut, contact from contrib_suggestions where id = $1 for update',
      [o.id],
    );
    if (!sg) throw new DecisionError(404, 'Suggestion introuvable', 'Cette suggestion n’existe pas.');
    if (!o.allowed(sg.departement)) throw new DecisionError(403, 'Territoire non autorisé', 'Cette suggestion concerne un département que vous ne modérez pas.');
    if (sg.statut !== 'en_attente') throw new DecisionError(409, 'Déjà décidée', 'Cette suggestion a déjà été acceptée ou refusée.');
    await tx.query(`update contrib_suggestions set statut = 'refusee', decide_par = $2, decide_par_sub = $3, decide_le = $4, motif = $5, contact = null where id = $1`, [
      o.id,
      o.moderator.nom,
      o.moderator.sub,
      now.toISOString(),
      o.motif,
    ]);
    await bumpCounts(tx, sg.structure_id, sg.departement, 'refusees');
    return { contact: sg.contact };
  });
}

/** The history of a service, most recent first. */
export async function serviceHistory(db: Queryable, serviceId: string): Promise<Array<{ le: string; par: string; type: 'modification' | 'confirmation'; champ: Champ | null; avant: string | null; apres: string | null; contribution_id: string | null }>> {
  const rows = await db.query<{ le: string; par: string; type: 'modification' | 'confirmation'; champ: Champ | null; avant: string | null; apres: string | null; contribution_id: string | null }>(
    'select le::text as le, par, type, champ, avant, apres, contribution_id::text as contribution_id from contrib_history where service_id = $1 order by le desc, id desc',
    [serviceId],
  );
  return rows.map((r) => ({ ...r, le: toIso(r.le) }));
}

/** The département of a service (also for a closed one), or undefined when unknown. */
export async function serviceDepartement(db: Queryable, id: string): Promise<{ departement: string | null } | undefined> {
  const [r] = await db.query<{ departement: string | null }>('select departement from directory_services where id = $1', [id]);
  return r;
}

// ——— confirmation by the structure ———

/** Keeps a new confirmation link (its SHA-256 only); returns its expiry. */
export async function saveConfirmationToken(db: Queryable, o: { tokenSha256: string; serviceId: string; moderatorSub: string; days: number; now?: Date }): Promise<string> {
  const now = o.now ?? new Date();
  const expires = new Date(now.getTime() + o.days * 86_400_000).toISOString();
  await db.query('insert into contrib_confirmation_tokens (token_sha256, service_id, demande_par_sub, created_at, expires_at) values ($1, $2, $3, $4, $5)', [
    o.tokenSha256,
    o.serviceId,
    o.moderatorSub,
    now.toISOString(),
    expires,
  ]);
  return expires;
}

/** The service of a live link (unused, not expired), or null. */
export async function liveToken(db: Queryable, tokenSha256: string, lock = false): Promise<{ serviceId: string } | null> {
  const [r] = await db.query<{ service_id: string }>(
    `select service_id from contrib_confirmation_tokens where token_sha256 = $1 and used_at is null and expires_at > now()${lock ? ' for update' : ''}`,
    [tokenSha256],
  );
  return r ? { serviceId: r.service_id } : null;
}

/** Why a link cannot be used. */
export class GoneError extends Error {
  override name = 'GoneError';
}

/**
 * Uses a link once: `confirmer` sets the record's `date_maj` to today (history: « la structure »); `corriger` stores a
 * suggestion of the author `structure` for the moderator. Throws GoneError when the link is used, expired or its record
 * gone.
 */
export async function useConfirmationToken(
  db: Db,
  o: { tokenSha256: string; action: 'confirmer' | 'corriger'; changements: Array<{ champ: Champ; valeur: string }>; commentaire: string | null; externalSources: readonly string[]; now?: Date },
): Promise<'confirmee' | 'correction_recue'> {
  const now = o.now ?? new Date();
  return db.transaction(async (tx) => {
    const t = await liveToken(tx, o.tokenSha256, true);
    if (!t) throw new GoneError('Lien déjà utilisé ou expiré.');
    const record = await readService(tx, t.serviceId, o.externalSources, true);
    // a record that no longer belongs to the département (now synced from its producer) is not confirmed here
    if (!record || record.closed || !record.own) throw new GoneError('Ce service n’est plus dans l’annuaire, ou n’est plus tenu par le département.');
    await tx.query('update contrib_confirmation_tokens set used_at = $2 where token_sha256 = $1', [o.tokenSha256, now.toISOString()]);
    if (o.action === 'confirmer') {
      const service: Service = { ...record.service, date_maj: todayInFrance(now) };
      await writeServices(tx, [serviceRow(service, record.structure)], null);
      await tx.query(`insert into contrib_history (service_id, le, par, type) values ($1, $2, 'la structure', 'confirmation')`, [service.id, now.toISOString()]);
      await bumpCounts(tx, record.service.structure_id, record.departement, 'confirmations');
      return 'confirmee';
    }
    const id = randomUUID();
    const changes: StoredChange[] = o.changements.map((c) => ({ champ: c.champ, avant: currentValue(record, c.champ), apres: c.valeur }));
    await tx.query(
      `insert into contrib_suggestions (id, service_id, structure_id, departement, auteur, changements, commentaire, recu_le) values ($1, $2, $3, $4, 'structure', $5::jsonb, $6, $7)`,
      [id, record.service.id, record.service.structure_id, record.departement, JSON.stringify(changes), o.commentaire, now.toISOString()],
    );
    await bumpCounts(tx, record.service.structure_id, record.departement, 'suggestions', 'structure');
    return 'correction_recue';
  });
}

// ——— freshness and counts ———

/** Own services of some départements not updated for `mois` months, least recently updated first. */
export async function staleServices(
  db: Queryable,
  o: { departements: readonly string[]; mois: number; page: number; taille: number; externalSources: readonly string[] },
): Promise<Page<FreshnessItem>> {
  const where = `s.departement = any($1::text[]) and s.closed_at is null and s.date_maj < (current_date - make_interval(months => $2::int))
    and not (s.source = any($3::text[])) and (i.origin is null or i.origin not like '${SYNC_SOURCE}:%')`;
  const params = [o.departements, o.mois, o.externalSources];
  const [{ n } = { n: 0 }] = await db.query<{ n: number }>(`select count(*)::int as n from directory_services s left join directory_imports i on i.id = s.import_id where ${where}`, params);
  const rows = await db.query<{ service_id: string; service_nom: string; structure_nom: string | null; date_maj: string; a_un_courriel: boolean; demande: string | null }>(
    `select s.id as service_id, s.nom as service_nom, st.nom as structure_nom, s.date_maj::text as date_maj,
       coalesce(nullif(s.data->>'courriel', ''), nullif(st.data->>'courriel', '')) is not null as a_un_courriel,
       (select max(created_at)::text from contrib_confirmation_tokens t where t.service_id = s.id) as demande
     from directory_services s left join directory_structures st on st.id = s.structure_id left join directory_imports i on i.id = s.import_id
     where ${where} order by s.date_maj, s.name_key, s.id limit $4 offset $5`,
    [...params, o.taille, (o.page - 1) * o.taille],
  );
  return {
    items: rows.map((r) => ({ service_id: r.service_id, service_nom: r.service_nom, structure_nom: r.structure_nom ?? '', date_maj: r.date_maj, a_un_courriel: r.a_un_courriel, demande_envoyee_le: r.demande ? toIso(r.demande) : null })),
    total: n,
    page: o.page,
    pages: Math.ceil(n / o.taille),
  };
}

/** Counts per structure and per kind of author, for some départements. */
export async function contributionStats(
  db: Queryable,
  departements: readonly string[],
): Promise<ContributionStats> {
  const rows = await db.query<{ structure_id: string; structure_nom: string | null; suggestions: number; acceptees: number; refusees: number; confirmations: number; usager: number; professionnel: number; structure: number }>(
    `select c.structure_id, st.nom as structure_nom, sum(c.suggestions)::int as suggestions, sum(c.acceptees)::int as acceptees, sum(c.refusees)::int as refusees,
       sum(c.confirmations)::int as confirmations, sum(c.usager)::int as usager, sum(c.professionnel)::int as professionnel, sum(c.structure)::int as structure
     from contrib_counts c left join directory_structures st on st.id = c.structure_id
     where c.departement = any($1::text[]) group by c.structure_id, st.nom order by sum(c.suggestions) desc, c.structure_id`,
    [departements],
  );
  const par_auteur = { usager: 0, professionnel: 0, structure: 0 };
  for (const r of rows) {
    par_auteur.usager += r.usager;
    par_auteur.professionnel += r.professionnel;
    par_auteur.structure += r.structure;
  }
  return {
    par_structure: rows.map((r) => ({ structure_id: r.structure_id, structure_nom: r.structure_nom ?? r.structure_id, suggestions: r.suggestions, acceptees: r.acceptees, refusees: r.refusees, confirmations: r.confirmations })),
    par_auteur,
  };
}
