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
