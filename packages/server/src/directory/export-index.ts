/**
 * `relais-server export-index <dossier>`: the directory's records written as a prebuilt index (the format of
 * @relais/core's static source, `relais-index`), for sites that serve the directory as static files: the services
 * still open and their structures, validated and indexed by the same core function as `relais-index`.
 */
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildPrebuiltIndex, type PrebuiltIndexFiles } from '@relais/core/prebuilt';
import type { Queryable } from '../db/types.js';

/** The prebuilt index of the directory (services not closed, in id order, and their structures). */
export async function exportPrebuiltIndex(db: Queryable, opts: { all?: boolean } = {}): Promise<PrebuiltIndexFiles> {
  const services = await db.query<{ data: unknown }>('select data from directory_services where closed_at is null order by id');
  const structures = await db.query<{ data: unknown }>('select data from directory_structures where id in (select structure_id from directory_services where closed_at is null) order by id');
  return buildPrebuiltIndex({ structures: structures.map((r) => r.data), services: services.map((r) => r.data) }, opts);
}

/** Writes the manifest and the chunk files into `dir` (its former `.rix` files are removed, nothing else). */
export async function writePrebuiltIndex(dir: string, built: PrebuiltIndexFiles): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const f of await readdir(dir)) if (f.endsWith('.rix')) await rm(join(dir, f));
  for (const [name, bytes] of built.files) await writeFile(join(dir, name), bytes);
  await writeFile(join(dir, 'manifest.json'), JSON.stringify(built.manifest, null, 1) + '\n');
}
