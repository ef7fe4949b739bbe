/**
 * What would make Google misread the visitor's choice, reported once per
 * store by google-consent-mode.ts. A module of its own: its messages are
 * fetched only by sites that use Consent Mode.
 */
// From the module that loads this one, so that the types come in its chunk.
import { CONSENT_MODE_TYPES, dataLayer, isConsentModeType } from './google-consent-mode.js';
import type { CookieInventory } from './inventory.js';

/** Whether the page set Google's defaults (`gtag('consent', 'default', …)`) before us. */
function hasDefaults(): boolean {
  return dataLayer().some((entry) => {
    const args = entry as ArrayLike<unknown> | null;
    return args?.[0] === 'consent' && args[1] === 'default';
  });
}

interface TagsWindow {
  gtag?: unknown;
  clarity?: unknown;
  uetq?: unknown;
}

/** Whether UET's queue, not yet read by its tag, holds `uetq.push('consent', 'default', …)`. */
function uetDefaultsMissing(uetq: unknown): boolean {
  return (
    Array.isArray(uetq) &&
    !uetq.some((entry, index) => entry === 'consent' && uetq[index + 1] === 'default')
  );
}

/**
 * Reports unknown consent types (ignored rather than fatal: Google may add
 * types, and a typo must not take the banner away) and missing defaults:
 * Google's, unless the page has only Microsoft's tags (Clarity or UET, and no
 * `gtag()`), and UET's.
 */
export function checkConsentModeSetUp(inventory: CookieInventory): void {
  inventory.categories.forEach((category, index) => {
    for (const type of category.consentMode ?? []) {
      if (isConsentModeType(type)) continue;
      console.error(
        `cookie consent: categories[${index}].consentMode: "${type}" is not a Google consent type (${CONSENT_MODE_TYPES.join(', ')}), it is ignored`,
      );
    }
  });
  const page = window as TagsWindow;
  const microsoftOnly = (page.clarity ?? page.uetq) !== undefined && page.gtag === undefined;
  if (uetDefaultsMissing(page.uetq)) {
    console.warn(
      "cookie consent: no uetq.push('consent', 'default', …) ran before the library: until it does, Microsoft's UET tag counts ad_storage as granted. Push the default before UET's tag.",
    );
  }
  if (!microsoftOnly && !hasDefaults()) {
    console.warn(
      "cookie consent: no gtag('consent', 'default', …) ran before the library: until it does, Google's tags count every type as granted. Load consent-mode-default.js before any Google tag.",
    );
  }
}
