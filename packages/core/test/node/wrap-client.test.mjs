// wrapClient(client, overrides): the overrides answer their calls, the client the rest (with `this` the client), and the
// wrapper is still the client's EventTarget.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createClient, wrapClient, DiagnosticsEvent } from '@relais/core/headless';

const dataset = {
  structures: [{ id: 's1', nom: 'Mairie de Clamecy', source: 'test', code_insee: '58079', commune: 'Clamecy', date_maj: '2024-01-01' }],
  services: [{ id: 'v1', structure_id: 's1', nom: 'Aide alimentaire', source: 'test', thematiques: ['alimentation--aide-alimentaire'], date_maj: '2024-01-01' }],
};

test('the overrides answer their calls, the client answers the rest', async () => {
  const inner = createClient({ source: 'static', data: dataset });
  const asked = [];
  const client = wrapClient(inner, {
    search: (q, o) => {
      asked.push(q);
      return inner.search(q, o);
    },
  });
  const r = await client.search({ text: 'aide' });
  assert.deepEqual(asked, [{ text: 'aide' }]);
  assert.equal(r.items[0].service.id, 'v1');
  assert.equal((await client.get('v1')).service.nom, 'Aide alimentaire');
  await client.ready();
  assert.equal(client.source, 'static');
  assert.equal(client.diagnostics, inner.diagnostics);
  assert.equal(client.diagnostics.accepted, 2);
});

test('the wrapper is the client’s EventTarget: its diagnostics reach a listener (browsers: packages/core/test/wrap-client.test.ts)', () => {
  const inner = createClient({ source: 'static', data: dataset });
  const client = wrapClient(inner, {});
  assert.ok(client instanceof EventTarget);
  const heard = [];
  const onDiagnostics = (e) => heard.push(e.diagnostics);
  client.addEventListener('diagnostics', onDiagnostics);
  inner.dispatchEvent(new DiagnosticsEvent(inner.diagnostics));
  assert.equal(heard.length, 1);
  client.removeEventListener('diagnostics', onDiagnostics);
  inner.dispatchEvent(new DiagnosticsEvent(inner.diagnostics));
  assert.equal(heard.length, 1);
});
