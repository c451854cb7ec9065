#!/usr/bin/env node
// Writes the catalogue JSON Schema and the national catalogue as JSON (for editors and non-JS tools),
// from the built @relais/eligibility. Run after `npm run build`.
import { writeFileSync } from 'node:fs';
import { catalogueJsonSchema, nationalCatalogue } from '@relais/eligibility/headless';

writeFileSync(new URL('../packages/eligibility/catalogue.schema.json', import.meta.url), JSON.stringify(catalogueJsonSchema(), null, 2) + '\n');
writeFileSync(new URL('../packages/eligibility/catalogues/national.json', import.meta.url), JSON.stringify(nationalCatalogue, null, 2) + '\n');
console.log('catalogue.schema.json and catalogues/national.json written');
