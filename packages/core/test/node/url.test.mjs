import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sanitizeUrl, telHref, mailtoHref } from '@relais/core/headless';

test('only http, https, mailto and tel survive', () => {
  assert.equal(sanitizeUrl('https://ccas.example/aide'), 'https://ccas.example/aide');
  assert.equal(sanitizeUrl('www.ccas.example'), 'https://www.ccas.example/');
  for (const bad of ['javascript:alert(1)', ' JaVaScRiPt:alert(1)', 'java\u0000script:alert(1)', 'jav\tascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox', 'file:///etc/passwd', '\u202ejavascript:alert(1)', 'https://', '//evil.example', '', null, 42, {}]) {
    assert.equal(sanitizeUrl(bad), null, String(bad));
  }
});

test('phone and e-mail links', () => {
  assert.equal(telHref('03 53 01 12 34'), 'tel:0353011234');
  assert.equal(telHref('+33 3 53 01 12 34'), 'tel:+33353011234');
  assert.equal(telHref('appelez-nous'), null);
  assert.equal(mailtoHref('contact@ccas.example'), 'mailto:contact@ccas.example');
  assert.equal(mailtoHref('x@y.z"><script>'), null);
});

// Issue 14: a link goes exactly where it says, or is not a link.
test('mailtoHref: one plain address — a « # » would cut the address in the mail client (mailto:a#b@x.fr writes to « a »)', () => {
  for (const bad of ['a#b@ccas.fr', 'accueil#@ccas.fr', 'accueil@ccas.fr#', 'accueil@ccas.fr?bcc=x@evil.example', 'a@ccas.fr,b@evil.example', 'a%40b@ccas.fr', 'CCAS <a@ccas.fr>']) assert.equal(mailtoHref(bad), null, bad);
  assert.equal(mailtoHref("o'brien.ccas+accueil@mairie-nevers.fr"), "mailto:o'brien.ccas+accueil@mairie-nevers.fr");
});

test('sanitizeUrl: no user-info, however it is written (the visible start is not where the link goes)', () => {
  for (const bad of ['https://www.caf.fr@evil.example/', 'https:\\\\www.caf.fr@evil.example/', 'https:/www.caf.fr@evil.example', 'HTTPS:www.caf.fr@evil.example', 'www.caf.fr@evil.example', 'https://www.caf.fr%40evil.example/', 'https://evil.example\\@www.caf.fr', 'http://:@evil.example/']) assert.equal(sanitizeUrl(bad), null, bad);
  assert.equal(sanitizeUrl('https://www.caf.fr/aide?contact=a@b.fr#@x'), 'https://www.caf.fr/aide?contact=a@b.fr#@x');
});

test('isSafeId: never a walk up or a path, however encoded', async () => {
  const { isSafeId } = await import('@relais/core/headless');
  for (const bad of ['.', '..', '%2e%2e', '%2E.', '.%2e', 'a/b', 'a\\b', 'a%2Fb', 'a%5cb', 'a\u0000b', '', 'x'.repeat(301), null, 3]) assert.equal(isSafeId(bad), false, String(bad));
  for (const ok of ['dora-3f2a-91', 'soliguide--4512', '...', 'a.b', '12345']) assert.equal(isSafeId(ok), true, ok);
});
