// The README's inventories are ones the library accepts: every ```json block,
// and every <script type="application/json"> in its HTML snippets, passes the
// inventory's checks (vendors, storage and GPC flags included), as the built
// package (lib/) runs them. Run by `npm test` after the build.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';

await import('../../lib/consent/vendor-rules.js');
const { findInventoryProblems } = await import('../../lib/consent/inventory-problems.js');

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const blocks = (language) =>
  [...readme.matchAll(new RegExp('```' + language + '\\n([\\s\\S]*?)```', 'g'))].map(
    ([, body]) => body,
  );

const inventories = [
  ...blocks('json').map((body) => ({ where: 'a json block', text: body })),
  ...blocks('html').flatMap((body) =>
    [...body.matchAll(/<script type="application\/json">([\s\S]*?)<\/script>/g)].map(
      ([, text]) => ({ where: 'an html snippet', text }),
    ),
  ),
];

describe('the README', () => {
  it('shows inventories: at least the page snippet and the vendors example', () => {
    assert.ok(inventories.length >= 2, `found ${inventories.length}`);
    assert.ok(inventories.some(({ text }) => text.includes('"vendors"')));
  });

  for (const [index, { where, text }] of inventories.entries()) {
    it(`inventory ${index + 1} (${where}) passes the checks`, () => {
      assert.deepEqual(findInventoryProblems(JSON.parse(text)), []);
    });
  }

  it('holds embedded content in a <template> whose element gives the width and height', () => {
    const embed = blocks('html').find((body) => body.includes('<cookie-embed'));
    assert.ok(embed, 'an embed snippet');
    const template = /<template>([\s\S]*?)<\/template>/.exec(embed)?.[1] ?? '';
    assert.match(template, /<iframe[\s\S]*\swidth="\d+"[\s\S]*\sheight="\d+"/);
  });

  for (const [language, files] of Object.entries({
    tsx: ['examples/react/src/main.tsx'],
    vue: [
      'examples/vue/vite.config.js',
      'examples/vue/src/env.d.ts',
      'examples/vue/src/main.ts',
      'examples/vue/src/App.vue',
    ],
    svelte: [
      'examples/svelte/src/app.d.ts',
      'examples/svelte/src/main.ts',
      'examples/svelte/src/App.svelte',
    ],
    typescript: ['examples/angular/src/app.ts'],
    astro: ['examples/astro/astro.config.mjs', 'examples/astro/src/pages/index.astro'],
  })) {
    it(`shows only lines of ${files[0].split('/').slice(0, 2).join('/')} in its ${language} snippet`, () => {
      const [snippet] = blocks(language);
      assert.ok(snippet, `no ${language} block`);
      const example = files
        .map((file) => readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8'))
        .join('\n');
      const lines = new Set(example.split('\n').map((line) => line.trim()));
      for (const line of snippet.split('\n').filter((line) => line.trim() !== '')) {
        assert.ok(lines.has(line.trim()), `not in ${files.join(', ')}: ${line.trim()}`);
      }
    });
  }
});

// Every line of the Django snippets (```python and ```django blocks, in this
// README and the example's) is a line the example site runs: its settings,
// URLs or page. Lines with "…" and comments stand for what is left out.
describe('the Django snippets', () => {
  const read = (path) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
  const example = 'examples/django/example_site/';
  const sources = ['settings.py', 'urls.py', 'templates/home.djhtml'].map((file) => ({
    file,
    lines: new Set(
      read(example + file)
        .split('\n')
        .map((line) => line.trim()),
    ),
  }));
  for (const document of ['README.md', 'examples/django/README.md']) {
    const snippets = [...read(document).matchAll(/```(python|django)\n([\s\S]*?)```/g)].map(
      ([, , body]) => body,
    );
    it(`${document} shows the set-up in Python and in a template`, () => {
      assert.ok(snippets.length >= 3, `found ${snippets.length}`);
    });
    for (const [index, body] of snippets.entries()) {
      it(`${document}, snippet ${index + 1}, is in the example`, () => {
        const missing = body
          .split('\n')
          .map((line) => line.trim())
          .filter((line) => line && !line.includes('…') && !/^(#|\{#)/.test(line))
          .filter((line) => !sources.some(({ lines }) => lines.has(line)));
        assert.deepEqual(missing, [], `not in ${example}{${sources.map(({ file }) => file)}}`);
      });
    }
  }
});
