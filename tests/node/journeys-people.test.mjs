// Journeys on the demo page as people make them (issue 15), in Chromium, with the keyboard only and with the mouse,
// at 1280 px and 375 px:
// (a) a son whose father needs help at home: from a need tile to a service's phone number;
// (b) a daughter for her mother, 82, in Clamecy: the eligibility questions, then the real « Trouver : … » button, to
//     the office that handles the APA — results scrolled into view, their heading focused, never zero;
// (c) from a step of the APA pathway (« Trouver : … ») to who to call;
// (e) a social worker fills the whole orientation sheet with the keyboard; the page reloads in the middle of a word:
//     nothing is lost;
// and, on the same page, the map shows what the directory's words found, and the headings follow the page's outline.
// (d) map → detail → back and (f) the Tab order through the whole page are in journeys-map.test.mjs.
// The last screen of each journey at 375 px is saved in $RELAIS_SHOTS (default .screenshots/, kept out of git).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { useDemo, openDemoPage, focusedElement } from './demo-harness.mjs';
import { keepPageOffline } from '../../scripts/offline-tiles.mjs';

const demo = useDemo();
const SHOTS = process.env.RELAIS_SHOTS ?? '.screenshots';
mkdirSync(SHOTS, { recursive: true });
const WIDTHS = [1280, 375];
const MODES = ['keyboard', 'mouse'];
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const openDemo = async (width, context) =>
  openDemoPage(demo, width, () => document.querySelector('relais-directory')?.shadowRoot?.querySelectorAll('.item').length > 0, context ? await keepPageOffline(await context.newPage()) : undefined);

/** The focused element through shadow roots: its widget, tag, id, name, whether it is the marked target, on screen. */
const focused = (page) => focusedElement(page);

/**
 * Marks the element a person goes for (`find` runs in the page with the widget's shadow root and returns it), and
 * returns whether it exists. Only one element is marked at a time.
 */
async function mark(page, host, find) {
  return page.evaluate(
    (h, src) => {
      for (const w of document.querySelectorAll('*')) w.shadowRoot?.querySelectorAll('[data-journey]').forEach((e) => e.removeAttribute('data-journey'));
      document.querySelectorAll('[data-journey]').forEach((e) => e.removeAttribute('data-journey'));
      const root = h ? document.querySelector(h).shadowRoot : document;
      const el = new Function('root', `return (${src})(root)`)(root);
      el?.setAttribute('data-journey', '');
      return !!el;
    },
    host,
    find.toString(),
  );
}

/** Keyboard: Tab (forward) until the marked element has the focus. */
async function tabToMark(page, what, max = 80) {
  for (let i = 0; i < max; i++) {
    const f = await focused(page);
    if (f.target) return f;
    await page.keyboard.press('Tab');
  }
  assert.fail(`${what}: not reached with Tab (focus on ${JSON.stringify(await focused(page))})`);
}

/** Mouse: the marked element scrolled into view as a person would, then clicked in its middle. */
async function clickMark(page) {
  const box = await page.evaluate(async () => {
    const find = () => {
      for (const w of [document, ...[...document.querySelectorAll('*')].map((e) => e.shadowRoot).filter(Boolean)]) {
        const el = w.querySelector('[data-journey]');
        if (el) return el;
      }
      return null;
    };
    const el = find();
    const r0 = el.getBoundingClientRect();
    if (r0.top < 0 || r0.bottom > innerHeight) {
      window.scrollBy(0, r0.top - innerHeight / 2);
      await new Promise((r) => setTimeout(r, 100));
    }
    const r = el.getBoundingClientRect();
    return { x: r.left + Math.min(r.width / 2, 20), y: r.top + r.height / 2 };
  });
  await page.mouse.click(box.x, box.y);
}

/** Goes for the marked element with the keyboard (Tab, then Enter) or the mouse (a click). */
async function activate(page, mode, what) {
  if (mode === 'keyboard') {
    await tabToMark(page, what);
    await page.keyboard.press('Enter');
  } else await clickMark(page);
}

/** A keyboard user jumps to a section by its heading (as with a screen reader's heading list), then goes on with Tab. */
async function toHeading(page, text) {
  const ok = await page.evaluate((t) => {
    const h = [...document.querySelectorAll('h2')].find((x) => x.textContent.includes(t));
    if (!h) return false;
    h.tabIndex = -1;
    h.focus();
    return true;
  }, text);
  assert.ok(ok, `heading « ${text} »`);
}

const directoryState = (page) =>
  page.evaluate(() => {
    const root = document.querySelector('relais-directory').shadowRoot;
    const title = root.querySelector('#results-title')?.getBoundingClientRect();
    return {
      focus: root.activeElement?.id ?? null,
      titleInView: !!title && title.top >= -1 && title.bottom <= innerHeight + 1,
      status: root.querySelector('.status')?.textContent.trim() ?? '',
      idle: document.querySelector('relais-directory').status === 'idle',
      items: [...root.querySelectorAll('.item')].map((li) => ({
        title: li.querySelector('.title-link')?.textContent.trim(),
        kind: li.querySelector('.kind')?.textContent.trim() ?? '',
        phone: li.querySelector('a[href^="tel:"]')?.textContent.trim() ?? null,
      })),
    };
  });

/** Taken to the results by a hand-off: their heading focused and on screen, never zero, a number to call. */
async function assertLandedOnResults(page, what) {
  await page
    .waitForFunction(() => {
      const d = document.querySelector('relais-directory');
      const t = d.shadowRoot.querySelector('#results-title')?.getBoundingClientRect();
      return d.shadowRoot.activeElement?.id === 'results-title' && d.status === 'idle' && t && t.top >= -1 && t.bottom <= innerHeight + 1;
    }, { timeout: 10000 })
    .catch(async () => assert.fail(`${what}: the results' heading is not focused on screen (${JSON.stringify(await directoryState(page))})`));
  const s = await directoryState(page);
  assert.ok(s.items.length > 0, `${what}: never zero results (« ${s.status} »)`);
  assert.doesNotMatch(s.status, /Aucun service/);
  // a wider search says so, in the number of what it shows (« voici le plus proche » above 5 services said one)
  const widened = await page.evaluate(() => document.querySelector('relais-directory').shadowRoot.querySelector('.widened')?.textContent.trim() ?? '');
  const total = Number(s.status.match(/^\d+/)?.[0]);
  if (/voici le plus proche/.test(widened)) assert.equal(total, 1, `${widened} / ${s.status}`);
  if (/voici les plus proches/.test(widened)) assert.ok(total > 1, `${widened} / ${s.status}`);
  const f = await focused(page);
  assert.equal(f.host, 'relais-directory');
  assert.equal(f.id, 'results-title');
  return s;
}

/** The eligibility widget's current question (its id), or null on the results. */
const currentQuestion = (page) => page.evaluate(() => document.querySelector('relais-eligibility').current ?? null);

/** Answers the current question with the keyboard or the mouse, as a person would. */
async function answer(page, mode, value) {
  const q = await currentQuestion(page);
  const kind = await page.evaluate(() => {
    const root = document.querySelector('relais-eligibility').shadowRoot;
    return root.querySelector('input[name="answer"][type="radio"]') ? 'radio' : 'text';
  });
  if (kind === 'radio') {
    assert.ok(await mark(page, 'relais-eligibility', new Function('root', `return [...root.querySelectorAll('input[name="answer"]')].find((r) => r.value === ${JSON.stringify(String(value))})`)), `${q}: option ${value}`);
    if (mode === 'keyboard') {
      // Tab lands on the group (its checked or first option), the arrows move to the wanted one, Space checks it
      await mark(page, 'relais-eligibility', (root) => root.querySelector('input[name="answer"]:checked') ?? root.querySelector('input[name="answer"]'));
      await tabToMark(page, `${q}: the options`, 20);
      for (let i = 0; i < 10 && (await focused(page)).value !== String(value); i++) await page.keyboard.press('ArrowDown');
      assert.equal((await focused(page)).value, String(value), `${q}: option ${value} reached with the arrows`);
      await page.keyboard.press('Space');
    } else await clickMark(page);
  } else {
    await mark(page, 'relais-eligibility', (root) => root.querySelector('#answer'));
    if (mode === 'keyboard') await tabToMark(page, `${q}: the field`, 20);
    else await clickMark(page);
    assert.equal((await focused(page)).value, '', `${q}: the field starts empty`);
    await page.keyboard.type(String(value));
  }
  await mark(page, 'relais-eligibility', (root) => root.querySelector('button[type="submit"]'));
  await activate(page, mode, `${q}: « Continuer »`);
  await page.waitForFunction((id) => document.querySelector('relais-eligibility').current !== id, { timeout: 5000 }, q).catch(async () => {
    const err = await page.evaluate(() => document.querySelector('relais-eligibility').shadowRoot.querySelector('#answer-error')?.textContent);
    assert.fail(`${q} = ${value} not accepted: ${err}`);
  });
}

async function shot(page, width, name) {
  if (width === 375) await page.screenshot({ path: join(SHOTS, `${name}.png`) });
}

for (const width of WIDTHS) {
  for (const mode of MODES) {
    test(`(a) ${mode}, ${width} px: a son looks for help at home for his father — from a need tile to a phone number`, async () => {
      const { page, problems } = await openDemo(width);
      await page.evaluate(() => window.scrollTo(0, 0));
      await mark(page, 'relais-directory', (root) => [...root.querySelectorAll('.tile')].find((b) => /Être aidé à la maison/.test(b.textContent)));
      await activate(page, mode, 'the tile « Être aidé à la maison »');
      // the count comes into view (on a phone it was 1 800 px below the tile, and the tap seemed to do nothing)
      await page
        .waitForFunction(() => {
          const d = document.querySelector('relais-directory');
          const r = d.shadowRoot.querySelector('.status')?.getBoundingClientRect();
          return d.status === 'idle' && /trouvés? près de Clamecy/.test(d.shadowRoot.querySelector('.status').textContent) && r.top >= -1 && r.bottom <= innerHeight + 1;
        }, { timeout: 8000 })
        .catch(async () => assert.fail(`the count is not on screen after the tile: ${JSON.stringify(await directoryState(page))}`));
      const s = await directoryState(page);
      assert.ok(s.items.length > 0);
      // the first service that shows a number
      assert.ok(await mark(page, 'relais-directory', (root) => [...root.querySelectorAll('.item')].find((li) => li.querySelector('a[href^="tel:"]'))?.querySelector('.title-link')), 'a result with a phone number');
      const name = await page.evaluate(() => document.querySelector('relais-directory').shadowRoot.querySelector('[data-journey]').textContent.trim());
      await activate(page, mode, 'the service');
      await page.waitForFunction(() => document.querySelector('relais-directory').shadowRoot.activeElement?.id === 'detail-title', { timeout: 8000 });
      const title = await focused(page);
      assert.ok(title.inView, 'the detail heading on screen');
      assert.equal(title.label, name);
      await mark(page, 'relais-directory', (root) => root.querySelector('.detail a[href^="tel:"]'));
      if (mode === 'keyboard') await tabToMark(page, 'the phone number', 15);
      else await page.evaluate(() => document.querySelector('relais-directory').shadowRoot.querySelector('[data-journey]').scrollIntoView({ block: 'center' }));
      const phone = await page.evaluate(() => {
        const a = document.querySelector('relais-directory').shadowRoot.querySelector('[data-journey]');
        const r = a.getBoundingClientRect();
        return { text: a.textContent.trim(), href: a.getAttribute('href'), inView: r.top >= 0 && r.bottom <= innerHeight, h: r.height };
      });
      assert.match(phone.text, /^Appeler le 0\d( \d\d){4}$/);
      assert.match(phone.href, /^tel:\+?\d+$/);
      assert.ok(phone.inView && phone.h >= 24, `the number on screen, a target large enough: ${JSON.stringify(phone)}`);
      if (mode === 'keyboard') await shot(page, width, 'a-need-tile-to-phone');
      assert.deepEqual(problems, []);
      await page.close();
    });

    test(`(b) ${mode}, ${width} px: a daughter for her mother, 82, in Clamecy — eligibility, then « Trouver : … », to the office that handles the APA`, async () => {
      const { page, problems } = await openDemo(width);
      const answers = {
        who: 'relative',
        'demandeur.age': 82,
        'demandeur.gir': 4,
        'demandeur.residence_stable_france': true,
        'aidant.est_aidant': false,
        'demandeur.lieu_de_vie': 'domicile',
        'demandeur.en_couple': false,
        'foyer.ressources_mensuelles': 1400,
        'demandeur.depcom': 'Clamecy',
        'demandeur.taux_incapacite': 'pas-demande',
        'demandeur.enfants_a_charge': 0,
        'demandeur.revenus_activite': 0,
      };
      await page.waitForFunction(() => document.querySelector('relais-eligibility')?.shadowRoot?.querySelector('form'), { timeout: 10000 });
      if (mode === 'keyboard') await toHeading(page, 'Suis-je éligible');
      const asked = [];
      for (let i = 0; i < 25; i++) {
        const q = await currentQuestion(page);
        if (!q) break;
        asked.push(q);
        // questions this story does not set (the daughter's own work…): the first option, or « Non »
        let v = answers[q];
        if (v === undefined) {
          v = await page.evaluate(() => {
            const opts = [...document.querySelector('relais-eligibility').shadowRoot.querySelectorAll('input[name="answer"][type="radio"]')].map((r) => r.value);
            return opts.includes('false') ? 'false' : opts[0];
          });
        }
        assert.ok(v !== undefined && v !== null, `an answer to ${q}`);
        await answer(page, mode, v);
      }
      assert.equal(await currentQuestion(page), null, `results after ${asked.join(', ')}`);
      // the REAL button of the results: where to apply for the APA
      const found = await mark(page, 'relais-eligibility', (root) => [...root.querySelectorAll('button')].find((b) => /^Trouver : Conseil départemental/.test(b.textContent.trim())));
      assert.ok(found, '« Trouver : Conseil départemental / maison des solidarités près de chez vous » among the results');
      const reason = await page.evaluate(() => {
        const b = document.querySelector('relais-eligibility').shadowRoot.querySelector('[data-journey]');
        return b.closest('li, section, article')?.textContent ?? '';
      });
      assert.match(reason, /APA|autonomie/i, 'the button belongs to the APA');
      if (mode === 'keyboard') await page.evaluate(() => document.querySelector('relais-eligibility').scrollIntoView());
      await activate(page, mode, '« Trouver : Conseil départemental … »');
      const s = await assertLandedOnResults(page, 'the APA hand-off');
      assert.ok(s.items.some((i) => /Conseil départemental|solidarités|autonomie/i.test(`${i.kind} ${i.title}`)), `a service that handles the APA: ${JSON.stringify(s.items.slice(0, 3))}`);
      assert.ok(s.items[0].phone, 'a number to call');
      await shot(page, width, `b-eligibility-to-apa-office-${mode}`);
      assert.deepEqual(problems, []);
      await page.close();
    });

    test(`(c) ${mode}, ${width} px: from a step of the APA pathway (« Trouver : … ») to who to call`, async () => {
      const { page, problems } = await openDemo(width);
      await page.waitForFunction(() => document.querySelector('relais-pathway')?.shadowRoot?.querySelector('button'), { timeout: 10000 });
      assert.ok(await mark(page, 'relais-pathway', (root) => [...root.querySelectorAll('button')].find((b) => /^Trouver :/.test(b.textContent.trim()))), 'a « Trouver : … » button in the pathway');
      // the pathway the person reads is the APA by the texts (issue 22): her own 10 days with silence ⇒ refusal
      // (R232-7), the APA d'urgence (L232-12), the 2 months from the dossier complet with silence ⇒ forfait (L232-14)
      const apa = await page.evaluate(() => document.querySelector('relais-pathway').shadowRoot.textContent.replace(/\s+/g, ' '));
      assert.match(apa, /10 jours après la réception du plan d’aide ; sans réponse de votre part à cette date, la demande est réputée refusée/);
      assert.match(apa, /APA d’urgence \(si besoin\)/);
      assert.match(apa, /2 mois après la date du dossier complet indiquée sur l’accusé de réception ; sans décision à cette date, l’APA est réputée accordée pour un montant forfaitaire/);
      const label = await page.evaluate(() => document.querySelector('relais-pathway').shadowRoot.querySelector('[data-journey]').textContent.trim());
      if (mode === 'keyboard') await toHeading(page, 'Demander l’APA');
      // the button is in the step's details: open them first (« Détails de l’étape : … »)
      const closed = await page.evaluate(() => {
        const b = [...document.querySelector('relais-pathway').shadowRoot.querySelectorAll('button')].find((x) => /^Trouver :/.test(x.textContent.trim()));
        const d = b.closest('details');
        return !!d && !d.open;
      });
      if (closed) {
        await mark(page, 'relais-pathway', (root) => [...root.querySelectorAll('button')].find((b) => /^Trouver :/.test(b.textContent.trim())).closest('details').querySelector('summary'));
        await activate(page, mode, 'the step\'s details');
      }
      await mark(page, 'relais-pathway', (root) => [...root.querySelectorAll('button')].find((b) => /^Trouver :/.test(b.textContent.trim())));
      await activate(page, mode, label);
      const s = await assertLandedOnResults(page, label);
      assert.ok(s.items[0].phone, `${label}: a number to call (${JSON.stringify(s.items[0])})`);
      // who to call: the first number, reached from the results' heading
      await mark(page, 'relais-directory', (root) => root.querySelector('.item a[href^="tel:"]'));
      if (mode === 'keyboard') {
        const f = await tabToMark(page, 'the first number', 15);
        assert.ok(f.inView, 'the number on screen');
        assert.match(f.label, /^Appeler le 0\d( \d\d){4}$/);
      } else {
        const v = await page.evaluate(() => {
          const r = document.querySelector('relais-directory').shadowRoot.querySelector('[data-journey]').getBoundingClientRect();
          return r.top >= 0 && r.bottom <= innerHeight;
        });
        assert.ok(v, 'the first number is on screen without scrolling');
      }
      await shot(page, width, `c-pathway-to-who-to-call-${mode}`);
      assert.deepEqual(problems, []);
      await page.close();
    });
  }
}

/** Types in a field of the liaison sheet reached with Tab (its id), or only part of it when `upTo` is given. */
async function typeIn(page, id, text) {
  await mark(page, 'relais-liaison-form', new Function('root', `return root.querySelector('#${id}')`));
  await tabToMark(page, id, 30);
  await page.keyboard.type(text, { delay: 5 });
}
/** A radio button: Tab to its group (the first option), then the arrows to it (they check it). */
async function checkRadio(page, id) {
  await mark(page, 'relais-liaison-form', new Function('root', `const r = root.querySelector('#${id}'); return [...root.querySelectorAll('input[type=radio]')].find((x) => x.name === r.name && x.checked) ?? [...root.querySelectorAll('input[type=radio]')].find((x) => x.name === r.name)`));
  await tabToMark(page, id, 30);
  for (let i = 0; i < 10 && (await focused(page)).id !== id; i++) await page.keyboard.press('ArrowDown');
  assert.equal((await focused(page)).id, id);
  await page.keyboard.press('Space');
}
async function checkBox(page, id) {
  await mark(page, 'relais-liaison-form', new Function('root', `return root.querySelector('#${id}')`));
  await tabToMark(page, id, 30);
  await page.keyboard.press('Space');
}
async function pressButton(page, re) {
  await mark(page, 'relais-liaison-form', new Function('root', `return [...root.querySelectorAll('button')].find((b) => ${re}.test(b.textContent))`));
  await tabToMark(page, String(re), 40);
  await page.keyboard.press('Enter');
}
const liaisonHas = (page, sel) => page.waitForFunction((s) => document.querySelector('relais-liaison-form')?.shadowRoot?.querySelector(s), { timeout: 8000 }, sel);

/**
 * (e) The whole orientation sheet with the keyboard, the page reloaded in the middle of a word: `afterSave` reloads
 * once the sheet says the draft is saved (the last keystroke included): the browser asks nothing. Otherwise the reload
 * comes at once after the keystroke, while its save is still running (encryption made slow, as on a slow phone): the
 * browser asks « Quitter le site ? » (beforeunload), the person stays, the save lands, and the reload then goes
 * without a question.
 */
async function liaisonJourney(width, { afterSave }) {
  {
    // a browser of its own (no draft of another test in IndexedDB)
    const context = await demo.browser.createBrowserContext();
    const { page, problems } = await openDemo(width, context);
    const dialogs = [];
    let answer = null;
    page.on('dialog', (d) => {
      dialogs.push(d.type());
      // « Rester sur la page »
      void d.dismiss();
      answer?.();
    });
    await liaisonHas(page, '#tasks-title');
    await toHeading(page, 'Orienter une personne');
    await pressButton(page, /Qui oriente/);
    await liaisonHas(page, '#f-emetteur_structure');
    await typeIn(page, 'f-emetteur_structure', 'CCAS de Val-de-Nièvre (fictif)');
    await typeIn(page, 'f-emetteur_nom', 'Claire Petit, CESF');
    await typeIn(page, 'f-emetteur_telephone', '03 53 01 12 34');
    await pressButton(page, /Enregistrer et continuer/);
    await liaisonHas(page, '#f-destinataire_structure');
    await typeIn(page, 'f-destinataire_structure', 'Plateforme de répit (fictive)');
    await pressButton(page, /Enregistrer et continuer/);
    await liaisonHas(page, '#f-personne_nom');
    await typeIn(page, 'f-personne_nom', 'Jeanne Martin');
    await checkRadio(page, 'f-personne_contact-2');
    await pressButton(page, /Enregistrer et continuer/);
    await liaisonHas(page, '#f-situation');
    await pressButton(page, /Enregistrer et continuer/);
    await liaisonHas(page, '#f-motif');
    // the reload comes in the middle of a word, at once (no pause for the debounced save)
    await page.evaluate(() => {
      window.__saves = [];
      document.querySelector('relais-liaison-form').addEventListener('relais-draft-saved', () => window.__saves.push(performance.now()));
    });
    await typeIn(page, 'f-motif', 'Épuisement de l’a');
    // a save ended after the last key: saves are chained, so the last one (quiet for 300 ms) holds every character
    const savedSince = (t) => page.waitForFunction((t) => window.__saves.some((x) => x > t) && performance.now() - window.__saves.at(-1) > 300, { timeout: 5000, polling: 50 }, t);
    if (!afterSave) {
      await page.waitForFunction(() => window.__saves.length && performance.now() - window.__saves.at(-1) > 300, { timeout: 5000, polling: 50 });
      // a slow device: each encryption takes 400 ms more (still AES-GCM with the same key)
      await page.evaluate(() => {
        const encrypt = crypto.subtle.encrypt.bind(crypto.subtle);
        crypto.subtle.encrypt = (...a) => new Promise((r) => setTimeout(r, 400)).then(() => encrypt(...a));
      });
    }
    const lastKey = await page.evaluate(() => performance.now());
    await page.keyboard.type('i');
    if (afterSave) await savedSince(lastKey);
    else {
      // the reload at once: the browser asks first, the person stays on the page, the save goes on and lands
      const asked = new Promise((r) => (answer = r));
      void page.reload().catch(() => undefined);
      await Promise.race([asked, sleep(3000)]);
      assert.deepEqual(dialogs, ['beforeunload'], 'the browser asks before leaving with a save in flight');
      await savedSince(lastKey);
      assert.equal(await page.evaluate(() => document.querySelector('relais-liaison-form').shadowRoot.querySelector('#f-motif')?.value), 'Épuisement de l’ai', 'still on the page');
    }
    await page.reload();
    assert.deepEqual(dialogs, afterSave ? [] : ['beforeunload'], 'once saved, leaving asks nothing');
    await page.waitForFunction(() => document.querySelector('relais-liaison-form')?.shadowRoot?.querySelector('#tasks-title, #resume-title'), { timeout: 15000 });
    await toHeading(page, 'Orienter une personne');
    await pressButton(page, /Reprendre le brouillon/);
    // « Reprendre » lands on the section in progress, with every character typed
    await liaisonHas(page, '#f-motif');
    const motif = await page.evaluate(() => document.querySelector('relais-liaison-form').shadowRoot.querySelector('#f-motif').value);
    assert.equal(motif, 'Épuisement de l’ai', 'the half-typed word came back');
    await mark(page, 'relais-liaison-form', (root) => root.querySelector('#f-motif'));
    await tabToMark(page, 'the motif again', 30);
    await page.keyboard.press('End');
    await page.keyboard.type('dant.');
    await checkBox(page, 'f-besoins-2');
    await pressButton(page, /Enregistrer et continuer/);
    await liaisonHas(page, '#f-personne_informee');
    await checkRadio(page, 'f-personne_informee');
    await pressButton(page, /Enregistrer et continuer/);
    await page.waitForFunction(() => document.querySelector('relais-liaison-form').shadowRoot.querySelector('#section-title')?.textContent === 'Documents', { timeout: 8000 });
    await pressButton(page, /Enregistrer et continuer/);
    await liaisonHas(page, '#tasks-title');
    const statuses = await page.evaluate(() => [...document.querySelector('relais-liaison-form').shadowRoot.querySelectorAll('.tasks .status')].map((s) => s.textContent.trim()));
    assert.deepEqual(statuses, ['Terminé', 'Terminé', 'Terminé', 'Non commencé', 'Terminé', 'Terminé', 'Non commencé']);
    await pressButton(page, /Relire la fiche/);
    await liaisonHas(page, '.review');
    const review = await page.evaluate(() => document.querySelector('relais-liaison-form').shadowRoot.querySelector('.review').textContent.replace(/\s+/g, ' '));
    for (const v of ['CCAS de Val-de-Nièvre (fictif)', 'Claire Petit, CESF', '03 53 01 12 34', 'Plateforme de répit (fictive)', 'Jeanne Martin', 'Épuisement de l’aidant.']) assert.ok(review.includes(v), `« ${v} » in the review`);
    if (afterSave) await shot(page, width, 'e-liaison-sheet-after-reload');
    assert.deepEqual(problems, []);
    await context.close();
  }
}

for (const width of WIDTHS) {
  test(`(e) keyboard, ${width} px: a social worker fills the whole orientation sheet; a reload in the middle of a word, once saved, loses nothing`, () => liaisonJourney(width, { afterSave: true }));
}
// Reloading within milliseconds of a keystroke used to lose the last characters now and then (1 run in 3: « Épuisement
// de l’ai » came back as « Épuisement de l’ »): the reload aborted the encrypted IndexedDB write still running. While a
// change is not yet written, leaving now asks first (scripts/measure-liaison-reload.mjs measures the loss rates).
test('(e) keyboard, 375 px: a reload a few milliseconds after the keystroke, save still running: the browser asks, the person stays, nothing is lost (issue 15: « zero loss »)', () => liaisonJourney(375, { afterSave: false }));

test('the map shows what the directory\'s words found (no « Aucun service » above « 124 services sur la carte »)', async () => {
  const { page, problems } = await openDemo(1280);
  await page.evaluate(() => document.querySelector('relais-map').scrollIntoView());
  await page.waitForFunction(() => document.querySelector('relais-map').shadowRoot.querySelectorAll('.leaflet-marker-icon').length > 0, { timeout: 20000 });
  const mapCount = () =>
    page.evaluate(() => {
      const t = document.querySelector('relais-map').shadowRoot.querySelector('[role="status"], .status')?.textContent ?? '';
      const n = t.match(/([\d  ]+) services? sur la carte/);
      const w = t.match(/(\d+) sans position/);
      return { n: n ? Number(n[1].replace(/\D/g, '')) : null, without: w ? Number(w[1]) : 0, text: t.trim() };
    });
  const search = async (words) => {
    await page.evaluate(() => document.querySelector('relais-directory').scrollIntoView());
    const what = await page.evaluateHandle(() => document.querySelector('relais-directory').shadowRoot.querySelector('#what'));
    await what.click({ count: 3 });
    await page.keyboard.press('Backspace');
    await what.type(words);
    await page.keyboard.press('Enter');
    await page.waitForFunction((w) => document.querySelector('relais-directory').status === 'idle' && document.querySelector('relais-map').filters?.text === w, { timeout: 8000 }, words);
    await sleep(300);
  };
  await search('ehpad');
  const total = Number((await directoryState(page)).status.match(/^\d+/)?.[0]);
  assert.ok(total > 0);
  await page.waitForFunction((t) => {
    const s = document.querySelector('relais-map').shadowRoot.textContent;
    return new RegExp(`\\b${t - 0}\\b|sur la carte`).test(s);
  }, { timeout: 5000 }, total);
  const m1 = await mapCount();
  assert.equal(m1.n + m1.without, total, `the map counts the directory's ${total} « ehpad »: ${m1.text}`);
  await search('zzkqxw');
  assert.match((await directoryState(page)).status, /^Aucun service/);
  await page.waitForFunction(() => /^0 service|Aucun service/m.test(document.querySelector('relais-map').shadowRoot.querySelector('[role="status"], .status')?.textContent.trim() ?? ''), { timeout: 5000 }).catch(async () => assert.fail(`the map still shows services: ${(await mapCount()).text}`));
  assert.deepEqual(problems, []);
  await page.close();
});

test('headings: the widgets follow the page\'s outline (no second title like the h1, no level skipped; axe heading-order)', async () => {
  const { page, problems } = await openDemo(1280);
  await page.waitForFunction(() => document.querySelector('relais-pathway')?.shadowRoot?.querySelector('h3, h4'), { timeout: 10000 });
  const outline = await page.evaluate(() => {
    const out = [];
    const walk = (root) => {
      for (const el of root.querySelectorAll('*')) {
        if (/^H[1-6]$/.test(el.tagName) && el.getClientRects().length) out.push({ level: Number(el.tagName[1]), text: el.textContent.trim().replace(/\s+/g, ' ') });
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(document);
    return out;
  });
  const h1 = outline.filter((h) => h.level === 1);
  assert.equal(h1.length, 1, 'one h1');
  assert.equal(outline.filter((h) => h.text === h1[0].text).length, 1, `the page title « ${h1[0].text} » is not repeated by a widget`);
  for (let i = 1; i < outline.length; i++) assert.ok(outline[i].level <= outline[i - 1].level + 1, `« ${outline[i].text} » (h${outline[i].level}) after « ${outline[i - 1].text} » (h${outline[i - 1].level})`);
  await page.evaluate(readFileSync(join(process.cwd(), 'node_modules/axe-core/axe.min.js'), 'utf8'));
  const violations = await page.evaluate(async () => (await window.axe.run(document, { runOnly: { type: 'rule', values: ['heading-order', 'page-has-heading-one', 'empty-heading'] } })).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`));
  assert.deepEqual(violations, []);
  assert.deepEqual(problems, []);
  await page.close();
});
