#!/usr/bin/env node
// After `changeset version`: stamps the new version into the SDK's VERSION constant
// (packages/core/src/element/define.ts), which names each copy in duplicate-copy warnings.
import { readFileSync, writeFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync('packages/core/package.json', 'utf8'));
const file = 'packages/core/src/element/define.ts';
const text = readFileSync(file, 'utf8');
const next = text.replace(/export const VERSION: string = '[^']*';/, `export const VERSION: string = '${version}';`);
if (next === text && !text.includes(`'${version}'`)) throw new Error(`VERSION not found in ${file}`);
writeFileSync(file, next);
console.log(`VERSION = ${version}`);
