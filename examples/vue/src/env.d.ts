// Types the library's tags in Vue templates.
import type {} from 'cookie-consent-elements/vue';
