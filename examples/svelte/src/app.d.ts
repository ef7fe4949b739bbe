// Types the library's tags in Svelte markup.
import type {} from 'cookie-consent-elements/svelte';
