/**
 * The script-tag build's entry (dist/cookie-consent.js). It defines
 * <cookie-banner> at once; <cookie-preferences>, <cookie-table> and
 * <cookie-embed> are modules of their own, loaded when the page uses them
 * (lazy-elements.ts), and each language is loaded when a visitor needs it.
 */
import { CookieBanner } from './components/cookie-banner/cookie-banner.js';
import { defineOnUse } from './components/lazy-elements.js';
import { defineElement } from './define.js';
import { installPageApi } from './page-api.js';

export * from './public-api.js';

defineElement('cookie-banner', CookieBanner);
defineOnUse();
installPageApi();
