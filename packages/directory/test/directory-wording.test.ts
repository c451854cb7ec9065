// What the directory says to the public, in French and in English (issue 15, « wording »): labels that do not
// contradict themselves, a count « autour de vous » without nested brackets, no technical source id.
import { expect, fixture, waitUntil } from '@open-wc/testing';
import '../src/define.js';
import type { RelaisDirectory } from '../src/directory.js';

const $ = <T extends Element = HTMLElement>(el: RelaisDirectory, sel: string) => el.shadowRoot!.querySelector<T>(sel);
const statusText = (el: RelaisDirectory) => $(el, '.status')?.textContent?.trim() ?? '';
const idle = (el: RelaisDirectory) => (el as unknown as { status: string }).status === 'idle';

async function directory(attrs: string): Promise<RelaisDirectory> {
  const wrap = await fixture<HTMLDivElement>(`<div><relais-directory src="/examples/data/nievre.json" departements="58" ${attrs}></relais-directory></div>`);
  const el = wrap.querySelector('relais-directory') as RelaisDirectory;
  await waitUntil(() => idle(el) && /Clamecy$/.test(statusText(el)), `results (« ${statusText(el)} »)`, { timeout: 8000 });
  return el;
}

describe('<relais-directory> wording', () => {
  it('French: the default distance is not « Toutes distances (50 km) »; the count names the commune', async () => {
    const el = await directory('commune="58079"');
    const options = [...el.shadowRoot!.querySelectorAll('#radius option')].map((o) => o.textContent!.trim());
    expect(options).to.deep.equal(['Jusqu’à 50 km (par défaut)', '5 km', '10 km', '20 km', '50 km']);
    expect(statusText(el)).to.match(/^\d+ services trouvés près de Clamecy$/);
  });

  it('English: « Up to 50 km (default) », « … services found near Clamecy »', async () => {
    const el = await directory('commune="58079" lang="en"');
    expect($(el, '#radius option')!.textContent!.trim()).to.equal('Up to 50 km (default)');
    expect(statusText(el)).to.match(/^\d+ services found near Clamecy$/);
  });
});
