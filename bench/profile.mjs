// `node bench/profile.mjs [--label NAME] [--runs N] [--commit HASH]`: where the main thread's time goes while
// our page loads at CPU ×4, from a Chromium trace (devtools.timeline), beside the page without
// any widget. Each label's summary is kept in bench/profile.json, so that a run before a change
// and one after it sit side by side in docs/benchmarks.md's "Where the time goes" section, which
// this script writes (and `npm run bench` keeps). Needs `npm run build` first; --commit names the
// source of dist/ when it is not HEAD's. PROFILE_TRACE_DIR=dir keeps each load's trace and CPU
// profile there.

/* global performance */

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { TraceMap, originalPositionFor } from '@jridgewell/trace-mapping';
import { chromium } from 'playwright-core';
import * as prettier from 'prettier';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../scripts/browsers.mjs';
import { installProbe } from './probe.mjs';
import { pagePath, startBenchServer } from './server.mjs';
import { summarize } from './stats.mjs';

const REPO_DIR = resolve(fileURLToPath(new URL('..', import.meta.url)));
const REPORT_PATH = join(REPO_DIR, 'docs', 'benchmarks.md');
const PROFILES_PATH = join(REPO_DIR, 'bench', 'profile.json');
const CPU = 4;
const LANG = 'fr';
const SETTLE_MS = 1000;

/** What each main-thread trace event's own time is counted as. */
const KINDS = {
  ParseHTML: 'HTML parsing',
  ParseAuthorStyleSheet: 'CSS parsing',
  EvaluateScript: 'script',
  'v8.evaluateModule': 'script: module evaluation',
  'v8.run': 'script',
  'v8.compile': 'script compilation',
  'v8.compileModule': 'script compilation',
  'v8.produceModuleCache': 'script compilation',
  FunctionCall: 'script',
  'v8.callFunction': 'script',
  TimerFire: 'script',
  FireAnimationFrame: 'script',
  EventDispatch: 'script',
  RunMicrotasks: 'script: microtasks',
  V8GC: 'garbage collection',
  MinorGC: 'garbage collection',
  MajorGC: 'garbage collection',
  UpdateLayoutTree: 'style recalculation',
  RecalculateStyles: 'style recalculation',
  Layout: 'layout',
  PrePaint: 'paint',
  Paint: 'paint',
  Layerize: 'paint',
  UpdateLayer: 'paint',
  UpdateLayerTree: 'paint',
  Commit: 'paint',
  IntersectionObserverController: 'other rendering',
  ResizeObserverController: 'other rendering',
};

function readOptions() {
  const { values } = parseArgs({
    options: {
      label: { type: 'string', default: 'now' },
      // Which source the build in dist/ came from, when it is not HEAD's.
      commit: { type: 'string' },
      runs: { type: 'string', default: '5' },
    },
  });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1)
    throw new Error(`--runs must be ≥ 1, not ${values.runs}`);
  return { label: values.label, runs, commit: values.commit };
}

/** The file name of a script URL, or "the page" for its inline scripts and the probe. */
function scriptName(url, pageUrl) {
  if (url === pageUrl) return 'the page (inline)';
  return new URL(url).pathname.split('/').pop() || url;
}

/**
 * Each main-thread event's own time (its duration less its children's), in ms, summed by kind
 * and, for script, by file, over [from, to] in ms since navigation start.
 */
function selfTimes(events, navigationStart, pageUrl, windows) {
  const sorted = events
    .filter((event) => event.ph === 'X' && typeof event.dur === 'number')
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const stack = [];
  const totals = windows.map(() => ({ kinds: {}, scripts: {} }));
  const add = (event, selfUs) => {
    const ms = selfUs / 1000;
    const at = (event.ts - navigationStart) / 1000;
    const kind = KINDS[event.name] ?? 'other (task and message handling, loading)';
    windows.forEach(([from, to], index) => {
      if (at < from || at > to) return;
      const total = totals[index];
      total.kinds[kind] = (total.kinds[kind] ?? 0) + ms;
      if (kind.startsWith('script') && event.url) {
        const name = scriptName(event.url, pageUrl);
        total.scripts[name] = (total.scripts[name] ?? 0) + ms;
      }
    });
  };
  const close = (until) => {
    while (stack.length && stack.at(-1).ts + stack.at(-1).dur <= until) {
      const done = stack.pop();
      add(done, done.dur - done.childUs);
    }
  };
  for (const event of sorted) {
    close(event.ts);
    const parent = stack.at(-1);
    const url =
      event.args?.data?.url || event.args?.fileName || event.args?.data?.scriptName || undefined;
    const item = { ...event, childUs: 0, url: url || parent?.url };
    if (parent) parent.childUs += event.dur;
    stack.push(item);
  }
  close(Infinity);
  return totals;
}

const sourceMaps = new Map();

/** The source file of our build's minified position, through its source map. */
function sourceOf(url, line, column) {
  const path = new URL(url).pathname;
  if (!path.startsWith('/dist/')) return path.split('/').pop() || url;
  let map = sourceMaps.get(path);
  if (map === undefined) {
    const file = join(REPO_DIR, `${path}.map`);
    map = existsSync(file) ? new TraceMap(readFileSync(file, 'utf8')) : null;
    sourceMaps.set(path, map);
  }
  const source = map && originalPositionFor(map, { line: line + 1, column }).source;
  if (!source) return path.split('/').pop();
  // node_modules/lit-html/… → lit-html; src/components/… → src/components/…
  const packageName = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source)?.[1];
  return packageName ?? source.replace(/^(\.\.\/)+/, '');
}

/**
 * The CPU profile's self time by source file (our build's, through its source maps) over
 * windows of ms since navigation start.
 */
function profileTimes(profile, navigationStart, windows) {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const totals = windows.map(() => ({}));
  let time = profile.startTime;
  profile.samples.forEach((id, index) => {
    const delta = profile.timeDeltas[index] ?? 0;
    time += delta;
    const next = profile.timeDeltas[index + 1] ?? 0;
    const node = nodes.get(id);
    const { url, lineNumber, columnNumber } = node.callFrame;
    // Native and idle samples ("(program)", "(idle)", "(garbage collector)") have no URL.
    if (!url) return;
    const at = (time - navigationStart) / 1000;
    const name = sourceOf(url, lineNumber, columnNumber);
    windows.forEach(([from, to], window) => {
      if (at >= from && at <= to) totals[window][name] = (totals[window][name] ?? 0) + next / 1000;
    });
  });
  return totals;
}

/** One traced page load at CPU ×4: the probe's FCP and LCP, and the trace's own times. */
async function traceOnce(browser, origin, widget) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU });
    await page.addInitScript(installProbe, { widget, cookieName: '' });
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
    await browser.startTracing(page, {
      categories: ['devtools.timeline', 'toplevel', 'v8', 'v8.execute', 'blink.user_timing'],
    });
    const url = origin + pagePath({ widget, lang: LANG, inventory: 'standard' });
    await page.goto(url, { waitUntil: 'load' });
    if (widget !== 'empty') {
      await page.waitForFunction(() => globalThis.__bench.bannerVisible !== null, null, {
        polling: 50,
      });
    }
    await page.waitForTimeout(SETTLE_MS);
    const probe = await page.evaluate(() => ({
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
      lcp: globalThis.__bench.lcp.filter((entry) => entry.host).at(-1)?.start ?? null,
      banner: globalThis.__bench.bannerVisible,
      now: performance.now(),
    }));
    const { profile } = await cdp.send('Profiler.stop');
    const trace = await browser.stopTracing();
    if (process.env.PROFILE_TRACE_DIR) {
      writeFileSync(join(process.env.PROFILE_TRACE_DIR, `${widget}.json`), trace);
      writeFileSync(
        join(process.env.PROFILE_TRACE_DIR, `${widget}.cpuprofile`),
        JSON.stringify(profile),
      );
    }
    const { traceEvents } = JSON.parse(trace.toString('utf8'));
    // The renderer main thread that parsed this page, and its navigation start.
    const parse = traceEvents.find(
      (event) => event.name === 'ParseHTML' && event.args?.beginData?.url === url,
    );
    const main = traceEvents.filter((event) => event.pid === parse.pid && event.tid === parse.tid);
    const navigation = traceEvents.find(
      (event) => event.name === 'navigationStart' && event.args?.data?.documentLoaderURL === url,
    );
    const start = navigation?.ts ?? Math.min(...main.map((event) => event.ts));
    const windows = [
      [0, probe.lcp],
      [probe.lcp, probe.now],
    ];
    const [before, after] = selfTimes(main, start, url, windows);
    const [sourcesBefore, sourcesAfter] = profileTimes(profile, start, windows);
    before.sources = sourcesBefore;
    after.sources = sourcesAfter;
    return { ...probe, before, after };
  } finally {
    await context.close();
  }
}

/** Medians over the runs of each kind's and each script's time. */
function medians(runs, part, field) {
  const names = new Set(runs.flatMap((run) => Object.keys(run[part][field])));
  return Object.fromEntries(
    [...names].map((name) => [
      name,
      summarize(runs.map((run) => run[part][field][name] ?? 0)).median,
    ]),
  );
}

const ms = (value) => (value === null || value === undefined ? 'n/a' : `${value.toFixed(1)} ms`);

/** The section of docs/benchmarks.md, from every label kept. */
function section(profiles) {
  const labels = Object.keys(profiles);
  const column = (label, widget) => `${label}: ${widget === 'ours' ? 'ours' : 'no widget'}`;
  const header = labels.flatMap((label) => [column(label, 'empty'), column(label, 'ours')]);
  const line = (cells) => `| ${cells.join(' | ')} |`;
  const rows = [];
  const value = (label, widget, path) =>
    path.reduce((object, key) => object?.[key], profiles[label][widget]);
  rows.push(
    line([
      'host page: FCP',
      ...labels.flatMap((l) => ['empty', 'ours'].map((w) => ms(value(l, w, ['fcp'])))),
    ]),
  );
  rows.push(
    line([
      'host page: LCP',
      ...labels.flatMap((l) => ['empty', 'ours'].map((w) => ms(value(l, w, ['lcp'])))),
    ]),
  );
  rows.push(
    line([
      'banner visible',
      ...labels.flatMap((l) => ['empty', 'ours'].map((w) => ms(value(l, w, ['banner'])))),
    ]),
  );
  for (const part of ['before', 'after']) {
    const kinds = new Set(
      labels.flatMap((l) =>
        ['empty', 'ours'].flatMap((w) => Object.keys(value(l, w, [part, 'kinds']) ?? {})),
      ),
    );
    const when = part === 'before' ? 'until the host page’s LCP' : 'from the LCP until settled';
    for (const kind of [...kinds].sort()) {
      rows.push(
        line([
          `${when}: ${kind}`,
          ...labels.flatMap((l) =>
            ['empty', 'ours'].map((w) => ms(value(l, w, [part, 'kinds', kind]) ?? 0)),
          ),
        ]),
      );
    }
    const scripts = new Set(
      labels.flatMap((l) => Object.keys(value(l, 'ours', [part, 'scripts']) ?? {})),
    );
    for (const script of [...scripts].sort()) {
      rows.push(
        line([
          `${when}: script in \`${script}\``,
          ...labels.flatMap((l) =>
            ['empty', 'ours'].map((w) => ms(value(l, w, [part, 'scripts', script]) ?? 0)),
          ),
        ]),
      );
    }
  }
  // Which of our sources the CPU profile's samples fall in (self time), ours only.
  const sourceRows = [];
  for (const part of ['before', 'after']) {
    const when = part === 'before' ? 'until the LCP' : 'from the LCP until settled';
    const totals = {};
    for (const label of labels) {
      for (const [name, time] of Object.entries(value(label, 'ours', [part, 'sources']) ?? {})) {
        totals[name] = (totals[name] ?? 0) + time;
      }
    }
    const top = Object.entries(totals)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 12);
    for (const [name] of top) {
      sourceRows.push(
        line([
          `${when}: \`${name}\``,
          ...labels.map((l) => ms(value(l, 'ours', [part, 'sources', name]) ?? 0)),
        ]),
      );
    }
  }
  const runs = labels.map(
    (label) =>
      `${label}: ${profiles[label].runs} loads each, ${profiles[label].commit}, ${profiles[label].date}, load average ${profiles[label].load}`,
  );
  return `<!-- where-the-time-goes: written by \`node bench/profile.mjs --label NAME\`; \`npm run bench\` keeps it -->

## Where the time goes

The main thread of our French page (typical inventory) and of the page without
any widget, loaded at CPU ×4 with a Chromium trace (\`devtools.timeline\`): the
own time of each trace event (its duration less its children's), summed by
kind, until the host page's LCP and from then until the page settles (banner
visible, then ${SETTLE_MS} ms); script time also by file. Medians of the
loads; each label is one run of \`node bench/profile.mjs\`
(${runs.join('; ')}). Tracing slows the page; compare the columns with each
other, not with the tables above.

${line(['median', ...header])}
${line(['---', ...header.map(() => '---:')])}
${rows.join('\n')}

The CPU profile of the same loads of our page (CDP \`Profiler\`, a sample every
200 µs): self time by source file, through the build's source maps, the twelve
largest:

${line(['median, ours', ...labels])}
${line(['---', ...labels.map(() => '---:')])}
${sourceRows.join('\n')}

<!-- /where-the-time-goes -->`;
}

const options = readOptions();
const { server, origin } = await startBenchServer();
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS });
try {
  await traceOnce(browser, origin, 'ours').catch(() => undefined);
  const runs = { empty: [], ours: [] };
  for (let run = 1; run <= options.runs; run += 1) {
    for (const widget of ['empty', 'ours'])
      runs[widget].push(await traceOnce(browser, origin, widget));
    console.error(`profile run ${run}/${options.runs}`);
  }
  const summary = (list) => ({
    fcp: summarize(list.map((run) => run.fcp))?.median ?? null,
    lcp: summarize(list.map((run) => run.lcp))?.median ?? null,
    banner: summarize(list.map((run) => run.banner))?.median ?? null,
    before: {
      kinds: medians(list, 'before', 'kinds'),
      scripts: medians(list, 'before', 'scripts'),
      sources: medians(list, 'before', 'sources'),
    },
    after: {
      kinds: medians(list, 'after', 'kinds'),
      scripts: medians(list, 'after', 'scripts'),
      sources: medians(list, 'after', 'sources'),
    },
  });
  const profiles = existsSync(PROFILES_PATH) ? JSON.parse(readFileSync(PROFILES_PATH, 'utf8')) : {};
  const head =
    options.commit ??
    execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO_DIR }).toString().trim();
  profiles[options.label] = {
    runs: options.runs,
    commit: head,
    date: new Date().toISOString().slice(0, 16).replace('T', ' '),
    load: (await import('node:os')).loadavg()[0].toFixed(2),
    empty: summary(runs.empty),
    ours: summary(runs.ours),
  };
  const format = async (path, text, parser) =>
    prettier.format(text, { ...(await prettier.resolveConfig(path)), parser });
  writeFileSync(PROFILES_PATH, await format(PROFILES_PATH, JSON.stringify(profiles), 'json'));
  const text = section(profiles);
  const report = readFileSync(REPORT_PATH, 'utf8');
  const pattern = /<!-- where-the-time-goes[\s\S]*<!-- \/where-the-time-goes -->/;
  const updated = pattern.test(report)
    ? report.replace(pattern, text)
    : report.replace(/\n*$/, `\n\n${text}\n`);
  writeFileSync(REPORT_PATH, await format(REPORT_PATH, updated, 'markdown'));
  console.log(text);
} finally {
  await browser.close();
  server.close();
}
