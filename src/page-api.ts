import * as api from './consent/api.js';
import { listenForPreferencesTriggers, openPreferences } from './components/preferences-opener.js';

/** The API for classic (non-module) scripts: `window.cookieConsent.hasConsent('statistics')`. */
const cookieConsent = { ...api, openPreferences };

/** What `window.cookieConsent` holds: the consent API and `openPreferences`. */
export type CookieConsentPageApi = typeof cookieConsent;

declare global {
  interface Window {
    cookieConsent?: CookieConsentPageApi;
  }
}

/**
 * Puts the API on `window.cookieConsent` (unless another copy did) and makes
 * every `[data-cookie-preferences]` element of the page open the preferences.
 */
export function installPageApi(): void {
  listenForPreferencesTriggers();
  window.cookieConsent ??= cookieConsent;
}
