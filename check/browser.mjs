// The browser the check drives: Chromium through playwright-core (an optional peer dependency:
// sites that never run the check do not download it). The executable comes from
// COOKIE_CONSENT_CHECK_CHROMIUM, else Playwright's own download, else the system's Chromium or
// Chrome.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Thrown when the check cannot run at all; the command line exits with 2 and its message. */
export class CheckError extends Error {}

/** Chromium headless, off the networks of Google's background services, and as root if it is. */
export function chromiumFlags() {
  return [
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-quic',
    '--no-first-run',
  ];
}

/** The system's browsers the check tries, in order, after the environment variable and Playwright's. */
export function systemChromiums(env = process.env) {
  return [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/snap/bin/chromium',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    env.PROGRAMFILES && join(env.PROGRAMFILES, 'Google/Chrome/Application/chrome.exe'),
  ].filter(Boolean);
}

/** playwright-core, from the site's dependencies or beside this package. */
async function loadPlaywright() {
  const require = createRequire(join(process.cwd(), 'package.json'));
  for (const resolve of [
    () => pathToFileURL(require.resolve('playwright-core')).href,
    () => 'playwright-core',
  ]) {
    try {
      const module = await import(resolve());
      return module.chromium ? module : module.default;
    } catch {
      // Next place.
    }
  }
  throw new CheckError(
    'playwright-core is not installed: run `npm install --save-dev playwright-core` ' +
      '(the check drives Chromium through it).',
  );
}

/**
 * The Chromium executable to launch: the variable's value as given (a wrong one is reported),
 * else the first that exists.
 */
export function chromiumPath(chromium, env = process.env) {
  const variable = env.COOKIE_CONSENT_CHECK_CHROMIUM;
  if (variable) {
    if (!existsSync(variable)) {
      throw new CheckError(`COOKIE_CONSENT_CHECK_CHROMIUM names no file: ${variable}`);
    }
    return variable;
  }
  let playwrights;
  try {
    playwrights = chromium.executablePath();
  } catch {
    playwrights = undefined;
  }
  const found = [playwrights, ...systemChromiums(env)].find((path) => path && existsSync(path));
  if (!found) {
    throw new CheckError(
      "no Chromium found: install one (`npx playwright install chromium`, or your system's " +
        '`chromium` package), or set COOKIE_CONSENT_CHECK_CHROMIUM to its executable.',
    );
  }
  return found;
}

/** A headless Chromium; close it when done. */
export async function launchBrowser(env = process.env) {
  const { chromium } = await loadPlaywright();
  const executablePath = chromiumPath(chromium, env);
  try {
    return await chromium.launch({ executablePath, headless: true, args: chromiumFlags() });
  } catch (error) {
    throw new CheckError(`could not start ${executablePath}: ${error.message.split('\n')[0]}`);
  }
}
