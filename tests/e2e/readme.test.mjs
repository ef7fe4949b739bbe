// The README's inventories are ones the library accepts: every ```json block,
// and every <script type="application/json"> in its HTML snippets, passes the
// inventory's checks (vendors, storage and GPC flags included), as the built
// package (lib/) runs them. Run by `npm test` after the build.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';

await import('../../lib/consent/vendor-rules.js');
const { findInventoryProblems } = await import('../../lib/consent/inventory.js');

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
});
