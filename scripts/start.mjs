#!/usr/bin/env node
// `npm start`: builds the SDK (library + CDN bundles), then serves the demo site of a fictional CCAS
// on the embedded sample data and prints its local URL.
import { spawnSync } from 'node:child_process';

const b = spawnSync('node', ['scripts/build.mjs'], { stdio: 'inherit' });
if (b.status !== 0) process.exit(b.status ?? 1);
await import('../examples/server/server.mjs').then(({ createDemoServer }) => {
  const port = Number(process.env.PORT ?? 8080);
  createDemoServer().listen(port, '127.0.0.1', () => {
    console.log(`\nDémo Relais prête : http://localhost:${port}/  (Ctrl+C pour arrêter)`);
  });
});
