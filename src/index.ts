/**
 * Public entry: the element classes, their types and the consent API.
 * Importing it defines <cookie-banner>, <cookie-preferences> and <cookie-table>.
 */
import { CookieBanner } from './components/cookie-banner/cookie-banner.js';
import { CookiePreferences } from './components/cookie-preferences/cookie-preferences.js';
import { CookieTable } from './components/cookie-table/cookie-table.js';
import { defineElement } from './define.js';

export { CookieBanner, CookiePreferences, CookieTable };

defineElement('cookie-banner', CookieBanner);
defineElement('cookie-preferences', CookiePreferences);
defineElement('cookie-table', CookieTable);

declare global {
  interface HTMLElementTagNameMap {
    'cookie-banner': CookieBanner;
    'cookie-preferences': CookiePreferences;
    'cookie-table': CookieTable;
  }
}
