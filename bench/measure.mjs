// One measured page load: a fresh browser context (no cache, no cookies), CPU throttling if
// asked, the probe installed before the page's scripts, then the measures of the brief.
/* global window, performance */

import { createHash } from 'node:crypto';
import { brotliBytes } from '../scripts/brotli-size.mjs';
import { DECISION_COOKIES, INVENTORIES, LARGE_COOKIES_PER_CATEGORY } from './inventory.mjs';
import { installProbe } from './probe.mjs';
import { pagePath } from './server.mjs';

/** How long the page must stay quiet (no request in flight) after the banner shows. */
export const SETTLE_MS = 500;
const TIMEOUT_MS = 30000;
const VIEWPORT = { width: 1280, height: 800 };

const brotliSizes = new Map();

/** The body's size once compressed with brotli at quality 11, computed once per distinct body. */
export function brotliSize(body) {
  const key = createHash('sha256').update(body).digest('hex');
  let size = brotliSizes.get(key);
  if (size === undefined) {
    size = brotliBytes(body);
    brotliSizes.set(key, size);
  }
  return size;
}

const sleep = (ms) => new Promise((resolveSleep) => setTimeout(resolveSleep, ms));

/**
 * Counts requests in flight and keeps every JS and CSS body (unless `bodies` is false), tagged
 * with the phase it was loaded in ('load' before any interaction, then whatever `phase` is set
 * to).
 */
function watchNetwork(page, { bodies = true } = {}) {
  const network = { inFlight: 0, lastActivity: Date.now(), phase: 'load', pending: [] };
  const settled = () => {
    network.inFlight -= 1;
    network.lastActivity = Date.now();
  };
  page.on('request', () => {
    network.inFlight += 1;
    network.lastActivity = Date.now();
  });
  page.on('requestfailed', settled);
  page.on('requestfinished', (request) => {
    settled();
    const type = request.resourceType();
    const phase = network.phase;
    if (!bodies || (type !== 'script' && type !== 'stylesheet')) return;
    network.pending.push(
      request.response().then(async (response) => {
        const body = response ? await response.body() : Buffer.alloc(0);
        const contentType = response?.headers()['content-type'] ?? '';
        const timing = request.timing();
        return {
          path: new URL(request.url()).pathname,
          type: /css/.test(contentType) ? 'css' : 'js',
          phase,
          raw: body.length,
          brotli: brotliSize(body),
          // Epoch milliseconds for now; made relative to navigation start once it is known.
          end: timing.startTime + timing.responseEnd,
        };
      }),
    );
  });
  return network;
}

/**
 * Resolves once no request has been in flight for `quietMs`, counting from now at least;
 * throws after TIMEOUT_MS, so that a request that never ends fails one load, not the bench.
 */
async function networkIdle(network, quietMs) {
  network.lastActivity = Math.max(network.lastActivity, Date.now());
  const deadline = Date.now() + TIMEOUT_MS;
  for (;;) {
    const quietFor = Date.now() - network.lastActivity;
    if (network.inFlight <= 0 && quietFor >= quietMs) return;
    if (Date.now() > deadline) throw new Error(`the network did not go quiet in ${TIMEOUT_MS} ms`);
    await sleep(Math.max(20, quietMs - quietFor));
  }
}

/** CDP's Performance.getMetrics as an object of name → value. */
async function readMetrics(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(metrics.map(({ name, value }) => [name, value]));
}

/** The state the probe collected, plus the paint entries. */
function readProbe(page) {
  return page.evaluate(() => ({
    ...window.__bench,
    timeOrigin: performance.timeOrigin,
    paints: Object.fromEntries(
      performance.getEntriesByType('paint').map((entry) => [entry.name, entry.startTime]),
    ),
  }));
}

/** Sums of the long tasks and layout shifts the probe saw in [from, to]. */
function tasksAndShifts(probe, from = 0, to = Infinity) {
  const tasks = probe.longTasks.filter((task) => task.start >= from && task.start <= to);
  const shifts = probe.shifts.filter((shift) => shift.start >= from && shift.start <= to);
  return {
    longTaskCount: tasks.length,
    longTaskMs: tasks.reduce((sum, task) => sum + task.duration, 0),
    layoutShift: shifts.reduce((sum, shift) => sum + shift.value, 0),
  };
}

function sumFiles(files) {
  return {
    raw: files.reduce((sum, file) => sum + file.raw, 0),
    brotli: files.reduce((sum, file) => sum + file.brotli, 0),
  };
}

/**
 * Loads one variant and measures it.
 * @param {import('playwright-core').Browser} browser
 * @param {string} origin the bench server's origin
 * @param {{ widget: string, lang: string, inventory?: 'standard' | 'large', cpu: number, firstFrameClick?: boolean }} variant
 *   `firstFrameClick`: only whether a click on "accept all" in the first frame where the banner
 *   is visible has written the decision cookie by the next frame.
 * @returns {Promise<object>} the measures of this run (see run.mjs for their names)
 */
export async function measure(browser, origin, { widget, lang, inventory, cpu, firstFrameClick }) {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    if (cpu !== 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
    const cookieName = DECISION_COOKIES[widget] ?? '';
    await page.addInitScript(installProbe, {
      widget,
      cookieName,
      clickInFirstFrame: firstFrameClick === true,
    });
    // A load that only clicks in the banner's first frame ends before its files are read.
    const network = watchNetwork(page, { bodies: !firstFrameClick });
    const before = await readMetrics(cdp);

    await page.goto(origin + pagePath({ widget, lang, inventory }), {
      waitUntil: 'load',
      timeout: TIMEOUT_MS,
    });
    if (firstFrameClick) {
      await page.waitForFunction(
        () => {
          const click = window.__bench.firstFrameClick;
          return click !== null && (!click.clickable || click.frames !== null);
        },
        null,
        { polling: 50, timeout: TIMEOUT_MS },
      );
      const click = await page.evaluate(() => window.__bench.firstFrameClick);
      return {
        firstFrameClickable: click.clickable ? 1 : 0,
        firstFrameClickFrames: click.clickable ? click.frames : null,
        firstFrameClickHandled:
          click.clickable && click.frames !== null && click.frames <= 1 ? 1 : 0,
        firstFrameClickMs: click.clickable ? click.handled - click.at : null,
        files: [],
      };
    }
    // An interval poll rather than Playwright's default one per frame: the probe already
    // watches every frame, a second watcher would only add script time to the measure.
    const shown =
      widget === 'empty'
        ? () => performance.getEntriesByType('paint').length > 0
        : () => window.__bench.bannerVisible !== null && window.__bench.buttonsReady !== null;
    await page.waitForFunction(shown, null, { polling: 50, timeout: TIMEOUT_MS });
    await networkIdle(network, SETTLE_MS);

    const after = await readMetrics(cdp);
    const probe = await readProbe(page);
    const sinceNavigation = (files) =>
      files.map((file) => ({ ...file, end: file.end - probe.timeOrigin }));
    const loadFiles = sinceNavigation(await Promise.all(network.pending));
    const shipped = sumFiles(loadFiles);
    // The host page's LCP: its own content's last candidate. Whether the page's LCP element
    // was its own content at all (a banner larger than it would have taken its place).
    const hostLcp = probe.lcp.filter((entry) => entry.host).at(-1);
    const result = {
      firstPaint: probe.paints['first-paint'] ?? null,
      firstContentfulPaint: probe.paints['first-contentful-paint'] ?? null,
      hostLcp: hostLcp?.start ?? null,
      lcpIsHost: probe.lcp.length && probe.lcp.at(-1).host ? 1 : 0,
      scriptMs: (after.ScriptDuration - before.ScriptDuration) * 1000,
      taskMs: (after.TaskDuration - before.TaskDuration) * 1000,
      ...tasksAndShifts(probe),
      shippedBrotli: shipped.brotli,
      shippedRaw: shipped.raw,
      files: loadFiles,
      unsupported: probe.unsupported.length ? probe.unsupported : undefined,
    };
    if (widget === 'empty') return result;

    Object.assign(result, {
      bannerBuilt: probe.bannerBuilt,
      bannerVisible: probe.bannerVisible,
      buttonsReady: probe.buttonsReady,
      bannerAfterFirstPaint: probe.bannerVisible - result.firstPaint,
    });
    network.phase = 'interaction';

    if (inventory === 'standard') {
      // A real mouse click on "accept all", timed from the input event to the cookie.
      const point = await page.evaluate(() => window.__benchAcceptPoint());
      await page.mouse.click(point.x, point.y);
      await page.waitForFunction(() => window.__bench.click?.cookie != null, null, {
        polling: 20,
        timeout: TIMEOUT_MS,
      });
      const click = await page.evaluate(() => window.__bench.click);
      const start =
        click.timeStamp > 0 && click.timeStamp <= click.captured ? click.timeStamp : click.captured;
      result.clickToCookie = click.cookie - start;
      result.clickInputDelay = click.captured - start;
    } else {
      const expected = INVENTORIES[inventory]().categories.length;
      const open = await page.evaluate((count) => window.__benchOpenPreferences(count), expected);
      if (open.done === null) throw new Error('the preferences dialog did not show in 20 s');
      await networkIdle(network, 100);
      const afterOpen = await readProbe(page);
      const openFiles = sinceNavigation(await Promise.all(network.pending)).filter(
        (file) => file.phase === 'interaction',
      );
      const openTasks = tasksAndShifts(afterOpen, open.start, open.done);
      // The second category: the first is the required one, which a visitor rarely inspects.
      const expand = await page.evaluate(
        (rows) => window.__benchExpandCategory(1, rows),
        LARGE_COOKIES_PER_CATEGORY,
      );
      if (expand.done === null) throw new Error('the expanded category showed no rows in 20 s');
      Object.assign(result, {
        openPreferences: open.done - open.start,
        expandCategory: expand.done - expand.start,
        openAndExpand: open.done - open.start + (expand.done - expand.start),
        openPreferencesBuilt: open.built - open.start,
        openPreferencesVisible: open.visible - open.start,
        openRows: open.rows,
        openLongTaskCount: openTasks.longTaskCount,
        openLongTaskMs: openTasks.longTaskMs,
        openFiles,
        openBrotli: sumFiles(openFiles).brotli,
      });
      await page.evaluate(() => window.__benchAcceptInDialog());
    }
    const cookie = await page
      .waitForFunction(() => window.__benchDecisionCookie(), null, {
        polling: 20,
        timeout: TIMEOUT_MS,
      })
      .then((handle) => handle.jsonValue());
    result.decisionCookieBytes = Buffer.byteLength(cookie, 'utf8');
    return result;
  } finally {
    await context.close();
  }
}
