// Every built Storybook story renders and is axe-clean (WCAG 2.x A/AA rules), in Chromium.
// Needs `storybook build` first (npm test does it).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium, serveStatic } from '../../scripts/browser.mjs';
import { TOKENS } from '@relais/themes/tokens';

const dir = join(process.cwd(), 'storybook-static');
const axeSource = readFileSync(join(process.cwd(), 'node_modules/axe-core/axe.min.js'), 'utf8');
let server;
let browser;
let base;

before(async () => {
  ({ server, origin: base } = await serveStatic(dir));
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  server?.close();
});

const index = existsSync(join(dir, 'index.json')) ? JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) : { entries: {} };
const stories = Object.values(index.entries).filter((e) => e.type === 'story');

test('the Storybook build has stories', () => {
  assert.ok(stories.length >= 6, `found ${stories.length} stories; run storybook build first`);
});

// every story in the default theme, and again in each other theme of @relais/themes (the toolbar's global), so that
// axe's colour-contrast rule checks every theme on the rendered widgets
const THEMES = ['default', 'high-contrast', 'dark', 'dsfr'];
const runs = stories.flatMap((s) => THEMES.map((theme) => ({ s, theme })));

for (const { s, theme } of runs) {
  test(`story ${s.title} / ${s.name} [${theme}]: renders, axe-clean, no console error`, async () => {
    const page = await browser.newPage();
    const problems = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(`${base}/iframe.html?id=${s.id}&viewMode=story&globals=theme:${theme}`);
    await page.waitForFunction(
      () => {
        if (document.querySelector('relais-indicators')) return document.querySelector('relais-indicators').shadowRoot?.querySelector('table, [part~="error"]');
        const co = document.querySelector('relais-contributions')?.shadowRoot;
        if (co) return co.querySelector('[role="tablist"], a[href*="auth/login"], [part~="error"]');
        const p = document.querySelector('relais-pathway')?.shadowRoot;
        if (p) return p.querySelector('ol, [role="alert"]');
        const lf = document.querySelector('relais-liaison-form')?.shadowRoot;
        if (lf) return lf.querySelector('#tasks-title, #resume-title, #unlock-title, [role="alert"]');
        const el = document.querySelector('relais-eligibility')?.shadowRoot;
        if (el) return el.querySelector('form, .results');
        const m = document.querySelector('relais-map')?.shadowRoot;
        if (m) return m.querySelector('.leaflet-marker-icon');
        const r = document.querySelector('relais-directory')?.shadowRoot;
        return r && (r.querySelector('.item') || r.querySelector('.empty') || r.querySelector('[part="error"]') || /Recherche en cours/.test(r.querySelector('.status')?.textContent ?? ''));
      },
      { timeout: 15000 },
    );
    await page.evaluate(axeSource);
    const violations = await page.evaluate(async () => {
      // Storybook's a11y addon may be running axe in the same page: wait for it.
      for (let attempt = 0; ; attempt++) {
        try {
          const r = await window.axe.run(document.querySelector('#storybook-root') ?? document.body, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
          return r.violations.map((v) => `${v.id}: ${v.nodes.length} (${v.nodes[0]?.target.join(' ')})`);
        } catch (e) {
          if (attempt > 20 || !/already running/.test(String(e))) throw e;
          await new Promise((r) => setTimeout(r, 250));
        }
      }
    });
    assert.deepEqual(violations, []);
    assert.deepEqual(problems, []);
    const applied = await page.evaluate(() => document.querySelector('.story-theme')?.className ?? '');
    assert.match(applied, new RegExp(`relais-theme-${theme}\\b`), 'the theme global reached the story');
    await page.close();
  });
}

// ---- Controls: generated from the manifests (stories/controls.ts), and each one changes the rendered widget ----

const WIDGETS = { directory: 'relais-directory', map: 'relais-map', eligibility: 'relais-eligibility', liaison: 'relais-liaison-form', pathway: 'relais-pathway', contributions: 'relais-contributions' };
WIDGETS.indicators = 'relais-indicators';
const declaration = (pkg, tag) => JSON.parse(readFileSync(join('packages', pkg, 'custom-elements.json'), 'utf8')).modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === tag);
const FRENCH = /[éèêàùçô’«]|\b(le|la|les|des|du|une?|et|ou|par|pour|sur|dans)\b/i;

/** The argTypes of a story, as Storybook prepared them (what the Controls panel and the Docs table show). */
const argTypesOf = (page, id) =>
  page.evaluate(async (storyId) => {
    const st = await window.__STORYBOOK_PREVIEW__.storyStoreValue.loadStory({ storyId });
    return Object.fromEntries(Object.entries(st.argTypes).filter(([, a]) => !a.table?.disable).map(([k, a]) => [k, { name: a.name, control: Boolean(a.control) && a.control.disable !== true, category: a.table?.category, description: a.description ?? '' }]));
  }, id);

test('controls: each widget story has exactly its manifest’s attributes and CSS properties as controls, described in French', async () => {
  const page = await browser.newPage();
  await page.goto(`${base}/iframe.html?id=${stories[0].id}&viewMode=story`);
  await page.waitForFunction(() => window.__STORYBOOK_PREVIEW__?.storyStoreValue, { timeout: 15000 });
  let checked = 0;
  for (const s of stories) {
    const [pkg, tag] = Object.entries(WIDGETS).find(([, t]) => s.title.includes(`(${t})`)) ?? [];
    if (!tag) continue;
    const d = declaration(pkg, tag);
    const types = await argTypesOf(page, s.id);
    const controls = Object.entries(types).filter(([, a]) => a.control).map(([k]) => k).sort();
    const expected = [...d.attributes.map((a) => a.name), ...d.cssProperties.map((p) => p.name)].sort();
    assert.deepEqual(controls, expected, `${s.id}: controls`);
    // the other rows are the events (logged in Actions), nothing else
    assert.deepEqual(Object.entries(types).filter(([, a]) => !a.control).map(([, a]) => a.name).sort(), d.events.map((e) => e.name).sort(), `${s.id}: rows without control`);
    for (const [k, a] of Object.entries(types)) {
      assert.ok(['Attributs', 'Propriétés CSS (jetons --relais-*)', 'Événements'].includes(a.category), `${s.id} ${k}: category ${a.category}`);
      const token = TOKENS.find((t) => t.name === a.name);
      if (token) assert.equal(a.description, `${token.description}.`, `${s.id} ${k}: the token table's French description`);
      else assert.match(a.description, FRENCH, `${s.id} ${k}: description in French`);
      const english = d.attributes.find((x) => x.name === a.name)?.description ?? d.events.find((x) => x.name === a.name)?.description;
      assert.notEqual(a.description, english, `${s.id} ${k}: not the English JSDoc`);
    }
    checked++;
  }
  assert.ok(checked >= 30, `${checked} widget stories checked`);
  await page.close();
});

/** What a person sees of the widget: its shadow DOM (Lit's markers left out), its size, and the page's query string. */
const snapshot = (tag) => {
  const el = document.querySelector(tag);
  const root = el?.shadowRoot;
  if (!root) return '';
  const boxes = [el, ...root.querySelectorAll(':host > *, ol, li, h1, h2, h3, h4, h5, h6')].map((n) => { const r = n.getBoundingClientRect(); return `${Math.round(r.width)}x${Math.round(r.height)}`; });
  // Lit's markers and the per-instance ids (a new element gets new ones) left out
  const markup = root.innerHTML.replace(/<!--[\s\S]*?-->/g, '').replace(/\b(id|for|list|aria-controls|aria-labelledby|aria-describedby|aria-activedescendant|aria-owns)="[^"]*"/g, '$1');
  return `${markup}|${boxes.join(',')}|${location.search}`;
};

/** Fills one field of the orientation sheet and saves it (a draft on this device). */
const DRAFT = [['click', '^Recommencer', true], ['wait', '#tasks-title'], ['click', 'Qui oriente'], ['type', '#f-emetteur_structure', 'CCAS (fictif)']];

/**
 * Each attribute control, on a story of its widget: a value (after `preset`, other controls set first) and, where the
 * effect has a precise shape, `expect` (evaluated with `root`, the widget's shadow root); in every case the rendered
 * widget must change.
 */
const CHANGES = {
  'relais-directory': {
    story: 'widgets-annuaire-relais-directory--par-defaut',
    attributes: {
      src: { value: './data/introuvable.json', expect: 'root.querySelector(\'[part~="error"]\')' },
      source: { value: 'data-inclusion', expect: 'root.querySelector(\'[part~="error"]\')' },
      'base-url': { preset: { src: '' }, value: 'http://127.0.0.1:9/api', expect: 'root.querySelector(\'[part~="error"]\')' },
      commune: { value: '58194' },
      thematiques: { value: 'autonomie', expect: 'root.querySelector(\'[part~="chip"]\')' },
      publics: { value: 'seniors', expect: 'root.querySelector(\'[part~="chip"]\')' },
      departements: { value: '89' },
      'page-size': { value: 3, expect: 'root.querySelectorAll(\'[part~="result"]\').length === 3' },
      mode: { value: 'pro' },
      falc: { value: true },
      'sync-url': { value: true, expect: '/relais-/.test(location.search)' },
      'hide-needs': { value: true, expect: '!root.querySelector(\'[part~="needs"]\')' },
      'heading-level': { value: 3, expect: 'root.querySelector(\'h3\') && !root.querySelector(\'h2\')' },
      'contributions-url': { skip: 'read when a detail is opened (the form « Signaler une erreur »): tested in packages/directory/test/suggest.test.ts' },
      'stale-after-months': { value: 1, expect: 'root.querySelector(\'.stale\')' },
    },
  },
  'relais-map': {
    story: 'widgets-carte-relais-map--nievre',
    attributes: {
      src: { value: './data/introuvable.json' },
      source: { value: 'data-inclusion' },
      'base-url': { preset: { src: '' }, value: 'http://127.0.0.1:9/api' },
      commune: { value: '58194' },
      'tile-url': { value: 'none' },
      'tile-attribution': { preset: { 'tile-url': 'http://127.0.0.1:9/{z}/{x}/{y}.png' }, value: 'Tuiles de test', expect: 'root.textContent.includes(\'Tuiles de test\')' },
      'max-zoom': { value: 5 },
      'heading-level': { value: 3, expect: 'root.querySelector(\'h3\') && !root.querySelector(\'h2\')' },
      'list-open': { value: true, expect: 'root.querySelector(\'[part~="list"]\')' },
      departements: { value: '89' },
    },
  },
  'relais-eligibility': {
    story: 'widgets-éligibilité-relais-eligibility--personne-agee-a-domicile',
    attributes: {
      catalogues: { value: './catalogues/introuvable.json', expect: 'root.querySelector(\'[part~="error"]\')' },
      date: { value: '2024-01-15' },
      falc: { value: true },
      // kept across a reload: the first answer given, then the page reloaded
      remember: { story: 'widgets-éligibilité-relais-eligibility--questionnaire', flow: { prepare: [['check', '#answer-1'], ['click', '^Continuer$']], change: 'remember:!true', prepareAfter: true }, value: true, expect: "!root.querySelector('#answer-1[value=\"relative\"]')" },
      departements: { skip: 'read only when a typed commune name is resolved, at the end of the questionnaire: not driven here' },
      'directory-url': { value: '/annuaire?type={kind}', expect: 'root.querySelector(\'a[href*="/annuaire?type="]\')' },
      'heading-level': { value: 3, expect: 'root.querySelector(\'h3\') && !root.querySelector(\'h2\')' },
    },
  },
  'relais-liaison-form': {
    story: 'widgets-fiche-de-liaison-relais-liaison-form--orientation',
    attributes: {
      'template-id': { value: 'dlu-domicile' },
      // a draft typed, then the page reloaded with the control changed: the draft is not there (another id, another
      // database, a shared device keeps nothing of a personal one, a draft kept 0 days has expired)
      'draft-id': { flow: { base: 'db-name:storybook-t-draft-id', prepare: DRAFT, change: 'draft-id:autre-fiche' }, value: 'autre-fiche', expect: "!root.querySelector('#resume-title')" },
      endpoint: { steps: [['click', '^Relire la fiche$']], value: 'http://127.0.0.1:9/fiches', expect: "[...root.querySelectorAll('button')].some((b) => /accord de partage/.test(b.textContent))" },
      device: { flow: { base: 'db-name:storybook-t-device', prepare: DRAFT, change: 'device:shared' }, value: 'shared', expect: "!root.querySelector('#resume-title')" },
      'idle-minutes': { preset: { device: 'shared' }, value: 0.05 },
      'expiry-days': { flow: { base: 'db-name:storybook-t-expiry', prepare: DRAFT, change: 'expiry-days:0', prepareAfter: true }, value: 0, expect: "!root.querySelector('#resume-title')" },
      'db-name': { flow: { base: 'db-name:storybook-t-db', prepare: DRAFT, change: 'db-name:storybook-t-db-2' }, value: 'storybook-t-db-2', expect: "!root.querySelector('#resume-title')" },
      'heading-level': { value: 3, expect: 'root.querySelector(\'h3\') && !root.querySelector(\'h2\')' },
      'passphrase-mode': { value: true, expect: 'root.querySelector(\'#unlock-title\')' },
      'home-print-access': { story: 'widgets-fiche-de-liaison-relais-liaison-form--fiche-frigo', media: 'print', steps: [['click', '^Relire la fiche$']], value: true, expect: "[...root.querySelectorAll('.device-only')].some((n) => getComputedStyle(n).display !== 'none')" },
      // the « Partage » story fills the sheet and opens the consent step with the site's notice; without it, it says so
      notice: { story: 'widgets-fiche-de-liaison-relais-liaison-form--partage', beforeSteps: [['wait', '#consent-title']], afterSteps: [['click', '^Reprendre', true], ['click', '^Revenir à la liste des parties', true], ['click', '^Relire la fiche$'], ['click', 'accord de partage'], ['wait', '#consent-title']], value: '', expect: 'root.querySelector(\'[part~="notice-missing"]\')' },
    },
  },
  'relais-pathway': {
    story: 'widgets-parcours-relais-pathway--pch',
    attributes: {
      'template-id': { value: 'mdph' },
      src: { value: './data/dossier-introuvable.json' },
      today: { value: '2026-05-20' },
      layout: { value: 'horizontal' },
      simulate: { value: true },
      'alsace-moselle': { value: true },
      // with the directory in a provider: « Trouver … » opens it near the person's commune
      commune: { story: 'widgets-parcours-relais-pathway--avec-annuaire', observe: 'relais-directory', steps: [['click', '^Trouver', true]], value: '58194' },
      'directory-url': { value: '/annuaire?type={kind}', expect: 'root.querySelector(\'a[href*="/annuaire?type="]\')' },
      falc: { value: true },
      'heading-level': { value: 3, expect: 'root.querySelector(\'h3\') && !root.querySelector(\'h2\')' },
      pro: { value: true },
      facts: { value: 'moins-de-3-ans' },
    },
  },
  'relais-contributions': {
    story: 'widgets-contributions-relais-contributions--connecte',
    attributes: {
      endpoint: { value: 'http://127.0.0.1:9/api', expect: 'root.querySelector(\'[part~="error"]\')' },
      departement: { value: '21', expect: 'root.querySelector(\'[part~="error"]\')' },
      'stale-after-months': { steps: [['click', '^Fiches à vérifier']], value: 24 },
      'heading-level': { value: 3, expect: 'root.querySelector(\'h3\') && !root.querySelector(\'h2\')' },
    },
  },
};

const ready = () => {
  const c = document.querySelector('relais-contributions')?.shadowRoot;
  if (c) return c.querySelector('[role="tablist"], .sign-in, [role="alert"]');
  const p = document.querySelector('relais-pathway')?.shadowRoot;
  if (p) return p.querySelector('ol, [role="alert"], form');
  const lf = document.querySelector('relais-liaison-form')?.shadowRoot;
  if (lf) return lf.querySelector('#tasks-title, #resume-title, #unlock-title, [role="alert"]');
  const el = document.querySelector('relais-eligibility')?.shadowRoot;
  if (el) return el.querySelector('form, .results');
  const m = document.querySelector('relais-map')?.shadowRoot;
  if (m) return m.querySelector('.leaflet-marker-icon, [part~="error"]');
  const r = document.querySelector('relais-directory')?.shadowRoot;
  return r && (r.querySelector('.item') || r.querySelector('.empty') || r.querySelector('[part="error"]'));
};

/** The widget's snapshot once it has not changed for 600 ms (or after 6 s). */
async function settled(page, tag) {
  let last = await page.evaluate(snapshot, tag);
  for (let i = 0; i < 30; i++) {
    await new Promise((r) => setTimeout(r, 200));
    const now = await page.evaluate(snapshot, tag);
    if (now === last && i >= 2) return now;
    last = now;
  }
  return last;
}

const setArgs = (page, storyId, updatedArgs) => page.evaluate(({ storyId, updatedArgs }) => window.__STORYBOOK_ADDONS_CHANNEL__.emit('updateStoryArgs', { storyId, updatedArgs }), { storyId, updatedArgs });

/** One step of a person in the widget's shadow root: click a button or link (by its text), check, type, wait. */
async function step(page, tag, [kind, target, arg]) {
  const done = await page
    .waitForFunction(
      (tag, kind, target, arg) => {
        const root = document.querySelector(tag)?.shadowRoot;
        if (!root) return false;
        if (kind === 'wait') return Boolean(root.querySelector(target));
        if (kind === 'click') {
          const b = [...root.querySelectorAll('button, a')].find((x) => new RegExp(target).test(x.textContent.trim()) && !x.disabled);
          b?.click();
          return Boolean(b);
        }
        const input = root.querySelector(target);
        if (!input) return false;
        if (kind === 'check') input.click();
        else {
          input.value = arg;
          input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
        }
        return true;
      },
      { timeout: kind === 'click' && arg === true ? 2000 : 8000 },
      tag, kind, target, arg ?? null,
    )
    .then(() => true, () => false);
  if (!done && !(kind === 'click' && arg === true)) throw new Error(`${kind} ${target}: not found in <${tag}>`);
  await new Promise((r) => setTimeout(r, 150));
}

/** Opens a story (with URL args), waits for its widget, and makes the snapshot function available. */
async function open(page, story, urlArgs) {
  await page.goto(`${base}/iframe.html?id=${encodeURIComponent(story)}&viewMode=story${urlArgs ? `&args=${urlArgs}` : ''}`);
  await page.waitForFunction(ready, { timeout: 15000 });
  await page.evaluate(`window.__snapshot = ${snapshot}`);
}

/** Waits until the widget, settled (not a transient « Chargement… »), differs from `before` and shows `expect`. */
const changedFrom = (page, tag, before, expect) =>
  page
    .waitForFunction(
      (tag, before, expect) => {
        const root = document.querySelector(tag)?.shadowRoot;
        const now = root ? window.__snapshot(tag) : '';
        const ok = Boolean(root) && now !== before && (!expect || new Function('root', `return Boolean(${expect})`)(root));
        window.__stable = ok && now === window.__last ? (window.__stable ?? 0) + 1 : 0;
        window.__last = now;
        return window.__stable >= 5;
      },
      { timeout: 10000, polling: 200 },
      tag, before, expect ?? '',
    )
    .then(() => true, () => false);

for (const [tag, { story: defaultStory, attributes }] of Object.entries(CHANGES)) {
  const [pkg] = Object.entries(WIDGETS).find(([, t]) => t === tag);
  test(`controls of <${tag}>: the table covers every attribute of the manifest`, () => {
    assert.deepEqual(Object.keys(attributes).sort(), declaration(pkg, tag).attributes.map((a) => a.name).sort());
  });
  for (const [attr, c] of Object.entries(attributes)) {
    const story = c.story ?? defaultStory;
    const observe = c.observe ?? tag;
    test(`control ${attr} of <${tag}> (${JSON.stringify(c.value)}) changes the rendered widget`, { skip: c.skip }, async () => {
      const page = await browser.newPage();
      let changed;
      if (c.flow) {
        // through the page's URL (the same args as the controls), across a reload
        const { base: b = '', prepare, change, prepareAfter } = c.flow;
        await open(page, story, b);
        for (const s of prepare) await step(page, tag, s);
        await new Promise((r) => setTimeout(r, 800));
        await open(page, story, b);
        const before = await settled(page, observe);
        await open(page, story, [b, change].filter(Boolean).join(';'));
        if (prepareAfter) {
          for (const s of prepare) await step(page, tag, s);
          await new Promise((r) => setTimeout(r, 800));
          await open(page, story, [b, change].filter(Boolean).join(';'));
        }
        changed = await changedFrom(page, observe, before, c.expect);
      } else {
        await open(page, story);
        if (c.media) await page.emulateMediaType(c.media);
        if (c.preset) {
          await setArgs(page, story, c.preset);
          await new Promise((r) => setTimeout(r, 300));
          await page.waitForFunction((tag) => document.querySelector(tag)?.shadowRoot, { timeout: 15000 }, tag);
        }
        for (const s of c.beforeSteps ?? c.steps ?? []) await step(page, tag, s);
        const before = await settled(page, observe);
        await setArgs(page, story, { [attr]: c.value });
        await new Promise((r) => setTimeout(r, 300));
        // the new element (its own steps wait for what they need)
        await page.waitForFunction((tag) => document.querySelector(tag)?.shadowRoot, { timeout: 15000 }, tag);
        for (const s of c.afterSteps ?? c.steps ?? []) await step(page, tag, s);
        changed = await changedFrom(page, observe, before, c.expect);
      }
      assert.ok(changed, `${attr}=${JSON.stringify(c.value)}: the widget changed${c.expect ? ` and ${c.expect}` : ''}`);
      await page.close();
    });
  }
}

test('CSS property controls: each reaches its widget, and a colour repaints it', async () => {
  for (const [tag, { story }] of Object.entries(CHANGES)) {
    const [pkg] = Object.entries(WIDGETS).find(([, t]) => t === tag);
    const page = await browser.newPage();
    await page.goto(`${base}/iframe.html?id=${encodeURIComponent(story)}&viewMode=story`);
    await page.waitForFunction(ready, { timeout: 15000 });
    const props = declaration(pkg, tag).cssProperties.map((p) => p.name);
    const values = Object.fromEntries(props.map((p, i) => [p, /color/.test(p) ? `rgb(${i + 1}, 2, 3)` : /family/.test(p) ? 'serif' : /ring|elevation/.test(p) ? `${i + 1}px solid rgb(9, 9, 9)` : /line-height/.test(p) ? '1.7' : `${i + 1}.5px`]));
    await setArgs(page, story, values);
    const reached = await page
      .waitForFunction((tag, values) => Object.entries(values).every(([k, v]) => getComputedStyle(document.querySelector(tag)).getPropertyValue(k).trim() === v), { timeout: 8000 }, tag, values)
      .then(() => true, () => false);
    assert.ok(reached, `<${tag}>: every CSS property control reaches the element`);
    // the primary colour paints something in the shadow tree (a button, a link, a marker, a step)
    const painted = await page.evaluate((tag, colour) => [...document.querySelector(tag).shadowRoot.querySelectorAll('*')].some((n) => { const s = getComputedStyle(n); return [s.color, s.backgroundColor, s.borderTopColor, s.outlineColor].includes(colour); }), tag, values['--relais-color-primary']);
    assert.ok(painted, `<${tag}>: --relais-color-primary repaints the widget`);
    await page.close();
  }
});
