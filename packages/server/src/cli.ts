#!/usr/bin/env node
/**
 * `relais-server`: the command of the back end.
 *   relais-server                 serve (migrations applied first)
 *   relais-server migrate         apply the migrations and stop
 *   relais-server import <file>…  import data·inclusion files (structures and services) and stop
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
import { importFile } from './import/import.js';

const USAGE = `Usage :
  relais-server                  démarre le serveur (applique d’abord les migrations)
  relais-server migrate          applique les migrations puis s’arrête
  relais-server import <fichier…> importe des fichiers data·inclusion (structures, services) puis s’arrête
Configuration : variables d’environnement (DATABASE_URL, RELAIS_DATA_DIR, PORT, HOST, RELAIS_CORS_ORIGINS…), voir le README de @relais/server.`;

async function open(config: Config): Promise<Db> {
  return openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, pool: { max: config.dbPool } });
}

/** The route lists the server mounts: one per module (the liaison receiver and the sync add theirs here). */
const ROUTES: ReadonlyArray<readonly Route[]> = [directoryRoutes];

async function main(argv: string[]): Promise<number> {
  const [cmd, ...args] = argv;
  if (cmd === '--help' || cmd === '-h' || cmd === 'help') {
    console.warn(USAGE);
    return 0;
  }
  const config = readConfig();
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
  if (cmd !== undefined && cmd !== 'serve') {
    console.error(`Commande inconnue : ${cmd.slice(0, 40)}\n${USAGE}`);
    return 2;
  }
  const db = await open(config);
  const m = await migrate(db);
  log.info('migrations', { applied: m.applied.length, skipped: m.skipped.length, database: db.kind });
  const app = createApp({ db, config, log, routes: ROUTES, env: process.env });
  const port = await app.listen(config.port, config.host);
  log.info('listening', { host: config.host, port, database: db.kind });
  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      log.info('signal', { signal });
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
