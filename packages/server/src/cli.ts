#!/usr/bin/env node
/**
 * `relais-server`: the command of the back end.
 *   relais-server                 serve (migrations applied first)
 *   relais-server migrate         apply the migrations and stop
 *   relais-server import <file>…  import data·inclusion files (structures and services) and stop
 *   relais-server sync            one data·inclusion sync run for the configured territory (DI_API_TOKEN…) and stop
 *   relais-server liaison …       partners, recipients, tokens and the retention purge of the liaison receiver
 *   relais-server moderateurs …   the moderators of the contributions (ajouter, lister, retirer)
 * Configuration by environment variables (README of the package).
 */
import { readConfig, ConfigError, type Config } from './config.js';
import { openDb } from './db/open.js';
import { migrate } from './db/migrate.js';
import type { Db } from './db/types.js';
import { directoryRoutes } from './directory/routes.js';
import { createApp } from './http/app.js';
import { jsonLogger, silentLogger } from './http/log.js';
import type { Route } from './http/types.js';
import { importDataset, importFile } from './import/import.js';
import { refreshWords } from './directory/words.js';
import { exportPrebuiltIndex, writePrebuiltIndex } from './directory/export-index.js';
import { describePrebuilt } from '@relais/core/prebuilt';
import { liaisonRoutes, liaisonCommand } from './liaison/index.js';
import { contributionRoutes, moderatorsCommand, readContributionsConfig } from './contributions/index.js';
import { syncRoutes, runDataInclusionSync, startSyncSchedule, type DirectoryWrites } from './sync/index.js';
import { indicatorsRoutes, readIndicatorsConfig } from './indicators/index.js';

const USAGE = `Usage :
  relais-server                  démarre le serveur (applique d’abord les migrations)
  relais-server migrate          applique les migrations puis s’arrête
  relais-server import <fichier…> importe des fichiers data·inclusion (structures, services) puis s’arrête
  relais-server export-index <dossier> [--sans-complet]
                                 écrit l’annuaire en index préconstruit (manifest.json et un fichier .rix par département) pour la source statique
  relais-server sync             synchronise une fois le territoire depuis l’API data·inclusion (DI_API_TOKEN…) puis s’arrête
  relais-server liaison <…>      partenaires, destinataires, jetons et purge des fiches de liaison (voir LIAISON.md)
  relais-server moderateurs ajouter <courriel|sub> --departements 58,89 | lister | retirer <courriel|sub>
Configuration : variables d’environnement (DATABASE_URL, RELAIS_DATA_DIR, PORT, HOST, RELAIS_CORS_ORIGINS…), voir le README de @relais/server.`;

async function open(config: Config): Promise<Db> {
  return openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, pool: { max: config.dbPool } });
}

/** The route lists the server mounts: one per module. */
const ROUTES: ReadonlyArray<readonly Route[]> = [directoryRoutes, liaisonRoutes, syncRoutes, contributionRoutes, indicatorsRoutes];
/** How the data·inclusion sync writes into the directory (the importer's rules: source kept, newest date_maj wins). */
const DIRECTORY: DirectoryWrites = { write: importDataset, afterWithdraw: refreshWords };

async function main(argv: string[]): Promise<number> {
  const [cmd, ...args] = argv;
  if (cmd === '--help' || cmd === '-h' || cmd === 'help') {
    console.warn(USAGE);
    return 0;
  }
  const config = readConfig();
  // a bad indicators setting (RELAIS_INDICATORS_K below 5…) stops the start, as any other variable
  readIndicatorsConfig(process.env);
  const log = config.log === 'silent' ? silentLogger : jsonLogger();
  if (cmd === 'migrate') {
    const db = await open(config);
    try {
      const r = await migrate(db);
      log.info('migrations', { applied: r.applied.length, skipped: r.skipped.length, database: db.kind });
    } finally {
      await db.close();
    }
    return 0;
  }
  if (cmd === 'import') {
    if (!args.length) {
      console.error('Indiquez au moins un fichier : relais-server import donnees.json');
      return 2;
    }
    const db = await open(config);
    try {
      await migrate(db);
      for (const file of args) {
        const r = await importFile(db, file);
        log.info('import', {
          origin: r.origin,
          structures: r.structures.received,
          services: r.services.received,
          inserted: r.structures.inserted + r.services.inserted,
          updated: r.structures.updated + r.services.updated,
          unchanged: r.structures.unchanged + r.services.unchanged,
          older_ignored: r.structures.olderIgnored + r.services.olderIgnored,
          duplicates_in_file: r.duplicatesInFile,
          skipped: r.skipped,
        });
      }
    } finally {
      await db.close();
    }
    return 0;
  }
  if (cmd === 'export-index') {
    const dir = args.find((a) => !a.startsWith('-'));
    if (!dir) {
      console.error('Indiquez le dossier de sortie : relais-server export-index index/');
      return 2;
    }
    const db = await open(config);
    try {
      await migrate(db);
      const built = await exportPrebuiltIndex(db, { all: !args.includes('--sans-complet') });
      await writePrebuiltIndex(dir, built);
      process.stdout.write(`${describePrebuilt(built)}\nÉcrit dans ${dir}.\n`);
    } finally {
      await db.close();
    }
    return 0;
  }
  if (cmd === 'sync') {
    const db = await open(config);
    try {
      await migrate(db);
      const r = await runDataInclusionSync({ db, env: process.env, log, directory: DIRECTORY });
      if (!r) {
        console.error('Aucune synchronisation : DI_API_TOKEN absent, ou une autre instance synchronise déjà.');
        return 1;
      }
      return r.errors.length ? 1 : 0;
    } finally {
      await db.close();
    }
  }
  if (cmd === 'liaison') {
    const db = await open(config);
    try {
      await migrate(db);
      for (const line of await liaisonCommand(db, process.env, args)) process.stdout.write(`${line}\n`);
    } finally {
      await db.close();
    }
    return 0;
  }
  if (cmd === 'moderateurs') {
    const db = await open(config);
    try {
      await migrate(db);
      for (const line of await moderatorsCommand(db, args)) process.stdout.write(`${line}\n`);
    } finally {
      await db.close();
    }
    return 0;
  }
  if (cmd !== undefined && cmd !== 'serve') {
    console.error(`Commande inconnue : ${cmd.slice(0, 40)}\n${USAGE}`);
    return 2;
  }
  // the contributions' settings checked at start (a bad value stops here, naming the variable)
  readContributionsConfig(process.env);
  const db = await open(config);
  const m = await migrate(db);
  log.info('migrations', { applied: m.applied.length, skipped: m.skipped.length, database: db.kind });
  const app = createApp({ db, config, log, routes: ROUTES, env: process.env, basePath: config.basePath });
  const port = await app.listen(config.port, config.host);
  log.info('listening', { host: config.host, port, database: db.kind });
  const stopSync = startSyncSchedule({ db, env: process.env, log, directory: DIRECTORY });
  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      log.info('signal', { signal });
      stopSync();
      void app.close().then(resolve);
    };
    process.once('SIGTERM', () => stop('SIGTERM'));
    process.once('SIGINT', () => stop('SIGINT'));
  });
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e instanceof ConfigError ? `Configuration : ${e.message}` : `relais-server : ${(e as Error).message}`);
    process.exit(1);
  },
);
