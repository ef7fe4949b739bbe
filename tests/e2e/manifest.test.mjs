// custom-elements.json, as the package ships it (after `npm run build`): what
// editors, Storybook and type generators read must point at shipped files.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';

const root = new URL('../../', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('custom-elements.json', root), 'utf8'));
const { files } = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));
const TAGS = ['cookie-banner', 'cookie-preferences', 'cookie-table', 'cookie-embed'];

const definitions = manifest.modules.flatMap((module) =>
  (module.exports ?? [])
    .filter((entry) => entry.kind === 'custom-element-definition')
    .map((entry) => ({ in: module.path, tag: entry.name, ...entry.declaration })),
);

describe('custom-elements.json', () => {
  it('names only modules the package ships', () => {
    const named = new Set(JSON.stringify(manifest).match(/(?<="module":")[^"]+/g));
    for (const module of manifest.modules) named.add(module.path);
    for (const path of named) {
      assert.ok(files.includes(path.split('/')[0]), `${path} is not in package.json's files`);
      assert.ok(existsSync(new URL(path, root)), `${path} does not exist`);
    }
  });

  it('defines each element in the package entry, from the module that declares its class', () => {
    for (const tag of TAGS) {
      const definition = definitions.find(
        (entry) => entry.in === 'lib/index.js' && entry.tag === tag,
      );
      assert.ok(definition, `lib/index.js does not define <${tag}>`);
      const declared = manifest.modules.find((module) => module.path === definition.module);
      assert.ok(
        declared?.declarations.some((d) => d.name === definition.name && d.tagName === tag),
        `<${tag}>: ${definition.name} is not declared in ${definition.module}`,
      );
    }
    assert.deepEqual(
      definitions.filter((entry) => !TAGS.includes(entry.tag)),
      [],
    );
  });

  it('gives defaults as values', () => {
    const banner = manifest.modules
      .flatMap((module) => module.declarations ?? [])
      .find((declaration) => declaration.tagName === 'cookie-banner');
    const attribute = banner.attributes.find((entry) => entry.name === 'cookie-name');
    assert.equal(attribute.default, "'cookies_preferences'");
  });
});
