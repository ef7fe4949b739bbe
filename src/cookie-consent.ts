/**
 * The script-tag build's entry (dist/cookie-consent.js). It defines
 * <cookie-banner> once the page has painted; <cookie-preferences>,
 * <cookie-table> and <cookie-embed> are modules of their own, loaded when the
 * page uses them (lazy-elements.ts), and each language is loaded when a
 * visitor needs it.
 */
import { afterFirstPaint } from './components/cookie-banner/after-first-paint.js';
import { CookieBanner } from './components/cookie-banner/cookie-banner.js';
import { defineOnUse } from './components/lazy-elements.js';
import { defineElement } from './define.js';
import { installPageApi } from './page-api.js';

export * from './public-api.js';

// Defining the banner upgrades it: it reads its inventory, the page's language
// and the decision cookie, all before rendering. A module that runs before
// the page's first frame (its file came before the HTML was parsed) would
// make that frame, the page's own first and largest contentful paints, wait
// for this work; it waits for the frame instead. The API is there at once.
const defineBanner = () => defineElement('cookie-banner', CookieBanner);
const painted = afterFirstPaint();
if (painted) void painted.then(defineBanner);
else defineBanner();
defineOnUse();
installPageApi();
