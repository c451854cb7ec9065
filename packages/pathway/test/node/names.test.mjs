import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePathwayTemplate, parseTemplate, pathwayTemplates, PathwayDataError } from '@relais/pathway/headless';

test('a pathway template parses with parsePathwayTemplate; parseTemplate stays, deprecated, as the same function', () => {
  assert.equal(parseTemplate, parsePathwayTemplate);
  for (const t of Object.values(pathwayTemplates)) assert.equal(parsePathwayTemplate(t).id, t.id);
  assert.throws(() => parsePathwayTemplate({ id: 'x', label: 'X', steps: [] }), PathwayDataError);
});
