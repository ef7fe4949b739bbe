// The bytes a visitor downloads, checked after `npm run build` (npm test runs it).
//
// - banner: what a first-time French visitor downloads for the banner: the entry,
//   every chunk it imports statically, and dist/locales/fr.js;
// - everything: that, plus every lazily loaded part (dialog, table, script gate,
//   proof of consent), still with one language (its banner and details texts).
//
// Sizes are brotli at quality 11, as a server that compresses ahead of time
// would send them. The check fails above each `limit`; `goal` is where we are
// heading (issue #9) and is printed for the record. Lower a limit whenever the
// bundle shrinks, so that it cannot grow back unnoticed.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, posix, relative } from 'node:path';
import { brotliBytes } from './brotli-size.mjs';

const DIST = 'dist';
const ENTRY = join(DIST, 'cookie-consent.js');
const LANGUAGE = join(DIST, 'locales', 'fr.js');
const LANGUAGE_DETAILS = join(DIST, 'locales', 'fr.details.js');
const HYDRATE = join(DIST, 'hydrate.js');
const KIB = 1024;

const BUDGETS = {
  banner: { limit: 16708, goal: 9 * KIB },
  everything: { limit: 31903, goal: 12 * KIB },
};

function brotliSize(file) {
  return brotliBytes(readFileSync(file));
}

/** The files `file` imports statically (`import … from "./x.js"`, `import "./x.js"`), transitively. */
function staticClosure(file, seen = new Set()) {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(file, 'utf8');
  for (const [, specifier] of code.matchAll(
    /(?:^|[;}\s])import\s*(?:[^"'`()]*?from\s*)?["']([^"']+)["']/g,
  )) {
    if (specifier.startsWith('.')) staticClosure(join(dirname(file), specifier), seen);
  }
  return seen;
}

/** Every JavaScript file of dist/ but the languages and hydrate.js (for server-rendered pages only). */
function allParts() {
  return readdirSync(DIST, { recursive: true })
    .map((name) => join(DIST, name))
    .filter(
      (file) => file.endsWith('.js') && !file.includes(`${DIST}/locales/`) && file !== HYDRATE,
    );
}

function measure() {
  const banner = [...staticClosure(ENTRY), LANGUAGE];
  const everything = [...allParts(), LANGUAGE, LANGUAGE_DETAILS];
  const total = (files) => files.reduce((sum, file) => sum + brotliSize(file), 0);
  return {
    banner: { files: banner, bytes: total(banner) },
    everything: { files: everything, bytes: total(everything) },
  };
}

function main() {
  const sizes = measure();
  let failed = false;
  for (const [name, { limit, goal }] of Object.entries(BUDGETS)) {
    const { files, bytes } = sizes[name];
    const over = bytes > limit;
    failed ||= over;
    const list = files.map((file) => posix.normalize(relative(DIST, file))).join(', ');
    console.log(
      `${over ? '✗' : '✓'} ${name}: ${bytes} B brotli (limit ${Math.round(limit)} B, goal ${goal} B) — ${list}`,
    );
  }
  // The README states both totals: they must be the ones measured here.
  const readme = readFileSync('README.md', 'utf8').replace(/\s+/g, ' ');
  const stated = /downloads ([\d,]+) B for the banner, and ([\d,]+) B with everything/.exec(readme);
  const figures = [sizes.banner.bytes, sizes.everything.bytes].map((bytes) =>
    bytes.toLocaleString('en-US'),
  );
  if (!stated || stated[1] !== figures[0] || stated[2] !== figures[1]) {
    console.log(
      `✗ the README's Size section says ${stated ? `${stated[1]} B and ${stated[2]} B` : 'no totals'}; measured ${figures[0]} B and ${figures[1]} B`,
    );
    failed = true;
  }
  // A language must not add bytes to the entry: it names no locale module.
  const entry = readFileSync(ENTRY, 'utf8');
  const named = entry.match(/locales\/[a-z]{2}[^"'`]*\.js/g);
  if (named) {
    console.log(`✗ the entry names locale modules: ${named.join(', ')}`);
    failed = true;
  }
  if (failed) {
    console.error('Size check failed: see scripts/check-size.mjs.');
    process.exit(1);
  }
}

main();
