import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createClient, RelaisError } from '@relais/core/headless';

const data = JSON.parse(readFileSync(new URL('../../../../examples/data/nievre.json', import.meta.url), 'utf8'));

test('static client with inline data runs in Node', async () => {
  const c = createClient({ source: 'static', data });
  const r = await c.search({ text: 'répit', commune: '58194' });
  assert.ok(r.total > 0);
  assert.ok(r.items[0].distanceKm !== null);
  const one = await c.get(r.items[0].service.id);
  assert.equal(one.service.id, r.items[0].service.id);
  await assert.rejects(c.get('nope'), (e) => e instanceof RelaisError && e.kind === 'not-found' && /n’existe pas/.test(e.message));
  await assert.rejects(c.search({ commune: '99999' }), (e) => e.kind === 'not-found' && /Commune inconnue/.test(e.message));
  assert.equal(c.diagnostics.skipped, 0);
});

test('a newer call on the same channel aborts the older one; an AbortSignal aborts', async () => {
  const c = createClient({ source: 'static', data });
  const first = c.search({ text: 'ehpad' }, { channel: 'w1' });
  const second = c.search({ text: 'ehpad nevers' }, { channel: 'w1' });
  const other = c.search({ text: 'ehpad' }, { channel: 'w2' });
  await assert.rejects(first, (e) => e.kind === 'aborted');
  assert.ok((await second).total > 0);
  assert.ok((await other).total > 0);
  const ctrl = new AbortController();
  ctrl.abort();
  await assert.rejects(c.search({ text: 'x' }, { signal: ctrl.signal }), (e) => e.kind === 'aborted');
});

test('misconfigured clients fail with French messages', () => {
  assert.throws(() => createClient({ source: 'static' }), /adresse de fichier/);
  assert.throws(() => createClient({ source: 'ftp' }), /Source de données inconnue/);
  assert.throws(() => createClient({ source: 'rest' }), /baseUrl/);
});

test('createClient refuses unusable options at once, in French', () => {
  const refused = (o) => assert.throws(() => createClient(o), (e) => e instanceof RelaisError && e.kind === 'unsupported' && /indiquez|inconnue/.test(e.message));
  refused({ source: 'static' });
  refused({ source: 'data-inclusion' });
  refused({ source: 'rest', baseUrl: '' });
  refused({ source: 'ftp' });
});

test('a client works in Node (no worker): the static source is indexed where it is created', async () => {
  const c = createClient({ source: 'static', data: { structures: [], services: [] } });
  await c.ready();
  assert.equal(c.indexedIn, 'page');
  assert.equal((await c.search({ text: 'ehpad' })).total, 0);
});
