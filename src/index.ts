/**
 * The package's main export, for bundlers: the element classes, their types
 * and the consent API. Importing it defines <cookie-banner>,
 * <cookie-preferences>, <cookie-table> and <cookie-embed> (unless another
 * copy did already), puts the API on `window.cookieConsent` and makes every
 * `[data-cookie-preferences]` element of the page open the preferences.
 */
import { CookieBanner } from './components/cookie-banner/cookie-banner.js';
import { CookieEmbed } from './components/cookie-embed/cookie-embed.js';
import { CookiePreferences } from './components/cookie-preferences/cookie-preferences.js';
import { CookieTable } from './components/cookie-table/cookie-table.js';
// The rules of vendors, storage and Global Privacy Control, at once: a
// bundler's build has no reason to fetch them apart, and the inventory's
// checks then report every problem synchronously.
import './consent/vendor-rules.js';
import { defineElement } from './define.js';
import { useDetailTexts } from './i18n/localize.js';
import { installPageApi } from './page-api.js';

export * from './public-api.js';
// Its declaration types `window.cookieConsent` for every importer.
export type { CookieConsentPageApi } from './page-api.js';
export { CookieEmbed, CookiePreferences, CookieTable };
export { findInventoryProblems } from './consent/inventory-problems.js';

// All four elements at once, so all their texts in the visitor's language.
useDetailTexts();
defineElement('cookie-banner', CookieBanner);
defineElement('cookie-preferences', CookiePreferences);
defineElement('cookie-table', CookieTable);
defineElement('cookie-embed', CookieEmbed);
// Nothing to install where there is no page: a server imports the package too.
if (typeof document !== 'undefined') installPageApi();
