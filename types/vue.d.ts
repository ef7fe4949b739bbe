/**
 * `cookie-consent-elements/vue`: the four tags typed in Vue templates
 * (vue-tsc, Volar). Import it once for its types, e.g. in `env.d.ts`:
 * `import type {} from 'cookie-consent-elements/vue';`. Vue must also be told
 * that the tags are custom elements (`compilerOptions.isCustomElement`).
 *
 * Vue sets `:inventory` as a property (the element has one), and
 * `@consent-change` listens to the element's `consent-change`.
 */
import type { HTMLAttributes } from 'vue';
import type { ElementFields } from '../lib/framework-types.js';
import type {
  ConsentChangeEvent,
  CookieBanner,
  CookieEmbed,
  CookiePreferences,
  CookieTable,
} from '../lib/index.js';

/** What a Vue template may give the tag `E`: its fields, HTML attributes and its event. */
type VueCustomElement<E extends HTMLElement> = new () => E & {
  /** For templates' type checks only: not a property of the element. */
  $props: HTMLAttributes &
    ElementFields<E> & {
      onConsentChange?: (event: ConsentChangeEvent) => void;
    };
};

declare module 'vue' {
  interface GlobalComponents {
    'cookie-banner': VueCustomElement<CookieBanner>;
    'cookie-preferences': VueCustomElement<CookiePreferences>;
    'cookie-table': VueCustomElement<CookieTable>;
    'cookie-embed': VueCustomElement<CookieEmbed>;
  }
}
