// Runs in headless Chromium (bench/run.mjs): what autosave costs while a person types in <relais-liaison-form>.
//  - per keystroke: the input event's own handling (the main-thread time a keystroke costs), 300 keystrokes (the
//    browser rounds each timing to 0.1 ms, so the mean of the 300 is the telling figure);
//  - per save: one encrypted save of the whole sheet (AES-GCM, IndexedDB), as the debounced autosave does it.
import '@relais/liaison/define.js';
import { DraftStore, liaisonTemplates } from '@relais/liaison';

const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

export async function run() {
  const el = document.createElement('relais-liaison-form');
  el.setAttribute('template-id', 'orientation');
  el.setAttribute('db-name', `bench-${Date.now()}`);
  document.body.append(el);
  const find = (s) => el.shadowRoot?.querySelector(s);
  while (!find('#tasks-title')) await new Promise((r) => setTimeout(r, 20));
  [...el.shadowRoot.querySelectorAll('button')].find((b) => /Motif/.test(b.textContent)).click();
  await el.updateComplete;
  const area = find('#f-motif');
  const text = 'Madame Martin, 84 ans, vit seule ; sa fille, aidante, est épuisée et demande un relais pour quelques jours. ';
  const keystroke = [];
  for (let i = 0; i < 300; i++) {
    area.value += text[i % text.length];
    const t = performance.now();
    area.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, data: text[i % text.length] }));
    keystroke.push(performance.now() - t);
    if (i % 20 === 0) await new Promise((r) => setTimeout(r, 0));
  }
  await el.flush?.();
  // the encrypted save itself, with a sheet filled in every text field
  const store = new DraftStore({ dbName: `bench-store-${Date.now()}` });
  const values = {};
  for (const s of liaisonTemplates['orientation'].sections) for (const f of s.fields) if (f.type === 'text' || f.type === 'textarea') values[f.id] = text.repeat(f.type === 'textarea' ? 6 : 1);
  const size = JSON.stringify(values).length;
  let version = 0;
  const saves = [];
  for (let i = 0; i < 60; i++) {
    values.motif = text.repeat(6) + i;
    const t = performance.now();
    version = (await store.save('fiche', 'orientation', values, version)).version;
    saves.push(performance.now() - t);
  }
  el.remove();
  return { keystrokes: keystroke.length, keyMean: keystroke.reduce((a, b) => a + b, 0) / keystroke.length, keyP50: pct(keystroke, 50), keyP95: pct(keystroke, 95), keyMax: Math.max(...keystroke), sheetBytes: size, saves: saves.length, saveMean: saves.reduce((a, b) => a + b, 0) / saves.length, saveP50: pct(saves, 50), saveP95: pct(saves, 95), saveMax: Math.max(...saves) };
}
