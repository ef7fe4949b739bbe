/**
 * Public entry: the element classes, their types and the consent API.
 * Importing it defines <cookie-banner>, <cookie-preferences> and <cookie-table>
 * (unless another copy did already) and makes every `[data-cookie-preferences]`
 * element of the page open the preferences.
 */
import * as api from './consent/api.js';
import { CookieBanner } from './components/cookie-banner/cookie-banner.js';
import { CookiePreferences } from './components/cookie-preferences/cookie-preferences.js';
import { CookieTable } from './components/cookie-table/cookie-table.js';
import { listenForPreferencesTriggers, openPreferences } from './components/preferences-opener.js';
import { defineElement } from './define.js';

export { CookieBanner, CookiePreferences, CookieTable, openPreferences };
export * from './consent/api.js';
export { ConsentChangeEvent, CONSENT_ACTIONS } from './events/consent-change.js';
export type { ConsentAction, ConsentDecision, ConsentDetail } from './events/consent-change.js';
export type {
  CookieCategory,
  CookieDuration,
  CookieInfo,
  CookieInventory,
  InventoryProblem,
  LocalizedText,
  Party,
} from './consent/inventory.js';
export { findInventoryProblems } from './consent/inventory.js';
export { normalizeLanguageCode, supportedLanguageVariant } from './consent/language.js';
export { uiLocales } from './i18n/localize.js';

defineElement('cookie-banner', CookieBanner);
defineElement('cookie-preferences', CookiePreferences);
defineElement('cookie-table', CookieTable);
listenForPreferencesTriggers();

/** The API for classic (non-module) scripts: `window.cookieConsent.hasConsent('statistics')`. */
const cookieConsent = { ...api, openPreferences };
declare global {
  interface Window {
    cookieConsent?: typeof cookieConsent;
  }
  interface HTMLElementTagNameMap {
    'cookie-banner': CookieBanner;
    'cookie-preferences': CookiePreferences;
    'cookie-table': CookieTable;
  }
}
window.cookieConsent ??= cookieConsent;
