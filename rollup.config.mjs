// dist/cookie-consent.js: the one ES module a page loads with a <script> tag.
// Lit is bundled in its production build; each language is a chunk of its
// own, loaded by relative URL only when a visitor needs it.
import resolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';

export default {
  input: { 'cookie-consent': 'src/index.ts' },
  // Lets language chunks import from the entry instead of splitting it into a facade.
  preserveEntrySignatures: 'allow-extension',
  output: {
    dir: 'dist',
    format: 'es',
    entryFileNames: '[name].js',
    chunkFileNames: 'chunks/[name]-[hash].js',
    sourcemap: true,
  },
  plugins: [
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
