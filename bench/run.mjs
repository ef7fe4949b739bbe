// `npm run bench`: this library against vanilla-cookieconsent 3.1, Klaro 0.7 and tarteaucitron
// 1.34, and a page without any widget, in Debian's Chromium.
// Options: --runs N (default 9), --quick (3 runs, prints only unless --write),
// --write (write the report even with --quick), --from-results (write the report again from
// bench/results.json, without measuring), --screenshots DIR (PNGs of every library's
// banner, and of the dialogs that list cookies, in French, then stop), --headed (a visible browser; needs a display,
// e.g. `xvfb-run node bench/run.mjs --screenshots DIR --headed`).

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import * as prettier from 'prettier';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../scripts/browsers.mjs';
import {
  COOKIE_LIST_LIBRARIES,
  INVENTORIES,
  LANGUAGES,
  LIBRARIES,
  SERVER_RENDERED_INVENTORY,
} from './inventory.mjs';
import { bigInventoryTable, measureBigInventory } from './big-inventory.mjs';
import { SETTLE_MS, brotliSize, measure } from './measure.mjs';
import { installProbe } from './probe.mjs';
import {
  CPUS,
  evaluateTargets,
  markdownReport,
  summarizeFiles,
  resultSections,
  targetsSection,
  variantKey,
} from './report.mjs';
import { DIST_DIR, pagePath, startBenchServer } from './server.mjs';

const REPO_DIR = resolve(fileURLToPath(new URL('..', import.meta.url)));
const REPORT_PATH = join(REPO_DIR, 'docs', 'benchmarks.md');
const RESULTS_PATH = join(REPO_DIR, 'bench', 'results.json');
const DEFAULT_RUNS = 9;
const QUICK_RUNS = 3;

function readOptions() {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string' },
      quick: { type: 'boolean', default: false },
      write: { type: 'boolean', default: false },
      screenshots: { type: 'string' },
      headed: { type: 'boolean', default: false },
      'from-results': { type: 'boolean', default: false },
    },
  });
  const runs =
    values.runs === undefined ? (values.quick ? QUICK_RUNS : DEFAULT_RUNS) : Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1)
    throw new Error(`--runs must be a whole number ≥ 1, not ${values.runs}`);
  return { ...values, runs, write: values.write || !values.quick };
}

/** What the report says about the machine and the versions measured. */
function machineFacts(browser) {
  const cpuinfo = existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '';
  const packageVersion = (path) => JSON.parse(readFileSync(join(REPO_DIR, path), 'utf8')).version;
  let commit = 'unknown commit';
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO_DIR })
      .toString()
      .trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src', 'rollup.config.mjs'], {
      cwd: REPO_DIR,
    })
      .toString()
      .trim();
    commit = `${head}${dirty ? ' with uncommitted changes in src/' : ''}`;
  } catch {
    // Not a git checkout: the version alone says what was measured.
  }
  return {
    date: new Date().toISOString(),
    cpuModel: /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1] ?? 'unknown',
    cores: availableParallelism(),
    chromium: browser.version(),
    node: process.version,
    ours: `${packageVersion('package.json')} (${commit})`,
    vanillaVersion: packageVersion('node_modules/vanilla-cookieconsent/package.json'),
    klaroVersion: packageVersion('node_modules/klaro/package.json'),
    tarteaucitronVersion: packageVersion('node_modules/tarteaucitronjs/package.json'),
    loadStart: loadavg().map((load) => load.toFixed(2)),
  };
}

/** `list` rotated left by `by` places: each run starts with another library. */
const rotate = (list, by) => list.map((_item, index) => list[(index + by) % list.length]);

/**
 * The page loads of run `run` (from 1), in order: for each language and CPU setting, the page
 * without any widget, then each library on the typical inventory and ours rendered on the
 * server, then ours and vanilla's on the 1,000-cookie inventory, each library starting in turn
 * from one run to the next. Then, in one language per run (French and English in turn), one
 * short load per library that clicks "accept all" in the banner's first visible frame.
 */
function runPlan(run) {
  const plan = [];
  const clickLang = LANGUAGES[(run - 1) % LANGUAGES.length];
  for (const lang of LANGUAGES) {
    for (const cpu of CPUS) {
      plan.push({ widget: 'empty', lang, cpu });
      for (const widget of rotate(LIBRARIES, run - 1)) {
        plan.push({ widget, lang, inventory: 'standard', cpu });
      }
      plan.push({ widget: 'server', lang, inventory: SERVER_RENDERED_INVENTORY, cpu });
      for (const widget of rotate(COOKIE_LIST_LIBRARIES, run - 1)) {
        plan.push({ widget, lang, inventory: 'large', cpu });
      }
      if (lang !== clickLang) continue;
      for (const widget of rotate(LIBRARIES, run - 1)) {
        plan.push({ widget, lang, inventory: 'standard', cpu, firstFrameClick: true });
      }
    }
  }
  return plan;
}

/** Every library's banner, and the dialogs of those that list cookies, in French, as PNGs. */
async function takeScreenshots(browser, origin, dir) {
  mkdirSync(dir, { recursive: true });
  for (const widget of LIBRARIES) {
    for (const inventory of Object.keys(INVENTORIES)) {
      if (inventory !== 'standard' && !COOKIE_LIST_LIBRARIES.includes(widget)) continue;
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      await page.addInitScript(installProbe, { widget, cookieName: '' });
      await page.goto(origin + pagePath({ widget, lang: 'fr', inventory }));
      await page.waitForFunction(() => globalThis.__bench.bannerVisible !== null);
      await page.waitForTimeout(600);
      await page.screenshot({ path: join(dir, `${widget}-${inventory}-banner-fr.png`) });
      if (!COOKIE_LIST_LIBRARIES.includes(widget)) {
        await context.close();
        continue;
      }
      const expected = INVENTORIES[inventory]().categories.length;
      await page.evaluate((count) => globalThis.__benchOpenPreferences(count), expected);
      await page.waitForTimeout(600);
      await page.screenshot({ path: join(dir, `${widget}-${inventory}-dialog-fr.png`) });
      if (inventory === 'large') {
        await page.evaluate(() => globalThis.__benchExpandCategory(1, 1));
        await page.waitForTimeout(600);
        await page.screenshot({ path: join(dir, `${widget}-${inventory}-expanded-fr.png`) });
      }
      await context.close();
    }
  }
  console.log(`Screenshots in ${dir}`);
}

/** Writes bench/results.json and docs/benchmarks.md from `results`. */
async function writeReport(results) {
  // Formatted as `npm run lint` wants them, so that the written files pass prettier --check.
  const format = async (path, text, parser) =>
    prettier.format(text, { ...(await prettier.resolveConfig(path)), parser });
  writeFileSync(RESULTS_PATH, await format(RESULTS_PATH, JSON.stringify(results), 'json'));
  // The sections written apart stay: "Where the bytes go" (by hand, from
  // scripts/size-breakdown.mjs), "Where the time goes" (bench/profile.mjs) and what it
  // showed (by hand).
  const previous = existsSync(REPORT_PATH) ? readFileSync(REPORT_PATH, 'utf8') : '';
  const kept = ['where-the-bytes-go', 'where-the-time-goes', 'what-the-profile-shows']
    .map((name) => new RegExp(`<!-- ${name}[\\s\\S]*<!-- /${name} -->`).exec(previous)?.[0])
    .filter(Boolean);
  const report = markdownReport(results) + kept.map((section) => `\n${section}\n`).join('');
  writeFileSync(REPORT_PATH, await format(REPORT_PATH, report, 'markdown'));
  console.log(`Written: ${REPORT_PATH} and ${RESULTS_PATH}`);
}

const options = readOptions();
if (options['from-results']) {
  // The report again from the last run's samples, as this version of report.mjs writes it.
  const results = JSON.parse(readFileSync(RESULTS_PATH, 'utf8'));
  results.targets = evaluateTargets(results);
  await writeReport(results);
  process.exit(0);
}
if (!existsSync(join(DIST_DIR, 'cookie-consent.js'))) {
  console.error(
    'dist/cookie-consent.js is missing: run `npm run build` first (`npm run bench` does).',
  );
  process.exit(1);
}

const { server, origin, files: servedFiles } = await startBenchServer();
const browser = await chromium.launch({
  executablePath: CHROMIUM_PATH,
  args: CHROMIUM_FLAGS,
  headless: !options.headed,
});
const started = Date.now();
try {
  if (options.screenshots) {
    await takeScreenshots(browser, origin, resolve(options.screenshots));
  } else {
    const machine = machineFacts(browser);
    const samples = {};
    const fileRuns = {};
    const failures = [];
    // Two unrecorded loads first: the browser's and the OS's first-time costs (renderer
    // start, Chromium's own code caches) would otherwise land on the first run's numbers.
    for (const widget of LIBRARIES) {
      const warmUp = { widget, lang: LANGUAGES[0], inventory: 'standard', cpu: 1 };
      await measure(browser, origin, warmUp).catch(() => undefined);
    }
    console.error(`${options.runs} runs of ${runPlan(1).length} page loads each`);
    for (let run = 1; run <= options.runs; run += 1) {
      const runStarted = Date.now();
      for (const variant of runPlan(run)) {
        const key = variantKey(variant);
        samples[key] ??= [];
        try {
          // The files are the same bytes every run; they are kept apart from the samples.
          const { files, openFiles, ...sample } = await measure(browser, origin, variant);
          samples[key].push(sample);
          fileRuns[key] ??= [];
          fileRuns[key].push([...files, ...(openFiles ?? [])]);
        } catch (error) {
          failures.push({ key, run, message: error.message.split('\n')[0] });
          samples[key].push({});
        }
      }
      const seconds = (Date.now() - runStarted) / 1000;
      console.error(
        `run ${run}/${options.runs}: ${seconds.toFixed(1)} s, load ${loadavg()[0].toFixed(2)}`,
      );
    }
    machine.loadEnd = loadavg().map((load) => load.toFixed(2));
    machine.durationSeconds = (Date.now() - started) / 1000;
    const results = {
      runs: options.runs,
      defaultRuns: DEFAULT_RUNS,
      settleMs: SETTLE_MS,
      languages: LANGUAGES,
      machine,
      failures,
      files: summarizeFiles(fileRuns),
      // The HTML carries the inventory (ours) or the configuration (vanilla): its size too.
      pages: Object.fromEntries(
        [...runPlan(1), ...runPlan(2)]
          .filter((variant) => variant.cpu === CPUS[0] && !variant.firstFrameClick)
          .map((variant) => {
            const { body } = servedFiles.get(pagePath(variant));
            return [variantKey(variant), { raw: body.length, brotli: brotliSize(body) }];
          }),
      ),
      samples,
    };
    results.targets = evaluateTargets(results);
    // Ours alone: the others have no table to fill (bench/big-inventory.mjs).
    results.bigInventory = await measureBigInventory(browser, { runs: options.quick ? 1 : 3 });

    console.log(resultSections(results));
    console.log(`\n### Big inventories\n\n${bigInventoryTable(results.bigInventory)}\n`);
    console.log(`\n### Targets\n\n${targetsSection(results)}\n`);
    if (failures.length) console.log(`${failures.length} page loads failed; see ${RESULTS_PATH}`);
    if (options.write) await writeReport(results);
  }
} finally {
  await browser.close();
  server.close();
}
