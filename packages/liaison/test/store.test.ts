import { expect } from '@open-wc/testing';
import { DraftStore, DraftConflictError, DraftLockedError, Outbox, Vault, eraseDevice, describeErased, endpointAllowed, readProblems, PBKDF2_ITERATIONS, liaisonTemplates, type Consent } from '../src/index.js';

const uniq = () => `relais-test-${Math.random().toString(36).slice(2)}`;
const rawRecords = (dbName: string): Promise<Array<{ data: ArrayBuffer }>> =>
  new Promise((resolve, reject) => {
    const r = indexedDB.open(dbName);
    r.onsuccess = () => {
      const t = r.result.transaction('drafts', 'readonly').objectStore('drafts').getAll();
      t.onsuccess = () => {
        resolve(t.result);
        r.result.close();
      };
      t.onerror = () => reject(t.error);
    };
  });

describe('DraftStore (IndexedDB + AES-GCM)', () => {
  it('50 interrupted typing sessions: a new store (as after a reload) restores every saved character', async () => {
    const dbName = uniq();
    let version = 0;
    let typed = '';
    for (let trial = 0; trial < 50; trial++) {
      const store = new DraftStore({ dbName });
      const n = 1 + Math.floor(Math.random() * 12);
      for (let k = 0; k < n; k++) {
        typed += String.fromCharCode(0x61 + Math.floor(Math.random() * 26)) + (Math.random() < 0.1 ? 'é’ ' : '');
        version = (await store.save('d1', 'dlu-domicile', { allergies: typed }, version)).version;
      }
      store.close(); // "reload"
      const reopened = new DraftStore({ dbName });
      const got = await reopened.load('d1');
      expect((got!.values as { allergies: string }).allergies).to.equal(typed);
      reopened.close();
    }
  });

  it('what is stored is ciphertext: the typed words are not in IndexedDB', async () => {
    const dbName = uniq();
    const store = new DraftStore({ dbName });
    await store.save('d1', 'dlu-domicile', { allergies: 'pénicilline-SECRET' }, 0);
    const [rec] = await rawRecords(dbName);
    expect(new TextDecoder().decode(rec!.data)).to.not.include('SECRET');
    expect(JSON.stringify(await store.list())).to.not.include('SECRET');
    store.close();
  });

  it('passphrase mode: the right phrase opens, a wrong one is refused in French', async () => {
    const dbName = uniq();
    const a = new DraftStore({ dbName, passphrase: 'cheval-batterie-agrafe' });
    await a.save('d1', 'orientation', { motif: 'répit' }, 0);
    a.close();
    const wrong = new DraftStore({ dbName, passphrase: 'mauvaise' });
    let err: unknown;
    try {
      await wrong.load('d1');
    } catch (e) {
      err = e;
    }
    expect(err).to.be.instanceOf(DraftLockedError);
    expect((err as Error).message).to.match(/phrase secrète/);
    const right = new DraftStore({ dbName, passphrase: 'cheval-batterie-agrafe' });
    expect(((await right.load('d1'))!.values as { motif: string }).motif).to.equal('répit');
    right.close();
    wrong.close();
  });

  it('two tabs never overwrite each other silently; the other tab is told', async () => {
    const dbName = uniq();
    const tab1 = new DraftStore({ dbName, writer: 'tab1' });
    const tab2 = new DraftStore({ dbName, writer: 'tab2' });
    const heard: number[] = [];
    tab1.onRemoteChange((m) => heard.push(m.version));
    const v1 = await tab1.save('d1', 'orientation', { motif: 'a' }, 0);
    const v2 = await tab2.save('d1', 'orientation', { motif: 'b' }, v1.version);
    let err: unknown;
    try {
      await tab1.save('d1', 'orientation', { motif: 'c' }, v1.version);
    } catch (e) {
      err = e;
    }
    expect(err).to.be.instanceOf(DraftConflictError);
    expect((err as DraftConflictError).current.version).to.equal(v2.version);
    // the refused save wrote nothing (its one-transaction write was rolled back)
    expect(((await tab2.load('d1'))!.values as { motif: string }).motif).to.equal('b');
    // tab1 takes tab2's version, then saves over it
    const taken = await tab1.load('d1');
    const v3 = await tab1.save('d1', 'orientation', { motif: 'd' }, taken!.meta.version);
    expect(v3.version).to.equal(v2.version + 1);
    expect(((await tab2.load('d1'))!.values as { motif: string }).motif).to.equal('d');
    await new Promise((r) => setTimeout(r, 50));
    expect(heard).to.include(v2.version);
    tab1.close();
    tab2.close();
  });

  it('drafts expire (default 30 days); kept copies do not', async () => {
    const dbName = uniq();
    let now = new Date('2026-01-01T10:00:00Z');
    const store = new DraftStore({ dbName, now: () => now });
    await store.save('draft', 'orientation', { motif: 'x' }, 0);
    await store.save('frigo', 'dlu-domicile', { allergies: 'aucune connue' }, 0, { kept: true });
    now = new Date('2026-02-01T10:00:00Z');
    expect(await store.purgeExpired()).to.equal(1);
    expect(await store.load('draft')).to.equal(undefined);
    expect(await store.load('frigo')).to.not.equal(undefined);
    store.close();
  });

  it('shared device: nothing is written to IndexedDB; erase removes everything', async () => {
    const dbName = uniq();
    const shared = new DraftStore({ dbName, device: 'shared' });
    await shared.save('d1', 'orientation', { motif: 'guichet' }, 0);
    expect(((await shared.load('d1'))!.values as { motif: string }).motif).to.equal('guichet');
    const dbs = await indexedDB.databases();
    expect(dbs.some((d) => d.name === dbName)).to.equal(false);
    await shared.eraseAll();
    expect(await shared.list()).to.deep.equal([]);
    const personal = new DraftStore({ dbName: uniq() });
    await personal.save('d1', 'orientation', { motif: 'x' }, 0);
    await personal.eraseAll();
    expect(await personal.list()).to.deep.equal([]);
    personal.close();
  });
});

describe('Outbox: send with consent, never lose a sheet', () => {
  // the record the form sends (the receiver refuses a consent without regime, method or author, and values it does not cover)
  const consent = { by: 'personne', recipients: ['Plateforme de répit (fictive)'], sections: ['emetteur', 'destinataire', 'personne', 'situation', 'motif', 'attentes', 'documents'], textVersion: 'information-partage-2026-12b', at: '2026-11-23T10:00:00Z', regime: 'hors-equipe', legalBasis: 'Code de la santé publique, art. L1110-4 III (2e alinéa) et IV ; D1110-3-1', decision: 'consentement', method: 'oral', collectedBy: 'Claire Petit, CESF', recipientId: 'destinataire', copyGiven: false, template: 'orientation', templateVersion: '2026-3' } as Consent;
  const values = {
    emetteur_structure: 'CCAS (fictif)', emetteur_nom: 'Claire Petit, CESF', emetteur_telephone: '03 53 01 12 34', destinataire_structure: 'Plateforme de répit (fictive)',
    personne_nom: 'Jeanne Martin', personne_contact: 'via-emetteur', motif: 'Répit', besoins: ['repit'], personne_informee: 'oui', accord_personne: true, accord_par: 'personne',
  };

  it('server down mid-send: queued and said; then recovered: exactly one stored copy, even after a lost answer', async () => {
    const dbName = uniq();
    let down = true;
    const outbox = new Outbox('/liaison/receive', { dbName, fetch: (...a: Parameters<typeof fetch>) => (down ? Promise.reject(new TypeError('Failed to fetch')) : fetch(...a)) });
    const key = await outbox.enqueue('orientation', values, consent);
    const first = await outbox.send(key);
    expect(first.state).to.equal('queued');
    expect((first as { reason: string }).reason).to.match(/En attente d’envoi – pas encore transmis/);
    expect(await outbox.pending()).to.deep.equal([key]);
    down = false;
    const [sent] = await outbox.flush();
    expect(sent!.state).to.equal('sent');
    expect(await outbox.pending()).to.deep.equal([]);
    // the answer was lost and the browser sends again with the same key: the server keeps one copy
    const replay = await fetch('/liaison/receive', { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': key }, body: JSON.stringify({ template: 'orientation', values, consent }) });
    expect(replay.status).to.equal(409);
    expect((await replay.json()).id).to.equal(key);
    const count = ((await (await fetch(`/faults/liaison-count/${key}`)).json()) as { count: number }).count;
    expect(count).to.equal(1);
    outbox.close();
  });

  it('invalid sheet: field errors from the server, the queued copy is removed (a resend would add another)', async () => {
    const outbox = new Outbox('/liaison/receive', { dbName: uniq() });
    const key = await outbox.enqueue('orientation', { ...values, emetteur_telephone: '12' }, consent);
    const r = await outbox.send(key);
    expect(r.state).to.equal('rejected');
    expect((r as { errors: Array<{ field: string }> }).errors.map((e) => e.field)).to.deep.equal(['emetteur_telephone']);
    expect(await outbox.pending()).to.deep.equal([]);
    outbox.close();
  });

  it('a withdrawn consent cannot be sent', async () => {
    const outbox = new Outbox('/liaison/receive', { dbName: uniq() });
    let err: unknown;
    try {
      await outbox.enqueue('orientation', values, { ...consent, withdrawnAt: '2026-11-23T11:00:00Z' });
    } catch (e) {
      err = e;
    }
    expect((err as Error).message).to.match(/consentement a été retiré/);
    expect(Object.keys(liaisonTemplates)).to.deep.equal(['dlu-domicile', 'orientation']);
    outbox.close();
  });
});

/** Issue 14: one key hierarchy, erase everywhere, send exactly once. Each test reproduces a finding. */
describe('issue 14: key hierarchy and erase', () => {
  const consent: Consent = { by: 'personne', recipients: ['Plateforme de répit (fictive)'], sections: ['motif'], textVersion: '2026-1', at: '2026-11-23T10:00:00Z' };
  const rawAll = (dbName: string, store: 'drafts' | 'keys'): Promise<unknown[]> =>
    new Promise((resolve, reject) => {
      const r = indexedDB.open(dbName);
      r.onsuccess = () => {
        const t = r.result.transaction(store, 'readonly').objectStore(store).getAll();
        t.onsuccess = () => (resolve(t.result), r.result.close());
        t.onerror = () => reject(t.error);
      };
      r.onerror = () => reject(r.error);
    });
  const rawPut = (dbName: string, record: unknown): Promise<void> =>
    new Promise((resolve, reject) => {
      const r = indexedDB.open(dbName);
      r.onsuccess = () => {
        const t = r.result.transaction('drafts', 'readwrite');
        t.objectStore('drafts').put(record);
        t.oncomplete = () => (resolve(), r.result.close());
        t.onerror = () => reject(t.error);
      };
    });
  const rejects = async (p: Promise<unknown>): Promise<unknown> => {
    try {
      await p;
    } catch (e) {
      return e;
    }
    return undefined;
  };

  it('passphrase mode protects the queued sheet too: no stored key opens it, only the passphrase', async () => {
    const dbName = uniq();
    const vault = new Vault({ dbName, passphrase: 'cheval batterie agrafe' });
    const outbox = new Outbox('http://127.0.0.1:9/fiches', { dbName, vault, fetch: () => Promise.reject(new TypeError('Failed to fetch')) });
    const key = await outbox.enqueue('orientation', { motif: 'SECRET-répit' }, consent);
    expect((await outbox.send(key)).state).to.equal('queued');
    outbox.close();
    vault.close();
    // no CryptoKey anywhere on the device: only the salt and a verifier
    for (const db of [dbName, `${dbName}-outbox`]) for (const k of await rawAll(db, 'keys').catch(() => [])) expect(k, db).to.not.be.instanceOf(CryptoKey);
    // a script on the page with the stored keys: cannot read the queued sheet
    const thief = new Outbox('http://127.0.0.1:9/fiches', { dbName });
    expect(await rejects(thief.draftOf(key))).to.be.instanceOf(DraftLockedError);
    thief.close();
    const owner = new Outbox('http://127.0.0.1:9/fiches', { dbName, passphrase: 'cheval batterie agrafe' });
    expect(await owner.pending()).to.deep.equal([key]);
    owner.close();
  });

  it(`PBKDF2 with at least 600 000 rounds (${PBKDF2_ITERATIONS}), derived once per unlock, not on every save`, async () => {
    expect(PBKDF2_ITERATIONS).to.be.at.least(600_000);
    const dbName = uniq();
    const derive = crypto.subtle.deriveKey.bind(crypto.subtle);
    const rounds: number[] = [];
    crypto.subtle.deriveKey = ((alg: Pbkdf2Params, ...rest: [CryptoKey, AesKeyGenParams, boolean, KeyUsage[]]) => (rounds.push(alg.iterations), derive(alg, ...rest))) as typeof crypto.subtle.deriveKey;
    try {
      const vault = new Vault({ dbName, passphrase: 'trois mots hasard' });
      const store = new DraftStore({ dbName, vault });
      const outbox = new Outbox('/liaison/receive', { dbName, vault });
      let v = 0;
      for (let i = 0; i < 5; i++) v = (await store.save('d1', 'orientation', { motif: `m${i}` }, v)).version;
      await outbox.enqueue('orientation', { motif: 'x' }, consent);
      expect(((await store.load('d1'))!.values as { motif: string }).motif).to.equal('m4');
      expect(rounds).to.deep.equal([PBKDF2_ITERATIONS]);
      store.close();
      outbox.close();
      vault.close();
    } finally {
      crypto.subtle.deriveKey = derive;
    }
  });

  it('associated data: a record whose id, version or expiry was changed, or that was moved into the outbox, does not open', async () => {
    const dbName = uniq();
    const store = new DraftStore({ dbName });
    await store.save('d1', 'orientation', { motif: 'x' }, 0);
    const [rec] = (await rawAll(dbName, 'drafts')) as Array<Record<string, unknown>>;
    await rawPut(dbName, { ...rec, expiresAt: '2099-01-01T00:00:00.000Z' });
    const err = await rejects(store.load('d1'));
    expect(err).to.be.instanceOf(DraftLockedError);
    expect((err as Error).message).to.match(/modifiée hors de ce formulaire/);
    await rawPut(dbName, { ...rec, id: 'd2' });
    expect(await rejects(store.load('d2'))).to.be.instanceOf(DraftLockedError);
    await rawPut(dbName, { ...rec, version: 7 });
    expect(await rejects(store.load('d1'))).to.be.instanceOf(DraftLockedError);
    // the same key, but a draft is not a queued sheet
    const outbox = new Outbox('/liaison/receive', { dbName, vault: store.vault });
    expect(await outbox.pending()).to.deep.equal([]); // creates the outbox database
    await rawPut(`${dbName}-outbox`, { ...rec, id: 'k1' });
    expect(await rejects(outbox.draftOf('k1'))).to.be.instanceOf(DraftLockedError);
    outbox.close();
    store.close();
  });

  it('erase removes every database, key and queued sheet, in every tab, and says what it erased', async () => {
    const dbName = uniq();
    const tab1 = new DraftStore({ dbName, writer: 'tab1' });
    const tab2 = new DraftStore({ dbName, writer: 'tab2' });
    const outbox2 = new Outbox('http://127.0.0.1:9/fiches', { dbName, vault: tab2.vault, fetch: () => Promise.reject(new TypeError('Failed to fetch')) });
    await tab1.save('d1', 'orientation', { motif: 'x' }, 0);
    await tab2.save('d2', 'orientation', { motif: 'y' }, 0);
    await outbox2.enqueue('orientation', { motif: 'z' }, consent);
    let told = false;
    tab2.vault.onErased(() => (told = true));
    const erased = await eraseDevice(dbName);
    expect(erased).to.deep.equal({ drafts: 2, queued: 1, keys: 1 });
    expect(describeErased(erased)).to.equal('Effacé de cet appareil : 2 brouillons, 1 fiche en attente d’envoi et la clé de chiffrement, dans tous les onglets ouverts.');
    await waitFor(() => told);
    const names = (await indexedDB.databases()).map((d) => d.name);
    expect(names).to.not.include(dbName);
    expect(names).to.not.include(`${dbName}-outbox`);
    // the other tab does not bring anything back with a cached key: its old key is forgotten
    await tab2.save('d3', 'orientation', { motif: 'nouveau' }, 0);
    expect((await tab2.list()).map((d) => d.id)).to.deep.equal(['d3']);
    expect(await outbox2.pending()).to.deep.equal([]);
    expect(((await new DraftStore({ dbName }).load('d3'))!.values as { motif: string }).motif).to.equal('nouveau');
    tab1.close();
    tab2.close();
    outbox2.close();
  });
});

describe('issue 14: send exactly once', () => {
  const consent: Consent = { by: 'personne', recipients: ['Plateforme de répit (fictive)'], sections: ['motif'], textVersion: '2026-1', at: '2026-11-23T10:00:00Z' };
  const json = (status: number, body: unknown, type = 'application/json') => new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers: { 'content-type': type } });

  it('endpoint: https or this site only', () => {
    expect(endpointAllowed('https://liaison.nievre.fr/fiches')).to.equal(true);
    expect(endpointAllowed('/liaison/receive')).to.equal(true);
    expect(endpointAllowed('http://127.0.0.1:9/fiches')).to.equal(true);
    for (const bad of ['http://liaison.nievre.fr/fiches', 'ftp://x.fr/', 'javascript:alert(1)', 'https://user:pw@x.fr/', 'data:,x']) expect(endpointAllowed(bad), bad).to.equal(false);
    let err: unknown;
    try {
      new Outbox('http://liaison.nievre.fr/fiches');
    } catch (e) {
      err = e;
    }
    expect((err as Error).message).to.match(/doit commencer par https/);
  });

  it('one idempotency key per sheet and consent, kept with the queued sheet and reused by every retry; two sends at once make one POST', async () => {
    const keys: string[] = [];
    let down = true;
    const outbox = new Outbox('/x', {
      dbName: uniq(),
      fetch: (input, init) => {
        // a fetch gets a Request (ky) or a URL and its init
        keys.push((input instanceof Request ? input : new Request(input, init)).headers.get('idempotency-key')!);
        return down ? Promise.reject(new TypeError('Failed to fetch')) : Promise.resolve(json(201, { id: keys.at(-1), receivedAt: '2026-11-23T10:00:00Z', sha256: 'a'.repeat(64) }));
      },
    });
    const key = await outbox.enqueue('orientation', { motif: 'x' }, consent);
    expect(await outbox.enqueue('orientation', { motif: 'x' }, consent, { key })).to.equal(key);
    expect(await outbox.pending()).to.deep.equal([key]);
    await outbox.send(key);
    await outbox.flush();
    down = false;
    const [a, b] = await Promise.all([outbox.send(key), outbox.send(key)]);
    expect(a).to.deep.equal(b);
    expect(a.state).to.equal('sent');
    expect(keys).to.deep.equal([key, key, key]);
    outbox.close();
  });

  it('a POST that hangs times out with a French message; the sheet stays queued', async () => {
    const outbox = new Outbox('/x', { dbName: uniq(), timeoutMs: 80, fetch: (input, init) => new Promise((_r, reject) => (input instanceof Request ? input : new Request(input, init)).signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))) });
    const key = await outbox.enqueue('orientation', { motif: 'x' }, consent);
    const t = performance.now();
    const r = await outbox.send(key);
    expect(performance.now() - t).to.be.below(2000);
    expect(r.state).to.equal('queued');
    expect((r as { reason: string }).reason).to.match(/le service n’a pas répondu en 0 secondes|n’a pas répondu en/);
    expect(await outbox.pending()).to.deep.equal([key]);
    outbox.close();
  });

  it('a 422 removes the queued copy; malformed 422 bodies never break, and still say something in French', async () => {
    const bodies: unknown[] = [
      { 'invalid-params': [{ name: 42, reason: { x: 1 } }, null, 'texte', { name: 'motif', reason: 'Trop court.' }] },
      { 'invalid-params': 'non' },
      '<html>erreur</html>',
      null,
      { 'invalid-params': Array.from({ length: 500 }, (_, i) => ({ name: `f${i}`, reason: 'x'.repeat(5000) })) },
    ];
    for (const body of bodies) {
      const outbox = new Outbox('/x', { dbName: uniq(), fetch: () => Promise.resolve(json(422, body, 'application/problem+json')) });
      const key = await outbox.enqueue('orientation', { motif: 'x' }, consent);
      const r = await outbox.send(key);
      expect(r.state, JSON.stringify(body)?.slice(0, 40)).to.equal('rejected');
      const errors = (r as { errors: Array<{ field: string; message: string }> }).errors;
      expect(errors.length).to.be.within(1, 50);
      for (const e of errors) {
        expect(typeof e.field).to.equal('string');
        expect(e.message).to.be.a('string').and.not.equal('');
        expect(e.message.length).to.be.at.most(500);
      }
      expect(await outbox.pending()).to.deep.equal([]);
      outbox.close();
    }
    expect(readProblems({ 'invalid-params': [{ name: 42, reason: 'Trop court.' }] })).to.deep.equal([{ field: 'fiche', message: 'Trop court.' }]);
  });

  it('a key reused for another sheet (409 problem) is refused in French, not retried forever', async () => {
    const outbox = new Outbox('/x', { dbName: uniq(), fetch: () => Promise.resolve(json(409, { title: 'Clé déjà utilisée', detail: 'Cette clé d’envoi a déjà servi pour une autre fiche.' }, 'application/problem+json')) });
    const key = await outbox.enqueue('orientation', { motif: 'x' }, consent);
    const r = await outbox.send(key);
    expect(r).to.deep.equal({ state: 'rejected', errors: [{ field: 'fiche', message: 'Cette clé d’envoi a déjà servi pour une autre fiche.' }] });
    expect(await outbox.pending()).to.deep.equal([]);
    outbox.close();
  });

  it('401, 403 and 429 keep the sheet queued with a French reason that says what happens', async () => {
    for (const [status, re] of [[401, /refuse l’accès à ce site, erreur 401/], [403, /erreur 403 : prévenez le responsable du site/], [429, /trop d’envois vers le service/]] as const) {
      const outbox = new Outbox('/x', { dbName: uniq(), fetch: () => Promise.resolve(json(status, { title: 'x', detail: 'y' }, 'application/problem+json')) });
      const key = await outbox.enqueue('orientation', {}, consent);
      const r = await outbox.send(key);
      expect(r.state).to.equal('queued');
      expect((r as { reason: string }).reason).to.match(re);
      expect(await outbox.pending()).to.deep.equal([key]);
      outbox.close();
    }
  });

  it('the promised retry is said only where true: a shared device says the sheet is kept for this page only', async () => {
    const fail = () => Promise.reject(new TypeError('Failed to fetch'));
    const personal = new Outbox('/x', { dbName: uniq(), fetch: fail });
    const shared = new Outbox('/x', { dbName: uniq(), device: 'shared', fetch: fail });
    const r1 = await personal.send(await personal.enqueue('orientation', {}, consent));
    const r2 = await shared.send(await shared.enqueue('orientation', {}, consent));
    expect((r1 as { reason: string }).reason).to.match(/prochaine ouverture de cette page/);
    expect((r2 as { reason: string }).reason).to.match(/tant que cette page reste ouverte/);
    expect((r2 as { reason: string }).reason).to.not.match(/prochaine ouverture/);
    personal.close();
    shared.close();
  });
});

async function waitFor(fn: () => boolean, ms = 2000): Promise<void> {
  const t = Date.now();
  while (!fn()) {
    if (Date.now() - t > ms) throw new Error('timeout');
    await new Promise((r) => setTimeout(r, 10));
  }
}
