/**
 * Opening the preferences from anywhere: the banner's "Customise" button, the
 * floating button, and any element of the page with `data-cookie-preferences`
 * (e.g. a "Manage cookies" link in the footer).
 */
import { DEFAULT_DECISION_COOKIE } from '../consent/decision-cookie.js';
import { loadElement } from './lazy-elements.js';

interface PreferencesElement extends HTMLElement {
  cookieName: string;
  show(opener?: HTMLElement | null): void;
}

/**
 * Opens the page's `<cookie-preferences>` for decision cookie `cookieName`,
 * creating one at the end of `<body>` if the page has none. Focus returns to
 * `opener` when it closes. Resolves `true` once the dialog is shown, `false`
 * when its module could not be loaded (reported in the console); it never
 * rejects.
 */
export function openPreferences(
  opener: HTMLElement | null = null,
  cookieName = DEFAULT_DECISION_COOKIE,
): Promise<boolean> {
  // The dialog's module may not be loaded yet (lazy-elements.ts). A dialog is
  // created only once it is: a failed load leaves nothing behind.
  return loadElement('cookie-preferences')
    .then((defined) => {
      if (!defined) return false;
      let preferences = [
        ...document.querySelectorAll<PreferencesElement>('cookie-preferences'),
      ].find((element) => (element.cookieName ?? DEFAULT_DECISION_COOKIE) === cookieName);
      if (!preferences) {
        preferences = document.createElement('cookie-preferences') as PreferencesElement;
        if (cookieName !== DEFAULT_DECISION_COOKIE) {
          preferences.setAttribute('cookie-name', cookieName);
        }
        document.body.append(preferences);
      }
      preferences.show(opener);
      return true;
    })
    .catch((error: unknown) => {
      // E.g. called from a script in <head>, before there is a <body>.
      console.error('cookie consent: could not open the preferences', error);
      return false;
    });
}

/**
 * Whether going to `href` can help a visitor whose dialog did not load: a
 * page of the site, or a named part of this one (the policy). Never a
 * `javascript:` URL, nor a bare `#`, which would only scroll to the top.
 */
function worthFollowing(href: string): boolean {
  let url: URL;
  try {
    url = new URL(href, location.href);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  return url.hash.length > 1 || url.href.split('#')[0] !== location.href.split('#')[0];
}

/**
 * Opens the preferences, or, when the dialog cannot be loaded, goes to
 * `fallbackHref` (the cookie policy, a "Manage cookies" link's target): the
 * visitor still reaches the policy, and another page loads the library
 * afresh, which mends a chunk missing after a deploy.
 */
export function openPreferencesOrGo(
  opener: HTMLElement | null,
  cookieName: string,
  fallbackHref: string | undefined,
): void {
  void openPreferences(opener, cookieName).then((shown) => {
    if (!shown && fallbackHref && worthFollowing(fallbackHref)) location.assign(fallbackHref);
  });
}

let listening = false;

/** Makes every `[data-cookie-preferences]` of the page open the preferences. */
export function listenForPreferencesTriggers(): void {
  if (listening) return;
  listening = true;
  document.addEventListener('click', (event) => {
    const trigger = (event.target as Element | null)?.closest?.('[data-cookie-preferences]');
    if (!(trigger instanceof HTMLElement)) return;
    event.preventDefault();
    const href = trigger instanceof HTMLAnchorElement ? trigger.href : undefined;
    openPreferencesOrGo(
      trigger,
      trigger.dataset.cookiePreferences || DEFAULT_DECISION_COOKIE,
      href,
    );
  });
}
