import { expect } from '@open-wc/testing';
import { DraftStore, DraftConflictError, DraftLockedError, Outbox, liaisonTemplates, type Consent } from '../src/index.js';

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
  const consent: Consent = { by: 'personne', recipients: ['Plateforme de répit (fictive)'], sections: ['motif'], textVersion: '2026-1', at: '2026-11-23T10:00:00Z' };
  const values = {
    emetteur_structure: 'CCAS (fictif)', emetteur_nom: 'Claire Petit, CESF', emetteur_telephone: '03 53 01 12 34', destinataire_structure: 'Plateforme de répit (fictive)',
    personne_nom: 'Jeanne Martin', personne_contact: 'via-emetteur', motif: 'Répit', besoins: ['repit'], accord_personne: true, accord_par: 'personne',
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

  it('invalid sheet: field errors from the server, the sheet stays queued', async () => {
    const outbox = new Outbox('/liaison/receive', { dbName: uniq() });
    const key = await outbox.enqueue('orientation', { ...values, emetteur_telephone: '12' }, consent);
    const r = await outbox.send(key);
    expect(r.state).to.equal('rejected');
    expect((r as { errors: Array<{ field: string }> }).errors.map((e) => e.field)).to.deep.equal(['emetteur_telephone']);
    expect(await outbox.pending()).to.deep.equal([key]);
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
