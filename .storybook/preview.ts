import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import { html } from 'lit';
import { setStorybookHelpersConfig } from '@wc-toolkit/storybook-helpers';
import { THEMES, themeCss, type ThemeName } from '@relais/themes/tokens';
import directory from '../packages/directory/custom-elements.json' with { type: 'json' };
import pathway from '../packages/pathway/custom-elements.json' with { type: 'json' };
import contributions from '../packages/contributions/custom-elements.json' with { type: 'json' };
import core from '../packages/core/custom-elements.json' with { type: 'json' };
import map from '../packages/map/custom-elements.json' with { type: 'json' };
import eligibility from '../packages/eligibility/custom-elements.json' with { type: 'json' };
import liaison from '../packages/liaison/custom-elements.json' with { type: 'json' };
import indicators from '../packages/indicators/custom-elements.json' with { type: 'json' };

// one manifest for every package, so that each story gets its controls and docs
setCustomElementsManifest({ ...directory, modules: [...directory.modules, ...pathway.modules, ...contributions.modules, ...indicators.modules, ...map.modules, ...eligibility.modules, ...liaison.modules, ...core.modules] });

// the controls come from the manifests through stories/controls.ts: attributes, CSS properties, events; the template
// sets only what differs from the defaults
setStorybookHelpersConfig({ hideArgRef: true, categoryOrder: ['attributes', 'cssProps', 'events'] });

// every theme of @relais/themes, each under its class; the toolbar picks the class of the story's wrapper
const sheet = new CSSStyleSheet();
sheet.replaceSync(
  [...(Object.keys(THEMES) as ThemeName[]).map((t) => themeCss(t).replace(/^:root,\n/m, '')), '.story-theme { background: var(--relais-color-surface); padding: 0.5rem; }'].join('\n'),
);
document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];

const preview: Preview = {
  parameters: {
    controls: { expanded: true },
    // no argTypes inferred by Storybook from the manifests (they would list private state and property-only objects
    // with English JSDoc): each story's come from stories/controls.ts
    docs: { extractArgTypes: () => ({}) },
    // accessibility violations fail the story's a11y check
    a11y: { test: 'error' },
  },
  globalTypes: {
    theme: {
      description: 'Thème des widgets (@relais/themes)',
      toolbar: { title: 'Thème', icon: 'paintbrush', items: (Object.keys(THEMES) as ThemeName[]).map((t) => ({ value: t, title: THEMES[t].title })), dynamicTitle: true },
    },
    locale: {
      description: 'Langue des widgets',
      toolbar: { title: 'Langue', icon: 'globe', items: [{ value: 'fr', title: 'Français' }, { value: 'en', title: 'English' }], dynamicTitle: true },
    },
  },
  initialGlobals: { locale: 'fr', theme: 'default' },
  decorators: [
    (story, ctx) => {
      const locale = (ctx.globals.locale as string | undefined) ?? 'fr';
      document.documentElement.lang = locale;
      const theme = (ctx.globals.theme as ThemeName | undefined) ?? 'default';
      // the widgets take the language of their nearest [lang] ancestor: on a Docs page, the stories sit in the docs
      // page's own markup, so the wrapper carries the toolbar's language itself
      return html`<div lang=${locale} class="relais-theme-${theme} story-theme">${story()}</div>`;
    },
  ],
};
export default preview;
