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
import MagicString from 'magic-string';
import { minifyCss } from './scripts/minify-css.mjs';
import { hasElementTemplates, minifyTemplates } from './scripts/minify-templates.mjs';

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

/**
 * lit-html creates its Trusted Types policy, named `lit-html`, as it is
 * imported. A host page's own Lit creates it too, and a page's `trusted-types`
 * directive may allow it once only (or not at all): our copy asks
 * `litTemplateHTML` (src/trusted-types.ts) instead, which creates
 * `cookie-consent-lit` when first needed. Matches the production build and the
 * development one (which the test server serves); throws if lit-html changed.
 */
const LIT_POLICY =
  /(\w+)\s*\?\s*\1\.createPolicy\(\s*(["'])lit-html\2\s*,\s*\{\s*createHTML:\s*\(?(\w+)\)?\s*=>\s*\3\s*,?\s*\}\s*\)\s*:\s*(?:void 0|undefined)/;

/** lit-html's `code` with our policy; `helper` is the specifier of src/trusted-types.ts. */
export function renameLitPolicy(code, helper) {
  const renamed = code.replace(LIT_POLICY, '{ createHTML: litTemplateHTML }');
  if (renamed === code) {
    throw new Error(
      "lit-html's Trusted Types policy (createPolicy('lit-html', …)) was not found: update LIT_POLICY in rollup.config.mjs",
    );
  }
  // At the end, so that the lines of the source map do not move: imports are hoisted.
  return `${renamed}\nimport { litTemplateHTML } from ${JSON.stringify(helper)};\n`;
}

function litTrustedTypesPolicy() {
  const litHtml = /[\\/]node_modules[\\/]lit-html[\\/]lit-html\.js$/;
  let renamed = false;
  return {
    name: 'lit-trusted-types-policy',
    transform(code, id) {
      if (!litHtml.test(id)) return null;
      renamed = true;
      return { code: renameLitPolicy(code, resolvePath('src/trusted-types.ts')), map: null };
    },
    buildEnd(error) {
      if (!error && !renamed)
        this.error('lit-html/lit-html.js was not bundled: its policy kept its name');
    },
  };
}

/**
 * Minifies the element styles (`css` templates of `*.styles.ts`) in the
 * bundle. Styles are not part of a template's identity, so a banner rendered
 * on the server from lib/ (whose styles keep their layout) still hydrates.
 */
function minifyStyles() {
  const styles = /[\\/]src[\\/].*\.styles\.ts$/;
  return {
    name: 'minify-styles',
    transform(code, id) {
      if (!styles.test(id)) return null;
      const output = new MagicString(code);
      // TypeScript writes the tag as `css \``.
      for (const match of code.matchAll(/\bcss\s*`([^`]*)`/g)) {
        // Its raw text is then its value: what the tests check minifyCss on.
        if (/\$\{|\\/.test(match[1])) this.error(`${id}: a css template with \${…} or \\`);
        const start = match.index + match[0].length - match[1].length - 1;
        output.overwrite(start, start + match[1].length, minifyCss(match[1]));
      }
      if (!output.hasChanged()) this.error(`${id}: no css template found to minify`);
      return { code: output.toString(), map: output.generateMap({ hires: true }) };
    },
  };
}

/**
 * Collapses the whitespace of the elements' `html` templates in the bundle, as
 * `npm run build` does in lib/ (scripts/minify-templates.mjs): a banner
 * rendered on the server hydrates only if both have the same templates.
 */
function minifyElementTemplates() {
  return {
    name: 'minify-element-templates',
    transform(code, id) {
      if (!id.includes(`${resolvePath('src')}/`) || !hasElementTemplates(id)) return null;
      const output = minifyTemplates(code);
      if (!output.hasChanged()) return null;
      return { code: output.toString(), map: output.generateMap({ hires: true }) };
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
    // The hash alone: the entry names every chunk it may load, and module names
    // cost it bytes (about 60 B brotli); the source maps still name the modules.
    chunkFileNames: 'chunks/[hash].js',
    sourcemap: true,
  },
  plugins: [
    languagesByUrl(),
    litTrustedTypesPolicy(),
    resolve({ exportConditions: ['production'], browser: true }),
    typescript({
      tsconfig: './tsconfig.json',
      compilerOptions: { noEmit: false, declaration: false, sourceMap: true, outDir: 'dist' },
      include: ['src/**/*.ts'],
      noEmitOnError: true,
    }),
    // After TypeScript, which compiles the files on disk rather than transformed code.
    minifyStyles(),
    minifyElementTemplates(),
    // A second pass finds what the first one's inlining left (-20 B brotli); more find nothing.
    terser({ ecma: 2021, module: true, compress: { passes: 2 }, format: { comments: false } }),
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
      include: ['src/consent-mode-default.ts', 'src/consent/google-consent-types.ts'],
      noEmitOnError: true,
    }),
    terser({ ecma: 2021, format: { comments: false } }),
  ],
};

/**
 * Lit's hydration, for pages that render the banner on the server: a module
 * loaded before dist/cookie-consent.js (Lit must find it as it starts). It
 * brings the lit-html it hydrates with, which then renders the elements it
 * patched; built apart, it adds nothing to the entry of other pages.
 */
const hydrate = {
  input: 'src/hydrate.ts',
  output: { file: 'dist/hydrate.js', format: 'es', sourcemap: true },
  plugins: [
    litTrustedTypesPolicy(),
    resolve({ exportConditions: ['production'], browser: true }),
    typescript({
      tsconfig: './tsconfig.json',
      compilerOptions: { noEmit: false, declaration: false, sourceMap: true, outDir: 'dist' },
      include: ['src/hydrate.ts', 'src/trusted-types.ts'],
      noEmitOnError: true,
    }),
    terser({ ecma: 2021, module: true, format: { comments: false } }),
  ],
};

export default [scriptTag, consentModeDefault, hydrate];
