// Debian's Chromium driven by playwright-core, for end-to-end tests and the
// benchmark.
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../../scripts/browsers.mjs';

export function launchChromium() {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_FLAGS,
  });
}

/* global document -- in the function that runs in the page */

/**
 * Resolves once the script has adopted the banner the server rendered (its
 * first update done). Until then its buttons post their form, where it has
 * one, and the script-tag build defines the banner only after the page's
 * first frame: a test of what the script does with a click waits for this.
 */
export function bannerHydrated(page) {
  return page.waitForFunction(() => document.querySelector('cookie-banner')?.hasUpdated === true);
}
