import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as liaison from '@relais/liaison/headless';
import * as pathway from '@relais/pathway/headless';

test('the sheet schema parses with parseSheetTemplate; parseTemplate stays, deprecated, as the same function', () => {
  assert.equal(typeof liaison.parseSheetTemplate, 'function');
  assert.equal(liaison.parseTemplate, liaison.parseSheetTemplate);
  for (const t of Object.values(liaison.liaisonTemplates)) assert.equal(liaison.parseSheetTemplate(t).id, t.id);
  assert.throws(() => liaison.parseSheetTemplate({ id: 'x' }), liaison.TemplateError);
});

test('the liaison and pathway parsers have names of their own (the all-in-one package can export both)', () => {
  assert.notEqual(liaison.parseSheetTemplate, pathway.parsePathwayTemplate);
  assert.equal('parsePathwayTemplate' in liaison, false);
  assert.equal('parseSheetTemplate' in pathway, false);
});
