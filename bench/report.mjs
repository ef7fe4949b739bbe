// Turns the samples of every run into medians, ratios, targets and the Markdown report
// (docs/benchmarks.md), whose tables are also what `npm run bench` prints.

import { BIG_COOKIES, SMALL_COOKIES, bigInventoryTable } from './big-inventory.mjs';
import { summarize } from './stats.mjs';

/** One frame at the 60 Hz that headless Chromium produces frames at. */
export const FRAME_MS = 1000 / 60;

/** The key of one measured variant in `results.samples`. */
export function variantKey({ widget, lang, inventory, cpu, firstFrameClick }) {
  const key = [widget, lang, inventory ?? 'none', `x${cpu}`];
  return (firstFrameClick ? [...key, 'first-frame-click'] : key).join('/');
}

const number = (value, digits) =>
  value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** How each measure is written: unit and decimals. */
const FORMATS = {
  ms: (value) => `${number(value, value < 100 ? 1 : 0)} ms`,
  kB: (value) => `${number(value / 1000, 1)} kB`,
  bytes: (value) => `${number(value, 0)} B`,
  count: (value) => number(value, Number.isInteger(value) ? 0 : 1),
  shift: (value) => number(value, 4),
};

/**
 * The rows of the side-by-side table of the typical inventory: measure name, label, format,
 * and for a delay, the measure whose no-widget median it subtracts.
 */
const COMPARISON_ROWS = [
  ['firstPaint', 'First paint', 'ms'],
  ['firstContentfulPaint', 'Host page: first contentful paint (FCP)', 'ms'],
  ['fcpDelay', '… delay vs the page without any widget', 'ms', 'firstContentfulPaint'],
  ['hostLcp', 'Host page: its own content’s largest contentful paint (LCP)', 'ms'],
  ['lcpDelay', '… delay vs the page without any widget', 'ms', 'hostLcp'],
  ['lcpIsHost', 'Runs where the page’s LCP element is its own content', 'runs'],
  ['bannerBuilt', 'Banner laid out (in the DOM, not yet necessarily visible)', 'ms'],
  ['bannerVisible', 'Banner visible', 'ms'],
  ['bannerAfterFirstPaint', 'Banner visible − first paint', 'ms'],
  ['buttonsReady', 'Buttons respond (visible, enabled, listener wired)', 'ms'],
  [
    'firstFrameClickHandled',
    'Click on accept all in the banner’s first visible frame → cookie by the next frame',
    'runs',
  ],
  ['scriptMs', 'Script time until settled (CDP ScriptDuration)', 'ms'],
  ['taskMs', 'Task time until settled (CDP TaskDuration)', 'ms'],
  ['longTaskCount', 'Long tasks until settled', 'count'],
  ['longTaskMs', 'Long tasks until settled, total', 'ms'],
  ['layoutShift', 'Layout shift until settled', 'shift'],
  ['shippedBrotli', 'JS+CSS loaded before any interaction, brotli 11', 'kB'],
  ['shippedRaw', 'JS+CSS loaded before any interaction, raw', 'kB'],
  ['clickToCookie', 'Click on accept all → decision cookie written', 'ms'],
  ['clickInputDelay', '… of which input delivery (input timestamp → first listener)', 'ms'],
  ['decisionCookieBytes', 'Decision cookie after accept all (name=value)', 'bytes'],
];
const LARGE_ROWS = [
  ['bannerVisible', 'Banner visible', 'ms'],
  ['scriptMs', 'Script time until settled', 'ms'],
  ['longTaskCount', 'Long tasks until settled', 'count'],
  ['layoutShift', 'Layout shift until settled', 'shift'],
  ['openPreferences', 'Customise → dialog visible and rendered, + 2 frames', 'ms'],
  ['openPreferencesBuilt', '… dialog content laid out (not yet necessarily visible)', 'ms'],
  ['openLongTaskCount', 'Long tasks while opening', 'count'],
  ['openLongTaskMs', 'Long tasks while opening, total', 'ms'],
  ['openRows', 'Cookie rows in the DOM when shown', 'count'],
  ['expandCategory', 'Then expanding one category → its 100 rows shown, + 2 frames', 'ms'],
  ['openAndExpand', 'Opening + expanding one category', 'ms'],
  ['openBrotli', 'JS+CSS loaded on opening, brotli 11', 'kB'],
  ['decisionCookieBytes', 'Decision cookie after accept all (name=value)', 'bytes'],
];

export const CPUS = [1, 4];
/** How the report names each page's widget. */
const WIDGET_NAMES = {
  empty: 'no widget',
  ours: 'ours',
  vanilla: 'vanilla',
  klaro: 'Klaro',
  tarteaucitron: 'tarteaucitron',
  server: 'ours rendered on the server',
};
/** The columns of the side-by-side tables, the page without any widget first. */
const COMPARED = ['empty', 'vanilla', 'klaro', 'tarteaucitron', 'ours', 'server'];
/** The four libraries whose banners race. */
const LIBRARIES = ['vanilla', 'klaro', 'tarteaucitron', 'ours'];
/** The page's own content may be its LCP for a delay of at most this share of its LCP. */
const LCP_DELAY_SHARE = 0.05;
const cpuName = (cpu) => (cpu === 1 ? 'unthrottled' : `CPU throttled ×${cpu}`);

/** `median (min–max)`, or the median alone when all runs agree; `runs`: how many of them. */
function cell(stats, format) {
  if (!stats) return 'n/a';
  if (format === 'runs') return `${number(stats.sum, 0)} of ${stats.n}`;
  const f = FORMATS[format];
  if (stats.min === stats.max) return f(stats.median);
  return `${f(stats.median)} (${f(stats.min)}–${f(stats.max)})`;
}

function table(header, rows) {
  const line = (cells) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** The statistics of one measure of one variant. */
function stat(results, variant, measure) {
  return summarize((results.samples[variantKey(variant)] ?? []).map((run) => run[measure]));
}

function median(results, variant, measure) {
  return stat(results, variant, measure)?.median;
}

const COLUMNS = (langs) =>
  langs.flatMap((lang) =>
    ['ours', 'vanilla'].map((widget) => ({
      widget,
      lang,
      title: `${widget === 'ours' ? 'ours' : 'vanilla'} ${lang.toUpperCase()}`,
    })),
  );

/**
 * The host page's delay on `measure` with `widget` in `lang` at `cpu`, in ms: the median over
 * the runs of its page's value minus the no-widget page's in the same run (loaded moments
 * apart, both see the same load of the machine).
 */
export function hostDelay(results, widget, lang, cpu, measure) {
  const inventory = widget === 'empty' ? undefined : 'standard';
  const pages = results.samples[variantKey({ widget, lang, inventory, cpu })] ?? [];
  const baselines = results.samples[variantKey({ widget: 'empty', lang, cpu })] ?? [];
  const delays = pages.map((page, run) => {
    const [own, baseline] = [page[measure], baselines[run]?.[measure]];
    return typeof own === 'number' && typeof baseline === 'number' ? own - baseline : null;
  });
  return summarize(delays)?.median;
}

/** Every library side by side on the typical inventory, with the page without any widget. */
function comparisonTable(results, { lang, cpu }) {
  const variant = (widget, measure) => ({
    widget,
    lang,
    cpu,
    inventory: widget === 'empty' ? undefined : 'standard',
    firstFrameClick: measure.startsWith('firstFrameClick') || undefined,
  });
  return table(
    ['measure', ...COMPARED.map((widget) => WIDGET_NAMES[widget])],
    COMPARISON_ROWS.map(([measure, label, format, delayOf]) => [
      label,
      ...COMPARED.map((widget) => {
        if (!delayOf) return cell(stat(results, variant(widget, measure), measure), format);
        const delay = hostDelay(results, widget, lang, cpu, delayOf);
        return delay === undefined ? 'n/a' : `${delay >= 0 ? '+' : ''}${FORMATS.ms(delay)}`;
      }),
    ]),
  );
}

function resultTable(results, { inventory, cpu, rows }) {
  const columns = COLUMNS(results.languages);
  return table(
    ['measure', ...columns.map((column) => column.title)],
    rows.map(([measure, label, format]) => [
      label,
      ...columns.map((column) =>
        cell(stat(results, { ...column, inventory, cpu }, measure), format),
      ),
    ]),
  );
}

/**
 * The targets of the brief, each checked per language and CPU setting on medians (ratios are
 * ours ÷ vanilla) or, for "no long task", "no layout shift" and the cookie size, on every run.
 */
export function evaluateTargets(results) {
  const ratio = (lang, cpu, inventory, measure) => {
    const ours = median(results, { widget: 'ours', lang, inventory, cpu }, measure);
    const theirs = median(results, { widget: 'vanilla', lang, inventory, cpu }, measure);
    return ours === undefined || !theirs ? undefined : ours / theirs;
  };
  const worst = (lang, cpu, inventory, measure) =>
    stat(results, { widget: 'ours', lang, inventory, cpu }, measure)?.max;
  const ratioTarget = (name, inventory, measure, limit) => ({
    name,
    check: (lang, cpu) => {
      const value = ratio(lang, cpu, inventory, measure);
      return value === undefined
        ? { text: 'n/a', met: false }
        : { text: `${number(value, 2)}×`, met: value <= limit };
    },
  });
  const signed = (ms) => `${ms >= 0 ? '+' : ''}${FORMATS.ms(ms)}`;
  const delayTargets = [
    ['hostLcp', 'LCP'],
    ['firstContentfulPaint', 'FCP'],
  ].flatMap(([measure, name]) => [
    {
      name: `Host page's ${name} delay (vs no widget) ≤ vanilla-cookieconsent's (ours / vanilla)`,
      check: (lang, cpu) => {
        const ours = hostDelay(results, 'ours', lang, cpu, measure);
        const theirs = hostDelay(results, 'vanilla', lang, cpu, measure);
        if (ours === undefined || theirs === undefined) return { text: 'n/a', met: false };
        // Within a frame of vanilla's, or below it: both delays are medians of frame times.
        return { text: `${signed(ours)} / ${signed(theirs)}`, met: ours <= Math.max(theirs, 0) };
      },
    },
    {
      name: `Host page's ${name} delay ≤ 5 % of the no-widget page's LCP`,
      check: (lang, cpu) => {
        const ours = hostDelay(results, 'ours', lang, cpu, measure);
        const lcp = median(results, { widget: 'empty', lang, cpu }, 'hostLcp');
        if (ours === undefined || !lcp) return { text: 'n/a', met: false };
        const share = ours / lcp;
        return {
          text: `${signed(ours)} = ${number(share * 100, 1)} %`,
          met: share <= LCP_DELAY_SHARE,
        };
      },
    },
  ]);
  const targets = [
    ...delayTargets,
    ratioTarget('Script time ≤ 1.0× vanilla', 'standard', 'scriptMs', 1.0),
    {
      name: 'Banner visible: ours the fastest of the four (ours ÷ the fastest of the others)',
      check: (lang, cpu) => {
        const times = LIBRARIES.map((widget) => [
          widget,
          median(results, { widget, lang, inventory: 'standard', cpu }, 'bannerVisible'),
        ]);
        const ours = times.find(([widget]) => widget === 'ours')[1];
        const others = times.filter(([widget, time]) => widget !== 'ours' && time !== undefined);
        if (ours === undefined || others.length < LIBRARIES.length - 1)
          return { text: 'n/a', met: false };
        const [fastest, time] = others.sort((a, b) => a[1] - b[1])[0];
        return {
          text: `${number(ours / time, 2)}× ${WIDGET_NAMES[fastest]}`,
          met: ours < time,
        };
      },
    },
    {
      name: 'Buttons respond in the frame the banner appears in (a click in that frame → decision cookie by the next frame, every run)',
      check: (lang, cpu) => {
        const handled = stat(
          results,
          { widget: 'ours', lang, inventory: 'standard', cpu, firstFrameClick: true },
          'firstFrameClickHandled',
        );
        if (!handled) return { text: 'n/a', met: false };
        return { text: `${handled.sum} of ${handled.n}`, met: handled.sum === handled.n };
      },
    },
    {
      name: 'No long task the library causes (median long tasks, ours / no widget)',
      check: (lang, cpu) => {
        const ours = median(
          results,
          { widget: 'ours', lang, inventory: 'standard', cpu },
          'longTaskCount',
        );
        const none = median(results, { widget: 'empty', lang, cpu }, 'longTaskCount');
        if (ours === undefined || none === undefined) return { text: 'n/a', met: false };
        return { text: `${number(ours, 1)} / ${number(none, 1)}`, met: ours <= none };
      },
    },
    ratioTarget('Banner visible ≤ 0.7× vanilla', 'standard', 'bannerVisible', 0.7),
    ratioTarget('Opening 1,000 cookies ≤ 0.5× vanilla', 'large', 'openPreferences', 0.5),
    {
      name: 'No long task during the page load (max of any run; 12 / 1,000 cookies)',
      check: (lang, cpu) => {
        const counts = ['standard', 'large'].map((inventory) =>
          worst(lang, cpu, inventory, 'longTaskCount'),
        );
        if (counts.some((count) => count === undefined)) return { text: 'n/a', met: false };
        const [standard, large] = counts;
        return { text: `max ${standard} / ${large}`, met: standard === 0 && large === 0 };
      },
    },
    {
      name: 'No layout shift (max of any run, both inventories)',
      check: (lang, cpu) => {
        const shifts = ['standard', 'large'].map((inventory) =>
          worst(lang, cpu, inventory, 'layoutShift'),
        );
        if (shifts.some((shift) => shift === undefined)) return { text: 'n/a', met: false };
        const largest = Math.max(...shifts);
        return { text: `max ${number(largest, 4)}`, met: largest === 0 };
      },
    },
    {
      name: `Banner visible in the first painted frame or the next (median banner − first paint ≤ ${number(FRAME_MS, 1)} ms)`,
      check: (lang, cpu) => {
        const value = median(
          results,
          { widget: 'ours', lang, inventory: 'standard', cpu },
          'bannerAfterFirstPaint',
        );
        return value === undefined
          ? { text: 'n/a', met: false }
          : { text: FORMATS.ms(value), met: value <= FRAME_MS };
      },
    },
    {
      name: 'Banner rendered on the server visible with the first paint (median banner − first paint ≤ 0 ms)',
      check: (lang, cpu) => {
        const value = median(
          results,
          { widget: 'server', lang, inventory: 'standard', cpu },
          'bannerAfterFirstPaint',
        );
        return value === undefined
          ? { text: 'n/a', met: false }
          : { text: FORMATS.ms(value), met: value <= 0 };
      },
    },
    {
      name: 'Decision cookie < 300 bytes after accept all (any run; 12 / 1,000 cookies)',
      check: (lang, cpu) => {
        const sizes = ['standard', 'large'].map((inventory) =>
          worst(lang, cpu, inventory, 'decisionCookieBytes'),
        );
        if (sizes.some((size) => size === undefined)) return { text: 'n/a', met: false };
        return {
          text: sizes.map((size) => FORMATS.bytes(size)).join(' / '),
          met: sizes.every((size) => size < 300),
        };
      },
    },
  ];
  return targets.map((target) => {
    const checks = CPUS.flatMap((cpu) =>
      results.languages.map((lang) => ({ lang, cpu, ...target.check(lang, cpu) })),
    );
    return { name: target.name, checks, met: checks.every((check) => check.met) };
  });
}

function targetsTable(results, targets) {
  const columns = CPUS.flatMap((cpu) =>
    results.languages.map((lang) => `${lang.toUpperCase()}, ${cpuName(cpu)}`),
  );
  return table(
    ['target', ...columns, 'met?'],
    targets.map((target) => [
      target.name,
      ...target.checks.map((check) => `${check.text} ${check.met ? '✅' : '❌'}`),
      target.met ? '**met**' : '**not met**',
    ]),
  );
}

/**
 * Each variant's files with their sizes and, as median over the runs, when they finished
 * loading (ms since navigation start): whether a chunk arrives before or after the banner.
 * @param {Record<string, object[][]>} fileRuns per variant key, the files of each run
 */
export function summarizeFiles(fileRuns) {
  const summary = {};
  for (const [key, runs] of Object.entries(fileRuns)) {
    const byPath = new Map();
    for (const file of runs.flat()) {
      const entry = byPath.get(file.path) ?? { ...file, ends: [], runs: 0 };
      entry.ends.push(file.end);
      entry.runs += 1;
      byPath.set(file.path, entry);
    }
    summary[key] = [...byPath.values()].map(({ ends, end: _end, ...file }) => ({
      ...file,
      end: summarize(ends)?.median ?? null,
    }));
  }
  return summary;
}

/** The files each library loads, before any interaction and when opening the preferences. */
function filesTable(results, cpu) {
  const rows = [];
  for (const inventory of ['standard', 'large']) {
    for (const widget of [...LIBRARIES, 'server']) {
      for (const lang of results.languages) {
        const key = variantKey({ widget, lang, inventory, cpu });
        for (const file of results.files[key] ?? []) {
          rows.push([
            `${WIDGET_NAMES[widget]} ${lang.toUpperCase()}, ${inventory}`,
            `\`${file.path}\``,
            file.phase === 'load' ? 'page load' : 'opening the preferences',
            FORMATS.kB(file.raw),
            FORMATS.kB(file.brotli),
            file.end === null ? 'n/a' : FORMATS.ms(file.end),
          ]);
        }
      }
    }
  }
  return table(['page', 'file', 'loaded on', 'raw', 'brotli 11', 'loaded at (median)'], rows);
}

/** The size of each HTML page, which carries the inventory or the configuration inline. */
function pagesTable(results) {
  const rows = Object.entries(results.pages ?? {}).map(([key, size]) => {
    const [widget, lang, inventory] = key.split('/');
    const what =
      widget === 'empty' ? 'empty page' : `${WIDGET_NAMES[widget]}, ${inventory} inventory`;
    return [`${what}, ${lang.toUpperCase()}`, FORMATS.kB(size.raw), FORMATS.kB(size.brotli)];
  });
  return table(['HTML page', 'raw', 'brotli 11'], rows);
}

/** Ours ÷ each library's medians, the measures the targets name and those that explain them. */
function ratiosTable(results) {
  const rows = [
    ['standard', 'bannerVisible', 'Banner visible', LIBRARIES],
    [
      'standard',
      'bannerBuilt',
      'Banner laid out (without vanilla’s 100 ms show delay)',
      ['vanilla'],
    ],
    ['standard', 'scriptMs', 'Script time', LIBRARIES],
    ['standard', 'taskMs', 'Task time', LIBRARIES],
    ['standard', 'shippedBrotli', 'JS+CSS before interaction, brotli', LIBRARIES],
    ['large', 'openPreferences', 'Opening 1,000 cookies', ['vanilla']],
    [
      'large',
      'openPreferencesBuilt',
      'Opening 1,000 cookies, laid out (without the delay)',
      ['vanilla'],
    ],
    ['large', 'expandCategory', 'Expanding one category of 100 cookies', ['vanilla']],
    ['large', 'openAndExpand', 'Opening + expanding one category', ['vanilla']],
    ['large', 'bannerVisible', 'Banner visible, 1,000-cookie inventory', ['vanilla']],
  ].flatMap(([inventory, measure, label, others]) =>
    others
      .filter((other) => other !== 'ours')
      .map((other) => [inventory, measure, `${label}, ÷ ${WIDGET_NAMES[other]}`, other]),
  );
  const columns = CPUS.flatMap((cpu) => results.languages.map((lang) => ({ cpu, lang })));
  return table(
    [
      'ours ÷ another library',
      ...columns.map(({ cpu, lang }) => `${lang.toUpperCase()}, ${cpuName(cpu)}`),
    ],
    rows.map(([inventory, measure, label, other]) => [
      label,
      ...columns.map(({ cpu, lang }) => {
        const ours = median(results, { widget: 'ours', lang, inventory, cpu }, measure);
        const theirs = median(results, { widget: other, lang, inventory, cpu }, measure);
        return ours === undefined || !theirs ? 'n/a' : `${number(ours / theirs, 2)}×`;
      }),
    ]),
  );
}

/** The result tables alone: what `npm run bench` prints. */
export function resultSections(results) {
  const sections = [];
  for (const cpu of CPUS) {
    for (const lang of results.languages) {
      sections.push(
        `### Typical inventory (4 categories, 12 cookies), ${lang.toUpperCase()}, ${cpuName(cpu)}`,
        comparisonTable(results, { lang, cpu }),
      );
    }
    sections.push(
      `### 1,000 cookies in 10 categories, ${cpuName(cpu)}`,
      resultTable(results, { inventory: 'large', cpu, rows: LARGE_ROWS }),
    );
  }
  return sections.join('\n\n');
}

export function targetsSection(results) {
  return `${targetsTable(results, evaluateTargets(results))}\n\n${ratiosTable(results)}`;
}

/** A word on a machine that was busy with other work meanwhile: its load average above its cores. */
function loadNote(machine) {
  const busiest = Math.max(...machine.loadStart, ...machine.loadEnd);
  if (busiest <= machine.cores) return '';
  return `
The machine was busy with other work during this run (load average up to
${number(busiest, 1)} on ${machine.cores} cores): every time is slower and more
spread than on an idle machine; compare the columns with each other, not with
another run's.
`;
}

/** Ours with 50,000 cookies (bench/big-inventory.mjs), when the run measured it. */
function bigInventorySection(results) {
  if (!results.bigInventory) return '';
  return `## Big inventories

Ours alone, with ${BIG_COOKIES.toLocaleString('en')} cookies, beside ${SMALL_COOKIES}: when the banner
appears, and how \`<cookie-table>\` and the dialog show their rows (a hundred at a time, each
group in a task of its own, shown as the visitor scrolls to them).

${bigInventoryTable(results.bigInventory)}

`;
}

/** The whole of docs/benchmarks.md. */
export function markdownReport(results) {
  const { machine } = results;
  const failures = results.failures.length
    ? `\n${results.failures.length} page loads failed and are left out: ${results.failures
        .slice(0, 5)
        .map((failure) => `${failure.key} (run ${failure.run}): ${failure.message}`)
        .join('; ')}${results.failures.length > 5 ? '; …' : ''}.\n`
    : '';
  return `# Benchmarks

<!-- Written by \`npm run bench\` (bench/run.mjs); do not edit by hand: run it again. -->

This library's elements side by side with
[vanilla-cookieconsent](https://github.com/orestbida/cookieconsent) ${machine.vanillaVersion},
[Klaro](https://github.com/klaro-org/klaro-js) ${machine.klaroVersion} and
[tarteaucitron](https://github.com/AmauriC/tarteaucitron.js) ${machine.tarteaucitronVersion},
and a page without any widget, each configured with the same inventory and the same texts: a
banner with "accept all", "reject all" and "customise", in French and in English, and for
ours and vanilla's, whose preferences list cookie by cookie, a dialog listing 1,000 cookies.
Every cell is the **median (min–max) of ${results.runs} runs**; each run is a page load in a
fresh browser context (no cache, no cookies), the pages alternating within each run, each
library starting in turn. Times are milliseconds since navigation start, unless said
otherwise. All files are served from this machine (no CDN).

\`\`\`sh
npm run bench                  # ${results.defaultRuns} runs (about fifteen minutes on 2 cores)
npm run bench -- --runs 15     # more runs
npm run bench -- --quick       # 3 runs, prints only (add --write to write this file)
node bench/run.mjs --screenshots /tmp/bench-shots   # PNGs of the banners and dialogs
node bench/profile.mjs         # where our page load's time goes (the section at the end)
\`\`\`

## Machine

| | |
| --- | --- |
| Date | ${machine.date} |
| CPU | ${machine.cpuModel}, ${machine.cores} cores |
| Load average (1, 5, 15 min) | ${machine.loadStart.join(', ')} at start; ${machine.loadEnd.join(', ')} at end |
| Chromium | ${machine.chromium} (headless, Debian) |
| Node.js | ${machine.node} |
| This library | ${machine.ours} |
| vanilla-cookieconsent | ${machine.vanillaVersion} |
| Klaro | ${machine.klaroVersion} |
| tarteaucitron | ${machine.tarteaucitronVersion} |
| Duration | ${number(machine.durationSeconds / 60, 1)} min |
${loadNote(machine)}${failures}
## Targets

${targetsSection(results)}

Delays are the median, over the runs, of the host page's time minus the no-widget
page's in the same run, language and CPU setting; ratios are ours ÷ another library's, on
medians; "met" means met in all four columns. A delay "≤ vanilla's" is met when
ours is at most vanilla's, or at most zero when vanilla's is negative. The
second table gives the ratios of the measures the targets name and of those that
explain them.

## Results

${resultSections(results)}

${bigInventorySection(results)}## Files

The JS and CSS responses of each page, unthrottled; "loaded at" is when the
response ended, in ms since navigation start (median of the runs).

${filesTable(results, 1)}

Not counted above: the HTML itself, which carries our inventory as JSON (both
languages) or the others' configurations (vanilla's: one translation per
language, each with its own copy of the cookie tables).

${pagesTable(results)}

## How it is measured

- **Pages.** One ordinary article page (navigation, heading, a lead paragraph
  in a larger type, paragraphs, inline style), identical for every library and
  for the page without any widget but for the widget, served by
  \`bench/server.mjs\` on 127.0.0.1 without compression and with
  \`Cache-Control: no-store\`. Ours, as the README sets it up: the module
  \`/dist/cookie-consent.js\`, a \`<link rel="modulepreload">\` of the page
  language's texts (\`/dist/locales/fr.js\`; none for English) and a
  \`<cookie-banner>\` with the inventory as a
  \`<script type="application/json">\` child ("Customise" creates the dialog).
  Vanilla: its stylesheet in the head, its ES module and \`CookieConsent.run()\`
  with the configuration inline (\`bench/inventory.mjs\` derives it from the same
  inventory: categories, texts, cookie tables with the same six columns,
  autoClear lists). Klaro: \`klaroConfig\` inline, then \`klaro.js\` (styles and
  translations included) deferred, from \`node_modules/klaro/dist\`; a notice at
  the bottom, full width, one service per category and provider, grouped by
  purpose (\`bench/competitors.mjs\`). tarteaucitron: its folder
  (\`node_modules/tarteaucitronjs\`) served under \`/vendor/tarteaucitron/\`,
  \`tarteaucitronForceCDN\` set to it, \`tarteaucitron.min.js\` in the head, then
  \`tarteaucitron.init()\` with a bar at the bottom, our texts
  (\`tarteaucitronCustomText\`) and one custom service per category and
  provider; it fetches its language, services and stylesheet from that folder
  once the page has loaded. All take the language from \`<html lang>\`. Viewport
  1280×800.
- **Host page's FCP and LCP.** The page's \`first-contentful-paint\` entry, and
  the last \`largest-contentful-paint\` candidate whose element is the page's own
  content (in its \`<header>\` or \`<main>\`), both read once the page has
  settled. Its delay is the median, over the runs, of its time minus the time
  of the page without any widget in the same run.
  The lead paragraph is the page's LCP element in every run where the row
  "LCP element is its own content" says so; a banner larger than it would
  take its place.
- **Banner rendered on the server.** The same page with ours, but the
  \`<cookie-banner>\` as a server writes it for a visitor without a decision:
  \`renderBanner()\` of \`cookie-consent-elements/server\` (declarative shadow
  DOM in the page language, its styles inline), with \`/dist/hydrate.js\` loaded
  before \`/dist/cookie-consent.js\`. "Buttons respond" is when the element has
  adopted that markup (\`hasUpdated\`); for ours rendered in the browser it is
  the same test, true from its first render. Typical inventory only.
- **Shipped bytes.** The bodies of every JS and CSS response the page loaded
  before the first click, whatever their names (chunks included); brotli sizes
  are computed on those bodies with node:zlib at quality 11. The inventory (ours)
  and the configuration (vanilla) are inline in both HTML pages and not counted.
- **Banner visible.** An init script checks once per animation frame, from the
  first frame on: the time of the first frame where the banner (ours: the
  \`role="region"\` element in \`<cookie-banner>\`'s shadow root; vanilla:
  \`#cc-main .cm\`) has a box in the viewport and passes
  \`checkVisibility({ opacityProperty: true, visibilityProperty: true })\`.
  "Laid out" is the first frame where it has a box, visible or not.
- **Banner − first paint.** The first-paint entry is stamped when that frame is
  presented, the banner check when a frame starts, so a banner that is part of
  the first painted frame gives a negative or near-zero difference; one in the
  next frame gives at most one frame (16.7 ms). On a loaded machine, a frame
  may be presented long after it started: the difference is then more
  negative, and says only that the banner was laid out before the first paint
  was presented.
- **Buttons respond.** First frame where "accept all" is visible and enabled and
  its listener is wired (ours: \`cookie-banner\` has rendered or adopted the
  server's banner, \`hasUpdated\`, so the button has its listener; vanilla adds
  listeners before inserting buttons).
- **Script and task time.** CDP \`Performance.getMetrics\` (ScriptDuration,
  TaskDuration) before navigation and once settled: banner visible, buttons
  responding, then ${results.settleMs} ms without any request in flight.
- **Long tasks and layout shift.** \`PerformanceObserver\` (\`longtask\`,
  \`layout-shift\` without recent input), buffered from the start, until settled.
- **Buttons respond in the banner's first frame.** A load of its own per
  library, in one language per run (French and English in turn): in the first
  animation frame where the banner is visible, the probe clicks "accept all"
  (\`click()\`, if it is visible and enabled then), then checks once per frame
  for the decision cookie. "Handled" means the cookie was there in the next
  frame: a visitor's click in the first frame the banner shows took effect at
  once. A button not yet visible or enabled in that frame counts as not
  handled.
- **Click → cookie.** A real mouse click (CDP input) on "accept all"; from the
  click event's timestamp to the end of its dispatch if the decision cookie
  (ours \`cookies_preferences\`, vanilla \`cc_cookie\`) is then in
  \`document.cookie\` (both write it synchronously), else the next tasks.
- **Opening 1,000 cookies.** \`click()\` on the banner's customise button from
  the page, then a check per frame until the dialog is open, visible, with all
  10 categories and its buttons; the time is taken two animation frames later
  (the frame that paints it has then been produced). The row count says how
  many of the 1,000 cookie rows were in the DOM by then. Then the second
  category's cookie list is expanded with its disclosure button (\`click()\`),
  timed the same way until its 100 rows are in the DOM and the first one is
  visible: a library that renders the rows only on demand pays for them there.
- **Decision cookie.** The \`name=value\` the browser sends back after "accept
  all" (the banner's on the 12-cookie page, the dialog's on the 1,000-cookie
  page), in bytes. The 1,000-cookie inventory's category ids are \`necessary\`
  and \`category_01\` to \`category_09\`.
- **CPU ×${CPUS[1]}.** CDP \`Emulation.setCPUThrottlingRate\`, set before navigation.

## Caveats

- The machine may run other work; the load average above says how much.
  Medians resist it, min–max show it.
- vanilla-cookieconsent shows its banner and dialog 100 ms after building them
  (it adds its \`cc--anim\` class in a \`setTimeout\`), then fades them in over
  250 ms. "Visible" counts from the first frame with a non-zero opacity, so
  this delay is part of its times; the "laid out" rows show when its DOM was
  ready, for a comparison without it.
- vanilla-cookieconsent builds its preferences dialog when the pointer enters
  the customise button, before the click. The benchmark clicks with \`click()\`
  (no hover) so both build the dialog inside the measured time; with a real
  pointer, part of vanilla's work happens before the click.
- Opening the preferences does not build the same DOM in both: check the row
  count. When our dialog renders a category's cookie table only once expanded,
  vanilla builds all 1,000 rows up front; the "expanding one category" and
  "opening + expanding" rows put the deferred cost back in the comparison.
- Our elements may load chunks after the banner shows (see "loaded at" under
  Files); they count in the bytes loaded before any interaction and in the
  script time until settled, since they load without any click.
- Two vanilla defaults are changed so that it runs at all under automation and
  over http: \`hideFromBots: false\` (it stops when \`navigator.webdriver\` is
  set) and \`cookie.secure: false\` (ours only adds \`Secure\` on https too).
- Every banner is at the bottom: ours, vanilla's \`bar\` layout, Klaro's
  \`bottom wide\` theme and tarteaucitron's \`bottom\` orientation are full-width
  bars; vanilla's preferences use its \`box\` layout.
- Klaro and tarteaucitron list services, not cookie by cookie: they have no
  1,000-cookie case. tarteaucitron starts on the window's \`load\` event and then
  fetches three files; Klaro renders at \`DOMContentLoaded\`. tarteaucitron lists
  no necessary service (its "mandatory cookies" line stands for them), and has
  only its own service types, which stand for our three optional categories.
- The first paint of vanilla's pages waits for its render-blocking stylesheet,
  and tarteaucitron's for its script in the head, as in their documented set-ups;
  ours has no stylesheet outside shadow roots.
- Input delivery (CDP → renderer) is part of "click → cookie"; the row below it
  shows how much.
`;
}
