// size-limit budgets of the CDN build (gzip): see bench/size-budgets.mjs.
import { resolve } from 'node:path';
import { budgets, CDN } from './bench/size-budgets.mjs';

export default budgets().map((b) => ({ name: b.name, path: b.files.map((f) => resolve(CDN, f)), limit: `${b.limit} kB`, gzip: true }));
