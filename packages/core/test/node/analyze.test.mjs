import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fold, analyze, words, stem, editDistance } from '@relais/core/headless';

test('fold removes case, accents and ligatures', () => {
  assert.equal(fold('Élysée ŒUVRE Château'), 'elysee oeuvre chateau');
});

test('words removes French elisions and splits on punctuation', () => {
  assert.deepEqual(words("L’aide à domicile d'Œuvre, jusqu’à"), ['aide', 'a', 'domicile', 'oeuvre', 'a']);
  assert.deepEqual(words('e\u0301te\u0301'), ['ete'], 'decomposed accents are folded, not split');
});

test('analyze drops stop words and stems simple plurals', () => {
  assert.deepEqual(analyze('Les services d’aide aux personnes âgées'), ['service', 'aide', 'personne', 'agee']);
  assert.deepEqual(analyze('hôpitaux'), ['hopital']);
  assert.equal(stem('bus'), 'bus');
  assert.equal(stem('ehpad'), 'ehpad');
  assert.deepEqual(analyze('58500'), ['58500']);
});

test('editDistance counts insertions, substitutions and transpositions with a bound', () => {
  assert.equal(editDistance('clamcy', 'clamecy', 2), 1);
  assert.equal(editDistance('ehapd', 'ehpad', 2), 1);
  assert.equal(editDistance('domicile', 'domicile', 2), 0);
  assert.equal(editDistance('abc', 'xyz', 1), 2, 'returns max + 1 beyond the bound');
});
