import { chromeLauncher } from '@web/test-runner-chrome';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { testServerMiddleware } from './tests/server/test-server.mjs';
import { summaryReporter } from './tests/server/summary-reporter.mjs';
import { defaultReporter } from '@web/test-runner';
import { CHROMIUM_ARGS } from './scripts/browser.mjs';
import { keepPageOffline } from './scripts/offline-tiles.mjs';
import { wdsSourceAliases } from './scripts/source-aliases.mjs';

export default {
  files: ['packages/*/test/**/*.test.ts', 'tests/**/*.test.ts'],
  nodeResolve: { exportConditions: ['browser', 'import', 'default'] },
  rootDir: '.',
  concurrency: 1,
  concurrentBrowsers: 1,
  testFramework: { config: { timeout: 20000 } },
  testsFinishTimeout: 15 * 60 * 1000,
  browserStartTimeout: 60000,
  middleware: [testServerMiddleware()],
  // the workspace packages from their sources (scripts/source-aliases.mjs), before node resolution finds their dist/
  plugins: [wdsSourceAliases(), esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.base.json' })],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
        headless: true,
        args: CHROMIUM_ARGS,
      },
      // no test reaches the internet: the map's default tiles (IGN) are served locally
      createPage: async ({ context }) => keepPageOffline(await context.newPage()),
    }),
  ],
  reporters: [defaultReporter({ reportTestResults: true, reportTestProgress: false }), summaryReporter()],
};
