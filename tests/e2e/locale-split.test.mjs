// Each language's texts come in two modules (scripts/localize.mjs): the
// banner's, which every visitor downloads, and the details, fetched with the
// dialog, a table or an embed. The split follows the ids' prefixes; this
// checks it against the built bundle, after `npm run build`: the banner's
// module holds exactly the texts the banner's code asks for, and the details
// module exactly those only the lazily loaded parts ask for. A text moved to
// the wrong side fails here, not in front of a visitor who sees English.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';

const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));
const ENTRY = join(DIST, 'cookie-consent.js');
const { targetLocales } = JSON.parse(
  readFileSync(new URL('../../lit-localize.json', import.meta.url), 'utf8'),
);

/** The files `file` imports statically, transitively: what loads with the banner. */
function staticClosure(file, seen = new Set()) {
  if (seen.has(file)) return seen;
  seen.add(file);
  for (const [, specifier] of readFileSync(file, 'utf8').matchAll(
    /(?:^|[;}\s])import\s*(?:[^"'`()]*?from\s*)?["'](\.[^"']+)["']/g,
  )) {
    staticClosure(join(dirname(file), specifier), seen);
  }
  return seen;
}

/** The ids of the `msg()` calls in the given built files. */
function textIds(files) {
  return new Set(
    files.flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/\bid:"([\w-]+\.[\w.-]+)"/g)].map(([, id]) => id),
    ),
  );
}

async function templateIds(file) {
  const { templates } = await import(pathToFileURL(file).href);
  return Object.keys(templates).sort();
}

const bannerFiles = [...staticClosure(ENTRY)];
const lazyFiles = readdirSync(join(DIST, 'chunks'))
  .filter((name) => name.endsWith('.js'))
  .map((name) => join(DIST, 'chunks', name))
  .filter((file) => !bannerFiles.includes(file));
const bannerIds = textIds(bannerFiles);
const detailIds = [...textIds(lazyFiles)].filter((id) => !bannerIds.has(id)).sort();

describe('the split of each language into the banner’s texts and the details', () => {
  it('finds texts on both sides of the bundle', () => {
    assert.ok(bannerIds.has('action.accept-all'), [...bannerIds].join());
    assert.ok(detailIds.includes('table.caption'), detailIds.join());
  });

  for (const locale of targetLocales) {
    it(`puts in locales/${locale}.js exactly the texts the banner asks for`, async () => {
      assert.deepEqual(
        await templateIds(join(DIST, 'locales', `${locale}.js`)),
        [...bannerIds].sort(),
      );
    });

    it(`puts in locales/${locale}.details.js exactly the texts only the lazy parts ask for`, async () => {
      assert.deepEqual(await templateIds(join(DIST, 'locales', `${locale}.details.js`)), detailIds);
    });
  }
});
