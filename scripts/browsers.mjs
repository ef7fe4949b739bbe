// The three engines the suite runs in, all from Debian's packages. One place
// lists them so the test wrapper, the setup script and CI agree.
import { existsSync } from 'node:fs';

export const CHROMIUM_PATH = '/usr/bin/chromium';

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

export const WEBKIT_MINIBROWSER = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

export const engines = [
  { name: 'chromium', files: [CHROMIUM_PATH], debian: ['chromium'] },
  { name: 'firefox', files: ['/usr/bin/firefox-esr'], debian: ['firefox-esr'] },
  {
    name: 'webkit',
    files: ['/usr/bin/WebKitWebDriver', WEBKIT_MINIBROWSER, '/usr/bin/Xvfb'],
    debian: ['webkit2gtk-driver', 'xvfb'],
  },
];

/** Debian packages the Django app's wheel, its tests and the example site need (Debian's python3). */
export const DJANGO_PACKAGES = ['python3-django', 'python3-pip'];

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
        `${engine.name} is missing: install it with \`sudo apt-get install ${engine.debian.join(' ')}\` (or \`npm run setup\`)`,
    );
}
