// @relais/react is generated from the custom-elements manifests: the committed wrappers are up to date, and every
// element and event of the manifests has its wrapper and its on<Event> prop.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { generate } from '../../scripts/generate-react.mjs';

test('packages/react/src/index.ts is what the generator makes from custom-elements.json', () => {
  assert.equal(readFileSync('packages/react/src/index.ts', 'utf8'), generate(), 'run node scripts/generate-react.mjs');
});

test('one wrapper per element, one prop per event', () => {
  const src = generate();
  for (const [cls, tag, events] of [
    ['RelaisDirectory', 'relais-directory', ['onRelaisSearch', 'onRelaisSelect', 'onRelaisError', 'onRelaisDataWarning']],
    ['RelaisMap', 'relais-map', ['onRelaisSelect', 'onRelaisViewport']],
    ['RelaisEligibility', 'relais-eligibility', ['onRelaisResult']],
    ['RelaisLiaisonForm', 'relais-liaison-form', ['onRelaisDraftSaved', 'onRelaisSubmit']],
    ['RelaisPathway', 'relais-pathway', ['onRelaisStepSelect']],
    ['RelaisProvider', 'relais-provider', ['onRelaisError']],
  ]) {
    const block = src.slice(src.indexOf(`export const ${cls} =`));
    assert.match(block, new RegExp(`tagName: '${tag}'`), cls);
    for (const e of events) assert.match(block.slice(0, block.indexOf('});')), new RegExp(`${e}: '`), `${cls}.${e}`);
  }
});
