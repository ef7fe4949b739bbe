import { defineMain } from '@storybook/web-components-vite/node';
import { mergeConfig } from 'vite';

/**
 * The catalog of the three elements: the introduction, one stories file per
 * element, autodocs from `custom-elements.json`, accessibility checks, and the
 * Vitest addon that runs every story as a test. It needs no network: no
 * telemetry, no update check, no fonts or assets from elsewhere.
 */
export default defineMain({
  framework: '@storybook/web-components-vite',
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest'],
  core: {
    disableTelemetry: true,
    disableWhatsNewNotifications: true,
  },
  async viteFinal(config, { configType }) {
    return mergeConfig(config, {
      // A build lists only problems; Storybook's own chunks (axe, the docs blocks) are large by nature.
      ...(configType === 'PRODUCTION'
        ? { logLevel: 'warn', build: { chunkSizeWarningLimit: 1200 } }
        : {}),
      optimizeDeps: {
        // Pre-bundled together, or Vite discovers Lit's entry points one by one
        // and the page ends up with two copies of Lit ("Multiple versions of Lit loaded").
        include: [
          'lit',
          'lit/decorators.js',
          'lit/directive-helpers.js',
          'lit/directives/if-defined.js',
          '@lit/localize',
        ],
      },
    });
  },
});
