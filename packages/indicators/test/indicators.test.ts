import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../src/define.js';
import type { RelaisIndicators } from '../src/indicators.js';

const $ = <T extends Element = HTMLElement>(el: Element, sel: string) => el.shadowRoot!.querySelector<T>(sel);
const $$ = <T extends Element = HTMLElement>(el: Element, sel: string) => [...el.shadowRoot!.querySelectorAll<T>(sel)];
const rows = (el: Element, section: string) =>
  $$(el, `#section-${section} tbody tr`).map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent!.trim().replace(/\s+/g, ' ')));
const NBSP = /[\u00a0\u202f]/g;

interface Logged {
  fixture: string;
  query: string;
  errors: unknown[];
  status: number;
  responseErrors: unknown[];
}
const requests = async (): Promise<Logged[]> => (await fetch('/ind/_requests?clear=1')).json();

async function dashboard(fixtureName = 'nievre', attrs: { du?: string; au?: string; departement?: string } = { du: '2025-12-03', au: '2026-12-02', departement: '58' }): Promise<RelaisIndicators> {
  await requests();
  const el = await fixture<RelaisIndicators>(
    html`<relais-indicators endpoint="/ind/${fixtureName}" tile-url="none" departement=${attrs.departement ?? ''} du=${attrs.du ?? ''} au=${attrs.au ?? ''}></relais-indicators>`,
  );
  await waitUntil(() => el.indicators !== null || $(el, '[part="error"]'), 'the indicators never arrived', { timeout: 8000 });
  await el.updateComplete;
  return el;
}

describe('<relais-indicators> against the contract double', () => {
  afterEach(async () => {
    await setViewport({ width: 1280, height: 800 });
  });

  it('asks GET /indicateurs with du, au and departement as the contract says, and shows every section under a heading', async () => {
    const el = await dashboard();
    const log = await requests();
    expect(log).to.have.length(1);
    expect(log[0]!.errors, JSON.stringify(log[0]!.errors)).to.deep.equal([]);
    expect(log[0]!.responseErrors).to.deep.equal([]);
    expect(new URLSearchParams(log[0]!.query).toString()).to.equal('du=2025-12-03&au=2026-12-02&departement=58');
    expect($(el, 'h2')!.textContent).to.equal('Indicateurs de l’accompagnement');
    expect($$(el, 'section section h3').map((h) => h.textContent)).to.deep.equal([
      'Besoins non couverts',
      'Besoins les plus recherchés',
      'Éligibilité',
      'Fiches de liaison',
      'Parcours : étapes en retard',
      'Fraîcheur de l’annuaire',
      'Contributions par structure',
    ]);
    expect($(el, '[role="status"]')!.textContent).to.equal('Indicateurs du 3 décembre 2025 au 2 décembre 2026 affichés.');
  });

  it('tables carry the fixture’s numbers; a masked cell reads « moins de 5 », never 0', async () => {
    const el = await dashboard();
    const unmet = rows(el, 'besoins-non-couverts');
    expect(unmet[0]).to.deep.equal(['Accès aux soins', 'CC Morvan Sommets et Grands Lacs', '31', '84']);
    expect(unmet[1]).to.deep.equal(['Être accompagné dans son parcours mobilité', 'CC Bazois Loire Morvan', '22', '39']);
    expect(unmet).to.deep.include(['Accès aux soins', 'Nièvre', '6', '25']);
    // masked cells come after the published ones, and read « moins de k »
    expect(unmet.at(-2)).to.deep.equal(['Garde d’enfants', 'CC de Puisaye-Forterre', 'moins de 5', '11']);
    expect(unmet.at(-1)).to.deep.equal(['Être accompagné dans son parcours mobilité', 'Zone inconnue', 'moins de 5', 'moins de 5']);
    expect(rows(el, 'besoins')[0]).to.deep.equal(['Garde d’enfants', '412', '14']);
    expect(rows(el, 'besoins').at(-1)).to.deep.equal(['numerique--acceder-a-du-materiel', 'moins de 5', 'moins de 5']);
    const elig = rows(el, 'eligibilite');
    expect(elig.slice(0, 2)).to.deep.equal([
      ['aah', 'Non éligible', '11', 'moins de 5'],
      ['ajpa', 'Probablement éligible', '9', 'moins de 5'],
    ]);
    expect(elig).to.deep.include(['apa-domicile', 'Probablement éligible', '38', '17']);
    expect(elig).to.deep.include(['pch', 'Éligible', 'moins de 5', 'moins de 5']);
    // « probable » followed by a search: APA 17 of 38 and PCH 6 of 15 (AJPA's follow-up is masked: not guessed)
    expect($(el, '#section-eligibilite .key-figure')!.textContent!.replace(NBSP, ' ')).to.equal('Résultats « probablement éligible » suivis d’une recherche dans l’annuaire : 23 sur 53 (43 %).');
    expect(rows(el, 'fiches')).to.deep.equal([
      ['dlu-domicile', 'retour-intervenants', '27', 'moins de 5'],
      ['orientation', 'ccas-cias', '14', '5'],
      ['orientation', 'plateforme-repit', 'moins de 5', 'moins de 5'],
    ]);
    expect(rows(el, 'parcours')[0]).to.deep.equal(['mdph', 'decision', '23', '58']);
    expect(rows(el, 'parcours').at(-1)).to.deep.equal(['ehpad-admission', 'reponse', 'moins de 5', '12']);
    expect($(el, '#section-fraicheur')!.textContent!.replace(NBSP, ' ')).to.match(/187 fiches sur 1 243 n’ont pas été mises à jour depuis plus de 12 mois \(15 %\)/);
    expect(rows(el, 'contributions')[0]).to.deep.equal(['CCAS de Nevers', '12', '9', '30']);
    expect(rows(el, 'fraicheur').map((r) => r.map((c) => c.replace(NBSP, ' ')))).to.deep.equal([
      ['Services publiés', '1 243'],
      ['Mis à jour il y a plus de 12 mois (à vérifier)', '187'],
    ]);
    expect(el.csv('fraicheur')).to.equal('\uFEFFFiches de l’annuaire,Nombre\r\nServices publiés,1243\r\nMis à jour il y a plus de 12 mois (à vérifier),187\r\n');
    expect($$(el, 'button.csv').map((b) => b.dataset.section)).to.deep.equal(['besoins-non-couverts', 'besoins', 'eligibilite', 'fiches', 'parcours', 'fraicheur', 'contributions']);
    // no cell anywhere says 0 for a masked count
    expect($$(el, 'td.masked').every((td) => td.textContent === 'moins de 5')).to.equal(true);
    expect($$(el, 'td.masked')).to.have.length(15);
  });

  it('names from the site (`labels`) replace identifiers', async () => {
    const el = await dashboard();
    el.labels = { 'apa-domicile': 'Allocation personnalisée d’autonomie (APA) à domicile', mdph: 'Demande à la MDPH' };
    await el.updateComplete;
    expect(rows(el, 'eligibilite')).to.deep.include(['Allocation personnalisée d’autonomie (APA) à domicile', 'Probablement éligible', '38', '17']);
    expect(rows(el, 'parcours')[0]![0]).to.equal('Demande à la MDPH');
  });

  it('« Télécharger en CSV »: RFC 4180 with a BOM, French headers, « moins de 5 », downloaded as a file', async () => {
    const el = await dashboard();
    const csv = el.csv('besoins-non-couverts');
    expect(csv.charCodeAt(0)).to.equal(0xfeff);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).to.equal('Besoin,EPCI ou zone,Sans résultat,Recherches');
    expect(lines[1]).to.equal('Accès aux soins,CC Morvan Sommets et Grands Lacs,31,84');
    expect(lines).to.include('Garde d’enfants,CC de Puisaye-Forterre,moins de 5,11');
    expect(lines.at(-1)).to.equal(''); // every line ends with CRLF
    expect(lines).to.have.length(8 + 2);
    // the button hands the same bytes to the browser as a file
    const made: Blob[] = [];
    const original = URL.createObjectURL;
    URL.createObjectURL = (b: Blob | MediaSource) => (made.push(b as Blob), original.call(URL, b));
    try {
      const button = $$<HTMLButtonElement>(el, 'button.csv').find((b) => b.dataset.section === 'fiches')!;
      expect(button.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Télécharger en CSV : Fiches de liaison');
      button.click();
    } finally {
      URL.createObjectURL = original;
    }
    expect(made).to.have.length(1);
    expect(made[0]!.type).to.equal('text/csv;charset=utf-8');
    const bytes = new Uint8Array(await made[0]!.arrayBuffer());
    expect([...bytes.slice(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)).to.equal(el.csv('fiches'));
    expect(el.csv('fiches')).to.equal('\uFEFFModèle,Type de destinataire,Envoyées,En attente d’envoi\r\ndlu-domicile,retour-intervenants,27,moins de 5\r\norientation,ccas-cias,14,5\r\norientation,plateforme-repit,moins de 5,moins de 5\r\n');
  });

  it('CSV guards formulas (= + - @ prefixed with an apostrophe), quotes as RFC 4180, and writes the k of the answer', async () => {
    const el = await dashboard('hostile', { du: '2026-01-01', au: '2026-06-30' });
    expect(rows(el, 'besoins')[0]).to.deep.equal(['=1+1', '40', 'moins de 10']);
    expect(el.csv('besoins')).to.equal("\uFEFFBesoin,Recherches,Sans résultat\r\n'=1+1,40,moins de 10\r\n");
    const lines = el.csv('contributions').slice(1).split('\r\n');
    expect(lines.slice(1, 5)).to.deep.equal([
      `"'=HYPERLINK(""https://evil.example"",""clic"")",4,1,0`,
      "'+33 3 86 00 00 00,3,0,0",
      "'@SUM(A1:A9),2,0,0",
      "'-2+3,1,0,0",
    ]);
    // a line break inside a cell stays inside its quotes
    expect(el.csv('contributions')).to.contain('"Maison « Soleil », dite ""la Ruche""\nNevers",0,0,0\r\n');
    // sections the server did not fill say so
    expect($(el, '#h-freshness')!.parentElement!.textContent).to.match(/Le serveur ne donne pas l’état de l’annuaire\./);
    expect($(el, '#section-eligibilite')!.textContent).to.match(/Aucune donnée publiée sur la période\./);
  });

  it('the period form: French errors in the field’s description, nothing asked while au < du, then the new period asked', async () => {
    const el = await dashboard();
    await requests();
    const du = $<HTMLInputElement>(el, '#period-du')!;
    const au = $<HTMLInputElement>(el, '#period-au')!;
    expect($(el, 'fieldset legend')!.textContent).to.equal('Période');
    expect(du.labels![0]!.textContent).to.equal('Du');
    du.value = '2026-06-01';
    au.value = '2026-05-01';
    $<HTMLButtonElement>(el, 'form button[type="submit"]')!.click();
    await el.updateComplete;
    await waitUntil(() => el.shadowRoot!.activeElement === au, 'the focus goes to the date to change');
    expect($(el, '#period-au-error')!.textContent).to.equal('La date de fin doit être le jour de la date de début ou après.');
    expect(au.getAttribute('aria-invalid')).to.equal('true');
    expect(au.getAttribute('aria-describedby')).to.equal('period-hint period-au-error');
    expect(au.value).to.equal('2026-05-01'); // what was typed is kept
    du.value = '2025-01-01';
    au.value = '2026-06-01';
    $<HTMLButtonElement>(el, 'form button[type="submit"]')!.click();
    await el.updateComplete;
    expect($(el, '#period-au-error')!.textContent).to.equal('La période ne peut pas dépasser 366 jours : rapprochez les deux dates.');
    du.value = '';
    $<HTMLButtonElement>(el, 'form button[type="submit"]')!.click();
    await el.updateComplete;
    expect($(el, '#period-du-error')!.textContent).to.equal('Indiquez une date de début valide, par exemple 01/01/2026.');
    expect(await requests()).to.have.length(0);
    await expect(el).to.be.accessible();
    du.value = '2026-01-01';
    au.value = '2026-03-31';
    $<HTMLButtonElement>(el, 'form button[type="submit"]')!.click();
    await waitUntil(() => el.indicators?.au === '2026-03-31', 'the new period is shown');
    expect($(el, '#period-au-error')).to.equal(null);
    const log = await requests();
    expect(log.map((r) => r.query)).to.deep.equal(['?du=2026-01-01&au=2026-03-31&departement=58']);
    expect(log[0]!.errors).to.deep.equal([]);
  });

  it('a period attribute that is not a date is said in the form, and nothing is asked', async () => {
    await requests();
    const el = await fixture<RelaisIndicators>(html`<relais-indicators endpoint="/ind/nievre" du="2026-02-30" au="2026-06-30"></relais-indicators>`);
    await el.updateComplete;
    expect($(el, '#period-du-error')!.textContent).to.equal('Indiquez une date de début valide, par exemple 01/01/2026.');
    expect($(el, '#period-du')!.getAttribute('aria-invalid')).to.equal('true');
    await new Promise((r) => setTimeout(r, 200));
    expect(await requests()).to.have.length(0);
    expect(el.indicators).to.equal(null);
  });

  it('defaults to the last twelve months, ending today', async () => {
    const el = await dashboard('nievre', { departement: '58' });
    const log = await requests();
    const q = new URLSearchParams(log[0]!.query);
    const today = new Date();
    const iso = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    expect(q.get('au')).to.equal(iso(today));
    // the same date a year before (a 29 February becomes the 28th), then the day after
    const monthEnd = new Date(Date.UTC(today.getFullYear() - 1, today.getMonth() + 1, 0)).getUTCDate();
    const from = new Date(Date.UTC(today.getFullYear() - 1, today.getMonth(), Math.min(today.getDate(), monthEnd) + 1)).toISOString().slice(0, 10);
    expect(q.get('du')).to.equal(from);
    expect(log[0]!.errors).to.deep.equal([]);
    expect($<HTMLInputElement>(el, '#period-du')!.value).to.equal(from);
  });

  it('a body that breaks the contract is refused in French, with relais-error', async () => {
    await requests();
    const el = document.createElement('relais-indicators') as RelaisIndicators;
    el.setAttribute('du', '2026-01-01');
    el.setAttribute('au', '2026-01-31');
    el.endpoint = '/ind/_broken';
    const got = oneEvent(el, 'relais-error');
    document.body.append(el);
    try {
      const e = (await got) as unknown as { kind: string; message: string };
      expect(e.kind).to.equal('invalid-payload');
      await el.updateComplete;
      expect($(el, '[role="alert"]')!.textContent).to.match(/Les indicateurs reçus ne peuvent pas être affichés :.*ne suivent pas le contrat : réponse non conforme au contrat des indicateurs \(besoins_non_couverts\)/s);
      expect($$(el, 'table')).to.have.length(0);
    } finally {
      el.remove();
    }
  });

  it('`data`: an answer the site fetched itself is checked against the contract and shown, without a request', async () => {
    await requests();
    const body = await (await fetch('/packages/indicators/test/fixtures/nievre.json')).json();
    const el = await fixture<RelaisIndicators>(html`<relais-indicators .data=${body}></relais-indicators>`);
    expect(rows(el, 'besoins')[0]).to.deep.equal(['Garde d’enfants', '412', '14']);
    expect($(el, 'form')).to.equal(null);
    expect(await requests()).to.have.length(0);
    const got = oneEvent(el, 'relais-error');
    el.data = { ...body, k: 2 };
    await got;
    await el.updateComplete;
    expect($(el, '[role="alert"]')!.textContent).to.match(/ne suivent pas le contrat : réponse non conforme au contrat des indicateurs \(k\)/);
  });

  it('an EPCI given without its name (`nom` is optional in the contract) is named from the EPCI list', async () => {
    const body = await (await fetch('/packages/indicators/test/fixtures/nievre.json')).json();
    body.besoins_non_couverts = [{ besoin: 'sante--acces-aux-soins', zone: { niveau: 'epci', code: '200067700' }, recherches: { n: 18 }, sans_resultat: { n: 7 } }];
    const el = await fixture<RelaisIndicators>(html`<relais-indicators .data=${body}></relais-indicators>`);
    await waitUntil(() => rows(el, 'besoins-non-couverts')[0]?.[1] === 'CC Sud Nivernais', 'the EPCI is named');
    expect(el.csv('besoins-non-couverts')).to.contain('Accès aux soins,CC Sud Nivernais,7,18\r\n');
  });

  it('an endpoint that does not answer says why in French; « Réessayer » only when trying again may work', async () => {
    const el = await dashboard('absente');
    await waitUntil(() => $(el, '[role="alert"]'), 'the error is shown');
    expect($(el, '[role="alert"]')!.textContent).to.match(/Les indicateurs n’ont pas pu être chargés :\s*Le fichier ou le service demandé est introuvable à cette adresse \(erreur 404\)\./);
    expect($(el, '[role="alert"] button')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('in English on demand: headings, statuses and « fewer than 5 »', async () => {
    await requests();
    const wrap = await fixture<HTMLDivElement>(html`<div lang="en"><relais-indicators endpoint="/ind/nievre" tile-url="none" departement="58" du="2025-12-03" au="2026-12-02"></relais-indicators></div>`);
    const el = wrap.querySelector('relais-indicators')!;
    await waitUntil(() => el.indicators !== null);
    await el.updateComplete;
    expect($$(el, 'section section h3').map((h) => h.textContent)).to.deep.equal([
      'Unmet needs',
      'Needs searched most',
      'Eligibility',
      'Liaison sheets',
      'Pathways: late steps',
      'Directory freshness',
      'Contributions by organisation',
    ]);
    // the taxonomy's labels have no English for this need: its French label stays
    expect(rows(el, 'besoins-non-couverts').at(-2)).to.deep.equal(['Garde d’enfants', 'CC de Puisaye-Forterre', 'fewer than 5', '11']);
    expect(el.csv('fiches').split('\r\n')[0]).to.equal('\uFEFFTemplate,Recipient type,Sent,Waiting to be sent');
    expect($$(el, 'button.csv')[0]!.textContent).to.match(/Download as CSV/);
  });
});

describe('<relais-indicators> charts and map', () => {
  it('draws a chart per section from the tokens, hidden from screen readers (the table is its alternative)', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div style="--relais-color-primary: rgb(200, 0, 0)"><relais-indicators endpoint="/ind/nievre" tile-url="none" departement="58" du="2025-12-03" au="2026-12-02"></relais-indicators></div>`);
    const el = wrap.querySelector('relais-indicators')!;
    await waitUntil(() => $$(el, '[part="chart"] canvas').length === 5, 'five charts', { timeout: 8000 });
    for (const chart of $$(el, '[part="chart"]')) expect(chart.getAttribute('aria-hidden')).to.equal('true');
    const canvas = $<HTMLCanvasElement>(el, '#chart-besoins canvas')!;
    const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
    let red = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i]! > 180 && data[i + 1]! < 30 && data[i + 2]! < 30) red++;
    expect(red, 'bars painted in --relais-color-primary').to.be.greaterThan(500);
    expect($(el, '#section-besoins figcaption')!.textContent).to.equal('Le graphique reprend le tableau ; les cases masquées (moins de 5) n’y sont pas dessinées.');
  });

  it('the map: one focusable circle per EPCI at the mean of its communes, keyboard path with tooltips, need filter; axe clean', async () => {
    const el = await dashboard();
    await waitUntil(() => $$(el, 'path[role="img"]').length > 0, 'circles drawn', { timeout: 10000 });
    const circles = $$<SVGPathElement>(el, 'path[role="img"]');
    expect(circles.map((c) => c.dataset.epci).sort()).to.deep.equal(['200067130', '200067692', '200067700', '200067882', '200067890', '245804406']);
    expect(circles.find((c) => c.dataset.epci === '200067890')!.getAttribute('aria-label')).to.equal('CC Morvan Sommets et Grands Lacs : 31 recherches sans résultat');
    expect(circles.find((c) => c.dataset.epci === '200067130')!.getAttribute('aria-label')).to.equal('CC de Puisaye-Forterre : 0 recherche sans résultat, et des cases de moins de 5');
    // the département row and the unknown zone are not on the map, and the page says so
    expect($(el, '#section-besoins-non-couverts')!.textContent).to.match(/Hors de la carte \(département entier, zone inconnue ou EPCI introuvable\) : 2 lignes du tableau\./);
    // keyboard: from the need filter, Tab reaches the map and then a circle, whose name shows as a tooltip
    $<HTMLSelectElement>(el, '#map-need')!.focus();
    let reached: Element | null = null;
    for (let i = 0; i < 8 && !reached; i++) {
      await sendKeys({ press: 'Tab' });
      const a = el.shadowRoot!.activeElement;
      if (a?.getAttribute('role') === 'img') reached = a;
    }
    expect(reached, 'a circle is reachable by Tab').to.not.equal(null);
    await waitUntil(() => $(el, '.leaflet-tooltip'), 'the focused circle shows its tooltip');
    expect($(el, '.leaflet-tooltip')!.textContent).to.equal(reached!.getAttribute('aria-label'));
    const select = $<HTMLSelectElement>(el, '#map-need')!;
    select.value = 'famille--garde-denfants';
    select.dispatchEvent(new Event('change'));
    await waitUntil(() => $$(el, 'path[role="img"]').length === 2, 'only the EPCI of that need');
    await expect(el).to.be.accessible();
  });

  it('names (`labels`) given while the map is still loading: one map, drawn, no « La carte n’a pas pu être affichée »', async () => {
    const el = await dashboard();
    // at once, before Leaflet has loaded: a second draw starts while the first one creates the map
    el.labels = { 'sante--accompagnement': 'Accompagnement santé' };
    await el.updateComplete;
    await waitUntil(() => $$(el, 'path[role="img"]').length > 0, 'circles drawn', { timeout: 10000 });
    await new Promise((r) => setTimeout(r, 100));
    expect($(el, '#section-besoins-non-couverts')!.textContent).to.not.match(/La carte n’a pas pu être affichée/);
    expect($$(el, '#unmet-map .leaflet-map-pane').length).to.equal(1);
  });

  it('no sideways overflow at 375 px and at 1280 px', async () => {
    for (const width of [375, 1280]) {
      await setViewport({ width, height: 800 });
      const el = await dashboard();
      await waitUntil(() => $$(el, '[part="chart"] canvas').length === 5, 'charts drawn', { timeout: 8000 });
      await new Promise((r) => setTimeout(r, 150));
      expect(document.documentElement.scrollWidth, `page at ${width}px`).to.be.at.most(width);
      expect(el.scrollWidth, `element at ${width}px`).to.be.at.most(el.clientWidth);
      for (const s of $$(el, 'section section')) expect(s.scrollWidth, `${s.id} at ${width}px`).to.be.at.most(s.clientWidth + 1);
    }
  });
});
