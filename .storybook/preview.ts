import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import manifest from '../packages/directory/custom-elements.json' with { type: 'json' };

setCustomElementsManifest(manifest);

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
