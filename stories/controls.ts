/**
 * The controls of every widget story, generated from the element's custom-elements.json by
 * `@wc-toolkit/storybook-helpers`: one control per public attribute and per `--relais-*` CSS property, the events
 * listed (logged in Actions), nothing else (no internal state, no property-only object). Descriptions and table
 * headings in French (controls.fr.ts); the template sets only the attributes whose value differs from the default.
 */
import { getStorybookHelpers } from '@wc-toolkit/storybook-helpers';
import type { ArgTypes } from '@storybook/web-components-vite';
import { getCustomElements } from '@storybook/web-components-vite';
import type { TemplateResult } from 'lit';
import { FR } from './controls.fr.js';

/** The French headings of the controls table. */
export const CATEGORIES = { attributes: 'Attributs', 'css properties': 'Propriétés CSS (jetons --relais-*)', events: 'Événements' } as const;

type Declaration = { tagName?: string; events?: Array<{ name: string; type?: { text: string } }> };

export function controlsFor(tag: string): { args: Record<string, unknown>; argTypes: ArgTypes; template: (args: Record<string, unknown>) => TemplateResult } {
  const { args, argTypes, template } = getStorybookHelpers(tag, { excludeCategories: ['properties', 'methods', 'slots', 'cssParts', 'cssStates'] });
  const fr = FR[tag];
  if (!fr) throw new Error(`controls.fr.ts: pas de descriptions pour <${tag}>`);
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
    if (category === 'attributes') description = fr.attributes[name] ?? '';
    else if (category === 'events') {
      description = fr.events[name] ?? '';
      // the SDK's events are Event subclasses, not CustomEvent<…>: the manifest's own type
      const t = declaration?.events?.find((e) => e.name === name)?.type?.text;
      if (t) type = { summary: t };
    }
    if (!description) throw new Error(`controls.fr.ts: pas de description française pour ${name} de <${tag}>`);
    out[key] = { ...a, description, table: { ...a.table, category: CATEGORIES[category] ?? category, type } };
  }
  return { args, argTypes: out, template: (a) => template(a) };
}
