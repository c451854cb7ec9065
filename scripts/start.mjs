#!/usr/bin/env node
// `npm start`: builds the SDK (library + CDN bundles), starts @relais/server on its embedded database (PGlite, data in
// node_modules/.cache/relais-demo-db) with the Nièvre sample and the France services list imported (again at each
// start: unchanged records are left as they are), then serves the demo site of a fictional CCAS, whose directory
// and map read the server's REST API under /api and whose liaison form sends to the server's receiver
// (/api/liaison; anonymous, for this demo only: a deployment declares its partners), and prints its local URL.
import { spawnSync } from 'node:child_process';

const b = spawnSync('node', ['scripts/build.mjs'], { stdio: 'inherit' });
if (b.status !== 0) process.exit(b.status ?? 1);
const { openPglite, migrate, importFile, createApp, directoryRoutes, liaisonRoutes, silentLogger } = await import('../packages/server/dist/index.js');
const { createDemoServer } = await import('../examples/server/server.mjs');

console.log('\nBase de données embarquée (PGlite) : import des données de démonstration…');
const db = await openPglite(process.env.RELAIS_DATA_DIR ?? 'node_modules/.cache/relais-demo-db');
await migrate(db);
for (const file of ['examples/data/nievre-demo.json', 'examples/data/france-services.json']) {
  const r = await importFile(db, file);
  console.log(`  ${r.origin} : ${r.services.received} services (${r.services.inserted} ajoutés, ${r.services.updated} mis à jour, ${r.services.unchanged} inchangés)`);
}
const config = { corsOrigins: [], rateLimitPerMinute: 0, trustProxy: false, shutdownTimeoutS: 5 };
// one app under /api: the directory (/api/services) and the liaison receiver (/api/liaison); without
// RELAIS_LIAISON_KEY the receiver's key is made for this process (the demo's fictional sheets cannot be read after a
// restart, which is what a demo wants)
const api = createApp({ db, config, log: silentLogger, routes: [directoryRoutes, liaisonRoutes], basePath: '/api', env: { RELAIS_LIAISON_ANONYMOUS: '1', ...process.env } });
const port = Number(process.env.PORT ?? 8080);
const server = createDemoServer({ api });
server.listen(port, '127.0.0.1', () => {
  console.log(`\nDémo Relais prête : http://localhost:${port}/  (Ctrl+C pour arrêter)`);
});
const stop = () => {
  server.close();
  server.closeAllConnections();
  void api.close().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
