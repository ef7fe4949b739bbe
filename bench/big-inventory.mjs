// A very big inventory, 50,000 cookies, in our elements only: how soon the banner appears (against
// the same page with 12 cookies), how soon a <cookie-table> shows its first rows once scrolled
// into view, how soon the dialog shows the first rows of a 25,000-row category once expanded, the
// longest task meanwhile, and how many rows a decision renders again. `node bench/big-inventory.mjs`
// (after `npm run build`) prints the medians; bench/run.mjs can call `measureBigInventory`.
// Options: --runs N (default 5), --dist DIR (another build to measure, default dist/).
/* global document, window, performance, requestAnimationFrame, PerformanceObserver, MutationObserver, customElements */

import { readFileSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { loadavg } from 'node:os';
import { extname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../scripts/browsers.mjs';
import { summarize } from './stats.mjs';

const DEFAULT_DIST = resolve(fileURLToPath(new URL('../dist', import.meta.url)));
export const BIG_COOKIES = 50_000;
export const SMALL_COOKIES = 12;
/** A visitor who waits longer than this has given up: a measure past it is reported as missing. */
const GIVE_UP_MS = 60_000;

/**
 * An inventory of `count` cookies, half necessary and half statistics, each with a provider, a
 * service, a purpose and a duration in French and English. Generated, so that every run gets the
 * same bytes and the repository holds no 10 MB fixture.
 */
export function bigInventory(count) {
  const text = (fr, en) => ({ fr, en });
  const categories = [
    { id: 'necessary', required: true, label: text('Cookies nécessaires', 'Necessary cookies') },
    { id: 'statistics', label: text('Cookies statistiques', 'Statistics cookies') },
  ];
  const cookies = [];
  for (let n = 0; n < count; n += 1) {
    cookies.push({
      name: `cookie_${String(n).padStart(5, '0')}`,
      category: n < count / 2 ? 'necessary' : 'statistics',
      provider: `Prestataire ${(n % 37) + 1}`,
      service: text(`Service ${(n % 53) + 1}`, `Service ${(n % 53) + 1}`),
      purpose: text(`Finalité ${n % 11}`, `Purpose ${n % 11}`),
      duration: text(`${(n % 12) + 1} mois`, `${(n % 12) + 1} months`),
      party: n % 3 === 0 ? 'third' : 'first',
    });
  }
  return { revision: 1, categories, cookies };
}

const scriptSafe = (json) => json.replace(/<\//g, '<\\/').replace(/<!--/g, '<\\u0021--');

/** A page with `body` (an element holding its inventory as a JSON child) and our script. */
function page(body) {
  return `<!doctype html>
<html lang="fr">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>Inventaire</title>
    <style>html { overflow-anchor: none; }</style>
    <script type="module" src="/dist/cookie-consent.js"></script>
    <link rel="modulepreload" href="/dist/locales/fr.js">
  </head>
  <body>
    <main><h1>Politique cookies</h1><p style="block-size: 200vh">Texte de la page.</p></main>
    ${body}
    <footer style="block-size: 200vh">Pied de page.</footer>
  </body>
</html>
`;
}

function renderPages() {
  const json = (count) => scriptSafe(JSON.stringify(bigInventory(count)));
  const big = json(BIG_COOKIES);
  return new Map([
    [
      `/banner/${SMALL_COOKIES}/`,
      page(
        `<cookie-banner><script type="application/json">${json(SMALL_COOKIES)}</script></cookie-banner>`,
      ),
    ],
    [
      `/banner/${BIG_COOKIES}/`,
      page(`<cookie-banner><script type="application/json">${big}</script></cookie-banner>`),
    ],
    ...[SMALL_COOKIES, BIG_COOKIES].map((count) => [
      `/banner-property/${count}/`,
      // The inventory built by the page and given as the property once the banner is defined:
      // the time from then to the banner on screen is the library's alone.
      page(`<cookie-banner></cookie-banner>
    <script type="module">
      const inventory = (${bigInventory})(${count});
      await customElements.whenDefined('cookie-banner');
      window.__given = performance.now();
      document.querySelector('cookie-banner').inventory = inventory;
    </script>`),
    ]),
    [
      '/table/',
      page(
        `<cookie-table show-duration><script type="application/json">${big}</script></cookie-table>`,
      ),
    ],
    [
      '/dialog/',
      page(
        `<cookie-preferences><script type="application/json">${big}</script></cookie-preferences>`,
      ),
    ],
  ]);
}

async function startServer(distDir) {
  const files = new Map();
  for (const [path, html] of renderPages()) {
    files.set(path, { type: 'text/html; charset=utf-8', body: Buffer.from(html) });
  }
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (extname(name) === '.js') {
        files.set(`/dist/${relative(distDir, path).split(sep).join('/')}`, {
          type: 'text/javascript; charset=utf-8',
          body: readFileSync(path),
        });
      }
    }
  };
  walk(distDir);
  const server = createServer((req, res) => {
    const file = files.get((req.url ?? '/').split('?')[0]);
    if (!file) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': file.type, 'Cache-Control': 'no-store' });
    res.end(file.body);
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  return { server, origin: `http://127.0.0.1:${server.address().port}` };
}

/**
 * Runs in the page before its scripts: records long tasks and defines the helpers the cases
 * measure with.
 */
function installLongTasks() {
  const longTasks = [];
  const keep = (entries) => {
    for (const entry of entries)
      longTasks.push({ start: entry.startTime, end: entry.startTime + entry.duration });
  };
  const observer = new PerformanceObserver((list) => keep(list.getEntries()));
  observer.observe({ type: 'longtask', buffered: true });
  /** The longest task that ended after `since`. */
  window.__longestTaskSince = (since) => {
    keep(observer.takeRecords());
    const durations = longTasks.filter((task) => task.end > since).map((t) => t.end - t.start);
    return Math.max(0, ...durations);
  };
  /** Resolves with the time of the first frame in which `ready()` holds, checked once a frame. */
  window.__frameWhen = (ready, giveUp) =>
    new Promise((done) => {
      const start = performance.now();
      const check = () => {
        if (ready()) done(performance.now());
        else if (performance.now() - start > giveUp) done(null);
        else requestAnimationFrame(check);
      };
      check();
    });
  /** Whether `element` is laid out inside the viewport. */
  window.__inView = (element) => {
    if (!element?.isConnected) return false;
    const rect = element.getBoundingClientRect();
    return rect.height > 0 && rect.bottom > 0 && rect.top < window.innerHeight;
  };
  /** Counts the body rows of `roots` added, removed or changed from now on. */
  window.__watchRows = (roots) => {
    const touched = new Set();
    const rowsIn = (node) =>
      node.nodeType !== 1
        ? []
        : node.localName === 'tr' && node.closest('tbody')
          ? [node]
          : [...node.querySelectorAll('tbody tr')];
    const record = (records) => {
      for (const record of records) {
        const target = record.target.nodeType === 1 ? record.target : record.target.parentElement;
        const row = target?.closest('tbody tr');
        if (row) touched.add(row);
        for (const node of [...record.addedNodes, ...record.removedNodes]) {
          for (const each of rowsIn(node)) touched.add(each);
        }
      }
    };
    const observer = new MutationObserver(record);
    for (const root of roots)
      observer.observe(root, { subtree: true, childList: true, characterData: true });
    return () => {
      record(observer.takeRecords());
      observer.disconnect();
      return touched.size;
    };
  };
  /**
   * What the table and dialog cases measure, once the page is ready: `reveal()` brings a list
   * of `rows` rows into view; then the time to the first of `bodyRows()` in view and to all of
   * them, the longest task from `reveal()` until then, and how many rows under `roots()` change
   * when `decide()` runs, counted once its render has had a frame and a task.
   */
  window.__measureRows = async ({ reveal, bodyRows, rows, roots, decide, giveUp }) => {
    const start = performance.now();
    reveal();
    const first = await window.__frameWhen(() => window.__inView(bodyRows()[0]), giveUp);
    const all = await window.__frameWhen(() => bodyRows().length >= rows, giveUp);
    const longestTask = window.__longestTaskSince(start);
    const stop = window.__watchRows(roots());
    decide();
    await new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
    return {
      firstRows: first === null ? null : first - start,
      allRows: all === null ? null : all - start,
      longestTask,
      rowsTouchedByDecision: stop(),
    };
  };
}

/**
 * Opens `url` in a context of its own, so that no run reuses another's cache or storage, and
 * returns what `inPage(arg)` returns there.
 */
async function evaluateInNewPage(browser, url, inPage, arg) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const tab = await context.newPage();
    await tab.addInitScript(installLongTasks);
    await tab.goto(url, { waitUntil: 'commit' });
    return await tab.evaluate(inPage, arg);
  } finally {
    await context.close();
  }
}

/**
 * Milliseconds to the first frame that shows the banner: from navigation with the inventory in
 * the page's HTML (`banner`), from the moment the page gives it (`banner-property`).
 */
function bannerVisible(browser, origin, route, count) {
  return evaluateInNewPage(
    browser,
    `${origin}/${route}/${count}/`,
    async (giveUp) => {
      const shown = await window.__frameWhen(
        () =>
          window.__inView(
            document.querySelector('cookie-banner')?.shadowRoot?.querySelector('[role="region"]'),
          ),
        giveUp,
      );
      return shown === null ? null : shown - (window.__given ?? 0);
    },
    GIVE_UP_MS,
  );
}

/**
 * The table of the whole inventory below the fold, scrolled into view as soon as it is defined
 * (the page does not anchor its scroll, so that the table's top stays there as it grows): the time to its first row in view, the longest task from then until its last row
 * exists, and the rows a decision (accept all) touches.
 */
function tableCase(browser, origin) {
  return evaluateInNewPage(
    browser,
    `${origin}/table/`,
    async ({ giveUp, rows }) => {
      await customElements.whenDefined('cookie-table');
      const element = document.querySelector('cookie-table');
      // In a task of its own, as a visitor's scroll (or a link to the table) would be.
      await new Promise((done) => setTimeout(done, 0));
      return window.__measureRows({
        reveal: () => element.scrollIntoView(),
        bodyRows: () => element.shadowRoot?.querySelectorAll('tbody tr') ?? [],
        rows,
        roots: () => [element.shadowRoot],
        decide: () => window.cookieConsent.acceptAll(),
        giveUp,
      });
    },
    { giveUp: GIVE_UP_MS, rows: BIG_COOKIES },
  );
}

/**
 * The dialog over the whole inventory, open: the time from clicking the disclosure of the
 * 25,000 statistics cookies to their first row in view, the longest task from the click until
 * the last row exists, and the rows that toggling the category's switch touches.
 */
function dialogCase(browser, origin) {
  return evaluateInNewPage(
    browser,
    `${origin}/dialog/`,
    async ({ giveUp, rows }) => {
      await customElements.whenDefined('cookie-preferences');
      const dialogElement = document.querySelector('cookie-preferences');
      dialogElement.show();
      const categories = () =>
        dialogElement.shadowRoot?.querySelectorAll('[part~="category"]') ?? [];
      // The lists of a long inventory show once its cookies are checked (after the first render).
      const summary = () => categories()[1]?.querySelector('[part~="cookies"] > summary');
      await window.__frameWhen(() => categories().length === 2 && summary(), giveUp);
      const category = categories()[1];
      return window.__measureRows({
        reveal: () => summary().click(),
        bodyRows: () =>
          category.querySelector('cookie-table')?.shadowRoot?.querySelectorAll('tbody tr') ?? [],
        rows,
        // Every table of the dialog, so that a switch that rendered another category's rows
        // again would be counted too.
        roots: () =>
          [...dialogElement.shadowRoot.querySelectorAll('cookie-table')].map(
            (table) => table.shadowRoot,
          ),
        decide: () => category.querySelector('[part~="switch"]').click(),
        giveUp,
      });
    },
    { giveUp: GIVE_UP_MS, rows: BIG_COOKIES / 2 },
  );
}

const median = (values) => summarize(values)?.median ?? null;

/**
 * Measures the big-inventory case `runs` times in `browser` (Playwright's Chromium) and returns
 * the medians, in milliseconds (rows for `rowsTouchedByDecision`), with the load average. `dist`
 * is the build measured (another one, such as a copy of an earlier build, to compare).
 */
export async function measureBigInventory(browser, { runs = 5, dist = DEFAULT_DIST } = {}) {
  const { server, origin } = await startServer(dist);
  const samples = { small: [], big: [], givenSmall: [], givenBig: [], table: [], dialog: [] };
  try {
    for (let run = 0; run < runs; run += 1) {
      samples.small.push(await bannerVisible(browser, origin, 'banner', SMALL_COOKIES));
      samples.big.push(await bannerVisible(browser, origin, 'banner', BIG_COOKIES));
      samples.givenSmall.push(
        await bannerVisible(browser, origin, 'banner-property', SMALL_COOKIES),
      );
      samples.givenBig.push(await bannerVisible(browser, origin, 'banner-property', BIG_COOKIES));
      samples.table.push(await tableCase(browser, origin));
      samples.dialog.push(await dialogCase(browser, origin));
    }
  } finally {
    server.close();
  }
  const rowMedians = (list) =>
    Object.fromEntries(
      ['firstRows', 'allRows', 'longestTask', 'rowsTouchedByDecision'].map((key) => [
        key,
        median(list.map((sample) => sample[key])),
      ]),
    );
  const ratio = (small, big) => (small && big ? big / small : null);
  const bannerSmall = median(samples.small);
  const bannerBig = median(samples.big);
  const givenSmall = median(samples.givenSmall);
  const givenBig = median(samples.givenBig);
  return {
    runs,
    load: loadavg().map((load) => load.toFixed(2)),
    bannerVisible: { [SMALL_COOKIES]: bannerSmall, [BIG_COOKIES]: bannerBig },
    bannerRatio: ratio(bannerSmall, bannerBig),
    bannerAfterInventory: { [SMALL_COOKIES]: givenSmall, [BIG_COOKIES]: givenBig },
    bannerAfterInventoryRatio: ratio(givenSmall, givenBig),
    table: rowMedians(samples.table),
    dialog: rowMedians(samples.dialog),
  };
}

/** The results as a Markdown table. */
export function bigInventoryTable(results) {
  const ms = (value) => (value === null ? 'gave up' : `${Math.round(value)} ms`);
  const count = (value) => (value === null ? '–' : String(value));
  return [
    `| ${BIG_COOKIES.toLocaleString('en')} cookies, Chromium, medians of ${results.runs} runs | |`,
    '|---|---|',
    `| banner visible (inventory in the HTML), ${SMALL_COOKIES} cookies | ${ms(results.bannerVisible[SMALL_COOKIES])} |`,
    `| banner visible (inventory in the HTML), ${BIG_COOKIES.toLocaleString('en')} cookies | ${ms(results.bannerVisible[BIG_COOKIES])} (×${results.bannerRatio?.toFixed(2) ?? '–'}) |`,
    `| banner visible after the page gives the inventory, ${SMALL_COOKIES} cookies | ${ms(results.bannerAfterInventory[SMALL_COOKIES])} |`,
    `| banner visible after the page gives the inventory, ${BIG_COOKIES.toLocaleString('en')} cookies | ${ms(results.bannerAfterInventory[BIG_COOKIES])} (×${results.bannerAfterInventoryRatio?.toFixed(2) ?? '–'}) |`,
    `| \`<cookie-table>\`: first rows after scrolling into view | ${ms(results.table.firstRows)} |`,
    `| \`<cookie-table>\`: all rows in the table | ${ms(results.table.allRows)} |`,
    `| \`<cookie-table>\`: longest task meanwhile | ${ms(results.table.longestTask)} |`,
    `| \`<cookie-table>\`: nodes of rows changed by accept all | ${count(results.table.rowsTouchedByDecision)} |`,
    `| dialog, expanding ${(BIG_COOKIES / 2).toLocaleString('en')} cookies: first rows | ${ms(results.dialog.firstRows)} |`,
    `| dialog: all rows in the table | ${ms(results.dialog.allRows)} |`,
    `| dialog: longest task meanwhile | ${ms(results.dialog.longestTask)} |`,
    `| dialog: nodes of rows changed by a switch | ${count(results.dialog.rowsTouchedByDecision)} |`,
    `| load average (1, 5, 15 min) at the end | ${results.load.join(', ')} |`,
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: { runs: { type: 'string', default: '5' }, dist: { type: 'string' } },
  });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS });
  try {
    console.log(
      bigInventoryTable(
        await measureBigInventory(browser, {
          runs: Number(values.runs),
          dist: values.dist ? resolve(values.dist) : DEFAULT_DIST,
        }),
      ),
    );
  } finally {
    await browser.close();
  }
}
