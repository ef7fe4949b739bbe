// The check itself: each page visited three times, each time in a fresh profile (before any
// choice, then "reject all" and a reload, then "accept all" and a withdrawal), and what the
// browser holds and requests compared with the inventory the page's consent elements hold.
import { CheckError } from './browser.mjs';
import {
  MAX_DECISION_DAYS,
  classify,
  cookieNameOf,
  declaredDays,
  formatDays,
  isThirdParty,
  jarDays,
  lifetimeMatches,
  requestedDays,
  requiredCategories,
  scriptOf,
  siteOf,
} from './classify.mjs';
import {
  RECORD_BINDING,
  buttonLook,
  consentElementsReady,
  instrumentWrites,
  preferencesOpen,
  readConsentState,
  readLinks,
  readStorage,
  rejectThroughApi,
} from './in-page.mjs';

/** The steps of a page, in the order of the report. */
export const STEPS = {
  page: 'The page',
  before: 'Before any choice',
  reject: 'After "reject all", then a reload',
  accept: 'After "accept all"',
  withdraw: 'After withdrawing consent',
  banner: 'The banner',
};

/** How long the network must be still for a page to count as settled. */
const IDLE_MS = 500;
/** The longest the check waits for a page's network to settle after an action. */
const MAX_SETTLE_MS = 10_000;
/** The longest the check waits for the consent elements and the banner. */
const MAX_UI_MS = 5_000;

const FIX = {
  itemBeforeConsent:
    'declare it in a required category if it is strictly necessary (session, security, ' +
    'language, the decision itself); otherwise hold back what sets it until its category is ' +
    'granted (`<script type="text/plain" data-consent-category="…">`)',
  serverItemBeforeConsent:
    'declare it in a required category if it is strictly necessary; otherwise set it on the ' +
    'server only once the decision cookie grants its category',
  requestBeforeConsent:
    'load this third party only after consent (gate its script with ' +
    '`data-consent-category`, its frame with `<cookie-embed>`), or serve the resource yourself; ' +
    'list it with `--first-party` if it belongs to your site',
  undeclared:
    'add it to the inventory with its category, purpose and duration (`--inventory-out` ' +
    'writes a skeleton to complete)',
  lifetime: "make the inventory's duration and the lifetime its setter asks for agree",
  decisionLifetime:
    'keep the decision at most 13 months: `cookie-days` of at most 395, and nothing that ' +
    're-issues the cookie with a longer lifetime',
  noBanner: 'show `<cookie-banner>` with the inventory on every page a visitor may land on first',
  noInventory:
    'give a consent element of the page the inventory (its `inventory` property or a ' +
    '`<script type="application/json">` child)',
  noReject:
    'put a "reject all" button on the first layer, next to "accept all" (do not hide ' +
    "`<cookie-banner>`'s `reject-button` part)",
  rejectUnlike:
    'give "reject all" the same size, type and colours as "accept all" ' +
    '(style `::part(accept-button)` and `::part(reject-button)` alike)',
  closeConsents: 'closing the banner must record a refusal, or nothing',
  rejectConsents: '"reject all" must refuse every category that needs consent',
  noPreferences:
    'add a link on every page that reopens the preferences: ' +
    '`<a href="/cookies/" data-cookie-preferences>Manage cookies</a>`, or the banner\'s ' +
    '`reopen-button` attribute',
  withdrawal:
    'stop the script when `consent-change` names its category in `detail.withdrawn`, or put ' +
    '`reload-on-withdraw` on a consent element',
};

/**
 * Checks `urls` and up to `maxPages` pages of their sites in `browser`.
 * @param {import('playwright-core').Browser} browser
 * @param {string[]} urls
 * @param {{ maxPages?: number, cookies?: string[], headers?: Record<string, string>,
 *   timeout?: number, firstParty?: string[], onProgress?: (text: string) => void }} [options]
 */
export async function checkSites(browser, urls, options = {}) {
  const settings = {
    maxPages: Math.max(options.maxPages ?? urls.length, urls.length),
    cookies: (options.cookies ?? []).map(parseCookieOption),
    headers: options.headers ?? {},
    timeout: options.timeout ?? 30_000,
    firstParty: options.firstParty ?? [],
    onProgress: options.onProgress ?? (() => {}),
  };
  const queue = urls.map((url) => ({ url: normaliseUrl(url), given: true }));
  const seen = new Set(queue.map(({ url }) => url));
  const pages = [];
  while (queue.length > 0 && pages.length < settings.maxPages) {
    const { url, given } = queue.shift();
    const progress = (step) =>
      settings.onProgress(
        `[${pages.length + 1}/${Math.min(settings.maxPages, pages.length + 1 + queue.length)}] ${url} ${step}`,
      );
    let result;
    try {
      result = await checkPage(browser, url, settings, progress);
    } catch (error) {
      // A page given on the command line must be checked; a page found by following links
      // is reported and skipped.
      if (given || !(error instanceof CheckError)) throw error;
      pages.push({ url, skipped: error.message, findings: [], observed: {} });
      continue;
    }
    pages.push(result);
    for (const link of result.links) {
      if (seen.has(link) || !sameOrigin(link, url) || !looksLikePage(link)) continue;
      seen.add(link);
      queue.push({ url: link, given: false });
    }
  }
  const findings = pages.flatMap((page) => page.findings);
  return {
    ok: findings.length === 0,
    violations: findings.length,
    pages: pages.map(({ links: _links, ...page }) => page),
  };
}

function normaliseUrl(url) {
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    throw new CheckError(`not a URL: ${url}`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new CheckError(`not an http(s) URL: ${url}`);
  }
  parsed.hash = '';
  return parsed.href;
}

function sameOrigin(a, b) {
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}

function looksLikePage(url) {
  return !/\.(pdf|zip|gz|png|jpe?g|gif|svg|webp|ico|mp4|mp3|webm|csv|xlsx?|docx?|pptx?|json|xml|txt|js|css)$/i.test(
    new URL(url).pathname,
  );
}

/** `name=value` of `--cookie`. */
function parseCookieOption(text) {
  const separator = text.indexOf('=');
  if (separator <= 0) throw new CheckError(`--cookie takes name=value, not: ${text}`);
  return { name: text.slice(0, separator).trim(), value: text.slice(separator + 1).trim() };
}

/** A fresh browser profile for `url`: its writes, requests and Set-Cookie headers recorded. */
async function openProfile(browser, url, settings) {
  const context = await browser.newContext({ extraHTTPHeaders: settings.headers });
  context.setDefaultTimeout(settings.timeout);
  context.setDefaultNavigationTimeout(settings.timeout);
  if (settings.cookies.length > 0) {
    await context.addCookies(settings.cookies.map((cookie) => ({ ...cookie, url })));
  }
  const profile = { context, writes: [], requests: [], inflight: 0, lastActivity: Date.now() };
  await context.exposeBinding(RECORD_BINDING, (_source, write) => {
    profile.writes.push({ ...write, time: Date.now(), script: scriptOf(write.stack) });
  });
  await context.addInitScript(instrumentWrites, RECORD_BINDING);
  context.on('request', (request) => {
    profile.requests.push({ url: request.url(), time: Date.now(), type: request.resourceType() });
    profile.inflight += 1;
    profile.lastActivity = Date.now();
  });
  const finished = () => {
    profile.inflight = Math.max(0, profile.inflight - 1);
    profile.lastActivity = Date.now();
  };
  context.on('requestfinished', finished);
  context.on('requestfailed', finished);
  context.on('response', async (response) => {
    const time = Date.now();
    let values;
    try {
      values = await response.headerValues('set-cookie');
    } catch {
      return;
    }
    for (const value of values.flatMap((header) => header.split('\n'))) {
      profile.writes.push({
        kind: 'cookie',
        value,
        time,
        script: `Set-Cookie of ${response.url()}`,
        server: true,
      });
    }
  });
  profile.page = await context.newPage();
  return profile;
}

/** Waits until no request has been in flight for IDLE_MS, at most MAX_SETTLE_MS. */
async function settle(profile) {
  const deadline = Date.now() + MAX_SETTLE_MS;
  while (Date.now() < deadline) {
    if (profile.inflight === 0 && Date.now() - profile.lastActivity >= IDLE_MS) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** `promise`, or `fallback` after `ms`. */
function within(promise, ms, fallback) {
  let timer;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise((resolve) => {
      timer = setTimeout(() => resolve(fallback), ms);
    }),
  ]);
}

/** Loads or reloads, waits for the network to settle and the consent elements to be ready. */
async function load(profile, url, settings, { reload = false } = {}) {
  let response;
  try {
    response = reload
      ? await profile.page.reload({ waitUntil: 'load' })
      : await profile.page.goto(url, { waitUntil: 'load' });
  } catch (error) {
    const reason =
      /Timeout/i.test(error.name) || /Timeout .* exceeded/.test(error.message)
        ? `timed out after ${settings.timeout / 1000} s`
        : error.message.split('\n')[0];
    throw new CheckError(`could not load ${url}: ${reason}`);
  }
  if (response && response.status() >= 400) {
    throw new CheckError(`could not load ${url}: the server answered ${response.status()}`);
  }
  await settle(profile);
  await within(
    profile.page.evaluate(consentElementsReady).catch(() => false),
    MAX_UI_MS,
    false,
  );
  return profile.page.evaluate(readConsentState);
}

/** Every cookie and storage key the profile holds now (the `--cookie` ones left out). */
async function snapshot(profile, settings) {
  const given = new Set(settings.cookies.map((cookie) => cookie.name));
  const items = (await profile.context.cookies())
    .filter((cookie) => !given.has(cookie.name))
    .map((cookie) => ({
      kind: 'cookie',
      name: cookie.name,
      domain: cookie.domain,
      path: cookie.path,
      days: jarDays(cookie),
    }));
  const origins = new Set();
  for (const frame of profile.page.frames()) {
    let storage;
    try {
      storage = await within(frame.evaluate(readStorage), MAX_UI_MS, undefined);
    } catch {
      continue;
    }
    if (!storage || origins.has(storage.origin)) continue;
    origins.add(storage.origin);
    for (const kind of ['localStorage', 'sessionStorage']) {
      for (const key of storage[kind]) items.push({ kind, name: key, origin: storage.origin });
    }
  }
  for (const item of items) {
    const write = lastWrite(profile, item);
    if (write) item.setBy = write.script;
    if (item.kind === 'cookie' && write?.value) {
      const asked = requestedDays(write.value, write.time);
      if (asked === 'session' || asked > 0) item.requestedDays = asked;
    }
  }
  return items;
}

/** The last write the profile recorded for `item`, after `since` if given. */
function lastWrite(profile, item, since = 0) {
  return profile.writes.findLast(
    (write) =>
      write.time >= since &&
      write.kind === item.kind &&
      (item.kind === 'cookie'
        ? cookieNameOf(write.value) === item.name &&
          (write.server || requestedDays(write.value, write.time) !== 0)
        : write.key === item.name && write.origin === item.origin),
  );
}

/** How an item is named in the report: `cookie "x" (domain …, path /, 1 year)`. */
export function describeItem(item) {
  if (item.kind !== 'cookie') return `${item.kind} key "${item.name}" (${item.origin})`;
  const lifetime = formatDays(item.requestedDays ?? item.days);
  return `cookie "${item.name}" (domain ${item.domain}, path ${item.path}, ${lifetime})`;
}

function setBy(item) {
  return item.setBy ? `, set by ${item.setBy}` : '';
}

/** The items and requests a step must not have: anything outside the required categories. */
function checkNothingBeforeConsent(step, items, requests, state, url, settings, add) {
  const when = step === 'before' ? 'before any choice' : 'after "reject all"';
  for (const item of items) {
    const { status, entry } = classify(state.inventory, item.kind, item.name);
    if (status === 'required') continue;
    if (item.kind === 'cookie' && item.name === state.cookieName && step === 'reject') continue;
    const what =
      status === 'undeclared'
        ? 'is not in the inventory'
        : `is declared in "${entry.category}", which needs consent`;
    add(step, step === 'before' ? 'item-before-consent' : 'item-after-reject', {
      message: `${describeItem(item)} ${what}, and is there ${when}${setBy(item)}`,
      fix: item.setBy?.startsWith('Set-Cookie')
        ? FIX.serverItemBeforeConsent
        : FIX.itemBeforeConsent,
      item,
    });
  }
  const hosts = new Map();
  for (const request of requests) {
    if (!isThirdParty(request.url, url, settings.firstParty)) continue;
    const host = new URL(request.url).host;
    const known = hosts.get(host);
    if (known) known.count += 1;
    else hosts.set(host, { host, url: request.url, count: 1 });
  }
  for (const { host, url: first, count } of hosts.values()) {
    add(step, step === 'before' ? 'request-before-consent' : 'request-after-reject', {
      message: `${count === 1 ? 'a request' : `${count} requests`} to the third party ${host} ${when} (${first})`,
      fix: FIX.requestBeforeConsent,
      request: { host, url: first, count },
    });
  }
}

/** The decision cookie's lifetime: at most 13 months, as asked and as kept. */
function checkDecisionLifetime(step, items, state, add) {
  const cookie = items.find((item) => item.kind === 'cookie' && item.name === state.cookieName);
  if (!cookie) return;
  const days = Math.max(
    ...[cookie.days, cookie.requestedDays].filter((value) => typeof value === 'number'),
  );
  if (days > MAX_DECISION_DAYS + 1) {
    const kept =
      cookie.requestedDays !== undefined && cookie.days !== 'session' && cookie.days < days - 1
        ? ` (the browser keeps it ${formatDays(cookie.days)})`
        : '';
    add(step, 'decision-lifetime', {
      message: `the decision cookie "${state.cookieName}" lives ${formatDays(days)} (${Math.round(days)} days)${kept}${setBy(cookie)}: at most 13 months are allowed`,
      fix: FIX.decisionLifetime,
      item: cookie,
    });
  }
}

/** The cookies after "accept all": each declared, with the lifetime declared. */
function checkDeclared(items, state, add) {
  for (const item of items) {
    const { status, entry } = classify(state.inventory, item.kind, item.name);
    if (status === 'undeclared') {
      add('accept', 'undeclared', {
        message: `${describeItem(item)} is not in the inventory${setBy(item)}`,
        fix: FIX.undeclared,
        item,
      });
      continue;
    }
    if (item.kind !== 'cookie' || entry.duration === undefined) continue;
    const declared = declaredDays(entry.duration);
    const real = item.requestedDays ?? item.days;
    if (lifetimeMatches(declared, real) === false) {
      add('accept', 'lifetime-mismatch', {
        message: `cookie "${item.name}" lives ${formatDays(real)}, the inventory says ${formatDays(declared)}${setBy(item)}`,
        fix: FIX.lifetime,
        item,
      });
    }
  }
}

/** Whether a decision grants anything that needs consent. */
function grantsAnything(decision, inventory) {
  if (!decision) return false;
  const required = requiredCategories(inventory);
  return Object.entries(decision.categories ?? {}).some(([id, on]) => on && !required.has(id));
}

/** The first-layer buttons: reject present, and like accept. */
async function checkButtons(page, add) {
  const banner = page.locator('cookie-banner [part~="base"]').first();
  const accept = banner.locator('[part~="accept-button"]').first();
  const reject = banner.locator('[part~="reject-button"]').first();
  if (!(await reject.isVisible())) {
    add('banner', 'no-reject-button', {
      message: 'the banner\'s first layer has no visible "reject all" button',
      fix: FIX.noReject,
    });
    return;
  }
  if (!(await accept.isVisible())) return;
  const [a, r] = [await accept.evaluate(buttonLook), await reject.evaluate(buttonLook)];
  const differences = [];
  if (Math.abs(a.height - r.height) > 2) {
    differences.push(`height ${Math.round(r.height)} px against ${Math.round(a.height)} px`);
  }
  if (Math.min(a.width, r.width) / Math.max(a.width, r.width) < 0.75) {
    differences.push(`width ${Math.round(r.width)} px against ${Math.round(a.width)} px`);
  }
  for (const [property, label] of [
    ['fontSize', 'font size'],
    ['fontWeight', 'font weight'],
    ['color', 'text colour'],
    ['background', 'background'],
  ]) {
    if (a[property] !== r[property]) {
      differences.push(`${label} ${r[property]} against ${a[property]}`);
    }
  }
  if (differences.length > 0) {
    add('banner', 'reject-unlike-accept', {
      message: `"${r.text}" does not look like "${a.text}": ${differences.join(', ')}`,
      fix: FIX.rejectUnlike,
    });
  }
}

async function bannerVisible(page) {
  return within(
    page
      .locator('cookie-banner [part~="base"]')
      .first()
      .waitFor({ state: 'visible', timeout: MAX_UI_MS })
      .then(
        () => true,
        () => false,
      ),
    MAX_UI_MS + 1000,
    false,
  );
}

/** Clicks the banner's button `part`, else decides through the page API; true if clicked. */
async function clickBanner(profile, part, state) {
  const button = profile.page.locator(`cookie-banner [part~="base"] [part~="${part}"]`).first();
  if (await button.isVisible()) {
    await button.click();
  } else {
    const method = part === 'reject-button' ? 'rejectAll' : 'acceptAll';
    await profile.page.evaluate(
      ([name, cookieName]) => window.cookieConsent?.[name](cookieName),
      [method, state.cookieName],
    );
  }
  await settle(profile);
}

async function checkPage(browser, url, settings, progress) {
  const findings = [];
  const observed = {};
  const add = (step, code, details) => findings.push({ step, code, ...details });
  let links = [];

  // 1. Before any choice, and what closing the banner records.
  progress('before any choice');
  let profile = await openProfile(browser, url, settings);
  let state;
  try {
    state = await load(profile, url, settings);
    const shown = state.tags.includes('cookie-banner') && (await bannerVisible(profile.page));
    const items = await snapshot(profile, settings);
    observed.before = { items, requests: thirdParties(profile.requests, url, settings) };
    observed.inventory = state.inventory;
    observed.cookieName = state.cookieName;
    links = await profile.page.evaluate(readLinks).catch(() => []);
    if (!state.inventory) {
      add('page', 'no-inventory', {
        message:
          state.tags.length === 0
            ? 'the page has no consent element (<cookie-banner>, <cookie-preferences>, <cookie-table>, <cookie-embed>)'
            : `no consent element of the page holds an inventory (${state.tags.join(', ')})`,
        fix: FIX.noInventory,
      });
    }
    checkNothingBeforeConsent('before', items, profile.requests, state, url, settings, add);
    if (state.inventory && !state.decision && !shown) {
      add('banner', 'no-banner', {
        message: 'no cookie banner is shown on a first visit',
        fix: FIX.noBanner,
      });
    }
    if (shown) {
      await checkButtons(profile.page, add);
      // Closing: a close control if the banner has one, and Escape.
      const close = profile.page
        .locator('cookie-banner [part~="base"]')
        .getByRole('button', {
          name: /^(✕|×|x|close|fermer|continuer sans accepter|continue without accepting)$/i,
        })
        .first();
      if (await close.isVisible()) await close.click();
      await profile.page.keyboard.press('Escape');
      await settle(profile);
      const closed = await profile.page.evaluate(readConsentState);
      if (grantsAnything(closed.decision, state.inventory)) {
        add('banner', 'close-records-consent', {
          message: 'closing the banner (its close control, or Escape) recorded consent',
          fix: FIX.closeConsents,
        });
      }
    }
  } finally {
    await profile.context.close();
  }
  if (!state.inventory) return { url, findings, observed, links };

  // 2. "Reject all", as a visitor clicks it, then a reload.
  progress('reject all');
  profile = await openProfile(browser, url, settings);
  try {
    await load(profile, url, settings);
    await bannerVisible(profile.page);
    await clickBanner(profile, 'reject-button', state);
    const since = Date.now();
    const rejected = await profile.page.evaluate(readConsentState);
    if (grantsAnything(rejected.decision, state.inventory)) {
      add('reject', 'reject-records-consent', {
        message: '"reject all" recorded consent to a category',
        fix: FIX.rejectConsents,
      });
    }
    await load(profile, url, settings, { reload: true });
    const items = await snapshot(profile, settings);
    const requests = profile.requests.filter((request) => request.time >= since);
    observed.reject = { items, requests: thirdParties(requests, url, settings) };
    checkNothingBeforeConsent('reject', items, requests, state, url, settings, add);
    checkDecisionLifetime('reject', items, state, add);
  } finally {
    await profile.context.close();
  }

  // 3. "Accept all", a reload, then a withdrawal from the preferences link.
  progress('accept all');
  profile = await openProfile(browser, url, settings);
  try {
    await load(profile, url, settings);
    await bannerVisible(profile.page);
    await clickBanner(profile, 'accept-button', state);
    await load(profile, url, settings, { reload: true });
    const items = await snapshot(profile, settings);
    observed.accept = { items, requests: thirdParties(profile.requests, url, settings) };
    checkDeclared(items, state, add);
    checkDecisionLifetime('accept', items, state, add);

    progress('withdrawal');
    const opener = profile.page
      .locator('[data-cookie-preferences], cookie-banner [part~="reopen-button"]')
      .filter({ visible: true })
      .first();
    let opened = false;
    if ((await opener.count()) > 0) {
      await opener.click();
      opened = await within(
        profile.page.waitForFunction(preferencesOpen, undefined, { timeout: MAX_UI_MS }).then(
          () => true,
          () => false,
        ),
        MAX_UI_MS + 1000,
        false,
      );
    }
    if (!opened) {
      add('banner', 'no-preferences-link', {
        message: 'after the decision, no link or button of the page reopens the preferences',
        fix: FIX.noPreferences,
      });
    }
    const dialogReject = profile.page
      .locator('cookie-preferences dialog[open] [part~="reject-button"]')
      .first();
    const since = Date.now();
    if (opened && (await dialogReject.isVisible())) await dialogReject.click();
    else await profile.page.evaluate(rejectThroughApi, state.cookieName);
    await settle(profile);
    const after = await snapshot(profile, settings);
    observed.withdraw = { items: after };
    const pageSite = siteOf(new URL(url).hostname);
    for (const item of after) {
      const { status, entry } = classify(state.inventory, item.kind, item.name);
      if (status !== 'consent') continue;
      if (item.kind === 'cookie' && siteOf(item.domain.replace(/^\./, '')) !== pageSite) continue;
      const again = lastWrite(profile, item, since);
      add('withdraw', 'kept-after-withdrawal', {
        message: again
          ? `${describeItem(item)} of "${entry.category}" was set again after consent was withdrawn, by ${again.script ?? 'an unknown script'}`
          : `${describeItem(item)} of "${entry.category}" is still there after consent was withdrawn${setBy(item)}`,
        fix: FIX.withdrawal,
        item,
      });
    }
  } finally {
    await profile.context.close();
  }
  return { url, findings, observed, links };
}

/** The third-party requests among `requests`, by host. */
function thirdParties(requests, url, settings) {
  const hosts = {};
  for (const request of requests) {
    if (!isThirdParty(request.url, url, settings.firstParty)) continue;
    const host = new URL(request.url).host;
    hosts[host] = (hosts[host] ?? 0) + 1;
  }
  return hosts;
}

/* global window */
