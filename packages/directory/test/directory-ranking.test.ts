// Issue 15, the directory's ranking as a person meets it, on the demo data (real FINESS and France services of the
// Nièvre with fictional CCAS, MDPH…): facet counts that keep their word, the place recognised among the words, why
// no service serves the town, and a commune outside the data's départements.
import { expect, fixture, waitUntil } from '@open-wc/testing';
import '../src/define.js';
import type { RelaisDirectory } from '../src/directory.js';

const $ = <T extends Element = HTMLElement>(el: RelaisDirectory, sel: string) => el.shadowRoot!.querySelector<T>(sel);
const $$ = (el: RelaisDirectory, sel: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(sel)];
const statusText = (el: RelaisDirectory) => $(el, '.status')?.textContent?.trim() ?? '';
const titles = (el: RelaisDirectory) => $$(el, '.title-link').map((b) => b.textContent!.trim());
const idle = (el: RelaisDirectory) => (el as unknown as { status: string }).status === 'idle';
const settled = (el: RelaisDirectory) => waitUntil(() => /trouvé|found/.test(statusText(el)) && idle(el), 'results shown', { timeout: 8000 });
const count = (el: RelaisDirectory) => Number(statusText(el).match(/\d+/)?.[0] ?? 0);

function typeInto(input: HTMLInputElement, value: string) {
  input.focus();
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}

async function demo(attrs = ''): Promise<RelaisDirectory> {
  const wrap = await fixture<HTMLDivElement>(`<div><relais-directory src="/examples/data/nievre-demo.json" departements="58" ${attrs}></relais-directory></div>`);
  const el = wrap.querySelector('relais-directory') as RelaisDirectory;
  await settled(el);
  return el;
}

describe('<relais-directory> ranking journeys (issue 15)', () => {
  it('every facet offered gives, once ticked, the count it showed; none shows « (0) »', async () => {
    const el = await demo('commune="58079"');
    $<HTMLDetailsElement>(el, 'details.filters')!.open = true;
    const boxes = () => $$(el, '.filters .check label').map((l) => ({ id: l.getAttribute('for')!, text: l.textContent!.trim() })).filter((b) => /\(\d+\)$/.test(b.text));
    const offered = boxes();
    expect(offered.length).to.be.greaterThan(5);
    for (const b of offered) expect(b.text, b.id).to.not.match(/\(0\)$/);
    for (const { id } of offered) {
      const b = boxes().find((x) => x.id === id);
      if (!b) continue;
      const want = Number(b.text.match(/\((\d+)\)$/)![1]);
      $<HTMLInputElement>(el, `#${id}`)!.click();
      await waitUntil(() => idle(el) && $<HTMLInputElement>(el, `#${id}`)?.checked, `${id} ticked`, { timeout: 8000 });
      await settled(el);
      expect(count(el), `${b.text} ticked`).to.equal(want);
      $<HTMLInputElement>(el, `#${id}`)!.click();
      await waitUntil(() => idle(el) && !$<HTMLInputElement>(el, `#${id}`)?.checked, `${id} unticked`, { timeout: 8000 });
      await settled(el);
    }
  });

  it('« ehpad clamecy » with no place chosen: Clamecy recognised and said so, its EHPAD first among all those near it', async () => {
    const el = await demo();
    typeInto($<HTMLInputElement>(el, '#what')!, 'ehpad clamecy');
    await waitUntil(() => $(el, '.recognized'), 'place recognised', { timeout: 8000 });
    await settled(el);
    expect($(el, '.recognized')!.textContent!.trim()).to.equal('Lieu reconnu dans votre recherche : Clamecy.');
    expect($(el, '#live')!.textContent).to.match(/^Lieu reconnu dans votre recherche : Clamecy\. \d+ services trouvés/);
    expect(count(el)).to.be.greaterThan(10);
    expect(titles(el)[0]).to.match(/EHPAD du CH de Clamecy/);
    await expect(el).to.be.accessible();
  });

  it('« portage de repas » Autour de moi in Clamecy: no service of another town, why, and a way out to the CCAS', async () => {
    const geo = navigator.geolocation;
    const original = geo.getCurrentPosition;
    try {
      geo.getCurrentPosition = (ok: PositionCallback) => ok({ coords: { latitude: 47.4589, longitude: 3.5188, accuracy: 50 } } as GeolocationPosition);
      const el = await demo();
      $$(el, 'button').find((b) => /Autour de moi/.test(b.textContent!))!.click();
      await waitUntil(() => /autour de vous/i.test(statusText(el)) && idle(el), 'around me', { timeout: 8000 });
      typeInto($<HTMLInputElement>(el, '#what')!, 'portage de repas');
      await waitUntil(() => $(el, '.elsewhere') && idle(el), 'reason given', { timeout: 8000 });
      expect($(el, '.elsewhere')!.textContent!.trim()).to.match(/^\d+ services correspondant à « portage de repas » existent dans ces données, mais (aucun ne dessert|\d+ ne desservent pas) Clamecy/);
      expect(titles(el)).to.deep.equal([]);
      expect($(el, '#live')!.textContent).to.include($(el, '.elsewhere')!.textContent!.trim());
      const ccas = [...$(el, '.empty')!.querySelectorAll('button')].find((b) => /CCAS/.test(b.textContent!))!;
      expect(ccas.textContent).to.match(/près de Clamecy/);
      await expect(el).to.be.accessible();
      ccas.click();
      await waitUntil(() => titles(el).length > 0 && idle(el), 'the CCAS', { timeout: 8000 });
      expect(titles(el)[0]).to.match(/CCAS de Clamecy/);
    } finally {
      geo.getCurrentPosition = original;
    }
  });

  it('Auxerre, outside the data’s départements: found, and the nearest services with their distance, said so', async () => {
    const el = await demo();
    const where = $<HTMLInputElement>(el, '#where')!;
    typeInto(where, 'Auxerre');
    await waitUntil(() => $$(el, '[role="option"]').some((o) => /Auxerre/.test(o.textContent!)), 'Auxerre suggested', { timeout: 15000 });
    where.form!.requestSubmit();
    await waitUntil(() => $(el, '.widened') && idle(el), 'notice', { timeout: 15000 });
    expect($(el, '#where-error')).to.equal(null);
    expect($(el, '.widened')!.textContent!.trim()).to.match(/^Ces données ne couvrent pas Auxerre \(Yonne\) : voici les services les plus proches, le premier à .+ \(\d+ km\)\.$/);
    const d = $$(el, '.distance').map((x) => parseFloat(x.textContent!.replace(',', '.')));
    expect(d.length).to.be.greaterThan(0);
    expect([...d].sort((a, b) => a - b)).to.deep.equal(d);
    expect(d[0]).to.be.greaterThan(20);
  });
});
