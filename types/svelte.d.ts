/**
 * `cookie-consent-elements/svelte`: the four tags typed in Svelte 5 markup
 * (svelte-check). Import it once for its types, e.g. in `src/app.d.ts`:
 * `import type {} from 'cookie-consent-elements/svelte';`.
 *
 * Svelte sets `inventory={…}` as a property (the element has one), and
 * `onconsent-change={…}` listens to the element's `consent-change`.
 */
import type { HTMLAttributes } from 'svelte/elements';
import type { ElementFields } from '../lib/framework-types.js';
import type {
  ConsentChangeEvent,
  CookieBanner,
  CookieEmbed,
  CookiePreferences,
  CookieTable,
} from '../lib/index.js';

/** What Svelte markup may give the tag `E`: its fields, HTML attributes and its event. */
type SvelteCustomElement<E extends HTMLElement> = HTMLAttributes<E> &
  ElementFields<E> & {
    'onconsent-change'?: (event: ConsentChangeEvent) => void;
  };

declare module 'svelte/elements' {
  interface SvelteHTMLElements {
    'cookie-banner': SvelteCustomElement<CookieBanner>;
    'cookie-preferences': SvelteCustomElement<CookiePreferences>;
    'cookie-table': SvelteCustomElement<CookieTable>;
    'cookie-embed': SvelteCustomElement<CookieEmbed>;
  }
}
