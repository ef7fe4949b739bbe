// The suite runs in three engines from Debian's packages. WebKit is driven
// through WebKitWebDriver, which scripts/test-browsers.mjs starts (with Xvfb)
// and announces in WEBKIT_DRIVER_PORT.
import { URLSearchParams } from 'node:url';
import { build } from 'esbuild';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { puppeteerLauncher } from '@web/test-runner-puppeteer';
import {
  CHROMIUM_FLAGS,
  CHROMIUM_PATH,
  FIREFOX_PATH,
  selectedEngines,
  WEBKIT_MINIBROWSER,
} from './scripts/browsers.mjs';
import { renameLitPolicy } from './rollup.config.mjs';
import { webkitLauncher } from './scripts/webkit-launcher.mjs';

const launchers = {
  chromium: () =>
    chromeLauncher({
      launchOptions: { executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_FLAGS },
    }),
  firefox: () =>
    puppeteerLauncher({
      launchOptions: { browser: 'firefox', executablePath: FIREFOX_PATH, headless: true },
    }),
  webkit: () =>
    webkitLauncher({
      hostname: '127.0.0.1',
      port: Number(process.env.WEBKIT_DRIVER_PORT ?? 4444),
      path: '/',
      logLevel: 'error',
      capabilities: {
        'wdio:enforceWebDriverClassic': true,
        browserName: 'MiniBrowser',
        'webkitgtk:browserOptions': { binary: WEBKIT_MINIBROWSER, args: ['--automation'] },
      },
    }),
};

const engines = selectedEngines();

/**
 * `/test-endpoints/set-cookie?name=…&value=…` answers with a `Set-Cookie` for
 * the page's whole site (path /), as Django's language view does: a cookie
 * that a server response changes, not the page's script.
 */
async function setCookieEndpoint(context, next) {
  if (context.path !== '/test-endpoints/set-cookie') return next();
  const { name = '', value = '' } = context.query;
  context.set('Set-Cookie', `${name}=${value}; Path=/; SameSite=Lax`);
  context.set('Cache-Control', 'no-store');
  context.body = 'set';
  return undefined;
}

/**
 * A real endpoint for the proof-of-consent tests: POST records the request
 * under `?key=` and answers the statuses listed in `?respond=` in turn
 * (201 by default); GET returns what was recorded for the key. It allows
 * other origins (CORS) and records their preflights too, so that a test on
 * `127.0.0.1` can see what a page on `localhost` sent it, and the reverse.
 */
const proofRequests = new Map();
async function proofEndpoint(context, next) {
  if (context.path !== '/test-endpoints/consent-proof') return next();
  const key = context.query.key ?? '';
  const recorded = proofRequests.get(key) ?? [];
  proofRequests.set(key, recorded);
  const origin = context.get('Origin');
  if (origin) {
    context.set('Access-Control-Allow-Origin', origin);
    context.set('Vary', 'Origin');
  }
  if (context.method === 'GET') {
    context.body = recorded;
    return undefined;
  }
  if (context.method === 'OPTIONS') {
    recorded.push({
      method: 'OPTIONS',
      origin,
      requestHeaders: context.get('Access-Control-Request-Headers'),
    });
    context.set('Access-Control-Allow-Methods', 'POST');
    context.set(
      'Access-Control-Allow-Headers',
      context.get('Access-Control-Request-Headers') || 'content-type',
    );
    context.status = 204;
    return undefined;
  }
  let body = '';
  for await (const chunk of context.req) body += chunk;
  recorded.push({
    method: context.method,
    origin,
    // Absent (not '') when the request did not carry it.
    csrfToken: context.headers['x-csrftoken'],
    contentType: context.get('Content-Type'),
    body,
  });
  const posts = recorded.filter((request) => request.method !== 'OPTIONS').length;
  const statuses = String(context.query.respond ?? '201').split(',');
  context.status = Number(statuses[Math.min(posts, statuses.length) - 1]);
  context.body = '';
  return undefined;
}

/**
 * Network faults on demand: `/faulty/<path>` serves `<path>`, except the lazy
 * elements' modules (`*.define.*`), the vendors' rules, the words of the
 * inventory's problems and the check of a long cookie list, which answer
 * 503, as a chunk gone after a deploy
 * would; `/faulty-focus/<path>` fails the banner's focus guard only (every
 * banner shown fetches it: apart, so that the tests of the others see their
 * failures alone). URLs of their own, so that no engine's cache hands a copy
 * of the library the modules another test file loaded, or another file the
 * failures of this one.
 */
const FAULTS = {
  '/faulty/': ['.define.', 'vendor-rules', 'inventory-problems', 'late-check-slices'],
  '/faulty-focus/': ['focus-not-obscured'],
};
async function faultyCopy(context, next) {
  const prefix = Object.keys(FAULTS).find((start) => context.path.startsWith(start));
  if (!prefix) return next();
  if (FAULTS[prefix].some((part) => context.path.includes(part))) {
    context.status = 503;
    context.body = '';
    return undefined;
  }
  const url = context.url.slice(prefix.length - 1);
  // Only the library is copied. Lit and the other packages redirect to their own
  // URLs, which their imports then resolve against, so that the page keeps one
  // Lit (two print "Multiple versions of Lit loaded").
  if (!context.path.startsWith(`${prefix}src/`)) {
    context.redirect(url);
    return undefined;
  }
  context.url = url;
  return next();
}

/**
 * lit-html as the bundle has it (rollup.config.mjs): its Trusted Types policy
 * is ours, `cookie-consent-lit`, created through src/trusted-types.ts (by the
 * URL the tests' own imports use, so that the page holds one copy of it).
 */
async function litPolicyAsBundled(context, next) {
  await next();
  if (!/\/lit-html\/(development\/)?lit-html\.js$/.test(context.path)) return;
  if (context.status !== 200 || typeof context.body !== 'string') return;
  context.body = renameLitPolicy(context.body, '/src/trusted-types.ts');
}

/**
 * The nonce of the script gate's CSP pages. Fixed, which a real page must not
 * do; what matters here is that injected markup does not carry it.
 */
const GATE_PAGE_NONCE = 'gate-page-nonce';

/**
 * Pages served with a real Content-Security-Policy header: the policy of
 * tests/csp/trusted-types.html is picked by its `?policy=` query. In both
 * pages `__RUN__` becomes the `?run=` query, so that the script URLs of one
 * run are its own (see recordedScript).
 */
const CSP_PAGES = {
  '/tests/csp/gate-injection.html': () =>
    `script-src 'nonce-${GATE_PAGE_NONCE}' 'strict-dynamic'; object-src 'none'; base-uri 'none'`,
  '/tests/csp/embed-injection.html': () =>
    `script-src 'nonce-${GATE_PAGE_NONCE}' 'strict-dynamic'; object-src 'none'; base-uri 'none'`,
  '/tests/csp/trusted-types.html': (query) =>
    ({
      named: "require-trusted-types-for 'script'; trusted-types cookie-consent cookie-consent-lit",
      'host-lit':
        "require-trusted-types-for 'script'; trusted-types lit-html cookie-consent cookie-consent-lit",
      forbidden: "require-trusted-types-for 'script'; trusted-types host-only",
    })[query.policy],
};
async function servedWithPolicy(context, next) {
  await next();
  const policy = CSP_PAGES[context.path]?.(context.query);
  if (!policy || context.status !== 200) return;
  context.set('Content-Security-Policy', policy);
  const html = await bodyText(context.body);
  context.body = html.replaceAll('__RUN__', encodeURIComponent(String(context.query.run ?? '')));
}

async function bodyText(body) {
  if (typeof body === 'string') return body;
  if (Buffer.isBuffer(body)) return body.toString('utf8');
  let text = '';
  for await (const chunk of body) text += chunk;
  return text;
}

/**
 * A script whose requests are counted: `/test-endpoints/script.js?key=…&mark=…`
 * pushes `mark` to `window.__ran` where it runs; `/test-endpoints/script-requests?key=…`
 * answers how many times it was requested, for tests that prove a request was never made.
 */
const scriptRequests = new Map();
async function recordedScript(context, next) {
  const key = String(context.query.key ?? '');
  if (context.path === '/test-endpoints/script-requests') {
    context.body = { requests: scriptRequests.get(key) ?? 0 };
    return undefined;
  }
  if (context.path !== '/test-endpoints/script.js') return next();
  scriptRequests.set(key, (scriptRequests.get(key) ?? 0) + 1);
  context.set('Cache-Control', 'no-store');
  context.type = 'text/javascript';
  context.body = `(window.__ran = window.__ran || []).push(${JSON.stringify(String(context.query.mark ?? key))});\n`;
  return undefined;
}

/**
 * Pages whose banner the server rendered (src/server.ts, bundled for Node by
 * esbuild on first use, so that no build is needed):
 * `/test-endpoints/server-rendered.html?key=…&language=…` is the banner, then
 * one module script, `/test-endpoints/held-script.js?key=…`, answered only
 * once `/test-endpoints/release-script?key=…` was requested: until then the
 * page has run none of its scripts. That module loads the hydration, then the
 * library.
 */
let serverModule;
const holds = new Map();
function held(name) {
  if (!holds.has(name)) {
    let release;
    const released = new Promise((resolve) => (release = resolve));
    holds.set(name, { released, release });
  }
  return holds.get(name);
}

/**
 * What the test pages load that a test holds back, to act while a page waits
 * for it: each is answered (uncached) only once
 * `/test-endpoints/release-<name>?key=…` was requested for the same key.
 * - `script`: the server-rendered page's only module script, which loads the
 *   hydration, then the library.
 * - `vendor-rules` and `language` (`&language=…`): the library's imports of
 *   the vendors' rules and of a language's texts, which the server-rendered
 *   page's import map sends here with `&vendors=1` and `&heldLanguage=1`
 *   (another URL for the same file: the import map sends only the plain one).
 * - `style`: the first-paint page's stylesheet, which holds its first frame.
 */
const HELD = {
  script: {
    path: '/test-endpoints/held-script.js',
    type: 'text/javascript',
    body: () => `import '/src/hydrate.ts';\nimport '/src/cookie-consent.ts';\n`,
  },
  'vendor-rules': {
    path: '/test-endpoints/held-vendor-rules.js',
    type: 'text/javascript',
    body: () => `export * from '/src/consent/vendor-rules.ts?held';\n`,
  },
  language: {
    path: '/test-endpoints/held-language.js',
    type: 'text/javascript',
    body: (query) => {
      const language = String(query.language).replace(/[^a-zA-Z-]/g, '');
      return `export * from '/src/i18n/generated/${language}.ts?held';\n`;
    },
  },
  style: {
    path: '/test-endpoints/held-style.css',
    type: 'text/css',
    body: () => 'main { color: #222; }\n',
  },
};
async function heldResources(context, next) {
  const key = String(context.query.key ?? '');
  const released = /^\/test-endpoints\/release-([a-z-]+)$/.exec(context.path)?.[1];
  if (released && Object.hasOwn(HELD, released)) {
    held(`${key}:${released}`).release();
    context.body = '';
    return undefined;
  }
  const name = Object.keys(HELD).find((each) => HELD[each].path === context.path);
  if (!name) return next();
  await held(`${key}:${name}`).released;
  context.set('Cache-Control', 'no-store');
  context.type = HELD[name].type;
  context.body = HELD[name].body(context.query);
  return undefined;
}
async function renderOnServer() {
  serverModule ??= build({
    entryPoints: ['src/server.ts'],
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    tsconfig: './tsconfig.json',
    // package.json's sideEffects name lib/, not src/: keep the modules that define the elements.
    ignoreAnnotations: true,
    outfile: '.tmp/test-server/server.mjs',
    logLevel: 'error',
  }).then(() => import(new URL('./.tmp/test-server/server.mjs', import.meta.url).href));
  return serverModule;
}
const SERVER_RENDERED_INVENTORY = {
  revision: 1,
  categories: [
    { id: 'necessary', required: true, label: { fr: 'Nécessaires', en: 'Necessary' } },
    { id: 'statistics', label: { fr: 'Statistiques', en: 'Statistics' } },
  ],
};
/** The same with a vendor, whose rules the store fetches before it takes the inventory. */
const SERVER_RENDERED_VENDOR_INVENTORY = {
  ...SERVER_RENDERED_INVENTORY,
  vendors: [
    {
      id: 'stats-tool',
      category: 'statistics',
      label: { fr: 'Outil de mesure', en: 'Stats tool' },
    },
  ],
};
/** The same with a category Global Privacy Control covers, for `&gpc=…`. */
const SERVER_RENDERED_GPC_INVENTORY = {
  ...SERVER_RENDERED_INVENTORY,
  categories: [
    ...SERVER_RENDERED_INVENTORY.categories,
    { id: 'marketing', gpc: true, label: { fr: 'Publicité', en: 'Advertising' } },
  ],
};
/**
 * With `&form=1`, the banner's buttons post to `/test-endpoints/decision?key=…`
 * until the script runs: it records each form (GET answers them) and
 * redirects (303) to `/test-endpoints/decided.html`.
 */
const decisionPosts = new Map();
async function serverRenderedPages(context, next) {
  const key = String(context.query.key ?? '');
  if (context.path === '/test-endpoints/decision') {
    const posts = decisionPosts.get(key) ?? [];
    decisionPosts.set(key, posts);
    if (context.method === 'POST') {
      posts.push(Object.fromEntries(new URLSearchParams(await bodyText(context.req))));
      context.status = 303;
      context.set('Location', `/test-endpoints/decided.html?key=${encodeURIComponent(key)}`);
      return undefined;
    }
    context.body = posts;
    return undefined;
  }
  if (context.path === '/test-endpoints/decided.html') {
    context.type = 'text/html';
    context.body = '<!doctype html><title>Decided</title><main id="decided">Back</main>';
    return undefined;
  }
  if (context.path !== '/test-endpoints/server-rendered.html') return next();
  const { renderBanner } = await renderOnServer();
  const language = String(context.query.language ?? 'en');
  const form = context.query.form === '1';
  const vendors = context.query.vendors === '1';
  // `&gpc=signal`: a browser that sends Global Privacy Control (Sec-GPC and
  // navigator.globalPrivacyControl); `&gpc=header`: one that sends only the header.
  const gpc = context.query.gpc;
  const inventory = gpc
    ? SERVER_RENDERED_GPC_INVENTORY
    : vendors
      ? SERVER_RENDERED_VENDOR_INVENTORY
      : SERVER_RENDERED_INVENTORY;
  const heldModules = {};
  const holdModule = (path, url) => {
    heldModules[`${path}.js`] = url;
    heldModules[`${path}.ts`] = url;
  };
  if (vendors || gpc) {
    holdModule(
      '/src/consent/vendor-rules',
      `/test-endpoints/held-vendor-rules.js?key=${encodeURIComponent(key)}`,
    );
  }
  if (context.query.heldLanguage === '1') {
    holdModule(
      `/src/i18n/generated/${language}`,
      `/test-endpoints/held-language.js?key=${encodeURIComponent(key)}&language=${language}`,
    );
  }
  const importMap =
    Object.keys(heldModules).length > 0
      ? `<script type="importmap">${JSON.stringify({ imports: heldModules })}</script>`
      : '';
  const banner = renderBanner({
    inventory,
    language,
    policyHref: '/policy/',
    cookieHeader: context.get('Cookie'),
    decisionAction: form ? `/test-endpoints/decision?key=${encodeURIComponent(key)}` : undefined,
    csrfToken: form ? 'token-&-"quoted"' : undefined,
    globalPrivacyControl: gpc !== undefined,
  });
  const signal =
    gpc === 'signal'
      ? "<script>Object.defineProperty(navigator, 'globalPrivacyControl', { value: true });</script>"
      : '';
  context.set('Cache-Control', 'no-store');
  context.type = 'text/html';
  context.body = `<!doctype html>
<html lang="${language}">
<head><meta charset="utf-8"><title>Server-rendered banner</title>${importMap}${signal}</head>
<body>
<main><h1>A page</h1><p>Its text.</p></main>
${banner}
<script type="module" src="/test-endpoints/held-script.js?key=${encodeURIComponent(key)}"></script>
</body>
</html>`;
  return undefined;
}

/**
 * A page that cannot paint before its script has run:
 * `/test-endpoints/first-paint.html?key=…` has a stylesheet in its head,
 * `/test-endpoints/held-style.css?key=…`, answered only once
 * `/test-endpoints/release-style?key=…` was requested, which blocks its first
 * frame; its library module is `async`, so it runs meanwhile. An inline script
 * before it (a classic script after it would wait for it) records, in each of
 * the page's frames, whether the banner was rendered.
 */
async function firstPaintPage(context, next) {
  const key = String(context.query.key ?? '');
  if (context.path !== '/test-endpoints/first-paint.html') return next();
  const inventory = JSON.stringify(SERVER_RENDERED_INVENTORY);
  context.set('Cache-Control', 'no-store');
  context.type = 'text/html';
  context.body = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>A page that paints after its script ran</title>
<script>
  window.paintedFrames = [];
  const record = () => {
    const region = document.querySelector('cookie-banner')?.shadowRoot?.querySelector('[role="region"]');
    window.paintedFrames.push({ banner: Boolean(region), defined: Boolean(customElements.get('cookie-banner')) });
    if (!region && window.paintedFrames.length < 1000) requestAnimationFrame(record);
  };
  requestAnimationFrame(record);
</script>
<link rel="stylesheet" href="/test-endpoints/held-style.css?key=${encodeURIComponent(key)}">
<script type="module" async src="/src/cookie-consent.ts"></script>
</head>
<body>
<main><h1>A page</h1><p>Its own text, which its first frame paints.</p></main>
<cookie-banner><script type="application/json">${inventory}</script></cookie-banner>
</body>
</html>`;
  return undefined;
}

/**
 * `executeServerCommand('forced-colors', { active })` emulates
 * `forced-colors: active` (Windows High Contrast) and answers whether it
 * could: Chromium can, through the DevTools protocol; Firefox ESR's WebDriver
 * BiDi and WebKitWebDriver have no such emulation, and answer false.
 */
function forcedColorsCommand() {
  return {
    name: 'forced-colors-command',
    async executeCommand({ command, payload, session }) {
      if (command !== 'forced-colors') return undefined;
      if (session.browser.type !== 'puppeteer') return false;
      const page = session.browser.getPage(session.id);
      try {
        await page.emulateMediaFeatures([
          { name: 'forced-colors', value: payload?.active ? 'active' : 'none' },
        ]);
        return true;
      } catch {
        return false;
      }
    },
  };
}

/**
 * `waitUntil` (from @open-wc/testing) gives up after 1 s unless a test says
 * otherwise, and a lazy chunk or a language can take longer than that to load
 * on a busy 2-core machine running three engines (seen: the Global Privacy
 * Control note in Chromium). Every wait here is on a condition, so a longer
 * bound costs time only when something is wrong: its default becomes 10 s, for
 * every test at once, where the helper is served. A test that passes its own
 * `timeout` keeps it.
 */
export const WAIT_UNTIL_DEFAULT_MS = 10_000;
const waitUntilDefault = {
  name: 'wait-until-default-timeout',
  transform(context) {
    if (!context.path.endsWith('/@open-wc/testing-helpers/src/helpers.js')) return undefined;
    // esbuild may have reformatted it (1000 as 1e3).
    const body = context.body.replace(
      /(\{\s*interval\s*=\s*50,\s*timeout\s*=\s*)(?:1000|1e3)(\s*\})/,
      `$1${WAIT_UNTIL_DEFAULT_MS}$2`,
    );
    if (body === context.body) {
      throw new Error("@open-wc/testing-helpers' waitUntil changed: update waitUntilDefault");
    }
    return { body };
  },
};

export default {
  files: ['tests/**/*.test.ts'],
  nodeResolve: true,
  rootDir: '.',
  concurrency: 1,
  concurrentBrowsers: 3,
  browserStartTimeout: 60000,
  testsStartTimeout: 60000,
  // Generous bounds: every wait in the tests is on a condition, so these cost
  // time only when something is wrong, and a busy 2-core machine running three
  // engines at once can take well over 10 s for a test that loads a language,
  // renders a dialog and runs axe (seen in WebKit).
  testsFinishTimeout: 300000,
  testFramework: { config: { timeout: 30000 } },
  filterBrowserLogs: ({ args }) => !String(args[0]).startsWith('Lit is in dev mode'),
  middleware: [
    proofEndpoint,
    setCookieEndpoint,
    faultyCopy,
    litPolicyAsBundled,
    servedWithPolicy,
    recordedScript,
    heldResources,
    serverRenderedPages,
    firstPaintPage,
    // A sandboxed frame has an opaque origin: it loads the library's modules
    // only if the server allows any origin, as a CDN would.
    async (context, next) => {
      await next();
      context.set('Access-Control-Allow-Origin', '*');
    },
    // The strict-CSP fixture is served as a hardened host page would be.
    async (context, next) => {
      await next();
      if (context.path.endsWith('/tests/csp/strict-csp.html')) {
        context.set(
          'Content-Security-Policy',
          "default-src 'self'; script-src 'self'; style-src 'self'",
        );
      }
    },
  ],
  plugins: [
    esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'es2021' }),
    forcedColorsCommand(),
    waitUntilDefault,
  ],
  browsers: engines.map((engine) => launchers[engine.name]()),
  // Coverage is measured in Chromium; NO_COVERAGE=1 skips it for a partial run.
  coverage: !process.env.NO_COVERAGE && engines.some((engine) => engine.name === 'chromium'),
  coverageConfig: {
    include: ['src/**/*.ts'],
    exclude: ['src/i18n/generated/**'],
    threshold: { lines: 90, statements: 90, functions: 85, branches: 80 },
    report: true,
    reportDir: 'coverage',
    reporters: ['lcov'],
  },
};
