#!/usr/bin/env node
// relais-index: writes the prebuilt index of a static dataset (packages/core/src/search/prebuilt.ts), validated once
// and analysed once, one file per département, for the static source (`src` naming the manifest).
//   relais-index donnees.json -o index/ [--sans-complet]
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { buildPrebuiltIndex, describePrebuilt } from '../dist/prebuilt.js';

const USAGE = `Usage : relais-index <donnees.json> -o <dossier> [--sans-complet]
  Valide une fois et indexe une fois un fichier data·inclusion { structures, services }, puis écrit dans <dossier> :
  manifest.json, un fichier .rix par département, national.rix (services sans département ou à distance seulement)
  et france.rix (tous les services, pour les pages sans département ; --sans-complet ne l’écrit pas).
  Sur la page : <relais-directory src="<dossier>/manifest.json" departements="58">.`;

/** Parses the arguments; returns null (with a French message) when they are wrong. */
function parseArgs(argv) {
  let input = null;
  let out = null;
  let all = true;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-o' || a === '--sortie') out = argv[++i] ?? null;
    else if (a === '--sans-complet') all = false;
    else if (a === '-h' || a === '--help' || a === '--aide') return { help: true };
    else if (a.startsWith('-')) return { error: `Option inconnue : ${a.slice(0, 40)}` };
    else if (!input) input = a;
    else return { error: `Un seul fichier de données à la fois (reçu aussi « ${a.slice(0, 60)} »).` };
  }
  if (!input) return { error: 'Indiquez le fichier de données : relais-index donnees.json -o index/' };
  if (!out) return { error: 'Indiquez le dossier de sortie : -o index/' };
  return { input, out, all };
}

/** Writes the files of a built index into `dir` (the folder's former .rix files are removed, nothing else). */
async function writePrebuilt(dir, built) {
  await mkdir(dir, { recursive: true });
  for (const f of await readdir(dir)) if (f.endsWith('.rix')) await rm(join(dir, f));
  for (const [name, bytes] of built.files) await writeFile(join(dir, name), bytes);
  await writeFile(join(dir, 'manifest.json'), JSON.stringify(built.manifest, null, 1) + '\n');
}

async function main(argv) {
  const args = parseArgs(argv);
  if (args.help) {
    console.warn(USAGE);
    return 0;
  }
  if (args.error) {
    console.error(`${args.error}\n${USAGE}`);
    return 2;
  }
  let raw;
  try {
    raw = JSON.parse(await readFile(resolve(args.input), 'utf8'));
  } catch (e) {
    console.error(`Lecture impossible de « ${args.input} » : ${e.code === 'ENOENT' ? 'fichier introuvable' : 'JSON illisible'}.`);
    return 1;
  }
  const t0 = performance.now();
  const built = await buildPrebuiltIndex(raw, { all: args.all });
  await writePrebuilt(resolve(args.out), built);
  process.stdout.write(`${describePrebuilt(built)}\nÉcrit dans ${args.out} en ${((performance.now() - t0) / 1000).toFixed(1)} s (manifest.json et ${built.files.size} fichier${built.files.size > 1 ? 's' : ''} .rix).\n`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e) => {
    console.error(`relais-index : ${e?.message ?? e}`);
    process.exit(1);
  },
);
