// Journeys on the demo page, as people make them, in Chromium at 1280 px and 375 px:
// - a social worker on the keyboard goes from the map to a service's detail in the directory and back;
// - the same with the mouse (the first click on a marker opens it);
// - Back in the browser closes the detail instead of leaving the site (the demo's directory has sync-url);
// - Tab goes through the whole page down to the footer and Shift+Tab back up: no trap anywhere.
// The last screen of each journey at 375 px is saved in .screenshots/journey-*.png (kept out of git).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { useDemo, openDemoPage, focusedElement } from './demo-harness.mjs';

const demo = useDemo();
const SHOTS = process.env.RELAIS_SHOTS ?? '.screenshots';
mkdirSync(SHOTS, { recursive: true });
const WIDTHS = [1280, 375];

// results in the directory, and the map on the provider's client (tests/node/provider-order.test.mjs forces both
// orders in which the autoloader may define the provider and the widgets)
const openDemo = (width) =>
  openDemoPage(demo, width, () => document.querySelector('relais-directory')?.shadowRoot?.querySelectorAll('.item').length > 0 && document.querySelector('relais-map')?.client);

/** The focused element, through shadow roots: its widget, tag, id, class and name (80 characters). */
const focused = (page) => focusedElement(page, 80);
const key = (f) => `${f.uid}:${f.host ?? ''}|${f.tag}|${f.id}|${f.label}`;
const isMarker = (f) => f.host === 'relais-map' && /leaflet-marker-icon/.test(f.cls);
const isCluster = (f) => isMarker(f) && /services — agrandir/.test(f.label);

async function shiftTab(page) {
  await page.keyboard.down('Shift');
  await page.keyboard.press('Tab');
  await page.keyboard.up('Shift');
}

async function waitFocus(page, pred, what, timeout = 8000) {
  const end = Date.now() + timeout;
  let f;
  while (Date.now() < end) {
    f = await focused(page);
    if (pred(f)) return f;
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.fail(`${what}: the focus is on ${JSON.stringify(f)}`);
}

/** The whole summary (popup) lies inside the map, its title clear of the zoom buttons. */
async function assertSummaryInView(page) {
  const r = await page.evaluate(() => {
    const root = document.querySelector('relais-map').shadowRoot;
    const box = (s) => root.querySelector(s).getBoundingClientRect().toJSON();
    return { popup: box('.leaflet-popup-content-wrapper'), title: box('.popup-title'), map: box('#map'), zoom: box('.leaflet-control-zoom') };
  });
  const { popup, title, map, zoom } = r;
  assert.ok(popup.top >= map.top && popup.left >= map.left && popup.right <= map.right && popup.bottom <= map.bottom, `summary inside the map: ${JSON.stringify(r)}`);
  assert.ok(title.left >= zoom.right || title.top >= zoom.bottom, `title clear of the zoom buttons: ${JSON.stringify(r)}`);
}

const detailOpen = (page) => page.evaluate(() => !!document.querySelector('relais-directory').shadowRoot.querySelector('#detail-title'));

/** Keyboard only: from the map's first button, Tab to a marker, open clusters with Enter until a service, Enter. */
async function keyboardToService(page) {
  await page.evaluate(() => document.querySelector('relais-map').scrollIntoView());
  await page.waitForFunction(() => document.querySelector('relais-map').shadowRoot.querySelectorAll('.leaflet-marker-icon').length > 0, { timeout: 20000 });
  await page.evaluate(() => document.querySelector('relais-map').shadowRoot.querySelector('[part="toolbar"] button').focus());
  for (let i = 0; i < 80; i++) {
    const f = await focused(page);
    if (isMarker(f) && !isCluster(f)) return f;
    if (isCluster(f)) await page.keyboard.press('Enter');
    else await page.keyboard.press('Tab');
    await new Promise((r) => setTimeout(r, 30));
  }
  assert.fail(`no service marker reached with the keyboard: ${JSON.stringify(await focused(page))}`);
}

test('history: a detail opened from the directory\'s own list is one entry too; Back returns to that line', async () => {
  const { page, problems } = await openDemo(1280);
  const length = await page.evaluate(() => history.length);
  await page.evaluate(() => document.querySelector('relais-directory').shadowRoot.querySelector('.title-link').focus());
  const line = await focused(page);
  await page.keyboard.press('Enter');
  await waitFocus(page, (f) => f.id === 'detail-title', 'the detail heading');
  assert.equal(await page.evaluate(() => history.length), length + 1);
  await page.goBack();
  const f = await waitFocus(page, (x) => x.host === 'relais-directory' && x.id === line.id && x.label === line.label, 'the focus back on the line the person opened');
  assert.ok(f.inView);
  assert.equal(await detailOpen(page), false);
  assert.deepEqual(problems, []);
  await page.close();
});

for (const width of WIDTHS) {
  test(`keyboard, ${width} px: from the map to a service's detail in the directory, and back to the map`, async () => {
    const { page, problems } = await openDemo(width);
    const url = page.url();
    const pin = await keyboardToService(page);
    await page.keyboard.press('Enter');
    const open = await waitFocus(page, (f) => f.host === 'relais-map' && /\bopen\b/.test(f.cls), '« Voir la fiche » focused in the summary');
    assert.equal(open.label, 'Voir la fiche');
    await assertSummaryInView(page);
    const service = pin.label.split(' — ')[0];
    await page.keyboard.press('Enter');
    const title = await waitFocus(page, (f) => f.host === 'relais-directory' && f.id === 'detail-title', 'the detail heading has the focus');
    assert.ok(title.label.startsWith(service), `${title.label} is the chosen service (${service})`);
    assert.ok(title.inView, 'the detail heading is on screen');
    if (width === 375) await page.screenshot({ path: `${SHOTS}/journey-map-keyboard-detail-375.png` });
    // back: the « Retour » button, among the actions just before the heading
    let back;
    for (let i = 0; i < 4 && !/Retour/.test(back?.label); i++) {
      await shiftTab(page);
      back = await focused(page);
      assert.equal(back.host, 'relais-directory');
    }
    assert.match(back.label, /Retour/);
    await page.keyboard.press('Enter');
    const again = await waitFocus(page, (f) => f.host === 'relais-map' && /\bopen\b/.test(f.cls), 'the focus is back on the map, where the person was');
    assert.ok(again.inView, 'the map is on screen again');
    assert.equal(await detailOpen(page), false);
    assert.equal(page.url(), url, 'the address is the one before the detail');
    if (width === 375) await page.screenshot({ path: `${SHOTS}/journey-map-keyboard-375.png` });
    assert.deepEqual(problems, []);
    await page.close();
  });

  test(`mouse, ${width} px: the first click on a marker opens it, « Voir la fiche » shows the detail, « Retour » comes back`, async () => {
    const { page, problems } = await openDemo(width);
    await page.evaluate(() => document.querySelector('relais-map').scrollIntoView());
    await page.waitForFunction(() => document.querySelector('relais-map').shadowRoot.querySelectorAll('.leaflet-marker-icon').length > 0, { timeout: 20000 });
    const centre = (sel) =>
      page.evaluate((s) => {
        const root = document.querySelector('relais-map').shadowRoot;
        const mapBox = root.querySelector('#map').getBoundingClientRect();
        // a marker fully inside the map, the cluster or service nearest the map's middle
        const all = [...root.querySelectorAll(s)].map((e) => ({ e, r: e.getBoundingClientRect() })).filter(({ r }) => r.left > mapBox.left + 50 && r.right < mapBox.right - 10 && r.top > mapBox.top + 10 && r.bottom < mapBox.bottom - 30);
        const mid = [(mapBox.left + mapBox.right) / 2, (mapBox.top + mapBox.bottom) / 2];
        all.sort((a, b) => Math.hypot(a.r.x - mid[0], a.r.y - mid[1]) - Math.hypot(b.r.x - mid[0], b.r.y - mid[1]));
        const hit = all[0];
        return hit ? { x: hit.r.left + hit.r.width / 2, y: hit.r.top + hit.r.height / 2, label: hit.e.getAttribute('aria-label') } : null;
      }, sel);
    let target = null;
    for (let i = 0; i < 6 && !target; i++) {
      target = await centre('.leaflet-marker-icon.relais-pin');
      if (target) break;
      const cluster = await centre('.leaflet-marker-icon.relais-cluster');
      assert.ok(cluster, 'a marker to click');
      await page.mouse.click(cluster.x, cluster.y);
      await new Promise((r) => setTimeout(r, 300));
    }
    assert.ok(target, 'a service marker after opening clusters');
    await page.mouse.click(target.x, target.y);
    await page.waitForFunction(() => document.querySelector('relais-map').shadowRoot.querySelector('.popup .open'), { timeout: 3000 }).catch(() => assert.fail('the first click on the marker opened nothing'));
    await assertSummaryInView(page);
    const button = await page.evaluate(() => {
      const r = document.querySelector('relais-map').shadowRoot.querySelector('.popup .open').getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    });
    await page.mouse.click(button.x, button.y);
    const title = await waitFocus(page, (f) => f.host === 'relais-directory' && f.id === 'detail-title', 'the detail heading has the focus');
    assert.ok(title.label.startsWith(target.label.split(' — ')[0]), `${title.label} is the clicked service`);
    assert.ok(title.inView, 'the detail is on screen');
    const retour = await page.evaluate(() => {
      const b = [...document.querySelector('relais-directory').shadowRoot.querySelectorAll('.detail-actions button')].find((x) => /Retour/.test(x.textContent));
      const r = b.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    });
    await page.mouse.click(retour.x, retour.y);
    const again = await waitFocus(page, (f) => f.host === 'relais-map', 'the focus is back on the map');
    assert.ok(again.inView, 'the map is on screen again');
    assert.equal(await detailOpen(page), false);
    // the background is « Plan IGN » (served locally here: the test never reaches the internet), and nothing else external
    assert.ok(await page.evaluate(() => document.querySelector('relais-map').shadowRoot.querySelectorAll('img.leaflet-tile-loaded').length > 0), 'tiles drawn');
    assert.ok(page.offlineRequests.length > 0);
    for (const u of page.offlineRequests) assert.match(u, /^https:\/\/data\.geopf\.fr\/wmts\?.*LAYER=GEOGRAPHICALGRIDSYSTEMS\.PLANIGNV2/);
    if (width === 375) await page.screenshot({ path: `${SHOTS}/journey-map-mouse-375.png` });
    assert.deepEqual(problems, []);
    await page.close();
  });

  test(`history, ${width} px: opening a detail is a history entry; Back closes it and stays on the site`, async () => {
    const { page, problems } = await openDemo(width);
    const url = page.url();
    const length = await page.evaluate(() => history.length);
    await keyboardToService(page);
    await page.keyboard.press('Enter');
    await waitFocus(page, (f) => /\bopen\b/.test(f.cls), '« Voir la fiche »');
    await page.keyboard.press('Enter');
    await waitFocus(page, (f) => f.id === 'detail-title', 'the detail heading');
    assert.equal(await page.evaluate(() => history.length), length + 1, 'one history entry for the detail');
    assert.match(page.url(), /relais-fiche=/);
    await page.goBack();
    await page.waitForFunction(() => !document.querySelector('relais-directory').shadowRoot.querySelector('#detail-title'), { timeout: 5000 });
    assert.equal(page.url(), url, 'Back stays on the page, at its address before the detail');
    const f = await waitFocus(page, (x) => x.host === 'relais-map', 'the focus is back on the map');
    assert.ok(f.inView);
    if (width === 375) await page.screenshot({ path: `${SHOTS}/journey-history-back-375.png` });
    assert.deepEqual(problems, []);
    await page.close();
  });

  test(`Tab order, ${width} px: through the whole demo page to the footer and back, no trap anywhere`, async () => {
    const { page, problems } = await openDemo(width);
    // the page fully loaded first: the map draws its markers when it comes near the screen
    await page.evaluate(() => document.querySelector('relais-map').scrollIntoView());
    await page.waitForFunction(() => document.querySelector('relais-map').shadowRoot.querySelectorAll('.leaflet-marker-icon').length > 0, { timeout: 20000 });
    await page.evaluate(() => window.scrollTo(0, 0));
    // forward from the top of the page: every stop once, every widget crossed, until the focus leaves the page
    const forward = [];
    const seen = new Set();
    let leftThePage = false;
    for (let i = 0; i < 600 && !leftThePage; i++) {
      await page.keyboard.press('Tab');
      const f = await focused(page);
      leftThePage = f.tag === 'body';
      if (leftThePage) break;
      const k = key(f);
      if (forward.length && key(forward.at(-1)) === k) continue; // Tab between the day, month and year of a date field
      assert.ok(!seen.has(k), `Tab came back to « ${k} » (a trap) after ${forward.slice(-5).map(key).join(' → ')}`);
      seen.add(k);
      forward.push(f);
    }
    assert.ok(leftThePage && forward.length > 20, `${forward.length} stops, the focus left the page after the last one`);
    const hosts = [...new Set(forward.map((f) => f.host).filter(Boolean))];
    assert.deepEqual(hosts, ['relais-directory', 'relais-map', 'relais-eligibility', 'relais-liaison-form', 'relais-pathway']);
    // every marker drawn on the map is a stop, once
    const drawn = await page.evaluate(() => document.querySelector('relais-map').shadowRoot.querySelectorAll('.leaflet-marker-icon').length);
    assert.equal(forward.filter(isMarker).length, drawn);
    // the last stop is the last widget, just before the footer; the footer is then on screen
    assert.equal(forward.at(-1).host, 'relais-pathway');
    assert.ok(await page.evaluate(() => document.querySelector('.site-footer').getBoundingClientRect().top < innerHeight), 'the footer is on screen');
    // backward from the end: the same stops in reverse, up to the skip link
    const backward = [];
    for (let i = 0; i < 600; i++) {
      await shiftTab(page);
      const f = await focused(page);
      if (f.tag === 'body') break;
      if (backward.length && key(backward.at(-1)) === key(f)) continue;
      backward.push(f);
      if (/Aller au contenu/.test(f.label)) break;
    }
    // the same elements (names may have changed: the map's list button counts what came into view)
    const same = (f) => `${f.uid}:${f.host ?? ''}|${f.tag}|${f.id}`;
    assert.deepEqual(backward.map(same).reverse(), forward.map(same), 'Shift+Tab retraces the same stops');
    if (width === 375) await page.screenshot({ path: `${SHOTS}/journey-tab-order-375.png` });
    assert.deepEqual(problems, []);
    await page.close();
  });
}
