// The bytes a visitor downloads, checked after `npm run build` (npm test runs it).
//
// Totals, each with the static imports of its files and one language (French):
// - banner: what a first-time visitor downloads for the banner: the entry, every
//   chunk it imports statically, and dist/locales/fr.js;
// - site: a site with a dialog, a table and a gated script: that, plus the
//   dialog, the table, the script gate and the details texts (fr.details.js),
//   without vendors, embeds, Global Privacy Control, Consent Mode or proofs;
// - everything: every part of dist/ but hydrate.js (for server-rendered pages).
//
// Sizes are brotli at quality 11, as a server that compresses ahead of time
// would send them. The check fails above each `limit`; `goal` is where we are
// heading. Lower a limit whenever the bundle shrinks, so that it cannot grow back
// unnoticed.
//
// The README's Size section is written from the same measures: between its
// `size-table` markers it must be what `node scripts/check-size.mjs --write`
// puts there, or the check fails.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, posix, relative } from 'node:path';
import { brotliBytes } from './brotli-size.mjs';

const DIST = 'dist';
const ENTRY = join(DIST, 'cookie-consent.js');
const LANGUAGE = join(DIST, 'locales', 'fr.js');
const LANGUAGE_DETAILS = join(DIST, 'locales', 'fr.details.js');
const HYDRATE = join(DIST, 'hydrate.js');
const README = 'README.md';
const KIB = 1024;

const BUDGETS = {
  banner: { limit: 16506, goal: 11 * KIB },
  site: { limit: 25302, goal: 16 * KIB },
  // No goal: sites add only the parts they use; the limit keeps each from growing.
  everything: { limit: 33349 },
};

/**
 * The rows of the README's table: each lazily loaded part counts the chunks it
 * imports statically that the entry (and the part it comes `after`) do not
 * already bring.
 */
const PARTS = [
  ['`cookie-consent.js`: the banner, Lit, the consent core', { entry: true }],
  ["the banner's texts in one language, e.g. `locales/fr.js`", { file: LANGUAGE }],
  [
    'the room kept for focus at the end of the page, once the banner shows',
    { chunk: 'components/cookie-banner/focus-not-obscured.ts' },
  ],
  [
    'the preferences dialog (with the table), when it is opened',
    { chunk: 'components/cookie-preferences/cookie-preferences.define.ts' },
  ],
  [
    "the dialog's, the table's and the embed's texts, e.g. `locales/fr.details.js`",
    { file: LANGUAGE_DETAILS },
  ],
  [
    '`<cookie-table>` alone, on a page that has one',
    { chunk: 'components/cookie-table/cookie-table.define.ts' },
  ],
  [
    '`<cookie-embed>`, on a page that has one',
    { chunk: 'components/cookie-embed/cookie-embed.define.ts' },
  ],
  [
    'the rules of vendors, storage and Global Privacy Control, for inventories with any',
    { chunk: 'consent/vendor-rules.ts' },
  ],
  [
    "the banner's Global Privacy Control note, when the browser sends the signal",
    { chunk: 'components/gpc-note.ts' },
  ],
  [
    "the words of an invalid inventory's console report",
    { chunk: 'consent/inventory-problems.ts' },
  ],
  [
    'the check of a cookie list of more than 1,000 entries, after the first render',
    { chunk: 'consent/late-check-slices.ts' },
  ],
  [
    'the script gate, on a page with scripts waiting for consent',
    { chunk: 'consent/script-gate.ts' },
  ],
  [
    'the proof of consent, on a site with a `consent-endpoint`',
    { chunk: 'consent/proof-of-consent.ts' },
  ],
  [
    'Google Consent Mode, on a site whose inventory uses it',
    { chunk: 'consent/google-consent-mode.ts' },
  ],
  [
    'its set-up checks (console messages), on the same sites',
    { chunk: 'consent/google-consent-mode-check.ts', after: 'consent/google-consent-mode.ts' },
  ],
  [
    "Google's defaults, `consent-mode-default.js` (a classic script)",
    { file: join(DIST, 'consent-mode-default.js') },
  ],
];

const sizes = new Map();
function brotliSize(file) {
  if (!sizes.has(file)) sizes.set(file, brotliBytes(readFileSync(file)));
  return sizes.get(file);
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

/** The chunk of dist/chunks/ that holds the module `src/<module>`, found by its source map. */
function chunk(module) {
  const found = readdirSync(join(DIST, 'chunks'))
    .filter((file) => file.endsWith('.js'))
    .map((file) => join(DIST, 'chunks', file))
    .filter((file) =>
      JSON.parse(readFileSync(`${file}.map`, 'utf8')).sources.some((source) =>
        source.endsWith(`src/${module}`),
      ),
    );
  if (found.length !== 1)
    throw new Error(`expected one chunk with src/${module}, found ${found.length}`);
  return found[0];
}

/** Every JavaScript file of dist/ but the languages and hydrate.js (for server-rendered pages only). */
function allParts() {
  return readdirSync(DIST, { recursive: true })
    .map((name) => join(DIST, name))
    .filter(
      (file) => file.endsWith('.js') && !file.includes(`${DIST}/locales/`) && file !== HYDRATE,
    );
}

const total = (files) => [...new Set(files)].reduce((sum, file) => sum + brotliSize(file), 0);

function measure() {
  const entry = [...staticClosure(ENTRY)];
  const lazy = (name, loaded = entry) =>
    [...staticClosure(chunk(name))].filter((file) => !loaded.includes(file));
  const banner = [...entry, LANGUAGE];
  const site = [
    ...banner,
    ...[
      'components/cookie-preferences/cookie-preferences.define.ts',
      'components/cookie-table/cookie-table.define.ts',
      'consent/script-gate.ts',
    ].flatMap((name) => lazy(name)),
    LANGUAGE_DETAILS,
  ];
  const everything = [...allParts(), LANGUAGE, LANGUAGE_DETAILS];
  const totals = Object.fromEntries(
    Object.entries({ banner, site, everything }).map(([name, files]) => [
      name,
      { files: [...new Set(files)], bytes: total(files) },
    ]),
  );
  const parts = PARTS.map(([label, { entry: isEntry, file, chunk: name, after }]) => ({
    label,
    bytes: total(
      isEntry ? entry : file ? [file] : lazy(name, after ? [...entry, ...lazy(after)] : entry),
    ),
  }));
  return { totals, parts };
}

const figure = (bytes) => bytes.toLocaleString('en-US');
const kib = (bytes) => `${bytes / KIB} KiB`;

/** The README's Size table and totals, laid out as prettier lays out a Markdown table. */
function sizeSection({ totals, parts }) {
  const rows = [['part', 'bytes'], ...parts.map(({ label, bytes }) => [label, figure(bytes)])];
  const widths = [0, 1].map((column) => Math.max(...rows.map((row) => row[column].length)));
  const line = (cells) => `| ${cells.map((cell, i) => cell.padEnd(widths[i])).join(' | ')} |`;
  const table = [
    line(rows[0]),
    line(widths.map((width) => '-'.repeat(width))),
    ...rows.slice(1).map(line),
  ];
  const { banner, site, everything } = totals;
  const reached = (name) => totals[name].bytes <= BUDGETS[name].goal;
  const goals = ['banner', 'site']
    .map(
      (name) =>
        `${kib(BUDGETS[name].goal)} ${name === 'banner' ? 'for the banner' : 'for that site'}`,
    )
    .join(' and ');
  const state =
    reached('banner') && reached('site')
      ? 'both reached'
      : reached('banner')
        ? 'the first reached'
        : 'not reached yet';
  return [
    ...table,
    '',
    `So a first-time French visitor downloads ${figure(banner.bytes)} B for the banner,`,
    `${figure(site.bytes)} B on a site with a dialog, a table and a gated script, and`,
    `${figure(everything.bytes)} B with everything (English needs no language file).`,
    `The goals are ${goals}: ${state}.`,
  ].join('\n');
}

const START = '<!-- size-table: written by `node scripts/check-size.mjs --write` -->';
const END = '<!-- /size-table -->';

/** The README with its Size section replaced by `section`. */
function readmeWith(section) {
  const readme = readFileSync(README, 'utf8');
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`${README} has no size-table markers`);
  return `${readme.slice(0, start + START.length)}\n\n${section}\n\n${readme.slice(end)}`;
}

function main() {
  const measured = measure();
  let failed = false;
  for (const [name, { limit, goal }] of Object.entries(BUDGETS)) {
    const { files, bytes } = measured.totals[name];
    const over = bytes > limit;
    failed ||= over;
    const list = files.map((file) => posix.normalize(relative(DIST, file))).join(', ');
    console.log(
      `${over ? '✗' : '✓'} ${name}: ${bytes} B brotli (limit ${limit} B${goal ? `, goal ${goal} B` : ''}) — ${list}`,
    );
  }
  const expected = readmeWith(sizeSection(measured));
  if (process.argv.includes('--write')) {
    writeFileSync(README, expected);
    console.log(`✓ ${README}'s Size section written`);
  } else if (readFileSync(README, 'utf8') !== expected) {
    console.log(
      `✗ ${README}'s Size section is not what was measured: run node scripts/check-size.mjs --write`,
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
