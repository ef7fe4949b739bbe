// dist/cookie-consent.js: the one ES module a page loads with a <script> tag.
// Lit is bundled in its production build. Each language is two modules,
// dist/locales/<code>.js (the banner's texts) and <code>.details.js (the dialog's
// and the table's), fetched by relative URL only when a visitor needs them: the
// entry names no language but English, so it does not grow with their number.
import { readFileSync } from 'node:fs';
import { resolve as resolvePath } from 'node:path';
import resolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';

const localize = JSON.parse(readFileSync('lit-localize.json', 'utf8'));
const GENERATED = resolvePath(localize.output.outputDir);

/**
 * The dev and test servers load languages through a generated map of static
 * imports (one per language); in the bundle that map becomes one import by URL,
 * relative to the entry, so adding a language adds a file, not bytes to the entry.
 */
function languagesByUrl() {
  const loaders = resolvePath(GENERATED, 'loaders.ts');
  return {
    name: 'languages-by-url',
    load(id) {
      if (id !== loaders) return null;
      // Plain JavaScript: the TypeScript plugin compiles the file on disk, not this.
      return `import { allLocales, sourceLocale } from './locale-codes.js';
export const localeLoaders = {};
export const detailLoaders = {};
for (const locale of allLocales) {
  if (locale === sourceLocale) continue;
  localeLoaders[locale] = () => import(\`./locales/\${locale}.js\`);
  detailLoaders[locale] = () => import(\`./locales/\${locale}.details.js\`);
}
`;
    },
  };
}

const scriptTag = {
  input: {
    'cookie-consent': 'src/cookie-consent.ts',
    ...Object.fromEntries(
      localize.targetLocales.flatMap((locale) =>
        ['', '.details'].map((part) => [
          `locales/${locale}${part}`,
          `${GENERATED}/${locale}${part}.ts`,
        ]),
      ),
    ),
  },
  // Lets lazily loaded parts import from the entry instead of splitting it into a facade.
  preserveEntrySignatures: 'allow-extension',
  output: {
    dir: 'dist',
    format: 'es',
    entryFileNames: '[name].js',
    chunkFileNames: 'chunks/[name]-[hash].js',
    sourcemap: true,
  },
  plugins: [
    languagesByUrl(),
    resolve({ exportConditions: ['production'], browser: true }),
    typescript({
      tsconfig: './tsconfig.json',
      compilerOptions: { noEmit: false, declaration: false, sourceMap: true, outDir: 'dist' },
      include: ['src/**/*.ts'],
      noEmitOnError: true,
    }),
    terser({ ecma: 2021, module: true, format: { comments: false } }),
  ],
};

/**
 * Google Consent Mode's defaults: a classic script (not a module) for the
 * page's <head>, so that it runs before the Google tags that follow it.
 */
const consentModeDefault = {
  input: 'src/consent-mode-default.ts',
  output: { file: 'dist/consent-mode-default.js', format: 'iife', sourcemap: true },
  plugins: [
    typescript({
      tsconfig: './tsconfig.json',
      compilerOptions: { noEmit: false, declaration: false, sourceMap: true, outDir: 'dist' },
      include: ['src/consent-mode-default.ts'],
      noEmitOnError: true,
    }),
    terser({ ecma: 2021, format: { comments: false } }),
  ],
};

export default [scriptTag, consentModeDefault];
