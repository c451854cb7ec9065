import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import directory from '../packages/directory/custom-elements.json' with { type: 'json' };
import pathway from '../packages/pathway/custom-elements.json' with { type: 'json' };
import core from '../packages/core/custom-elements.json' with { type: 'json' };
import map from '../packages/map/custom-elements.json' with { type: 'json' };
import eligibility from '../packages/eligibility/custom-elements.json' with { type: 'json' };
import liaison from '../packages/liaison/custom-elements.json' with { type: 'json' };

// one manifest for every package, so that each story gets its controls and docs
setCustomElementsManifest({ ...directory, modules: [...directory.modules, ...pathway.modules, ...map.modules, ...eligibility.modules, ...liaison.modules, ...core.modules] });

const preview: Preview = {
  parameters: {
    controls: { expanded: true },
    // accessibility violations fail the story's a11y check
    a11y: { test: 'error' },
  },
  globalTypes: {
    locale: {
      description: 'Langue des widgets',
      toolbar: { title: 'Langue', icon: 'globe', items: [{ value: 'fr', title: 'Français' }, { value: 'en', title: 'English' }], dynamicTitle: true },
    },
  },
  initialGlobals: { locale: 'fr' },
  decorators: [
    (story, ctx) => {
      document.documentElement.lang = ctx.globals.locale ?? 'fr';
      return story();
    },
  ],
};
export default preview;
