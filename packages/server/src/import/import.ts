/**
 * Data in: a data·inclusion v1 dataset `{ structures, services }` (the static file of a département, the France
 * services list, the FINESS derivations…) validated and normalised by @relais/core, then stored in one transaction.
 * Records keep their source; one row per id, and a record older (`date_maj`) than the stored one never replaces it.
 * Importing the same file twice changes nothing.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { normalizeDataset, type DataIssue, type Service, type Structure } from '@relais/core/headless';
import type { Db, Queryable } from '../db/types.js';
import { serviceRow, type ServiceRow } from '../directory/document.js';
import { refreshWords } from '../directory/words.js';

/** What an import did. */
export interface ImportReport {
  /** Id of the run in `directory_imports`. */
  importId: number;
  origin: string;
  structures: { received: number; inserted: number; updated: number; unchanged: number; olderIgnored: number };
  services: { received: number; inserted: number; updated: number; unchanged: number; olderIgnored: number };
  /** Records with the same id more than once in the file (the most recent kept). */
  duplicatesInFile: number;
  /** Records refused by validation (see `issues`). */
  skipped: number;
  /** The first data-quality issues, in French. */
  issues: DataIssue[];
}

const CHUNK = 500;
/** JSON with sorted keys: a record read back from `jsonb` (keys reordered) hashes as the one sent. */
const canonical = (v: unknown): string =>
  Array.isArray(v)
    ? `[${v.map(canonical).join(',')}]`
    : v && typeof v === 'object'
      ? `{${Object.keys(v)
          .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
          .sort()
          .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
          .join(',')}}`
      : JSON.stringify(v);
const hash = (v: unknown) => createHash('sha256').update(canonical(v)).digest('hex');

/** Keeps one record per id: the most recent `date_maj` (the later one in the file on a tie). */
function dedupe<T extends { id: string; date_maj: string }>(records: readonly T[]): { kept: T[]; duplicates: number } {
  const byId = new Map<string, T>();
  for (const r of records) {
    const prev = byId.get(r.id);
    if (!prev || r.date_maj >= prev.date_maj) byId.set(r.id, r);
  }
  return { kept: [...byId.values()], duplicates: records.length - byId.size };
}

type Kind = 'structures' | 'services';
interface Classified<T> {
  write: Array<{ record: T; isNew: boolean }>;
  counts: { inserted: number; updated: number; unchanged: number; olderIgnored: number };
}

/** Sorts the incoming records against the stored ones: new, changed and newer, unchanged, older. */
async function classify<T extends { id: string; date_maj: string }>(tx: Queryable, kind: Kind, records: readonly T[]): Promise<Classified<T>> {
  const stored = new Map<string, { date_maj: string; data: unknown }>();
  for (let i = 0; i < records.length; i += CHUNK) {
    const ids = records.slice(i, i + CHUNK).map((r) => r.id);
    const rows = await tx.query<{ id: string; date_maj: string; data: unknown }>(`select id, date_maj, data from directory_${kind} where id = any($1::text[])`, [ids]);
    for (const r of rows) stored.set(r.id, r);
  }
  const out: Classified<T> = { write: [], counts: { inserted: 0, updated: 0, unchanged: 0, olderIgnored: 0 } };
  for (const record of records) {
    const prev = stored.get(record.id);
    if (!prev) {
      out.write.push({ record, isNew: true });
      out.counts.inserted++;
    } else if (record.date_maj < prev.date_maj) out.counts.olderIgnored++;
    else if (hash(prev.data) === hash(record)) out.counts.unchanged++;
    else {
      out.write.push({ record, isNew: false });
      out.counts.updated++;
    }
  }
  return out;
}

async function writeStructures(tx: Queryable, records: readonly Structure[], importId: number): Promise<void> {
  for (let i = 0; i < records.length; i += CHUNK) {
    const rows = records.slice(i, i + CHUNK).map((s) => ({ id: s.id, source: s.source, nom: s.nom, date_maj: s.date_maj, typologie: s.typologie, code_insee: s.code_insee, latitude: s.latitude, longitude: s.longitude, data: s }));
    await tx.query(
      `insert into directory_structures (id, source, nom, date_maj, typologie, code_insee, latitude, longitude, data, import_id)
       select r.id, r.source, r.nom, r.date_maj, r.typologie, r.code_insee, r.latitude, r.longitude, r.data, $2
       from jsonb_to_recordset($1::jsonb) as r(id text, source text, nom text, date_maj date, typologie text, code_insee text, latitude float8, longitude float8, data jsonb)
       on conflict (id) do update set source = excluded.source, nom = excluded.nom, date_maj = excluded.date_maj, typologie = excluded.typologie,
         code_insee = excluded.code_insee, latitude = excluded.latitude, longitude = excluded.longitude, data = excluded.data,
         import_id = excluded.import_id, updated_at = now()`,
      [JSON.stringify(rows), importId],
    );
  }
}

/** Writes service rows (insert or replace), building the full-text document in SQL from the weighted texts. */
export async function writeServices(tx: Queryable, rows: readonly ServiceRow[], importId: number | null): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await tx.query(
      `insert into directory_services (id, source, structure_id, nom, date_maj, type, frais, thematiques, categories, publics, modes_accueil,
         zone_eligibilite, typologie, departement, latitude, longitude, remote_only, concepts, name_key, search, data, import_id)
       select r.id, r.source, r.structure_id, r.nom, r.date_maj, r.type, r.frais, r.thematiques, r.categories, r.publics, r.modes_accueil,
         r.zone_eligibilite, r.typologie, r.departement, r.latitude, r.longitude, r.remote_only, r.concepts, r.name_key,
         setweight(to_tsvector('relais_fr', r.text_a), 'A') || setweight(to_tsvector('relais_fr', r.text_b), 'B')
           || setweight(to_tsvector('relais_fr', r.text_c), 'C') || setweight(to_tsvector('relais_fr', r.text_d), 'D'),
         r.data, $2
       from jsonb_to_recordset($1::jsonb) as r(id text, source text, structure_id text, nom text, date_maj date, type text, frais text,
         thematiques text[], categories text[], publics text[], modes_accueil text[], zone_eligibilite text[], typologie text, departement text,
         latitude float8, longitude float8, remote_only boolean, concepts text[], name_key text, text_a text, text_b text, text_c text, text_d text, data jsonb)
       on conflict (id) do update set source = excluded.source, structure_id = excluded.structure_id, nom = excluded.nom, date_maj = excluded.date_maj,
         type = excluded.type, frais = excluded.frais, thematiques = excluded.thematiques, categories = excluded.categories, publics = excluded.publics,
         modes_accueil = excluded.modes_accueil, zone_eligibilite = excluded.zone_eligibilite, typologie = excluded.typologie,
         departement = excluded.departement, latitude = excluded.latitude, longitude = excluded.longitude, remote_only = excluded.remote_only,
         concepts = excluded.concepts, name_key = excluded.name_key, search = excluded.search, data = excluded.data,
         import_id = coalesce(excluded.import_id, directory_services.import_id), updated_at = now()`,
      [JSON.stringify(rows.slice(i, i + CHUNK)), importId],
    );
  }
}

async function structuresById(tx: Queryable, ids: readonly string[]): Promise<Map<string, Structure>> {
  const out = new Map<string, Structure>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const rows = await tx.query<{ data: Structure }>('select data from directory_structures where id = any($1::text[])', [ids.slice(i, i + CHUNK)]);
    for (const r of rows) out.set(r.data.id, r.data);
  }
  return out;
}

/**
 * Imports a dataset already parsed from JSON. Invalid records are skipped and reported, never fatal; a payload that
 * is not a dataset at all throws (French message).
 * @param origin what the report and `directory_imports` call this import (a file name, never a full path)
 */
export async function importDataset(db: Db, raw: unknown, origin: string): Promise<ImportReport> {
  const { structures: allStructures, services: allServices, diagnostics } = normalizeDataset(raw);
  const st = dedupe(allStructures);
  const sv = dedupe(allServices);
  return db.transaction(async (tx) => {
    const [run] = await tx.query<{ id: number }>('insert into directory_imports (origin) values ($1) returning id', [origin]);
    const importId = run!.id;
    const structures = await classify(tx, 'structures', st.kept);
    await writeStructures(tx, structures.write.map((w) => w.record), importId);
    const services = await classify(tx, 'services', sv.kept);

    // services to (re)build: the new and changed ones, and the stored ones of a structure that changed
    const changedStructures = new Set(structures.write.filter((w) => !w.isNew).map((w) => w.record.id));
    const inFile = new Set(sv.kept.map((s) => s.id));
    const toBuild: Service[] = services.write.map((w) => w.record);
    if (changedStructures.size) {
      const rows = await tx.query<{ data: Service }>('select data from directory_services where structure_id = any($1::text[])', [[...changedStructures]]);
      for (const r of rows) if (!inFile.has(r.data.id)) toBuild.push(r.data);
      for (const s of sv.kept) if (changedStructures.has(s.structure_id) && !services.write.some((w) => w.record.id === s.id)) toBuild.push(s);
    }
    const parents = await structuresById(tx, [...new Set(toBuild.map((s) => s.structure_id))]);
    await writeServices(tx, toBuild.map((s) => serviceRow(s, parents.get(s.structure_id) ?? null)), importId);
    if (toBuild.length) await refreshWords(tx);

    const skipped = diagnostics.skipped;
    await tx.query(
      `update directory_imports set finished_at = now(), structures_received = $2, services_received = $3, inserted = $4, updated = $5,
         unchanged = $6, older_ignored = $7, skipped = $8, issues = $9::jsonb where id = $1`,
      [
        importId,
        allStructures.length,
        allServices.length,
        structures.counts.inserted + services.counts.inserted,
        structures.counts.updated + services.counts.updated,
        structures.counts.unchanged + services.counts.unchanged,
        structures.counts.olderIgnored + services.counts.olderIgnored,
        skipped,
        JSON.stringify(diagnostics.issues.slice(0, 50)),
      ],
    );
    return {
      importId,
      origin,
      structures: { received: allStructures.length, ...structures.counts },
      services: { received: allServices.length, ...services.counts },
      duplicatesInFile: st.duplicates + sv.duplicates,
      skipped,
      issues: diagnostics.issues,
    };
  });
}

/** Reads a JSON file and imports it (`relais-server import <file>`). */
export async function importFile(db: Db, path: string): Promise<ImportReport> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(path, 'utf8'));
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'fichier introuvable' : (e as Error).message;
    throw new Error(`Impossible de lire ${basename(path)} comme un fichier JSON : ${why}.`, { cause: e });
  }
  return importDataset(db, raw, basename(path));
}
