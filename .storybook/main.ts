import type { StorybookConfig } from '@storybook/web-components-vite';
import { mergeConfig } from 'vite';
import { sourceAliasPlugin } from '../scripts/source-aliases.mjs';

const config: StorybookConfig = {
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-a11y', '@storybook/addon-docs'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  staticDirs: [{ from: '../examples/data', to: '/data' }, { from: '../packages/eligibility/catalogues', to: '/catalogues' }],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  viteFinal: async (viteConfig) =>
    mergeConfig(viteConfig, {
      // the workspace packages from their sources (scripts/source-aliases.mjs): no build needed before Storybook
      plugins: [sourceAliasPlugin()],
      esbuild: { tsconfigRaw: { compilerOptions: { experimentalDecorators: true, useDefineForClassFields: false } } },
    }),
};
export default config;
