// Every path the package exports can be imported on a server (a framework's
// server render, a build step) without a DOM: nothing throws, whatever page
// global a future Node may add is absent, and the elements still register. Each
// import runs in a fresh Node process, by the package's own name (Node resolves
// a package's name from inside it through its `exports`), after `npm run build`.
// It runs on the Node.js running the tests and on Node.js 22 (scripts/node-22.mjs).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { node22 } from '../../scripts/node-22.mjs';

const root = new URL('../../', import.meta.url);
const { name, exports } = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));

/**
 * The globals a browser has and a server does not, made absent for certain:
 * code may look for them (`typeof document`), and throws if it uses them. Lit's
 * server build brings its own `HTMLElement` and `customElements`, so those two
 * are left alone.
 */
const PAGE_GLOBALS = [
  'window',
  'document',
  'location',
  'localStorage',
  'sessionStorage',
  'MutationObserver',
  'ResizeObserver',
  'Element',
  'Node',
  'ShadowRoot',
  'CSSStyleSheet',
  'HTMLScriptElement',
];

/** Imports `specifier` in a new `node` process without the page's globals; throws with its error. */
function importOnServer(node, specifier) {
  const program = `
    for (const name of ${JSON.stringify(PAGE_GLOBALS)}) {
      Object.defineProperty(globalThis, name, { configurable: true, value: undefined });
    }
    await import(${JSON.stringify(specifier)});
    console.log('imported');
  `;
  const output = execFileSync(node, ['--input-type=module', '-e', program], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return output.trim().split('\n').at(-1);
}

// A path with types only (`./vue`) has nothing to import.
const specifiers = Object.entries(exports)
  .filter(
    ([subpath, target]) =>
      !subpath.endsWith('.json') && (typeof target === 'string' || target.default),
  )
  .map(([subpath]) => subpath)
  .map((subpath) => (subpath === '.' ? name : `${name}/${subpath.slice(2)}`));

// The Node.js running the tests (20 in this project's CI) and Node.js 22.
const nodes = [...new Set([process.execPath, node22()])];
const versionOf = (node) => execFileSync(node, ['--version'], { encoding: 'utf8' }).trim();

for (const node of nodes) {
  describe(`importing the package on a server (Node ${versionOf(node)})`, () => {
    it('covers the package entry and every script it exports', () => {
      assert.ok(specifiers.includes(name), specifiers.join(', '));
      assert.ok(specifiers.length >= 2, specifiers.join(', '));
    });

    for (const specifier of specifiers) {
      it(`${specifier}: throws nothing`, () => {
        assert.equal(importOnServer(node, specifier), 'imported');
      });
    }

    it('still defines the elements, in the registry a server render reads', () => {
      const program = `
        await import(${JSON.stringify(name)});
        console.log(['cookie-banner', 'cookie-preferences', 'cookie-table', 'cookie-embed']
          .map((tag) => typeof customElements.get(tag)).join(' '));
      `;
      const output = execFileSync(node, ['--input-type=module', '-e', program], {
        cwd: root,
        encoding: 'utf8',
      });
      assert.equal(output.trim(), 'function function function function');
    });
  });
}
