/**
 * The controls of every widget story, generated from the element's custom-elements.json by
 * `@wc-toolkit/storybook-helpers`: one control per public attribute and per `--relais-*` CSS property, the events
 * listed (logged in Actions), nothing else (no internal state, no property-only object). Descriptions and table
 * headings in French (controls.fr.ts); the template sets only the attributes whose value differs from the default.
 *
 * A change of attribute control renders a new element: several attributes are a starting configuration that the
 * element reads when it connects (the liaison form's database and device, the directory's starting filters, the map's
 * background), as on a real page. A change of CSS property only restyles the element in place.
 */
import { getStorybookHelpers } from '@wc-toolkit/storybook-helpers';
import type { ArgTypes } from '@storybook/web-components-vite';
import { getCustomElements } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { FR } from './controls.fr.js';

/** The French headings of the controls table. */
export const CATEGORIES = { attributes: 'Attributs', 'css properties': 'Propriétés CSS (jetons --relais-*)', events: 'Événements' } as const;

type Declaration = { tagName?: string; events?: Array<{ name: string; type?: { text: string } }> };

type Args = Record<string, unknown>;

export function controlsFor(tag: string): {
  args: Args;
  argTypes: ArgTypes;
  /** The element with the story's args as attributes and CSS properties. */
  template: (args: Args) => TemplateResult;
  /** A story's render that also sets property-only values (objects, clients): not args, so never controls. */
  withProperties: (properties: Args) => (args: Args) => TemplateResult;
} {
  const { args, argTypes, template } = getStorybookHelpers(tag, { excludeCategories: ['properties', 'methods', 'slots', 'cssParts', 'cssStates'] });
  // a new attribute or event without its French line keeps the manifest's text (the stories test then fails on it)
  const fr = FR[tag] ?? { attributes: {}, events: {} };
  const manifest = getCustomElements() as { modules: Array<{ declarations?: Declaration[] }> };
  const declaration = manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === tag);
  const out: ArgTypes = {};
  for (const [key, a] of Object.entries(argTypes)) {
    const category = a.table?.category as keyof typeof CATEGORIES | undefined;
    if (!category) {
      out[key] = a; // the helper's resets: hide what Storybook would infer from the manifest under that name
      continue;
    }
    const name = a.name ?? key;
    let description = a.description;
    let type = a.table?.type;
    if (category === 'attributes') description = fr.attributes[name] ?? description;
    else if (category === 'events') {
      description = fr.events[name] ?? description;
      // the SDK's events are Event subclasses, not CustomEvent<…>: the manifest's own type
      const t = declaration?.events?.find((e) => e.name === name)?.type?.text;
      if (t) type = { summary: t };
    }
    out[key] = { ...a, description, table: { ...a.table, category: CATEGORIES[category] ?? category, type } };
  }
  const attributes = Object.entries(out).filter(([, a]) => a.table?.category === CATEGORIES.attributes).map(([k]) => k);
  // numbers as text: the helper's spread drops a falsy value, so `0` (heading-level="0", expiry-days="0") would vanish
  const render = (a: Args): TemplateResult => {
    const values = Object.fromEntries(Object.entries(a).map(([k, v]) => [k, typeof v === 'number' && attributes.includes(k) ? String(v) : v]));
    return html`${keyed(JSON.stringify(attributes.map((k) => values[k] ?? null)), template(values))}`;
  };
  const withProperties = (properties: Args) => (a: Args) => render({ ...a, ...Object.fromEntries(Object.entries(properties).map(([k, v]) => [`.${k}`, v])) });
  return { args, argTypes: out, template: render, withProperties };
}
