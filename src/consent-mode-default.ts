/**
 * Google Consent Mode's defaults, for the page's <head> before any Google tag:
 * every consent type in its default state (denied, but `security_storage`)
 * until the visitor decides (the library then sends `update`, see
 * consent/google-consent-mode.ts). Built as `dist/consent-mode-default.js`, a
 * classic script, so that it runs before the tags that follow it, and a file,
 * so that a page with a strict Content-Security-Policy need not allow inline
 * scripts. Rollup bundles what it imports into that script.
 */
import { CONSENT_MODE_DEFAULTS } from './consent/google-consent-types.js';

// Imported on a server (a bundler's server render), there is no page to set up.
if (typeof window !== 'undefined') {
  const page = window as { dataLayer?: unknown[]; gtag?: (...args: unknown[]) => void };
  const dataLayer = (page.dataLayer ??= []);
  // Google's shim, global as its snippet makes it, for the page's own
  // gtag('config', …): it pushes `arguments`, as gtag.js ignores an array.
  page.gtag ??= function gtag(..._args: unknown[]): void {
    // eslint-disable-next-line prefer-rest-params
    dataLayer.push(arguments);
  };
  page.gtag('consent', 'default', {
    ...CONSENT_MODE_DEFAULTS,
    // Milliseconds the tags wait for the stored decision's update.
    wait_for_update: 500,
  });
}
