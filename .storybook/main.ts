/**
 * Storybook (web components + Vite). What differs from a stock setup:
 *
 * - TypeScript goes through Vite's Oxc transform, which would emit standard decorators and
 *   `define` class fields; the library is written for `experimentalDecorators` and
 *   `useDefineForClassFields: false` (tsconfig.json), so the same is set here. Without it
 *   the build succeeds and the browser fails on the first `@property`.
 * - Argument tables come from `custom-elements.json`, the package's manifest, which the
 *   storybook scripts generate first (`npm run manifest`; see custom-elements.ts).
 */
import { defineMain } from '@storybook/web-components-vite/node';
import { mergeConfig } from 'vite';
import { customElementsPlugin } from './custom-elements.ts';

export default defineMain({
  framework: { name: '@storybook/web-components-vite', options: {} },
  // MDX pages (Theming) and the elements' stories.
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs'],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  async viteFinal(config) {
    return mergeConfig(config, {
      oxc: {
        decorator: { legacy: true },
        assumptions: { setPublicClassFields: true },
        typescript: { removeClassFieldsWithoutInitializer: true },
      },
      plugins: [customElementsPlugin()],
      build: {
        // Storybook's own preview runtime is one ~900 kB chunk; nothing to act on.
        chunkSizeWarningLimit: 1500,
        rolldownOptions: { checks: { bundlerTimings: false } },
      },
    });
  },
});
