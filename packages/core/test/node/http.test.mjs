// The HTTP layer of the remote sources, with a scripted fetch: which failures are retried, how long
// it waits (Retry-After, backoff), and which typed French error ends the attempts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Http, RelaisError, retryAfterMs } from '@relais/core/headless';

/** A fetch that answers from a script, one step per call, and records the calls. */
function scripted(steps) {
  const calls = [];
  const f = async (url, init) => {
    calls.push({ url, at: Date.now(), accept: init.headers.Accept });
    const step = steps[Math.min(calls.length - 1, steps.length - 1)];
    if (step === 'network') throw new TypeError('fetch failed');
    if (step === 'hang') return new Promise((_, reject) => init.signal.addEventListener('abort', () => reject(init.signal.reason)));
    const [status, headers = {}, body = '{"ok":true}'] = step;
    return new Response(body, { status, headers: { 'content-type': 'application/json', ...headers } });
  };
  return { f, calls };
}
const fail = (p) => p.then(() => assert.fail('expected a rejection'), (e) => e);

test('Retry-After: seconds and HTTP dates, never negative', () => {
  assert.equal(retryAfterMs('2'), 2000);
  assert.equal(retryAfterMs(new Date(10_000).toUTCString(), 4_000), 6000);
  assert.equal(retryAfterMs(new Date(0).toUTCString(), 4_000), 0);
  assert.equal(retryAfterMs('bientôt'), null);
  assert.equal(retryAfterMs(null), null);
});

test('503 then 200: retried with backoff, answer returned, Accept JSON sent', async () => {
  const { f, calls } = scripted([[503], [503], [200]]);
  const http = new Http({ fetch: f, cacheTtlMs: 0 });
  assert.deepEqual(await http.getJson('http://x/a'), { ok: true });
  assert.equal(calls.length, 3);
  assert.equal(calls[0].accept, 'application/json');
  assert.ok(calls[1].at - calls[0].at >= 280, 'first pause ≈ 300 ms');
  assert.ok(calls[2].at - calls[1].at >= 580, 'second pause ≈ 600 ms');
});

test('429 with Retry-After: 1 waits about a second', async () => {
  const { f, calls } = scripted([[429, { 'retry-after': '1' }], [200]]);
  await new Http({ fetch: f }).getJson('http://x/b');
  assert.equal(calls.length, 2);
  assert.ok(calls[1].at - calls[0].at >= 950);
});

test('429 asking for more than 10 s is not retried', async () => {
  const { f, calls } = scripted([[429, { 'retry-after': '120' }], [200]]);
  const e = await fail(new Http({ fetch: f }).getJson('http://x/c'));
  assert.ok(e instanceof RelaisError);
  assert.equal(e.status, 429);
  assert.equal(calls.length, 1);
});

test('404 and 413 are final: one attempt, typed error', async () => {
  for (const [status, kind] of [[404, 'not-found'], [413, 'http']]) {
    const { f, calls } = scripted([[status]]);
    const e = await fail(new Http({ fetch: f }).getJson('http://x/d'));
    assert.equal(e.kind, kind);
    assert.equal(calls.length, 1, `${status} not retried`);
    if (status === 404) assert.match(e.message, /introuvable à cette adresse \(erreur 404\)/);
  }
});

test('500 on every attempt: retries + 1 attempts, then a retryable HTTP error', async () => {
  const { f, calls } = scripted([[500]]);
  const e = await fail(new Http({ fetch: f, retries: 1 }).getJson('http://x/e'));
  assert.equal(e.kind, 'http');
  assert.equal(e.status, 500);
  assert.equal(e.retryable, true);
  assert.equal(calls.length, 2);
});

test('network errors are retried; a timeout is not', async () => {
  const net = scripted(['network', [200]]);
  assert.deepEqual(await new Http({ fetch: net.f }).getJson('http://x/f'), { ok: true });
  assert.equal(net.calls.length, 2);
  const slow = scripted(['hang']);
  const e = await fail(new Http({ fetch: slow.f, timeoutMs: 100 }).getJson('http://x/g'));
  assert.equal(e.kind, 'timeout');
  assert.equal(slow.calls.length, 1);
});

test('a wrong content type and a truncated body are explained in French', async () => {
  const html = scripted([[200, { 'content-type': 'text/html' }, '<p>maintenance</p>']]);
  const e1 = await fail(new Http({ fetch: html.f }).getJson('http://x/h'));
  assert.equal(e1.kind, 'invalid-payload');
  assert.match(e1.message, /JSON attendu/);
  const cut = scripted([[200, {}, '{"services": [1, 2']]);
  const e2 = await fail(new Http({ fetch: cut.f }).getJson('http://x/i'));
  assert.match(e2.message, /incomplètes ou illisibles/);
});
