/**
 * `<relais-contributions>` against the contributions contract double (tests/server/contributions-double.mjs): every
 * request the element sends and every answer it reads are checked against packages/core/contributions-openapi.json,
 * and each test ends by reading the double's log for requests outside the contract.
 */
import { expect, fixture, waitUntil, oneEvent } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../src/define.js';
import type { RelaisContributions } from '../src/contributions.js';
import type { RelaisContributionDecidedEvent } from '../src/events.js';

const $ = <T extends Element = HTMLElement>(el: RelaisContributions, sel: string) => el.shadowRoot!.querySelector<T>(sel);
const $$ = (el: RelaisContributions, sel: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(sel)];
const active = (el: RelaisContributions) => el.shadowRoot!.activeElement as HTMLElement | null;
const live = (el: RelaisContributions) => $(el, '[role=status]')!.textContent!.trim();
const text = (el: RelaisContributions) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ');

interface Logged {
  method: string;
  path: string;
  query: string;
  errors: unknown[];
  responseErrors?: unknown[];
  status?: number;
  credentials: boolean;
}
const requests = async (): Promise<Logged[]> => (await fetch('/contrib/_requests?clear=1')).json() as Promise<Logged[]>;
/** Every request the element sent was inside the contract, and so was every answer. */
async function allInContract(): Promise<Logged[]> {
  const log = await requests();
  for (const r of log) {
    expect(r.errors, `${r.method} ${r.path}${r.query}`).to.deep.equal([]);
    expect(r.responseErrors ?? [], `answer to ${r.method} ${r.path}`).to.deep.equal([]);
  }
  return log;
}

const FIRST = 'relais-demo--s000001-1';
const SECOND = 'relais-demo--s000002-1';

async function signIn(): Promise<void> {
  await fetch('/contrib/_test/session?nom=Camille%20Martin&territoires=58', { credentials: 'include' });
}
async function suggestion(service: string, changements: Array<{ champ: string; valeur: string }>): Promise<string> {
  const r = await fetch(`/contrib/_test/contribution?service=${encodeURIComponent(service)}&changements=${encodeURIComponent(JSON.stringify(changements))}&commentaire=${encodeURIComponent('Numéro changé en septembre')}`);
  return ((await r.json()) as { id: string }).id;
}
async function stored(id: string): Promise<Record<string, unknown>> {
  return (await (await fetch(`/contrib/_test/service?id=${encodeURIComponent(id)}`)).json()) as Record<string, unknown>;
}
async function element(attrs = ''): Promise<RelaisContributions> {
  const el = await fixture<RelaisContributions>(`<relais-contributions endpoint="/contrib" ${attrs}></relais-contributions>`);
  return el;
}

beforeEach(async () => {
  await fetch('/contrib/_test/reset', { credentials: 'include' });
});

describe('<relais-contributions>', () => {
  it('signed out: « Se connecter » leads to the server’s login with the page as `retour`; axe-clean', async () => {
    const el = await element();
    await waitUntil(() => $(el, '.sign-in'), 'sign-in link');
    const a = $<HTMLAnchorElement>(el, '.sign-in')!;
    expect(a.textContent).to.equal('Se connecter');
    expect(a.href).to.equal(`${location.origin}/contrib/auth/login?retour=${encodeURIComponent(location.href)}`);
    expect(text(el)).to.include('Connectez-vous pour relire les propositions de votre territoire.');
    expect($(el, '[role=tablist]')).to.equal(null);
    await expect(el).to.be.accessible();
    const log = await allInContract();
    expect(log.map((r) => `${r.method} ${r.path} ${r.status}`)).to.deep.equal(['GET /auth/moi 401']);
  });

  it('signed in: name, territories, the queue with a before/after table per suggestion (caption, row headers); axe-clean', async () => {
    await signIn();
    await suggestion(FIRST, [
      { champ: 'telephone', valeur: '03 86 11 22 33' },
      { champ: 'horaires_accueil', valeur: 'Mo-Fr 09:00-12:00' },
    ]);
    const el = await element();
    await waitUntil(() => $(el, '.contribution'), 'queue shown');
    expect(text(el)).to.include('Connecté·e : Camille Martin');
    expect(text(el)).to.include('Territoires modérés : Nièvre (58)');
    expect($(el, '[role=tab][aria-selected=true]')!.textContent).to.match(/Propositions à relire/);
    const table = $(el, '.contribution table')!;
    expect(table.querySelector('caption')!.textContent).to.equal('Modifications proposées pour « Accueil social et accès aux droits » : avant et après');
    const rows = [...table.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent!.trim()));
    // the record has no phone nor hours of its own: the structure's are shown as « avant »
    expect(rows).to.deep.equal([
      ['', 'Téléphone', '03 53 01 88 54', '03 86 11 22 33'],
      ['', 'Horaires', 'Mo-Fr 08:30-12:30,14:00-17:30; PH off', 'Mo-Fr 09:00-12:00'],
    ]);
    expect($$(el, '.contribution input[type=checkbox]').map((c) => c.getAttribute('aria-label'))).to.deep.equal(['Appliquer : Téléphone', 'Appliquer : Horaires']);
    expect(text(el)).to.include('Numéro changé en septembre');
    expect(live(el)).to.equal('1 proposition à relire.');
    await expect(el).to.be.accessible();
    const log = await allInContract();
    expect(log.every((r) => r.credentials)).to.equal(true);
  });

  it('accept per field: only the ticked field is applied; the event carries ids only; the focus moves on', async () => {
    await signIn();
    const id = await suggestion(FIRST, [
      { champ: 'telephone', valeur: '03 86 11 22 33' },
      { champ: 'horaires_accueil', valeur: 'Mo-Fr 09:00-12:00' },
    ]);
    const el = await element();
    await waitUntil(() => $(el, '.contribution'), 'queue shown');
    $<HTMLInputElement>(el, '.contribution input[aria-label="Appliquer : Horaires"]')!.click();
    await el.updateComplete;
    const decided = oneEvent(el, 'relais-contribution-decided') as Promise<RelaisContributionDecidedEvent>;
    $<HTMLButtonElement>(el, '.contribution .accept')!.click();
    const e = await decided;
    expect(e.contributionId).to.equal(id);
    expect(e.serviceId).to.equal(FIRST);
    expect(e.decision).to.equal('acceptee');
    expect(e.champs).to.deep.equal(['telephone']);
    // ids and the decision only: no value, no contact, no comment
    expect(Object.keys(e).filter((k) => k !== 'isTrusted').sort()).to.deep.equal(['champs', 'contributionId', 'decision', 'serviceId']);
    await waitUntil(() => !$(el, '.contribution'), 'removed from the queue');
    expect(live(el)).to.equal('Proposition acceptée pour « Accueil social et accès aux droits » : 1 information appliquée.');
    expect(active(el)?.id).to.match(/-panel-queue-title$/);
    const s = await stored(FIRST);
    expect(s.telephone).to.equal('03 86 11 22 33');
    expect(s.horaires_accueil).to.equal(null);
    const log = await allInContract();
    expect(log.find((r) => r.path.endsWith('/acceptation'))).to.include({ method: 'POST', status: 200 });
  });

  it('reject requires a reason: said beside the field, focused, nothing sent; with one, rejected', async () => {
    await signIn();
    await suggestion(FIRST, [{ champ: 'description', valeur: 'Texte publicitaire' }]);
    await suggestion(SECOND, [{ champ: 'telephone', valeur: '03 86 00 00 00' }]);
    const el = await element();
    await waitUntil(() => $$(el, '.contribution').length === 2, 'queue shown');
    await requests();
    $<HTMLButtonElement>(el, '.contribution .reject-button')!.click();
    await waitUntil(() => $(el, '.contribution .reject .error-text'), 'reason required');
    const motif = $<HTMLTextAreaElement>(el, '.contribution textarea')!;
    expect($(el, '.contribution .reject .error-text')!.textContent).to.equal('Indiquez le motif du refus.');
    expect(motif.getAttribute('aria-invalid')).to.equal('true');
    expect(motif.getAttribute('aria-describedby')).to.match(/-motif-error/);
    expect(active(el)).to.equal(motif);
    expect(await requests()).to.deep.equal([]);
    motif.value = 'Publicité, sans rapport avec le service';
    motif.dispatchEvent(new InputEvent('input'));
    $<HTMLButtonElement>(el, '.contribution .reject-button')!.click();
    await waitUntil(() => $$(el, '.contribution').length === 1, 'rejected');
    expect(live(el)).to.match(/^Proposition refusée pour « Accueil social et accès aux droits »/);
    // the focus goes to the next suggestion's heading
    expect(active(el)?.id).to.match(/-c0-title$/);
    expect(active(el)?.textContent).to.equal('Accueil social et accès aux droits — CCAS de Challuy');
    const log = await allInContract();
    expect(log.filter((r) => r.path.endsWith('/refus')).map((r) => r.status)).to.deep.equal([200]);
  });

  it('a record synchronised from elsewhere (`modifiable: false`): explained, with its producer’s page; no acceptance', async () => {
    await signIn();
    await suggestion('dora--svc-1', [{ champ: 'telephone', valeur: '03 86 00 00 02' }]);
    const el = await element();
    await waitUntil(() => $(el, '.contribution'), 'queue shown');
    expect($(el, '.contribution .notice')!.textContent).to.match(/vient d’une autre source \(dora\) : elle ne se modifie pas ici/);
    const a = $<HTMLAnchorElement>(el, '.contribution .notice a')!;
    expect(a.href).to.equal('https://dora.inclusion.beta.gouv.fr/services/svc-1');
    expect($(el, '.contribution .accept')).to.equal(null);
    expect($(el, '.contribution input[type=checkbox]')).to.equal(null);
    await expect(el).to.be.accessible();
    await allInContract();
  });

  it('« Fiches à vérifier » by keyboard: « Demander une confirmation » says « Envoyé à c***@… », or the 409’s sentence', async () => {
    await signIn();
    const el = await element();
    await waitUntil(() => $(el, '[role=tab]'), 'tabs');
    $<HTMLElement>(el, '[role=tab][aria-selected=true]')!.focus();
    await sendKeys({ press: 'ArrowRight' });
    await waitUntil(() => $(el, 'table.fresh'), 'freshness table');
    expect(active(el)?.textContent).to.match(/Fiches à vérifier/);
    expect(active(el)?.getAttribute('aria-selected')).to.equal('true');
    expect($(el, 'table.fresh caption')!.textContent).to.equal('Fiches non confirmées depuis plus de 12 mois');
    const rows = $$(el, 'table.fresh tbody tr');
    expect(rows.length).to.be.greaterThan(1);
    const buttons = $$(el, 'table.fresh button.ask');
    buttons[0]!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => rows[0]!.querySelector('.success'), 'sent');
    expect(rows[0]!.querySelector('.success')!.textContent).to.match(/^Envoyé à [a-z]\*\*\*@[\w.-]+, lien valable jusqu’au \d/);
    expect(live(el)).to.match(/Envoyé à/);
    // the second row's structure lost its address meanwhile: the server's 409, in French, in that row
    await allInContract();
    const items = (await (await fetch('/contrib/fraicheur?taille=20', { credentials: 'include' })).json()) as { items: Array<{ service_id: string }> };
    await fetch(`/contrib/_test/strip-mail?id=${encodeURIComponent(items.items[1]!.service_id)}`);
    (rows[1]!.querySelector('button.ask') as HTMLButtonElement).click();
    await waitUntil(() => rows[1]!.querySelector('.error-text'), '409 shown');
    expect(rows[1]!.querySelector('.error-text')!.textContent).to.match(/Ni la fiche ni sa structure n’ont d’adresse électronique/);
    await allInContract();
  });

  it('tabs by keyboard: End shows « Contributions par structure », a table with a caption; Home goes back', async () => {
    await signIn();
    await suggestion(FIRST, [{ champ: 'telephone', valeur: '03 86 11 22 33' }]);
    await suggestion(FIRST, [{ champ: 'courriel', valeur: 'accueil@cercy.example' }]);
    const el = await element();
    await waitUntil(() => $(el, '.contribution'), 'queue');
    $<HTMLElement>(el, '[role=tab][aria-selected=true]')!.focus();
    await sendKeys({ press: 'End' });
    await waitUntil(() => $(el, 'table.stats'), 'stats table');
    expect(active(el)?.textContent).to.match(/Contributions par structure/);
    expect($(el, 'table.stats caption')!.textContent).to.equal('Contributions par structure');
    const row = [...$(el, 'table.stats tbody tr')!.querySelectorAll('th, td')].map((c) => c.textContent!.trim());
    expect(row).to.deep.equal(['CCAS de Cercy-la-Tour', '2', '0', '0', '0']);
    expect(text(el)).to.include('Par auteur : 2 par des personnes qui utilisent les services, 0 par des professionnels, 0 par les structures elles-mêmes.');
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Home' });
    await waitUntil(() => $(el, '.contribution'), 'queue again');
    expect(active(el)?.textContent).to.match(/Propositions à relire/);
    await allInContract();
  });

  it('403 and an expired session are said in French; a 401 brings « Se connecter » back', async () => {
    await signIn();
    const el = await element('departement="21"');
    await waitUntil(() => $(el, '[role=alert]'), '403 shown');
    expect($(el, '[role=alert]')!.textContent).to.include('Vous ne modérez pas ce territoire : cette action n’est pas permise.');
    el.departement = undefined;
    await waitUntil(() => !$(el, '[role=alert]') && $(el, '.panel'), 'queue');
    await suggestion(FIRST, [{ champ: 'telephone', valeur: '03 86 11 22 33' }]);
    el.departement = '58';
    await waitUntil(() => $(el, '.contribution'), 'queue with the suggestion');
    await fetch('/contrib/_test/session?fermer=1', { credentials: 'include' });
    $<HTMLButtonElement>(el, '.contribution .accept')!.click();
    await waitUntil(() => $(el, '.sign-in'), 'signed out');
    expect(text(el)).to.include('Votre session a expiré : reconnectez-vous.');
    await allInContract();
  });

  it('sign out: POST /auth/logout, then « Se connecter »; the focus on it', async () => {
    await signIn();
    const el = await element();
    await waitUntil(() => $(el, '.account button'), 'signed in');
    $<HTMLButtonElement>(el, '.account button')!.click();
    await waitUntil(() => $(el, '.sign-in'), 'signed out');
    expect(active(el)).to.equal($(el, '.sign-in'));
    const log = await allInContract();
    expect(log.map((r) => `${r.method} ${r.path} ${r.status}`)).to.include('POST /auth/logout 204');
  });

  it('hostile values in a suggestion are shown as text, never run; a hostile producer link is no link', async () => {
    await signIn();
    const payload = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';
    await suggestion(FIRST, [
      { champ: 'description', valeur: payload },
      { champ: 'telephone', valeur: 'javascript:window.__pwned=1' },
    ]);
    const el = await element();
    await waitUntil(() => $(el, '.contribution'), 'queue');
    expect($(el, '.contribution img, .contribution script')).to.equal(null);
    expect($(el, '.contribution td.after')!.textContent).to.equal(payload);
    expect($$(el, '.contribution a').length).to.equal(0);
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
    await allInContract();
  });

  for (const width of [375, 1280]) {
    it(`at ${width} px: nothing wider than the screen, axe-clean`, async () => {
      await setViewport({ width, height: 900 });
      try {
        await signIn();
        await suggestion(FIRST, [
          { champ: 'description', valeur: 'Une description très longue '.repeat(12) },
          { champ: 'telephone', valeur: '03 86 11 22 33' },
        ]);
        const el = await element();
        await waitUntil(() => $(el, '.contribution'), 'queue');
        expect(el.getBoundingClientRect().width).to.be.at.most(width);
        const art = $(el, '.contribution')!;
        expect(art.scrollWidth).to.be.at.most(art.clientWidth + 1);
        await expect(el).to.be.accessible();
      } finally {
        await setViewport({ width: 800, height: 600 });
      }
    });
  }
});
