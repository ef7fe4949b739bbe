/**
 * What both builds export: the consent API, the banner's class, the event and
 * the inventory's types. No side effect: the entries define the elements.
 */
export * from './consent/api.js';
export { CookieBanner } from './components/cookie-banner/cookie-banner.js';
export { openPreferences } from './components/preferences-opener.js';
export { ConsentChangeEvent, CONSENT_ACTIONS } from './events/consent-change.js';
export type { ConsentAction, ConsentDecision, ConsentDetail } from './events/consent-change.js';
export type {
  CookieCategory,
  CookieDuration,
  CookieInfo,
  CookieInventory,
  CookieStorage,
  CookieVendor,
  InventoryProblem,
  LocalizedText,
  Party,
} from './consent/inventory.js';
export type { ConsentModeState, ConsentModeType } from './consent/google-consent-types.js';
export { normalizeLanguageCode, supportedLanguageVariant } from './consent/language.js';
export { uiLocales } from './i18n/localize.js';
