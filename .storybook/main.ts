import { defineMain } from '@storybook/web-components-vite/node';
import { mergeConfig, type Plugin } from 'vite';

/**
 * The catalog of the three elements: the introduction, one stories file per
 * element, autodocs from `custom-elements.json`, accessibility checks, and the
 * Vitest addon that runs every story as a test. It needs no network: no
 * telemetry, no update check, no fonts or assets from elsewhere.
 */
/**
 * Resolves packages' `production` export condition where Vite would pick
 * `development` (its default outside a production build). After Storybook's
 * own plugin, which lists Vite's default conditions.
 */
const productionExports: Plugin = {
  name: 'production-exports',
  enforce: 'post',
  config(config) {
    const conditions = config.resolve?.conditions;
    if (conditions) {
      config.resolve!.conditions = conditions.map((condition) =>
        condition === 'development|production' ? 'production' : condition,
      );
    }
  },
};

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
      // `npm run test:stories` (Vitest) runs Lit's production build, as the
      // package ships it: the development build prints "Lit is in dev mode" in
      // every test file. `npm run storybook` keeps it, with its warnings.
      plugins: process.env.VITEST ? [productionExports] : [],
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
