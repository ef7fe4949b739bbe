// The suite runs in three engines from Debian's packages. WebKit is driven
// through WebKitWebDriver, which scripts/test-browsers.mjs starts (with Xvfb)
// and announces in WEBKIT_DRIVER_PORT.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { puppeteerLauncher } from '@web/test-runner-puppeteer';
import { webdriverLauncher } from '@web/test-runner-webdriver';
import {
  CHROMIUM_FLAGS,
  CHROMIUM_PATH,
  selectedEngines,
  WEBKIT_MINIBROWSER,
} from './scripts/browsers.mjs';

const launchers = {
  chromium: () =>
    chromeLauncher({
      launchOptions: { executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_FLAGS },
    }),
  firefox: () =>
    puppeteerLauncher({
      launchOptions: { browser: 'firefox', executablePath: '/usr/bin/firefox-esr', headless: true },
    }),
  webkit: () =>
    webdriverLauncher({
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
 * A real endpoint for the proof-of-consent tests: POST records the request
 * under `?key=` and answers the statuses listed in `?respond=` in turn
 * (201 by default); GET returns what was recorded for the key.
 */
const proofRequests = new Map();
async function proofEndpoint(context, next) {
  if (context.path !== '/test-endpoints/consent-proof') return next();
  const key = context.query.key ?? '';
  const recorded = proofRequests.get(key) ?? [];
  proofRequests.set(key, recorded);
  if (context.method === 'GET') {
    context.body = recorded;
    return undefined;
  }
  let body = '';
  for await (const chunk of context.req) body += chunk;
  recorded.push({
    csrfToken: context.get('X-CSRFToken'),
    contentType: context.get('Content-Type'),
    body,
  });
  const statuses = String(context.query.respond ?? '201').split(',');
  context.status = Number(statuses[Math.min(recorded.length, statuses.length) - 1]);
  context.body = '';
  return undefined;
}

/**
 * Network faults on demand: `/faulty/<path>` serves `<path>`, except the lazy
 * elements' modules (`*.define.*`), which answer 503, as a chunk gone after a
 * deploy would. URLs of their own, so that no engine's cache hands this copy
 * of the library the modules another test file loaded, or another file the
 * failures of this one.
 */
async function faultyCopy(context, next) {
  if (!context.path.startsWith('/faulty/')) return next();
  if (context.path.includes('.define.')) {
    context.status = 503;
    context.body = '';
    return undefined;
  }
  context.url = context.url.slice('/faulty'.length);
  return next();
}

export default {
  files: ['tests/**/*.test.ts'],
  nodeResolve: true,
  rootDir: '.',
  concurrency: 1,
  concurrentBrowsers: 3,
  browserStartTimeout: 60000,
  testsStartTimeout: 60000,
  testsFinishTimeout: 120000,
  testFramework: { config: { timeout: 10000 } },
  filterBrowserLogs: ({ args }) => !String(args[0]).startsWith('Lit is in dev mode'),
  middleware: [
    proofEndpoint,
    faultyCopy,
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
  plugins: [esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'es2021' })],
  browsers: engines.map((engine) => launchers[engine.name]()),
  // Coverage is measured in Chromium; NO_COVERAGE=1 skips it for a partial run.
  coverage: !process.env.NO_COVERAGE && engines.some((engine) => engine.name === 'chromium'),
  coverageConfig: {
    include: ['src/**/*.ts'],
    exclude: ['src/i18n/generated/**'],
    threshold: { lines: 90, statements: 90, functions: 85, branches: 80 },
    report: true,
    reportDir: 'coverage',
    reporters: ['text-summary', 'lcov'],
  },
};
