/**
 * « Signaler une erreur ou proposer une mise à jour » and the freshness badge, against the contributions contract
 * double (tests/server/contributions-double.mjs): every request the form sends and every answer it reads are checked
 * against packages/core/contributions-openapi.json.
 */
import { expect, fixture, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/define.js';
import '@relais/core/provider.js';
import type { Dataset, RelaisProvider } from '@relais/core';
import type { RelaisDirectory } from '../src/directory.js';
import { isStale } from '../src/freshness.js';

const $ = <T extends Element = HTMLElement>(el: RelaisDirectory, sel: string) => el.shadowRoot!.querySelector<T>(sel);
const $$ = (el: RelaisDirectory, sel: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(sel)];
const active = (el: RelaisDirectory) => el.shadowRoot!.activeElement as HTMLElement | null;
const live = (el: RelaisDirectory) => $(el, '#suggest-live')!.textContent!.trim();

interface Logged {
  method: string;
  path: string;
  errors: unknown[];
  responseErrors?: unknown[];
  status?: number;
}
const requests = async (): Promise<Logged[]> => (await fetch('/contrib/_requests?clear=1')).json() as Promise<Logged[]>;

interface RawService {
  nom: string;
  date_maj: string;
  lien_source?: string | null;
}
interface Raw {
  structures: unknown[];
  services: RawService[];
}
let nievre: Raw;
const today = new Date().toISOString().slice(0, 10);

async function directory(attrs = 'contributions-url="/contrib"', tweak: (d: Raw) => void = () => undefined): Promise<RelaisDirectory> {
  nievre ??= (await (await fetch('/examples/data/nievre.json')).json()) as Raw;
  const data = structuredClone(nievre);
  // the first services are up to date unless a test says otherwise
  for (const s of data.services) s.date_maj = today;
  tweak(data);
  const el = await fixture<RelaisDirectory>(`<relais-directory departements="58" ${attrs}></relais-directory>`);
  el.data = data as unknown as Dataset;
  await waitUntil(() => $$(el, '.title-link').length > 0, 'results', { timeout: 8000 });
  return el;
}

async function openFirst(el: RelaisDirectory): Promise<string> {
  const first = $$(el, '.title-link')[0]!;
  first.click();
  await waitUntil(() => $(el, '#detail-title'), 'detail open');
  return el.shadowRoot!.querySelector('.detail')!.getAttribute('aria-labelledby')!;
}

async function openForm(el: RelaisDirectory): Promise<void> {
  await openFirst(el);
  const toggle = $<HTMLButtonElement>(el, '#suggest-toggle')!;
  expect(toggle.getAttribute('aria-expanded')).to.equal('false');
  toggle.click();
  // the form loads on the first click (its own chunk), then takes the button's place, focused
  await waitUntil(() => $(el, '#suggest-toggle')!.getAttribute('aria-expanded') === 'true' && $(el, '.suggest-form'), 'form open');
}

async function tick(el: RelaisDirectory, id: string): Promise<void> {
  $<HTMLInputElement>(el, `#${id}`)!.click();
  await el.updateComplete;
}

async function type(el: RelaisDirectory, id: string, value: string): Promise<void> {
  const input = $<HTMLInputElement>(el, `#${id}`)!;
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

beforeEach(async () => {
  await fetch('/contrib/_test/reset');
});

describe('<relais-directory> « Signaler une erreur ou proposer une mise à jour »', () => {
  it('a new phone number: sent as the contract says, thanks in a live region and focused; axe-clean open and after', async () => {
    const el = await directory();
    await openForm(el);
    await tick(el, 'suggest-champ-telephone');
    // the current value is shown beside the new one
    const current = $(el, '#suggest-value-telephone-current')!.textContent!;
    expect(current).to.match(/^Valeur actuelle : (0\d(?: \d\d){4}|non renseignée)$/);
    expect($(el, '#suggest-value-telephone')!.getAttribute('aria-describedby')).to.include('suggest-value-telephone-current');
    await type(el, 'suggest-value-telephone', '03 86 12 34 56');
    await tick(el, 'suggest-auteur-professionnel');
    await type(el, 'suggest-contact', 'a.b@ccas.example');
    await expect(el).to.be.accessible();
    $<HTMLButtonElement>(el, '.suggest-form button[type=submit]')!.click();
    await waitUntil(() => $(el, '#suggest-thanks'), 'thanks');
    expect($(el, '#suggest-thanks')!.textContent).to.equal('Merci, votre proposition sera relue avant publication.');
    expect(live(el)).to.equal('Merci, votre proposition sera relue avant publication.');
    expect(active(el)?.id).to.equal('suggest-thanks');
    const log = await requests();
    expect(log.length).to.equal(1);
    expect(log[0]).to.include({ method: 'POST', status: 202 });
    expect(log[0]!.path).to.match(/^\/services\/[^/]+\/suggestions$/);
    expect(log[0]!.errors).to.deep.equal([]);
    expect(log[0]!.responseErrors).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('the server’s 422: a summary in French, focused, with links to the fields; the error beside its field; nothing lost', async () => {
    const el = await directory();
    await openForm(el);
    await tick(el, 'suggest-champ-telephone');
    await type(el, 'suggest-value-telephone', 'pas un numéro');
    await tick(el, 'suggest-champ-courriel');
    await type(el, 'suggest-value-courriel', 'accueil-at-mairie');
    await tick(el, 'suggest-auteur-usager');
    $<HTMLButtonElement>(el, '.suggest-form button[type=submit]')!.click();
    await waitUntil(() => $(el, '#suggest-errors'), 'error summary');
    await waitUntil(() => active(el)?.id === 'suggest-errors', 'summary focused');
    const links = $$(el, '#suggest-errors a');
    expect(links.map((a) => a.textContent)).to.deep.equal(['Indiquez un numéro de téléphone français, par exemple 03 86 12 34 56.', 'Indiquez une adresse électronique, par exemple accueil@mairie.fr.']);
    expect($(el, '#suggest-errors-title')!.textContent).to.equal('Il y a un problème');
    const phone = $<HTMLInputElement>(el, '#suggest-value-telephone')!;
    expect(phone.getAttribute('aria-invalid')).to.equal('true');
    expect(phone.getAttribute('aria-describedby')).to.include('suggest-value-telephone-error');
    expect($(el, '#suggest-value-telephone-error')!.textContent).to.match(/numéro de téléphone français/);
    expect(phone.value).to.equal('pas un numéro');
    expect(live(el)).to.equal('2 erreurs à corriger dans le formulaire.');
    links[1]!.click();
    expect(active(el)?.id).to.equal('suggest-value-courriel');
    const log = await requests();
    expect(log.map((r) => [r.status, r.errors.length, r.responseErrors?.length])).to.deep.equal([[422, 0, 0]]);
    await expect(el).to.be.accessible();
  });

  it('what the browser can tell is said before sending: no field ticked, no author — and nothing is sent', async () => {
    const el = await directory();
    await openForm(el);
    $<HTMLButtonElement>(el, '.suggest-form button[type=submit]')!.click();
    await waitUntil(() => active(el)?.id === 'suggest-errors', 'summary focused');
    expect($$(el, '#suggest-errors li').map((li) => li.textContent)).to.deep.equal([
      'Cochez au moins une information à corriger.',
      'Dites qui vous êtes : une personne qui utilise le service, un ou une professionnelle, ou la structure elle-même.',
    ]);
    await tick(el, 'suggest-champ-horaires_accueil');
    await tick(el, 'suggest-champ-ferme');
    $<HTMLButtonElement>(el, '.suggest-form button[type=submit]')!.click();
    await waitUntil(() => $$(el, '#suggest-errors li').some((li) => /horaires/.test(li.textContent!)), 'value missing');
    expect(await requests()).to.deep.equal([]);
  });

  it('keyboard only: open, tick, type, choose, send; the honeypot is never reached', async () => {
    const el = await directory();
    await openFirst(el);
    $<HTMLButtonElement>(el, '#suggest-toggle')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => $(el, '#suggest-toggle')!.getAttribute('aria-expanded') === 'true' && active(el)?.id === 'suggest-toggle', 'open, the focus kept on the button');
    await sendKeys({ press: 'Tab' });
    expect(active(el)?.id).to.equal('suggest-champ-telephone');
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    await sendKeys({ press: 'Tab' });
    expect(active(el)?.id).to.equal('suggest-value-telephone');
    await sendKeys({ type: '03 86 99 88 77' });
    const seen: string[] = [];
    for (let i = 0; i < 20 && active(el)?.id !== 'suggest-auteur-usager'; i++) {
      await sendKeys({ press: 'Tab' });
      seen.push(active(el)?.id ?? '');
    }
    expect(active(el)?.id).to.equal('suggest-auteur-usager');
    await sendKeys({ press: 'Space' });
    for (let i = 0; i < 10 && !(active(el) instanceof HTMLButtonElement && (active(el) as HTMLButtonElement).type === 'submit'); i++) {
      await sendKeys({ press: 'Tab' });
      seen.push(active(el)?.id || active(el)?.tagName || '');
    }
    expect(seen).to.include('suggest-contact');
    expect(seen).to.include('suggest-comment');
    expect(seen).not.to.include('suggest-site');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => $(el, '#suggest-thanks'), 'thanks');
    const [req] = await requests();
    expect(req).to.include({ status: 202 });
    // the honeypot: out of sight, out of the tab order, hidden from assistive technologies, no autofill
    await sendKeys({ press: 'Tab' });
  });

  it('the honeypot is aria-hidden, tabindex -1, autocomplete off, off-screen', async () => {
    const el = await directory();
    await openForm(el);
    const hp = $<HTMLInputElement>(el, '#suggest-site')!;
    expect(hp.name).to.equal('site_web');
    expect(hp.tabIndex).to.equal(-1);
    expect(hp.getAttribute('autocomplete')).to.equal('off');
    expect(hp.closest('[aria-hidden="true"]')).to.not.equal(null);
    const box = hp.getBoundingClientRect();
    expect(box.right <= 0 || box.width <= 1).to.equal(true);
  });

  it('429: « réessayez dans N minutes » in the live region, what was typed kept', async () => {
    await fetch('/contrib/_test/reset?limite=0');
    const el = await directory();
    await openForm(el);
    await tick(el, 'suggest-champ-description');
    await type(el, 'suggest-value-description', 'Nouvelle description du service.');
    await tick(el, 'suggest-auteur-structure');
    $<HTMLButtonElement>(el, '.suggest-form button[type=submit]')!.click();
    await waitUntil(() => $(el, '#suggest-failure'), 'failure shown');
    // Retry-After: 900 s
    expect($(el, '#suggest-failure')!.textContent).to.equal('Trop de propositions depuis votre connexion : réessayez dans 15 minutes. Vos saisies sont conservées.');
    expect(live(el)).to.match(/réessayez dans 15 minutes/);
    expect($<HTMLTextAreaElement>(el, '#suggest-value-description')!.value).to.equal('Nouvelle description du service.');
    const [req] = await requests();
    expect(req).to.include({ status: 429 });
    expect(req!.errors).to.deep.equal([]);
  });

  it('a data·inclusion record: its producer’s correction page, sanitised; a hostile one is never a link', async () => {
    const el = await directory('', (d) => {
      d.services = d.services.slice(0, 1);
      d.services[0]!.lien_source = 'https://dora.inclusion.beta.gouv.fr/services/abc';
    });
    // no contributions API: no form, but the producer's page
    const first = $$(el, '.title-link').find((b) => b.textContent!.startsWith(nievre.services[0]!.nom))!;
    first.click();
    await waitUntil(() => $(el, '.producer a'), 'producer link');
    expect($(el, '#suggest-toggle')).to.equal(null);
    const a = $<HTMLAnchorElement>(el, '.producer a')!;
    expect(a.href).to.equal('https://dora.inclusion.beta.gouv.fr/services/abc');
    expect(a.textContent).to.match(/Corriger directement la fiche chez son producteur \(dora\.inclusion\.beta\.gouv\.fr\)/);
    expect(a.rel).to.include('noopener');
    const el2 = await directory('contributions-url="/contrib"', (d) => {
      d.services = d.services.slice(0, 1);
      d.services[0]!.lien_source = 'javascript:alert(1)';
    });
    await openFirst(el2);
    expect($(el2, '#suggest-toggle')).to.not.equal(null);
    expect($(el2, '.producer')).to.equal(null);
  });

  it('the map’s « Voir la fiche » (a selection in the provider’s store) opens the detail with the same form', async () => {
    const wrap = await fixture<RelaisProvider>(`<relais-provider src="/examples/data/nievre.json"><relais-directory departements="58" contributions-url="/contrib"></relais-directory></relais-provider>`);
    const el = wrap.querySelector('relais-directory') as RelaisDirectory;
    await waitUntil(() => $$(el, '.title-link').length > 0, 'results', { timeout: 8000 });
    nievre ??= (await (await fetch('/examples/data/nievre.json')).json()) as Raw;
    wrap.store.select((nievre.services[3] as unknown as { id: string }).id);
    await waitUntil(() => $(el, '#suggest-toggle'), 'form offered in the detail', { timeout: 5000 });
    expect($(el, '#detail-title')!.textContent).to.include(nievre.services[3]!.nom);
  });

  it('in English: the button, the form and the badge speak English', async () => {
    const el = await directory('contributions-url="/contrib" lang="en"', (d) => {
      d.services = d.services.slice(0, 1);
      d.services[0]!.date_maj = '2020-01-01';
    });
    await waitUntil(() => $(el, '.item .stale')?.textContent?.startsWith('To be checked'), 'English badge', { timeout: 5000 });
    await openFirst(el);
    await waitUntil(() => /Report an error or suggest an update/.test($(el, '#suggest-toggle')!.textContent!), 'English button');
    $<HTMLButtonElement>(el, '#suggest-toggle')!.click();
    await waitUntil(() => /Which information needs correcting\?/.test($(el, '.suggest-form legend')?.textContent ?? ''), 'English form', { timeout: 5000 });
  });

  it('with source="rest" and no contributions-url, the REST API’s base is the contributions API’s', async () => {
    const el = await fixture<RelaisDirectory>(`<relais-directory source="rest" base-url="/rest" departements="58"></relais-directory>`);
    await waitUntil(() => $$(el, '.title-link').length > 0, 'results', { timeout: 8000 });
    await openFirst(el);
    expect($(el, '#suggest-toggle')).to.not.equal(null);
    const plain = await directory('');
    await openFirst(plain);
    expect($(plain, '#suggest-toggle')).to.equal(null);
  });

  it('a contributions-url that is not http(s) gives no form', async () => {
    const el = await directory('contributions-url="javascript:alert(1)//"');
    await openFirst(el);
    expect($(el, '#suggest-toggle')).to.equal(null);
  });
});

describe('<relais-directory> freshness', () => {
  it('isStale: months before today, 0 turns it off', () => {
    const now = new Date('2026-12-02T10:00:00Z');
    expect(isStale('2025-12-01', 12, now)).to.equal(true);
    expect(isStale('2025-12-02', 12, now)).to.equal(false);
    expect(isStale('2026-06-01', 6, now)).to.equal(true);
    expect(isStale('2020-01-01', 0, now)).to.equal(false);
  });

  it('« À vérifier » on the results and the detail (text, not colour), « Mis à jour le … »; off with 0', async () => {
    const el = await directory('contributions-url="/contrib"', (d) => {
      d.services = d.services.slice(0, 3);
      d.services[0]!.date_maj = '2023-03-01';
    });
    const badges = $$(el, '.item .stale');
    expect(badges.length).to.equal(1);
    expect(badges[0]!.textContent).to.match(/^À vérifier : Fiche non confirmée depuis plus de 12 mois/);
    badges[0]!.closest('.item')!.querySelector<HTMLButtonElement>('.title-link')!.click();
    await waitUntil(() => $(el, '#detail-stale'), 'badge in the detail');
    expect($(el, '.detail .updated')!.textContent).to.match(/Mis à jour le 1er mars 2023/);
    await expect(el).to.be.accessible();
    const off = await directory('stale-after-months="0"', (d) => (d.services[0]!.date_maj = '2023-03-01'));
    expect($$(off, '.stale').length).to.equal(0);
  });

  it('sort « Fiches vérifiées récemment » on a static source: the most recently updated first', async () => {
    const el = await directory('', (d) => {
      for (const s of d.services) s.date_maj = '2024-01-01';
      d.services[7]!.date_maj = today;
    });
    const sort = $<HTMLSelectElement>(el, '#sort')!;
    const option = [...sort.options].find((o) => o.value === 'updated')!;
    expect(option.textContent).to.equal('Fiches vérifiées récemment');
    sort.value = 'updated';
    sort.dispatchEvent(new Event('change'));
    await waitUntil(() => $$(el, '.title-link')[0]!.textContent!.startsWith(nievre.services[7]!.nom), 'newest first', { timeout: 5000 });
    expect($$(el, '.item')[0]!.querySelector('.stale')).to.equal(null);
    expect($$(el, '.item')[1]!.querySelector('.stale')).to.not.equal(null);
  });

  it('sort « Fiches vérifiées récemment » on the REST source: offered, sent as the contract’s tri=date_maj, newest first', async () => {
    const el = await fixture<RelaisDirectory>(`<relais-directory source="rest" base-url="/rest" departements="58"></relais-directory>`);
    await waitUntil(() => $$(el, '.title-link').length > 0, 'results', { timeout: 8000 });
    const sort = $<HTMLSelectElement>(el, '#sort')!;
    const option = [...sort.options].find((o) => o.value === 'updated');
    expect(option?.textContent).to.equal('Fiches vérifiées récemment');
    const byName = $$(el, '.title-link').map((a) => a.textContent);
    sort.value = 'updated';
    sort.dispatchEvent(new Event('change'));
    await waitUntil(() => $$(el, '.title-link').map((a) => a.textContent).join() !== byName.join(), 'sorted again', { timeout: 5000 });
    // the reference REST API (examples/server/rest-api.mjs) reads tri=date_maj as the SDK's `updated`: the newest first
    nievre ??= (await (await fetch('/examples/data/nievre.json')).json()) as Raw;
    const dateOf = new Map<string, string | null>();
    const structureName = new Map((nievre.structures as Array<{ id: string; nom: string }>).map((st) => [st.id, st.nom]));
    for (const s of nievre.services as Array<RawService & { structure_id: string }>) {
      // the title the list shows (item.ts): the service, then its structure when named otherwise
      const st = structureName.get(s.structure_id);
      const title = st && st !== s.nom ? `${s.nom} — ${st}` : s.nom;
      dateOf.set(title, dateOf.has(title) && dateOf.get(title) !== s.date_maj ? null : s.date_maj);
    }
    const dates = $$(el, '.title-link')
      .map((a) => dateOf.get(a.textContent!.trim()))
      .filter((d): d is string => !!d);
    expect(dates.length).to.be.greaterThan(3);
    expect(dates).to.deep.equal([...dates].sort().reverse());
    expect(dates[0]).to.equal([...dateOf.values()].filter((d): d is string => !!d).sort().at(-1));
  });
});
