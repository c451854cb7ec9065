/**
 * Issue 14 (« a liaison sheet that nobody else can read, sent exactly once »): each finding and the tests that
 * reproduce it (each failed on the version it describes, and passes now). tests/security.test.ts checks that every
 * test named here still exists, by its title, in its file: a finding never loses its test silently.
 * Browser tests (web-test-runner): `.test.ts`; Node tests (node --test): `.test.mjs`.
 */
export interface Finding {
  /** The finding, as the issue states it. */
  finding: string;
  /** `file › start of the test's title` for each reproducing test. */
  tests: Array<[file: string, title: string]>;
}

const S = 'tests/security.test.ts';
const STORE = 'packages/liaison/test/store.test.ts';
const REF = 'tests/node/liaison-receiver.test.mjs';
const SRV = 'packages/server/test/node/liaison.test.mjs';
const FORGED = 'packages/server/test/node/liaison-forged.test.mjs';
const URL_NODE = 'packages/core/test/node/url.test.mjs';
const ELIG = 'packages/eligibility/test/eligibility.test.ts';

export const FINDINGS: Finding[] = [
  { finding: 'Passphrase mode does not protect a queued sheet (outbox under the stored device key)', tests: [[STORE, 'passphrase mode protects the queued sheet too'], [S, 'passphrase mode: the queued sheet is under the passphrase too']] },
  { finding: '« Effacer mes données de cet appareil » leaves the outbox and its key', tests: [[STORE, 'erase removes every database, key and queued sheet'], [S, '« Effacer » in one tab empties every tab, says what it erased'], [S, 'passphrase forgotten: « Effacer » works on the locked form']] },
  { finding: 'Shared device: Back restores the filled form from the back/forward cache', tests: [[S, 'shared device: leaving the page erases the sheet, so the back/forward cache'], [S, 'shared device: « pagehide » alone empties the form and the queue']] },
  { finding: 'Two clicks on « Envoyer » send two POSTs with two idempotency keys', tests: [[S, 'two clicks on « Envoyer » make one POST with one key'], [STORE, 'one idempotency key per sheet and consent'], [S, 'sending again the same sheet reuses its key']] },
  { finding: 'The POST has no timeout: a hung receiver leaves the person without feedback', tests: [[STORE, 'a POST that hangs times out with a French message'], [S, 'a receiver that never answers']] },
  { finding: 'A 422 leaves the sheet in the outbox; each resend adds another', tests: [[STORE, 'invalid sheet: field errors from the server, the queued copy is removed'], [S, 'a 422 (even malformed) removes the queued copy']] },
  { finding: 'Erasing in one tab is undone by another tab with its cached key; a new tab asks for a phrase that never existed', tests: [[S, 'passphrase mode: an erase in one tab locks the other'], [S, 'an erase while the other tab is still retrying']] },
  { finding: '« Nouvel essai automatique » promised, but nothing retries on reload or when the connection returns', tests: [[S, 'automatic retry when the connection returns and on reload'], [STORE, 'the promised retry is said only where true']] },
  { finding: 'Shared device: « Réessayer » finds nothing and says « Toujours pas de réponse »', tests: [[S, 'shared device: « Réessayer » finds the queued sheet']] },
  { finding: 'PBKDF2 at 310 000 iterations, re-derived on every autosave', tests: [[STORE, 'PBKDF2 with at least 600 000 rounds']] },
  { finding: 'No associated data binds id, version and expiry to the ciphertext', tests: [[STORE, 'associated data: a record whose id, version or expiry was changed'], [S, 'a draft changed outside the form (associated data)']] },
  { finding: 'The endpoint may be plain http', tests: [[STORE, 'endpoint: https or this site only'], [S, 'a sheet is sent only to https or to this site'], [S, 'a page that is not secure (http)']] },
  { finding: 'A malformed 422 body (non-string `name`) breaks the form', tests: [[STORE, 'a 422 removes the queued copy; malformed 422 bodies never break'], [S, 'a 422 (even malformed) removes the queued copy']] },
  { finding: 'Receiver: no authentication', tests: [[REF, 'auth: no token, a wrong token or a malformed header is 401'], [SRV, 'auth: no token, a wrong, malformed or revoked token is 401'], [REF, '50 forged POSTs'], [FORGED, '50 forged POSTs']] },
  { finding: 'Receiver: no rate limit or quota', tests: [[REF, 'rate limit and daily quota per partner'], [SRV, 'rate limit and daily quota per partner']] },
  { finding: 'Receiver: stores fields that are not in the template (and in clear)', tests: [[REF, "only the template's fields are stored, encrypted at rest"], [SRV, "only the template's fields are stored, encrypted at rest"]] },
  { finding: 'Receiver: 201 + 500 for two keys differing only in case', tests: [[REF, 'idempotency keys differing only in case are one key'], [SRV, 'idempotency keys differing only in case are one key']] },
  { finding: 'Receiver: the old receipt for a reused key with a different body', tests: [[REF, 'the same key with another body'], [SRV, 'the same key with another body']] },
  { finding: 'Receiver: its HTTP contract undocumented', tests: [[REF, 'every answer follows the OpenAPI contract'], [SRV, 'every answer follows the OpenAPI contract']] },
  { finding: 'An e-mail `accueil@…?bcc=…&body=…` becomes a mailto: with a hidden recipient and body', tests: [[S, 'mailtoHref: one plain address only'], [URL_NODE, 'mailtoHref: one plain address']] },
  { finding: '`https://www.caf.fr@evil.example/…` passes as a link', tests: [[S, 'sanitizeUrl refuses a user-info part'], [URL_NODE, 'sanitizeUrl: no user-info, however it is written']] },
  { finding: '`lien_mobilisation` is shown as its own text', tests: [[S, 'a link from data is shown with its label, never as its raw address']] },
  { finding: '`?relais-fiche=..` makes the client GET the API base (with the data·inclusion token)', tests: [[S, 'ids from the URL: `.`, `..` and paths are refused'], [S, '?relais-fiche=.. never makes the directory ask its client'], [URL_NODE, 'isSafeId: never a walk up or a path']] },
  { finding: '`sync-url` writes the typed words into the address and history', tests: [[S, 'sync-url keeps filters and place but not the typed words']] },
  { finding: 'Eligibility `remember` keeps GIR, disability band and income in sessionStorage in clear', tests: [[ELIG, '"remember" keeps nothing sensitive in clear in sessionStorage']] },
];
