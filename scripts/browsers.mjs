// The three engines the suite runs in. One place lists them so the test
// wrapper, the setup script and CI agree. Each path comes from an environment
// variable when set, else from Debian's packages (what CI installs), else from
// the usual places on other systems: a contributor on Ubuntu, Fedora or macOS
// points the variables at their browsers, or lets Chromium come from
// Playwright's own download where one is installed.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * `variable`'s value when set (used as given, so that a wrong one is reported),
 * else the first of `candidates` that exists, else the first one.
 */
function browserFile(variable, ...candidates) {
  if (process.env[variable]) return process.env[variable];
  const named = candidates.filter(Boolean);
  return named.find((path) => existsSync(path)) ?? named[0];
}

/** Playwright's own Chromium, if `npx playwright install chromium` was run. */
function playwrightChromium() {
  try {
    const { chromium } = createRequire(import.meta.url)('playwright-core');
    return chromium.executablePath();
  } catch {
    return undefined;
  }
}

export const CHROMIUM_PATH = browserFile(
  'CHROMIUM_PATH',
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  playwrightChromium(),
);

export const FIREFOX_PATH = browserFile(
  'FIREFOX_PATH',
  '/usr/bin/firefox-esr',
  '/usr/bin/firefox',
  '/Applications/Firefox.app/Contents/MacOS/firefox',
);

/** Chromium as root, headless, and off the network this machine does not have. */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

/** WebKitGTK's browser and driver: WebKit is driven through WebDriver, on an X display. */
export const WEBKIT_MINIBROWSER = browserFile(
  'WEBKIT_MINIBROWSER',
  '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
  '/usr/lib/aarch64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
  '/usr/libexec/webkit2gtk-4.1/MiniBrowser',
);
export const WEBKIT_DRIVER = browserFile('WEBKIT_DRIVER', '/usr/bin/WebKitWebDriver');
export const XVFB = browserFile('XVFB', '/usr/bin/Xvfb');

export const engines = [
  { name: 'chromium', files: [CHROMIUM_PATH], debian: ['chromium'], variables: ['CHROMIUM_PATH'] },
  { name: 'firefox', files: [FIREFOX_PATH], debian: ['firefox-esr'], variables: ['FIREFOX_PATH'] },
  {
    name: 'webkit',
    files: [WEBKIT_DRIVER, WEBKIT_MINIBROWSER, XVFB],
    debian: ['webkit2gtk-driver', 'xvfb'],
    variables: ['WEBKIT_DRIVER', 'WEBKIT_MINIBROWSER', 'XVFB'],
  },
];

/** Engines asked for by BROWSERS=chromium,firefox (default: all three). */
export function selectedEngines(env = process.env) {
  const wanted = (env.BROWSERS ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  if (wanted.length === 0) return engines;
  const unknown = wanted.filter((name) => !engines.some((engine) => engine.name === name));
  if (unknown.length > 0) {
    throw new Error(`BROWSERS names unknown engine(s): ${unknown.join(', ')}`);
  }
  return engines.filter((engine) => wanted.includes(engine.name));
}

/** One line per missing engine, naming the Debian packages that bring it. */
export function missingEngines(list = engines) {
  return list
    .filter((engine) => engine.files.some((file) => !existsSync(file)))
    .map(
      (engine) =>
        `${engine.name} is missing: install it with \`sudo apt-get install ${engine.debian.join(' ')}\` (or \`npm run setup\`), set ${engine.variables.join(', ')} to its files, or leave it out with BROWSERS=…`,
    );
}
